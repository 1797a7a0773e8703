package org.lipf.postprocess.render;

import java.awt.image.BufferedImage;

/**
 * One picture of a frame with its caption, its scale (for the scale bar) and, for a panel whose
 * colours differ from the rest (the 3D height map), its own legend.
 *
 * @param image the painted plane
 * @param caption text above the picture
 * @param metresPerPixel physical size of one pixel, m
 * @param ownLegend legend drawn right of this panel, or null
 */
public record Panel(BufferedImage image, String caption, double metresPerPixel, Legend ownLegend) {
}
