package org.lipf.kernels.cpu;

import static jdk.incubator.vector.VectorOperators.ADD;
import static jdk.incubator.vector.VectorOperators.AND;
import static jdk.incubator.vector.VectorOperators.EQ;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LSHR;
import static jdk.incubator.vector.VectorOperators.LT;
import static jdk.incubator.vector.VectorOperators.MAX;
import static jdk.incubator.vector.VectorOperators.NE;
import static jdk.incubator.vector.VectorOperators.OR;
import static jdk.incubator.vector.VectorOperators.XOR;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;
import org.lipf.model.FieldSet;
import org.lipf.model.Interpolation;
import org.lipf.model.LangevinNoise;

/**
 * Loops of {@link AllenCahnUpdate} in SIMD lanes (the Vector API; see {@link Simd}): the bulk test
 * (which cells of a row hold xi exactly 0 or 1 with equal face neighbours, where no term of the
 * update acts: in the 2D benchmark most cells, and the scalar test of five loads and comparisons per
 * cell, seven in 3D, was a third of the update's time), the 3D anisotropic gradient fluxes of the
 * faces, the 2D ones of the four-fold mode, the capillary rate of a row, and the settling of rows where
 * nothing nucleates with the reaction of their interface cells, its noise and the row's volume sums (docs/MODEL.md
 * sections 3.1 and 5.5). Every
 * lane does the scalar code's operations in its order (no fused multiply-add), so the numbers are the same
 * (a NaN may carry another payload); the rest of a row goes to the scalar code.
 * <p>
 * No method here passes a vector to a method of ours, or returns one: Java 17's compiler inlines those only while
 * the inlining budget of the method it compiles lasts (the Allen-Cahn row loop, which inlines some of these, spends
 * it), and out of line their vectors live in objects (allocated per group of lanes: several times slower). The
 * Vector API's own methods are always inlined. Helpers here take and fill arrays.
 */
final class AllenCahnLanes {
    private AllenCahnLanes() {}

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    // every operator of the Vector API run once before any loop here (Java 17's compiler: see VectorWarmUp)
    static {
        VectorWarmUp.ensure();
    }

    private static final int LANES = S.length();
    /** Longs with as many lanes as S: the noise's hash. */
    private static final VectorSpecies<Long> L = S.withLanes(long.class);
    /** 0, 1, ..., LANES - 1: the cells of a group from its first. */
    private static final long[] CELL_OFFSETS = java.util.stream.LongStream.range(0, LANES).toArray();
    private static final long TWO_TO_52_BITS = Double.doubleToRawLongBits(0x1p52);
    /**
     * Whether {@link #react} and {@link #volumeSums} run on this processor: with 4 or 8 lanes, whose groups tile the
     * {@link RowSums#WAYS} partial sums (vectors of 16 doubles or more, as SVE may have, leave those rows to the scalar
     * loop).
     */
    static final boolean ROW_SUMS = LANES == RowSums.WAYS || 2 * LANES == RowSums.WAYS;

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
            final DoubleVector x = DoubleVector.fromArray(S, xi, P);
            // one comparison instead of a chain of masks (Java 17 combines masks through objects): a sum of
            // terms that are never negative is zero exactly when each is, |x (1 - x)| when x is 0 or 1 and
            // |x_n - x| when x_n equals x (a difference of two doubles is zero only if they are equal; a
            // NaN fails the test, as in the scalar one)
            DoubleVector score = x.mul(DoubleVector.broadcast(S, 1.0).sub(x)).abs().add(DoubleVector.fromArray(S, xi, P + 1).sub(x).abs()).add(DoubleVector.fromArray(S, xi, P - 1).sub(x).abs())
                    .add(DoubleVector.fromArray(S, xi, P + sz).sub(x).abs()).add(DoubleVector.fromArray(S, xi, P - sz).sub(x).abs());
            // in 2D the y neighbours are the cell itself
            if (sy != 0) score = score.add(DoubleVector.fromArray(S, xi, P + sy).sub(x).abs()).add(DoubleVector.fromArray(S, xi, P - sy).sub(x).abs());
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

    /**
     * {@link AllenCahnUpdate}'s 2D face flux J / kappa0 (Kobayashi's form) of faces lo, lo + 1, ... (normal stride sn,
     * tangential st; x faces if xFace) into out[at], ..., in whole groups of lanes, for the four-fold anisotropy of every
     * shipped scenario; returns how many it did (the scalar code does the rest, and every face of other modes). The unit
     * gradient is raised to the fourth power with the scalar loop's binary powers written out: a loop that reassigns
     * vectors keeps them in objects on Java 17 (docs/PERFORMANCE.md).
     */
    static int faces2D(double[] xi, int lo, int sn, int st, int n, double invDx, boolean xFace, double strength, int omega, double rotCos,
            double rotSin, double[] out, int at) {
        if (omega != 4) return 0;
        final double daFactor = -strength * omega;
        final double tangential = 0.25 * invDx, isotropicBelow = 1e-16 * invDx * invDx;
        final DoubleVector one = DoubleVector.broadcast(S, 1.0), zero = DoubleVector.zero(S);
        int i = 0;
        for (; i + LANES <= n; i += LANES) {
            final int L = lo + i;
            final DoubleVector gn = DoubleVector.fromArray(S, xi, L + sn).sub(DoubleVector.fromArray(S, xi, L)).mul(invDx);
            final DoubleVector gt = DoubleVector.fromArray(S, xi, L + st).add(DoubleVector.fromArray(S, xi, L + sn + st)).sub(DoubleVector.fromArray(S, xi, L - st))
                    .sub(DoubleVector.fromArray(S, xi, L + sn - st)).mul(tangential);
            final DoubleVector gx = xFace ? gn : gt, gz = xFace ? gt : gn;
            final DoubleVector r2 = gx.mul(gx).add(gz.mul(gz));
            final DoubleVector inv = one.div(r2.sqrt()), bre = gx.mul(inv), bim = gz.mul(inv);
            // (n_x + i n_z)^4: squared twice, then multiplied into 1 + 0 i
            final DoubleVector b2re = bre.mul(bre).sub(bim.mul(bim)), b2im = bre.mul(2.0).mul(bim);
            final DoubleVector b4re = b2re.mul(b2re).sub(b2im.mul(b2im)), b4im = b2re.mul(2.0).mul(b2im);
            final DoubleVector re = one.mul(b4re).sub(zero.mul(b4im)), im = one.mul(b4im).add(zero.mul(b4re));
            final DoubleVector cosA = re.mul(rotCos).add(im.mul(rotSin)), sinA = im.mul(rotCos).sub(re.mul(rotSin));
            final DoubleVector a = cosA.mul(strength).add(1.0), halfDa = sinA.mul(daFactor).mul(0.5);
            final DoubleVector flux = xFace ? a.mul(gx).sub(halfDa.mul(gz)) : a.mul(gz).add(halfDa.mul(gx));
            // below a change of 1e-8 per cell: isotropic, as the scalar code
            flux.blend(gn, r2.compare(LT, isotropicBelow)).intoArray(out, at + i);
        }
        return i;
    }

    /** {@link AllenCahnUpdate#faceFlux3D} of n faces, lower cells lo, lo + 1, ..., into out[at], out[at + 1], ... */
    static void faces3D(double[] xi, int lo, int sn, int s1, int s2, int n, double invDx, double strength, double[] out, int at) {
        final double tangential = 0.25 * invDx;
        int i = 0;
        // without anisotropy kappa3D is 1 whatever the gradient (the lanes would give NaN for a non-finite one)
        for (; strength != 0 && i + LANES <= n; i += LANES) {
            final int L = lo + i;
            final DoubleVector gn = DoubleVector.fromArray(S, xi, L + sn).sub(DoubleVector.fromArray(S, xi, L)).mul(invDx);
            final DoubleVector g1 = DoubleVector.fromArray(S, xi, L + s1).add(DoubleVector.fromArray(S, xi, L + sn + s1)).sub(DoubleVector.fromArray(S, xi, L - s1)).sub(DoubleVector.fromArray(S, xi, L + sn - s1)).mul(tangential);
            final DoubleVector g2 = DoubleVector.fromArray(S, xi, L + s2).add(DoubleVector.fromArray(S, xi, L + sn + s2)).sub(DoubleVector.fromArray(S, xi, L - s2)).sub(DoubleVector.fromArray(S, xi, L + sn - s2)).mul(tangential);
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
     * up[upAt + i] and down[downAt + i], and in 3D the north and south faces north[i] and south[i]. Each loop in the
     * scalar loop's association; div J to out first, then the rate.
     */
    static int capillaryRates(double[] xi, int start, int n, int sz, int sy, double wUp, double wDown, AllenCahnUpdate.Capillary k, double[] x,
            double[] north, double[] south, double[] up, int upAt, double[] down, int downAt, double[] out) {
        final int done = n - n % LANES;
        if (x == null) {
            for (int i = 0; i < done; i += LANES) {
                final int P = start + i;
                final DoubleVector c = DoubleVector.fromArray(S, xi, P);
                DoubleVector.fromArray(S, xi, P + 1).sub(c).add(DoubleVector.fromArray(S, xi, P - 1).sub(c))
                        .add(DoubleVector.fromArray(S, xi, P + sz).sub(c).mul(wUp)).add(DoubleVector.fromArray(S, xi, P - sz).sub(c).mul(wDown))
                        .mul(k.laplacian()).intoArray(out, i);
            }
            // in 3D, plus kappa0 / dx^2 times the differences across the rows
            for (int i = 0; sy != 0 && i < done; i += LANES) {
                final int P = start + i;
                final DoubleVector c = DoubleVector.fromArray(S, xi, P);
                final DoubleVector y = DoubleVector.fromArray(S, xi, P + sy).sub(c).add(DoubleVector.fromArray(S, xi, P - sy).sub(c));
                DoubleVector.fromArray(S, out, i).add(y.mul(k.laplacian())).intoArray(out, i);
            }
        } else if (north == null)
            for (int i = 0; i < done; i += LANES) {
                // (x faces) + (up - down); a loop per case: Java 17 keeps a vector assigned on two paths in an object
                final DoubleVector across = DoubleVector.fromArray(S, up, upAt + i).mul(wUp).sub(DoubleVector.fromArray(S, down, downAt + i).mul(wDown));
                DoubleVector.fromArray(S, x, i + 1).sub(DoubleVector.fromArray(S, x, i)).add(across).mul(k.flux()).intoArray(out, i);
            }
        else
            for (int i = 0; i < done; i += LANES) {
                // (x faces) + (((north - south) + up) - down)
                final DoubleVector across = DoubleVector.fromArray(S, north, i).sub(DoubleVector.fromArray(S, south, i))
                        .add(DoubleVector.fromArray(S, up, upAt + i).mul(wUp)).sub(DoubleVector.fromArray(S, down, downAt + i).mul(wDown));
                DoubleVector.fromArray(S, x, i + 1).sub(DoubleVector.fromArray(S, x, i)).add(across).mul(k.flux()).intoArray(out, i);
            }
        // -L_sigma (W g'(xi) - div J), g'(xi) = 2 xi (1 - xi) (1 - 2 xi) as DoubleWell.dg
        final DoubleVector one = DoubleVector.broadcast(S, 1.0);
        for (int i = 0; i < done; i += LANES) {
            final DoubleVector c = DoubleVector.fromArray(S, xi, start + i);
            final DoubleVector dg = c.mul(2.0).mul(one.sub(c)).mul(one.sub(c.mul(2.0)));
            dg.mul(k.W()).sub(DoubleVector.fromArray(S, out, i)).mul(k.negLs()).intoArray(out, i);
        }
        return done;
    }

    /**
     * Settles the cells start, ..., start + n - 1 of a row (n a multiple of the lanes) as if none reacted: rate[P] =
     * capillary[i] and xiNext[P] = {@link AllenCahnUpdate#resolved}(xi + dt rate), or 0 and xi where bulk[i] is 1
     * (the cell is not active); h'(xi) to dh[i] ({@code faces}' buffers). With {@code reaction} (a row of one
     * material, no film, nothing nucleating), also the electrochemical rate L_eta h'(xi) BV of its interface cells
     * (h' &gt; {@link AllenCahnUpdate#INTERFACE_DH}) to echem[i], their reaction stiffness folded into
     * faces.stiffness, as {@code AllenCahnUpdate.reaction} computes them. Returns whether a cell that does not react
     * (NaN included) left [XI_MIN, XI_MAX] or is NaN: the reacting ones are the caller's.
     * <p>
     * One method for both parts: over 325 bytes of bytecode (the compiler's limit for inlining a hot method), it is
     * compiled on its own, not inlined into the row loop, where it would leave too little of the inlining budget
     * for the Vector API's own methods (in some JVM runs their vectors then lived in objects: twice the time).
     */
    static boolean settle(FieldSet f, int start, int n, AllenCahnUpdate.RowBuffers faces, double dt, AllenCahnUpdate.Reaction reaction) {
        final double[] xi = f.xi, bulk = faces.bulk, capillary = faces.capillary, dh = faces.dh;
        // the largest excess over the bounds, max(XI_MIN - xi, xi - XI_MAX): positive or NaN where a cell is outside
        DoubleVector worst = DoubleVector.broadcast(S, -1.0);
        boolean anyReacting = false;
        for (int i = 0; i < n; i += LANES) {
            final int P = start + i;
            final DoubleVector x = DoubleVector.fromArray(S, xi, P), r = DoubleVector.fromArray(S, capillary, i);
            final VectorMask<Double> inBulk = DoubleVector.fromArray(S, bulk, i).compare(NE, 0.0);
            r.blend(0.0, inBulk).intoArray(f.rate, P);
            final DoubleVector next = x.add(r.mul(dt));
            // the value stored is checked, as in the scalar loop (a bulk cell keeps xi)
            final DoubleVector stored = next.blend(0.0, next.abs().compare(LT, AllenCahnUpdate.XI_RESOLUTION)).blend(x, inBulk);
            stored.intoArray(f.xiNext, P);
            final DoubleVector a = x.mul(DoubleVector.broadcast(S, 1.0).sub(x)), h = a.mul(30.0).mul(a);
            h.intoArray(dh, i);
            final DoubleVector excess = stored.neg().add(AllenCahnUpdate.XI_MIN).max(stored.sub(AllenCahnUpdate.XI_MAX));
            final VectorMask<Double> reacting = h.compare(GT, AllenCahnUpdate.INTERFACE_DH);
            worst = worst.max(excess.blend(-1.0, reacting));
            anyReacting |= reacting.anyTrue();
        }
        if (reaction != null && anyReacting) {
            // AllenCahnUpdate.reaction without a film or nucleation: the exponents of ButlerVolmer.depositionFactor to
            // two row buffers, their exponentials, then the growth term (plus the nucleation term, 0) and
            // reactionStiffness_per_s, in their order
            final AllenCahnUpdate.Reaction k = reaction;
            final double[] cathodic = faces.cathodic, anodic = faces.anodic, c = f.c;
            overpotentials(f, start, n, k.equilibrium_V(), anodic);
            for (int i = 0; i < n; i += LANES) {
                final DoubleVector eta = DoubleVector.fromArray(S, anodic, i);
                eta.mul(k.cathodic_per_V()).intoArray(cathodic, i);
                eta.mul(k.anodic_per_V()).intoArray(anodic, i);
            }
            ExponentialLanes.exp(cathodic, n);
            ExponentialLanes.exp(anodic, n);
            DoubleVector stiffest = DoubleVector.zero(S);
            for (int i = 0; i < n; i += LANES) {
                final DoubleVector h = DoubleVector.fromArray(S, dh, i), cath = DoubleVector.fromArray(S, cathodic, i);
                final DoubleVector bv = DoubleVector.fromArray(S, c, start + i).mul(cath).sub(DoubleVector.fromArray(S, anodic, i));
                bv.mul(h.mul(k.Leta_per_s())).add(0.0).intoArray(faces.echem, i);
                final DoubleVector kinetic = h.add(0.0).mul(k.Leta_per_s());
                final DoubleVector stiffness = kinetic.mul(5.78).mul(bv.abs()).max(kinetic.mul(k.sink()).mul(cath));
                stiffest = stiffest.max(stiffness.blend(0.0, h.compare(GT, AllenCahnUpdate.INTERFACE_DH).not()));
            }
            faces.stiffness = Math.max(faces.stiffness, stiffest.reduceLanes(MAX));
        }
        return !(worst.reduceLanes(MAX) <= 0);
    }

    /**
     * Adds the reaction of a row that {@link #settle} settled with it (a row of one material under no film where nothing
     * nucleates; n cells from start, a multiple of the lanes), as the row loop of {@link AllenCahnUpdate} does: where
     * h' &gt; {@link AllenCahnUpdate#INTERFACE_DH}, rate = (capillary + R_echem) + noise and xiNext = resolved(xi + dt
     * rate), the noise A U h'(xi) / h'(1/2) with U of {@link LangevinNoise#uniform} (docs/MODEL.md section 3.1;
     * amplitude A times the noise scale, 0 without noise). Groups of lanes without an interface cell are left as they
     * are; {@link #volumeSums} then adds up the row. Returns whether a reacting cell's next xi left [XI_MIN, XI_MAX] or
     * is NaN.
     */
    static boolean react(FieldSet f, int start, int n, AllenCahnUpdate.RowBuffers faces, double dt, double amplitude, long seed, long step) {
        final double[] xi = f.xi, rate = f.rate, xiNext = f.xiNext, dh = faces.dh, echem = faces.echem;
        // LangevinNoise.uniform's hash of (seed, step, cell): the cell's term is added in the lanes
        final long base = LangevinNoise.base(seed, step);
        // without noise its term is -0, which adds nothing to any number (+0 would turn a rate of -0 into +0)
        final VectorMask<Double> quiet = S.maskAll(amplitude == 0);
        // the largest excess of a reacting cell's next xi over its bounds, per lane, in memory: a vector carried through the
        // loop and left alone by the groups without an interface cell would be assigned on two paths, which Java 17 keeps
        // in an object
        final double[] worst = faces.worstExcess;
        DoubleVector.broadcast(S, -1.0).intoArray(worst, 0);
        for (int i = 0; i < n; i += LANES) {
            final int P = start + i;
            final DoubleVector h = DoubleVector.fromArray(S, dh, i);
            final VectorMask<Double> still = h.compare(GT, AllenCahnUpdate.INTERFACE_DH).not();
            if (still.allTrue()) continue;
            final LongVector z0 = LongVector.fromArray(L, CELL_OFFSETS, 0).add(P).mul(LangevinNoise.MIX_2).add(base);
            final LongVector z1 = z0.lanewise(XOR, z0.lanewise(LSHR, LangevinNoise.SHIFT_1)).mul(LangevinNoise.MIX_1);
            final LongVector z2 = z1.lanewise(XOR, z1.lanewise(LSHR, LangevinNoise.SHIFT_2)).mul(LangevinNoise.MIX_2);
            // z >>> 11 (53 bits) to a double exactly: its upper 52 bits and its lowest one, each as 2^52 + bits - 2^52
            final LongVector bits = z2.lanewise(XOR, z2.lanewise(LSHR, LangevinNoise.SHIFT_3)).lanewise(LSHR, 11);
            final DoubleVector upper = bits.lanewise(LSHR, 1).lanewise(OR, TWO_TO_52_BITS).reinterpretAsDoubles().sub(0x1p52);
            final DoubleVector lowest = bits.lanewise(AND, 1L).lanewise(OR, TWO_TO_52_BITS).reinterpretAsDoubles().sub(0x1p52);
            final DoubleVector uniform = upper.mul(2.0).add(lowest).mul(0x1.0p-53).sub(0.5);
            final DoubleVector noise = uniform.mul(amplitude).mul(h).div(Interpolation.DH_MAX).blend(-0.0, quiet);
            final DoubleVector r0 = DoubleVector.fromArray(S, rate, P), r = r0.add(DoubleVector.fromArray(S, echem, i)).add(noise);
            r.blend(r0, still).intoArray(rate, P);
            final DoubleVector next = DoubleVector.fromArray(S, xi, P).add(r.mul(dt));
            final DoubleVector xn = next.blend(0.0, next.abs().compare(LT, AllenCahnUpdate.XI_RESOLUTION));
            xn.blend(DoubleVector.fromArray(S, xiNext, P), still).intoArray(xiNext, P);
            DoubleVector.fromArray(S, worst, 0).max(xn.neg().add(AllenCahnUpdate.XI_MIN).max(xn.sub(AllenCahnUpdate.XI_MAX)).blend(-1.0, still)).intoArray(worst, 0);
        }
        return !(DoubleVector.fromArray(S, worst, 0).reduceLanes(MAX) <= 0);
    }

    /**
     * The volume sums of the cells start, ..., start + n - 1 (n a multiple of {@link RowSums#WAYS}) of a row that
     * {@link #react} finished, into faces' partial sums (from zero), as the row loop of {@link AllenCahnUpdate} adds
     * them: f_free (rate - R_echem) and f_free h' (R_echem only where h' &gt; {@link AllenCahnUpdate#INTERFACE_DH}).
     * The sums are vectors carried through the loop, one per sum with eight lanes, or two (the first and second four of
     * each eight cells) with four, the fewest {@link Simd} runs; not partial sums in memory, where each group's addition
     * would wait for the store of the group before it.
     */
    static void volumeSums(FieldSet f, int start, int n, AllenCahnUpdate.RowBuffers faces, double freeFraction) {
        final double[] rate = f.rate, dh = faces.dh, echem = faces.echem;
        DoubleVector capillary = DoubleVector.zero(S), weight = DoubleVector.zero(S);
        DoubleVector capillaryOdd = DoubleVector.zero(S), weightOdd = DoubleVector.zero(S);
        for (int i = 0; i < n; i += RowSums.WAYS) {
            final int P = start + i;
            final DoubleVector h = DoubleVector.fromArray(S, dh, i), r = DoubleVector.fromArray(S, rate, P);
            final VectorMask<Double> still = h.compare(GT, AllenCahnUpdate.INTERFACE_DH).not();
            capillary = capillary.add(r.sub(DoubleVector.fromArray(S, echem, i)).blend(r, still).mul(freeFraction));
            weight = weight.add(h.mul(freeFraction));
            // four lanes: the second group of four of the eight (a constant condition, folded by the compiler)
            if (LANES < RowSums.WAYS) {
                final int Q = P + LANES, j = i + LANES;
                final DoubleVector h2 = DoubleVector.fromArray(S, dh, j), r2 = DoubleVector.fromArray(S, rate, Q);
                final VectorMask<Double> still2 = h2.compare(GT, AllenCahnUpdate.INTERFACE_DH).not();
                capillaryOdd = capillaryOdd.add(r2.sub(DoubleVector.fromArray(S, echem, j)).blend(r2, still2).mul(freeFraction));
                weightOdd = weightOdd.add(h2.mul(freeFraction));
            }
        }
        capillary.intoArray(faces.capillarySums, 0);
        weight.intoArray(faces.weightSums, 0);
        if (LANES < RowSums.WAYS) {
            capillaryOdd.intoArray(faces.capillarySums, LANES);
            weightOdd.intoArray(faces.weightSums, LANES);
        }
    }

    /** eta = phi_s - phi_l - E_eq (phi_l - E_eq with one potential) of the cells start + i, i &lt; n, to eta[i]. */
    private static void overpotentials(FieldSet f, int start, int n, double equilibrium_V, double[] eta) {
        final double[] phiL = f.phiL, phiS = f.phiS;
        if (f.singlePotential())
            for (int i = 0; i < n; i += LANES) DoubleVector.fromArray(S, phiL, start + i).sub(equilibrium_V).intoArray(eta, i);
        else
            for (int i = 0; i < n; i += LANES) DoubleVector.fromArray(S, phiS, start + i).sub(DoubleVector.fromArray(S, phiL, start + i)).sub(equilibrium_V).intoArray(eta, i);
    }
}
