package org.lipf.scenario;

/**
 * How the reaction source enters the potential solves (docs/MODEL.md section 5.4).
 * YAML: {@code lagged | implicit}.
 */
public enum ReactionCoupling {
    /** The source of the step just taken, held fixed (one linear solve per potential). */
    LAGGED,
    /**
     * The source as a function of the overpotential, solved with the potentials (and the
     * galvanostatic voltage) by Newton's method: needed where electrons reach an ion conductor over
     * a volume (nucleation in a host, a leaky electrolyte). Mixed-conductor form, CPU backend.
     */
    IMPLICIT;

    public String yamlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
