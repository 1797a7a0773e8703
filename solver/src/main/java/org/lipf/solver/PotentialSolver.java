package org.lipf.solver;

import org.lipf.grid.Grid;
import org.lipf.grid.Parallel;
import org.lipf.linear.BoundaryCondition;
import org.lipf.linear.MultigridPreconditioner;
import org.lipf.linear.PcgSolver;
import org.lipf.linear.SolveStats;
import org.lipf.linear.VariableCoefficientPoisson;

/**
 * One quasi-static potential equation of docs/MODEL.md section 3.3,
 * {@code div(sigma grad phi) = sign * q}, with Dirichlet or zero-flux ends, solved by
 * multigrid-preconditioned CG warm-started from the previous potential.
 */
final class PotentialSolver {
    private final Grid grid;
    private final Parallel parallel;
    private final VariableCoefficientPoisson operator;
    private final PcgSolver pcg;
    private final double relTol;
    private final double[] rhs;

    PotentialSolver(Grid grid, Parallel parallel, boolean bottomDirichlet, boolean topDirichlet, double relTol, int maxIterations) {
        this.grid = grid;
        this.parallel = parallel;
        this.operator = new VariableCoefficientPoisson(grid, parallel,
                bottomDirichlet ? BoundaryCondition.dirichlet(0) : BoundaryCondition.zeroFlux(),
                topDirichlet ? BoundaryCondition.dirichlet(0) : BoundaryCondition.zeroFlux());
        this.pcg = new PcgSolver(operator, new MultigridPreconditioner(operator), maxIterations);
        this.relTol = relTol;
        this.rhs = grid.newField();
    }

    /**
     * Solves for phi in place; returns the number of PCG iterations (one V-cycle each).
     *
     * @param sigma  cell conductivities, S/m
     * @param q      reaction charge source, A/m^3
     * @param sign   +1 for div(sigma grad phi) = q, -1 for = -q
     */
    int solve(double[] sigma, double[] q, int sign, double bottom_V, double top_V, double[] phi) {
        operator.setCellCoefficients(sigma);
        // A phi = f with A = -div(beta grad) and f = -sign q
        final double s = -sign;
        parallel.forSlabs(grid.nz, (k0, k1) -> {
            for (int k = k0; k < k1; k++)
                for (int j = 0; j < grid.ny; j++) {
                    final int start = grid.rowStart(j, k);
                    for (int P = start; P < start + grid.nx; P++) rhs[P] = s * q[P];
                }
        });
        operator.rhsWithBoundary(rhs, bottom_V, top_V, rhs);
        SolveStats stats = pcg.solve(phi, rhs, relTol, 0);
        return stats.iterations();
    }

    /**
     * Current density flowing down through the top boundary faces into the domain, A/m^2
     * (positive for plating): sigma (phi_top - phi_P) / (dx / 2), averaged over the top faces.
     */
    static double currentIntoTop(Grid grid, double[] sigma, double[] phi, double top_V) {
        final int k = grid.nz - 1;
        double sum = 0;
        for (int j = 0; j < grid.ny; j++) {
            final int start = grid.rowStart(j, k);
            for (int P = start; P < start + grid.nx; P++) sum += 2 * sigma[P] * (top_V - phi[P]) / grid.dx_m;
        }
        return sum / (grid.nx * grid.ny);
    }
}
