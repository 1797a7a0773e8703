package org.lipf.postprocess;

import java.util.Locale;

/** Numbers for tables people read. */
public final class Decimals {
    private Decimals() {
    }

    /**
     * {@code v} formatted with {@code pattern} (Locale.ROOT), without the minus sign of a value that
     * rounds to zero: a deposited volume of -1e-12 m at the start reads 0.0000, not -0.0000.
     */
    public static String format(String pattern, double v) {
        String s = String.format(Locale.ROOT, pattern, v);
        boolean zeroDigits = s.chars().noneMatch(ch -> ch >= '1' && ch <= '9');
        return Double.isFinite(v) && zeroDigits ? String.format(Locale.ROOT, pattern, 0.0) : s;
    }
}
