package org.lipf.postprocess.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Function;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;

/** The common look of LiPF's charts, and laying several of them out in one image. */
public final class Charts {
    public static final int WIDTH = 560, HEIGHT = 340;
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    private static final Font AXIS = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Font TICKS = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private Charts() {
    }

    /** An empty line chart with labelled axes (quantity and unit). */
    public static Chart lineChart(String title, String xAxis, String yAxis) {
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xAxis).yAxisTitle(yAxis)
                .theme(Styler.ChartTheme.Matlab).build();
        c.getStyler().setChartTitleFont(TITLE).setLegendPosition(Styler.LegendPosition.OutsideS).setMarkerSize(6)
                .setChartBackgroundColor(Color.WHITE);
        c.getStyler().setAxisTitleFont(AXIS).setAxisTickLabelsFont(TICKS).setPlotGridLinesColor(new Color(0xDDDDDD))
                .setPlotGridLinesStroke(new BasicStroke(0.8f));
        c.getStyler().setSeriesLines(new BasicStroke[] {new BasicStroke(2f)});
        return new Chart(c, new LinkedHashMap<>());
    }

    /** The charts in a grid of {@code columns}, under a title line. */
    public static BufferedImage grid(String title, List<Chart> charts, int columns) {
        int rows = (charts.size() + columns - 1) / columns, top = 34;
        BufferedImage img = new BufferedImage(Math.min(columns, charts.size()) * WIDTH, top + rows * HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, 14, 23);
        for (int n = 0; n < charts.size(); n++) {
            labelTicks(charts.get(n));
            Graphics2D cg = (Graphics2D) g.create((n % columns) * WIDTH, top + (n / columns) * HEIGHT, WIDTH, HEIGHT);
            charts.get(n).chart().paint(cg, WIDTH, HEIGHT);
            cg.dispose();
        }
        g.dispose();
        return img;
    }

    /**
     * Writes the chart's tick labels with {@link #tickLabel}, from the range of its data on each axis: XChart's own
     * labels drop the leading zero (".003") and, where all values are one (a single row), give a tick 14 digits.
     */
    static void labelTicks(Chart c) {
        double[] x = range(c, XYSeries::getXData), y = range(c, XYSeries::getYData);
        c.chart().getStyler().setXAxisTickLabelsFormattingFunction(v -> tickLabel(v, x[0], x[1]));
        c.chart().getStyler().setYAxisTickLabelsFormattingFunction(v -> tickLabel(v, y[0], y[1]));
    }

    /** {min, max} of the finite values of the chart's series on one axis. */
    private static double[] range(Chart c, Function<XYSeries, double[]> axis) {
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (XYSeries s : c.series().values())
            for (double v : axis.apply(s))
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
        return min <= max ? new double[] {min, max} : new double[] {0, 0};
    }

    /**
     * A tick's label on an axis whose data span [min, max]: its leading zero written, to the decimal of a hundredth of
     * the span (XChart's ticks lie at least a tenth of it apart, so neighbours differ) with trailing zeros dropped,
     * which also drops the rounding noise of a tick's value (0.30000000000000004). A span of one value is taken as
     * the value's size.
     */
    static String tickLabel(double v, double min, double max) {
        double span = max > min ? max - min : Math.max(Math.abs(min), Math.abs(max));
        int decimals = span > 0 ? Math.max(0, -(int) Math.floor(Math.log10(span / 100))) : 0;
        return BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
