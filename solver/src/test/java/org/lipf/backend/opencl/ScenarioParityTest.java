package org.lipf.backend.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lipf.cli.RunDriver;
import org.lipf.grid.Grid;
import org.lipf.grid.Parallel;
import org.lipf.model.FieldSet;
import org.lipf.scenario.Scenario;
import org.lipf.scenario.ScenarioLoader;
import org.lipf.solver.BackendFactory;
import org.lipf.solver.Simulation;

/**
 * The shipped scenarios, on tiny grids for a few steps, give the same fields and scalars on the
 * CPU and on the OpenCL backend in double precision: 1e-9 relative to each field's scale (measured on
 * the 3D cell: below 2e-13). The remaining differences are the last bits of exp() and of the summation order of
 * the reductions.
 */
class ScenarioParityTest {
    static final double TOLERANCE = 1e-9;
    static final int STEPS = 8;

    /** Scenario file and the overrides that shrink it to a few hundred cells. */
    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> scenarios() {
        return java.util.stream.Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("bare-li-lpscl.yaml", Map.of("grid.width", "4 um", "grid.height", "12 um",
                        "geometry.nuclei[0].x", "2 um")),
                org.junit.jupiter.params.provider.Arguments.of("chen2015.yaml", Map.of("grid.width", "16 um", "grid.height", "24 um",
                        "geometry.nuclei[0].x", "8 um")),
                // 128 x 64 cells: two multigrid levels on the device before the host takes over
                org.junit.jupiter.params.provider.Arguments.of("chen2015.yaml", Map.of("grid.width", "128 um", "grid.height", "64 um",
                        "geometry.nuclei[0].x", "64 um")),
                // the host's nucleation closed and the potentials lagged (the dispersed metal and the coupled solve are CPU only);
                // the layer then conducts the ions to the Li under it (D 1.5e-13 m^2/s, 0.01 S/m: its LiC6 value could carry
                // only a few mV worth of current there)
                org.junit.jupiter.params.provider.Arguments.of("sc-nano-llzto.yaml", Map.of("grid.width", "1.6 um", "grid.height", "4 um",
                        "geometry.layers[0].thickness", "1 um", "geometry.layers[1].thickness", "0.2 um", "geometry.layers[2].thickness", "2 um",
                        "model.nucleation", "{barrier: 0.5 V}", "solver", "{reaction_coupling: lagged}",
                        "materials.soft_carbon.diffusivity", "1.5e-13 m^2/s", "materials.soft_carbon.ionic_conductivity", "0.01 S/m")),
                // LiF film with cracks carried by the metal surface (OpenCL steps explicitly): the film resistance per column
                org.junit.jupiter.params.provider.Arguments.of("lif-50nm.yaml", Map.of("grid.width", "4 um", "grid.height", "8 um",
                        "geometry.layers[0].thickness", "2 um", "time.integrator", "explicit")),
                // a non-uniform on-metal film (bare spots, thickness field) at 10 mA/cm^2, where its drop matters
                org.junit.jupiter.params.provider.Arguments.of("mgf2-20nm-nonuniform.yaml", Map.of("grid.width", "4 um", "grid.height", "8 um",
                        "geometry.layers[0].thickness", "2 um", "time.integrator", "explicit", "control.current_density", "10 mA/cm^2")),
                // the sub-cell film (effective cells), as before the on-metal films
                org.junit.jupiter.params.provider.Arguments.of("lif-50nm.yaml", Map.of("grid.width", "4 um", "grid.height", "8 um",
                        "geometry.layers[0].thickness", "2 um", "time.integrator", "explicit", "geometry.coatings[0].on_metal", "false",
                        "geometry.coatings[0].subcell", "true")),
                // an interphase fast enough to convert cells within the steps: the host sync and upload of the materials
                org.junit.jupiter.params.provider.Arguments.of("li-lagp.yaml", Map.of("grid.width", "4 um", "grid.height", "8 um",
                        "geometry.layers[0].thickness", "2 um", "interphases[0].rate_constant", "1e-9 m^2/s")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("scenarios")
    void shippedScenarioAgreesWithTheCpu(String file, Map<String, String> overrides) throws Exception {
        assertBackendsAgree(ScenarioLoader.load(Path.of("..", "scenarios", file), overrides));
    }

    /** Starts the scenario on both backends and compares them after start-up and after {@link #STEPS} steps. */
    static void assertBackendsAgree(Scenario s) {
        BackendFactory opencl = OpenClTestDevice.backend(Precision.DOUBLE);
        try (Parallel parallel = new Parallel(2);
             Simulation cpu = RunDriver.fresh(s, parallel, null, BackendFactory.CPU);
             Simulation dev = RunDriver.fresh(s, parallel, null, opencl)) {
            assertAgree(cpu, dev, "after start-up");
            for (int i = 0; i < STEPS; i++) {
                cpu.advance(Double.POSITIVE_INFINITY);
                dev.advance(Double.POSITIVE_INFINITY);
            }
            assertAgree(cpu, dev, "after " + STEPS + " steps");
        }
    }

    /**
     * The bare Li / LPSCl scenario in 3D (8 x 8 x 24 cells): the 3D stencils, y ghosts, the cubic
     * anisotropy and the 3D multigrid, with an even and an odd lateral extent.
     */
    @ParameterizedTest(name = "3D, {0} cells across")
    @org.junit.jupiter.params.provider.ValueSource(ints = {8, 6})
    void threeDimensionalCellAgreesWithTheCpu(int across) throws Exception {
        String width = (across * 0.5) + " um";
        Scenario s = ScenarioLoader.load(Path.of("..", "scenarios", "bare-li-lpscl.yaml"), Map.of("grid", "{dimensions: 3, width: " + width
                + ", depth: " + width + ", height: 12 um, spacing: 0.5 um}", "geometry.nuclei[0]", "{x: 2 um, y: 2 um, radius: 1.5 um}"));
        assertBackendsAgree(s);
    }

    static void assertAgree(Simulation cpu, Simulation dev, String when) {
        assertAgree(cpu, dev, when, TOLERANCE);
    }

    /** As {@link #assertAgree(Simulation, Simulation, String)} to the relative tolerance {@code tol}. */
    static void assertAgree(Simulation cpu, Simulation dev, String when, double tol) {
        FieldSet a = cpu.fields(), b = dev.fields();
        Grid g = a.grid;
        org.junit.jupiter.api.Assertions.assertArrayEquals(g.interior(a.material), g.interior(b.material), "material ids " + when);
        assertField(g.interior(a.xi), g.interior(b.xi), "xi " + when, tol);
        assertField(g.interior(a.c), g.interior(b.c), "c " + when, tol);
        assertField(g.interior(a.phiL), g.interior(b.phiL), "phi_l " + when, tol);
        assertField(g.interior(a.phiS), g.interior(b.phiS), "phi_s " + when, tol);
        assertEquals(cpu.state().step, dev.state().step, "step " + when);
        assertEquals(cpu.state().time_s, dev.state().time_s, tol * cpu.state().time_s, "time " + when);
        assertEquals(cpu.state().cellVoltage_V, dev.state().cellVoltage_V, tol * Math.max(1, Math.abs(cpu.state().cellVoltage_V)), "voltage " + when);
        assertEquals(cpu.state().reactionCurrent_A_per_m2, dev.state().reactionCurrent_A_per_m2,
                Math.max(1e-6, tol) * Math.max(1, Math.abs(cpu.state().reactionCurrent_A_per_m2)), "current " + when);
    }

    static void assertField(double[] a, double[] b, String what) {
        assertField(a, b, what, TOLERANCE);
    }

    private static void assertField(double[] a, double[] b, String what, double tol) {
        double d = FieldComparison.relativeDifference(a, b);
        assertTrue(d <= tol, what + ": relative difference " + d + " > " + tol);
    }
}
