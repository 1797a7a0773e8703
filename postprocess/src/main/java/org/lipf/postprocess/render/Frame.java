package org.lipf.postprocess.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Lays out a figure: a title (run, simulated time, step; wrapped to the width of what is under it),
 * panels in a grid, each with its caption (one or more lines) above and its axes in µm ({@link PanelAxes}) left and below,
 * and the legend (colour bar or materials) on the right.
 */
public final class Frame {
    public static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    public static final Font BODY_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final int MARGIN = 14, GAP = 12, MIN_LEGEND_HEIGHT = 180;

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

    /** A caption's lines (a compare picture's label may stand on a line of its own). */
    private static String[] lines(String caption) {
        return caption.split("\n");
    }

    /**
     * Composes the figure.
     *
     * @param columns panels per row
     * @param legend the figure's legend, or null
     */
    public static BufferedImage compose(String title, List<Panel> panels, int columns, Legend legend) {
        Graphics2D probe = graphics(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB));
        FontMetrics body = probe.getFontMetrics();
        int captionLines = panels.stream().mapToInt(p -> lines(p.caption()).length).max().orElse(1);
        int captionH = captionLines * body.getHeight() + 2, axesH = PanelAxes.bottomHeight(body);
        int cols = Math.min(columns, panels.size());
        int rows = (panels.size() + columns - 1) / columns;
        int[] colW = new int[cols], rowH = new int[rows], left = new int[panels.size()];
        for (int n = 0; n < panels.size(); n++) {
            Panel p = panels.get(n);
            left[n] = p.axes().leftWidth(body, p);
            int right = Math.max(p.ownLegend() == null ? 0 : GAP + p.ownLegend().width(probe), p.axes().rightOverhang(body, p));
            int captionW = 0;
            for (String line : lines(p.caption())) captionW = Math.max(captionW, body.stringWidth(line));
            int w = left[n] + Math.max(p.image().getWidth() + right, captionW);
            colW[n % columns] = Math.max(colW[n % columns], w);
            rowH[n / columns] = Math.max(rowH[n / columns], captionH + p.image().getHeight() + axesH);
        }
        int imageH = rowH[0] - captionH - axesH;
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
            int x = colX[n % columns] + left[n], y = top + rowY[n / columns];
            g.setColor(Color.BLACK);
            String[] caption = lines(p.caption());
            for (int l = 0; l < caption.length; l++) g.drawString(caption[l], x, y + l * g.getFontMetrics().getHeight() + g.getFontMetrics().getAscent());
            int iy = y + captionH;
            g.drawImage(p.image(), x, iy, null);
            g.setColor(Color.GRAY);
            g.drawRect(x - 1, iy - 1, p.image().getWidth() + 1, p.image().getHeight() + 1);
            p.axes().paint(g, p, x, iy);
            if (p.ownLegend() != null) p.ownLegend().paint(g, x + p.image().getWidth() + GAP, iy, p.image().getHeight());
        }
        if (legend != null) legend.paint(g, MARGIN + gridW + 2 * GAP, top + captionH, Math.max(imageH, MIN_LEGEND_HEIGHT - captionH));
        g.dispose();
        return out;
    }
}
