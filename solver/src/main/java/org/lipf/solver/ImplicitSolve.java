package org.lipf.solver;

import org.lipf.grid.Grid;
import org.lipf.grid.Parallel;
import org.lipf.linear.BoundaryCondition;
import org.lipf.linear.HarmonicMean;
import org.lipf.linear.LatticeDeflation;
import org.lipf.linear.MultigridPreconditioner;
import org.lipf.linear.PcgSolver;
import org.lipf.linear.SolverDivergedException;
import org.lipf.linear.VariableCoefficientPoisson;

/**
 * One linear solve of an implicit step, {@code alpha u - div(beta grad u) = r} (docs/MODEL.md
 * section 5.3.2), by multigrid-preconditioned CG: the face coefficients beta are harmonic means of
 * cell values (a zero cell value closes its faces), alpha is per cell.
 */
public final class ImplicitSolve {
    /**
     * Relative tolerance on the Jacobi-scaled residual (the OpenCL backend's solves use it too): far below the step's
     * own error, a step moving xi by at most {@code time.max_xi_change} (0.02 by default, 0.05 in the validation) by
     * 1e-6 of that. Until 2026-12-06 it was 1e-10; 1e-6 takes 29 % fewer iterations on paper B's SC-nano cell and
     * leaves the validation report as it was (docs/PERFORMANCE.md).
     */
    public static final double TOLERANCE = 1e-6;
    public static final int MAX_ITERATIONS = 200;

    private final Grid g;
    private final Parallel parallel;
    private final VariableCoefficientPoisson op;
    private final PcgSolver pcg;
    /** Deflation of the current operator, or null (see {@link #deflate}). */
    private LatticeDeflation deflation;
    private boolean deflated;
    /** PCG iterations of every solve so far. */
    private long iterations;

    /** @param topFixed whether the value is held on the top face (increment 0 there), else zero flux */
    ImplicitSolve(Grid g, Parallel parallel, boolean topFixed) {
        this.g = g;
        this.parallel = parallel;
        this.op = new VariableCoefficientPoisson(g, parallel, BoundaryCondition.zeroFlux(),
                topFixed ? BoundaryCondition.dirichlet(0) : BoundaryCondition.zeroFlux(), true);
        this.pcg = new PcgSolver(op, new MultigridPreconditioner(op), MAX_ITERATIONS);
    }

    /** The live diagonal term alpha per cell; set it before {@link #setFaces}. */
    double[] alpha() {
        return op.shift();
    }

    /**
     * Sets beta on every face from cell values (padded field, x-ghosts not read): the harmonic mean
     * of the two cells, zero if either is zero; a boundary face takes its cell's value. Then marks
     * the operator changed (alpha included).
     */
    void setFaces(double[] cellBeta) {
        final int nx = g.nx, ny = g.ny, nz = g.nz, sZ = g.strideZ, sY = g.strideY;
        final double[] bx = op.betaX(), by = op.betaY(), bz = op.betaZ();
        parallel.forSlabs(nz, (k0, k1) -> {
            for (int k = k0; k < k1; k++)
                for (int j = 0; j < ny; j++) {
                    final int s = g.rowStart(j, k);
                    final int north = j == ny - 1 ? -(ny - 1) * sY : sY;
                    for (int c = s; c < s + nx; c++) {
                        final double a = cellBeta[c];
                        bx[c] = HarmonicMean.of(a, cellBeta[c + 1 == s + nx ? s : c + 1]);
                        if (by != null) by[c] = HarmonicMean.of(a, cellBeta[c + north]);
                        bz[c] = k == nz - 1 ? a : HarmonicMean.of(a, cellBeta[c + sZ]);
                        if (k == 0) bz[c - sZ] = a;
                    }
                }
        });
        op.coefficientsChanged();
        deflated = false;
    }

    /**
     * Deflates the modes of the current operator that the given field spans, modulated on a coarse lattice (see
     * {@link LatticeDeflation}); call after {@link #setFaces}. Without a call, or if the field carries
     * nothing, the solves are plain PCG.
     */
    void deflate(double[] mode, int spacingCells) {
        if (deflation == null) deflation = LatticeDeflation.forOperator(op, spacingCells);
        deflated = deflation.build(mode);
    }

    /** Solves for u in place (u holds the initial guess); r is not modified. */
    void solve(double[] u, double[] r) {
        try {
            iterations += pcg.solve(u, r, TOLERANCE, 0, deflated ? deflation : null).iterations();
        } catch (SolverDivergedException failed) {
            iterations += failed.iterations(); // the failed solves of a step that is retried cost the most
            throw failed;
        }
    }

    /** PCG iterations of all solves so far. */
    long iterations() {
        return iterations;
    }
}
