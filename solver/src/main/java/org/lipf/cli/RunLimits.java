package org.lipf.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.lipf.scenario.Scenario;

/**
 * How {@code lipf run --end-time T --max-steps N} loads its scenario: with the limits as
 * {@code time.end} and {@code time.max_steps}, so that the resolved scenario.yaml it writes repeats
 * the run. The output interval and the largest step, which default to fractions of time.end, are
 * fixed at those of the scenario's own end. A sweep gives its runs its end_time and max_steps so,
 * and compares what a run's folder records with this.
 */
public final class RunLimits {
    private RunLimits() {
    }

    /**
     * The settings that load a run of {@code scenario} (loaded with {@code overrides}) to {@code endTime_s} in at
     * most {@code maxSteps} steps; {@code overrides} itself where both are null.
     */
    public static Map<String, String> settings(Scenario scenario, Map<String, String> overrides, Double endTime_s, Long maxSteps) {
        if (endTime_s == null && maxSteps == null) return overrides;
        Map<String, String> settings = new LinkedHashMap<>(overrides);
        settings.put("time.output_interval", scenario.time().outputInterval_s() + " s");
        settings.put("time.max_step", scenario.time().maxStep_s() + " s");
        if (endTime_s != null) settings.put("time.end", endTime_s + " s");
        if (maxSteps != null) settings.put("time.max_steps", Long.toString(maxSteps));
        return settings;
    }
}
