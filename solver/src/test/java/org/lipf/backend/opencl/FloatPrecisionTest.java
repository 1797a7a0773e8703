package org.lipf.backend.opencl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lipf.cli.RunDriver;
import org.lipf.grid.Grid;
import org.lipf.grid.Parallel;
import org.lipf.model.FieldSet;
import org.lipf.scenario.Scenario;
import org.lipf.scenario.ScenarioLoader;
import org.lipf.solver.Simulation;

/**
 * The OpenCL backend in single precision against double precision on the same device: the bare
 * Li / LPSCl scenario on a small 2D and 3D grid, and with semi-implicit steps in 2D (whose implicit
 * solves stop at 1e-5 of the right-hand side in single precision), run to the same time. The test prints the error of xi and c
 * relative to their scales and of the potentials in volts, and bounds them (single precision rounds
 * by 2^-24 = 6e-8 per operation).
 */
class FloatPrecisionTest {
    /** Largest accepted error of xi and c in single precision, relative to each field's scale, after the run. */
    static final double FIELD_BOUND = 1e-5;
    /**
     * Largest accepted error of the potentials and the cell voltage, V: 0.5 mV, 1/50 of RT/F. The
     * galvanostatic control stops at a residual that single-precision sums of the reaction rates
     * resolve only to about 1e-6 of their magnitude (measured: 0.05 mV in 2D, 0.2 mV in 3D).
     */
    static final double POTENTIAL_BOUND_V = 5e-4;

    static java.util.stream.Stream<Arguments> cases() {
        String grid2D = "{dimensions: 2, width: 4 um, height: 12 um, spacing: 0.5 um}";
        return java.util.stream.Stream.of(Arguments.of(grid2D, "explicit"),
                Arguments.of("{dimensions: 3, width: 4 um, depth: 4 um, height: 12 um, spacing: 0.5 um}", "explicit"), Arguments.of(grid2D, "semi_implicit"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void singlePrecisionStaysWithinItsStatedErrorOfDouble(String grid, String integrator) throws Exception {
        Scenario s = ScenarioLoader.load(Path.of("..", "scenarios", "bare-li-lpscl.yaml"), Map.of("grid", grid, "time.integrator", integrator,
                "geometry.nuclei[0]", grid.contains("depth") ? "{x: 2 um, y: 2 um, radius: 1.5 um}" : "{x: 2 um, radius: 1.5 um}"));
        OpenClDevices.Device device = OpenClTestDevice.require();
        try (Parallel parallel = new Parallel(2);
             Simulation dbl = RunDriver.fresh(s, parallel, null, OpenClBackend.factory(device, Precision.DOUBLE));
             Simulation flt = RunDriver.fresh(s, parallel, null, OpenClBackend.factory(device, Precision.FLOAT))) {
            double end = 40 * dbl.state().nextStep_s;
            runTo(dbl, end);
            runTo(flt, end);
            FieldSet a = dbl.fields(), b = flt.fields();
            Grid g = a.grid;
            double xi = FieldComparison.relativeDifference(g.interior(a.xi), g.interior(b.xi));
            double c = FieldComparison.relativeDifference(g.interior(a.c), g.interior(b.c));
            double phiL = maxAbsDifference(g.interior(a.phiL), g.interior(b.phiL)), phiS = maxAbsDifference(g.interior(a.phiS), g.interior(b.phiS));
            double voltage = Math.abs(dbl.state().cellVoltage_V - flt.state().cellVoltage_V);
            String report = String.format("float vs double after %d steps: xi %.2e and c %.2e of their scales; phi_l %.2e V, phi_s %.2e V, cell voltage %.2e V",
                    dbl.state().step, xi, c, phiL, phiS, voltage);
            System.out.println(report);
            assertTrue(xi <= FIELD_BOUND && c <= FIELD_BOUND, report + ": xi or c beyond " + FIELD_BOUND);
            assertTrue(phiL <= POTENTIAL_BOUND_V && phiS <= POTENTIAL_BOUND_V && voltage <= POTENTIAL_BOUND_V,
                    report + ": a potential beyond " + POTENTIAL_BOUND_V + " V");
        }
    }

    private static double maxAbsDifference(double[] a, double[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
        return d;
    }

    private static void runTo(Simulation sim, double t_s) {
        while (sim.state().time_s < t_s * (1 - 1e-12)) sim.advance(t_s - sim.state().time_s);
    }
}
