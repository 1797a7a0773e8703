package org.lipf.model;

/**
 * Double-well barrier g(xi) = W xi^2 (1 - xi)^2 (docs/MODEL.md section 3.1), per unit W.
 * Minima at xi = 0 (electrolyte or host) and xi = 1 (Li metal).
 */
public final class DoubleWell {
    private DoubleWell() {}

    /** g'(xi) / W = 2 xi (1 - xi) (1 - 2 xi). */
    public static double dg(double xi) {
        return 2 * xi * (1 - xi) * (1 - 2 * xi);
    }

    /** g''(xi) / W = 2 - 12 xi + 12 xi^2: -1 at xi = 1/2, +2 at 0 and 1. */
    public static double d2g(double xi) {
        return 2 - 12 * xi + 12 * xi * xi;
    }

    /** Largest |g''(xi)| / W on [0, 1] (at xi = 0 and 1): sets the explicit stability limit. */
    public static final double MAX_CURVATURE = 2.0;
}
