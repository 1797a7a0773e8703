package org.lipf.model;

import java.util.List;
import org.lipf.scenario.MaterialSpec;
import org.lipf.scenario.Scenario;

/**
 * Per-material properties as flat arrays indexed by material id, the form the stencils read
 * (docs/MODEL.md section 1).
 */
public final class MaterialTable {
    public final String[] names;
    /** Li+ diffusivity D, m^2/s. */
    public final double[] diffusivity_m2_per_s;
    public final double[] sigmaIon_S_per_m;
    public final double[] sigmaEl_S_per_m;
    /** Fraction of the volume Li metal may fill (0 = inert: xi is frozen at its initial value). */
    public final double[] freeFraction;
    /** L_eta = i0 / (n F c_s f_free 3 delta), 1/s: the Faraday calibration of docs/MODEL.md section 3.1. */
    public final double[] Leta_per_s;
    /** Exchange current density i0 of Li deposition on / in the material, A/m^2 (scales a film's ohmic drop, {@link FilmButlerVolmer}). */
    public final double[] i0_A_per_m2;
    /**
     * Conductivities of the potential equations are floored at this times the largest of their problem
     * (docs/MODEL.md section 3.3).
     */
    public static final double CONDUCTIVITY_FLOOR_RELATIVE = 1e-10;
    /**
     * Nucleation activity sigma_el / (sigma_el + sigma_nuc) where ions are present and sigma_el is above
     * the floor of sigma_s, else 0.
     */
    public final double[] nucleationActivity;
    /**
     * Li intrusion limit of a brittle solid electrolyte, V: the plating overpotential at which Li in a
     * surface flaw of size a reaches the flaw's fracture stress, K_Ic / (sqrt(pi a) n F c_s)
     * (docs/MODEL.md section 4.2); 0 where the material has none.
     */
    public final double[] intrusionOverpotential_V;
    /** The Li-filled crack that grows from the material's flaws (docs/MODEL.md section 4.2); null where it has no limit. */
    public final LiFilledCrack[] crack;
    /** The closed pores its electronic leakage fills with Li (docs/MODEL.md section 4.2.1); null where it gives none. */
    public final LeakageFilledPore[] pore;

    public MaterialTable(Scenario scenario, ModelParameters p) {
        List<MaterialSpec> ms = scenario.materials();
        int n = ms.size();
        names = new String[n];
        diffusivity_m2_per_s = new double[n];
        sigmaIon_S_per_m = new double[n];
        sigmaEl_S_per_m = new double[n];
        freeFraction = new double[n];
        Leta_per_s = new double[n];
        i0_A_per_m2 = new double[n];
        nucleationActivity = new double[n];
        intrusionOverpotential_V = new double[n];
        crack = new LiFilledCrack[n];
        pore = new LeakageFilledPore[n];
        double lInterface = Interpolation.kineticLength_m(p.interfaceWidth_m());
        double maxEl = p.metalConductivity_S_per_m();
        for (MaterialSpec m : ms) maxEl = Math.max(maxEl, m.sigmaEl_S_per_m());
        // below the floor phi_s is the collector's (the floor, not the material, carries it): electrons are
        // not where the solve puts them, and nucleation there would draw on a supply the material lacks
        double electronFloor = CONDUCTIVITY_FLOOR_RELATIVE * maxEl;
        for (int id = 0; id < n; id++) {
            MaterialSpec m = ms.get(id);
            names[id] = m.name();
            diffusivity_m2_per_s[id] = m.diffusivity_m2_per_s();
            sigmaIon_S_per_m[id] = m.sigmaIon_S_per_m();
            sigmaEl_S_per_m[id] = m.sigmaEl_S_per_m();
            freeFraction[id] = m.freeFraction();
            Leta_per_s[id] = m.freeFraction() > 0
                    ? m.exchangeCurrentDensity_A_per_m2() / (p.chargeDensity_C_per_m3() * m.freeFraction() * lInterface)
                    : 0;
            i0_A_per_m2[id] = m.exchangeCurrentDensity_A_per_m2();
            boolean ionsPresent = m.sigmaIon_S_per_m() > 0 && m.freeFraction() > 0;
            nucleationActivity[id] = ionsPresent && !p.singlePotential() && m.sigmaEl_S_per_m() > electronFloor
                    ? m.sigmaEl_S_per_m() / (m.sigmaEl_S_per_m() + p.nucleationConductivity_S_per_m())
                    : 0;
            // Li at pressure p in equilibrium with the electrolyte: n F |eta| = V_m p (V_m = 1 / c_s)
            if (m.hasIntrusionLimit()) {
                crack[id] = new LiFilledCrack(m.fractureToughness_Pa_sqrt_m(), m.youngsModulus_Pa(), m.flawSize_m(), p.chargeDensity_C_per_m3());
                intrusionOverpotential_V[id] = crack[id].limit_V();
                // the real sigma_e (not the potential equation's floor) carries the electrons into the pores
                if (m.hasLeakagePores() && m.sigmaEl_S_per_m() > 0)
                    pore[id] = new LeakageFilledPore(m.poreSize_m(), m.sigmaEl_S_per_m(), m.youngsModulus_Pa(), crack[id], p.chargeDensity_C_per_m3());
            }
        }
    }

    /** A copy with every reaction switched off (L_eta = 0, no nucleation): capillarity alone. */
    public MaterialTable withoutReactions() {
        return new MaterialTable(this);
    }

    private MaterialTable(MaterialTable t) {
        names = t.names;
        diffusivity_m2_per_s = t.diffusivity_m2_per_s;
        sigmaIon_S_per_m = t.sigmaIon_S_per_m;
        sigmaEl_S_per_m = t.sigmaEl_S_per_m;
        freeFraction = t.freeFraction;
        i0_A_per_m2 = t.i0_A_per_m2;
        intrusionOverpotential_V = t.intrusionOverpotential_V;
        crack = t.crack;
        pore = t.pore;
        Leta_per_s = new double[t.size()];
        nucleationActivity = new double[t.size()];
    }

    public int size() {
        return names.length;
    }
}
