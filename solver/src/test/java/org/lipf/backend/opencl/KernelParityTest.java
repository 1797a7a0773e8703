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
import org.lipf.scenario.Scenario;
import org.lipf.scenario.ScenarioLoader;
import org.lipf.solver.Backend;
import org.lipf.solver.BackendFactory;
import org.lipf.solver.Simulation;
import org.lipf.solver.SimulationState;

/**
 * Each coarse operation of the OpenCL backend against the CPU backend from the same state (a
 * growing Li / LPSCl cell of 32 x 64 cells after ten steps, galvanostatic, noise and anisotropy
 * on; large enough for the potentials to be solved on the device): Allen-Cahn,
 * the galvanostatic correction, Nernst-Planck, the growth rate, the coefficients and potential
 * solves, the short check and the deposit metrics. The kernels repeat the host's arithmetic, so the fields agree to
 * 1e-12 of their scales (exp() on the device may differ in the last bit).
 */
class KernelParityTest {
    private static final double TOLERANCE = 1e-12;

    @Test
    void everyCoarseOperationMatchesTheCpu() throws Exception {
        Scenario s = ScenarioLoader.load(Path.of("..", "scenarios", "bare-li-lpscl.yaml"),
                Map.of("grid.width", "16 um", "grid.height", "32 um", "geometry.nuclei[0].x", "8 um"));
        BackendFactory opencl = OpenClTestDevice.backend(Precision.DOUBLE);
        try (Parallel parallel = new Parallel(2); Simulation start = RunDriver.fresh(s, parallel, null, BackendFactory.CPU)) {
            for (int i = 0; i < 10; i++) start.advance(Double.POSITIVE_INFINITY);
            FieldSet a = copy(start.fields()), b = copy(start.fields());
            double dt = start.state().nextStep_s;
            long step = start.state().step;
            try (Backend cpu = BackendFactory.CPU.create(s, a, parallel); Backend dev = opencl.create(s, b, parallel)) {
                dev.upload();
                cpu.fillGhosts();
                dev.fillGhosts();

                assertEquals(cpu.allenCahn(dt, step), dev.allenCahn(dt, step), "Allen-Cahn bound flag");
                assertEquals(cpu.reactionStiffness_per_s(), dev.reactionStiffness_per_s(), TOLERANCE * cpu.reactionStiffness_per_s(), "stiffness");
                compare(dev, a, b, "Allen-Cahn", false);

                double target = s.control().currentDensity_A_per_m2();
                double dvCpu = cpu.enforceCurrent(target, dt), dvDev = dev.enforceCurrent(target, dt);
                assertTrue(dvCpu != 0, "the control moved the voltage");
                assertEquals(dvCpu, dvDev, 1e-12, "galvanostatic voltage shift, V");
                assertEquals(cpu.xiOutOfBounds(), dev.xiOutOfBounds(), "bound flag after the correction");
                compare(dev, a, b, "galvanostatic correction", false);

                assertEquals(cpu.nernstPlanck(dt), dev.nernstPlanck(dt), "Nernst-Planck bound flag");
                assertEquals(cpu.nernstPlanckRate_per_s(), dev.nernstPlanckRate_per_s(), TOLERANCE * cpu.nernstPlanckRate_per_s(), "diagonal rate");
                compare(dev, a, b, "Nernst-Planck", true);

                cpu.swapNext();
                dev.swapNext();
                cpu.computeCoefficients();
                dev.computeCoefficients();
                double growth = cpu.growthVelocity_m_per_s();
                assertEquals(growth, dev.growthVelocity_m_per_s(), TOLERANCE * Math.abs(growth), "growth rate");
                SimulationState sc = new SimulationState(), sd = new SimulationState();
                cpu.solvePotentials(-0.1, sc);
                dev.solvePotentials(-0.1, sd);
                assertEquals(sc.lastIterations, sd.lastIterations, "PCG iterations");
                assertEquals(sc.counterCurrent_A_per_m2, sd.counterCurrent_A_per_m2, 1e-9 * Math.abs(sc.counterCurrent_A_per_m2), "counter current");
                compare(dev, a, b, "potential solves", false);
                assertEquals(cpu.checkShort(), dev.checkShort(), "short check");
                double volume = cpu.metalVolumePerArea_m(), front = cpu.frontHeight_m();
                assertTrue(front > 0 && volume > 0, "a deposit to measure");
                assertEquals(volume, dev.metalVolumePerArea_m(), TOLERANCE * volume, "metal volume per area");
                assertEquals(front, dev.frontHeight_m(), TOLERANCE * front, "front height");
            }
        }
    }

    /** Compares the state and the pending step (cNext once Nernst-Planck has written it) of both backends' fields, to 1e-12 of each field's scale. */
    static void compare(Backend dev, FieldSet a, FieldSet b, String after, boolean withCNext) {
        dev.download();
        dev.downloadNext();
        Grid g = a.grid;
        double[][] x = {a.xi, a.c, a.phiL, a.phiS, a.rate, a.xiNext, a.cNext}, y = {b.xi, b.c, b.phiL, b.phiS, b.rate, b.xiNext, b.cNext};
        String[] names = {"xi", "c", "phi_l", "phi_s", "rate", "xiNext", "cNext"};
        for (int i = 0; i < (withCNext ? x.length : x.length - 1); i++) {
            double d = FieldComparison.relativeDifference(g.interior(x[i]), g.interior(y[i]));
            assertTrue(d <= TOLERANCE, after + ": " + names[i] + " differs by " + d + " of its scale");
        }
    }

    static FieldSet copy(FieldSet f) {
        FieldSet c = new FieldSet(f.grid, f.material.clone(), f.singlePotential());
        System.arraycopy(f.xi, 0, c.xi, 0, f.xi.length);
        System.arraycopy(f.c, 0, c.c, 0, f.c.length);
        System.arraycopy(f.phiL, 0, c.phiL, 0, f.phiL.length);
        if (!f.singlePotential()) System.arraycopy(f.phiS, 0, c.phiS, 0, f.phiS.length);
        return c;
    }
}
