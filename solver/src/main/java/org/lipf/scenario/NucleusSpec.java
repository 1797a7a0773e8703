package org.lipf.scenario;

/**
 * A hemispherical (3D) or semicircular (2D) metal bump, xi = 1 (capped at the host's free
 * fraction), centred at (x, y) on top of the topmost layer whose xi is 1. The host material of
 * the cells is unchanged; c is set to the metal layer's c. {@code y_m} is 0 in 2D.
 */
public record NucleusSpec(double x_m, double y_m, double radius_m) {
    public NucleusSpec {
        Checks.finite("x", x_m);
        Checks.finite("y", y_m);
        Checks.positive("radius", radius_m);
    }
}
