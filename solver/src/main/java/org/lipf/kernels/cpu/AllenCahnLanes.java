package org.lipf.kernels.cpu;

import static jdk.incubator.vector.VectorOperators.ADD;
import static jdk.incubator.vector.VectorOperators.EQ;

import jdk.incubator.vector.DoubleVector;
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

    private static DoubleVector one() {
        return DoubleVector.broadcast(S, 1.0);
    }

    private static DoubleVector load(double[] a, int at) {
        return DoubleVector.fromArray(S, a, at);
    }
}
