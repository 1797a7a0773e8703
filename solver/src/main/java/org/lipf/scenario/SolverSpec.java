package org.lipf.scenario;

/**
 * Potential solver settings: relative residual tolerance of PCG, iteration cap, and solve the
 * potentials every k steps.
 */
public record SolverSpec(double potentialRelTol, int potentialMaxIterations, int potentialSolveEvery) {
    public SolverSpec {
        if (!(potentialRelTol > 0 && potentialRelTol < 1)) throw new IllegalArgumentException("potential_tolerance must be in (0, 1), got " + potentialRelTol);
        if (potentialMaxIterations < 1) throw new IllegalArgumentException("potential_max_iterations must be >= 1, got " + potentialMaxIterations);
        if (potentialSolveEvery < 1) throw new IllegalArgumentException("potential_solve_every must be >= 1, got " + potentialSolveEvery);
    }
}
