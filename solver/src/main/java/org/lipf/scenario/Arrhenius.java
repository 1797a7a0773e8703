package org.lipf.scenario;

import org.lipf.model.PhysicalConstants;

/**
 * Temperature dependence of a thermally activated property (docs/MODEL.md section 1.3): a value given at the
 * reference temperature T_ref is exp(-E_a / R (1 / T - 1 / T_ref)) times as large at T.
 */
public final class Arrhenius {
    private Arrhenius() {}

    /** The factor from T_ref to T for the activation energy E_a (per mole). */
    public static double factor(double activationEnergy_J_per_mol, double reference_K, double temperature_K) {
        return Math.exp(-activationEnergy_J_per_mol / PhysicalConstants.GAS_CONSTANT_J_PER_MOL_K * (1 / temperature_K - 1 / reference_K));
    }
}
