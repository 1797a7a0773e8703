package org.lipf.scenario;

/**
 * Potential solver settings: relative tolerance of PCG on the Jacobi-scaled residual, its
 * iteration cap, and how the reaction source enters the solves. The potentials are solved every step.
 * {@code frontDeflation}: whether the semi-implicit Allen-Cahn solves deflate the front's translation
 * modes (docs/MODEL.md section 5.3.2; both backends).
 */
public record SolverSpec(double potentialRelTol, int potentialMaxIterations, ReactionCoupling reactionCoupling, boolean frontDeflation) {
    public SolverSpec {
        if (!(potentialRelTol > 0 && potentialRelTol < 1)) throw new IllegalArgumentException("potential_tolerance must be in (0, 1), got " + potentialRelTol);
        java.util.Objects.requireNonNull(reactionCoupling, "reactionCoupling");
        if (potentialMaxIterations < 1) throw new IllegalArgumentException("potential_max_iterations must be >= 1, got " + potentialMaxIterations);
    }
}
