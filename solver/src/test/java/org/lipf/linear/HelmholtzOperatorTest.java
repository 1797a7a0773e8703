package org.lipf.linear;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lipf.grid.Grid;
import org.lipf.grid.Parallel;

/**
 * The operator of the implicit steps, {@code alpha u - div(beta grad u)} (docs/MODEL.md section
 * 5.3.2): second order against a manufactured solution with zero flux at both ends (no Dirichlet
 * end: the diagonal term makes it regular), and PCG convergence where alpha is negative in some
 * cells but the operator stays positive definite (the double well of the Allen-Cahn step).
 */
class HelmholtzOperatorTest {
    static Parallel par;

    @BeforeAll
    static void start() {
        par = new Parallel(2);
    }

    @AfterAll
    static void stop() {
        par.close();
    }

    /**
     * u = cos(2 pi x) cos(2 pi y) cos(pi z) (no y factor in 2D) on the unit square / cube, beta =
     * 1 + cos(2 pi x) / 4 + z / 4, alpha = 3: zero normal derivative at z = 0 and 1, periodic
     * laterally. Returns the largest error.
     */
    static double maxError(Grid g) {
        VariableCoefficientPoisson op = new VariableCoefficientPoisson(g, par, BoundaryCondition.zeroFlux(), BoundaryCondition.zeroFlux(), true);
        double[] beta = g.newField(), f = g.newField(), exact = g.newField();
        final double alpha = 3, tp = 2 * Math.PI;
        for (int k = 0; k < g.nz; k++)
            for (int j = 0; j < g.ny; j++)
                for (int i = 0; i < g.nx; i++) {
                    double x = (i + 0.5) / g.nx, y = (j + 0.5) / g.ny, z = (k + 0.5) / g.nz;
                    int c = g.index(i, j, k);
                    double Y = g.is3D() ? Math.cos(tp * y) : 1, dY = g.is3D() ? -tp * Math.sin(tp * y) : 0, d2Y = g.is3D() ? -tp * tp * Math.cos(tp * y) : 0;
                    double X = Math.cos(tp * x), dX = -tp * Math.sin(tp * x), d2X = -tp * tp * X;
                    double Z = Math.cos(Math.PI * z), dZ = -Math.PI * Math.sin(Math.PI * z), d2Z = -Math.PI * Math.PI * Z;
                    double b = 1 + 0.25 * X + z / 4;
                    beta[c] = b;
                    exact[c] = X * Y * Z;
                    // div(beta grad u) = beta lap u + grad beta . grad u, grad beta = (dX / 4, 0, 1/4)
                    double div = b * (d2X * Y * Z + X * d2Y * Z + X * Y * d2Z) + 0.25 * dX * dX * Y * Z + 0.25 * X * Y * dZ;
                    f[c] = alpha * exact[c] - div;
                    op.shift()[c] = alpha;
                }
        op.setCellCoefficients(beta);
        double[] u = g.newField();
        new PcgSolver(op).solve(u, f, 1e-12, 0);
        double err = 0;
        for (int k = 0; k < g.nz; k++)
            for (int j = 0; j < g.ny; j++)
                for (int i = 0; i < g.nx; i++) err = Math.max(err, Math.abs(u[g.index(i, j, k)] - exact[g.index(i, j, k)]));
        return err;
    }

    @Test
    void helmholtzManufacturedSolutionIsSecondOrderWithZeroFluxEnds() {
        for (int dim = 2; dim <= 3; dim++) {
            int[] ns = dim == 2 ? new int[] {32, 64, 128} : new int[] {16, 32, 64};
            double[] err = new double[ns.length];
            for (int m = 0; m < ns.length; m++) err[m] = maxError(new Grid(ns[m], dim == 3 ? ns[m] : 1, ns[m], 1.0 / ns[m]));
            for (int m = 1; m < ns.length; m++) {
                double order = Math.log(err[m - 1] / err[m]) / Math.log(2);
                assertTrue(order >= 1.8, dim + "D order " + order + ", errors " + Arrays.toString(err));
            }
        }
    }

    @Test
    void pcgConvergesWithNegativeDiagonalTermsInAPositiveDefiniteOperator() {
        // the linearised Allen-Cahn operator across a flat tanh interface of width delta = 2 h:
        // beta = kappa = 1, alpha = eps + W g''(xi), W = 2 kappa / delta^2; g'' = -1 at the interface,
        // so alpha < 0 there, while the continuous operator's spectrum starts at eps (translation mode)
        Grid g = new Grid(64, 1, 64, 1.0 / 64);
        VariableCoefficientPoisson op = new VariableCoefficientPoisson(g, par, BoundaryCondition.zeroFlux(), BoundaryCondition.zeroFlux(), true);
        double[] beta = g.newField(), f = g.newField(), u = g.newField(), r = g.newField();
        Arrays.fill(beta, 1.0);
        double delta = 2 * g.dx_m, W = 2 / (delta * delta), eps = 0.1 * W;
        boolean negative = false;
        for (int k = 0; k < g.nz; k++)
            for (int i = 0; i < g.nx; i++) {
                double z = (k + 0.5) * g.dx_m, xi = 0.5 * (1 - Math.tanh((z - 0.5) / delta));
                double alpha = eps + W * (2 - 12 * xi + 12 * xi * xi);
                op.shift()[g.index(i, 0, k)] = alpha;
                negative |= alpha < 0;
            }
        assertTrue(negative, "the test needs negative diagonal terms");
        op.setCellCoefficients(beta);
        TestProblems.fillPseudoRandom(g, f, 11, 1.0);
        SolveStats stats = new PcgSolver(op).solve(u, f, 1e-10, 0);
        double res = op.residual(u, f, r);
        assertTrue(stats.converged() && res <= 1e-9 * Math.sqrt(op.level.scaledNorm2(f)), "residual " + res + " after " + stats.iterations());
        assertTrue(stats.iterations() <= 30, "PCG iterations " + stats.iterations());
    }

    @Test
    void withoutDiagonalTermOrDirichletEndMultigridRefusesTheSingularProblem() {
        Grid g = new Grid(8, 1, 8, 1.0 / 8);
        VariableCoefficientPoisson op = new VariableCoefficientPoisson(g, par, BoundaryCondition.zeroFlux(), BoundaryCondition.zeroFlux());
        assertThrows(IllegalArgumentException.class, () -> new MultigridPreconditioner(op));
    }
}
