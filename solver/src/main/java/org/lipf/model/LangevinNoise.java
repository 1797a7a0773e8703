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

    /** SplitMix64's two multipliers; the second also weighs the cell, the first the step. */
    public static final long MIX_1 = 0xBF58476D1CE4E5B9L, MIX_2 = 0x94D049BB133111EBL;
    /** The shifts of SplitMix64's finaliser, in order. */
    public static final int SHIFT_1 = 30, SHIFT_2 = 27, SHIFT_3 = 31;

    /** The part of the hash's input that (seed, step) give, to which cell * MIX_2 is added (SIMD lanes share it). */
    public static long base(long seed, long step) {
        return seed * 0x9E3779B97F4A7C15L + step * MIX_1;
    }

    /** Uniform in [-0.5, 0.5). */
    public static double uniform(long seed, long step, int cell) {
        long z = base(seed, step) + cell * MIX_2;
        z = (z ^ (z >>> SHIFT_1)) * MIX_1;
        z = (z ^ (z >>> SHIFT_2)) * MIX_2;
        z = z ^ (z >>> SHIFT_3);
        return (z >>> 11) * 0x1.0p-53 - 0.5;
    }
}
