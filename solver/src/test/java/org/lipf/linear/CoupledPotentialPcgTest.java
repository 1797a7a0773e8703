package org.lipf.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lipf.grid.Grid;
import org.lipf.grid.Parallel;

/**
 * The block CG for two potentials coupled through a reaction conductance (docs/MODEL.md 5.4.1)
 * against a dense LU solve of the same block matrix, built column by column from the operators.
 */
class CoupledPotentialPcgTest {
    static Parallel par;

    @BeforeAll
    static void start() {
        par = new Parallel(2);
    }

    @AfterAll
    static void stop() {
        par.close();
    }

    @Test
    void matchesADenseSolveWithContrastAndStrongCoupling() {
        Grid g = new Grid(8, 1, 12, 1e-7);
        // phi_l: Dirichlet at the top (counter), phi_s: Dirichlet at the bottom (collector), as in the cell
        VariableCoefficientPoisson opL = new VariableCoefficientPoisson(g, par, BoundaryCondition.zeroFlux(), BoundaryCondition.dirichlet(0), true);
        VariableCoefficientPoisson opS = new VariableCoefficientPoisson(g, par, BoundaryCondition.dirichlet(0), BoundaryCondition.zeroFlux(), true);
        double[] sigmaL = g.newField(), sigmaS = g.newField(), a = g.newField(), bl = g.newField(), bs = g.newField();
        TestProblems.fillPseudoRandom(g, bl, 3, 1e9);
        TestProblems.fillPseudoRandom(g, bs, 4, 1e9);
        java.util.Random rnd = new java.util.Random(7);
        for (int k = 0; k < g.nz; k++)
            for (int i = 0; i < g.nx; i++) {
                int c = g.index(i, 0, k);
                boolean metal = k < 4 || (k < 7 && i < 3);
                sigmaL[c] = metal ? 0.025 : 0.25 * (0.5 + rnd.nextDouble());
                sigmaS[c] = metal ? 1.1e7 : 1e-3 * (0.5 + rnd.nextDouble());
                // the conductance of a reaction spread over the interface and a nucleating layer: up to
                // 100 times sigma / dx^2 of the ion conductor, so the coupling dominates the electronic block there
                a[c] = (k >= 3 && k <= 9) ? 2.5e15 * rnd.nextDouble() : 0;
            }
        opL.setCellCoefficients(sigmaL);
        opS.setCellCoefficients(sigmaS);
        System.arraycopy(a, 0, opL.shift(), 0, a.length);
        System.arraycopy(a, 0, opS.shift(), 0, a.length);
        opL.coefficientsChanged();
        opS.coefficientsChanged();
        opL.rhsWithBoundary(bl, 0.0, 0.0, bl);
        opS.rhsWithBoundary(bs, -0.1, 0.0, bs);

        double[] xl = g.newField(), xs = g.newField();
        SolveStats stats = new CoupledPotentialPcg(opL, opS, 200).solve(xl, xs, bl, bs, 1e-12);
        assertTrue(stats.converged());

        int n = g.nx * g.nz;
        Array2DRowRealMatrix m = new Array2DRowRealMatrix(2 * n, 2 * n);
        double[] e = g.newField(), out = g.newField();
        for (int col = 0; col < 2 * n; col++) {
            java.util.Arrays.fill(e, 0);
            int cell = cellOf(g, col % n);
            e[cell] = 1;
            VariableCoefficientPoisson op = col < n ? opL : opS;
            op.apply(e, out);
            for (int row = 0; row < n; row++) {
                int rc = cellOf(g, row);
                if (col < n) {
                    m.setEntry(row, col, out[rc]);
                    if (rc == cell) m.setEntry(n + row, col, -a[cell]);
                } else {
                    m.setEntry(n + row, col, out[rc]);
                    if (rc == cell) m.setEntry(row, col, -a[cell]);
                }
            }
        }
        RealVector rhs = new ArrayRealVector(2 * n);
        for (int row = 0; row < n; row++) {
            rhs.setEntry(row, bl[cellOf(g, row)]);
            rhs.setEntry(n + row, bs[cellOf(g, row)]);
        }
        RealVector exact = new LUDecomposition(m).getSolver().solve(rhs);
        double scale = exact.getLInfNorm();
        for (int row = 0; row < n; row++) {
            assertEquals(exact.getEntry(row), xl[cellOf(g, row)], 1e-8 * scale, "phi_l at " + row);
            assertEquals(exact.getEntry(n + row), xs[cellOf(g, row)], 1e-8 * scale, "phi_s at " + row);
        }
        // the block matrix is symmetric, as CG needs
        assertEquals(0, m.subtract(m.transpose()).getNorm() / m.getNorm(), 1e-14);
    }

    private static int cellOf(Grid g, int n) {
        return g.index(n % g.nx, 0, n / g.nx);
    }
}
