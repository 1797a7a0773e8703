package org.lipf.kernels.cpu;

import static jdk.incubator.vector.VectorOperators.ADD;
import static jdk.incubator.vector.VectorOperators.EQ;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LT;
import static jdk.incubator.vector.VectorOperators.MAX;
import static jdk.incubator.vector.VectorOperators.NE;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * Loops of {@link AllenCahnUpdate} in SIMD lanes (the Vector API; see {@link Simd}): the bulk test
 * (which cells of a row hold xi exactly 0 or 1 with equal face neighbours, where no term of the
 * update acts: in the 2D benchmark most cells, and the scalar test of five loads and comparisons per
 * cell, seven in 3D, was a third of the update's time) and the 3D anisotropic gradient fluxes of the
 * faces (docs/MODEL.md section 3.1). The 2D ones stay scalar: they raise a unit vector to the
 * anisotropy mode in a loop, whose vectors Java 17 keeps in objects (14-21 ns per face in lanes
 * against 3.6 ns). Every lane does the scalar code's operations in its order (no fused multiply-add),
 * so the numbers are the same (a NaN may carry another payload); the rest of a row goes to the scalar
 * code.
 */
final class AllenCahnLanes {
    private AllenCahnLanes() {}

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = S.length();

    /**
     * bulk[i] = 1 where {@link AllenCahnUpdate#bulk} holds for cell start + i, else 0, i &lt; n (strides sz, sy;
     * sy = 0 in 2D). Numbers, not booleans: Java 17 stores a mask to a boolean array through objects. Returns
     * whether all n cells are bulk.
     */
    static boolean bulk(double[] xi, int start, int n, int sz, int sy, double[] bulk) {
        // the scores' sum, zero exactly when every score is (none is negative)
        DoubleVector total = DoubleVector.zero(S);
        int i = 0;
        for (; i + LANES <= n; i += LANES) {
            final int P = start + i;
            final DoubleVector x = load(xi, P);
            // one comparison instead of a chain of masks (Java 17 combines masks through objects): a sum of
            // terms that are never negative is zero exactly when each is, |x (1 - x)| when x is 0 or 1 and
            // |x_n - x| when x_n equals x (a difference of two doubles is zero only if they are equal; a
            // NaN fails the test, as in the scalar one)
            DoubleVector score = x.mul(one().sub(x)).abs().add(load(xi, P + 1).sub(x).abs()).add(load(xi, P - 1).sub(x).abs())
                    .add(load(xi, P + sz).sub(x).abs()).add(load(xi, P - sz).sub(x).abs());
            // in 2D the y neighbours are the cell itself
            if (sy != 0) score = score.add(load(xi, P + sy).sub(x).abs()).add(load(xi, P - sy).sub(x).abs());
            DoubleVector.zero(S).blend(1.0, score.compare(EQ, 0.0)).intoArray(bulk, i);
            total = total.add(score);
        }
        boolean all = total.reduceLanes(ADD) == 0;
        for (; i < n; i++) {
            final boolean b = AllenCahnUpdate.bulk(xi, xi[start + i], start + i, sz, sy);
            bulk[i] = b ? 1 : 0;
            all &= b;
        }
        return all;
    }

    /** {@link AllenCahnUpdate#faceFlux3D} of n faces, lower cells lo, lo + 1, ..., into out[at], out[at + 1], ... */
    static void faces3D(double[] xi, int lo, int sn, int s1, int s2, int n, double invDx, double strength, double[] out, int at) {
        final double tangential = 0.25 * invDx;
        int i = 0;
        // without anisotropy kappa3D is 1 whatever the gradient (the lanes would give NaN for a non-finite one)
        for (; strength != 0 && i + LANES <= n; i += LANES) {
            final int L = lo + i;
            final DoubleVector gn = load(xi, L + sn).sub(load(xi, L)).mul(invDx);
            final DoubleVector g1 = load(xi, L + s1).add(load(xi, L + sn + s1)).sub(load(xi, L - s1)).sub(load(xi, L + sn - s1)).mul(tangential);
            final DoubleVector g2 = load(xi, L + s2).add(load(xi, L + sn + s2)).sub(load(xi, L - s2)).sub(load(xi, L + sn - s2)).mul(tangential);
            // Anisotropy.kappa3D: 1 + delta (4 q - 3), q = sum g^4 / (sum g^2)^2, 1 where the gradient vanishes
            final DoubleVector sq = gn.mul(gn).add(g1.mul(g1)).add(g2.mul(g2));
            final DoubleVector quartic = gn.mul(gn).mul(gn).mul(gn).add(g1.mul(g1).mul(g1).mul(g1)).add(g2.mul(g2).mul(g2).mul(g2));
            final DoubleVector q = quartic.div(sq.mul(sq));
            final DoubleVector kappa = q.mul(4.0).sub(3.0).mul(strength).add(1.0).blend(1.0, sq.compare(EQ, 0.0));
            kappa.mul(gn).intoArray(out, at + i);
        }
        for (; i < n; i++) out[at + i] = AllenCahnUpdate.faceFlux3D(xi, lo + i, sn, s1, s2, invDx, strength);
    }

    /**
     * The capillary rate -L_sigma (W g'(xi) - div J) of the cells start, start + 1, ... of a row into out[0], out[1],
     * ... (as many groups of lanes as fit in n; returns how many cells it did, the rest is the scalar loop's), where
     * the row's cells and their face neighbours are all mobile (weight 1; wUp, wDown: the neighbours above and
     * below, 0 beyond the domain; sy = 0 in 2D). Isotropic (x == null): div J = kappa0 / dx^2 ({@code laplacian})
     * times the weighted differences to the face neighbours. Anisotropic: div J = kappa0 / dx ({@code flux}) times
     * the sum of the row's face fluxes J / kappa0: x faces x[i] (face i below cell i), faces above and below the row
     * up[upAt + i] and down[downAt + i], and in 3D the north and south faces north[i] and south[i].
     * <p>
     * One method for the four loops: over 325 bytes of bytecode, the JIT compiles it on its own rather than inline it
     * into the long row loop, whose node budget would leave its vector helpers out of line (vectors in objects).
     */
    static int capillaryRates(double[] xi, int start, int n, int sz, int sy, double wUp, double wDown, AllenCahnUpdate.Capillary k, double[] x,
            double[] north, double[] south, double[] up, int upAt, double[] down, int downAt, double[] out) {
        int i = 0;
        // a loop per case, each in the scalar loop's association: a vector assigned on two paths is kept in an object
        if (x == null && sy == 0)
            for (; i + LANES <= n; i += LANES) {
                final int P = start + i;
                final DoubleVector c = load(xi, P);
                rate(k, c, differences(xi, P, c, sz, wUp, wDown).mul(k.laplacian())).intoArray(out, i);
            }
        else if (x == null)
            for (; i + LANES <= n; i += LANES) {
                final int P = start + i;
                final DoubleVector c = load(xi, P);
                final DoubleVector y = load(xi, P + sy).sub(c).add(load(xi, P - sy).sub(c)).mul(k.laplacian());
                rate(k, c, differences(xi, P, c, sz, wUp, wDown).mul(k.laplacian()).add(y)).intoArray(out, i);
            }
        else if (north == null)
            for (; i + LANES <= n; i += LANES) {
                // (x faces) + (up - down)
                final DoubleVector across = load(up, upAt + i).mul(wUp).sub(load(down, downAt + i).mul(wDown));
                rate(k, load(xi, start + i), load(x, i + 1).sub(load(x, i)).add(across).mul(k.flux())).intoArray(out, i);
            }
        else
            for (; i + LANES <= n; i += LANES) {
                // (x faces) + (((north - south) + up) - down)
                final DoubleVector across = load(north, i).sub(load(south, i)).add(load(up, upAt + i).mul(wUp)).sub(load(down, downAt + i).mul(wDown));
                rate(k, load(xi, start + i), load(x, i + 1).sub(load(x, i)).add(across).mul(k.flux())).intoArray(out, i);
            }
        return i;
    }

    /** The weighted differences of c to its neighbours along the row and across it (stride sz), the scalar loop's order. */
    private static DoubleVector differences(double[] xi, int P, DoubleVector c, int sz, double wUp, double wDown) {
        return load(xi, P + 1).sub(c).add(load(xi, P - 1).sub(c)).add(load(xi, P + sz).sub(c).mul(wUp)).add(load(xi, P - sz).sub(c).mul(wDown));
    }

    /**
     * Settles the cells start, ..., start + n - 1 of a row (n a multiple of the lanes) as if none reacted: rate[P] =
     * capillary[i] and xiNext[P] = {@link AllenCahnUpdate#resolved}(xi + dt rate), or 0 and xi where bulk[i] is 1
     * (the cell is not active); h'(xi) to dh[i]. Returns whether a cell that does not react (h' &lt;= {@link
     * AllenCahnUpdate#INTERFACE_DH}, NaN included) left [XI_MIN, XI_MAX] or is NaN: the reacting ones are the caller's.
     */
    static boolean settle(double[] xi, int start, int n, double[] bulk, double[] capillary, double dt, double[] rate, double[] xiNext,
            double[] dh) {
        // the row loop inlines this method with its inlining budget spent: only the Vector API's own methods, which
        // are always inlined (a helper of ours left out of line keeps its vectors in objects)
        DoubleVector worst = DoubleVector.broadcast(S, -1.0);
        for (int i = 0; i < n; i += LANES) {
            final int P = start + i;
            final DoubleVector x = DoubleVector.fromArray(S, xi, P), r = DoubleVector.fromArray(S, capillary, i);
            final VectorMask<Double> inBulk = DoubleVector.fromArray(S, bulk, i).compare(NE, 0.0);
            r.blend(0.0, inBulk).intoArray(rate, P);
            final DoubleVector next = x.add(r.mul(dt));
            final DoubleVector resolved = next.blend(0.0, next.abs().compare(LT, AllenCahnUpdate.XI_RESOLUTION));
            resolved.blend(x, inBulk).intoArray(xiNext, P);
            final DoubleVector a = x.mul(DoubleVector.broadcast(S, 1.0).sub(x)), h = a.mul(30.0).mul(a);
            h.intoArray(dh, i);
            // the excess over the bounds, max(XI_MIN - xi, xi - XI_MAX): positive or NaN where a cell is outside
            final DoubleVector excess = resolved.neg().add(AllenCahnUpdate.XI_MIN).max(resolved.sub(AllenCahnUpdate.XI_MAX));
            worst = worst.max(excess.blend(-1.0, h.compare(GT, AllenCahnUpdate.INTERFACE_DH)));
        }
        return !(worst.reduceLanes(MAX) <= 0);
    }

    /** -L_sigma (W g'(x) - div), g'(x) = 2 x (1 - x) (1 - 2 x) as {@link org.lipf.model.DoubleWell#dg}. */
    private static DoubleVector rate(AllenCahnUpdate.Capillary k, DoubleVector x, DoubleVector div) {
        final DoubleVector dg = x.mul(2.0).mul(one().sub(x)).mul(one().sub(x.mul(2.0)));
        return dg.mul(k.W()).sub(div).mul(k.negLs());
    }

    private static DoubleVector one() {
        return DoubleVector.broadcast(S, 1.0);
    }

    private static DoubleVector load(double[] a, int at) {
        return DoubleVector.fromArray(S, a, at);
    }
}
