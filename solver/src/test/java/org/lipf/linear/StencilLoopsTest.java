package org.lipf.linear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.lipf.grid.Grid;
import org.lipf.grid.Parallel;
import org.lipf.kernels.cpu.Simd;

/**
 * The loops of {@link Level} that the multigrid cycle and PCG spend their time in: a Gauss-Seidel sweep done in one
 * pass over the planes gives the bits of its two half-sweeps done one after the other (written out plainly here), for
 * any number of threads (the slabs' end planes wait for their neighbours), with odd extents whose periodic wrap joins
 * cells of one colour; A x and the residual in SIMD lanes give the scalar loops' bits, with rows that end in a
 * scalar rest; and their sums (x . A x, the Jacobi-scaled norm) are added per row, the rows per plane and the planes
 * in order, as written out here (the order they have always had: it decides the last bits of every solve).
 */
class StencilLoopsTest {
    /** Odd and even extents; the last two above the size below which a level runs on one thread, so the slabs split. */
    private static final Grid[] GRIDS = {Grid.of2D(13, 10, 1e-7), Grid.of2D(16, 9, 1e-7), new Grid(7, 5, 9, 1e-7), new Grid(16, 8, 12, 1e-7),
            new Grid(21, 6, 3, 1e-7), Grid.of2D(131, 127, 1e-7), new Grid(27, 25, 26, 1e-7)};

    @Test
    void oneSweepGivesTheBitsOfItsTwoHalfSweeps() {
        int cases = 0;
        for (Grid g : GRIDS)
            for (boolean withShift : new boolean[] {false, true})
                for (int threads : new int[] {1, 2, 3})
                    try (Parallel par = new Parallel(threads)) {
                        VariableCoefficientPoisson op = operator(g, par, withShift, Simd.ENABLED, threads == 2);
                        SplittableRandom random = new SplittableRandom(17);
                        double[] x = field(g, random), b = field(g, random);
                        op.level.fillGhosts(x);
                        for (int first = 0; first < 2; first++) {
                            double[] expected = x.clone();
                            halfSweep(op.level, expected, b, first);
                            halfSweep(op.level, expected, b, 1 - first);
                            op.level.sweep(x, b, first);
                            assertArrayEquals(expected, x, g + ", shift " + withShift + ", " + threads + " threads, first colour " + first);
                            cases++;
                        }
                    }
        assertEquals(GRIDS.length * 2 * 3 * 2, cases);
    }

    @Test
    void stencilInLanesGivesTheScalarBits() {
        assumeTrue(Simd.ENABLED, "the SIMD loops run on this JVM and processor");
        for (Grid g : GRIDS)
            for (boolean withShift : new boolean[] {false, true})
                try (Parallel par = new Parallel(2)) {
                    VariableCoefficientPoisson scalar = operator(g, par, withShift, false, withShift), lanes = operator(g, par, withShift, true, withShift);
                    SplittableRandom random = new SplittableRandom(5);
                    double[] x = field(g, random), b = field(g, random);
                    String which = g + ", shift " + withShift;
                    double[] outScalar = g.newField(), outLanes = g.newField();
                    assertEquals(scalar.level.applyDot(x, outScalar), lanes.level.applyDot(x, outLanes), "x . A x, " + which);
                    assertArrayEquals(outScalar, outLanes, "A x, " + which);
                    for (double[] rhs : new double[][] {b, null}) {
                        assertEquals(scalar.level.residual(x, rhs, outScalar), lanes.level.residual(x, rhs, outLanes), "||D^-1 r||^2, " + which);
                        assertArrayEquals(outScalar, outLanes, "b - A x, " + which + (rhs == null ? ", b = 0" : ""));
                        lanes.level.residualOnly(x, rhs, outLanes);
                        assertArrayEquals(outScalar, outLanes, "residual without its norm, " + which);
                    }
                }
    }

    @Test
    void sumsAddRowsThenPlanesInOrder() {
        for (Grid g : GRIDS)
            try (Parallel par = new Parallel(2)) {
                VariableCoefficientPoisson op = operator(g, par, false, Simd.ENABLED, true);
                SplittableRandom random = new SplittableRandom(9);
                double[] x = field(g, random), b = field(g, random), out = g.newField();
                double xAx = op.level.applyDot(x, out);
                assertEquals(rowsThenPlanes(g, c -> x[c] * out[c]), xAx, 0, "x . A x, " + g);
                double norm = op.level.residual(x, b, out);
                assertEquals(rowsThenPlanes(g, c -> out[c] * out[c] * op.level.invDiagSq[c]), norm, 0, "||D^-1 r||^2, " + g);
            }
    }

    private static double rowsThenPlanes(Grid g, java.util.function.IntToDoubleFunction term) {
        double total = 0;
        for (int k = 0; k < g.nz; k++) {
            double plane = 0;
            for (int j = 0; j < g.ny; j++) {
                double row = 0;
                for (int i = 0; i < g.nx; i++) row += term.applyAsDouble(g.index(i, j, k));
                plane += row;
            }
            total += plane;
        }
        return total;
    }

    /** Conductivities over four decades, a Dirichlet bottom and a zero-flux or Dirichlet top; with a diagonal term if asked. */
    private static VariableCoefficientPoisson operator(Grid g, Parallel par, boolean withShift, boolean simd, boolean dirichletTop) {
        VariableCoefficientPoisson op = new VariableCoefficientPoisson(g, par, BoundaryCondition.dirichlet(0),
                dirichletTop ? BoundaryCondition.dirichlet(1) : BoundaryCondition.zeroFlux(), withShift, simd);
        SplittableRandom random = new SplittableRandom(3);
        double[] sigma = g.newField();
        for (int i = 0; i < sigma.length; i++) sigma[i] = Math.pow(10, 4 * random.nextDouble() - 2);
        op.setCellCoefficients(sigma);
        if (withShift) {
            for (int i = 0; i < sigma.length; i++) op.shift()[i] = 1e14 * random.nextDouble();
            op.coefficientsChanged();
        }
        return op;
    }

    private static double[] field(Grid g, SplittableRandom random) {
        double[] v = g.newField();
        for (int i = 0; i < v.length; i++) v[i] = random.nextDouble() - 0.5;
        return v;
    }

    /** The cells with (i + j + k) % 2 == colour, plane by plane and row by row; the x-ghosts after all of them. */
    private static void halfSweep(Level L, double[] x, double[] b, int colour) {
        Grid g = L.g;
        int sZ = g.strideZ, sY = g.strideY;
        for (int k = 0; k < g.nz; k++)
            for (int j = 0; j < g.ny; j++)
                for (int i = 0; i < g.nx; i++) {
                    if ((i + j + k) % 2 != colour) continue;
                    int c = g.index(i, j, k);
                    double down = k == 0 ? 0.0 : x[c - sZ], up = k == g.nz - 1 ? 0.0 : x[c + sZ];
                    double tw = L.tx[c - 1], te = L.tx[c], td = L.tz[c - sZ], tu = L.tz[c];
                    double sh = L.shift == null ? 0.0 : L.shift[c];
                    if (!g.is3D()) {
                        assertEquals(1 / (tw + te + td + tu + sh), L.invDiag[c], 1e-15 * L.invDiag[c], "1 / diagonal");
                        x[c] = (b[c] + tw * x[c - 1] + te * x[c + 1] + td * down + tu * up) * L.invDiag[c];
                    } else {
                        int south = j == 0 ? c + (g.ny - 1) * sY : c - sY, north = j == g.ny - 1 ? c - (g.ny - 1) * sY : c + sY;
                        double ts = L.ty[c + L.offS(j)], tn = L.ty[c];
                        assertEquals(1 / (tw + te + ts + tn + td + tu + sh), L.invDiag[c], 1e-15 * L.invDiag[c], "1 / diagonal");
                        x[c] = (b[c] + tw * x[c - 1] + te * x[c + 1] + ts * x[south] + tn * x[north] + td * down + tu * up) * L.invDiag[c];
                    }
                }
        L.fillGhosts(x);
    }
}
