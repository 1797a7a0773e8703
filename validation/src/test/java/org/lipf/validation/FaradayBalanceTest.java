package org.lipf.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lipf.grid.Parallel;
import org.lipf.solver.Simulation;

/**
 * MODEL.md section 8.1: the Li volume deposited equals the charge that passed the counter
 * boundary divided by n F c_s, within 1 %, for a rough growing deposit with noise and
 * anisotropy. The charge is measured independently of the phase field: it is the ionic current
 * through the counter-boundary faces from the solved potential, integrated in time.
 */
class FaradayBalanceTest {
    static final String CELL = """
            name: faraday
            grid: {dimensions: 2, width: 8 um, height: 16 um, spacing: 0.25 um}
            model: {form: mixed_conductor, interface_width: 0.5 um, anisotropy: {strength: 0.05, mode: 4},
                    noise: {amplitude: 0.01, seed: 5}}
            materials:
              li: {diffusivity: 7.5e-13 m^2/s, ionic_conductivity: 0 S/m, electronic_conductivity: 1.1e7 S/m, exchange_current_density: 2.91 A/m^2, free_fraction: 1}
              lpscl: {diffusivity: 1e-12 m^2/s, ionic_conductivity: 0.25 S/m, electronic_conductivity: 1.6e-6 S/m, exchange_current_density: 2.91 A/m^2, free_fraction: 1}
            geometry:
              background: lpscl
              layers:
                - {material: li, thickness: 3 um, xi: 1, c: 0}
                - {material: lpscl, thickness: rest, c: 1}
              nuclei: [{x: 4 um, radius: 1 um}]
            control: {mode: galvanostatic, current_density: 50 mA/cm^2}
            time: {end: 1 s, output_interval: 1 s}
            """;

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.lipf.validation.Backends#names")
    void depositedLithiumEqualsPassedChargeOverFaradayConstant(String backend) {
        try (Parallel parallel = new Parallel(2);
             Simulation sim = Cases.start(CELL, Map.of(), parallel, Backends.of(backend))) {
            assertFaradayBalance(sim, 0.5);
        }
    }

    /** Runs the CELL's simulation to t_s and checks its deposit against the passed charge, 1 %. */
    static void assertFaradayBalance(Simulation sim, double t_s) {
        double v0 = sim.metrics().metalVolumePerArea_m(sim.fields());
        Cases.runTo(sim, t_s);
        double deposited = sim.metrics().metalVolumePerArea_m(sim.fields()) - v0;
        double charge = sim.state().passedCharge_C_per_m2;
        assertTrue(charge > 0.5 * 500 * t_s, "the set current must have flowed: " + charge + " C/m^2");
        assertEquals(charge, deposited * sim.parameters().chargeDensity_C_per_m3(), 0.01 * charge);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.lipf.validation.Backends#names")
    void galvanostaticControlHoldsTheSetCurrent(String backend) {
        try (Parallel parallel = new Parallel(2);
             Simulation sim = Cases.start(CELL, Map.of(), parallel, Backends.of(backend))) {
            for (int i = 0; i < 200; i++) {
                sim.advance(Double.POSITIVE_INFINITY);
                assertEquals(500.0, sim.state().reactionCurrent_A_per_m2, 0.001 * 500.0, "step " + i);
            }
            // the control moved the voltage to a plating overpotential
            assertTrue(sim.state().cellVoltage_V < 0, "cell voltage " + sim.state().cellVoltage_V);
        }
    }
}
