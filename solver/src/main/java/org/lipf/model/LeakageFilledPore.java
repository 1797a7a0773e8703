package org.lipf.model;

/**
 * A closed pore of a brittle solid electrolyte next to the Li, filled with Li through the electrolyte's
 * electronic leakage (docs/MODEL.md section 4.2.1; Han et al., Nat. Energy 4 (2019) 187,
 * doi:10.1038/s41560-018-0312-z).
 * <p>
 * Li forms in the pore where the electrons the electrolyte conducts meet its Li+: the pore, a sphere of radius a,
 * draws the current 4 pi a sigma_e (-eta - p / (n F c_s)) from the metal (the conductance of a sphere in the
 * electrolyte; eta the metal's plating overpotential, p the pore Li's pressure, which raises its chemical
 * potential by V_m p). The void V0 = (4/3) pi a^3 fills at no pressure, in t = n F c_s a^2 / (3 sigma_e |eta|);
 * beyond it the Li presses on the elastic electrolyte (a spherical cavity: dV / V0 = 3 p / (4 G), G = E / (2 (1 + nu)))
 * and rests at p = n F c_s |eta|, or cracks the electrolyte when p reaches K_Ic / sqrt(pi a), at the same
 * overpotential as a flaw of radius a. Where the metal strips (eta > 0) the pore's Li dissolves the same way.
 * Behind a film on the metal the electrons cross the film too: its electronic area resistance r over the pore's
 * cross-section pi a^2 in series with the sphere. The equation is linear in each stage, so a step is integrated
 * exactly at its overpotential.
 */
public final class LeakageFilledPore {
    private final double radius_m, voidVolume_m3, criticalOverpotential_V, chargeDensity_C_per_m3;
    /** 4 pi a sigma_e: the electrolyte's conductance between the metal and the pore, S. */
    private final double sphereConductance_S;
    /** The pressure overpotential per m^3 of Li beyond the void, 4 G / (3 V0 n F c_s), V/m^3. */
    private final double stiffness_V_per_m3;

    /** The Li in the leading pore, m^3 (up to the void, then compressed beyond it). */
    public static final class State {
        public double liVolume_m3;
    }

    /**
     * @param crack the electrolyte's Li-filled crack: its K_Ic gives the pore's critical overpotential
     * @param chargeDensity_C_per_m3 n F c_s of the metal
     */
    public LeakageFilledPore(double radius_m, double sigmaEl_S_per_m, double youngs_Pa, LiFilledCrack crack, double chargeDensity_C_per_m3) {
        this.radius_m = radius_m;
        this.voidVolume_m3 = 4.0 / 3 * Math.PI * radius_m * radius_m * radius_m;
        this.criticalOverpotential_V = crack.criticalOverpotential_V(radius_m);
        this.sphereConductance_S = 4 * Math.PI * radius_m * sigmaEl_S_per_m;
        this.chargeDensity_C_per_m3 = chargeDensity_C_per_m3;
        final double shear_Pa = youngs_Pa / (2 * (1 + LiFilledCrack.POISSON_RATIO));
        this.stiffness_V_per_m3 = 4 * shear_Pa / (3 * voidVolume_m3 * chargeDensity_C_per_m3);
    }

    public double radius_m() {
        return radius_m;
    }

    /** The void volume (4/3) pi a^3, m^3. */
    public double voidVolume_m3() {
        return voidVolume_m3;
    }

    /** The plating overpotential at which the filled pore cracks the electrolyte, V (as a flaw of its radius). */
    public double criticalOverpotential_V() {
        return criticalOverpotential_V;
    }

    /** The pore's Li volume over its void volume (above 1: compressed). */
    public double fillFraction(State s) {
        return s.liVolume_m3 / voidVolume_m3;
    }

    /**
     * Advances the pore by dt at the metal's overpotential eta (negative: plating), exactly for a constant eta.
     *
     * @param filmResistance_ohm_m2 the electronic area resistance of a film on the metal at the pore (0 without one;
     *     infinite where the film blocks electrons)
     * @return whether its Li reached the critical pressure within dt (the pore cracks; its Li is then at that pressure)
     */
    public boolean advance(State s, double dt, double eta_V, double filmResistance_ohm_m2) {
        final double conductance_S = 1 / (1 / sphereConductance_S + filmResistance_ohm_m2 / (Math.PI * radius_m * radius_m));
        if (!Double.isFinite(eta_V) || !(conductance_S > 0)) return false;
        // the Li volume the pore gains per second and volt of driving voltage, m^3/(s V)
        final double fillRate_m3_per_s_V = conductance_S / chargeDensity_C_per_m3;
        final double uCritical = criticalOverpotential_V / stiffness_V_per_m3, uRest = -eta_V / stiffness_V_per_m3;
        final double relaxation_per_s = fillRate_m3_per_s_V * stiffness_V_per_m3;
        double left = dt;
        while (left > 0) {
            final double v = s.liVolume_m3;
            if (v < voidVolume_m3 || (v == voidVolume_m3 && eta_V >= 0)) {
                // the void fills (or empties) at no pressure
                final double rate = -fillRate_m3_per_s_V * eta_V;
                if (rate <= 0) {
                    s.liVolume_m3 = Math.max(0, v + rate * left);
                    return false;
                }
                final double toFull = (voidVolume_m3 - v) / rate;
                if (toFull >= left) {
                    s.liVolume_m3 = v + rate * left;
                    return false;
                }
                s.liVolume_m3 = voidVolume_m3;
                left -= toFull;
                continue;
            }
            // compressed beyond the void: u = v - V0 relaxes to uRest as du/dt = -relaxation (u - uRest)
            final double u = v - voidVolume_m3;
            if (u >= uCritical) {
                // already at the critical pressure (a restart with another pore size): it cracks
                s.liVolume_m3 = voidVolume_m3 + uCritical;
                return true;
            }
            if (uRest >= uCritical) {
                final double toCritical = Math.log((uRest - u) / (uRest - uCritical)) / relaxation_per_s;
                if (toCritical <= left) {
                    s.liVolume_m3 = voidVolume_m3 + uCritical;
                    return true;
                }
            } else if (uRest < 0) {
                // the metal strips: the Li decompresses to the void, then dissolves
                final double toVoid = Math.log((u - uRest) / -uRest) / relaxation_per_s;
                if (toVoid < left) {
                    s.liVolume_m3 = voidVolume_m3;
                    left -= toVoid;
                    continue;
                }
            }
            s.liVolume_m3 = voidVolume_m3 + uRest + (u - uRest) * Math.exp(-relaxation_per_s * left);
            return false;
        }
        return false;
    }
}
