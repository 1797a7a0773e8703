package org.lipf.scenario;

/** Which potential formulation the model uses (MODEL.md section 3). YAML: {@code single_potential | mixed_conductor}. */
public enum ModelForm {
    /** Chen 2015: one potential, sigma_eff = sigma_e h + sigma_l (1 - h), eta = phi - E0. */
    SINGLE_POTENTIAL,
    /** Separate ionic (phi_l) and electronic (phi_s) potentials. */
    MIXED_CONDUCTOR;

    public String yamlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
