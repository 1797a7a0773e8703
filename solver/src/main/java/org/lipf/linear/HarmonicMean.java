package org.lipf.linear;

/**
 * The harmonic mean of the cell values on either side of a face, the face coefficient of a
 * finite-volume operator with coefficients that jump (docs/MODEL.md section 5.1): conductivities,
 * diffusivities, the semi-implicit solves' beta.
 */
public final class HarmonicMean {
    private HarmonicMean() {}

    /**
     * 2ab / (a + b), 0 where a + b is not positive; but a itself wherever b equals it (inside a phase, most
     * faces: 2ab / (a + b) may differ from it in the last bit, and costs a division), which for the
     * non-negative values of a coefficient changes only that (two zeros give 0 either way).
     */
    public static double of(double a, double b) {
        if (a == b) return a;
        final double s = a + b;
        return s > 0 ? 2 * a * b / s : 0;
    }
}
