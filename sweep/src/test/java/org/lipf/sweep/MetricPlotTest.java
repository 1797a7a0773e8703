package org.lipf.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lipf.sweep.RunState.Status;
import org.lipf.sweep.SweepSpec.PlotSpec;
import org.lipf.sweep.SweepSummary.Row;

/** The x axis and the lines of DIR/plot-METRIC.png, without looking at pixels. */
class MetricPlotTest {
    @TempDir
    Path dir;

    private static Row row(int i, String x, String series, Status status, String y) {
        Map<String, String> parameters = series == null ? Map.of("x", x) : Map.of("x", x, "s", series);
        return new Row(new SweepRun(i, "run" + i, parameters, Path.of("cell.yaml"), parameters), new RunState(status, "", null, null), Map.of("m", y));
    }

    private static List<Double> xs(List<Double[]> points) {
        return points.stream().map(p -> p[0]).toList();
    }

    /** 20 A/m^2 is 2 mA/cm^2: the values of an axis in mixed units are placed to scale in the first value's unit, sorted. */
    @Test
    void quantitiesInMixedUnitsArePlottedToScaleInOneUnit() {
        PlotAxis axis = PlotAxis.of(List.of("1 mA/cm^2", "20 A/m^2", "0.5 mA/cm^2"), false);
        assertTrue(axis.numeric());
        assertEquals("current_density [mA/cm^2]", axis.title("current_density"));
        assertEquals(2.0, axis.position("20 A/m^2"), 1e-12);
        PlotSpec plot = new PlotSpec("m", "x", null, false);
        List<Row> rows = List.of(row(0, "1 mA/cm^2", null, Status.FINISHED, "1"), row(1, "20 A/m^2", null, Status.FINISHED, "2"),
                row(2, "0.5 mA/cm^2", null, Status.FINISHED, "0.5"));
        List<Double[]> line = MetricPlot.lines(plot, rows, axis).get("m");
        assertEquals(List.of(0.5, 1.0, 2.0), xs(line));
        assertEquals(List.of(0.5, 1.0, 2.0), line.stream().map(p -> p[1]).toList());
        // values of other kinds, or no numbers, stay categories in sweep order
        assertFalse(PlotAxis.of(List.of("1 mA/cm^2", "20 nm"), false).numeric());
        assertEquals(1.0, PlotAxis.of(List.of("sc", "sc-nano"), false).position("sc-nano"));
    }

    /**
     * The metric's axis is labelled as lipf plot's: XChart wrote a penetration of 7.5e-4 m as ".00075", and crowded the labels of
     * evenly spaced quantities; categories keep their own labels.
     */
    @Test
    void theMetricsAxisHasPlotsLabels() {
        List<Row> rows = List.of(row(0, "0 mA/cm^2", null, Status.FINISHED, "7.5e-4"), row(1, "1 mA/cm^2", null, Status.FINISHED, "4.1e-4"),
                row(2, "2 mA/cm^2", null, Status.FINISHED, "0.5e-4"));
        org.knowm.xchart.XYChart numeric = MetricPlot.chart(new PlotSpec("m", "x", null, false), rows);
        assertEquals("7.5e-4", numeric.getStyler().getYAxisTickLabelsFormattingFunction().apply(7.5e-4));
        assertEquals("1.5", numeric.getStyler().getXAxisTickLabelsFormattingFunction().apply(1.5));
        List<Row> categories = List.of(row(0, "sc", null, Status.FINISHED, "7.5e-4"), row(1, "sc-nano", null, Status.FINISHED, "0.5e-4"));
        org.knowm.xchart.XYChart named = MetricPlot.chart(new PlotSpec("m", "x", null, false), categories);
        assertEquals("7.5e-4", named.getStyler().getYAxisTickLabelsFormattingFunction().apply(7.5e-4));
        assertEquals("sc-nano", named.getStyler().getXAxisTickLabelsFormattingFunction().apply(1.0), "the categories' own labels");
    }

    /** XChart labels a log axis at its decades only: a sampled 1 to 10 mA/cm^2 had the one label "1". */
    @Test
    void aLogarithmicAxisIsLabelledAtOneTwoAndFiveTimesThePowersOfTen() {
        PlotAxis axis = PlotAxis.of(List.of("1.17 mA/cm^2", "3.4 mA/cm^2", "9.62 mA/cm^2", "1.9 mA/cm^2"), true);
        assertTrue(axis.logarithmic());
        assertEquals(1.0, axis.logMin(), 1e-12);
        assertEquals(10.0, axis.logMax(), 1e-12);
        List<String> labels = new ArrayList<>();
        for (int i = 1; i <= 10; i++) labels.add(axis.tickLabel(i));
        assertEquals(List.of("1", "2", "", "", "5", "", "", "", "", "10"), labels);
        // six decades: the decades only
        PlotAxis wide = PlotAxis.of(List.of("0.001 um", "1000 um"), true);
        assertEquals(Arrays.asList("0.001", "", "", "1", "", "1000"),
                Arrays.stream(new double[] {1e-3, 2e-3, 5e-3, 1, 2, 1000}).mapToObj(wide::tickLabel).toList());
        assertNull(PlotAxis.of(List.of("1 nm", "2 nm"), false).tickLabel(1), "a linear axis keeps XChart's numbers");
    }

    /** A failed run leaves a gap: the line does not join the categories on either side of it. */
    @Test
    void aFailedRunLeavesAGapInItsLine() throws IOException {
        PlotSpec plot = new PlotSpec("m", "x", "s", false);
        List<Row> rows = List.of(row(0, "sc", "a", Status.FINISHED, "1"), row(1, "sc-micro", "a", Status.FAILED, ""),
                row(2, "sc-nano", "a", Status.FINISHED, "3"), row(3, "sc", "b", Status.FINISHED, "2"), row(4, "sc-micro", "b", Status.SHORTED, "2.5"),
                row(5, "sc-nano", "b", Status.INTERRUPTED, "9"));
        Map<String, List<Double[]>> lines = MetricPlot.lines(plot, rows, PlotAxis.of(List.of("sc", "sc-micro", "sc-nano"), false));
        assertEquals(Arrays.asList(1.0, null, 3.0), lines.get("s = a").stream().map(p -> p[1]).toList());
        assertEquals(Arrays.asList(2.0, 2.5, null), lines.get("s = b").stream().map(p -> p[1]).toList());
        assertTrue(Files.size(MetricPlot.write(plot, rows, dir)) > 1000);
    }

    /** The pictures to look at (kept under target/ when LIPF_KEEP_PLOTS is set). */
    @Test
    void mixedUnitAndLogarithmicPlotsAreWritten() throws IOException {
        Path out = System.getenv("LIPF_KEEP_PLOTS") != null ? Files.createDirectories(Path.of("target/plot-check")) : dir;
        List<Row> mixed = List.of(row(0, "1 mA/cm^2", "a", Status.FINISHED, "1"), row(1, "20 A/m^2", "a", Status.FINISHED, "2"),
                row(2, "0.5 mA/cm^2", "a", Status.FINISHED, "0.7"), row(3, "5 mA/cm^2", "a", Status.FAILED, ""), row(4, "8 mA/cm^2", "a", Status.FINISHED, "3"));
        Files.move(MetricPlot.write(new PlotSpec("m", "x", "s", false), mixed, out), out.resolve("mixed.png"), StandardCopyOption.REPLACE_EXISTING);
        List<Row> log = new ArrayList<>();
        String[] xs = {"1.17", "3.4", "9.62", "1.9", "5.5", "2.6", "7.1", "1.4"};
        for (int i = 0; i < xs.length; i++) log.add(row(i, xs[i] + " mA/cm^2", null, Status.FINISHED, Double.toString(Math.log(Double.parseDouble(xs[i])))));
        assertTrue(Files.size(MetricPlot.write(new PlotSpec("m", "x", null, true), log, out)) > 1000);
    }
}
