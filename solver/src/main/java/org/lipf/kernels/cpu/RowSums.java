package org.lipf.kernels.cpu;

import java.util.Arrays;

/**
 * A sum over the cells of a row kept as {@link #WAYS} partial sums, cell i in partial i mod WAYS, added up in one fixed
 * order: the volume sums of {@link AllenCahnUpdate} (docs/MODEL.md section 3.1). The scalar loop and the SIMD lanes
 * (4 or 8 doubles per vector) add the same numbers in the same order, so a row's sum is the same bits with or without
 * the lanes and at any thread count (a row is one thread's). One running sum in cell order would be a chain of
 * dependent additions, one per cell, that no two lanes could share.
 */
final class RowSums {
    private RowSums() {}

    /** Partial sums per row: a multiple of the lane counts (4 and 8) with which {@link AllenCahnLanes#volumeSums} adds them. */
    static final int WAYS = 8;

    /** The partial sum cell i (0 or more) goes into. */
    static int way(int i) {
        return i & (WAYS - 1);
    }

    /** Fresh partial sums, all zero. */
    static double[] create() {
        return new double[WAYS];
    }

    static void clear(double[] partial) {
        Arrays.fill(partial, 0);
    }

    /** The sum of the partial sums, pairwise in a fixed order. */
    static double total(double[] partial) {
        return ((partial[0] + partial[1]) + (partial[2] + partial[3])) + ((partial[4] + partial[5]) + (partial[6] + partial[7]));
    }
}
