package org.lipf.model;

import org.lipf.scenario.MaterialSpec;
import org.lipf.scenario.ModelForm;
import org.lipf.scenario.ModelSpec;
import org.lipf.scenario.Scenario;

/**
 * The constants of the phase-field model in SI units, derived once from a scenario
 * (docs/MODEL.md section 3). Symbols as in the model document.
 *
 * @param form                 single potential (Chen 2015) or mixed ionic/electronic conductor
 * @param f_per_V              n F / (R T)
 * @param alpha                Butler-Volmer symmetry factor
 * @param chargeDensity_C_per_m3 n F c_s: charge carried per unit volume of deposited Li
 * @param siteRatio            c_s / c0: bulk Li+ concentrations consumed per unit of xi
 * @param W_J_per_m3           double-well height, W = 6 gamma / delta
 * @param kappa0_J_per_m       gradient coefficient, kappa0 = 3 gamma delta
 * @param Lsigma_m3_per_J_s    Allen-Cahn mobility
 * @param interfaceWidth_m     delta: xi = (1 - tanh(x / delta)) / 2 at equilibrium
 * @param anisotropyStrength   delta_a in kappa(theta)
 * @param anisotropyMode       omega
 * @param anisotropyAngle_rad  theta0
 * @param noiseRate_per_s      amplitude of the Langevin term on d xi/dt (noise amplitude * Lsigma W)
 * @param seed                 noise seed
 * @param nucleationBarrier_V  overpotential beyond which Li nucleates away from the metal
 * @param nucleationConductivity_S_per_m electronic conductivity at which nucleation is half-gated
 * @param equilibriumPotential_V E_eq of Li/Li+ at c = 1
 * @param metalDiffusivity_m2_per_s D of Li+ inside the metal phase
 * @param metalConductivity_S_per_m electronic conductivity of the metal phase
 * @param dispersedNucleation whether nucleated metal goes into the dispersed field (docs/MODEL.md section 3.6)
 * @param dispersedIonPath    fraction of the metal's ion path (section 3.3) that dispersed metal keeps
 * @param faceReaction        whether the hosts of dispersed metal react at their faces against ion conductors (section 3.6.1)
 */
public record ModelParameters(
        ModelForm form,
        double f_per_V,
        double alpha,
        double chargeDensity_C_per_m3,
        double siteRatio,
        double W_J_per_m3,
        double kappa0_J_per_m,
        double Lsigma_m3_per_J_s,
        double interfaceWidth_m,
        double anisotropyStrength,
        int anisotropyMode,
        double anisotropyAngle_rad,
        double noiseRate_per_s,
        long seed,
        double nucleationBarrier_V,
        double nucleationConductivity_S_per_m,
        double equilibriumPotential_V,
        double metalDiffusivity_m2_per_s,
        double metalConductivity_S_per_m,
        boolean dispersedNucleation,
        double dispersedIonPath,
        boolean faceReaction) {

    public static ModelParameters from(Scenario scenario) {
        ModelSpec m = scenario.model();
        double f = m.chargeNumber() * PhysicalConstants.FARADAY_C_PER_MOL
                / (PhysicalConstants.GAS_CONSTANT_J_PER_MOL_K * m.temperature_K());
        double gamma = m.interfaceEnergy_J_per_m2();
        double delta = m.interfaceWidth_m();
        double W = 6 * gamma / delta;
        double kappa0 = 3 * gamma * delta;
        MaterialSpec metal = scenario.material(m.metalMaterial());
        return new ModelParameters(
                m.form(),
                f,
                m.alpha(),
                m.chargeNumber() * PhysicalConstants.FARADAY_C_PER_MOL * m.metalSiteDensity_mol_per_m3(),
                m.metalSiteDensity_mol_per_m3() / m.bulkConcentration_mol_per_m3(),
                W,
                kappa0,
                m.allenCahnMobility_m3_per_J_s(),
                delta,
                m.anisotropyStrength(),
                m.anisotropyMode(),
                m.anisotropyAngle_rad(),
                m.noiseAmplitude() * m.allenCahnMobility_m3_per_J_s() * W,
                m.seed(),
                m.nucleationBarrier_V(),
                m.nucleationConductivity_S_per_m(),
                m.equilibriumPotential_V(),
                metal.diffusivity_m2_per_s(),
                metal.sigmaEl_S_per_m(),
                m.nucleationForm() == org.lipf.scenario.NucleationForm.DISPERSED,
                m.dispersedIonPath(),
                m.faceReaction());
    }

    /** The same model without the Langevin noise. */
    public ModelParameters withoutNoise() {
        return new ModelParameters(form, f_per_V, alpha, chargeDensity_C_per_m3, siteRatio, W_J_per_m3, kappa0_J_per_m,
                Lsigma_m3_per_J_s, interfaceWidth_m, anisotropyStrength, anisotropyMode, anisotropyAngle_rad, 0, seed,
                nucleationBarrier_V, nucleationConductivity_S_per_m, equilibriumPotential_V, metalDiffusivity_m2_per_s,
                metalConductivity_S_per_m, dispersedNucleation, dispersedIonPath, faceReaction);
    }

    public boolean singlePotential() {
        return form == ModelForm.SINGLE_POTENTIAL;
    }
}
