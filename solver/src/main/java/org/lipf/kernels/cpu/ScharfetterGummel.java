package org.lipf.kernels.cpu;

import org.lipf.linear.HarmonicMean;

/**
 * Scharfetter-Gummel face flux for the Nernst-Planck equation (docs/MODEL.md section 5.2):
 * J(P->N) = D/dx [B(psi) c_P - B(-psi) c_N], psi = f (phi_N - phi_P), B(x) = x / (e^x - 1).
 * Exact for steady 1D drift-diffusion, so zero flux gives the Boltzmann ratio
 * c_N / c_P = exp(-psi) to round-off, and c stays non-negative.
 */
public final class ScharfetterGummel {
    private ScharfetterGummel() {}

    /**
     * Bernoulli function x / (e^x - 1). For |x| &lt; 0.1, where almost every face of a stencil lies
     * (psi = f dphi is a few 1e-3 per cell), its Taylor series to x^8 is exact to 1e-17 and avoids
     * the exponential.
     */
    public static double bernoulli(double x) {
        if (Math.abs(x) < SERIES_LIMIT) return 1 - 0.5 * x + seriesEvenPart(x * x);
        if (x > 700) return x * Math.exp(-x);
        return x / Math.expm1(x);
    }

    /** |x| below which {@link #bernoulli} uses its series. */
    public static final double SERIES_LIMIT = 0.1;

    /**
     * The even part of the series, B(x) - 1 + x/2, as a function of x^2: B(x) and B(-x) = B(x) + x
     * follow from one evaluation.
     */
    public static double seriesEvenPart(double x2) {
        return x2 * (SERIES_X2 + x2 * (SERIES_X4 + x2 * (SERIES_X6 - x2 * SERIES_X8)));
    }

    /**
     * Coefficients of x^2, x^4, x^6 and (negated) x^8 in {@link #seriesEvenPart}, for its scalar and SIMD forms
     * (the last as a product: a division would stand in the middle of the Horner chain).
     */
    static final double SERIES_X2 = 1.0 / 12, SERIES_X4 = -1.0 / 720, SERIES_X6 = 1.0 / 30240, SERIES_X8 = 1.0 / 1209600;

    /**
     * Terms of n faces, face i between the lower cell L = lo + i and the upper cell U = L + stride
     * (psi = f (phi_U - phi_L), D_f the harmonic mean of the diffusivities of L, dLower[dLo + i], and of U,
     * dUpper[dUp + i]): the flux into L, D_f [B(-psi) c_U - B(psi) c_L], to inLower[out + i] (the flux into U
     * is its negative), the diagonal terms D_f B(-psi) of U and D_f B(psi) of L to diagUpper[out + i] and
     * diagLower[outLower + i]. B(-psi) = B(psi) + psi. The diffusivities are indexed apart from c and phi: the
     * caller keeps them for a few planes only.
     */
    public static void faces(double[] dLower, int dLo, double[] dUpper, int dUp, double[] c, double[] phi, double fF, int lo,
            int stride, int n, double[] inLower, double[] diagUpper, int out, double[] diagLower, int outLower) {
        for (int i = 0; i < n; i++) {
            final int L = lo + i, U = L + stride;
            final double Df = HarmonicMean.of(dLower[dLo + i], dUpper[dUp + i]), psi = fF * (phi[U] - phi[L]);
            final double b = bernoulli(psi);
            inLower[out + i] = Df * ((b + psi) * c[U] - b * c[L]);
            diagLower[outLower + i] = Df * b;
            diagUpper[out + i] = Df * (b + psi);
        }
    }

    /**
     * {@link #faces} seen from both cells, for a face whose upper cell will need it as its own lower face:
     * the flux into and diagonal term of L to in[out + i] and diag[out + i], and those of U to
     * upperIn[out + i] and upperDiag[out + i], U's B(-psi) from the same series evaluation (the same bits
     * as a separate call with the cells swapped). Both cells' diffusivities are in d, from dLo and dUp.
     */
    public static void facesBothWays(double[] d, int dLo, int dUp, double[] c, double[] phi, double fF, int lo, int stride, int n,
            double[] in, double[] diag, double[] upperIn, double[] upperDiag, int out) {
        for (int i = 0; i < n; i++) {
            final int L = lo + i, U = L + stride;
            final double Df = HarmonicMean.of(d[dLo + i], d[dUp + i]), psi = fF * (phi[U] - phi[L]);
            final double bPos, bNeg;
            if (Math.abs(psi) < SERIES_LIMIT) {
                final double even = seriesEvenPart(psi * psi), half = 0.5 * psi;
                bPos = 1 - half + even;
                bNeg = 1 + half + even;
            } else {
                bPos = bernoulli(psi);
                bNeg = bernoulli(-psi);
            }
            in[out + i] = Df * ((bPos + psi) * c[U] - bPos * c[L]);
            diag[out + i] = Df * bPos;
            upperIn[out + i] = Df * ((bNeg - psi) * c[L] - bNeg * c[U]);
            upperDiag[out + i] = Df * bNeg;
        }
    }
}
