package org.lipf.postprocess.render;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.util.ArrayList;
import java.util.List;

/**
 * The axes of a panel: the position in µm from the domain's corner (0 at the left and at the bottom; z from the
 * current collector), with round-number ticks below and left of the picture and the axis names with their unit
 * ({@code x [µm]} under it, {@code z [µm]} turned on its left).
 *
 * @param horizontal name of the axis along the picture's width, e.g. "x"
 * @param vertical name of the axis along its height, e.g. "z"
 */
public record PanelAxes(String horizontal, String vertical) {
    static final int TICK = 4, GAP = 3;
    /** Ticks fewer than this many apart would crowd: about five along a side. */
    private static final int TICKS_PER_SIDE = 5;

    /** One tick: its position along the axis, µm, and its text. */
    record Tick(double um, String label) {
    }

    /** An axis name with its unit, as the figure writes it. */
    static String title(String axis) {
        return axis + " [\u00b5m]";
    }

    /**
     * Ticks at round multiples of a 1, 2 or 5 x 10^n µm step along a side of {@code length_um} drawn {@code lengthPx}
     * long, about five of them, with the step doubled or more until neighbouring labels keep {@code minSpacingPx}
     * (a label's width along the bottom, its height along the side) apart.
     */
    static List<Tick> ticks(double length_um, int lengthPx, FontMetrics fm, boolean alongWidth) {
        double step = ColorBarTicks.niceStep(length_um / TICKS_PER_SIDE);
        while (true) {
            List<Tick> out = new ArrayList<>();
            int widest = 0;
            for (double v : ColorBarTicks.values(0, length_um, step)) {
                Tick t = new Tick(v, ColorBarTicks.text(v, ColorBarTicks.digits(v, step)));
                widest = Math.max(widest, fm.stringWidth(t.label()));
                out.add(t);
            }
            int needed = (alongWidth ? widest : fm.getAscent()) + 2 * GAP;
            if (out.size() <= 2 || step / length_um * lengthPx >= needed) return out;
            step = ColorBarTicks.niceStep(1.5 * step);
        }
    }

    /** Width left of the picture: the turned axis name, the tick labels and the ticks, px. */
    int leftWidth(FontMetrics fm, Panel p) {
        int labels = 0;
        for (Tick t : ticks(p.image().getHeight() * p.metresPerPixel() * 1e6, p.image().getHeight(), fm, false))
            labels = Math.max(labels, fm.stringWidth(t.label()));
        return fm.getHeight() + GAP + labels + GAP + TICK + 1;
    }

    /** How far the label of the last tick along the bottom reaches right of the picture, px. */
    int rightOverhang(FontMetrics fm, Panel p) {
        List<Tick> t = ticks(p.image().getWidth() * p.metresPerPixel() * 1e6, p.image().getWidth(), fm, true);
        return fm.stringWidth(t.get(t.size() - 1).label()) / 2;
    }

    /** Height under the picture: the ticks, their labels and the axis name, px. */
    static int bottomHeight(FontMetrics fm) {
        return TICK + GAP + 2 * fm.getHeight();
    }

    /** Paints the axes of panel {@code p} whose picture has its top-left corner at (x, y). */
    void paint(Graphics2D g, Panel p, int x, int y) {
        FontMetrics fm = g.getFontMetrics();
        int w = p.image().getWidth(), h = p.image().getHeight();
        double umPerPx = p.metresPerPixel() * 1e6;
        g.setColor(Color.BLACK);
        int bottom = y + h;
        for (Tick t : ticks(w * umPerPx, w, fm, true)) {
            int px = x + Math.min(w - 1, (int) Math.round(t.um() / umPerPx));
            g.drawLine(px, bottom, px, bottom + TICK);
            g.drawString(t.label(), px - fm.stringWidth(t.label()) / 2, bottom + TICK + GAP + fm.getAscent());
        }
        String hTitle = title(horizontal);
        g.drawString(hTitle, x + (w - fm.stringWidth(hTitle)) / 2, bottom + TICK + GAP + fm.getHeight() + fm.getAscent());
        int labels = 0;
        for (Tick t : ticks(h * umPerPx, h, fm, false)) {
            int py = bottom - 1 - Math.min(h - 1, (int) Math.round(t.um() / umPerPx));
            g.drawLine(x - 1 - TICK, py, x - 1, py);
            g.drawString(t.label(), x - 1 - TICK - GAP - fm.stringWidth(t.label()), py + fm.getAscent() / 2 - 1);
            labels = Math.max(labels, fm.stringWidth(t.label()));
        }
        // the vertical axis's name, turned to read upwards, left of its tick labels
        String vTitle = title(vertical);
        AffineTransform saved = g.getTransform();
        g.translate(x - 1 - TICK - GAP - labels - GAP - fm.getDescent(), y + (h + fm.stringWidth(vTitle)) / 2);
        g.rotate(-Math.PI / 2);
        g.drawString(vTitle, 0, 0);
        g.setTransform(saved);
    }
}
