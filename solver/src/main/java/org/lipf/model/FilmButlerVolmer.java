package org.lipf.model;

/**
 * Butler-Volmer kinetics behind an interface film of area resistance R (ohm m^2) in series
 * (docs/MODEL.md section 3.1): the local current density i (A/m^2, positive for plating) obeys
 *
 * <pre>
 *   i = i0_film BV(eta + R i, c)   i.e. with x = i / i0, r = R i0 (V), k = i0_film / i0:   x = k BV(eta + r x, c)
 * </pre>
 *
 * with i0 the exchange current of the cell's material, in whose units the callers count the
 * current, and i0_film that of the metal / film interface where the reaction takes place (k = 1
 * where the film has the cell's kinetics). In y = x / k it is the film law with drop r k,
 * {@code y = BV(eta + r k y)}, which the rest of this note solves.
 *
 * The film's ohmic drop R i takes the part of the overpotential that drives the current through
 * it, so the reaction sees the interface overpotential {@code u = eta + r x}, closer to
 * equilibrium (with {@link ButlerVolmer}'s signs eta &lt; 0 plates and BV &gt; 0; written
 * {@code BV(eta - R i)} where the overpotential is counted positive for plating). Since BV
 * decreases with its argument, {@code x - BV(eta + r x)} increases strictly with x: one root, of
 * the sign of BV(eta) and smaller in magnitude. Its slope is
 * {@code dx/d eta = BV'(u) / (1 - r BV'(u))} (BV' &lt; 0), which the galvanostatic control uses.
 *
 * <p>Solution: with sigma = sign(BV(eta)) and {@code u = eta + sigma e^s}, the root solves
 * {@code phi(s) = ln(sigma r BV(u)) - s = 0} on s &lt; ln(sigma (u_eq - eta)) (u_eq = ln(c) / f,
 * the Nernst overpotential). phi is concave with phi' &lt;= -1: Newton started at s0 = ln(r |BV(eta)|)
 * (at or beyond the root) descends monotonically, quadratically at the end; an iterate outside the
 * bracket known so far gives way to bisection. Both the ohmic limit (x ~ -eta / r) and the kinetic
 * limit (x ~ BV(eta)) take a few iterations. r = 0 returns BV(eta) itself, bit for bit.
 */
public final class FilmButlerVolmer {
    private FilmButlerVolmer() {
    }

    /** Newton stops when the step in s = ln|u - eta| (the relative change of x) is below this. */
    static final double TOLERANCE = 1e-12;
    /** Iteration cap: Newton-bisection on a bracket of a few units in s needs far fewer. */
    static final int MAX_ITERATIONS = 100;

    /**
     * x = i / i0 behind the film: the root of x = k BV(eta + r x, c).
     *
     * @param bv {@link ButlerVolmer#depositionFactor} at (eta, c); k bv is returned when r = 0 (bv itself, bit
     *     for bit, when k = 1)
     * @param r_V R_film i0, V (0: no film; infinite: an ionic insulator, x = 0)
     * @param k i0_film / i0, the film interface's exchange current relative to the cell's
     */
    public static double factor(double eta_V, double c, double alpha, double f_per_V, double bv, double r_V, double k) {
        if (r_V == 0 || bv == 0 || Double.isNaN(bv)) return k * bv;
        if (r_V == Double.POSITIVE_INFINITY) return 0;
        return k * root(eta_V, c, alpha, f_per_V, bv, r_V * k);
    }

    /** y = BV(eta + r y, c) for r in (0, infinity): the Newton-bisection of the class note. */
    private static double root(double eta_V, double c, double alpha, double f_per_V, double bv, double r_V) {
        final double sign = bv > 0 ? 1 : -1;
        // |u - eta| stays below the distance to the Nernst overpotential (infinite for c = 0)
        final double sMax = Math.log(sign * (ButlerVolmer.nernstOverpotential_V(c, f_per_V) - eta_V));
        double lo = Double.NEGATIVE_INFINITY, hi = sMax;
        // the linear estimate r |BV(eta)| bounds |u - eta| from above (infinite where BV(eta) overflows)
        final double s0 = Math.log(r_V * sign * bv);
        double s = s0 < sMax ? s0 : Double.isFinite(sMax) ? sMax - Math.log(2) : Math.log(Math.abs(eta_V));
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            final double e = Math.exp(s), u = eta_V + sign * e;
            final double b = sign * ButlerVolmer.depositionFactor(u, c, alpha, f_per_V);
            double next;
            if (!(b > 0)) {
                // rounding at the Nernst end of the bracket: the root lies below
                hi = s;
                next = Double.isInfinite(lo) ? s - 1 : 0.5 * (lo + hi);
            } else {
                final double phi = Math.log(r_V * b) - s;
                if (phi > 0) lo = s; else hi = s;
                final double slope = e * ButlerVolmer.depositionFactorSlope(u, c, alpha, f_per_V) / b - 1;
                next = s - phi / slope;
                if (!(next > lo && next < hi)) next = Double.isInfinite(lo) ? hi - 1 : 0.5 * (lo + hi);
            }
            final boolean done = Math.abs(next - s) <= TOLERANCE * Math.max(1, Math.abs(s));
            s = next;
            if (done) break;
        }
        return sign * Math.exp(s) / r_V;
    }

    /** The overpotential the reaction sees behind a film of finite drop r, eta + r x, V (eta itself when r = 0). */
    public static double interfaceOverpotential_V(double eta_V, double r_V, double x) {
        return r_V == 0 ? eta_V : eta_V + r_V * x;
    }

    /**
     * {@link #interfaceOverpotential_V(double, double, double)} for any film: behind an ionic insulator (r infinite,
     * x = 0) no current flows and the interface rests at the Nernst overpotential ln(c) / f, the limit of eta + r x as r
     * grows (r x = infinity x 0 would be NaN).
     */
    public static double interfaceOverpotential_V(double eta_V, double r_V, double x, double c, double f_per_V) {
        return r_V == Double.POSITIVE_INFINITY ? ButlerVolmer.nernstOverpotential_V(c, f_per_V) : interfaceOverpotential_V(eta_V, r_V, x);
    }

    /**
     * dx / d eta of {@link #factor} at its root x, 1/V: k BV'(u) / (1 - r k BV'(u)), u = eta + r x
     * (k BV'(eta) when r = 0; 0 behind an insulator).
     */
    public static double slope(double eta_V, double c, double alpha, double f_per_V, double r_V, double k, double x) {
        return slope(eta_V, c, alpha, f_per_V, r_V, k, x, r_V == 0 ? ButlerVolmer.depositionFactorSlope(eta_V, c, alpha, f_per_V) : Double.NaN);
    }

    /** {@link #slope(double, double, double, double, double, double, double)} given BV'(eta), which it takes where there is no film (r = 0). */
    public static double slope(double eta_V, double c, double alpha, double f_per_V, double r_V, double k, double x, double bareSlope) {
        if (r_V == 0) return k * bareSlope;
        if (r_V == Double.POSITIVE_INFINITY) return 0;
        final double d = k * ButlerVolmer.depositionFactorSlope(eta_V + r_V * x, c, alpha, f_per_V);
        return d / (1 - r_V * d);
    }
}
