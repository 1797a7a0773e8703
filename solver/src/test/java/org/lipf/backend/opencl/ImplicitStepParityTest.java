package org.lipf.backend.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lipf.cli.RunDriver;
import org.lipf.grid.Grid;
import org.lipf.grid.Parallel;
import org.lipf.model.FieldSet;
import org.lipf.model.MaterialTable;
import org.lipf.model.ModelParameters;
import org.lipf.scenario.Scenario;
import org.lipf.scenario.ScenarioLoader;
import org.lipf.solver.Backend;
import org.lipf.solver.BackendFactory;
import org.lipf.solver.Simulation;

/**
 * The semi-implicit operations of the OpenCL backend against the CPU backend from the same state (a
 * growing Li / LPSCl cell of 32 x 64 cells after six semi-implicit steps, galvanostatic, noise and
 * anisotropy on): the noise-scaled Allen-Cahn rates, the capillary filter with its volume restoring
 * and xiNext, the largest xi change, the implicit Nernst-Planck step, and the filter's gain (the
 * largest |rate| over the mobile cells before and after the filter) against the same maxima of the
 * host's fields. The solves take the same iterations, so the fields agree to 1e-12 of their scales.
 */
class ImplicitStepParityTest {
    private static final double TOLERANCE = 1e-12;

    @Test
    void everySemiImplicitOperationMatchesTheCpu() throws Exception {
        Scenario s = ScenarioLoader.load(Path.of("..", "scenarios", "bare-li-lpscl.yaml"),
                Map.of("grid.width", "16 um", "grid.height", "32 um", "geometry.nuclei[0].x", "8 um", "time.integrator", "semi_implicit"));
        BackendFactory opencl = OpenClTestDevice.backend(Precision.DOUBLE);
        MaterialTable table = new MaterialTable(s, ModelParameters.from(s));
        try (Parallel parallel = new Parallel(2); Simulation start = RunDriver.fresh(s, parallel, null, BackendFactory.CPU)) {
            for (int i = 0; i < 6; i++) start.advance(Double.POSITIVE_INFINITY);
            FieldSet a = KernelParityTest.copy(start.fields()), b = KernelParityTest.copy(start.fields());
            double dt = start.state().nextStep_s;
            long step = start.state().step;
            try (Backend cpu = BackendFactory.CPU.create(s, a, parallel); OpenClBackend dev = (OpenClBackend) opencl.create(s, b, parallel)) {
                dev.upload();
                cpu.fillGhosts();
                dev.fillGhosts();
                assertEquals(cpu.allenCahn(dt, step), dev.allenCahn(dt, step), "Allen-Cahn bound flag");
                double target = s.control().currentDensity_A_per_m2();
                assertEquals(cpu.enforceCurrent(target, dt), dev.enforceCurrent(target, dt), 1e-12, "galvanostatic voltage shift, V");
                KernelParityTest.compare(dev, a, b, "noise-scaled Allen-Cahn and control", false);
                double raw = mobileMax(a, table);

                assertEquals(cpu.implicitAllenCahn(dt), dev.implicitAllenCahn(dt), "filtered step's retry flag");
                assertEquals(cpu.lastXiChange(), dev.lastXiChange(), TOLERANCE * cpu.lastXiChange(), "largest xi change");
                KernelParityTest.compare(dev, a, b, "capillary filter", false);
                double filtered = mobileMax(a, table);
                assertTrue(filtered != raw, "the filter changed the rates");

                assertEquals(cpu.implicitNernstPlanck(dt), dev.implicitNernstPlanck(dt), "implicit Nernst-Planck flag");
                KernelParityTest.compare(dev, a, b, "implicit Nernst-Planck", true);
            }
        }
    }

    /** Largest |rate| over the mobile cells of the fields. */
    private static double mobileMax(FieldSet f, MaterialTable table) {
        Grid g = f.grid;
        double max = 0;
        for (int k = 0; k < g.nz; k++)
            for (int j = 0; j < g.ny; j++)
                for (int i = 0; i < g.nx; i++) {
                    int P = g.index(i, j, k);
                    if (table.freeFraction[f.material[P]] > 0) max = Math.max(max, Math.abs(f.rate[P]));
                }
        return max;
    }
}
