package org.lipf.kernels.cpu;

import java.util.Arrays;

/** Tests on a row of cells that decide whether the CPU kernels run it in SIMD lanes. */
final class Rows {
    private Rows() {}

    /** Whether the n cells from start hold one material (layers lie across the rows: most rows do). */
    static boolean oneMaterial(byte[] material, int start, int n) {
        return Arrays.mismatch(material, start, start + n - 1, material, start + 1, start + n) < 0;
    }

    /** Whether a[from], ..., a[from + n - 1] are all {@code value} (the rest bit for bit as the first). */
    static boolean all(double[] a, int from, int n, double value) {
        return a[from] == value && Arrays.mismatch(a, from, from + n - 1, a, from + 1, from + n) < 0;
    }
}
