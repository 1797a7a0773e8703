package org.lipf.postprocess.render;

import java.awt.Color;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A vertical colour bar with the label (quantity and unit) above it and round-number ticks. */
public final class ColorBar implements Legend {
    /** Width of the coloured strip, px. */
    public static final int BAR_WIDTH = 18;
    private static final int TICK = 4, GAP = 4;
    private final ColorScale scale;

    public ColorBar(ColorScale scale) {
        this.scale = scale;
    }

    @Override
    public int width(Graphics2D g) {
        int labels = 0;
        for (double t : ticks(scale.min(), scale.max())) labels = Math.max(labels, g.getFontMetrics().stringWidth(format(t)));
        return Math.max(BAR_WIDTH + TICK + GAP + labels, g.getFontMetrics().stringWidth(scale.label()));
    }

    @Override
    public void paint(Graphics2D g, int x, int y, int height) {
        int lineHeight = g.getFontMetrics().getHeight();
        g.setColor(Color.BLACK);
        g.drawString(scale.label(), x, y + g.getFontMetrics().getAscent());
        int top = y + lineHeight + GAP, barHeight = Math.max(20, height - lineHeight - GAP);
        for (int r = 0; r < barHeight; r++) {
            double t = 1 - (r + 0.5) / barHeight;
            g.setColor(new Color(scale.map().rgb(t)));
            g.fillRect(x, top + r, BAR_WIDTH, 1);
        }
        g.setColor(Color.DARK_GRAY);
        g.drawRect(x, top, BAR_WIDTH - 1, barHeight - 1);
        double span = scale.max() - scale.min();
        for (double t : ticks(scale.min(), scale.max())) {
            int ty = span > 0 ? top + (int) Math.round((1 - (t - scale.min()) / span) * (barHeight - 1)) : top + barHeight / 2;
            g.drawLine(x + BAR_WIDTH, ty, x + BAR_WIDTH + TICK, ty);
            g.drawString(format(t), x + BAR_WIDTH + TICK + GAP, ty + g.getFontMetrics().getAscent() / 2 - 1);
        }
    }

    /** Round numbers (1, 2 or 5 times a power of ten apart) inside [min, max], about five. */
    static List<Double> ticks(double min, double max) {
        List<Double> out = new ArrayList<>();
        if (!(max > min)) {
            out.add(min);
            return out;
        }
        double step = niceStep((max - min) / 5);
        for (long n = (long) Math.ceil(min / step - 1e-9); n * step <= max + 1e-9 * step; n++) out.add(n * step == 0 ? 0.0 : n * step);
        return out;
    }

    /** The number from {1, 2, 5} x 10^n nearest above {@code raw}. */
    static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / p;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
    }

    /** Up to four significant digits, no trailing zeros. */
    static String format(double v) {
        if (v == 0) return "0";
        double a = Math.abs(v);
        if (a >= 1e4 || a < 1e-3) return String.format(Locale.ROOT, "%.2e", v);
        String s = String.format(Locale.ROOT, "%.4g", v);
        if (s.contains(".")) s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        return s;
    }
}
