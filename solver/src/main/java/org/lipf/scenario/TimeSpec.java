package org.lipf.scenario;

/**
 * Time integration limits.
 *
 * @param end_s simulated end time
 * @param maxSteps hard cap on the number of steps
 * @param outputInterval_s time between snapshots
 * @param maxStep_s upper bound of the adaptive step
 * @param stabilitySafety factor (0, 1] applied to the explicit stability limit
 * @param integrator explicit or semi-implicit time stepping
 * @param maxXiChange largest change of xi in a cell per semi-implicit step (the step follows it)
 */
public record TimeSpec(double end_s, long maxSteps, double outputInterval_s, double maxStep_s, double stabilitySafety,
                       Integrator integrator, double maxXiChange) {
    public TimeSpec {
        Checks.positive("end", end_s);
        if (maxSteps < 1) throw new IllegalArgumentException("max_steps must be >= 1, got " + maxSteps);
        Checks.positive("output_interval", outputInterval_s);
        Checks.positive("max_step", maxStep_s);
        if (!(stabilitySafety > 0 && stabilitySafety <= 1)) throw new IllegalArgumentException("stability_safety must be in (0, 1], got " + stabilitySafety);
        if (integrator == null) throw new IllegalArgumentException("integrator must not be null");
        if (!(maxXiChange > 0 && maxXiChange <= 0.5)) throw new IllegalArgumentException("max_xi_change must be in (0, 0.5], got " + maxXiChange);
    }
}
