package org.lipf.postprocess.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a colour bar's ticks go and what they say: round numbers about a fifth of the range apart,
 * each written with as many digits as the step between them needs, so that neighbouring labels
 * differ (a 3D front height map spans a few nm at 5 um: 5.1708, 5.171, 5.1712, not 5.171 twice).
 * A range narrower than {@link #MAX_SIGNIFICANT} digits resolve is one tick in the middle that gives
 * the value and its half-span ({@code 5.171 ± 3e-08}).
 */
final class ColorBarTicks {
    /** Most significant digits a tick label gets; a range that needs more is shown as one value. */
    static final int MAX_SIGNIFICANT = 6;

    /** One tick: its value on the scale and its text. */
    record Tick(double value, String label) {
    }

    private ColorBarTicks() {
    }

    /** The ticks of a colour bar over [min, max], with room for all of them. */
    static List<Tick> of(double min, double max) {
        return of(min, max, Integer.MAX_VALUE, 0);
    }

    /**
     * The ticks of a colour bar over [min, max] drawn {@code barPx} tall, at least {@code minSpacingPx} apart: the step
     * grows from a fifth of the range until they are, down to one tick (a 3D run's front height map is as tall as the
     * domain is deep, and its bar can be 20 px, where five labels wrote over each other).
     */
    static List<Tick> of(double min, double max, int barPx, int minSpacingPx) {
        if (!(max > min)) return List.of(new Tick(min, text(min, 4)));
        double step = niceStep((max - min) / 5);
        if (digits(Math.max(Math.abs(min), Math.abs(max)), step) > MAX_SIGNIFICANT) {
            double middle = 0.5 * (min + max);
            return List.of(new Tick(middle, text(middle, 4) + " \u00b1 " + String.format(Locale.ROOT, "%.1g", 0.5 * (max - min))));
        }
        List<Tick> out = atMultiples(min, max, step);
        while (out.size() > 1 && step / (max - min) * ((double) barPx - 1) < minSpacingPx) {
            step = niceStep(1.5 * step);
            List<Tick> fewer = atMultiples(min, max, step);
            // a step wider than the range may hold no multiple inside it: keep the middle one of the last ticks
            if (fewer.isEmpty()) return List.of(out.get(out.size() / 2));
            out = fewer;
        }
        return out;
    }

    private static List<Tick> atMultiples(double min, double max, double step) {
        List<Tick> out = new ArrayList<>();
        for (double v : values(min, max, step)) out.add(new Tick(v, text(v, digits(v, step))));
        return out;
    }

    /**
     * Significant digits of {@code v} down to the leading digit of {@code step}: multiples of a 1, 2
     * or 5 step differ there or above.
     */
    static int digits(double v, double step) {
        return v == 0 ? 1 : Math.max(1, (int) (Math.floor(Math.log10(Math.abs(v))) - Math.floor(Math.log10(step))) + 1);
    }

    /** Round numbers (multiples of {@code step}) inside [min, max]. */
    static List<Double> values(double min, double max, double step) {
        List<Double> out = new ArrayList<>();
        for (long n = (long) Math.ceil(min / step - 1e-9); n * step <= max + 1e-9 * step; n++) out.add(n * step == 0 ? 0.0 : n * step);
        return out;
    }

    /** The number from {1, 2, 5} x 10^n nearest above {@code raw}. */
    static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / p;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
    }

    /**
     * {@code v} to {@code significant} digits, without trailing zeros: decimal from 1e-3 to 1e4,
     * scientific outside.
     */
    static String text(double v, int significant) {
        if (v == 0) return "0";
        double a = Math.abs(v);
        if (a >= 1e4 || a < 1e-3) {
            String[] s = String.format(Locale.ROOT, "%." + (significant - 1) + "e", v).split("e");
            return Images.trim(s[0]) + "e" + s[1];
        }
        int decimals = Math.max(0, significant - 1 - (int) Math.floor(Math.log10(a)));
        return Images.trim(String.format(Locale.ROOT, "%." + decimals + "f", v));
    }
}
