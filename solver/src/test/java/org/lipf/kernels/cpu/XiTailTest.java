package org.lipf.kernels.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lipf.backend.opencl.OpenClTestDevice;
import org.lipf.backend.opencl.Precision;
import org.lipf.cli.RunDriver;
import org.lipf.grid.Grid;
import org.lipf.grid.Parallel;
import org.lipf.model.ModelParameters;
import org.lipf.scenario.Scenario;
import org.lipf.scenario.ScenarioLoader;
import org.lipf.solver.BackendFactory;
import org.lipf.solver.Simulation;

/**
 * The tails of a relaxed interface end where xi stops being representable next to 1 (docs/MODEL.md
 * section 5.3): |xi| below 2^-53 is set to zero, as 1 - xi below it rounds to zero, so both tails reach
 * as far. The discrete equilibrium tail decays as exp(-k x) with cosh(k dx) = 1 + (2 dx / delta)^2 / 2
 * (the linearised double well W g''(0) = 2 W against kappa0 times the discrete Laplacian; the continuum's
 * (1 - tanh(x / delta)) / 2 tends to exp(-2 x / delta)), so it ends at most ln(2^54) / k from the centre
 * (38.9 cells at delta = 2 cells; with the old flush at 1e-30, 72): 2^-53 at the last cell, or 2^-54 that
 * rounds up to it next to 1. Measured: 35.5 and 36.5 cells (explicit steps), 37.5 and 38.5 (semi-implicit,
 * larger steps: a zero next to the tail takes a larger increment). The flush is written in the explicit and
 * the semi-implicit update of both backends: each is checked, the semi-implicit one after 40 steps of 0.05 s
 * (about two relaxation times each) that follow the explicit relaxation.
 */
class XiTailTest {
    /** {@link ExplicitUpdateSlabTest#CELL} as a flat Li surface across a column of 4 x 100 cells, no current, noise or anisotropy. */
    static final Map<String, String> FLAT_AT_REST = Map.of("model.noise.amplitude", "0", "model.anisotropy.strength", "0",
            "control.current_density", "0 mA/cm^2", "geometry.layers[0].thickness", "12.5 um");

    @ParameterizedTest(name = "{0}, {1}")
    @CsvSource({"cpu, explicit", "opencl, explicit", "cpu, semi_implicit", "opencl, semi_implicit"})
    void bothTailsEndWhereXiIsNoLongerRepresentableNextToOne(String backend, String integrator) {
        Map<String, String> overrides = new HashMap<>(FLAT_AT_REST);
        overrides.put("time.integrator", integrator);
        Scenario scenario = ScenarioLoader.parse(ExplicitUpdateSlabTest.CELL.formatted("{dimensions: 2, width: 1 um, height: 25 um, spacing: 0.25 um}", ""),
                "tails.yaml", overrides);
        BackendFactory factory = backend.equals("cpu") ? BackendFactory.CPU : OpenClTestDevice.backend(Precision.DOUBLE);
        try (Parallel serial = Parallel.serial(); Simulation sim = RunDriver.fresh(scenario, serial, null, factory)) {
            ModelParameters p = sim.parameters();
            Grid g = sim.grid();
            // the tail's front advances about one decay length per relaxation time 1 / (L_sigma W): 60 of them
            double tau = 1 / (p.Lsigma_m3_per_J_s() * p.W_J_per_m3());
            sim.relaxInterfaces(0.8 * AllenCahnUpdate.stableStep_s(g, p), 60 * tau);
            if (integrator.equals("semi_implicit")) for (int i = 0; i < 40; i++) sim.advance(0.05);
            sim.backend().download();
            double[] xi = sim.fields().xi;
            double[] column = new double[g.nz];
            int lastAbove = -1, firstBelow = g.nz;
            for (int k = 0; k < g.nz; k++) {
                column[k] = xi[g.rowStart(0, k)];
                for (int i = 0; i < g.nx; i++) {
                    double x = xi[g.rowStart(0, k) + i];
                    // a flat front stays flat (to the round-off of the semi-implicit solves, absolute on xi of order 1)
                    assertEquals(column[k], x, 1e-12, "row " + k + ", column " + i);
                    assertTrue(x == 0 || x == 1 || (Math.abs(x) >= AllenCahnUpdate.XI_RESOLUTION && Math.abs(1 - x) >= 0x1p-53),
                            "row " + k + ": xi = " + x + " lies in a tail below the resolution");
                    if (x != 0) lastAbove = k;
                    if (x != 1 && firstBelow == g.nz) firstBelow = k;
                }
            }
            int centre = -1;
            for (int k = 0; k + 1 < g.nz; k++) if (column[k] >= 0.5 && column[k + 1] < 0.5) centre = k;
            double centreCell = centre + (column[centre] - 0.5) / (column[centre] - column[centre + 1]);
            double dxOverDelta = g.dx_m / p.interfaceWidth_m();
            double k = acosh(1 + 2 * dxOverDelta * dxOverDelta); // decay per cell
            double above = lastAbove - centreCell, below = centreCell - firstBelow;
            // each tail's last cell holds at least 2^-53 (the metal's 1 - xi rounds up to it from 2^-54) under an
            // amplitude below 1: at most ln(2^54) / k cells out; and a tail ends where a step adds less than 2^-53
            // to the zero beyond it (xi ~ 1e-15 at the explicit step)
            System.out.printf("%s, %s: tails %.2f and %.2f cells%n", backend, integrator, above, below);
            assertTrue(above <= 54 * Math.log(2) / k && above >= Math.log(1e14) / k, "tail into the electrolyte: " + above + " cells");
            assertTrue(below <= 54 * Math.log(2) / k && below >= Math.log(1e14) / k, "tail into the metal: " + below + " cells");
            assertEquals(above, below, 1.5, "the tails at 0 and at 1 reach as far");
        }
    }

    private static double acosh(double x) {
        return Math.log(x + Math.sqrt(x * x - 1));
    }
}
