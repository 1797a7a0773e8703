package org.lipf.scenario;

/** How the fields advance in time (docs/MODEL.md section 5.3). YAML: {@code explicit | semi_implicit}. */
public enum Integrator {
    /** Explicit Euler at the stability limit of the stiffest term (grid-bound: dt ~ dx^2). */
    EXPLICIT,
    /**
     * Linearly implicit capillarity and Li+ diffusion (multigrid solves each step), the rest explicit:
     * the step follows the moving front instead of the grid's stability limit.
     */
    SEMI_IMPLICIT;

    public String yamlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
