package org.lipf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lipf.cli.CliTestSupport.lipf;
import static org.lipf.cli.CliTestSupport.lipfOk;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lipf.output.RunInfo;
import org.lipf.output.TimeSeries;

/**
 * The lagged coupling (docs/MODEL.md section 5.4.1) on a Li / LPSCl cell with 38 um of pellet: potentiostatic at
 * -0.05 V it carries the coupled solve's current; at -0.3 V, where the pellet's resistance times the reaction's
 * conductance is several times 1, its first solve drives the ionic potential to twice the applied voltage, and the run
 * stops there with the setting that solves it, instead of growing a crack (or voids) at that overpotential; so does a
 * galvanostatic run at 5 mA/cm^2 with an exchange current of 300 mA/cm^2 in a 20 um window (whose lateral modes the
 * control does not hold; such a run "shorted" at +0.03 V before).
 */
class LaggedCouplingTest {
    @TempDir
    Path tmp;

    /** Width, exchange-current settings, control, end, coupling. */
    private static final String CELL = """
            name: lagged
            grid: {dimensions: 2, width: %s um, height: 40 um, spacing: 0.5 um}
            model: {form: mixed_conductor, interface_width: 1 um}
            materials:
              li: {library: li-metal%2$s}
              lpscl: {library: lpscl-pellet%2$s}
            geometry:
              background: lpscl
              layers:
                - {material: li, thickness: 2 um, xi: 1, c: 1}
                - {material: lpscl, thickness: rest, c: 1}
            control: %3$s
            time: {end: %4$s s, output_interval: 0.5 s, max_step: 0.01 s}
            solver: {reaction_coupling: %5$s}
            """;

    private static final String POTENTIOSTATIC = "{mode: potentiostatic, voltage: %s V}";
    private static final String FAST_KINETICS = ", exchange_current_density: 300 mA/cm^2, exchange_current_activation_energy: 0 eV";

    @Test
    void atASmallOverpotentialTheLaggedCouplingCarriesTheCoupledSolvesCurrent() throws IOException {
        String cell = CELL.formatted("4", "", POTENTIOSTATIC.formatted("-0.05"), "1", "%s");
        double lagged = finalCurrent(cell, "lagged", 1), implicit = finalCurrent(cell, "implicit", 1);
        // 0.5 %: the lagged source is a step behind (measured 0.07 %)
        assertEquals(implicit, lagged, 0.005 * implicit, "current density after 1 s");
    }

    /** The coupled solve runs each cell past the step where the lagged one stopped (the galvanostatic one for 0.05 s: 2 minutes for 1 s). */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"potentiostatic", "galvanostatic"})
    void whereTheLaggedCouplingDivergesTheRunStopsAndSaysWhichSettingSolvesIt(String control) throws IOException {
        boolean potentiostatic = control.equals("potentiostatic");
        String cell = potentiostatic ? CELL.formatted("4", "", POTENTIOSTATIC.formatted("-0.3"), "1", "%s")
                : CELL.formatted("20", FAST_KINETICS, "{mode: galvanostatic, current_density: 5 mA/cm^2}", "0.05", "%s");
        Path dir = tmp.resolve("lagged-" + control);
        CliTestSupport.Result r = lipf("run", CliTestSupport.write(tmp, "lagged.yaml", cell.formatted("lagged")).toString(), "-o", dir.toString());
        assertEquals(Lipf.EXIT_FAILED, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("lagged by a step diverged") && r.stderr().contains("reaction_coupling: implicit"), r.stderr());
        RunInfo.Data info = RunInfo.read(dir.resolve(RunInfo.FILE_NAME)).data();
        assertEquals(RunInfo.Status.FAILED, info.status(), "not a short: " + info.reason());
        assertTrue(finalCurrent(cell, "implicit", potentiostatic ? 1 : 0.05) > 0, "the coupled solve runs the cell to its end, plating");
    }

    /** The current density at the end of a run of {@code cell} (with its coupling left as %s) with the given coupling. */
    private double finalCurrent(String cell, String coupling, double end_s) throws IOException {
        Path dir = tmp.resolve(coupling + Math.abs(cell.hashCode()));
        lipfOk("run", CliTestSupport.write(tmp, dir.getFileName() + ".yaml", cell.formatted(coupling)).toString(), "-o", dir.toString());
        TimeSeries series = TimeSeries.read(dir.resolve("timeseries.csv"));
        double[] time = series.values("time_s"), current = series.values("current_density_A_per_m2");
        assertEquals(end_s, time[time.length - 1], 1e-9, "the run reached its end");
        return current[current.length - 1];
    }
}
