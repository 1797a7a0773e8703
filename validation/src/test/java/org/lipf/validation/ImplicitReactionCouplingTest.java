package org.lipf.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lipf.grid.Parallel;
import org.lipf.solver.Simulation;

/**
 * docs/MODEL.md section 5.4.1: the potentials solved with the reaction source (Newton, the
 * galvanostatic voltage included). On a cell whose electron-conducting host nucleates Li at a low
 * barrier, where the lagged source diverges at once, the coupled solve conserves charge: the ionic
 * current through the counter boundary (from the solved phi_l) equals the set current at every
 * step, and the deposited Li equals the passed charge over n F c_s.
 */
class ImplicitReactionCouplingTest {
    /** Li / a soft-carbon-like host that conducts electrons and (poorly) ions and nucleates / an electrolyte. */
    static final String HOST_CELL = """
            name: host-nucleation
            grid: {dimensions: 2, width: 1 um, height: 12 um, spacing: 0.1 um}
            model: {form: mixed_conductor, interface_width: 0.2 um, interface_energy: 1.18 J/m^2,
                    bulk_concentration: 3.67e4 mol/m^3, noise: {amplitude: 0.003, seed: 3},
                    nucleation: {barrier: 0.05 V, gating_conductivity: 1e-3 S/m}}
            materials:
              li: {library: li-metal}
              host: {library: soft-carbon, diffusivity: 1.5e-13 m^2/s, ionic_conductivity: 0.01 S/m}
              lpscl: {library: lpscl-pellet}
            geometry:
              background: lpscl
              layers:
                - {material: li, thickness: 2 um, xi: 1, c: 0}
                - {material: host, thickness: 6 um, xi: 0, c: 1}
                - {material: lpscl, thickness: rest, xi: 0, c: 1}
            control: {mode: galvanostatic, current_density: 5 mA/cm^2}
            time: {end: 1 s, output_interval: 1 s, integrator: semi_implicit, max_step: 0.05 s}
            solver: {reaction_coupling: implicit}
            """;

    @Test
    void hostNucleationConservesChargeAtEveryStep() {
        try (Parallel parallel = new Parallel(2);
             Simulation sim = Cases.start(HOST_CELL, Map.of(), parallel)) {
            double v0 = sim.metrics().metalVolumePerArea_m(sim.fields());
            for (int i = 0; i < 30; i++) {
                sim.advance(Double.POSITIVE_INFINITY);
                // charge conservation of the coupled solve: what enters at the counter boundary is what reacts (0.1 %)
                assertEquals(50.0, sim.state().counterCurrent_A_per_m2, 0.05, "counter current, step " + i);
                assertEquals(50.0, sim.state().reactionCurrent_A_per_m2, 0.05, "deposition current, step " + i);
                assertTrue(Math.abs(sim.state().cellVoltage_V) < 1, "cell voltage " + sim.state().cellVoltage_V + " V at step " + i);
            }
            double deposited = sim.metrics().metalVolumePerArea_m(sim.fields()) - v0;
            double charge = sim.state().passedCharge_C_per_m2;
            assertEquals(charge, deposited * sim.parameters().chargeDensity_C_per_m3(), 0.01 * charge, "Faraday");
        }
    }

    @Test
    void theShippedScNanoCellRunsWithALowNucleationBarrier() throws java.io.IOException {
        // with the source of the last step held fixed this cell's control failed at the second step (`lipf run
        // scenarios/sc-nano-llzto.yaml --set model.nucleation.barrier="0.05 V"`): the host's nucleation is
        // exponential in eta over the whole LLZTO-laden layer
        String yaml = java.nio.file.Files.readString(java.nio.file.Path.of("..", "scenarios", "sc-nano-llzto.yaml"));
        Map<String, String> coupled = Map.of("model.nucleation.barrier", "0.05 V", "solver.reaction_coupling", "implicit");
        try (Parallel parallel = new Parallel(2);
             Simulation sim = Cases.start(yaml, coupled, parallel)) {
            for (int i = 0; i < 3; i++) {
                sim.advance(Double.POSITIVE_INFINITY);
                assertEquals(50.0, sim.state().counterCurrent_A_per_m2, 0.05, "counter current, step " + i);
            }
        }
    }

    @Test
    void depositedLithiumEqualsPassedChargeOnARoughDepositToo() {
        try (Parallel parallel = new Parallel(2);
             Simulation sim = Cases.start(FaradayBalanceTest.CELL, Map.of("solver.reaction_coupling", "implicit"), parallel)) {
            FaradayBalanceTest.assertFaradayBalance(sim, 0.2);
            assertEquals(500.0, sim.state().counterCurrent_A_per_m2, 0.5, "counter current");
        }
    }
}
