package org.lipf.linear;

/**
 * A linear solve that did not reach its tolerance (or broke down on a non-finite or indefinite
 * quantity). The message gives the iteration count, the residual reached and the target.
 */
public class SolverDivergedException extends RuntimeException {
    private final int iterations;
    private final double residual;

    public SolverDivergedException(String message, int iterations, double residual) {
        super(message);
        this.iterations = iterations;
        this.residual = residual;
    }

    public int iterations() {
        return iterations;
    }

    public double residual() {
        return residual;
    }
}
