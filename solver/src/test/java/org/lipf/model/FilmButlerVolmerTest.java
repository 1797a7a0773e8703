package org.lipf.model;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** The series film resistance in the Butler-Volmer law: x = k BV(eta + r x, c). */
class FilmButlerVolmerTest {
    private static final double ALPHA = 0.5, F = 38.68; // n F / (R T) at 300 K, 1/V

    /** The root by bisection on x - k BV(eta + r x), which increases strictly with x, to the last bit. */
    private static double bisectedRoot(double eta, double c, double r, double k) {
        double bv = k * ButlerVolmer.depositionFactor(eta, c, ALPHA, F);
        double lo = Math.min(0, bv), hi = Math.max(0, bv);
        for (int i = 0; i < 400 && hi > lo; i++) {
            double mid = 0.5 * (lo + hi);
            if (mid == lo || mid == hi) break;
            if (mid - k * ButlerVolmer.depositionFactor(eta + r * mid, c, ALPHA, F) > 0) hi = mid; else lo = mid;
        }
        return 0.5 * (lo + hi);
    }

    @Test
    void noFilmReturnsTheButlerVolmerFactorBitForBit() {
        for (double eta : new double[] {-0.7, -0.05, 0, 1e-3, 0.3}) {
            double bv = ButlerVolmer.depositionFactor(eta, 0.8, ALPHA, F);
            assertEquals(Double.doubleToRawLongBits(bv), Double.doubleToRawLongBits(FilmButlerVolmer.factor(eta, 0.8, ALPHA, F, bv, 0, 1)));
            assertEquals(ButlerVolmer.depositionFactorSlope(eta, 0.8, ALPHA, F), FilmButlerVolmer.slope(eta, 0.8, ALPHA, F, 0, 1, bv));
            assertEquals(eta, FilmButlerVolmer.interfaceOverpotential_V(eta, 0, bv));
        }
    }

    @Test
    void rootMatchesBisectionFromTheKineticToTheOhmicLimit() {
        // r from 1e-9 V (kinetics dominate) to 1e3 V (the film's ohmic drop takes nearly all of eta),
        // plating and stripping, depleted and enriched electrolyte, near and far from equilibrium
        for (double r : new double[] {1e-9, 1e-4, 0.01, 0.15, 1.5, 40, 1e3})
            for (double c : new double[] {0, 1e-3, 0.5, 1, 2})
                for (double eta : new double[] {-3, -0.7, -0.1, -0.01, -1e-4, 1e-4, 0.02, 0.4, 2}) {
                    double bv = ButlerVolmer.depositionFactor(eta, c, ALPHA, F);
                    double x = FilmButlerVolmer.factor(eta, c, ALPHA, F, bv, r, 1);
                    double ref = bisectedRoot(eta, c, r, 1);
                    String at = "r " + r + " c " + c + " eta " + eta;
                    assertEquals(ref, x, 1e-10 * Math.abs(ref) + 1e-300, at);
                    // the root satisfies its equation and keeps the sign of BV(eta), smaller in magnitude
                    assertEquals(x, ButlerVolmer.depositionFactor(eta + r * x, c, ALPHA, F), 1e-8 * Math.abs(x) * (1 + r * F * Math.abs(bv)), at);
                    assertTrue(x * bv >= 0 && Math.abs(x) <= Math.abs(bv), at);
                }
    }

    @Test
    void ohmicLimitCarriesTheOverpotentialOverTheResistance() {
        // r = 1e4 V: the current is eta / r up to the small kinetic overpotential (Tafel: ln(x)/(alpha f) ~ 0.4 V)
        double eta = -50, r = 1e4, c = 1;
        double x = FilmButlerVolmer.factor(eta, c, ALPHA, F, ButlerVolmer.depositionFactor(eta, c, ALPHA, F), r, 1);
        assertEquals(-eta / r, x, 0.01 * -eta / r);
    }

    @Test
    void insulatingFilmCarriesNoCurrent() {
        double bv = ButlerVolmer.depositionFactor(-0.2, 1, ALPHA, F);
        assertEquals(0, FilmButlerVolmer.factor(-0.2, 1, ALPHA, F, bv, Double.POSITIVE_INFINITY, 1.4));
        assertEquals(0, FilmButlerVolmer.slope(-0.2, 1, ALPHA, F, Double.POSITIVE_INFINITY, 1.4, 0));
    }

    @Test
    void filmKineticsScaleTheCurrentAndShareTheInterfaceOverpotential() {
        // a film interface with k = i0_film / i0 (Li3N on Li: 1.38): x = k BV(eta + r x); without a drop
        // exactly k BV, and behind one the root of the scaled law, whose interface overpotential eta + r x
        // is that of the film law in the film's own units (drop r k, current x / k)
        for (double k : new double[] {0.3, 1.38, 4})
            for (double r : new double[] {0, 1e-4, 0.15, 40})
                for (double eta : new double[] {-0.7, -0.05, 0.02, 0.4}) {
                    double c = 0.9, bv = ButlerVolmer.depositionFactor(eta, c, ALPHA, F);
                    double x = FilmButlerVolmer.factor(eta, c, ALPHA, F, bv, r, k);
                    String at = "k " + k + " r " + r + " eta " + eta;
                    if (r == 0) {
                        assertEquals(k * bv, x, at);
                        continue;
                    }
                    double ref = bisectedRoot(eta, c, r, k);
                    assertEquals(ref, x, 1e-10 * Math.abs(ref), at);
                    double y = FilmButlerVolmer.factor(eta, c, ALPHA, F, bv, r * k, 1);
                    assertEquals(k * y, x, 1e-12 * Math.abs(x), at);
                    assertEquals(eta + r * k * y, FilmButlerVolmer.interfaceOverpotential_V(eta, r, x), 1e-12, at);
                }
    }

    @Test
    void slopeIsTheDerivativeOfTheRoot() {
        for (double k : new double[] {1, 1.38})
            for (double r : new double[] {0, 1e-3, 0.2, 5})
                for (double eta : new double[] {-0.5, -0.03, 0.01, 0.3}) {
                    double c = 0.7, h = 1e-6;
                    double up = FilmButlerVolmer.factor(eta + h, c, ALPHA, F, ButlerVolmer.depositionFactor(eta + h, c, ALPHA, F), r, k);
                    double down = FilmButlerVolmer.factor(eta - h, c, ALPHA, F, ButlerVolmer.depositionFactor(eta - h, c, ALPHA, F), r, k);
                    double x = FilmButlerVolmer.factor(eta, c, ALPHA, F, ButlerVolmer.depositionFactor(eta, c, ALPHA, F), r, k);
                    double slope = FilmButlerVolmer.slope(eta, c, ALPHA, F, r, k, x);
                    assertEquals((up - down) / (2 * h), slope, 1e-5 * Math.abs(slope), "k " + k + " r " + r + " eta " + eta);
                    // a series resistance can only flatten the current-overpotential curve
                    if (r > 0) assertTrue(Math.abs(slope) < Math.abs(k * ButlerVolmer.depositionFactorSlope(eta, c, ALPHA, F)));
                }
    }

    /** Behind an ionic insulator the interface rests at the Nernst overpotential (the limit of eta + r x), not NaN. */
    @Test
    void anInsulatorsInterfaceRestsAtTheNernstOverpotential() {
        double f = 38.9;
        assertEquals(Math.log(0.5) / f, FilmButlerVolmer.interfaceOverpotential_V(-0.1, Double.POSITIVE_INFINITY, 0, 0.5, f), 1e-15);
        assertEquals(0, FilmButlerVolmer.interfaceOverpotential_V(-0.1, Double.POSITIVE_INFINITY, 0, 1, f), 0);
        // a large finite film tends to it
        double r = 1e6, x = FilmButlerVolmer.factor(-0.1, 0.5, 0.5, f, ButlerVolmer.depositionFactor(-0.1, 0.5, 0.5, f), r, 1);
        assertEquals(Math.log(0.5) / f, FilmButlerVolmer.interfaceOverpotential_V(-0.1, r, x, 0.5, f), 1e-6);
    }
}
