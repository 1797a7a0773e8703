package org.lipf.kernels.cpu;

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
        // the last coefficient as a product: a division would stand in the middle of the Horner chain
        return x2 * (1.0 / 12 + x2 * (-1.0 / 720 + x2 * (1.0 / 30240 - x2 * (1.0 / 1209600))));
    }
}
