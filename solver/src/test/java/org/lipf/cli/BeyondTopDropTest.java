package org.lipf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lipf.cli.CliTestSupport.lastSnapshot;
import static org.lipf.cli.CliTestSupport.lipfOk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lipf.output.Snapshot;

/**
 * The time series' ohmic drop of the electrolyte beyond the window (docs/MODEL.md section 7) is that of the pellet the
 * window is a slice of: its material's conductivity also after an interphase has reached the window's top row, the
 * same in a restarted run, and NaN in the single-potential form (whose counter current is only part of the cell's).
 */
class BeyondTopDropTest {
    /** Li under a thin LAGP window whose reduced interphase (fast here) crosses the window within the run. */
    private static final String LAGP_WINDOW = """
            name: lagp-window
            grid: {dimensions: 2, width: 2 um, height: 8 um, spacing: 0.25 um}
            model: {form: mixed_conductor, temperature: 298.15 K, interface_width: 0.5 um, bulk_concentration: 1.22e4 mol/m^3,
                    nucleation: {barrier: 0.5 V}}
            materials:
              li: {library: li-metal}
              lagp: {library: lagp}
              lagp_reduced: {library: lagp-reduced}
            geometry:
              background: lagp
              electrolyte_beyond_top: 565 um
              layers:
                - {material: li, thickness: 5 um, xi: 1, c: 1}
                - {material: lagp, thickness: rest, c: 1}
            interphases:
              - {material: lagp, product: lagp_reduced, rate_constant: 1e-12 m^2/s}
            control: {mode: galvanostatic, current_density: 0.1 mA/cm^2}
            time: {end: 10 s, output_interval: 2 s, max_step: 0.5 s, integrator: semi_implicit}
            """;

    @TempDir
    Path tmp;

    @Test
    void theDropIsThePelletsAlsoWhereTheInterphaseReachedTheTopAndAfterARestart() throws IOException {
        Path scenario = CliTestSupport.write(tmp, "lagp.yaml", LAGP_WINDOW);
        Path whole = tmp.resolve("whole"), split = tmp.resolve("split");
        lipfOk("run", scenario.toString(), "-o", whole.toString());
        Snapshot end = lastSnapshot(whole);
        int nx = end.shape()[end.shape().length - 1], top = end.material().length - nx;
        assertEquals("lagp_reduced", end.materialNames().get(end.material()[top]), "the interphase reached the window's top row");
        List<String> rows = Files.readAllLines(whole.resolve("timeseries.csv"), StandardCharsets.UTF_8);
        int drop = RunDriver.COLUMNS.indexOf(RunDriver.BEYOND_TOP_DROP), counter = RunDriver.COLUMNS.indexOf("counter_current_A_per_m2");
        for (String row : rows.subList(2, rows.size())) {
            String[] cells = row.split(",", -1);
            // pristine LAGP, 3.25e-4 S/cm at 298.15 K (the library's), not the reduced interphase's 1e-5 S/cm
            double expected = -Double.parseDouble(cells[counter]) * 565e-6 / 0.0325;
            assertEquals(expected, Double.parseDouble(cells[drop]), 1e-12 * Math.abs(expected), row);
        }
        lipfOk("run", scenario.toString(), "-o", split.toString(), "--end-time", "6 s");
        List<Path> snapshots = CliTestSupport.snapshots(split);
        lipfOk("run", scenario.toString(), "-o", split.toString(), "--restart", snapshots.get(snapshots.size() - 1).toString());
        assertEquals(rows, Files.readAllLines(split.resolve("timeseries.csv"), StandardCharsets.UTF_8), "restarted = uninterrupted");
    }

    @Test
    void theSinglePotentialFormHasNoDrop() throws IOException {
        Path scenario = CliTestSupport.write(tmp, "chen.yaml", CliTestSupport.SHORTING_CELL);
        Path run = tmp.resolve("chen");
        lipfOk("run", scenario.toString(), "-o", run.toString(), "--end-time", "0.005 s", "--set", "geometry.electrolyte_beyond_top=100 um");
        List<String> rows = Files.readAllLines(run.resolve("timeseries.csv"), StandardCharsets.UTF_8);
        assertTrue(rows.size() > 2, "rows: " + rows.size());
        for (String row : rows.subList(1, rows.size()))
            assertEquals("NaN", row.split(",", -1)[RunDriver.COLUMNS.indexOf(RunDriver.BEYOND_TOP_DROP)], row);
    }
}
