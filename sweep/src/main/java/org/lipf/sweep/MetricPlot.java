package org.lipf.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.lipf.output.AtomicFiles;
import org.lipf.sweep.SweepSpec.PlotSpec;
import org.lipf.sweep.SweepSummary.Row;

/**
 * The plot of a sweep, {@code DIR/plot-METRIC.png} (XChart): a metric of the finished and shorted
 * runs over one axis, one line per value of a second axis. Where several runs share an x value and
 * a series value (replicate seeds, or further axes), the line goes through their mean. A numeric
 * axis (every value a number in one unit) is drawn to scale; any other axis (scenario files, named
 * alternatives) as evenly spaced labelled categories in sweep order; a logarithmically spaced axis
 * on a logarithmic scale.
 */
final class MetricPlot {
    private MetricPlot() {
    }

    static Path fileFor(PlotSpec plot, Path sweepDir) {
        return sweepDir.resolve("plot-" + RunNames.sanitise(plot.metric()) + ".png");
    }

    /** Writes the plot; returns its path, or null (and writes nothing) if no run has a numeric value of the metric. */
    static Path write(PlotSpec plot, List<Row> rows, Path sweepDir) throws IOException {
        List<String> xLabels = new ArrayList<>();
        Map<String, Map<String, double[]>> sums = new LinkedHashMap<>(); // series -> x label -> {sum, count}
        for (Row r : rows) {
            String x = r.run().parameters().get(plot.x());
            if (!xLabels.contains(x)) xLabels.add(x);
            Double y = number(r.metric(plot.metric()));
            if (!r.state().status().done() || y == null) continue;
            String series = plot.series() == null ? plot.metric() : plot.series() + " = " + r.run().parameters().get(plot.series());
            double[] s = sums.computeIfAbsent(series, k -> new LinkedHashMap<>()).computeIfAbsent(x, k -> new double[2]);
            s[0] += y;
            s[1]++;
        }
        if (sums.isEmpty()) return null;
        String unit = commonUnit(xLabels);
        XYChart chart = new XYChartBuilder().width(900).height(600).title(plot.metric() + " over " + plot.x())
                .xAxisTitle(unit == null ? plot.x() : plot.x() + (unit.isEmpty() ? "" : " [" + unit + "]")).yAxisTitle(plot.metric()).build();
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setXAxisLogarithmic(plot.logX() && unit != null);
        if (unit == null) chart.setCustomXAxisTickLabelsFormatter(v -> {
            int i = (int) Math.round(v);
            return Math.abs(v - i) < 1e-9 && i >= 0 && i < xLabels.size() ? xLabels.get(i) : "";
        });
        for (Map.Entry<String, Map<String, double[]>> series : sums.entrySet()) {
            List<double[]> points = new ArrayList<>();
            series.getValue().forEach((x, s) -> points.add(new double[] {unit == null ? xLabels.indexOf(x) : QuantityText.parse(x).value(), s[0] / s[1]}));
            points.sort((a, b) -> Double.compare(a[0], b[0]));
            chart.addSeries(series.getKey(), points.stream().mapToDouble(p -> p[0]).toArray(), points.stream().mapToDouble(p -> p[1]).toArray())
                    .setMarker(SeriesMarkers.CIRCLE);
        }
        Path file = fileFor(plot, sweepDir);
        AtomicFiles.writeBytes(file, BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
        return file;
    }

    /** The unit every label shares if all are numbers ("" for bare numbers), else null. */
    static String commonUnit(List<String> labels) {
        String unit = null;
        for (String l : labels) {
            QuantityText q = QuantityText.parse(l);
            if (q == null || (unit != null && !unit.equals(q.unit()))) return null;
            unit = q.unit();
        }
        return unit;
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
