package org.lipf.postprocess.plot;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.lipf.postprocess.RunFolder;
import org.lipf.postprocess.RunFolderException;
import org.lipf.postprocess.TimeSeriesTable;
import org.lipf.postprocess.metrics.RunMetrics;
import org.lipf.postprocess.metrics.SnapshotMetrics;
import org.lipf.postprocess.render.Images;
import org.lipf.output.RunResults;
import org.lipf.output.TimeSeriesWriter;

/**
 * The time series of a run ({@code lipf plot}), four charts in one PNG: cell voltage; deposition
 * and counter-boundary current density; front height and penetration into the electrolyte (all
 * from {@code timeseries.csv}); and the share of the deposited Li in each layer (from the snapshots,
 * {@link RunMetrics}). A run against a brittle electrolyte gets a fifth: the intrusion ratio (the Li
 * pressure on the flaws over their critical pressure, docs/MODEL.md section 4.2) and, where the metal
 * forms voids, the contact fraction of its surface (section 4.3). Time is in s, min or h by the run's length
 * ({@link TimeAxis}).
 */
public final class TimeSeriesFigure {
    /** File name under RUN/figures/. */
    public static final String FILE_NAME = "timeseries.png";
    /** mA/cm^2 per A/m^2. */
    public static final double MA_PER_CM2 = 0.1;
    /** The time series' short flag (1 from the row of the short on). */
    static final String SHORT_COLUMN = "short";
    /** The intrusion ratio's legend entry, on two lines: XChart cuts a line at 45 % of the chart's width. */
    static final String INTRUSION_LEGEND = "intrusion ratio\n(above 1 a crack grows from the flaws)";

    private TimeSeriesFigure() {
    }

    /** The four charts, and the interface chart where the run has one. */
    public static List<Chart> charts(TimeSeriesTable ts, RunMetrics metrics) throws RunFolderException {
        double[] time_s = ts.column("time_s");
        TimeAxis time = TimeAxis.forEnd(max(time_s));
        double[] t = time.of(time_s);
        Chart voltage = Charts.lineChart("Cell voltage", time.title(), "V [V]");
        voltage.add("cell voltage", t, ts.column("cell_voltage_V"), false);

        Chart current = Charts.lineChart("Current density", time.title(), "i [mA/cm\u00b2]");
        current.add("deposition", t, scaled(ts.column("current_density_A_per_m2"), MA_PER_CM2), false);
        if (ts.has("counter_current_A_per_m2")) current.add("counter boundary", t, scaled(ts.column("counter_current_A_per_m2"), MA_PER_CM2), false);

        Chart front = Charts.lineChart("Metal front", time.title(), "height [\u00b5m]");
        front.add("front height", t, scaled(ts.column("front_height_m"), 1e6), false);
        front.add("penetration into electrolyte", t, scaled(ts.column("penetration_m"), 1e6), false);

        Chart shares = Charts.lineChart("Where the Li deposited" + Images.since(metrics.sharesFrom_s()) + " is", time.title(), "share of deposited Li [%]");
        shares.chart().getStyler().setYAxisMin(0.0).setYAxisMax(100.0);
        List<SnapshotMetrics> rows = metrics.rows().stream().filter(r -> !Double.isNaN(r.layerShares()[0])).toList();
        double[] st = time.of(rows.stream().mapToDouble(SnapshotMetrics::time_s).toArray());
        if (rows.isEmpty()) shares.add("no deposit yet", new double[] {0}, new double[] {0}, true);
        else for (int l = 0; l < metrics.layerNames().size(); l++) {
            final int layer = l;
            shares.add(metrics.layerNames().get(l), st, rows.stream().mapToDouble(r -> 100 * r.layerShares()[layer]).toArray(), true);
        }
        Chart contact = interfaceChart(ts, t, time);
        return contact == null ? List.of(voltage, current, front, shares) : List.of(voltage, current, front, shares, contact);
    }

    /** Intrusion ratio and contact fraction over time, or null where the run has neither (a liquid, a polymer, older runs). */
    private static Chart interfaceChart(TimeSeriesTable ts, double[] t, TimeAxis time) throws RunFolderException {
        boolean intrusion = ts.has(RunResults.INTRUSION_RATIO) && max(ts.column(RunResults.INTRUSION_RATIO)) > 0;
        boolean voids = ts.has(RunResults.CONTACT_FRACTION) && min(ts.column(RunResults.CONTACT_FRACTION)) < 1;
        if (!intrusion && !voids) return null;
        Chart c = Charts.lineChart("Li / electrolyte interface", time.title(), "ratio [1]");
        if (intrusion) c.add(INTRUSION_LEGEND, t, ts.column(RunResults.INTRUSION_RATIO), false);
        if (voids) c.add("contact fraction of the metal surface", t, ts.column(RunResults.CONTACT_FRACTION), false);
        return c;
    }

    /** Largest value, NaN (rows of a run restarted from an older LiPF) left out. */
    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) if (x > m) m = x;
        return m;
    }

    /** Smallest value, NaN left out. */
    private static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : v) if (x < m) m = x;
        return m;
    }

    /** Draws the run's figure to {@code RUN/figures/timeseries.png}. */
    public static Path write(RunFolder run) throws RunFolderException, IOException {
        List<Chart> charts = charts(run.timeSeries(), RunMetrics.compute(run));
        BufferedImage img = Charts.grid(title(run.name(), run.timeSeries()), charts, 2);
        return Images.writePng(img, run.figuresDir().resolve(FILE_NAME));
    }

    /**
     * The figure's title: the run's name, and where the time series records a short, when (the run stops there; without
     * this its charts ended as if the run had reached its end).
     */
    static String title(String runName, TimeSeriesTable ts) throws RunFolderException {
        String title = runName + ": time series";
        if (!ts.has(SHORT_COLUMN)) return title;
        double[] t = ts.column(TimeSeriesWriter.TIME_COLUMN), shorted = ts.column(SHORT_COLUMN);
        for (int n = 0; n < t.length; n++) if (shorted[n] != 0) return title + "  \u00b7  shorted at t = " + Images.time(t[n]);
        return title;
    }

    static double[] scaled(double[] v, double factor) {
        double[] out = new double[v.length];
        for (int n = 0; n < v.length; n++) out[n] = v[n] * factor;
        return out;
    }
}
