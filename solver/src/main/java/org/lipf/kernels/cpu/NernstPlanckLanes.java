package org.lipf.kernels.cpu;

import static jdk.incubator.vector.VectorOperators.EQ;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LT;
import static jdk.incubator.vector.VectorOperators.MAX;
import static jdk.incubator.vector.VectorOperators.MIN;
import static jdk.incubator.vector.VectorOperators.NE;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;
import org.lipf.linear.HarmonicMean;

/**
 * The loops of {@link NernstPlanckUpdate} in SIMD lanes (the Vector API; see {@link Simd}): the
 * Scharfetter-Gummel faces of {@link ScharfetterGummel#faces}, the cell update of
 * {@code NernstPlanckUpdate.cells}, and D_eff and the sink of rows of one material, a few neighbouring
 * cells per instruction. Every lane does the
 * scalar loop's operations in the scalar loop's order (no fused multiply-add, the same
 * association), so the numbers are the same (a NaN may carry another payload); a group of faces with a lane outside the Bernoulli
 * series' range (|psi| &gt;= 0.1, rare: psi is a few 1e-3 per cell) and the rest of a row go to the
 * scalar loop. The equations are those of docs/MODEL.md sections 3.2 and 5.2, as documented there.
 */
final class NernstPlanckLanes {
    private NernstPlanckLanes() {}

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = S.length();

    /** Doubles per vector on this processor. */
    static int lanes() {
        return LANES;
    }

    /** {@link ScharfetterGummel#faces}, same arguments, same bits. */
    static void faces(double[] dLower, int dLo, double[] dUpper, int dUp, double[] c, double[] phi, double fF, int lo, int stride,
            int n, double[] inLower, double[] diagUpper, int out, double[] diagLower, int outLower) {
        int i = 0;
        for (; i + LANES <= n; i += LANES) {
            final int L = lo + i, U = L + stride;
            final DoubleVector psi = load(phi, U).sub(load(phi, L)).mul(fF);
            if (!inSeriesRange(psi)) {
                ScharfetterGummel.faces(dLower, dLo + i, dUpper, dUp + i, c, phi, fF, L, stride, LANES, inLower, diagUpper, out + i,
                        diagLower, outLower + i);
                continue;
            }
            final DoubleVector Df = harmonic(load(dLower, dLo + i), load(dUpper, dUp + i));
            final DoubleVector b = one().sub(psi.mul(0.5)).add(seriesEvenPart(psi.mul(psi))), bUpper = b.add(psi);
            Df.mul(bUpper.mul(load(c, U)).sub(b.mul(load(c, L)))).intoArray(inLower, out + i);
            Df.mul(b).intoArray(diagLower, outLower + i);
            Df.mul(bUpper).intoArray(diagUpper, out + i);
        }
        if (i < n)
            ScharfetterGummel.faces(dLower, dLo + i, dUpper, dUp + i, c, phi, fF, lo + i, stride, n - i, inLower, diagUpper, out + i,
                    diagLower, outLower + i);
    }

    /** {@link ScharfetterGummel#facesBothWays} from out = 0, same arguments, same bits. */
    static void facesBothWays(double[] d, int dLo, int dUp, double[] c, double[] phi, double fF, int lo, int stride, int n, double[] in,
            double[] diag, double[] upperIn, double[] upperDiag) {
        int i = 0;
        for (; i + LANES <= n; i += LANES) {
            final int L = lo + i, U = L + stride;
            final DoubleVector psi = load(phi, U).sub(load(phi, L)).mul(fF);
            if (!inSeriesRange(psi)) {
                ScharfetterGummel.facesBothWays(d, dLo + i, dUp + i, c, phi, fF, L, stride, LANES, in, diag, upperIn, upperDiag, i);
                continue;
            }
            final DoubleVector Df = harmonic(load(d, dLo + i), load(d, dUp + i)), cL = load(c, L), cU = load(c, U);
            final DoubleVector even = seriesEvenPart(psi.mul(psi)), half = psi.mul(0.5);
            final DoubleVector bPos = one().sub(half).add(even), bNeg = one().add(half).add(even);
            Df.mul(bPos.add(psi).mul(cU).sub(bPos.mul(cL))).intoArray(in, i);
            Df.mul(bPos).intoArray(diag, i);
            Df.mul(bNeg.sub(psi).mul(cL).sub(bNeg.mul(cU))).intoArray(upperIn, i);
            Df.mul(bNeg).intoArray(upperDiag, i);
        }
        if (i < n) ScharfetterGummel.facesBothWays(d, dLo + i, dUp + i, c, phi, fF, lo + i, stride, n - i, in, diag, upperIn, upperDiag, i);
    }

    /**
     * D_eff of n cells of one material ({@link NernstPlanckUpdate#diffusivity_m2_per_s}: D (1 - m) + D_metal m,
     * m the metal fraction {@link PotentialCoefficients#metalFraction}) from xi[from] and dispersed[from] into
     * d[at]; returns the number of cells done (the scalar loop does the rest).
     */
    static int diffusivities(double[] xi, double[] dispersed, int from, int n, double free, double D, double metalD, double[] d, int at) {
        int i = 0;
        for (; i + LANES <= n; i += LANES) {
            final DoubleVector x = load(xi, from + i), delta = load(dispersed, from + i);
            // Interpolation.h: xi^3 (xi (6 xi - 15) + 10)
            final DoubleVector h = x.mul(x).mul(x).mul(x.mul(x.mul(6.0).sub(15.0)).add(10.0));
            final DoubleVector metal = h.mul(free).blend(h.add(delta).mul(free).min(1.0), delta.compare(NE, 0.0));
            one().sub(metal).mul(D).add(metal.mul(metalD)).intoArray(d, at + i);
        }
        return i;
    }

    /**
     * The sink k rate (NernstPlanckUpdate's, k = (c_s / c0) f_free of the cells' one material) of n cells from
     * rate[from] into sink[0]; returns the number of cells done.
     */
    static int sinks(double[] rate, int from, int n, double k, double[] sink) {
        int i = 0;
        for (; i + LANES <= n; i += LANES) load(rate, from + i).mul(k).intoArray(sink, i);
        return i;
    }

    /**
     * The cell update of a row below the top one, in whole groups of lanes from its first cell: writes
     * cNext, folds the largest diagonal and bound violations into b, and returns the number of cells
     * done (the scalar loop does the rest).
     */
    static int cells(NernstPlanckUpdate.RowBuffers b, double[] c, double[] cNext, int start, int nx, double dt,
            double invDx2, boolean bottom, boolean is3D, boolean limitAtZero) {
        DoubleVector maxDiag = DoubleVector.broadcast(S, b.maxDiag);
        // bounds: the smallest cNext with the clamp (a NaN stays), the largest |cNext| without; no mask
        // logic in the loop (Java 17 does some of it through objects)
        DoubleVector extreme = DoubleVector.broadcast(S, limitAtZero ? Double.POSITIVE_INFINITY : 0.0);
        int i = 0;
        for (; i + LANES <= nx; i += LANES) {
            final int P = start + i;
            DoubleVector in = load(b.xInLower, i).neg().add(load(b.xInLower, i + 1));
            DoubleVector diag = load(b.xDiagUpper, i).add(load(b.xDiagLower, i + 1));
            if (!bottom) {
                in = in.sub(load(b.belowIn, b.belowAt + i));
                diag = diag.add(load(b.belowDiag, b.belowAt + i));
            }
            in = in.add(load(b.topIn, b.topAt + i));
            diag = diag.add(load(b.topDiag, i));
            if (is3D) {
                in = in.add(load(b.northIn, i));
                diag = diag.add(load(b.northDiag, i));
                in = in.add(load(b.southIn, i));
                diag = diag.add(load(b.southDiag, i));
            }
            final DoubleVector cu = load(c, P).add(in.mul(invDx2).sub(load(b.sink, i)).mul(dt));
            final DoubleVector cn = cu.blend(0.0, (limitAtZero ? cu : cu.abs()).compare(LT, AllenCahnUpdate.TINY));
            cn.intoArray(cNext, P);
            maxDiag = maxDiag.max(diag.mul(invDx2));
            extreme = limitAtZero ? extreme.min(cn) : extreme.max(cn.abs());
        }
        b.maxDiag = maxDiag.reduceLanes(MAX);
        final double worst = extreme.reduceLanes(limitAtZero ? MIN : MAX);
        // NaN fails both comparisons, as in the scalar test
        if (!(limitAtZero ? worst >= NernstPlanckUpdate.C_MIN : worst <= Double.MAX_VALUE)) b.bad = true;
        return i;
    }

    private static DoubleVector load(double[] a, int at) {
        return DoubleVector.fromArray(S, a, at);
    }

    private static DoubleVector one() {
        return DoubleVector.broadcast(S, 1.0);
    }

    private static boolean inSeriesRange(DoubleVector psi) {
        return psi.abs().compare(LT, ScharfetterGummel.SERIES_LIMIT).allTrue();
    }

    /** {@link HarmonicMean#of}, lane by lane. */
    private static DoubleVector harmonic(DoubleVector a, DoubleVector b) {
        final VectorMask<Double> equal = a.compare(EQ, b);
        // most faces lie inside one phase: no division for them
        if (equal.allTrue()) return a;
        final DoubleVector s = a.add(b);
        return DoubleVector.zero(S).blend(a.mul(2.0).mul(b).div(s), s.compare(GT, 0.0)).blend(a, equal);
    }

    /** {@link ScharfetterGummel#seriesEvenPart}, term by term. */
    private static DoubleVector seriesEvenPart(DoubleVector x2) {
        final DoubleVector inner = DoubleVector.broadcast(S, ScharfetterGummel.SERIES_X6).sub(x2.mul(ScharfetterGummel.SERIES_X8));
        return x2.mul(x2.mul(x2.mul(inner).add(ScharfetterGummel.SERIES_X4)).add(ScharfetterGummel.SERIES_X2));
    }
}
