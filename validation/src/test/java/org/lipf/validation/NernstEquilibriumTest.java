package org.lipf.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
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
    @Test
    void ionsRelaxToTheBoltzmannProfileInAPotentialGradient() {
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
        try (Parallel parallel = Parallel.serial()) {
            Simulation sim = Cases.start(yaml, Map.of(), parallel);
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

    @Test
    void electrodeAtZeroCurrentSettlesAtTheNernstPotential() {
        for (double c : new double[] {0.5, 2.0}) {
            String yaml = Cases.flatFront("{mode: galvanostatic, current_density: 0 A/m^2}")
                    .replace("xi: 1, c: 1}", "xi: 1, c: " + c + "}").replace("xi: 0, c: 1}", "xi: 0, c: " + c + "}");
            try (Parallel parallel = Parallel.serial()) {
                // no diffusion: the electrolyte keeps concentration c; the reservoir does not reach it
                Simulation sim = Cases.start(yaml, Map.of("materials.electrolyte.diffusivity", "0 m^2/s",
                        "materials.li.diffusivity", "0 m^2/s"), parallel);
                Cases.runTo(sim, 0.3);
                double expected = ButlerVolmer.nernstOverpotential_V(c, sim.parameters().f_per_V());
                assertEquals(expected, sim.state().cellVoltage_V, 1e-4, "Nernst potential at c = " + c);
            }
        }
    }
}
