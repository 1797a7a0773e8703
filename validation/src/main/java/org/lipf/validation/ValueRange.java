package org.lipf.validation;

import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * What is known of a positive quantity: its value, or a bound on one side. Papers give some values as bounds
 * (paper C: Mg "&lt; 1.0", LiF "&lt; 0.8 mA/cm^2"; paper B: SC-nano "&gt;= 20, no short"), and a CCD ramp that never
 * shorted gives one too; the ratio of two such values is then a range, which the report compares instead of a number.
 *
 * @param low the smallest possible value (0 where only an upper bound is known); NaN for no value. A bound is of a positive
 *     quantity; an exact value may be any finite number (a table shows it), but only positive ones enter ratios
 * @param lowOpen whether {@code low} itself is excluded
 * @param high the largest possible value (infinite where only a lower bound is known)
 * @param highOpen whether {@code high} itself is excluded
 */
public record ValueRange(double low, boolean lowOpen, double high, boolean highOpen) {
    /** No value (a paper that gives none). */
    public static final ValueRange NONE = new ValueRange(Double.NaN, false, Double.NaN, false);

    public static ValueRange exactly(double v) {
        return new ValueRange(v, false, v, false);
    }

    public static ValueRange atLeast(double v) {
        return new ValueRange(v, false, Double.POSITIVE_INFINITY, true);
    }

    /**
     * A value as a trends file writes it: a number, a number after one of {@code >= > <= <} (a bound), or {@code -}
     * for none.
     *
     * @throws NumberFormatException if the text is none of these
     */
    public static ValueRange parse(String text) {
        String t = text.trim();
        if (t.equals("-")) return NONE;
        for (String op : new String[] {">=", "<=", ">", "<"})
            if (t.startsWith(op)) {
                double v = positive(t.substring(op.length()).trim());
                return switch (op) {
                    case ">=" -> atLeast(v);
                    case ">" -> new ValueRange(v, true, Double.POSITIVE_INFINITY, true);
                    case "<=" -> new ValueRange(0, true, v, false);
                    default -> new ValueRange(0, true, v, true);
                };
            }
        double v = Double.parseDouble(t);
        if (!Double.isFinite(v)) throw new NumberFormatException("a value must be a finite number, got '" + text + "'");
        return exactly(v);
    }

    private static double positive(String text) {
        double v = Double.parseDouble(text);
        if (!(v > 0 && v < Double.POSITIVE_INFINITY)) throw new NumberFormatException("a bound must be a positive number, got '" + text + "'");
        return v;
    }

    public boolean known() {
        return !Double.isNaN(low);
    }

    /** Whether the quantity is known to be positive: a value above 0, or a bound (bounds are of positive quantities). */
    public boolean positive() {
        return known() && high > 0;
    }

    /** Whether nothing is known beyond the quantity being positive. */
    public boolean unbounded() {
        return low == 0 && high == Double.POSITIVE_INFINITY;
    }

    /** The one number that stands for the range in a chart: the value, or the finite bound. */
    public double representative() {
        return high == Double.POSITIVE_INFINITY || low == high ? low : high;
    }

    /** The range of this / other, both positive. */
    public ValueRange over(ValueRange other) {
        return new ValueRange(low / other.high, lowOpen || other.highOpen, high / other.low, highOpen || other.lowOpen);
    }

    /** Whether some value of this range lies within a factor f of some value of the other, the ends counted as inside. */
    public boolean withinFactorOf(double f, ValueRange other) {
        return low / f <= other.high && other.low <= high * f;
    }

    /**
     * The range in words, numbers in {@code numberFormat}: "2.00", "&gt;= 1.25", "&lt; 0.8", "0.5 to 2" (a range bounded on
     * both sides, which only a ratio of such ranges gives: its ends are not marked open or closed), "open".
     */
    public String format(String numberFormat) {
        return format(v -> String.format(Locale.ROOT, numberFormat, v));
    }

    /** The range in words as {@link #format(String)} gives it, numbers written by {@code number}. */
    public String format(DoubleFunction<String> number) {
        if (!known()) return "-";
        if (low == high) return number.apply(low);
        if (unbounded()) return "open";
        if (high == Double.POSITIVE_INFINITY) return (lowOpen ? "> " : ">= ") + number.apply(low);
        if (low == 0) return (highOpen ? "< " : "<= ") + number.apply(high);
        return number.apply(low) + " to " + number.apply(high);
    }
}
