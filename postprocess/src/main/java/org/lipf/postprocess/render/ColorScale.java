package org.lipf.postprocess.render;

/**
 * A colour map stretched over a value range, with the label of the quantity and its unit.
 *
 * @param map the colour map
 * @param min value at the bottom of the scale (display units)
 * @param max value at the top
 * @param label quantity and unit, e.g. "phi_l [V]"
 */
public record ColorScale(ColorMap map, double min, double max, String label) {
    /** The colour of a value that is not finite (where a film on the metal blocks the ions): grey, which neither map holds. */
    public static final int NO_VALUE = 0x9A9A9A;

    public ColorScale {
        if (!(max >= min)) throw new IllegalArgumentException("colour scale range " + min + " .. " + max);
    }

    /** The colour of a value (clamped to the range; a zero-width range gives the middle colour; {@link #NO_VALUE} if not finite). */
    public int rgb(double v) {
        if (!Double.isFinite(v)) return NO_VALUE;
        return map.rgb(max > min ? (v - min) / (max - min) : 0.5);
    }
}
