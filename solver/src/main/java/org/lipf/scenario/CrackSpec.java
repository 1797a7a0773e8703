package org.lipf.scenario;

/**
 * A vertical slot through the whole thickness of one layer, filled with {@code fill} (xi = 0).
 * Cells whose centre is within {@code width/2} of {@code x} (periodic) are cut; in 3D also within
 * {@code length/2} of {@code y} (periodic), or every y if {@code length_m} is infinite (a plane
 * slot, the default).
 *
 * @param y_m lateral y centre (3D only; 0 in 2D)
 * @param length_m extent along y in 3D; {@code +Infinity} = through the whole depth (YAML {@code full})
 * @param c initial concentration in the crack; {@code NaN} = the layer's c
 */
public record CrackSpec(int layer, double x_m, double y_m, double width_m, String fill, double length_m, double c) {
    public CrackSpec {
        if (layer < 0) throw new IllegalArgumentException("layer must be >= 0, got " + layer);
        Checks.finite("x", x_m);
        Checks.finite("y", y_m);
        Checks.positive("width", width_m);
        Checks.notNull("fill", fill);
        if (!(length_m > 0)) throw new IllegalArgumentException("length must be > 0, got " + length_m);
        if (!Double.isNaN(c)) Checks.nonNegative("c", c);
    }

    /** A plane slot through the whole depth, with the layer's c. */
    public CrackSpec(int layer, double x_m, double y_m, double width_m, String fill) {
        this(layer, x_m, y_m, width_m, fill, Double.POSITIVE_INFINITY, Double.NaN);
    }
}
