package org.lipf.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lipf.grid.Grid;
import org.lipf.grid.Parallel;
import org.lipf.model.ButlerVolmer;
import org.lipf.solver.Simulation;

/**
 * MODEL.md section 8.3, Chen 2015's own verification: at zero current the system is in
 * electrochemical equilibrium. (1) Ions in a potential gradient relax to the Boltzmann profile
 * c = exp(-f phi) (zero Nernst-Planck flux). (2) A metal electrode at zero net current in an
 * electrolyte of concentration c settles at the Nernst potential ln(c) / f.
 */
class NernstEquilibriumTest {
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.lipf.validation.Backends#names")
    void ionsRelaxToTheBoltzmannProfileInAPotentialGradient(String backend) {
        String yaml = """
                name: boltzmann
                grid: {dimensions: 2, width: 1 um, height: 10 um, spacing: 0.5 um}
                model: {form: single_potential, interface_width: 1 um}
                materials:
                  li: {diffusivity: 1e-10 m^2/s, ionic_conductivity: 0 S/m, electronic_conductivity: 1e7 S/m, exchange_current_density: 1 A/m^2, free_fraction: 1}
                  electrolyte: {diffusivity: 1e-10 m^2/s, ionic_conductivity: 1 S/m, electronic_conductivity: 0 S/m, exchange_current_density: 1 A/m^2, free_fraction: 1}
                geometry:
                  background: electrolyte
                  layers: [{material: electrolyte, thickness: rest, xi: 0, c: 1}]
                control: {mode: potentiostatic, voltage: -0.05 V}
                time: {end: 20 s, output_interval: 20 s}
                """;
        try (Parallel parallel = Parallel.serial();
             Simulation sim = Cases.start(yaml, Map.of(), parallel, Backends.of(backend))) {
            Cases.runTo(sim, 20);
            Grid g = sim.grid();
            double f = sim.parameters().f_per_V();
            for (int k = 0; k < g.nz; k++) {
                int P = g.index(0, 0, k);
                double phi = sim.fields().phiL[P];
                assertEquals(Math.exp(-f * phi), sim.fields().c[P], 1e-6 * Math.exp(-f * phi), "cell " + k);
            }
        }
    }

    /**
     * Zero net current (galvanostatic at 0): the control finds the electrode potential at which
     * the Butler-Volmer factor vanishes. Going from c1 to c2 must shift it by ln(c2 / c1) / f
     * (Nernst), and each value must be ln(c) / f, to 0.1 mV. The exchange current is large so that the
     * voltage the control needs to balance the discrete front's creep (docs/MODEL.md section 3.1),
     * creep / (i0 f sqrt(c)), stays below 0.1 mV.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.lipf.validation.Backends#names")
    void electrodeAtZeroCurrentSettlesAtTheNernstPotential(String backend) {
        double[] c = {0.5, 2.0};
        double[] v = new double[c.length];
        double f = 0;
        for (int n = 0; n < c.length; n++) {
            String yaml = Cases.flatFront("{mode: galvanostatic, current_density: 0 A/m^2}")
                    .replace("xi: 1, c: 1}", "xi: 1, c: " + c[n] + "}").replace("xi: 0, c: 1}", "xi: 0, c: " + c[n] + "}");
            // no diffusion: the electrolyte keeps concentration c; the reservoir does not reach it.
            // A fast exchange current makes the creep's voltage offset (creep / (i0 f sqrt(c))) negligible.
            try (Parallel parallel = Parallel.serial();
                 Simulation sim = Cases.start(yaml, Map.of("materials.electrolyte.diffusivity", "0 m^2/s",
                        "materials.li.diffusivity", "0 m^2/s", "materials.electrolyte.exchange_current_density", "100 A/m^2",
                        "materials.li.exchange_current_density", "100 A/m^2"), parallel, Backends.of(backend))) {
                Cases.runTo(sim, 0.3);
                f = sim.parameters().f_per_V();
                v[n] = sim.state().cellVoltage_V;
                assertEquals(ButlerVolmer.nernstOverpotential_V(c[n], f), v[n], 1e-4, "electrode potential at c = " + c[n]);
            }
        }
        assertEquals(Math.log(c[1] / c[0]) / f, v[1] - v[0], 1e-4, "Nernst shift between c = " + c[0] + " and " + c[1]);
    }
}
