package org.lipf.postprocess.render;

import java.awt.Graphics2D;

/** The key beside a picture: a colour bar or the list of material colours. */
public interface Legend {
    /** Width it needs, px, with the frame's fonts set on {@code g}. */
    int width(Graphics2D g);

    /** Paints it with its top-left corner at (x, y), {@code height} px tall. */
    void paint(Graphics2D g, int x, int y, int height);
}
