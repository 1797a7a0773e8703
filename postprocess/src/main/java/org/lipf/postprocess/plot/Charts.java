package org.lipf.postprocess.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
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
            AxisTicks.lay(charts.get(n));
            Graphics2D cg = (Graphics2D) g.create((n % columns) * WIDTH, top + (n / columns) * HEIGHT, WIDTH, HEIGHT);
            charts.get(n).chart().paint(cg, WIDTH, HEIGHT);
            cg.dispose();
        }
        g.dispose();
        return img;
    }
}
