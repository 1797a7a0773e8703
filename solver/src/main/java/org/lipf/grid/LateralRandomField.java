package org.lipf.grid;

import java.util.SplittableRandom;

/**
 * A seeded Gaussian random field on the lateral cells (nx x ny, periodic), used for coating
 * thickness and coverage patches. White noise N(0, 1) per column is smoothed with a periodic
 * Gaussian kernel of standard deviation {@code l / 2} (separable, truncated at 4 standard
 * deviations), so the field's correlation between two columns a distance r apart is
 * {@code exp(-r^2 / l^2)}: l is the distance at which it falls to 1/e. The sample is then shifted
 * and scaled to mean exactly 0 and standard deviation exactly 1. A correlation length below half a
 * cell leaves the noise white.
 */
public final class LateralRandomField {
    private LateralRandomField() {}

    /** The field, index {@code j * nx + i}; {@code ny = 1} in 2D. */
    public static double[] sample(int nx, int ny, double dx_m, double correlationLength_m, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] f = new double[nx * ny];
        for (int q = 0; q < f.length; q++) f[q] = gaussian(rng);
        double s = correlationLength_m / 2 / dx_m;
        if (s >= 0.25) {
            double[] kernel = kernel(s);
            f = smooth(f, nx, ny, kernel, true);
            if (ny > 1) f = smooth(f, nx, ny, kernel, false);
        }
        return standardised(f);
    }

    /** A standard normal number by Box-Muller, written out so the stream does not depend on the JDK. */
    static double gaussian(SplittableRandom rng) {
        double u1 = 1.0 - rng.nextDouble(), u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    private static double[] kernel(double s) {
        int half = (int) Math.ceil(4 * s);
        double[] w = new double[2 * half + 1];
        for (int d = -half; d <= half; d++) w[d + half] = Math.exp(-0.5 * d * d / (s * s));
        return w;
    }

    /** Periodic convolution along x ({@code alongX}) or y; a kernel longer than the period wraps. */
    private static double[] smooth(double[] f, int nx, int ny, double[] w, boolean alongX) {
        int half = w.length / 2, period = alongX ? nx : ny;
        double[] out = new double[f.length];
        for (int j = 0; j < ny; j++)
            for (int i = 0; i < nx; i++) {
                double sum = 0;
                for (int d = -half; d <= half; d++) {
                    int p = Math.floorMod((alongX ? i : j) + d, period);
                    sum += w[d + half] * (alongX ? f[j * nx + p] : f[p * nx + i]);
                }
                out[j * nx + i] = sum;
            }
        return out;
    }

    private static double[] standardised(double[] f) {
        double mean = 0;
        for (double v : f) mean += v;
        mean /= f.length;
        double var = 0;
        for (double v : f) var += (v - mean) * (v - mean);
        double sd = Math.sqrt(var / f.length);
        for (int q = 0; q < f.length; q++) f[q] = sd > 0 ? (f[q] - mean) / sd : 0;
        return f;
    }
}
