package org.lipf.scenario;

import org.lipf.model.PhysicalConstants;

/**
 * The Nernst-Einstein relation between the ionic conductivity and the Li+ diffusivity of a
 * single-ion conductor whose carrier concentration is the model's bulk concentration c0:
 * {@code sigma = n^2 F^2 c0 D / (R T)}. A material parameter written {@value #KEYWORD} (for D or
 * for sigma_ion, not both) is computed from the other with the scenario's T, n and c0, so that the
 * c flux and the ionic current describe the same carriers (materials/library.yaml header).
 */
public final class NernstEinstein {
    /** The parameter value that asks for the relation. */
    public static final String KEYWORD = "nernst-einstein";

    private NernstEinstein() {}

    /** n^2 F^2 c0 / (R T), S/m per m^2/s. */
    static double conductivityPerDiffusivity(double temperature_K, int chargeNumber, double c0_mol_per_m3) {
        double F = PhysicalConstants.FARADAY_C_PER_MOL;
        return chargeNumber * chargeNumber * F * F * c0_mol_per_m3 / (PhysicalConstants.GAS_CONSTANT_J_PER_MOL_K * temperature_K);
    }

    /** D = sigma R T / (n^2 F^2 c0), m^2/s. */
    public static double diffusivity(double sigma_S_per_m, double temperature_K, int chargeNumber, double c0_mol_per_m3) {
        return sigma_S_per_m / conductivityPerDiffusivity(temperature_K, chargeNumber, c0_mol_per_m3);
    }

    /** sigma = n^2 F^2 c0 D / (R T), S/m. */
    public static double conductivity(double D_m2_per_s, double temperature_K, int chargeNumber, double c0_mol_per_m3) {
        return D_m2_per_s * conductivityPerDiffusivity(temperature_K, chargeNumber, c0_mol_per_m3);
    }
}
