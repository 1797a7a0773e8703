package org.lipf.model;

/**
 * Butler-Volmer kinetics of Li+ + e- -> Li (docs/MODEL.md section 3.2).
 *
 * <p>The deposition rate factor is {@code c exp(-alpha f eta) - exp((1 - alpha) f eta)} with
 * {@code f = n F / (R T)}: positive for deposition (eta &lt; 0), zero at the Nernst potential
 * {@code eta = ln(c) / f}, negative for stripping. Current density = i0 * rate factor. The exponentials are
 * {@link Exponential#exp}, which the SIMD lanes of the Allen-Cahn update compute to the same bits.
 */
public final class ButlerVolmer {
    private ButlerVolmer() {}

    /** Dimensionless deposition factor (positive = plating). */
    public static double depositionFactor(double eta_V, double c, double alpha, double f_per_V) {
        return depositionFactor(cathodicExponential(eta_V, alpha, f_per_V), eta_V, c, alpha, f_per_V);
    }

    /** The cathodic exponential exp(-alpha f eta), for callers that need it again (the c stiffness). */
    public static double cathodicExponential(double eta_V, double alpha, double f_per_V) {
        return Exponential.exp(-alpha * f_per_V * eta_V);
    }

    /** The anodic exponential exp((1 - alpha) f eta). */
    public static double anodicExponential(double eta_V, double alpha, double f_per_V) {
        return Exponential.exp((1 - alpha) * f_per_V * eta_V);
    }

    /** {@link #depositionFactor(double, double, double, double)} from its {@link #cathodicExponential}. */
    public static double depositionFactor(double cathodicExponential, double eta_V, double c, double alpha, double f_per_V) {
        return depositionFactor(cathodicExponential, anodicExponential(eta_V, alpha, f_per_V), c);
    }

    /** {@link #depositionFactor(double, double, double, double)} from both exponentials: c exp(-alpha f eta) - exp((1 - alpha) f eta). */
    public static double depositionFactor(double cathodicExponential, double anodicExponential, double c) {
        return c * cathodicExponential - anodicExponential;
    }

    /** d(depositionFactor)/d(eta), 1/V: used by the galvanostatic Newton update. */
    public static double depositionFactorSlope(double eta_V, double c, double alpha, double f_per_V) {
        return depositionFactorSlope(cathodicExponential(eta_V, alpha, f_per_V), anodicExponential(eta_V, alpha, f_per_V), c, alpha, f_per_V);
    }

    /** {@link #depositionFactorSlope(double, double, double, double)} from both exponentials. */
    public static double depositionFactorSlope(double cathodicExponential, double anodicExponential, double c, double alpha, double f_per_V) {
        return -f_per_V * (alpha * c * cathodicExponential + (1 - alpha) * anodicExponential);
    }

    /** Equilibrium (Nernst) overpotential where the factor vanishes: ln(c) / f. */
    public static double nernstOverpotential_V(double c, double f_per_V) {
        return Math.log(c) / f_per_V;
    }
}
