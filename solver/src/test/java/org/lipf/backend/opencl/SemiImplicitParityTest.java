package org.lipf.backend.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lipf.cli.RunDriver;
import org.lipf.grid.Parallel;
import org.lipf.scenario.Scenario;
import org.lipf.scenario.ScenarioLoader;
import org.lipf.solver.BackendFactory;
import org.lipf.solver.ImplicitSolve;
import org.lipf.solver.Simulation;

/**
 * Semi-implicit scenarios (docs/MODEL.md section 5.3.2) run the same steps on the CPU and on the
 * OpenCL backend in double precision: every step of the same length with the same retries (the
 * soft-carbon cell's pinned front has the filter's retry test reject steps), and the fields after
 * 12 or 20 steps within the parity tolerance of {@link ScenarioParityTest}, 1e-9 of each field's scale. The implicit
 * solves stop at {@link ImplicitSolve#TOLERANCE} of the right-hand side's Jacobi-scaled norm on both backends with the
 * same iterations to within one in 500 (deflated where the scenario's steps make them so: docs/MODEL.md section
 * 5.3.2): with the same iterations their results differ by round-off only; where a solve ending near its tolerance
 * took one more on one backend, by up to that tolerance (the fields are then compared to ten times it).
 */
class SemiImplicitParityTest {
    static java.util.stream.Stream<Arguments> scenarios() {
        return java.util.stream.Stream.of(
                // 2D, galvanostatic, cubic anisotropy turned by 10 degrees, noise: 32 x 64 cells, a device level before the host's
                Arguments.of("bare-li-lpscl.yaml", Map.of("grid.width", "16 um", "grid.height", "32 um", "geometry.nuclei[0].x", "8 um",
                        "model.anisotropy", "{strength: 0.05, mode: 4, angle: 10 deg}", "time.integrator", "semi_implicit"), 12, false),
                // 3D, galvanostatic, cubic anisotropy: 8 x 8 x 24 cells
                Arguments.of("bare-li-lpscl.yaml", Map.of("grid", "{dimensions: 3, width: 4 um, depth: 4 um, height: 12 um, spacing: 0.5 um}",
                        "geometry.nuclei[0]", "{x: 2 um, y: 2 um, radius: 1.5 um}", "time.integrator", "semi_implicit"), 12, false),
                // a shipped semi-implicit scenario: the LiF film carried by the metal surface
                Arguments.of("lif-50nm.yaml", Map.of("grid.width", "4 um", "grid.height", "8 um", "geometry.layers[0].thickness", "2 um"), 12, false),
                // the soft-carbon interlayer cell (front width 2 cells) on 20 x 80 cells, its host's nucleation closed and
                // the potentials lagged (the dispersed metal and the coupled solve are CPU only), the layer conducting the
                // ions to the Li under it (D 1.5e-13 m^2/s, 0.01 S/m rather than its LiC6 value)
                Arguments.of("sc.yaml", Map.of("grid.width", "2 um", "grid.height", "8 um", "geometry.layers[2].thickness", "1.5 um",
                        "time.integrator", "semi_implicit", "model.nucleation", "{barrier: 0.5 V}", "solver", "{reaction_coupling: lagged}",
                        "materials.soft_carbon.diffusivity", "1.5e-13 m^2/s", "materials.soft_carbon.ionic_conductivity", "0.01 S/m"), 20, false),
                // trend 5's Li / LAGP cell at 0.05 mA/cm^2 on 20 x 80 cells: steps of minutes, the front crossing a Peierls
                // maximum near the 26th step, where the filter's Rayleigh quotient falls below 1/2 and steps are retried
                Arguments.of("li-lagp.yaml", Map.of("control.current_density", "0.05 mA/cm^2", "grid.spacing", "0.5 um", "model.interface_width", "1 um",
                        "time.integrator", "semi_implicit", "time.max_step", "600 s", "time.output_interval", "2 h"), 40, true),
                // the same cell in 3D (8 x 6 x 80 cells: unequal lateral extents), its solves deflated from the first long step
                Arguments.of("li-lagp.yaml", Map.of("grid", "{dimensions: 3, width: 4 um, depth: 3 um, height: 40 um, spacing: 0.5 um}",
                        "control.current_density", "0.05 mA/cm^2", "model.interface_width", "1 um", "time.integrator", "semi_implicit",
                        "time.max_step", "600 s", "time.output_interval", "2 h"), 12, false));
    }

    @ParameterizedTest(name = "{0} {1}, {2} steps")
    @MethodSource("scenarios")
    void semiImplicitStepsAgreeWithTheCpu(String file, Map<String, String> overrides, int steps, boolean retries) throws Exception {
        Scenario s = ScenarioLoader.load(Path.of("..", "scenarios", file), overrides);
        BackendFactory opencl = OpenClTestDevice.backend(Precision.DOUBLE);
        try (Parallel parallel = new Parallel(2);
             Simulation cpu = RunDriver.fresh(s, parallel, null, BackendFactory.CPU);
             Simulation dev = RunDriver.fresh(s, parallel, null, opencl)) {
            // steps end at the time-series rows (ten per output interval), as in lipf run
            final double row = s.time().outputInterval_s() / 10;
            for (int i = 0; i < steps; i++) {
                double t = cpu.state().time_s, untilRow = (Math.floor(t / row + 1e-9) + 1) * row - t;
                cpu.advance(untilRow);
                dev.advance(untilRow);
                double dt = cpu.state().lastStep_s, tol = agreement(cpu, dev);
                assertEquals(dt, dev.state().lastStep_s, tol * dt, "step length of step " + i);
                assertEquals(cpu.state().rejectedSteps, dev.state().rejectedSteps, "retries up to step " + i);
                assertEquals(cpu.backend().lastXiChange(), dev.backend().lastXiChange(), tol * cpu.backend().lastXiChange(), "largest xi change of step " + i);
            }
            org.lipf.grid.Grid g = cpu.grid();
            System.out.printf("%s: %d steps to %.4g s, %d retried, last step %.3g s; OpenCL - CPU: xi %.1e, c %.1e, phi_l %.1e, phi_s %.1e of their scales%n",
                    s.name(), steps, cpu.state().time_s, cpu.state().rejectedSteps, cpu.state().lastStep_s,
                    FieldComparison.relativeDifference(g.interior(cpu.fields().xi), g.interior(dev.fields().xi)),
                    FieldComparison.relativeDifference(g.interior(cpu.fields().c), g.interior(dev.fields().c)),
                    FieldComparison.relativeDifference(g.interior(cpu.fields().phiL), g.interior(dev.fields().phiL)),
                    FieldComparison.relativeDifference(g.interior(cpu.fields().phiS), g.interior(dev.fields().phiS)));
            System.out.printf("%s: implicit PCG iterations CPU %d, OpenCL %d%n", s.name(), cpu.backend().implicitIterations(), dev.backend().implicitIterations());
            // deflated where the steps are long; a solve that ends near its tolerance may take one iteration more on one backend
            long cpuIterations = cpu.backend().implicitIterations();
            assertEquals(cpuIterations, dev.backend().implicitIterations(), Math.max(1, cpuIterations / 500), "implicit PCG iterations");
            assertEquals(retries, cpu.state().rejectedSteps > 0, "whether the case retries steps");
            ScenarioParityTest.assertAgree(cpu, dev, "after " + steps + " semi-implicit steps", agreement(cpu, dev));
        }
    }

    /** Round-off while both backends took the same implicit iterations so far; ten times the solves' tolerance once they did not. */
    private static double agreement(Simulation cpu, Simulation dev) {
        return cpu.backend().implicitIterations() == dev.backend().implicitIterations() ? ScenarioParityTest.TOLERANCE : 10 * ImplicitSolve.TOLERANCE;
    }
}
