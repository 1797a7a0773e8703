package org.lipf.backend.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lipf.cli.RunDriver;
import org.lipf.grid.Parallel;
import org.lipf.scenario.Scenario;
import org.lipf.scenario.ScenarioLoader;
import org.lipf.solver.BackendFactory;
import org.lipf.solver.ImplicitSolve;
import org.lipf.solver.Simulation;

/**
 * The OpenCL backend deflates the fronts' translation modes in its capillary filter's solves as the CPU
 * does (docs/MODEL.md section 5.3.2): trend 5's Li / LAGP cell at steps of minutes (dt L_sigma kappa0 /
 * dx^2 in the thousands) runs the same 40 steps, retries included, with and without the deflation, the two
 * within ten times the solves' tolerance (deflated and plain PCG are different iterations, whose results
 * differ by up to the tolerance they stop at: 2e-7 of a step's length at 1e-6), and the deflated
 * run takes fewer implicit iterations (785 against 929 measured on PoCL; the Nernst-Planck solves are not
 * deflated). In single precision too, run to the same time (4 h): 688 against 784 iterations, the runs 2.5e-6
 * of xi's scale and 4e-8 V apart (its solves stop at 1e-5). {@link SemiImplicitParityTest} checks the deflated device run
 * against the CPU's, iteration for iteration.
 */
class DeviceFrontDeflationTest {
    /** How far apart two runs whose implicit solves stop at the same tolerance may end, relative. */
    private static final double SOLVES = 10 * ImplicitSolve.TOLERANCE;

    /** Trend 5's Li / LAGP cell at 0.05 mA/cm^2, 0.5 um cells, semi-implicit steps of up to 10 minutes, with or without the deflation. */
    private static Scenario lagp(boolean deflate) throws Exception {
        Map<String, String> overrides = new HashMap<>(Map.of("control.current_density", "0.05 mA/cm^2", "grid.spacing", "0.5 um",
                "model.interface_width", "1 um", "time.integrator", "semi_implicit", "time.max_step", "600 s", "time.output_interval", "2 h"));
        overrides.put("solver.front_deflation", Boolean.toString(deflate));
        return ScenarioLoader.load(Path.of("..", "scenarios", "li-lagp.yaml"), overrides);
    }

    @Test
    void deflatedAndPlainDeviceSolvesGiveTheSameRun() throws Exception {
        BackendFactory opencl = OpenClTestDevice.backend(Precision.DOUBLE);
        Scenario deflated = lagp(true), plain = lagp(false);
        try (Parallel parallel = new Parallel(2);
             Simulation a = RunDriver.fresh(plain, parallel, null, opencl);
             Simulation b = RunDriver.fresh(deflated, parallel, null, opencl)) {
            final double row = deflated.time().outputInterval_s() / 10;
            for (int i = 0; i < 40; i++) {
                double t = a.state().time_s, untilRow = (Math.floor(t / row + 1e-9) + 1) * row - t;
                a.advance(untilRow);
                b.advance(untilRow);
                assertEquals(a.state().lastStep_s, b.state().lastStep_s, SOLVES * a.state().lastStep_s, "step length of step " + i);
            }
            long plainIterations = a.backend().implicitIterations(), deflatedIterations = b.backend().implicitIterations();
            System.out.printf("li-lagp on OpenCL, 40 steps: implicit PCG iterations %d plain, %d deflated%n", plainIterations, deflatedIterations);
            a.backend().download();
            b.backend().download();
            ScenarioParityTest.assertAgree(a, b, "after 40 steps, plain against deflated", SOLVES);
            assertTrue(deflatedIterations <= 0.9 * plainIterations, "implicit iterations: deflated " + deflatedIterations + ", plain " + plainIterations);
        }
    }

    @Test
    void singlePrecisionDeflatesToo() throws Exception {
        Scenario deflated = lagp(true), plain = lagp(false);
        try (Parallel parallel = new Parallel(2);
             Simulation a = RunDriver.fresh(plain, parallel, null, OpenClTestDevice.backend(Precision.FLOAT));
             Simulation b = RunDriver.fresh(deflated, parallel, null, OpenClTestDevice.backend(Precision.FLOAT))) {
            // the adaptive steps differ once the float solves do: both run to the same time, 4 h
            for (Simulation sim : new Simulation[] {a, b})
                while (sim.state().time_s < 4 * 3600 - 1e-6) sim.advance(4 * 3600 - sim.state().time_s);
            a.backend().download();
            b.backend().download();
            var g = a.grid();
            long plainIterations = a.backend().implicitIterations(), deflatedIterations = b.backend().implicitIterations();
            double xi = FieldComparison.relativeDifference(g.interior(a.fields().xi), g.interior(b.fields().xi));
            double c = FieldComparison.relativeDifference(g.interior(a.fields().c), g.interior(b.fields().c));
            double voltage = Math.abs(a.state().cellVoltage_V - b.state().cellVoltage_V);
            System.out.printf("li-lagp in float, 4 h: implicit iterations %d plain, %d deflated; xi %.1e, c %.1e of their scales, voltage %.2e V apart%n",
                    plainIterations, deflatedIterations, xi, c, voltage);
            // the float solves stop at 1e-5 of the right-hand side: the two runs may differ by that much
            assertTrue(xi < 1e-5 && c < 1e-5 && voltage < 1e-6, "plain and deflated float runs: xi " + xi + ", c " + c + ", voltage " + voltage + " V");
            assertTrue(deflatedIterations < plainIterations, "implicit iterations in float: deflated " + deflatedIterations + ", plain " + plainIterations);
        }
    }
}
