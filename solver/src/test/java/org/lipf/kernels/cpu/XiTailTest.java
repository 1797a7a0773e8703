package org.lipf.kernels.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lipf.cli.RunDriver;
import org.lipf.grid.Grid;
import org.lipf.grid.Parallel;
import org.lipf.model.ModelParameters;
import org.lipf.scenario.Scenario;
import org.lipf.scenario.ScenarioLoader;
import org.lipf.solver.Simulation;

/**
 * The tails of a relaxed interface end where xi stops being representable next to 1 (docs/MODEL.md
 * section 5.3): |xi| below 2^-53 is set to zero, as 1 - xi below it rounds to zero, so both tails reach
 * as far. The discrete equilibrium tail decays as exp(-k x) with cosh(k dx) = 1 + (2 dx / delta)^2 / 2
 * (the linearised double well W g''(0) = 2 W against kappa0 times the discrete Laplacian; the continuum's
 * (1 - tanh(x / delta)) / 2 tends to exp(-2 x / delta)), so it ends at most ln(2^53) / k from the centre:
 * 38.2 cells at delta = 2 cells (with the old flush at 1e-30, 72).
 */
class XiTailTest {
    /** A flat Li surface across a column of 4 x 100 cells, no current, noise or anisotropy. */
    static final String CELL = """
            name: tails
            grid: {dimensions: 2, width: 1 um, height: 25 um, spacing: 0.25 um}
            model: {form: mixed_conductor, interface_width: 0.5 um}
            materials:
              li: {diffusivity: 7.5e-13 m^2/s, ionic_conductivity: 0 S/m, electronic_conductivity: 1.1e7 S/m, exchange_current_density: 2.91 A/m^2, free_fraction: 1}
              lpscl: {diffusivity: 1e-12 m^2/s, ionic_conductivity: 0.25 S/m, electronic_conductivity: 0 S/m, exchange_current_density: 2.91 A/m^2, free_fraction: 1}
            geometry:
              background: lpscl
              layers:
                - {material: li, thickness: 12.5 um, xi: 1, c: 0}
                - {material: lpscl, thickness: rest, c: 1}
            control: {mode: galvanostatic, current_density: 0 mA/cm^2}
            time: {end: 1 s, output_interval: 1 s}
            """;

    @Test
    void bothTailsEndWhereXiIsNoLongerRepresentableNextToOne() {
        Scenario scenario = ScenarioLoader.parse(CELL, "tails.yaml", Map.of());
        try (Parallel serial = Parallel.serial(); Simulation sim = RunDriver.fresh(scenario, serial)) {
            ModelParameters p = sim.parameters();
            Grid g = sim.grid();
            // the tail's front advances about one decay length per relaxation time 1 / (L_sigma W): 60 of them
            double tau = 1 / (p.Lsigma_m3_per_J_s() * p.W_J_per_m3());
            sim.backend().relaxInterfaces(0.8 * AllenCahnUpdate.stableStep_s(g, p), 60 * tau);
            double[] xi = sim.fields().xi;
            double[] column = new double[g.nz];
            for (int k = 0; k < g.nz; k++) {
                column[k] = xi[g.rowStart(0, k)];
                for (int i = 1; i < g.nx; i++) assertEquals(column[k], xi[g.rowStart(0, k) + i], "a flat front stays flat, row " + k);
                double x = column[k];
                assertTrue(x == 0 || x == 1 || (Math.abs(x) >= AllenCahnUpdate.XI_RESOLUTION && Math.abs(1 - x) >= 0x1p-53),
                        "row " + k + ": xi = " + x + " lies in a tail below the resolution");
            }
            int centre = -1;
            for (int k = 0; k + 1 < g.nz; k++) if (column[k] >= 0.5 && column[k + 1] < 0.5) centre = k;
            double centreCell = centre + (column[centre] - 0.5) / (column[centre] - column[centre + 1]);
            int lastAbove = centre, firstBelow = centre;
            for (int k = centre; k < g.nz; k++) if (column[k] != 0) lastAbove = k;
            for (int k = centre; k >= 0; k--) if (column[k] != 1) firstBelow = k;
            double dxOverDelta = g.dx_m / p.interfaceWidth_m();
            double k = acosh(1 + 2 * dxOverDelta * dxOverDelta); // decay per cell
            double above = lastAbove - centreCell, below = centreCell - firstBelow;
            // each tail's last cell holds at least 2^-53 under an amplitude below 1: at most ln(2^53) / k cells
            // out; and it ends where a step adds less than 2^-53 to the zero beyond it (xi ~ 1e-15 at this step)
            assertTrue(above <= 53 * Math.log(2) / k && above >= Math.log(1e14) / k, "tail into the electrolyte: " + above + " cells");
            assertTrue(below <= 53 * Math.log(2) / k && below >= Math.log(1e14) / k, "tail into the metal: " + below + " cells");
            assertEquals(above, below, 1.5, "the tails at 0 and at 1 reach as far");
        }
    }

    private static double acosh(double x) {
        return Math.log(x + Math.sqrt(x * x - 1));
    }
}
