package org.lipf.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The x axis of a sweep plot: where each value of the axis goes and how its ticks are labelled.
 * Values that are all quantities of one kind ({@code 1 mA/cm^2}, {@code 20 A/m^2}) are placed at
 * their value in the first value's unit, so an axis written in mixed units plots to scale like one
 * written in one unit; any other axis (scenario files, named alternatives) is a row of evenly spaced
 * categories in sweep order.
 *
 * @param unit the unit of a numeric axis ("" for bare numbers), null for categories
 * @param positions each value (as written in the sweep) and its x
 * @param logarithmic drawn on a logarithmic scale (a numeric axis spaced logarithmically)
 */
record PlotAxis(String unit, Map<String, Double> positions, boolean logarithmic) {
    /** Mantissas labelled on a logarithmic axis spanning at most {@link #LABELLED_DECADES}; wider ones label the decades only. */
    private static final double[] LOG_MANTISSAS = {1, 2, 5};
    private static final int LABELLED_DECADES = 3;

    /** The axis of {@code labels} (in sweep order); {@code log} if it was spaced logarithmically. */
    static PlotAxis of(List<String> labels, boolean log) {
        List<Double> values = inOneUnit(labels);
        Map<String, Double> positions = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) positions.put(labels.get(i), values == null ? i : values.get(i));
        String unit = values == null ? null : QuantityText.parse(labels.get(0)).unit();
        return new PlotAxis(unit, positions, log && unit != null && values.stream().allMatch(v -> v > 0));
    }

    boolean numeric() {
        return unit != null;
    }

    double position(String label) {
        return positions.get(label);
    }

    String title(String name) {
        return unit == null || unit.isEmpty() ? name : name + " [" + unit + "]";
    }

    /** A tick's label, "" for a tick left unlabelled; null where XChart's own numbers do (a linear numeric axis). */
    String tickLabel(double x) {
        if (!numeric()) {
            int i = (int) Math.round(x);
            List<String> labels = new ArrayList<>(positions.keySet());
            return Math.abs(x - i) < 1e-9 && i >= 0 && i < labels.size() ? labels.get(i) : "";
        }
        if (!logarithmic) return null;
        // XChart labels a log axis at its decades only: a sampled 1 to 10 mA/cm^2 showed the one label "1"
        double decade = Math.pow(10, Math.floor(Math.log10(x) + 1e-9));
        double mantissa = x / decade;
        boolean fewDecades = Math.log10(max() / min()) <= LABELLED_DECADES;
        for (double m : fewDecades ? LOG_MANTISSAS : new double[] {1})
            if (Math.abs(mantissa - m) < 1e-6) return QuantityText.format(m * decade, "", 6);
        return "";
    }

    /** The lower end of a logarithmic axis: the largest 1, 2 or 5 times a power of ten at or below the smallest value, so both ends are labelled. */
    double logMin() {
        double v = min(), decade = Math.pow(10, Math.floor(Math.log10(v) + 1e-9));
        double end = decade;
        for (double m : LOG_MANTISSAS) if (m * decade <= v * (1 + 1e-9)) end = m * decade;
        return end;
    }

    /** The upper end of a logarithmic axis: the smallest 1, 2 or 5 times a power of ten at or above the largest value. */
    double logMax() {
        double v = max(), decade = Math.pow(10, Math.floor(Math.log10(v) + 1e-9));
        for (double m : LOG_MANTISSAS) if (m * decade >= v * (1 - 1e-9)) return m * decade;
        return 10 * decade;
    }

    private double min() {
        return positions.values().stream().mapToDouble(Double::doubleValue).min().orElse(1);
    }

    private double max() {
        return positions.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
    }

    /** Every label's number in the first label's unit; null if one is no number, or has a unit that does not convert to it. */
    private static List<Double> inOneUnit(List<String> labels) {
        List<Double> out = new ArrayList<>();
        QuantityText first = labels.isEmpty() ? null : QuantityText.parse(labels.get(0));
        for (String l : labels) {
            QuantityText q = QuantityText.parse(l);
            if (q == null) return null;
            // a bare number, another kind of quantity or text that is no unit: the axis is categories
            Double v = q.in(first.unit());
            if (v == null) return null;
            out.add(v);
        }
        return out;
    }
}
