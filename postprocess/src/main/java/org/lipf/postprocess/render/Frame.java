package org.lipf.postprocess.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

/**
 * Lays out a figure: a title (run, simulated time, step; wrapped to the width of what is under it),
 * panels in a grid, each with its caption above and a scale bar in um below, and the legend (colour
 * bar or materials) on the right.
 */
public final class Frame {
    public static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    public static final Font BODY_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final int MARGIN = 14, GAP = 12, SCALE_BAR_HEIGHT = 26, MIN_LEGEND_HEIGHT = 180;

    private Frame() {
    }

    /** A graphics context with the frame's rendering settings. */
    static Graphics2D graphics(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setFont(BODY_FONT);
        return g;
    }

    /**
     * Composes the figure.
     *
     * @param columns panels per row
     * @param legend the figure's legend, or null
     */
    public static BufferedImage compose(String title, List<Panel> panels, int columns, Legend legend) {
        Graphics2D probe = graphics(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB));
        int captionH = probe.getFontMetrics().getHeight() + 2;
        int cols = Math.min(columns, panels.size());
        int rows = (panels.size() + columns - 1) / columns;
        int[] colW = new int[cols], rowH = new int[rows];
        for (int n = 0; n < panels.size(); n++) {
            Panel p = panels.get(n);
            int own = p.ownLegend() == null ? 0 : GAP + p.ownLegend().width(probe);
            int w = Math.max(p.image().getWidth() + own, probe.getFontMetrics().stringWidth(p.caption()));
            colW[n % columns] = Math.max(colW[n % columns], Math.max(w, scaleBarWidth(probe, p)));
            rowH[n / columns] = Math.max(rowH[n / columns], captionH + p.image().getHeight() + SCALE_BAR_HEIGHT);
        }
        int imageH = rowH[0] - captionH - SCALE_BAR_HEIGHT;
        int legendW = legend == null ? 0 : 2 * GAP + legend.width(probe);
        int[] colX = new int[cols];
        int gridW = -GAP;
        for (int c = 0; c < cols; c++) {
            colX[c] = MARGIN + gridW + GAP;
            gridW += GAP + colW[c];
        }
        // the title wraps to the pictures' width: a long one (compare's) widened the figure to one line of text
        probe.setFont(TITLE_FONT);
        FontMetrics titleFont = probe.getFontMetrics();
        List<String> titleLines = TextFit.wrap(title, titleFont, gridW + legendW);
        int titleW = titleLines.stream().mapToInt(titleFont::stringWidth).max().orElse(0);
        int titleH = titleLines.size() * titleFont.getHeight();
        int width = MARGIN + Math.max(gridW + legendW, titleW) + MARGIN;
        int[] rowY = new int[rows];
        int gridH = -GAP;
        for (int r = 0; r < rows; r++) {
            rowY[r] = gridH + GAP;
            gridH += GAP + rowH[r];
        }
        int height = MARGIN + titleH + GAP + Math.max(gridH, MIN_LEGEND_HEIGHT) + MARGIN;
        probe.dispose();

        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = graphics(out);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(TITLE_FONT);
        for (int n = 0; n < titleLines.size(); n++)
            g.drawString(titleLines.get(n), MARGIN, MARGIN + n * titleFont.getHeight() + titleFont.getAscent());
        g.setFont(BODY_FONT);
        int top = MARGIN + titleH + GAP;
        for (int n = 0; n < panels.size(); n++) {
            Panel p = panels.get(n);
            int x = colX[n % columns], y = top + rowY[n / columns];
            g.setColor(Color.BLACK);
            g.drawString(p.caption(), x, y + g.getFontMetrics().getAscent());
            int iy = y + captionH;
            g.drawImage(p.image(), x, iy, null);
            g.setColor(Color.GRAY);
            g.drawRect(x - 1, iy - 1, p.image().getWidth() + 1, p.image().getHeight() + 1);
            paintScaleBar(g, p, x, iy + p.image().getHeight() + 8);
            if (p.ownLegend() != null) p.ownLegend().paint(g, x + p.image().getWidth() + GAP, iy, p.image().getHeight());
        }
        if (legend != null) legend.paint(g, MARGIN + gridW + 2 * GAP, top + captionH, Math.max(imageH, MIN_LEGEND_HEIGHT - captionH));
        g.dispose();
        return out;
    }

    /** Length of the scale bar: the largest 1, 2 or 5 x 10^n um that is at most 40 % of the panel width. */
    static double scaleBarLength_m(double panelWidth_m) {
        double target = 0.4 * panelWidth_m;
        double p = Math.pow(10, Math.floor(Math.log10(target)));
        double f = target / p;
        return (f >= 5 ? 5 : f >= 2 ? 2 : 1) * p;
    }

    static String lengthLabel(double length_m) {
        double um = length_m * 1e6;
        return (um >= 1 ? String.format(Locale.ROOT, "%.0f", um) : Images.trim(String.format(Locale.ROOT, "%.2g", um))) + " \u00b5m";
    }

    private static int scaleBarWidth(Graphics2D g, Panel p) {
        double len = scaleBarLength_m(p.image().getWidth() * p.metresPerPixel());
        return (int) Math.round(len / p.metresPerPixel()) + 6 + g.getFontMetrics().stringWidth(lengthLabel(len));
    }

    private static void paintScaleBar(Graphics2D g, Panel p, int x, int y) {
        double len = scaleBarLength_m(p.image().getWidth() * p.metresPerPixel());
        int px = Math.max(1, (int) Math.round(len / p.metresPerPixel()));
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1));
        g.fillRect(x, y, px, 4);
        g.drawString(lengthLabel(len), x + px + 6, y + 5);
    }
}
