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

    // every operator of the Vector API run once before any loop here (Java 17's compiler: see VectorWarmUp)
    static {
        VectorWarmUp.ensure();
    }

    private static final int LANES = S.length();

    /** Doubles per vector on this processor. */
    static int lanes() {
        return LANES;
    }

    /**
     * {@link ScharfetterGummel#faces}, same arguments, same bits; the face diffusivities of the groups of lanes go
     * through {@code meanD} (n long at least).
     */
    static void faces(double[] dLower, int dLo, double[] dUpper, int dUp, double[] c, double[] phi, double fF, int lo, int stride,
            int n, double[] inLower, double[] diagUpper, int out, double[] diagLower, int outLower, double[] meanD) {
        final int done = n - n % LANES;
        harmonicMeans(dLower, dLo, dUpper, dUp, done, meanD);
        for (int i = 0; i < done; i += LANES) {
            final int L = lo + i, U = L + stride;
            final DoubleVector psi = DoubleVector.fromArray(S, phi, U).sub(DoubleVector.fromArray(S, phi, L)).mul(fF);
            if (!psi.abs().compare(LT, ScharfetterGummel.SERIES_LIMIT).allTrue()) {
                ScharfetterGummel.faces(dLower, dLo + i, dUpper, dUp + i, c, phi, fF, L, stride, LANES, inLower, diagUpper, out + i,
                        diagLower, outLower + i);
                continue;
            }
            final DoubleVector Df = DoubleVector.fromArray(S, meanD, i), x2 = psi.mul(psi);
            // ScharfetterGummel.seriesEvenPart, term by term
            final DoubleVector even = x2.mul(x2.mul(x2.mul(DoubleVector.broadcast(S, ScharfetterGummel.SERIES_X6).sub(x2.mul(ScharfetterGummel.SERIES_X8)))
                    .add(ScharfetterGummel.SERIES_X4)).add(ScharfetterGummel.SERIES_X2));
            final DoubleVector b = DoubleVector.broadcast(S, 1.0).sub(psi.mul(0.5)).add(even), bUpper = b.add(psi);
            Df.mul(bUpper.mul(DoubleVector.fromArray(S, c, U)).sub(b.mul(DoubleVector.fromArray(S, c, L)))).intoArray(inLower, out + i);
            Df.mul(b).intoArray(diagLower, outLower + i);
            Df.mul(bUpper).intoArray(diagUpper, out + i);
        }
        if (done < n)
            ScharfetterGummel.faces(dLower, dLo + done, dUpper, dUp + done, c, phi, fF, lo + done, stride, n - done, inLower, diagUpper, out + done,
                    diagLower, outLower + done);
    }

    /** {@link ScharfetterGummel#facesBothWays} from out = 0, same arguments, same bits; meanD as in {@link #faces}. */
    static void facesBothWays(double[] d, int dLo, int dUp, double[] c, double[] phi, double fF, int lo, int stride, int n, double[] in,
            double[] diag, double[] upperIn, double[] upperDiag, double[] meanD) {
        final int done = n - n % LANES;
        harmonicMeans(d, dLo, d, dUp, done, meanD);
        for (int i = 0; i < done; i += LANES) {
            final int L = lo + i, U = L + stride;
            final DoubleVector psi = DoubleVector.fromArray(S, phi, U).sub(DoubleVector.fromArray(S, phi, L)).mul(fF);
            if (!psi.abs().compare(LT, ScharfetterGummel.SERIES_LIMIT).allTrue()) {
                ScharfetterGummel.facesBothWays(d, dLo + i, dUp + i, c, phi, fF, L, stride, LANES, in, diag, upperIn, upperDiag, i);
                continue;
            }
            final DoubleVector Df = DoubleVector.fromArray(S, meanD, i), cL = DoubleVector.fromArray(S, c, L), cU = DoubleVector.fromArray(S, c, U);
            final DoubleVector x2 = psi.mul(psi), half = psi.mul(0.5);
            final DoubleVector even = x2.mul(x2.mul(x2.mul(DoubleVector.broadcast(S, ScharfetterGummel.SERIES_X6).sub(x2.mul(ScharfetterGummel.SERIES_X8)))
                    .add(ScharfetterGummel.SERIES_X4)).add(ScharfetterGummel.SERIES_X2));
            final DoubleVector bPos = DoubleVector.broadcast(S, 1.0).sub(half).add(even), bNeg = DoubleVector.broadcast(S, 1.0).add(half).add(even);
            Df.mul(bPos.add(psi).mul(cU).sub(bPos.mul(cL))).intoArray(in, i);
            Df.mul(bPos).intoArray(diag, i);
            Df.mul(bNeg.sub(psi).mul(cL).sub(bNeg.mul(cU))).intoArray(upperIn, i);
            Df.mul(bNeg).intoArray(upperDiag, i);
        }
        if (done < n) ScharfetterGummel.facesBothWays(d, dLo + done, dUp + done, c, phi, fF, lo + done, stride, n - done, in, diag, upperIn, upperDiag, done);
    }

    /**
     * {@link HarmonicMean#of}(a[aAt + i], b[bAt + i]) lane by lane into mean[i], i &lt; n (a multiple of the lanes): most
     * faces lie inside one phase, where a group of equal values skips the division (each path stores its own
     * result: see {@link AllenCahnLanes} on vectors in Java 17).
     */
    private static void harmonicMeans(double[] a, int aAt, double[] b, int bAt, int n, double[] mean) {
        for (int i = 0; i < n; i += LANES) {
            final DoubleVector x = DoubleVector.fromArray(S, a, aAt + i), y = DoubleVector.fromArray(S, b, bAt + i);
            final VectorMask<Double> equal = x.compare(EQ, y);
            if (equal.allTrue()) x.intoArray(mean, i);
            else {
                final DoubleVector s = x.add(y);
                DoubleVector.zero(S).blend(x.mul(2.0).mul(y).div(s), s.compare(GT, 0.0)).blend(x, equal).intoArray(mean, i);
            }
        }
    }

    /**
     * D_eff of n cells of one material ({@link NernstPlanckUpdate#diffusivity_m2_per_s}: D (1 - m) + D_metal m_path,
     * m the metal fraction {@link PotentialCoefficients#metalFraction}, m_path its part that carries the ion path,
     * {@link PotentialCoefficients#ionPathFraction} with the dispersed metal's fraction {@code dispersedPath}) from
     * xi[from] and dispersed[from] into d[at]; returns the number of cells done (the scalar loop does the rest).
     */
    static int diffusivities(double[] xi, double[] dispersed, int from, int n, double free, double D, double metalD, double dispersedPath,
            double[] d, int at) {
        int i = 0;
        for (; i + LANES <= n; i += LANES) {
            final DoubleVector x = DoubleVector.fromArray(S, xi, from + i), delta = DoubleVector.fromArray(S, dispersed, from + i);
            // Interpolation.h: xi^3 (xi (6 xi - 15) + 10)
            final DoubleVector h = x.mul(x).mul(x).mul(x.mul(x.mul(6.0).sub(15.0)).add(10.0));
            final DoubleVector metal = h.mul(free).blend(h.add(delta).mul(free).min(1.0), delta.compare(NE, 0.0));
            final DoubleVector path = dispersedPath == 1 ? metal : h.mul(free).add(metal.sub(h.mul(free)).mul(dispersedPath));
            DoubleVector.broadcast(S, 1.0).sub(metal).mul(D).add(path.mul(metalD)).intoArray(d, at + i);
        }
        return i;
    }

    /**
     * The sink k rate (NernstPlanckUpdate's, k = (c_s / c0) f_free of the cells' one material) of n cells from
     * rate[from] into sink[0]; returns the number of cells done.
     */
    static int sinks(double[] rate, int from, int n, double k, double[] sink) {
        int i = 0;
        for (; i + LANES <= n; i += LANES) DoubleVector.fromArray(S, rate, from + i).mul(k).intoArray(sink, i);
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
            DoubleVector in = DoubleVector.fromArray(S, b.xInLower, i).neg().add(DoubleVector.fromArray(S, b.xInLower, i + 1));
            DoubleVector diag = DoubleVector.fromArray(S, b.xDiagUpper, i).add(DoubleVector.fromArray(S, b.xDiagLower, i + 1));
            if (!bottom) {
                in = in.sub(DoubleVector.fromArray(S, b.belowIn, b.belowAt + i));
                diag = diag.add(DoubleVector.fromArray(S, b.belowDiag, b.belowAt + i));
            }
            in = in.add(DoubleVector.fromArray(S, b.topIn, b.topAt + i));
            diag = diag.add(DoubleVector.fromArray(S, b.topDiag, i));
            if (is3D) {
                in = in.add(DoubleVector.fromArray(S, b.northIn, i));
                diag = diag.add(DoubleVector.fromArray(S, b.northDiag, i));
                in = in.add(DoubleVector.fromArray(S, b.southIn, i));
                diag = diag.add(DoubleVector.fromArray(S, b.southDiag, i));
            }
            final DoubleVector cu = DoubleVector.fromArray(S, c, P).add(in.mul(invDx2).sub(DoubleVector.fromArray(S, b.sink, i)).mul(dt));
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
}
