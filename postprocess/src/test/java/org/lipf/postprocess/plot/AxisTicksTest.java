package org.lipf.postprocess.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.Rectangle2D;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.AxesChart;
import org.knowm.xchart.internal.chartpart.AxisTickCalculator;
import org.knowm.xchart.internal.chartpart.Axis_;
import org.lipf.postprocess.RunFolder;
import org.lipf.postprocess.SyntheticRun;
import org.lipf.postprocess.metrics.RunMetrics;

/**
 * The tick labels XChart lays out on the charts of {@code lipf plot}, read back from the painted charts: on both axes
 * at least three, at round numbers (multiples of 1, 2 or 5 times a power of ten), each at its value's position, and
 * apart (x: a gap of {@link AxisTicks#MIN_GAP_PX} between neighbours; y: half a label's height).
 */
class AxisTicksTest {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    @TempDir
    Path tmp;

    /** A label XChart draws: its text, and its position along the axis in px (y up from the axis' foot). */
    record Tick(String label, double at_px) {
    }

    /**
     * Runs written at a fixed interval (XChart's data-valued ticks), from 1 s to 24 h; the synthetic time series' values
     * grow with time (a 24 h run's current reaches 8645 mA/cm^2, its front 86 mm), and the layer shares are exactly 0
     * and 100 %.
     */
    @ParameterizedTest(name = "{0} s written every {1} s")
    @CsvSource({"1, 0.01", "25, 0.5", "25, 1", "30, 0.0734", "360, 5", "86400, 600"})
    void everyChartOfARunHasRoundUncrowdedLabelsOnBothAxes(double end_s, double interval_s) throws Exception {
        Path run = SyntheticRun.create(tmp.resolve("run"), SyntheticRun.CELL_2D);
        double[] xi = new double[SyntheticRun.NX * SyntheticRun.NZ];
        for (int P = 0; P < 8 * SyntheticRun.NX; P++) xi[P] = 1;
        SyntheticRun.write(run, 0, 0, xi, SyntheticRun.layeredMaterial(), null, null);
        xi[8 * SyntheticRun.NX + 3] = 1; // a cell deposited in the lpscl layer: shares 0 and 100 %
        SyntheticRun.write(run, 10, end_s / 2, xi, SyntheticRun.layeredMaterial(), null, null);
        SyntheticRun.write(run, 20, end_s, xi, SyntheticRun.layeredMaterial(), null, null);
        int rows = (int) Math.round(end_s / interval_s) + 1;
        double[] t = new double[rows];
        for (int n = 0; n < rows; n++) t[n] = n * interval_s;
        SyntheticRun.timeSeries(run, t);
        RunFolder folder = RunFolder.open(run);
        List<Chart> charts = TimeSeriesFigure.charts(folder.timeSeries(), RunMetrics.compute(folder));
        Charts.grid("run", charts, 2);
        for (Chart c : charts) assertReadable(c);
    }

    /**
     * Values far from 1, labelled in scientific notation, and axes of long labels that XChart alone sets 10 % of
     * their width apart (0.00412 0.00414 ..., -2.33 -2.328 ...): still round and apart.
     */
    @Test
    void tinyHugeAndLongValuesGetRoundUncrowdedLabels() throws Exception {
        double[][] ranges = { // x from, x to, y from, y to
                {0, 1e-7, 1e-9, 8e-9}, {0, 1e11, 1e9, 8e9}, {-1e14, 0, -8e12, -1e12},
                {0.0041131, 0.0042918, 0, 1}, {-2.3311939, -2.3098395, 0, 1}, {221.653985, 221.662220, 0, 1}};
        List<Chart> charts = new ArrayList<>();
        for (double[] r : ranges) {
            Chart c = Charts.lineChart("x " + r[0] + " to " + r[1], "x", "y");
            double[] x = new double[50], y = new double[50];
            for (int n = 0; n < 50; n++) {
                x[n] = r[0] + (r[1] - r[0]) * n / 49;
                y[n] = r[2] + (r[3] - r[2]) * n / 49;
            }
            c.add("line", x, y, false);
            charts.add(c);
        }
        Charts.grid("ranges", charts, 2);
        for (Chart c : charts) assertReadable(c);
        assertEquals("8e-8", xLabel(charts.get(0), 8e-8));
    }

    @Test
    void theTimeAxisCountsInTheUnitOfTheRunsLength() {
        assertEquals(TimeAxis.SECONDS, TimeAxis.forEnd(360));
        assertEquals(TimeAxis.MINUTES, TimeAxis.forEnd(3600));
        assertEquals(TimeAxis.HOURS, TimeAxis.forEnd(86400));
        assertEquals("t [h]", TimeAxis.HOURS.title());
        assertEquals(24, TimeAxis.HOURS.of(new double[] {86400})[0], 1e-12);
    }

    /** Tick labels keep their leading zero and no rounding noise, a single value gets a few digits, not 14. */
    @Test
    void tickLabelsReadAsNumbersWithTheDigitsTheAxisNeeds() {
        assertEquals("0.003", AxisTicks.label(0.003, 0, 0.04));
        assertEquals("0.006", AxisTicks.label(0.006000000000000001, 0, 0.04));
        assertEquals("0.3", AxisTicks.label(0.30000000000000004, -0.32, 0));
        assertEquals("-0.15", AxisTicks.label(-0.15, -0.32, 0));
        assertEquals("0", AxisTicks.label(1e-17, -0.32, 0.1));
        assertEquals("20000", AxisTicks.label(20000, 0, 36000));
        assertEquals("14.5", AxisTicks.label(14.5, 10, 14.5));
        // a one-row series: the digits of the value's own size
        assertEquals("-0.0723", AxisTicks.label(-0.07234567891234, -0.07234567891234, -0.07234567891234));
        assertEquals("-0.07230001", AxisTicks.label(-0.07230001000000001, -0.0723, -0.07229998), "a range flat to 1e-8 V still resolves");
        assertEquals("0", AxisTicks.label(0, 0, 0));
        // far from 1: scientific
        assertEquals("1.5e-8", AxisTicks.label(1.5000000000000002e-8, 0, 2.5e-8));
        assertEquals("1.1e9", AxisTicks.label(1.1e9, 1e9, 1.7e9));
        assertEquals("-2e12", AxisTicks.label(-2e12, -5e12, 0));
        assertEquals("0", AxisTicks.label(0, 0, 2.5e-8));
    }

    /** The label of the x tick at {@code value}. */
    private static String xLabel(Chart c, double value) {
        return c.chart().getStyler().getXAxisTickLabelsFormattingFunction().apply(value);
    }

    /** Checks the painted chart's tick labels on both axes. */
    static void assertReadable(Chart c) throws ReflectiveOperationException {
        Font font = c.chart().getStyler().getAxisTickLabelsFont();
        for (boolean x : new boolean[] {true, false}) {
            List<Tick> ticks = drawn(c.chart(), x);
            String what = c.chart().getTitle() + ", " + (x ? "x" : "y") + " axis: " + ticks;
            assertTrue(ticks.size() >= 3, what);
            double first = value(ticks.get(0)), last = value(ticks.get(ticks.size() - 1));
            double step = value(ticks.get(1)) - first, pxPerUnit = (ticks.get(ticks.size() - 1).at_px() - ticks.get(0).at_px()) / (last - first);
            double mantissa = step / Math.pow(10, Math.floor(Math.log10(step)));
            assertTrue(Math.abs(mantissa - 1) < 1e-6 || Math.abs(mantissa - 2) < 1e-6 || Math.abs(mantissa - 5) < 1e-6, "step " + step + ": " + what);
            for (int n = 0; n < ticks.size(); n++) {
                Tick tick = ticks.get(n);
                double v = value(tick);
                assertEquals(Math.rint(v / step), v / step, 1e-6, "a multiple of the step: " + what);
                assertEquals(first + n * step, v, 1e-6 * Math.abs(step), "evenly stepped: " + what);
                assertEquals(ticks.get(0).at_px() + (v - first) * pxPerUnit, tick.at_px(), 1, "at its value: " + what);
                if (n == 0) continue;
                Tick before = ticks.get(n - 1);
                double apart = tick.at_px() - before.at_px();
                if (x) assertTrue(apart - (size(before.label(), font).getWidth() + size(tick.label(), font).getWidth()) / 2 >= AxisTicks.MIN_GAP_PX, what);
                else assertTrue(apart >= 1.5 * size(tick.label(), font).getHeight(), what);
            }
        }
    }

    private static double value(Tick t) {
        return Double.parseDouble(t.label());
    }

    private static Rectangle2D size(String label, Font font) {
        return new TextLayout(label, font, new FontRenderContext(null, true, false)).getOutline(null).getBounds();
    }

    /**
     * The labels XChart draws on an axis of a painted chart, in its order: those with text inside the axis' length
     * (AxisTickLabels.paint). XChart keeps the axes to itself: read by reflection.
     */
    static List<Tick> drawn(XYChart chart, boolean xAxis) throws ReflectiveOperationException {
        Field pairField = AxesChart.class.getDeclaredField("axisPair");
        pairField.setAccessible(true);
        Object pair = pairField.get(chart);
        Method getAxis = pair.getClass().getDeclaredMethod(xAxis ? "getXAxis" : "getYAxis");
        getAxis.setAccessible(true);
        Axis_<?, ?> axis = (Axis_<?, ?>) getAxis.invoke(pair);
        AxisTickCalculator calculator = axis.getAxisTickCalculator();
        double length = xAxis ? axis.getBounds().getWidth() : axis.getBounds().getHeight();
        List<Tick> out = new ArrayList<>();
        for (int n = 0; n < calculator.getTickLabels().size(); n++) {
            String label = calculator.getTickLabels().get(n);
            double at = calculator.getTickLocations().get(n);
            if (label != null && !label.isEmpty() && at > 0 && at < length) out.add(new Tick(label, at));
        }
        return out;
    }
}
