package org.lipf.linear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.lipf.grid.Grid;
import org.lipf.grid.Parallel;
import org.lipf.model.DoubleWell;
import org.lipf.model.Interpolation;

/**
 * Deflated CG with {@link LatticeDeflation} on the operator it is built for (docs/MODEL.md section
 * 5.3.2): the linearly implicit Allen-Cahn step around a curved front at a long step, whose translation
 * modes (eigenvalues near 1 against a diagonal near 7000) multigrid cannot reach.
 */
class LatticeDeflationTest {
    /** dt L kappa / dx^2 and dt L W of the SC-micro validation runs at their 10 s steps. */
    static final double T = 1860, DW = 885;

    /**
     * 1 + dt L W g''(xi) - div(dt L kappa grad) around a front displaced by a sine (4 cells) along x: the profile
     * 1 / (1 + e^(d / a)), a = sqrt(kappa / 2W), relaxed by gradient flow to the discrete equilibrium
     * across the front (the continuum profile at a = 1 dx makes the operator indefinite).
     */
    static VariableCoefficientPoisson allenCahnOperator(Grid g, Parallel par, double[] xi) {
        VariableCoefficientPoisson op = new VariableCoefficientPoisson(g, par, BoundaryCondition.zeroFlux(), BoundaryCondition.zeroFlux(), true);
        final int nx = g.nx, nz = g.nz;
        final double a = Math.sqrt(T / (2 * DW));
        double[][] u = new double[nz][nx], next = new double[nz][nx];
        for (int k = 0; k < nz; k++)
            for (int i = 0; i < nx; i++) u[k][i] = 1 / (1 + Math.exp((k + 0.5 - nz / 2.0 - 4 * Math.sin(2 * Math.PI * i / nx)) / a));
        final double tau = 0.5 / (4 * T + 2 * DW);
        for (int it = 0; it < 400; it++) {
            for (int k = 0; k < nz; k++)
                for (int i = 0; i < nx; i++) {
                    final double lap = u[k][(i + 1) % nx] + u[k][(i + nx - 1) % nx] + u[Math.min(k + 1, nz - 1)][i] + u[Math.max(k - 1, 0)][i] - 4 * u[k][i];
                    next[k][i] = u[k][i] + tau * (T * lap - DW * DoubleWell.dg(u[k][i]));
                }
            double[][] swap = u;
            u = next;
            next = swap;
        }
        double[] beta = g.newField();
        for (int k = 0; k < nz; k++)
            for (int i = 0; i < nx; i++) {
                final int c = g.index(i, 0, k);
                xi[c] = u[k][i];
                op.shift()[c] = 1 + DW * DoubleWell.d2g(xi[c]);
                beta[c] = T;
            }
        op.setCellCoefficients(beta);
        return op;
    }

    static double[] translationMode(Grid g, double[] xi) {
        double[] mode = g.newField();
        for (int c = 0; c < mode.length; c++) mode[c] = xi[c] * (1 - xi[c]);
        return mode;
    }

    /** A rate field like the step's: h'(xi), modulated along the front. */
    static double[] rates(Grid g, double[] xi) {
        double[] r = g.newField();
        for (int k = 0; k < g.nz; k++)
            for (int i = 0; i < g.nx; i++) r[g.index(i, 0, k)] = Interpolation.dh(xi[g.index(i, 0, k)]) * (1 + 0.3 * Math.cos(4 * Math.PI * i / g.nx));
        return r;
    }

    /** The curved front's operator on 128 x 64 cells, its xi and the rates to filter. */
    record Front(Grid g, VariableCoefficientPoisson op, double[] xi, double[] rates) {
        static Front on(Parallel par) {
            Grid g = new Grid(128, 1, 64, 1.0);
            double[] xi = g.newField();
            VariableCoefficientPoisson op = allenCahnOperator(g, par, xi);
            return new Front(g, op, xi, LatticeDeflationTest.rates(g, xi));
        }
    }

    @Test
    void frontsAreDeflatedFromLowerStiffnessIn2DThanIn3D() {
        // 2D: from dt L_sigma kappa0 / dx^2 = 30 (paper B's SC cells at 35 and 89 gain 7-14 % of run time); 3D from 100
        assertFalse(LatticeDeflation.frontWorthDeflating(29.9, false));
        assertTrue(LatticeDeflation.frontWorthDeflating(30, false));
        assertFalse(LatticeDeflation.frontWorthDeflating(89, true), "3D: the build and projection cost more (8 hats per cell)");
        assertTrue(LatticeDeflation.frontWorthDeflating(100, true));
    }

    @Test
    void deflationHalvesTheIterationsOfTheImplicitAllenCahnStepAndGivesTheSameSolution() {
        try (Parallel par = new Parallel(2)) {
            Front front = Front.on(par);
            Grid g = front.g();
            VariableCoefficientPoisson op = front.op();
            double[] xi = front.xi(), r = front.rates();
            double[] plain = g.newField(), deflated = g.newField();
            PcgSolver pcg = new PcgSolver(op, new MultigridPreconditioner(op), 400);
            int plainIterations = pcg.solve(plain, r, 1e-10, 0).iterations();
            LatticeDeflation deflation = LatticeDeflation.forOperator(op, 8);
            assertTrue(deflation.build(translationMode(g, xi)));
            int deflatedIterations = pcg.solve(deflated, r, 1e-10, 0, deflation).iterations();
            assertTrue(2 * deflatedIterations <= plainIterations, "deflated " + deflatedIterations + " against plain " + plainIterations + " iterations");
            double max = 0, diff = 0;
            for (int k = 0; k < g.nz; k++)
                for (int i = 0; i < g.nx; i++) {
                    final int c = g.index(i, 0, k);
                    max = Math.max(max, Math.abs(plain[c]));
                    diff = Math.max(diff, Math.abs(plain[c] - deflated[c]));
                }
            // both stop at 1e-10 of the Jacobi-scaled residual; the translation modes amplify it by the
            // diagonal over their eigenvalue (about 7000)
            assertTrue(diff <= 1e-5 * max, "solutions differ by " + diff + " of " + max);
        }
    }

    @Test
    void strayCellsOfTheModeDropTheirDependentVectorsInsteadOfTheDeflation() {
        try (Parallel par = new Parallel(2)) {
            Front front = Front.on(par);
            double[] mode = translationMode(front.g(), front.xi());
            // lone cells above the cutoff far from the front: each touches 4 nodes with one cell, whose 4
            // vectors are multiples of one another (E singular without the dropping)
            mode[front.g().index(3, 0, 2)] = mode[front.g().index(20, 0, 61)] = 0.01;
            LatticeDeflation deflation = LatticeDeflation.forOperator(front.op(), 8);
            assertTrue(deflation.build(mode));
            PcgSolver pcg = new PcgSolver(front.op(), new MultigridPreconditioner(front.op()), 400);
            int iterations = pcg.solve(front.g().newField(), front.rates(), 1e-10, 0, deflation).iterations();
            assertTrue(iterations <= 14, iterations + " iterations (12 without the stray cells, 33 undeflated)");
        }
    }

    @Test
    void deflatedSolvesDoNotDependOnTheThreadCount() {
        Grid g = new Grid(64, 1, 48, 1.0);
        double[][] u = new double[2][];
        for (int n = 1; n <= 2; n++)
            try (Parallel par = new Parallel(n)) {
                double[] xi = g.newField();
                VariableCoefficientPoisson op = allenCahnOperator(g, par, xi);
                LatticeDeflation deflation = LatticeDeflation.forOperator(op, 8);
                assertTrue(deflation.build(translationMode(g, xi)));
                u[n - 1] = g.newField();
                new PcgSolver(op, new MultigridPreconditioner(op), 400).solve(u[n - 1], rates(g, xi), 1e-10, 0, deflation);
            }
        assertArrayEquals(u[0], u[1]);
    }

    @Test
    void anIndefiniteOperatorIsNotDeflated() {
        Grid g = new Grid(32, 1, 32, 1.0);
        try (Parallel par = new Parallel(1)) {
            // below -8 beta / h^2: every smooth mode has a negative eigenvalue
            LatticeDeflation deflation = LatticeDeflation.forOperator(uniform(g, par, -10), 8);
            assertFalse(deflation.build(ones(g)));
            assertEquals(0, deflation.size());
        }
    }

    @Test
    void aLargeFrontCoarsensTheLatticeUntilTheVectorsFit() {
        Grid g = new Grid(64, 64, 64, 1.0);
        try (Parallel par = new Parallel(2)) {
            LatticeDeflation deflation = LatticeDeflation.forOperator(uniform(g, par, 1), 2);
            assertTrue(deflation.build(ones(g)));
            // spacing 2: 32 x 32 x 33 nodes, 4: 16 x 16 x 17, 8: 8 x 8 x 9 = 576 <= 800
            assertEquals(8, deflation.spacing());
            assertEquals(576, deflation.size());
        }
    }

    /** alpha u - div(grad u) with zero flux at both ends (beta = 1, h = 1). */
    static VariableCoefficientPoisson uniform(Grid g, Parallel par, double alpha) {
        VariableCoefficientPoisson op = new VariableCoefficientPoisson(g, par, BoundaryCondition.zeroFlux(), BoundaryCondition.zeroFlux(), true);
        java.util.Arrays.fill(op.shift(), alpha);
        op.setCellCoefficients(ones(g));
        return op;
    }

    static double[] ones(Grid g) {
        double[] v = g.newField();
        java.util.Arrays.fill(v, 1);
        return v;
    }
}
