package org.lipf.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.lipf.output.AtomicFiles;
import org.lipf.postprocess.plot.AxisTicks;
import org.lipf.postprocess.plot.Chart;
import org.lipf.sweep.SweepSpec.PlotSpec;
import org.lipf.sweep.SweepSummary.Row;

/**
 * The plot of a sweep, {@code DIR/plot-METRIC.png} (XChart): a metric of the finished and shorted
 * runs over one axis, one line per value of a second axis. Where several runs share an x value and
 * a series value (replicate seeds, or further axes), the line goes through their mean; where none of
 * them gave a value (failed, or not done) the line has a gap. The x axis is a {@link PlotAxis}:
 * quantities to scale (in the first value's unit), anything else as categories in sweep order; a
 * logarithmically spaced axis on a logarithmic scale labelled at 1, 2 and 5 times the powers of ten.
 */
final class MetricPlot {
    private MetricPlot() {
    }

    static Path fileFor(PlotSpec plot, Path sweepDir) {
        return sweepDir.resolve("plot-" + RunNames.sanitise(plot.metric()) + ".png");
    }

    /** Writes the plot; returns its path, or null (and writes nothing) if no run has a numeric value of the metric. */
    static Path write(PlotSpec plot, List<Row> rows, Path sweepDir) throws IOException {
        XYChart chart = chart(plot, rows);
        if (chart == null) return null;
        Path file = fileFor(plot, sweepDir);
        AtomicFiles.writeBytes(file, BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
        return file;
    }

    /** The plot's chart, or null if no run has a numeric value of the metric. */
    static XYChart chart(PlotSpec plot, List<Row> rows) {
        List<String> xLabels = new ArrayList<>();
        for (Row r : rows) if (!xLabels.contains(r.run().parameters().get(plot.x()))) xLabels.add(r.run().parameters().get(plot.x()));
        PlotAxis axis = PlotAxis.of(xLabels, plot.logX());
        Map<String, List<Double[]>> lines = lines(plot, rows, axis);
        if (lines.values().stream().flatMap(List::stream).allMatch(p -> p[1] == null)) return null;
        XYChart chart = new XYChartBuilder().width(900).height(600).title(plot.metric() + " over " + plot.x())
                .xAxisTitle(axis.title(plot.x())).yAxisTitle(plot.metric()).build();
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        if (axis.logarithmic()) {
            // every tick (1 to 9 times the powers of ten), of which tickLabel labels a few, between labelled ends
            chart.getStyler().setXAxisLogarithmic(true).setXAxisLogarithmicDecadeOnly(false);
            chart.getStyler().setXAxisMin(axis.logMin()).setXAxisMax(axis.logMax());
        }
        final boolean labelledX = !axis.numeric() || axis.logarithmic();
        if (labelledX) chart.setCustomXAxisTickLabelsFormatter(axis::tickLabel);
        Map<String, XYSeries> series = new LinkedHashMap<>();
        lines.forEach((name, points) -> {
            if (points.stream().allMatch(p -> p[1] == null)) return; // a line whose runs all failed: nothing to draw
            XYSeries s = chart.addSeries(name, points.stream().map(p -> p[0]).toList(), points.stream().map(p -> p[1]).toList());
            s.setMarker(SeriesMarkers.CIRCLE);
            series.put(name, s);
        });
        // round ticks with readable labels, as lipf plot's; an axis of categories or on a log scale keeps its own
        Chart ticked = new Chart(chart, series);
        if (labelledX) AxisTicks.labelY(ticked);
        else AxisTicks.lay(ticked);
        return chart;
    }

    /**
     * Each line's points {x, y}, sorted by x: y is the mean of the done runs with a numeric value there, and null
     * (XChart leaves a gap) where the line's runs at that x failed or are not done, so that no line joins its
     * neighbours across a run that gave nothing.
     */
    static Map<String, List<Double[]>> lines(PlotSpec plot, List<Row> rows, PlotAxis axis) {
        Map<String, Map<Double, double[]>> sums = new LinkedHashMap<>(); // line -> x -> {sum, count}
        for (Row r : rows) {
            String line = plot.series() == null ? plot.metric() : plot.series() + " = " + r.run().parameters().get(plot.series());
            double x = axis.position(r.run().parameters().get(plot.x()));
            double[] s = sums.computeIfAbsent(line, k -> new TreeMap<>()).computeIfAbsent(x, k -> new double[2]);
            Double y = number(r.metric(plot.metric()));
            if (!r.state().status().done() || y == null) continue;
            s[0] += y;
            s[1]++;
        }
        Map<String, List<Double[]>> lines = new LinkedHashMap<>();
        sums.forEach((line, points) -> lines.put(line, points.entrySet().stream()
                .map(p -> new Double[] {p.getKey(), p.getValue()[1] > 0 ? p.getValue()[0] / p.getValue()[1] : null}).toList()));
        return lines;
    }

    private static Double number(String text) {
        try {
            double v = Double.parseDouble(text);
            return Double.isFinite(v) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
