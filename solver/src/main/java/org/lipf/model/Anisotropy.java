package org.lipf.model;

/**
 * Anisotropic gradient coefficient in 3D, cubic symmetry (docs/MODEL.md section 3.1):
 * kappa(n) = kappa0 (1 + delta (4 (nx^4 + ny^4 + nz^4) - 3)), n = grad xi / |grad xi|.
 * 2D: kappa0 (1 + delta cos(omega (theta - theta0))), theta the angle of grad xi; the explicit
 * stencil ({@code AllenCahnUpdate}) evaluates it with complex powers of the unit normal, so it costs
 * no trigonometry on every face.
 */
public final class Anisotropy {
    private Anisotropy() {}

    /** kappa / kappa0 for a 2D gradient (gx, gz): 1 + delta cos(omega (theta - theta0)). */
    public static double kappa2D(double gx, double gz, double delta, int omega, double theta0_rad) {
        if (delta == 0 || (gx == 0 && gz == 0)) return 1;
        return 1 + delta * Math.cos(omega * (Math.atan2(gz, gx) - theta0_rad));
    }

    /** kappa / kappa0 for a 3D gradient, cubic symmetry. */
    public static double kappa3D(double gx, double gy, double gz, double delta) {
        if (delta == 0) return 1;
        double g2 = gx * gx + gy * gy + gz * gz;
        if (g2 == 0) return 1;
        double q = (gx * gx * gx * gx + gy * gy * gy * gy + gz * gz * gz * gz) / (g2 * g2);
        return 1 + delta * (4 * q - 3);
    }
}
