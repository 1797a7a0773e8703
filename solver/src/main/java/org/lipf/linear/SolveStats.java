package org.lipf.linear;

/**
 * Outcome of one {@link PcgSolver#solve} call. Norms are Euclidean 2-norms over the interior cells
 * of the residual {@code b - A x}, in the units of the right-hand side (A/m^3).
 *
 * @param iterations PCG iterations performed (0 when the initial guess already met the tolerance)
 * @param initialResidual ||b - A x0||
 * @param finalResidual ||b - A x|| at return (the recursively updated residual)
 * @param rhsNorm ||b||
 * @param converged whether finalResidual &lt;= max(relTol ||b||, absTol)
 */
public record SolveStats(int iterations, double initialResidual, double finalResidual, double rhsNorm, boolean converged) {}
