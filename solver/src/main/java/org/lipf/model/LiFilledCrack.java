package org.lipf.model;

import java.util.function.DoubleUnaryOperator;

/**
 * A Li-filled penny crack in a brittle solid electrolyte (docs/MODEL.md section 4.2): a surface flaw
 * of radius a0 that Li plates into through its two walls and that grows, once the Li in it reaches
 * the critical pressure p_c(a) = K_Ic / sqrt(pi a), only as fast as the plating fills it.
 * <p>
 * The Li in a crack of radius a holding the volume V is at the pressure p = p_c(a) min(1, V / V_c(a)),
 * with V_c(a) = (16/3)(1 - nu^2) p_c(a) a^3 / E the volume a penny crack holds open at p_c (elastic
 * loading below it). That pressure raises the Li's chemical potential by V_m p, so the walls plate at
 * the overpotential eta + p / (n F c_s). Where V exceeds V_c(a) the crack grows to the radius that holds V
 * at its critical pressure: V_c(a) = C a^(5/2). The radius never shrinks (a crack does not heal); the
 * Li in it strips again where the walls' overpotential turns anodic.
 */
public final class LiFilledCrack {
    /** Poisson's ratio of the solid electrolytes in the crack opening (ceramics and sulfides: 0.2-0.3). */
    static final double POISSON_RATIO = 0.3;
    /** Largest relative change of the crack's Li volume in one internal sub-step. */
    private static final double MAX_RELATIVE_CHANGE = 0.02;
    /** Below this fraction of V_c(a) a sub-step is limited by V_c(a) (an empty crack still fills in steps). */
    private static final double EMPTY_SCALE = 0.05;

    private final double toughness_Pa_sqrt_m, youngs_Pa, flaw_m, chargeDensity_C_per_m3;

    /** The state of one crack: its radius and the Li it holds. */
    public static final class State {
        public double radius_m;
        public double liVolume_m3;
    }

    /**
     * @param chargeDensity_C_per_m3 n F c_s of the metal: the charge that plates a unit volume of Li
     */
    public LiFilledCrack(double toughness_Pa_sqrt_m, double youngs_Pa, double flaw_m, double chargeDensity_C_per_m3) {
        this.toughness_Pa_sqrt_m = toughness_Pa_sqrt_m;
        this.youngs_Pa = youngs_Pa;
        this.flaw_m = flaw_m;
        this.chargeDensity_C_per_m3 = chargeDensity_C_per_m3;
    }

    /** K_Ic / sqrt(pi a), Pa: the Li pressure at which a crack of radius a runs. */
    public double criticalPressure_Pa(double radius_m) {
        return toughness_Pa_sqrt_m / Math.sqrt(Math.PI * radius_m);
    }

    /** The plating overpotential that holds Li at the critical pressure of radius a, V: p_c(a) / (n F c_s). */
    public double criticalOverpotential_V(double radius_m) {
        return criticalPressure_Pa(radius_m) / chargeDensity_C_per_m3;
    }

    /** The intrusion limit eta_c of the flaw itself, V. */
    public double limit_V() {
        return criticalOverpotential_V(flaw_m);
    }

    /** The Li volume a penny crack of radius a holds open at its critical pressure, (16/3)(1 - nu^2) p_c a^3 / E, m^3. */
    public double criticalVolume_m3(double radius_m) {
        return 16.0 / 3 * (1 - POISSON_RATIO * POISSON_RATIO) * criticalPressure_Pa(radius_m) * radius_m * radius_m * radius_m / youngs_Pa;
    }

    /** The overpotential by which the Li's pressure opposes plating, p / (n F c_s), V. */
    public double pressureOverpotential_V(State s) {
        return pressureOverpotential_V(radiusOf(s), s.liVolume_m3);
    }

    private double pressureOverpotential_V(double radius_m, double liVolume_m3) {
        return criticalOverpotential_V(radius_m) * Math.min(1, liVolume_m3 / criticalVolume_m3(radius_m));
    }

    /** The crack's radius, the flaw's before it has grown. */
    public double radiusOf(State s) {
        return Math.max(s.radius_m, flaw_m);
    }

    /**
     * Advances the crack by dt while its walls plate at the current density wallCurrent(eta_p) (A/m^2,
     * positive plating), given the pressure overpotential eta_p; integrated with Heun's rule in
     * sub-steps that change the Li volume by at most 2 %, since the growth runs away (eta_p falls as the
     * crack grows). Where the Li's pressure comes to balance the overpotential within a sub-step (a flaw
     * filled below its limit), the crack rests there for the rest of dt.
     *
     * @param stopRadius_m the radius at which to stop (the crack has reached the counter electrode)
     * @return whether the crack reached stopRadius_m
     */
    public boolean advance(State s, double dt, DoubleUnaryOperator wallCurrent, double stopRadius_m) {
        s.radius_m = radiusOf(s);
        double left = dt;
        while (left > 0) {
            final double a = s.radius_m, v = s.liVolume_m3;
            final double r1 = volumeRate_m3_per_s(a, v, wallCurrent);
            // nothing to do, or a current that is not finite (a broken state the step's own checks reject)
            if (r1 == 0 || (r1 < 0 && v == 0) || !Double.isFinite(r1)) return false;
            final double h = Math.min(left, MAX_RELATIVE_CHANGE * Math.max(v, EMPTY_SCALE * criticalVolume_m3(a)) / Math.abs(r1));
            final double v1 = Math.max(0, v + h * r1);
            final double r2 = volumeRate_m3_per_s(radiusHolding_m(a, v1), v1, wallCurrent);
            if (!Double.isFinite(r2)) return false;
            if (r1 * r2 < 0) {
                s.liVolume_m3 = v - r1 * (v1 - v) / (r2 - r1);
                s.radius_m = radiusHolding_m(a, s.liVolume_m3);
                return s.radius_m >= stopRadius_m;
            }
            s.liVolume_m3 = Math.max(0, v + h * (r1 + r2) / 2);
            s.radius_m = radiusHolding_m(a, s.liVolume_m3);
            left -= h;
            if (s.radius_m >= stopRadius_m) return true;
        }
        return false;
    }

    /** The Li volume plated into the crack per second through its two walls, 2 pi a^2 i / (n F c_s). */
    private double volumeRate_m3_per_s(double radius_m, double liVolume_m3, DoubleUnaryOperator wallCurrent) {
        return 2 * Math.PI * radius_m * radius_m * wallCurrent.applyAsDouble(pressureOverpotential_V(radius_m, liVolume_m3)) / chargeDensity_C_per_m3;
    }

    /** The radius of a crack (radius a so far) holding V: where V exceeds V_c(a), the radius whose V_c (growing as a^(5/2)) it is. */
    private double radiusHolding_m(double radius_m, double liVolume_m3) {
        final double vc = criticalVolume_m3(radius_m);
        return liVolume_m3 > vc ? radius_m * Math.pow(liVolume_m3 / vc, 0.4) : radius_m;
    }
}
