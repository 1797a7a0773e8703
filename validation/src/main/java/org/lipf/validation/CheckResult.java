package org.lipf.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A trend check evaluated on a sweep's summary: the simulated value per system (mean over its
 * replicates), whether the order is the published one, and how the ratios compare.
 *
 * @param values simulated value per system of {@code check.order()}, NaN if the system has no result
 * @param lowerBound per system: the value is a lower bound (e.g. a CCD ramp that never shorted)
 * @param pass the simulated values fall in the published order, each below the one before by more than {@link #TIE}
 * @param verdict one line: why it passes or fails
 * @param ratios simulated against published ratio of consecutive systems, where the paper gives both values
 * @param note how the values were read where that is not each run's last value (e.g. {@link CommonTime}), or null
 */
public record CheckResult(Trend.Check check, double[] values, boolean[] lowerBound, boolean pass, String verdict, List<String> ratios, String note) {
    /**
     * Relative difference (to the largest value of the check) below which two values count as equal, no
     * order: the runs do not resolve less (a current constriction of 1.0008 against 1.0002 is a uniform
     * front in both, a share of 100.0 % against 99.9 % a grid cell of Li).
     */
    static final double TIE = 0.01;

    /** Evaluates {@code check} on a summary table (header first, one row per run). */
    public static CheckResult evaluate(Trend.Check check, List<List<String>> summary) {
        List<String> header = summary.get(0);
        int axis = column(header, check.axis()), status = column(header, "status");
        String[] metric = check.metric().split("\\+");
        int n = check.order().size();
        double[] values = new double[n];
        boolean[] bound = new boolean[n];
        List<String> missing = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            double sum = 0;
            int count = 0;
            for (List<String> row : summary.subList(1, summary.size())) {
                if (!row.get(axis).equals(check.order().get(s))) continue;
                String st = row.get(status);
                if (!st.equals("finished") && !st.equals("shorted")) continue;
                double v = 0;
                for (String m : metric) v += number(row, header, m.trim());
                if (Double.isNaN(v) && check.lowerBound() != null) {
                    v = number(row, header, check.lowerBound());
                    bound[s] = true;
                }
                if (Double.isNaN(v)) continue;
                sum += check.scale() * (check.absolute() ? Math.abs(v) : v);
                count++;
            }
            values[s] = count == 0 ? Double.NaN : sum / count;
            if (count == 0) missing.add(check.order().get(s) + " (" + whyNoValue(check.order().get(s), summary, axis, status) + ")");
        }
        if (!missing.isEmpty())
            return new CheckResult(check, values, bound, false, "FAIL: no finished run with a value for " + String.join(", ", missing), List.of(), null);
        double scale = 0;
        for (double v : values) scale = Math.max(scale, Math.abs(v));
        List<String> broken = new ArrayList<>();
        for (int s = 0; s + 1 < n; s++) {
            String a = check.order().get(s), b = check.order().get(s + 1);
            // a lower bound above is fine (the true value is larger still); one below leaves the order open
            if (bound[s + 1]) broken.add(b + " is only a lower bound (no short), so " + a + " > " + b + " is not shown");
            else if (!(values[s] - values[s + 1] > TIE * scale)) broken.add(a + " > " + b + " does not hold");
        }
        return new CheckResult(check, values, bound, broken.isEmpty(),
                broken.isEmpty() ? "PASS: " + String.join(" > ", check.order()) : "FAIL: " + String.join("; ", broken), ratios(check, values, bound), null);
    }

    /** Why a system has no value, in words: what became of its runs (summary.csv's status), or that it has none. */
    private static String whyNoValue(String system, List<List<String>> summary, int axis, int status) {
        List<String> outcomes = new ArrayList<>();
        for (List<String> row : summary.subList(1, summary.size()))
            if (row.get(axis).equals(system)) outcomes.add(switch (row.get(status)) {
                case "finished", "shorted" -> row.get(status) + " without a value";
                case "running" -> "still running in another process";
                case "interrupted" -> "interrupted";
                case "pending" -> "not run";
                default -> row.get(status);
            });
        return outcomes.isEmpty() ? "no run" : (outcomes.size() == 1 ? "its run: " : "its runs: ") + String.join(", ", outcomes);
    }

    /** A check that could not be evaluated: FAIL, with the reason. */
    public static CheckResult failed(Trend.Check check, String why) {
        double[] values = new double[check.order().size()];
        java.util.Arrays.fill(values, Double.NaN);
        return new CheckResult(check, values, new boolean[values.length], false, "FAIL: " + why, List.of(), null);
    }

    /** The same result with a note on how its values were read. */
    public CheckResult withNote(String text) {
        return new CheckResult(check, values, lowerBound, pass, verdict, ratios, text);
    }

    /**
     * Simulated against published ratio of consecutive systems, where the paper gives both and all four values are
     * positive (a ratio says nothing otherwise). A bound (a paper's "&lt; 0.8", a ramp that never shorted) makes the
     * ratio a range; "within a factor of 2" when the two ranges come that close, ends included.
     */
    private static List<String> ratios(Trend.Check check, double[] values, boolean[] lowerBound) {
        List<String> out = new ArrayList<>();
        for (int s = 0; s + 1 < values.length; s++) {
            ValueRange pa = check.published().get(s), pb = check.published().get(s + 1);
            if (!pa.positive() || !pb.positive() || !(values[s] > 0) || !(values[s + 1] > 0)) continue;
            ValueRange sa = simulated(values[s], lowerBound[s]), sb = simulated(values[s + 1], lowerBound[s + 1]);
            ValueRange sim = sa.over(sb), pub = pa.over(pb);
            String pair = check.order().get(s) + " / " + check.order().get(s + 1);
            if (sim.unbounded())
                out.add(String.format(Locale.ROOT, "%s: the simulated %s and %s (ramps that never shorted) leave the ratio open; published %s", pair,
                        sa.format("%.3g"), sb.format("%.3g"), pub.format("%.3g")));
            else if (pub.unbounded())
                out.add(String.format(Locale.ROOT, "%s: simulated %s; the published %s and %s leave the ratio open", pair, sim.format("%.3g"),
                        pa.format("%.3g"), pb.format("%.3g")));
            else
                out.add(String.format(Locale.ROOT, "%s: simulated %s, published %s (%s)", pair, sim.format("%.3g"), pub.format("%.3g"),
                        sim.withinFactorOf(2, pub) ? "within a factor of 2" : "off by more than a factor of 2"));
        }
        return out;
    }

    private static ValueRange simulated(double value, boolean lowerBound) {
        return lowerBound ? ValueRange.atLeast(value) : ValueRange.exactly(value);
    }

    private static int column(List<String> header, String name) {
        int k = header.indexOf(name);
        if (k < 0) throw new IllegalArgumentException("the sweep summary has no column '" + name + "' (columns: " + String.join(", ", header) + ")");
        return k;
    }

    private static double number(List<String> row, List<String> header, String column) {
        String t = row.get(column(header, column)).trim();
        if (t.isEmpty() || t.equals("null")) return Double.NaN;
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
