package org.lipf.solver;

/**
 * Whether the semi-implicit Allen-Cahn filter of a step amplified the rates (docs/MODEL.md section
 * 5.3.2, item 3): the retry test of the semi-implicit step, shared by the backends.
 *
 * <p>The filter solves {@code A u = r} with {@code A = 1 + dt L_sigma H}, H the Hessian of the free
 * energy at xi^n ({@code W g''(xi) - div(kappa grad)}), u the filtered rates and r the raw ones with
 * the multiplier term that keeps the metal volume ({@code r + lambda' h'(xi)}).
 * A is symmetric (harmonic face means, periodic sides, zero-flux ends), so its Rayleigh quotient at
 * the filtered rates,
 *
 * <pre>
 *   rho = (u, r) / (u, u) = (u, A u) / (u, u) = sum_k a_k c_k^2 / sum_k c_k^2,   a_k = 1 + dt L_sigma mu_k,
 * </pre>
 *
 * is the mean of A's eigenvalues weighted by the filtered rates' energy c_k^2 in each eigenmode
 * (sums over the mobile cells). If H has no negative mode, every a_k is at least 1: the filter is a
 * contraction in the Euclidean norm over the cells (||u|| <= ||r||, as ||A^-1||_2 = 1 / min a_k) and
 * rho >= 1, however large the step and however much noise the rates carry (a damped mode, a_k >> 1,
 * only raises rho). The max norm would need every diagonal term 1 + dt L_sigma W g''(xi) >= 1 (an
 * M-matrix with row sums >= 1), which fails inside the interface, where g'' reaches -1. A
 * front between lattice positions (the Peierls barrier of a front two cells wide) has a mode
 * mu &lt; 0; with z = dt L_sigma |mu| the filter passes it with the gain 1 / (1 - z), unbounded at z = 1
 * and of the wrong sign beyond, and where it dominates the filtered rates rho is close to 1 - z
 * (also beyond z = 2, where a gain test would see |1 / (1 - z)| &lt; 1). A mode amplified but holding
 * little of the filtered rates' energy is not seen: it then moves xi little.
 *
 * <p>Threshold: rho &lt; 1/2, i.e. z &gt; 1/2 for a dominant mode. Halving the step halves z, so a step
 * in the band where the gain blows up, 1/2 &lt; z &lt;= 1, is accepted after one retry; accepted steps
 * pass such a mode with a gain of at most 2 (the exact flow over the step: (e^z - 1) / z = 1.30).
 * A stricter threshold would reject, and halve, steps in which a front merely crosses a Peierls
 * maximum, where a gain slightly above 1 is the physics (the front slides to the next minimum). The
 * test sees only the operator's spectrum, not the rates' volume, so the noise of low-current runs
 * (damped, not amplified) does not reject steps; the linear solve's relative residual (1e-10)
 * moves rho by far less than the margin.
 *
 * <p>The same quotient sizes the next step ({@link #stepLimit_s}): z grows in proportion to the step,
 * so an accepted step whose dominant mode had z = 1 - rho sets the next one where z reaches
 * 1 - {@link #TARGET_RAYLEIGH_QUOTIENT}, below the retry's 1/2. Without it a front crossing a Peierls
 * maximum took a step twice as long as its last accepted one, was rejected and halved, again and again
 * (a third of the attempts of trend 5's Li / LAGP runs).
 *
 * <p>A backend needs two reductions over the mobile cells after the step's solves, {@code sum u r}
 * and {@code sum u u}, with u and r both including the multiplier term.
 */
public final class FilterAmplification {
    /** Smallest Rayleigh quotient (u, r) / (u, u) a step is accepted with. */
    public static final double MIN_RAYLEIGH_QUOTIENT = 0.5;

    /** Rayleigh quotient the next step aims at where a negative mode dominated the last one: z = 0.4. */
    public static final double TARGET_RAYLEIGH_QUOTIENT = 0.6;

    private FilterAmplification() {}

    /**
     * Whether a step must be retried smaller because its filter amplified the rates; true also if a
     * sum is not finite. Filtered rates that are all zero amplified nothing.
     *
     * @param filteredDotRaw sum over the mobile cells of u r (filtered times raw rates), 1/s^2
     * @param filteredSquared sum over the mobile cells of u^2, 1/s^2
     */
    public static boolean amplified(double filteredDotRaw, double filteredSquared) {
        return !(filteredDotRaw >= MIN_RAYLEIGH_QUOTIENT * filteredSquared) || !Double.isFinite(filteredSquared);
    }

    /**
     * The longest step after one of dt_s whose filter had the Rayleigh quotient rho, s: the step at which a
     * dominant negative mode's z = (1 - rho) dt' / dt_s reaches 1 - {@link #TARGET_RAYLEIGH_QUOTIENT}.
     * Unbounded where no negative mode showed (rho >= 1, or rho not a number: no rates). rho underrates z
     * where damped modes share the rates' energy, so the retry test stays the guard.
     */
    public static double stepLimit_s(double dt_s, double rho) {
        return rho < 1 ? dt_s * (1 - TARGET_RAYLEIGH_QUOTIENT) / (1 - rho) : Double.POSITIVE_INFINITY;
    }

}
