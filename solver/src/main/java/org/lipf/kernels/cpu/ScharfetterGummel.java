package org.lipf.kernels.cpu;

/**
 * Scharfetter-Gummel face flux for the Nernst-Planck equation (docs/MODEL.md section 5.2):
 * J(P->N) = D/dx [B(psi) c_P - B(-psi) c_N], psi = f (phi_N - phi_P), B(x) = x / (e^x - 1).
 * Exact for steady 1D drift-diffusion, so zero flux gives the Boltzmann ratio
 * c_N / c_P = exp(-psi) to round-off, and c stays non-negative.
 */
public final class ScharfetterGummel {
    private ScharfetterGummel() {}

    /** Bernoulli function x / (e^x - 1), with its series near 0. */
    public static double bernoulli(double x) {
        double ax = Math.abs(x);
        if (ax < 1e-4) return 1 - 0.5 * x + x * x / 12;
        if (x > 700) return x * Math.exp(-x);
        return x / Math.expm1(x);
    }
}
