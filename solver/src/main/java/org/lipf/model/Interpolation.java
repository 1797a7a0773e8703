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

    /** h'(1/2): the peak of h', used to normalise interface-localised terms. */
    public static final double DH_MAX = 1.875;

    /**
     * Kinetic length of a moving flat front, m: a front driven by L_eta h'(xi) BV moves at
     * v = 3 delta L_eta BV. From the travelling wave -v xi' = L_sigma (kappa xi'' - W g') + L_eta BV h',
     * multiplied by xi' and integrated (the capillary terms integrate to zero):
     * v = L_eta BV / integral(xi'^2 dx), and integral(xi'^2 dx) = 1 / (3 delta) for
     * xi = (1 - tanh(x / delta)) / 2 (docs/MODEL.md section 3.1). The integral of h' alone, 2.5 delta,
     * misses the sixth of the growth that the deformed profile adds through capillarity.
     */
    public static double kineticLength_m(double interfaceWidth_m) {
        return 3 * interfaceWidth_m;
    }
}
