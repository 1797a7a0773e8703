package org.lipf.kernels.cpu;

import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LT;
import static jdk.incubator.vector.VectorOperators.MAX;
import static jdk.incubator.vector.VectorOperators.MIN;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The loops of {@link NernstPlanckUpdate} in SIMD lanes (the Vector API; see {@link Simd}): the
 * Scharfetter-Gummel faces of {@link ScharfetterGummel#faces} and the cell update of
 * {@code NernstPlanckUpdate.cells}, a few neighbouring cells per instruction. Every lane does the
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
    static void faces(double[] d, double[] c, double[] phi, double fF, int lo, int stride, int n, double[] inLower,
            double[] diagUpper, int out, double[] diagLower, int outLower) {
        int i = 0;
        for (; i + LANES <= n; i += LANES) {
            final int L = lo + i, U = L + stride;
            final DoubleVector psi = load(phi, U).sub(load(phi, L)).mul(fF);
            if (!inSeriesRange(psi)) {
                ScharfetterGummel.faces(d, c, phi, fF, L, stride, LANES, inLower, diagUpper, out + i, diagLower, outLower + i);
                continue;
            }
            final DoubleVector Df = harmonic(load(d, L), load(d, U));
            final DoubleVector b = one().sub(psi.mul(0.5)).add(seriesEvenPart(psi.mul(psi))), bUpper = b.add(psi);
            Df.mul(bUpper.mul(load(c, U)).sub(b.mul(load(c, L)))).intoArray(inLower, out + i);
            Df.mul(b).intoArray(diagLower, outLower + i);
            Df.mul(bUpper).intoArray(diagUpper, out + i);
        }
        if (i < n) ScharfetterGummel.faces(d, c, phi, fF, lo + i, stride, n - i, inLower, diagUpper, out + i, diagLower, outLower + i);
    }

    /** {@link ScharfetterGummel#facesBothWays} from out = 0, same arguments, same bits. */
    static void facesBothWays(double[] d, double[] c, double[] phi, double fF, int lo, int stride, int n, double[] in, double[] diag,
            double[] upperIn, double[] upperDiag) {
        int i = 0;
        for (; i + LANES <= n; i += LANES) {
            final int L = lo + i, U = L + stride;
            final DoubleVector psi = load(phi, U).sub(load(phi, L)).mul(fF);
            if (!inSeriesRange(psi)) {
                ScharfetterGummel.facesBothWays(d, c, phi, fF, L, stride, LANES, in, diag, upperIn, upperDiag, i);
                continue;
            }
            final DoubleVector Df = harmonic(load(d, L), load(d, U)), cL = load(c, L), cU = load(c, U);
            final DoubleVector even = seriesEvenPart(psi.mul(psi)), half = psi.mul(0.5);
            final DoubleVector bPos = one().sub(half).add(even), bNeg = one().add(half).add(even);
            Df.mul(bPos.add(psi).mul(cU).sub(bPos.mul(cL))).intoArray(in, i);
            Df.mul(bPos).intoArray(diag, i);
            Df.mul(bNeg.sub(psi).mul(cL).sub(bNeg.mul(cU))).intoArray(upperIn, i);
            Df.mul(bNeg).intoArray(upperDiag, i);
        }
        if (i < n) ScharfetterGummel.facesBothWays(d, c, phi, fF, lo + i, stride, n - i, in, diag, upperIn, upperDiag, i);
    }

    /**
     * The cell update of a row below the top one, in whole groups of lanes from its first cell: writes
     * cNext, folds the largest diagonal and bound violations into b, and returns the number of cells
     * done (the scalar loop does the rest).
     */
    static int cells(NernstPlanckUpdate.RowBuffers b, double[] c, double[] sink, double[] cNext, int start, int nx, double dt,
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
            final DoubleVector cu = load(c, P).add(in.mul(invDx2).sub(load(sink, P)).mul(dt));
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

    /** {@link ScharfetterGummel#harmonic}: 2ab / (a + b), 0 where a + b is not positive. */
    private static DoubleVector harmonic(DoubleVector a, DoubleVector b) {
        final DoubleVector s = a.add(b);
        return DoubleVector.zero(S).blend(a.mul(2.0).mul(b).div(s), s.compare(GT, 0.0));
    }

    /** {@link ScharfetterGummel#seriesEvenPart}, term by term. */
    private static DoubleVector seriesEvenPart(DoubleVector x2) {
        final DoubleVector inner = DoubleVector.broadcast(S, ScharfetterGummel.SERIES_X6).sub(x2.mul(ScharfetterGummel.SERIES_X8));
        return x2.mul(x2.mul(x2.mul(inner).add(ScharfetterGummel.SERIES_X4)).add(ScharfetterGummel.SERIES_X2));
    }
}
