package org.lipf.kernels.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lipf.cli.RunDriver;
import org.lipf.grid.GhostCells;
import org.lipf.grid.Parallel;
import org.lipf.model.FieldSet;
import org.lipf.model.MaterialTable;
import org.lipf.model.ModelParameters;
import org.lipf.scenario.Scenario;
import org.lipf.scenario.ScenarioLoader;
import org.lipf.solver.Simulation;

/**
 * The explicit update keeps faces between rows and planes for the next row or plane, and each
 * slab or chunk of planes computes its first plane's lower faces itself: the rates, xi and c it writes
 * must not depend on how the planes are split, down to the last bit, whatever the split.
 */
class ExplicitUpdateSlabTest {
    /** Mixed conductor, anisotropy, noise, nucleation in the electrolyte (electronic leakage); the blanks are the grid and the nucleus. */
    static final String CELL = """
            name: slabs
            grid: %s
            model: {form: mixed_conductor, interface_width: 0.5 um, anisotropy: {strength: 0.05, mode: 4},
                    noise: {amplitude: 0.01, seed: 5}}
            materials:
              li: {diffusivity: 7.5e-13 m^2/s, ionic_conductivity: 0 S/m, electronic_conductivity: 1.1e7 S/m, exchange_current_density: 2.91 A/m^2, free_fraction: 1}
              lpscl: {diffusivity: 1e-12 m^2/s, ionic_conductivity: 0.25 S/m, electronic_conductivity: 1.6e-6 S/m, exchange_current_density: 2.91 A/m^2, free_fraction: 1}
            geometry:
              background: lpscl
              layers:
                - {material: li, thickness: 1 um, xi: 1, c: 0}
                - {material: lpscl, thickness: rest, c: 1}
              nuclei: [%s]
            control: {mode: galvanostatic, current_density: 50 mA/cm^2}
            time: {end: 1 s, output_interval: 1 s}
            """;

    @Test
    void anisotropic3DUpdateIsBitIdenticalForEverySlabSplit() {
        // 8 x 6 x 32 cells: unequal lateral extents, so a mixed-up x and y stride shows
        assertSlabSplitsAgree("{dimensions: 3, width: 2 um, depth: 1.5 um, height: 8 um, spacing: 0.25 um}", "{x: 1 um, y: 0.75 um, radius: 0.5 um}");
    }

    @Test
    void anisotropic2DUpdateIsBitIdenticalForEverySlabSplit() {
        assertSlabSplitsAgree("{dimensions: 2, width: 2 um, height: 8 um, spacing: 0.25 um}", "{x: 1 um, radius: 0.5 um}");
    }

    private static void assertSlabSplitsAgree(String grid, String nucleus) {
        Scenario scenario = ScenarioLoader.parse(CELL.formatted(grid, nucleus), "slabs.yaml", Map.of());
        FieldSet state;
        try (Parallel serial = Parallel.serial(); Simulation sim = RunDriver.fresh(scenario, serial)) {
            for (int i = 0; i < 5; i++) sim.advance(Double.POSITIVE_INFINITY);
            state = sim.fields();
            double[][] reference = null;
            // 32 planes: Nernst-Planck in one slab, two, unequal slabs, slabs of 2-3 planes; Allen-Cahn in chunks
            // of 32, 2 and 1 plane (a chunk of one computes every lower face itself)
            for (int threads : new int[] {1, 2, 5, 12}) {
                double[][] result = update(scenario, state, threads, 2e-6);
                if (reference == null) {
                    reference = result;
                    continue;
                }
                String[] names = {"rate", "xiNext", "cNext", "reductions"};
                for (int a = 0; a < names.length; a++)
                    assertArrayEquals(reference[a], result[a], threads + " threads vs 1: " + names[a]);
            }
            assertTrue(reference[3][0] > 0, "the interface reacts: stiffness " + reference[3][0]);
            assertEquals(0.0, reference[3][2], "no bound violated");
        }
    }

    /** One Allen-Cahn and Nernst-Planck update of a copy of {@code state} on {@code threads} threads. */
    private static double[][] update(Scenario scenario, FieldSet state, int threads, double dt_s) {
        FieldSet f = new FieldSet(state.grid, state.material.clone(), state.singlePotential());
        System.arraycopy(state.xi, 0, f.xi, 0, f.xi.length);
        System.arraycopy(state.c, 0, f.c, 0, f.c.length);
        System.arraycopy(state.phiL, 0, f.phiL, 0, f.phiL.length);
        System.arraycopy(state.phiS, 0, f.phiS, 0, f.phiS.length);
        for (double[] field : new double[][] {f.xi, f.c, f.phiL, f.phiS}) GhostCells.fill(f.grid, field);
        ModelParameters p = ModelParameters.from(scenario);
        MaterialTable table = new MaterialTable(scenario, p);
        try (Parallel parallel = new Parallel(threads)) {
            AllenCahnUpdate allenCahn = new AllenCahnUpdate(f.grid, p, table, parallel);
            NernstPlanckUpdate nernstPlanck = new NernstPlanckUpdate(f.grid, p, table, parallel);
            allenCahn.compute(f, dt_s, 7);
            nernstPlanck.compute(f, dt_s);
            double bad = allenCahn.lastOutOfBounds() || nernstPlanck.lastOutOfBounds() ? 1 : 0;
            return new double[][] {f.rate.clone(), f.xiNext.clone(), f.cNext.clone(),
                    {allenCahn.lastReactionStiffness_per_s(), nernstPlanck.lastMaxRate_per_s(), bad}};
        }
    }
}
