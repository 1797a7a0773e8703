package org.lipf.linear;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The stencil rows of {@link Level} in SIMD lanes (the Vector API, see {@link org.lipf.kernels.cpu.Simd}): the residual
 * b - A x and A x, a few neighbouring cells per instruction, from the row start to the last whole group of lanes;
 * {@link Level} does the rest of the row. Every lane does the scalar loop's operations in its order (no fused
 * multiply-add, the same association), so the numbers are the same bits.
 *
 * <p>The red-black half-sweep stays scalar: in lanes it must compute both colours and keep one, and measured no faster
 * (1.6-1.7 ns per cell and sweep on two threads in 3D, either way), even with a row's new values stored after the row
 * (a load that overlaps a store in flight waits for it) or with a multiplication in place of the division.
 *
 * <p>No vector is passed to or returned from a method here (on Java 17 it would live in an object unless inlined).
 */
final class LevelLanes {
    private LevelLanes() {}

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    // every operator of the Vector API run once before any loop here (Java 17's compiler: see VectorWarmUp)
    static {
        org.lipf.kernels.cpu.VectorWarmUp.ensure();
    }

    private static final int LANES = S.length();
    /** Cells [s, end) of a row are done in lanes: whole groups of lanes. */
    static int end(int s, int nx) {
        return s + nx - nx % LANES;
    }

    /**
     * out = A x over [s, end(s, nx)) (the homogeneous part), 2D; with {@code b} given, out = b - A x instead, and
     * with {@code zeroB}, out = 0 - A x (the scalar loop's b == null).
     */
    static void stencil2D(double[] x, double[] b, boolean zeroB, double[] out, double[] tx, double[] tz, double[] sh, double[] xd,
            double[] xu, int s, int nx, int sZ, int od, int ou) {
        final int end = end(s, nx);
        for (int c = s; c < end; c += LANES) {
            final DoubleVector tw = DoubleVector.fromArray(S, tx, c - 1), te = DoubleVector.fromArray(S, tx, c);
            final DoubleVector td = DoubleVector.fromArray(S, tz, c - sZ), tu = DoubleVector.fromArray(S, tz, c);
            final DoubleVector diag = tw.add(te).add(td).add(tu);
            final DoubleVector ax = (sh == null ? diag.add(0.0) : diag.add(DoubleVector.fromArray(S, sh, c))).mul(DoubleVector.fromArray(S, x, c))
                    .sub(tw.mul(DoubleVector.fromArray(S, x, c - 1))).sub(te.mul(DoubleVector.fromArray(S, x, c + 1)))
                    .sub(td.mul(DoubleVector.fromArray(S, xd, c + od))).sub(tu.mul(DoubleVector.fromArray(S, xu, c + ou)));
            if (b != null) DoubleVector.fromArray(S, b, c).sub(ax).intoArray(out, c);
            else if (zeroB) DoubleVector.zero(S).sub(ax).intoArray(out, c);
            else ax.intoArray(out, c);
        }
    }

    /** {@link #stencil2D} in 3D, with the -y and +y neighbours at offsets os and on. */
    static void stencil3D(double[] x, double[] b, boolean zeroB, double[] out, double[] tx, double[] ty, double[] tz, double[] sh,
            double[] xd, double[] xu, int s, int nx, int sZ, int os, int on, int od, int ou) {
        final int end = end(s, nx);
        for (int c = s; c < end; c += LANES) {
            final DoubleVector tw = DoubleVector.fromArray(S, tx, c - 1), te = DoubleVector.fromArray(S, tx, c);
            final DoubleVector ts = DoubleVector.fromArray(S, ty, c + os), tn = DoubleVector.fromArray(S, ty, c);
            final DoubleVector td = DoubleVector.fromArray(S, tz, c - sZ), tu = DoubleVector.fromArray(S, tz, c);
            final DoubleVector diag = tw.add(te).add(ts).add(tn).add(td).add(tu);
            final DoubleVector ax = (sh == null ? diag.add(0.0) : diag.add(DoubleVector.fromArray(S, sh, c))).mul(DoubleVector.fromArray(S, x, c))
                    .sub(tw.mul(DoubleVector.fromArray(S, x, c - 1))).sub(te.mul(DoubleVector.fromArray(S, x, c + 1)))
                    .sub(ts.mul(DoubleVector.fromArray(S, x, c + os))).sub(tn.mul(DoubleVector.fromArray(S, x, c + on)))
                    .sub(td.mul(DoubleVector.fromArray(S, xd, c + od))).sub(tu.mul(DoubleVector.fromArray(S, xu, c + ou)));
            if (b != null) DoubleVector.fromArray(S, b, c).sub(ax).intoArray(out, c);
            else if (zeroB) DoubleVector.zero(S).sub(ax).intoArray(out, c);
            else ax.intoArray(out, c);
        }
    }
}
