package org.lipf.postprocess.render;

import java.awt.Color;
import java.awt.Graphics2D;
import java.util.List;

/** Swatches naming the Li metal and the materials a picture shows. */
public final class MaterialLegend implements Legend {
    private static final int SWATCH = 14, GAP = 6;
    private final MaterialPalette palette;
    /** The row of the Li finer than the grid, which tints its cells ({@link PanelPainter#morphology}). */
    static final String SUBGRID_LI = "dispersed Li (tint: its volume)";
    private final List<Integer> shown;
    private final boolean subgridLi;

    /**
     * @param shown material ids that appear in the picture (the metal material itself is drawn as "Li metal")
     * @param subgridLi whether the picture tints cells by the Li finer than the grid (a host's dispersed metal)
     */
    public MaterialLegend(MaterialPalette palette, List<Integer> shown, boolean subgridLi) {
        this.palette = palette;
        this.shown = shown.stream().filter(id -> id != palette.metalId()).toList();
        this.subgridLi = subgridLi;
    }

    @Override
    public int width(Graphics2D g) {
        int w = g.getFontMetrics().stringWidth(subgridLi ? SUBGRID_LI : "Li metal");
        for (int id : shown) w = Math.max(w, g.getFontMetrics().stringWidth(palette.names().get(id)));
        return SWATCH + GAP + w;
    }

    @Override
    public void paint(Graphics2D g, int x, int y, int height) {
        int line = Math.max(SWATCH + 6, g.getFontMetrics().getHeight() + 4);
        row(g, x, y, MaterialPalette.METAL, "Li metal");
        for (int n = 0; n < shown.size(); n++) row(g, x, y + (n + 1) * line, palette.material(shown.get(n)), palette.names().get(shown.get(n)));
        // a swatch half filled: white tinted halfway
        if (subgridLi) row(g, x, y + (shown.size() + 1) * line, PanelPainter.tinted(0xFFFFFF, 0.5), SUBGRID_LI);
    }

    private static void row(Graphics2D g, int x, int y, int rgb, String name) {
        g.setColor(new Color(rgb));
        g.fillRect(x, y, SWATCH, SWATCH);
        g.setColor(Color.DARK_GRAY);
        g.drawRect(x, y, SWATCH - 1, SWATCH - 1);
        g.setColor(Color.BLACK);
        g.drawString(name, x + SWATCH + GAP, y + SWATCH - 2);
    }
}
