package org.lipf.scenario;

/**
 * Where the metal that nucleates away from the metal surface goes (docs/MODEL.md section 3.6).
 * YAML: {@code model.nucleation.into: resolved | dispersed}.
 */
public enum NucleationForm {
    /** Into the order parameter xi, as a source term of the Allen-Cahn equation (section 3.1). */
    RESOLVED,
    /**
     * Into a field of dispersed sub-grid metal without interface energy (section 3.6): nuclei far
     * above the critical radius that the double well, an energy of resolved interfaces, would
     * dissolve. Needs {@code solver: {reaction_coupling: implicit}} (CPU backend).
     */
    DISPERSED;

    public String yamlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
