package org.lipf.scenario;

/**
 * Model constants, SI units in the component names (see MODEL.md section 3 for the symbols).
 *
 * @param form potential formulation
 * @param temperature_K T
 * @param chargeNumber n
 * @param alpha symmetry factor of Butler-Volmer, in (0, 1)
 * @param metalSiteDensity_mol_per_m3 c_s, site density of Li metal
 * @param bulkConcentration_mol_per_m3 c0, the concentration c is normalised by
 * @param interfaceWidth_m diffuse interface width
 * @param interfaceEnergy_J_per_m2 interface energy gamma
 * @param allenCahnMobility_m3_per_J_s L_sigma
 * @param anisotropyStrength delta in kappa(theta) = kappa0 (1 + delta cos(omega (theta - angle)))
 * @param anisotropyMode omega
 * @param anisotropyAngle_rad preferred orientation
 * @param noiseAmplitude amplitude of the Langevin noise on xi (dimensionless)
 * @param seed seed of the noise
 * @param nucleationBarrier_V overpotential barrier for nucleation away from the metal
 * @param nucleationConductivity_S_per_m electronic conductivity above which nucleation is enabled
 * @param nucleationForm whether nucleated metal joins xi or the dispersed field (docs/MODEL.md section 3.6)
 * @param dispersedIonPath fraction of the metal's ion path (docs/MODEL.md section 3.3) that dispersed metal keeps, in [0, 1]
 * @param faceReaction whether hosts of dispersed metal react at their faces against ion conductors (docs/MODEL.md section 3.6.1)
 * @param metalMaterial name of the material that represents Li metal
 * @param equilibriumPotential_V E_eq
 */
public record ModelSpec(ModelForm form, double temperature_K, int chargeNumber, double alpha,
        double metalSiteDensity_mol_per_m3, double bulkConcentration_mol_per_m3,
        double interfaceWidth_m, double interfaceEnergy_J_per_m2, double allenCahnMobility_m3_per_J_s,
        double anisotropyStrength, int anisotropyMode, double anisotropyAngle_rad,
        double noiseAmplitude, long seed, double nucleationBarrier_V, double nucleationConductivity_S_per_m,
        NucleationForm nucleationForm, double dispersedIonPath, boolean faceReaction, String metalMaterial, double equilibriumPotential_V) {
    public ModelSpec {
        Checks.notNull("form", form);
        Checks.positive("temperature", temperature_K);
        if (chargeNumber < 1) throw new IllegalArgumentException("charge_number must be >= 1, got " + chargeNumber);
        if (!(alpha > 0 && alpha < 1)) throw new IllegalArgumentException("symmetry_factor must be in (0, 1), got " + alpha);
        Checks.positive("metal_site_density", metalSiteDensity_mol_per_m3);
        Checks.positive("bulk_concentration", bulkConcentration_mol_per_m3);
        Checks.positive("interface_width", interfaceWidth_m);
        Checks.positive("interface_energy", interfaceEnergy_J_per_m2);
        Checks.positive("allen_cahn_mobility", allenCahnMobility_m3_per_J_s);
        if (!(anisotropyStrength >= 0 && anisotropyStrength < 1)) throw new IllegalArgumentException("anisotropy.strength must be in [0, 1), got " + anisotropyStrength);
        if (anisotropyMode < 0) throw new IllegalArgumentException("anisotropy.mode must be >= 0, got " + anisotropyMode);
        Checks.finite("anisotropy.angle", anisotropyAngle_rad);
        Checks.nonNegative("noise.amplitude", noiseAmplitude);
        Checks.nonNegative("nucleation.barrier", nucleationBarrier_V);
        Checks.nonNegative("nucleation.gating_conductivity", nucleationConductivity_S_per_m);
        Checks.notNull("nucleation.into", nucleationForm);
        if (!(dispersedIonPath >= 0 && dispersedIonPath <= 1)) throw new IllegalArgumentException("nucleation.dispersed_ion_path must be in [0, 1], got " + dispersedIonPath);
        if (faceReaction && nucleationForm != NucleationForm.DISPERSED) throw new IllegalArgumentException("nucleation.face_reaction needs into: dispersed");
        if (metalMaterial == null || metalMaterial.isBlank()) throw new IllegalArgumentException("metal material name is missing");
        Checks.finite("equilibrium_potential", equilibriumPotential_V);
    }
}
