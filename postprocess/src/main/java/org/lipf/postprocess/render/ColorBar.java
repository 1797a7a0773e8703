package org.lipf.postprocess.render;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.util.List;

/** A vertical colour bar with the label (quantity and unit) above it and round-number ticks ({@link ColorBarTicks}). */
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
        for (ColorBarTicks.Tick t : ColorBarTicks.of(scale.min(), scale.max()))
            labels = Math.max(labels, g.getFontMetrics().stringWidth(t.label()));
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
        for (ColorBarTicks.Tick t : ticks(barHeight, g.getFontMetrics())) {
            int ty = span > 0 ? top + (int) Math.round((1 - (t.value() - scale.min()) / span) * (barHeight - 1)) : top + barHeight / 2;
            g.drawLine(x + BAR_WIDTH, ty, x + BAR_WIDTH + TICK, ty);
            g.drawString(t.label(), x + BAR_WIDTH + TICK + GAP, ty + g.getFontMetrics().getAscent() / 2 - 1);
        }
    }

    /** The ticks on a bar {@code barPx} tall: as many as keep their labels a text height and a gap apart. */
    List<ColorBarTicks.Tick> ticks(int barPx, FontMetrics fm) {
        return ColorBarTicks.of(scale.min(), scale.max(), barPx, fm.getAscent() + GAP);
    }
}
