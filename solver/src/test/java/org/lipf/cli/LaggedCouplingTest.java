package org.lipf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lipf.cli.CliTestSupport.lipf;
import static org.lipf.cli.CliTestSupport.lipfOk;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lipf.output.RunInfo;
import org.lipf.output.TimeSeries;

/**
 * The lagged coupling under potentiostatic control (docs/MODEL.md section 5.4.1) on a Li / LPSCl cell with 38 um of
 * pellet: at -0.05 V it carries the coupled solve's current; at -0.3 V, where the pellet's resistance times the
 * reaction's conductance is several times 1, its first solve drives the ionic potential to twice the applied voltage,
 * and the run stops there with the setting that solves it, instead of growing a crack (or voids) at that overpotential.
 */
class LaggedCouplingTest {
    @TempDir
    Path tmp;

    private static final String CELL = """
            name: lagged
            grid: {dimensions: 2, width: 4 um, height: 40 um, spacing: 0.5 um}
            model: {form: mixed_conductor, interface_width: 1 um}
            materials:
              li: {library: li-metal}
              lpscl: {library: lpscl-pellet}
            geometry:
              background: lpscl
              layers:
                - {material: li, thickness: 2 um, xi: 1, c: 1}
                - {material: lpscl, thickness: rest, c: 1}
            control: {mode: potentiostatic, voltage: %s V}
            time: {end: 1 s, output_interval: 0.5 s, max_step: 0.01 s}
            solver: {reaction_coupling: %s}
            """;

    @Test
    void atASmallOverpotentialTheLaggedCouplingCarriesTheCoupledSolvesCurrent() throws IOException {
        double lagged = finalCurrent("-0.05", "lagged"), implicit = finalCurrent("-0.05", "implicit");
        // 0.5 %: the lagged source is a step behind (measured 0.07 %)
        assertEquals(implicit, lagged, 0.005 * implicit, "current density after 1 s");
    }

    @Test
    void whereTheLaggedCouplingDivergesTheRunStopsAndSaysWhichSettingSolvesIt() throws IOException {
        Path dir = tmp.resolve("lagged-0.3");
        CliTestSupport.Result r = lipf("run", CliTestSupport.write(tmp, "lagged.yaml", CELL.formatted("-0.3", "lagged")).toString(), "-o", dir.toString());
        assertEquals(Lipf.EXIT_FAILED, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("lagged by a step diverged") && r.stderr().contains("reaction_coupling: implicit"), r.stderr());
        RunInfo.Data info = RunInfo.read(dir.resolve(RunInfo.FILE_NAME)).data();
        assertEquals(RunInfo.Status.FAILED, info.status(), "not a short: " + info.reason());
        assertTrue(finalCurrent("-0.3", "implicit") > 0, "the coupled solve runs the cell to its end, plating");
    }

    private double finalCurrent(String voltage, String coupling) throws IOException {
        Path dir = tmp.resolve(coupling + voltage);
        lipfOk("run", CliTestSupport.write(tmp, coupling + voltage + ".yaml", CELL.formatted(voltage, coupling)).toString(), "-o", dir.toString());
        TimeSeries series = TimeSeries.read(dir.resolve("timeseries.csv"));
        double[] time = series.values("time_s"), current = series.values("current_density_A_per_m2");
        assertEquals(1, time[time.length - 1], 1e-9, "the run reached its end");
        return current[current.length - 1];
    }
}
