package org.lipf.model;

/**
 * Counter-based uniform random numbers for the Langevin noise on xi (docs/MODEL.md section 3.1).
 *
 * <p>The number for (seed, step, cell) is a pure function of those three integers (a SplitMix64
 * hash), so the noise is identical for any thread count, any backend that implements the same
 * hash, and across a restart: there is no generator state to save.
 */
public final class LangevinNoise {
    private LangevinNoise() {}

    /** Uniform in [-0.5, 0.5). */
    public static double uniform(long seed, long step, int cell) {
        long z = seed * 0x9E3779B97F4A7C15L + step * 0xBF58476D1CE4E5B9L + cell * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (z >>> 11) * 0x1.0p-53 - 0.5;
    }
}
