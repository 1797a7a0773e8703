package org.lipf.validation;

import java.util.Map;
import org.lipf.cli.RunDriver;
import org.lipf.grid.Parallel;
import org.lipf.scenario.Scenario;
import org.lipf.scenario.ScenarioLoader;
import org.lipf.solver.BackendFactory;
import org.lipf.solver.Simulation;

/** Small scenarios for the validation cases, written as YAML like a user's. */
final class Cases {
    private Cases() {}

    /**
     * A flat Li layer under an electrolyte that conducts so well that eta equals the applied
     * voltage at the front, with c0 = c_s so that the sink barely depletes c.
     */
    static String flatFront(String control) {
        return """
                name: flat-front
                grid: {dimensions: 2, width: 1 um, height: 10 um, spacing: 0.25 um}
                model: {form: mixed_conductor, interface_width: 1 um, metal_site_density: 7.64e4 mol/m^3,
                        bulk_concentration: 7.64e4 mol/m^3, nucleation: {barrier: 10 V}}
                materials:
                  li: {diffusivity: 1e-10 m^2/s, ionic_conductivity: 0 S/m, electronic_conductivity: 1e7 S/m, exchange_current_density: 2.91 A/m^2, free_fraction: 1}
                  electrolyte: {diffusivity: 1e-10 m^2/s, ionic_conductivity: 1e4 S/m, electronic_conductivity: 0 S/m, exchange_current_density: 2.91 A/m^2, free_fraction: 1}
                geometry:
                  background: electrolyte
                  layers:
                    - {material: li, thickness: 4 um, xi: 1, c: 1}
                    - {material: electrolyte, thickness: rest, xi: 0, c: 1}
                control: %s
                time: {end: 1 s, output_interval: 1 s, max_step: 0.01 s}
                """.formatted(control);
    }

    static Simulation start(String yaml, Map<String, String> overrides, Parallel parallel) {
        return start(yaml, overrides, parallel, BackendFactory.CPU);
    }

    /** A fresh simulation on the given backend (see {@link Backends}). */
    static Simulation start(String yaml, Map<String, String> overrides, Parallel parallel, BackendFactory backend) {
        Scenario s = ScenarioLoader.parse(yaml, "validation-case", overrides);
        return RunDriver.fresh(s, parallel, null, backend);
    }

    /**
     * Deposition current of a run from its metal volume's rate of change between 0.2 and 0.4 s
     * (not from the rate field), A/m^2.
     */
    static double volumeCurrent(String yaml, Parallel parallel, BackendFactory backend) {
        return volumeCurrent(yaml, parallel, backend, Map.of());
    }

    /** {@link #volumeCurrent(String, Parallel, BackendFactory)} of the case with keys overridden. */
    static double volumeCurrent(String yaml, Parallel parallel, BackendFactory backend, Map<String, String> overrides) {
        try (Simulation sim = start(yaml, overrides, parallel, backend)) {
            runTo(sim, 0.2);
            double v0 = sim.metrics().metalVolumePerArea_m(sim.fields()), t0 = sim.state().time_s;
            runTo(sim, 0.4);
            double v1 = sim.metrics().metalVolumePerArea_m(sim.fields()), t1 = sim.state().time_s;
            return (v1 - v0) / (t1 - t0) * sim.parameters().chargeDensity_C_per_m3();
        }
    }

    /** Advances to the given time. */
    static void runTo(Simulation sim, double t_s) {
        while (sim.state().time_s < t_s * (1 - 1e-12)) sim.advance(t_s - sim.state().time_s);
    }
}
