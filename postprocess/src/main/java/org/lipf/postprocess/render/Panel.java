package org.lipf.postprocess.render;

import java.awt.image.BufferedImage;

/**
 * One picture of a frame with its caption, its scale and axes (lengths in µm along its sides) and, for a panel
 * whose colours differ from the rest (the 3D height map), its own legend.
 *
 * @param image the painted plane
 * @param caption text above the picture
 * @param metresPerPixel physical size of one pixel, m
 * @param axes the names of the axes along its width and height
 * @param ownLegend legend drawn right of this panel, or null
 */
public record Panel(BufferedImage image, String caption, double metresPerPixel, PanelAxes axes, Legend ownLegend) {
}
