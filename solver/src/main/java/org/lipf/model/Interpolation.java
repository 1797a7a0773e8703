package org.lipf.model;

/**
 * Interpolation h(xi) = xi^3 (6 xi^2 - 15 xi + 10) (docs/MODEL.md section 3.1): h(0) = 0,
 * h(1) = 1, h'(0) = h'(1) = 0, so bulk phases keep their properties exactly.
 */
public final class Interpolation {
    private Interpolation() {}

    public static double h(double xi) {
        return xi * xi * xi * (xi * (6 * xi - 15) + 10);
    }

    /** h'(xi) = 30 xi^2 (1 - xi)^2. */
    public static double dh(double xi) {
        double a = xi * (1 - xi);
        return 30 * a * a;
    }

    /** h''(xi) = 60 xi (1 - xi) (1 - 2 xi). */
    public static double d2h(double xi) {
        return 60 * xi * (1 - xi) * (1 - 2 * xi);
    }

    /** h'(1/2): the peak of h', used to normalise interface-localised terms. */
    public static final double DH_MAX = 1.875;

    /**
     * Kinetic length of a flat front, m: integral(h'(xi) dx) = 2.5 delta across the equilibrium
     * profile xi = (1 - tanh(x / delta)) / 2 (15 delta integral(xi (1 - xi) dxi)). With the capillary
     * part of d xi/dt conserving the metal volume (docs/MODEL.md section 3.1), the metal grows by
     * exactly the integral of the Butler-Volmer term, L_eta BV 2.5 delta per area.
     */
    public static double kineticLength_m(double interfaceWidth_m) {
        return 2.5 * interfaceWidth_m;
    }
}
