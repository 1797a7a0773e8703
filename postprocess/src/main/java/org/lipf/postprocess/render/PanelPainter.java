package org.lipf.postprocess.render;

import java.awt.image.BufferedImage;

/**
 * Paints a {@link Plane} into an image at a given number of pixels per cell, growth axis up. Fields
 * are sampled bilinearly between cell centres, so the metal outline (xi = 1/2) is smooth and the
 * metal's pixel area equals its area in cells times the scale squared, up to the rounding along the
 * outline; materials are taken from the cell under each pixel.
 */
public final class PanelPainter {
    /** Outline of the metal on field pictures. */
    public static final int FIELD_OUTLINE = 0xFFFFFF;

    private PanelPainter() {
    }

    /** Pixel size of a plane painted at {@code pixelsPerCell}. */
    public static int width(Plane p, double pixelsPerCell) {
        return Math.max(1, (int) Math.round(p.cols() * pixelsPerCell));
    }

    public static int height(Plane p, double pixelsPerCell) {
        return Math.max(1, (int) Math.round(p.rows() * pixelsPerCell));
    }

    /**
     * Materials in their muted tones with the Li metal (xi &gt; 1/2) on top and its outline drawn
     * darker; outside the metal, the Li finer than the grid ({@link Plane#subgridLi}: a host's dispersed metal, the
     * Li at its faces) tints its cell towards the metal's colour by the volume fraction it fills, so that a host
     * filled with it looks as the metal does in that host.
     */
    public static BufferedImage morphology(Plane p, MaterialPalette palette, double pixelsPerCell) {
        int w = width(p, pixelsPerCell), h = height(p, pixelsPerCell);
        boolean[] metal = metalMask(p, w, h);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int py = 0; py < h; py++)
            for (int px = 0; px < w; px++) {
                int cell = p.cellAt(cellX(p, w, px), cellY(p, h, py)), id = p.material()[cell];
                int rgb;
                if (!metal[py * w + px]) rgb = p.subgridLi() == null ? palette.material(id) : tinted(palette.material(id), p.subgridLi()[cell]);
                else if (outline(metal, w, h, px, py) && palette.freeFraction(id) > 0) rgb = MaterialPalette.METAL_EDGE;
                else rgb = palette.metalIn(id);
                img.setRGB(px, py, rgb);
            }
        return img;
    }

    /** A material's tone tinted towards the metal's colour by a volume fraction of Li (clamped to [0, 1]). */
    static int tinted(int tone, double liFraction) {
        return MaterialPalette.mix(tone, MaterialPalette.METAL, Math.max(0, Math.min(1, liFraction)));
    }

    /** The plane's values in colour, with the metal outline in white when the plane has xi. */
    public static BufferedImage field(Plane p, ColorScale scale, double pixelsPerCell) {
        int w = width(p, pixelsPerCell), h = height(p, pixelsPerCell);
        boolean[] metal = p.xi() == null ? null : metalMask(p, w, h);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int py = 0; py < h; py++)
            for (int px = 0; px < w; px++) {
                int rgb = metal != null && metal[py * w + px] && outline(metal, w, h, px, py) ? FIELD_OUTLINE
                        : scale.rgb(p.sample(p.values(), cellX(p, w, px), cellY(p, h, py)));
                img.setRGB(px, py, rgb);
            }
        return img;
    }

    /** Pixels where the interpolated xi exceeds 1/2, row 0 at the top of the image. */
    static boolean[] metalMask(Plane p, int w, int h) {
        boolean[] m = new boolean[w * h];
        for (int py = 0; py < h; py++)
            for (int px = 0; px < w; px++) m[py * w + px] = p.sample(p.xi(), cellX(p, w, px), cellY(p, h, py)) > 0.5;
        return m;
    }

    /** Cell coordinate of pixel column px (cell centres at integers). */
    private static double cellX(Plane p, int w, int px) {
        return (px + 0.5) * p.cols() / w - 0.5;
    }

    /** Cell coordinate of pixel row py, counted from the bottom. */
    private static double cellY(Plane p, int h, int py) {
        return (h - py - 0.5) * p.rows() / h - 0.5;
    }

    /** A metal pixel with a non-metal 4-neighbour inside the image. */
    private static boolean outline(boolean[] m, int w, int h, int px, int py) {
        return (px > 0 && !m[py * w + px - 1]) || (px < w - 1 && !m[py * w + px + 1])
                || (py > 0 && !m[(py - 1) * w + px]) || (py < h - 1 && !m[(py + 1) * w + px]);
    }
}
