package org.lipf.cli;

import org.lipf.grid.Parallel;

/**
 * Measures the sustainable memory bandwidth with the STREAM triad a = b + s c on arrays far larger
 * than the caches, on the same thread pool the stencils use; counts 3 x 8 bytes per element
 * (read b, read c, write a; write-allocate traffic not counted, as in STREAM).
 */
final class TriadBandwidth {
    private TriadBandwidth() {}

    static double measure_bytes_per_s(Parallel parallel) {
        final int n = 1 << 24; // 3 arrays of 128 MiB
        final double[] a = new double[n], b = new double[n], c = new double[n];
        java.util.Arrays.fill(b, 1.0);
        java.util.Arrays.fill(c, 2.0);
        final int chunks = 256, chunk = n / chunks;
        double best = Double.MAX_VALUE;
        for (int rep = 0; rep < 10; rep++) {
            final double s = 0.5 + rep;
            long t0 = System.nanoTime();
            parallel.forSlabs(chunks, (c0, c1) -> {
                for (int i = c0 * chunk, end = c1 * chunk; i < end; i++) a[i] = b[i] + s * c[i];
            });
            best = Math.min(best, (System.nanoTime() - t0) * 1e-9);
        }
        if (a[n - 1] != 1.0 + (0.5 + 9) * 2.0) throw new IllegalStateException("triad check failed");
        return 3.0 * 8.0 * n / best;
    }
}
