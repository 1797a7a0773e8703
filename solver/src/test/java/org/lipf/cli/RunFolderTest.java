package org.lipf.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lipf.cli.CliTestSupport.FIELDS;
import static org.lipf.cli.CliTestSupport.lipfOk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lipf.cli.CliTestSupport.Result;
import org.lipf.output.Snapshot;
import org.lipf.output.SnapshotReader;
import org.lipf.scenario.Scenario;
import org.lipf.scenario.ScenarioLoader;

/** A run writes its whole run folder: scenario.yaml, run.json, timeseries.csv, snapshots/, fields.xdmf. */
class RunFolderTest {
    @TempDir
    Path tmp;

    /**
     * With part of a pellet beyond the window, the time series gives its ohmic drop at every row: the counter current
     * times the thickness over the top row's ionic conductivity (the cell's LPSCl, 0.25 S/m), with the cell voltage's
     * sign (to round-off).
     */
    @Test
    void theTimeSeriesGivesTheOhmicDropOfTheElectrolyteBeyondTheWindow() throws IOException {
        Path file = CliTestSupport.write(tmp, "cell.yaml", CliTestSupport.CELL_2D);
        Path run = tmp.resolve("beyond");
        lipfOk("run", file.toString(), "-o", run.toString(), "--set", "geometry.electrolyte_beyond_top=700 um");
        List<String> lines = Files.readAllLines(run.resolve("timeseries.csv"), StandardCharsets.UTF_8);
        int drop = RunDriver.COLUMNS.indexOf(RunDriver.BEYOND_TOP_DROP), counter = RunDriver.COLUMNS.indexOf("counter_current_A_per_m2");
        int plating = 0;
        for (String row : lines.subList(1, lines.size())) {
            String[] cells = row.split(",", -1);
            double i = Double.parseDouble(cells[counter]), expected = -i * 700e-6 / 0.25;
            assertEquals(expected, Double.parseDouble(cells[drop]), 1e-15 * Math.abs(expected), row);
            if (i > 100) plating++;
        }
        // the cell plates at 50 mA/cm^2: a drop of -1.4 V across 700 um of LPSCl
        assertTrue(plating > 10, "rows at the set current: " + plating);
    }

    @Test
    void runWritesEveryFileOfTheRunFolder() throws IOException {
        Path file = CliTestSupport.write(tmp, "cell.yaml", CliTestSupport.CELL_2D);
        Path run = tmp.resolve("run");
        Result r = lipfOk("run", file.toString(), "-o", run.toString(), "--threads", "2");
        assertTrue(r.stderr().contains("finished"), r.stderr());

        // scenario.yaml: the resolved scenario, which loads back into an equal one
        Scenario original = ScenarioLoader.load(file, Map.of());
        assertEquals(original, ScenarioLoader.load(run.resolve("scenario.yaml"), Map.of()));

        // run.json
        JsonNode info = new ObjectMapper().readTree(run.resolve("run.json").toFile());
        assertEquals("finished", info.get("status").asText());
        assertEquals("cpu", info.get("backend").asText());
        assertEquals(2, info.get("threads").asInt());
        assertTrue(info.hasNonNull("start_time") && info.hasNonNull("end_time"), info.toString());
        assertTrue(info.hasNonNull("version"), info.toString());

        // timeseries.csv: the driver's columns, increasing times up to the end time
        List<String> lines = Files.readAllLines(run.resolve("timeseries.csv"), StandardCharsets.UTF_8);
        assertEquals(String.join(",", RunDriver.COLUMNS), lines.get(0));
        assertTrue(lines.size() > 10, "rows: " + lines.size());
        double last = Double.NEGATIVE_INFINITY;
        for (String row : lines.subList(1, lines.size())) {
            String[] cells = row.split(",", -1);
            assertEquals(RunDriver.COLUMNS.size(), cells.length, row);
            double t = Double.parseDouble(cells[0]);
            assertTrue(t > last, "times increase: " + t + " after " + last);
            last = t;
            assertEquals("0", cells[RunDriver.COLUMNS.indexOf("short")], "no short: " + row);
            assertEquals("0", cells[RunDriver.COLUMNS.indexOf("implicit_iterations")], "explicit steps solve nothing implicitly: " + row);
            assertEquals("0", cells[RunDriver.COLUMNS.indexOf(RunDriver.BEYOND_TOP_DROP)], "no electrolyte beyond the window: " + row);
        }
        assertEquals(0.0, Double.parseDouble(lines.get(1).split(",")[0]), 0.0, "first row at t = 0");
        assertEquals(original.time().end_s(), last, 1e-12, "last row at the end time");

        // snapshots: readable, every field, the material ids and names, the state attributes
        List<Path> snaps = CliTestSupport.snapshots(run);
        assertTrue(snaps.size() >= 5, "t = 0 and every 0.01 s to 0.04 s: " + snaps);
        double previous = -1;
        for (Path p : snaps) {
            Snapshot s = SnapshotReader.read(p);
            assertEquals(p.getFileName().toString(), String.format("step_%08d.h5", s.step()));
            assertArrayEquals(new int[] {32, 16}, s.shape(), "[z][x] shape");
            assertEquals(2.5e-7, s.dx_m(), 1e-20);
            assertEquals(List.copyOf(s.fields().keySet()), FIELDS, "float64 datasets");
            assertEquals(List.of("li", "lpscl"), s.materialNames());
            assertEquals(512, s.material().length);
            assertTrue(s.time_s() > previous, "snapshot times increase");
            previous = s.time_s();
            for (String key : List.of("next_step_s", "last_step_s", "passed_charge_C_per_m2", "initial_metal_volume_m", "counter_current_A_per_m2"))
                assertTrue(s.extras().get(key) instanceof Double, key + " in " + s.extras());
            assertTrue(s.extras().get("rejected_steps") instanceof Long, "rejected_steps in " + s.extras());
            assertEquals("mixed_conductor", s.extraString("model_form"));
            for (double v : s.field("xi")) assertTrue(Double.isFinite(v));
        }
        Snapshot first = SnapshotReader.read(snaps.get(0)), end = SnapshotReader.read(snaps.get(snaps.size() - 1));
        assertEquals(0, first.step());
        assertEquals(0.0, first.time_s(), 0.0);
        assertEquals(original.time().end_s(), end.time_s(), 1e-12);
        assertEquals(500.0, end.appliedCurrent_A_per_m2(), 1.0, "galvanostatic 50 mA/cm^2");
        assertTrue(end.cellVoltage_V() < 0, "plating voltage " + end.cellVoltage_V());

        // fields.xdmf names every snapshot
        String xdmf = Files.readString(run.resolve("fields.xdmf"));
        for (Path p : snaps) {
            String name = p.getFileName().toString();
            for (String ds : List.of("xi", "c", "phi_l", "phi_s", "material"))
                assertTrue(xdmf.contains("snapshots/" + name + ":/" + ds), "fields.xdmf names " + name + ":/" + ds);
        }
        assertEquals(snaps.size(), xdmf.split("<Time ", -1).length - 1, "one time step per snapshot");
    }

    @Test
    void theLimitsOfTheCommandLineGoIntoTheResolvedScenarioAndItRepeatsTheRun() throws IOException {
        Path file = CliTestSupport.write(tmp, "cell.yaml", CliTestSupport.CELL_2D);
        Path run = tmp.resolve("run");
        lipfOk("run", file.toString(), "-o", run.toString(), "--threads", "1", "--end-time", "15 ms", "--max-steps", "500");
        Scenario original = ScenarioLoader.load(file, Map.of()), resolved = ScenarioLoader.load(run.resolve("scenario.yaml"), Map.of());
        assertEquals(0.015, resolved.time().end_s(), 0.0);
        assertEquals(500, resolved.time().maxSteps());
        assertEquals(original.time().outputInterval_s(), resolved.time().outputInterval_s(), 0.0, "the output interval is the scenario's");
        assertEquals(original.time().maxStep_s(), resolved.time().maxStep_s(), 0.0, "the largest step is the scenario's");

        Path again = tmp.resolve("again");
        lipfOk("run", run.resolve("scenario.yaml").toString(), "-o", again.toString(), "--threads", "1");
        assertEquals(Files.readAllLines(run.resolve("timeseries.csv")), Files.readAllLines(again.resolve("timeseries.csv")));

        for (String[] bad : new String[][] {{"--end-time", "-1"}, {"--end-time", "2 V"}, {"--max-steps", "0"}}) {
            Result r = CliTestSupport.lipf("run", file.toString(), "-o", tmp.resolve("bad").toString(), bad[0], bad[1]);
            assertEquals(2, r.exitCode(), r.stderr());
            assertTrue(r.stderr().contains(bad[0]), r.stderr());
        }
    }

    @Test
    void runThatShortsEndsWithStatusShorted() throws IOException {
        Path file = CliTestSupport.write(tmp, "shorting.yaml", CliTestSupport.SHORTING_CELL);
        Path run = tmp.resolve("run");
        Result r = lipfOk("run", file.toString(), "-o", run.toString(), "--threads", "2");
        assertEquals(0, r.exitCode());
        assertTrue(r.stderr().contains("shorted"), r.stderr());

        JsonNode info = new ObjectMapper().readTree(run.resolve("run.json").toFile());
        assertEquals("shorted", info.get("status").asText(), info.toString());
        assertTrue(info.get("reason").asText().contains("short"), info.toString());
        JsonNode results = info.get("results");
        double t = results.get("short_time_s").asDouble();
        assertTrue(t > 0 && t < 1, "short time " + t);
        JsonNode where = results.get("short_location_m");
        assertEquals(3, where.size(), where.toString());
        double x = where.get(0).asDouble(), z = where.get(2).asDouble();
        assertTrue(x >= 0 && x <= 8e-6, "x " + x);
        assertTrue(z > 6e-6 && z < 8e-6, "the short closes at the top: z " + z);
        assertTrue(results.has("short_current_A_per_m2"), results.toString());

        // the run stopped there: last row flagged, a snapshot at the short
        List<String> lines = Files.readAllLines(run.resolve("timeseries.csv"), StandardCharsets.UTF_8);
        String[] lastRow = lines.get(lines.size() - 1).split(",", -1);
        assertEquals("1", lastRow[RunDriver.COLUMNS.indexOf("short")]);
        assertEquals(t, Double.parseDouble(lastRow[0]), 0.0);
        assertEquals(t, CliTestSupport.lastSnapshot(run).time_s(), 0.0);
        JsonNode summary = new ObjectMapper().readTree(run.resolve("results.json").toFile());
        assertTrue(summary.get("shorted").asBoolean(), summary.toString());
        assertEquals(t, summary.get("time_to_short_s").asDouble(), 0.0);
        assertEquals(3, summary.get("short_location_m").size(), summary.toString());
        assertTrue(info.get("reason").asText().matches("short circuit at t = \\S+ s, x = \\S+ um, z = \\S+ um: .*"), info.toString());
    }

    /** In 3D the reason names all three coordinates of the short. */
    @Test
    void a3DShortIsLocatedInAllThreeCoordinates() throws IOException {
        Path file = CliTestSupport.write(tmp, "shorting.yaml", CliTestSupport.SHORTING_CELL);
        Path run = tmp.resolve("run3d");
        lipfOk("run", file.toString(), "-o", run.toString(), "--set", "grid={dimensions: 3, width: 4 um, depth: 4 um, height: 8 um, spacing: 0.5 um}",
                "--set", "geometry.nuclei=[{x: 2 um, y: 2 um, radius: 3 um}]");
        JsonNode info = new ObjectMapper().readTree(run.resolve("run.json").toFile());
        assertEquals("shorted", info.get("status").asText(), info.toString());
        assertTrue(info.get("reason").asText().matches("short circuit at t = \\S+ s, x = \\S+ um, y = \\S+ um, z = \\S+ um: .*"), info.toString());
    }
}
