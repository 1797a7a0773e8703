package org.lipf.postprocess.plot;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.function.Function;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The ticks of a chart's axes: at round numbers (1, 2 or 5 times a power of ten, XChart's steps), with labels at least
 * {@link #MIN_GAP_PX} apart, that read as plain numbers with the digits the axis needs.
 *
 * <p>XChart 4.0.3 has two ways to place ticks. Where the values of an axis (all series, with the axis' ends) are evenly
 * spaced to 1e-4 (AxisTickCalculator_.areValuesEquallySpaced: rows written at a fixed interval, or layer shares of
 * exactly 0 and 100 %), it puts the ticks on the data values, every k-th, and accepts labels 10 % wider apart than
 * the widest: a 25 s run written every 0.5 s had 31 time labels running together ("10111213"), a 24 h run written
 * every 10 min ticks at 7800, 15600 s, and the shares only 0 and 100. Otherwise it steps by 1, 2 or 5 times a power
 * of ten, starting from a spacing hint, again with labels only 10 % apart ("0.0041 0.0042"). Each chart therefore gets
 * a hidden series of one NaN point, which fails the evenness test on both axes but draws nothing and sets no range
 * (XChart skips NaN, as it does in the NaN rows of a run restarted from an older LiPF), and an x spacing hint of the
 * step whose labels leave a gap. Its y axis keeps XChart's hint (labels there stack, a step at least 25 px for labels
 * 9 px high).
 */
public final class AxisTicks {
    /** Least gap between neighbouring x tick labels, px. */
    static final int MIN_GAP_PX = 10;
    /** Least distance between x ticks, px (XChart's own: 42 to 106 px). */
    private static final double MIN_STEP_PX = 50;
    private static final double[] STEP_MANTISSAS = {1, 2, 5};
    /** The hidden series' name. */
    static final String EVENNESS_BREAKER = "(uneven axis values)";
    /** Axes whose largest value lies in [1e-3, 1e6) are labelled in decimals, others in scientific notation. */
    private static final double SMALLEST_DECIMAL = 1e-3, LARGEST_DECIMAL = 1e6;

    private AxisTicks() {
    }

    /**
     * The y axis' labels alone, as {@link #lay} writes them: for a chart whose x axis labels itself (a sweep's
     * categories or logarithmic axis, whose ticks must stay on its values), once its series are added.
     */
    public static void labelY(Chart c) {
        AxesChartStyler styler = c.chart().getStyler();
        double[] y = range(c, XYSeries::getYData, styler.getYAxisMin(), styler.getYAxisMax());
        styler.setYAxisTickLabelsFormattingFunction(v -> label(v, y[0], y[1]));
    }

    /** Sets the chart's tick labels and spacing from its data, once its series are added; calling it again changes nothing. */
    public static void lay(Chart c) {
        XYChart chart = c.chart();
        AxesChartStyler styler = chart.getStyler();
        double[] x = range(c, XYSeries::getXData, styler.getXAxisMin(), styler.getXAxisMax());
        double[] y = range(c, XYSeries::getYData, styler.getYAxisMin(), styler.getYAxisMax());
        styler.setXAxisTickLabelsFormattingFunction(v -> label(v, x[0], x[1]));
        styler.setYAxisTickLabelsFormattingFunction(v -> label(v, y[0], y[1]));
        if (chart.getSeries(EVENNESS_BREAKER) == null) {
            XYSeries s = chart.addSeries(EVENNESS_BREAKER, new double[] {Double.NaN}, new double[] {Double.NaN});
            s.setMarker(SeriesMarkers.NONE);
            s.setLineStyle(SeriesLines.NONE);
            s.setShowInLegend(false);
        }
        if (x[1] > x[0]) styler.setXAxisTickMarkSpacingHint(xSpacingHint(chart, x[0], x[1]));
    }

    /**
     * The x spacing hint that makes XChart step by the smallest round step at least {@link #MIN_STEP_PX} long whose
     * labels stand {@link #MIN_GAP_PX} apart. XChart steps by the 1, 2 or 5 times a power of ten nearest to the data
     * that span the hint, so a hint of one step's length gives that step (its own test, labels 1.1 times their width
     * apart, then holds). The length of a unit comes from laying the chart out once: the x axis' length does not
     * depend on its ticks.
     */
    private static int xSpacingHint(XYChart chart, double min, double max) {
        Graphics2D g = new BufferedImage(chart.getWidth(), chart.getHeight(), BufferedImage.TYPE_INT_RGB).createGraphics();
        chart.paint(g, chart.getWidth(), chart.getHeight());
        g.dispose();
        double pxPerUnit = Math.abs(chart.getScreenXFromChart(max) - chart.getScreenXFromChart(min)) / (max - min);
        if (!(pxPerUnit > 0 && Double.isFinite(pxPerUnit))) return chart.getStyler().getXAxisTickMarkSpacingHint();
        Font font = chart.getStyler().getAxisTickLabelsFont();
        double decade = Math.pow(10, Math.floor(Math.log10(MIN_STEP_PX / pxPerUnit)));
        for (int n = 0;; n++) {
            double step = STEP_MANTISSAS[n % 3] * decade * Math.pow(10, n / 3), px = step * pxPerUnit;
            if (px < MIN_STEP_PX) continue;
            double widest = 0;
            long first = (long) Math.ceil(min / step - 1e-9), last = (long) Math.floor(max / step + 1e-9);
            for (long k = first; k <= last; k++) widest = Math.max(widest, width(label(k * step, min, max), font));
            // XChart draws no ticks at all for a hint longer than the axis
            if (px >= widest + MIN_GAP_PX || last - first < 2) return (int) Math.min(Math.ceil(px), Math.floor((max - min) * pxPerUnit));
        }
    }

    /** {min, max} of an axis: its fixed ends where set, else the finite values of the chart's series on it. */
    private static double[] range(Chart c, Function<XYSeries, double[]> axis, Double fixedMin, Double fixedMax) {
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (XYSeries s : c.series().values())
            for (double v : axis.apply(s))
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
        if (fixedMin != null) min = fixedMin;
        if (fixedMax != null) max = fixedMax;
        return min <= max ? new double[] {min, max} : new double[] {0, 0};
    }

    /**
     * A tick's label on an axis whose data span [min, max]: to a hundredth of the span (XChart's ticks lie at least a
     * tenth of it apart, so neighbours differ) with trailing zeros dropped, which also drops the rounding noise of a
     * tick's value (0.30000000000000004); its leading zero written (XChart's own ".003"). A span of one value is taken
     * as the value's size. An axis reaching 1e6 or staying below 1e-3 is written in scientific notation ("1.5e-8"),
     * not "0.000000015".
     */
    static String label(double v, double min, double max) {
        BigDecimal rounded = BigDecimal.valueOf(v).setScale(decimals(min, max), RoundingMode.HALF_UP).stripTrailingZeros();
        double largest = Math.max(Math.abs(min), Math.abs(max));
        if (rounded.signum() == 0) return "0";
        if (largest >= SMALLEST_DECIMAL && largest < LARGEST_DECIMAL) return rounded.toPlainString();
        int exponent = rounded.precision() - rounded.scale() - 1;
        return rounded.movePointLeft(exponent).toPlainString() + "e" + exponent;
    }

    /** Decimals of a label on an axis over [min, max]: those of a hundredth of its span (or of its one value's size). */
    private static int decimals(double min, double max) {
        double span = max > min ? max - min : Math.max(Math.abs(min), Math.abs(max));
        return span > 0 ? Math.max(0, -(int) Math.floor(Math.log10(span / 100))) : 0;
    }

    /** The width of a label in px, measured as XChart measures it. */
    private static double width(String label, Font font) {
        return new TextLayout(label, font, new FontRenderContext(null, true, false)).getOutline(null).getBounds().getWidth();
    }
}
