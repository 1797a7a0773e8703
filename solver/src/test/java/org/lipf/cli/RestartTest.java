package org.lipf.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lipf.cli.CliTestSupport.FIELDS;
import static org.lipf.cli.CliTestSupport.lastSnapshot;
import static org.lipf.cli.CliTestSupport.lipfOk;
import static org.lipf.cli.CliTestSupport.snapshots;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.lipf.output.Snapshot;
import org.lipf.output.SnapshotReader;

/** A run restarted from a snapshot reproduces the uninterrupted run bit for bit. */
class RestartTest {
    private static final String END = "0.04";
    private static final String MIDDLE = "0.02";

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"explicit", "semi_implicit", "semi_implicit dispersed", "semi_implicit host faces"})
    void restartedRunEqualsUninterruptedRun(String variant) throws IOException {
        String yaml = CliTestSupport.CELL_2D.replace("time: {", "time: {integrator: " + variant.split(" ")[0] + ", ");
        // a leaky electrolyte (1 S/m) nucleates dispersed metal (docs/MODEL.md section 3.6) at the default barrier
        if (variant.endsWith("dispersed"))
            yaml = yaml.replace("seed: 5}}", "seed: 5}, nucleation: {into: dispersed}}")
                    .replace("electronic_conductivity: 1.6e-6 S/m", "electronic_conductivity: 1 S/m") + "solver: {reaction_coupling: implicit}\n";
        // the host's face collects Li from 0.11 s on: restarted at 0.12 s
        final boolean faces = variant.endsWith("faces");
        if (faces) yaml = CliTestSupport.hostFaceCell();
        final String end = faces ? "0.16" : END, middleTime = faces ? "0.12" : MIDDLE;
        Path scenario = CliTestSupport.write(tmp, "cell.yaml", yaml);
        Path whole = tmp.resolve("whole");
        runCell(scenario, whole, 2, end, null);
        assertTrue(snapshots(whole).size() >= 4, "several snapshots expected: " + snapshots(whole));

        Path split = tmp.resolve("split");
        runCell(scenario, split, 2, middleTime, null);
        Path middle = last(snapshots(split));
        double restartTime = SnapshotReader.read(middle).time_s();
        assertEquals(Double.parseDouble(middleTime), restartTime, 1e-12);
        assertTrue(restartTime < lastSnapshot(whole).time_s());
        assertTrue(snapshots(whole).stream().anyMatch(p -> p.getFileName().equals(middle.getFileName())),
                "the uninterrupted run wrote the middle snapshot " + middle.getFileName() + " too: " + snapshots(whole));
        double[] xiAtRestart = SnapshotReader.read(middle).field("xi");
        if (faces)
            assertTrue(java.util.Arrays.stream(SnapshotReader.read(middle).field(RunDriver.FACE_LI_FIELD)).max().orElse(0) > 0, "Li at the host's face at the restart");
        runCell(scenario, split, 2, end, middle);
        assertTrue(Files.readString(split.resolve("run.json")).contains("\"restarted_from\""), "run.json records the restart");
        assertFalse(java.util.Arrays.equals(xiAtRestart, lastSnapshot(split).field("xi")), "the phase field moved after the restart");

        assertSameFinalState(whole, split);
        assertSameRowsAfter(whole, split, restartTime);
        assertEquals(names(snapshots(whole)), names(snapshots(split)));
    }

    /**
     * A potentiostatic scenario restarted with another voltage continues at its own voltage (the snapshot's was held
     * before), from potentials solved at it, and says so; the snapshot's voltage continues bit for bit (above).
     */
    @Test
    void aPotentiostaticRestartHoldsTheScenariosVoltage() throws IOException {
        String yaml = CliTestSupport.CELL_2D.replace("control: {mode: galvanostatic, current_density: 50 mA/cm^2}", "control: {mode: potentiostatic, voltage: -0.02 V}");
        assertTrue(yaml.contains("potentiostatic"));
        Path scenario = CliTestSupport.write(tmp, "cell.yaml", yaml);
        Path run = tmp.resolve("run");
        runCell(scenario, run, 2, MIDDLE, null);
        Path middle = last(snapshots(run));
        // the lagged phi_l follows from the snapshot's step alone: the same at the new voltage, phi_s moved by the change
        Snapshot snap = SnapshotReader.read(middle);
        org.lipf.scenario.Scenario changed = org.lipf.scenario.ScenarioLoader.load(scenario, java.util.Map.of("control.voltage", "-0.04 V"));
        try (org.lipf.grid.Parallel serial = org.lipf.grid.Parallel.serial(); org.lipf.solver.Simulation sim = RunDriver.restore(changed, snap, serial)) {
            double[] phiL = sim.grid().interior(sim.fields().phiL), was = snap.field("phi_l");
            double span = java.util.Arrays.stream(was).max().orElse(0) - java.util.Arrays.stream(was).min().orElse(0);
            assertTrue(span > 1e-3, "the snapshot's electrolyte carries an ohmic drop: " + span + " V");
            for (int c = 0; c < phiL.length; c++) assertEquals(was[c], phiL[c], 1e-6 * span + 1e-12, "phi_l at cell " + c);
        }
        CliTestSupport.Result r = lipfOk("run", scenario.toString(), "-o", run.toString(), "--threads", "2", "--end-time", END, "--restart", middle.toString(),
                "--set", "control.voltage=-0.04 V");
        assertTrue(r.stderr().contains("the snapshot's cell voltage was -0.02 V; the run continues at the scenario's -0.04 V"), r.stderr());
        org.lipf.output.TimeSeries series = org.lipf.output.TimeSeries.read(run.resolve("timeseries.csv"));
        double[] time = series.values("time_s"), voltage = series.values("cell_voltage_V"), current = series.values("current_density_A_per_m2");
        double before = Double.NaN;
        for (int i = 0; i < time.length; i++) {
            if (time[i] <= Double.parseDouble(MIDDLE)) {
                assertEquals(-0.02, voltage[i], 0.0, "before the restart, t = " + time[i]);
                before = current[i];
            } else assertEquals(-0.04, voltage[i], 0.0, "after the restart, t = " + time[i]);
        }
        assertTrue(current[time.length - 1] > 1.5 * before, "twice the overpotential draws more current: " + before + " -> " + current[time.length - 1]);
    }

    @Test
    void restartAfterACrashReproducesTheUninterruptedRun() throws IOException {
        Path scenario = cellScenario(), whole = wholeRun(scenario);

        // a copy of the finished run, then "crash" it just after its middle snapshot: later
        // snapshots gone, a half-written snapshot temp file, a partial last time-series line
        Path crashed = tmp.resolve("crashed");
        copyTree(whole, crashed);
        List<Path> snaps = snapshots(crashed);
        Path middle = snaps.get(snaps.size() / 2);
        double restartTime = SnapshotReader.read(middle).time_s();
        for (Path p : snaps) if (SnapshotReader.step(p) > SnapshotReader.step(middle)) Files.delete(p);
        Path stray = crashed.resolve("snapshots").resolve("." + snaps.get(snaps.size() / 2 + 1).getFileName() + ".tmp-8d3f2a");
        Files.write(stray, new byte[] {(byte) 0x89, 'H', 'D', 'F', '\r', '\n'});
        Files.writeString(crashed.resolve("timeseries.csv"), "0.0421,9", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        lipfOk("run", scenario.toString(), "--threads", "2", "--end-time", END, "--restart", middle.toString());

        assertSameFinalState(whole, crashed);
        assertSameRowsAfter(whole, crashed, restartTime);
        assertEquals(Files.readAllLines(whole.resolve("timeseries.csv")), Files.readAllLines(crashed.resolve("timeseries.csv")),
                "the whole time series, partial line dropped");
        assertEquals(names(snapshots(whole)), names(snapshots(crashed)));
        String xdmf = Files.readString(crashed.resolve("fields.xdmf"));
        for (Path p : snapshots(crashed)) assertTrue(xdmf.contains("snapshots/" + p.getFileName() + ":/xi"), "fields.xdmf names " + p.getFileName());
        assertFalse(xdmf.contains(".tmp-"), "fields.xdmf must not name the stray temp file");
        assertTrue(Files.readString(crashed.resolve("run.json")).contains("\"finished\""));
    }

    @Test
    void restartIntoANewFolderCarriesTheHistoryAndReproducesTheUninterruptedRun() throws IOException {
        Path scenario = cellScenario(), whole = wholeRun(scenario);
        Path first = tmp.resolve("first"), middle = middleSnapshot(scenario, first);

        Path second = tmp.resolve("second");
        runCell(scenario, second, 2, END, middle);
        assertSameFinalState(whole, second);
        assertEquals(Files.readAllLines(whole.resolve("timeseries.csv")), Files.readAllLines(second.resolve("timeseries.csv")),
                "the earlier rows carried over, the later ones as in the uninterrupted run");
        List<String> expected = names(snapshots(whole)).stream().filter(n -> n.compareTo(middle.getFileName().toString()) >= 0).toList();
        assertEquals(expected, names(snapshots(second)), "the restart snapshot and the later ones");
        assertArrayEquals(Files.readAllBytes(middle), Files.readAllBytes(snapshots(second).get(0)),
                "the new folder's first snapshot is the restart snapshot as it was (its rates included, which a restored state lacks)");
        assertTrue(Files.readString(second.resolve("run.json")).contains("\"finished\""));
        // the first run's folder is left as it was
        assertEquals(names(snapshots(first)).get(names(snapshots(first)).size() - 1), middle.getFileName().toString());

        // a snapshot moved away from any run folder: the new folder starts its time series at the restart
        Path loose = tmp.resolve("loose.h5");
        Files.copy(middle, loose);
        Path third = tmp.resolve("third");
        runCell(scenario, third, 2, END, loose);
        assertSameFinalState(whole, third);
        assertSameRowsAfter(whole, third, SnapshotReader.read(middle).time_s());
        List<String> rows = Files.readAllLines(third.resolve("timeseries.csv"));
        assertEquals(SnapshotReader.read(middle).time_s(), Double.parseDouble(rows.get(1).split(",")[0]), 0.0, "first row at the restart");
    }

    /**
     * A restart in a run's own folder from an earlier snapshot replaces what the run wrote after it: the later snapshots
     * (post-processing would read them as this run's), their pictures and the metrics table; the continuation then
     * reproduces the uninterrupted run.
     */
    @Test
    void aRestartFromAnEarlierSnapshotOfItsFolderReplacesTheLaterHistory() throws IOException {
        Path scenario = cellScenario(), toMiddle = tmp.resolve("to-middle");
        middleSnapshot(scenario, toMiddle);
        Path run = tmp.resolve("again");
        runCell(scenario, run, 2, END, null);
        List<Path> all = snapshots(run);
        Path earlier = all.get(1);
        assertTrue(SnapshotReader.read(earlier).time_s() < Double.parseDouble(MIDDLE) && all.size() > snapshots(toMiddle).size(), "snapshots " + names(all));
        Path figures = Files.createDirectories(run.resolve("figures"));
        Path laterPicture = figures.resolve("xi_" + all.get(2).getFileName().toString().replace(".h5", ".png"));
        Path earlierPicture = figures.resolve("xi_" + earlier.getFileName().toString().replace(".h5", ".png"));
        Files.writeString(laterPicture, "png");
        Files.writeString(earlierPicture, "png");
        Files.writeString(run.resolve("metrics.csv"), "stale");

        Path usersCopy = run.resolve("snapshots").resolve(all.get(all.size() - 1).getFileName() + ".bak");
        Files.copy(all.get(all.size() - 1), usersCopy);
        // the folder is consistent from the moment the history is replaced (a continuation may fail before its first snapshot)
        assertEquals(all.size() - 2, EarlierRun.replaceAfter(run, SnapshotReader.read(earlier).step()), "later snapshots replaced");
        String xdmf = Files.readString(run.resolve("fields.xdmf"));
        assertTrue(xdmf.contains(earlier.getFileName().toString()) && !xdmf.contains(all.get(2).getFileName().toString()), "fields.xdmf lists the kept snapshots only");
        assertFalse(Files.exists(run.resolve("results.json")), "the replaced history's results go");
        assertTrue(Files.exists(usersCopy), "a file LiPF did not name stays");
        Files.delete(usersCopy);

        // continued to an earlier end than the first time: the snapshots after that end are the replaced history's
        runCell(scenario, run, 2, MIDDLE, earlier);
        assertSameFinalState(toMiddle, run);
        assertEquals(names(snapshots(toMiddle)), names(snapshots(run)), "the snapshots of the continuation, no others");
        assertFalse(Files.exists(laterPicture), "a picture of a replaced snapshot goes");
        assertTrue(Files.exists(earlierPicture), "a picture of a kept snapshot stays");
        assertFalse(Files.exists(run.resolve("metrics.csv")), "metrics of the replaced history go");
        assertEquals(Files.readAllLines(toMiddle.resolve("timeseries.csv")), Files.readAllLines(run.resolve("timeseries.csv")), "time series");
        assertTrue(Files.readString(run.resolve("fields.xdmf")).contains(earlier.getFileName().toString()), "fields.xdmf lists the kept snapshots");
    }

    /** Li at host faces (docs/MODEL.md section 3.6.1) would be neither counted nor stripped by a scenario without them. */
    @Test
    void aSnapshotWithLiAtHostFacesDoesNotContinueAScenarioWithoutThem() throws IOException {
        String yaml = CliTestSupport.hostFaceCell();
        Path scenario = CliTestSupport.write(tmp, "faces.yaml", yaml);
        Path run = tmp.resolve("run");
        runCell(scenario, run, 2, "0.16", null);
        Path snapshot = last(snapshots(run));
        assertTrue(java.util.Arrays.stream(SnapshotReader.read(snapshot).field(RunDriver.FACE_LI_FIELD)).max().orElse(0) > 0, "Li at the face");
        Path without = CliTestSupport.write(tmp, "without.yaml", yaml.replace(", face_reaction: true", ""));
        CliTestSupport.Result r = CliTestSupport.lipf("run", without.toString(), "--threads", "1", "--restart", snapshot.toString());
        assertEquals(2, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("face_reaction") && r.stderr().contains("--restart"), r.stderr());
    }

    @Test
    void aSnapshotThatCannotContinueTheScenarioIsBadInputAndLeavesItsRunAsItWas() throws IOException {
        Path scenario = CliTestSupport.write(tmp, "cell.yaml", CliTestSupport.CELL_2D);
        Path run = tmp.resolve("run");
        runCell(scenario, run, 1, MIDDLE, null);
        Path snapshot = last(snapshots(run));
        String scenarioBefore = Files.readString(run.resolve("scenario.yaml")), infoBefore = Files.readString(run.resolve("run.json"));

        Path wider = CliTestSupport.write(tmp, "wider.yaml", CliTestSupport.CELL_2D.replace("width: 4 um", "width: 6 um"));
        CliTestSupport.Result r = CliTestSupport.lipf("run", wider.toString(), "--threads", "1", "--restart", snapshot.toString());
        assertEquals(2, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("--restart") && r.stderr().contains("grid"), r.stderr());
        assertFalse(r.stderr().contains("at org."), "no stack trace: " + r.stderr());

        Path renamed = CliTestSupport.write(tmp, "renamed.yaml", CliTestSupport.CELL_2D.replace("lpscl", "llzo"));
        r = CliTestSupport.lipf("run", renamed.toString(), "--threads", "1", "--restart", snapshot.toString());
        assertEquals(2, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("materials"), r.stderr());

        r = CliTestSupport.lipf("run", scenario.toString(), "--threads", "1", "--restart", run.resolve("timeseries.csv").toString());
        assertEquals(2, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("not a LiPF snapshot"), r.stderr());

        // a restart that would end before its snapshot would do nothing
        r = CliTestSupport.lipf("run", scenario.toString(), "--threads", "1", "--end-time", "0.01", "--restart", snapshot.toString());
        assertEquals(2, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("before the snapshot's time, 0.02 s: nothing to run"), r.stderr());
        r = CliTestSupport.lipf("run", scenario.toString(), "--threads", "1", "--max-steps", "1", "--restart", snapshot.toString());
        assertEquals(2, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("(time.max_steps or --max-steps: 1) before the snapshot's step"), r.stderr());

        // the same cell counts at twice the spacing: the shape fits, the cells do not
        Path coarser = CliTestSupport.write(tmp, "coarser.yaml", CliTestSupport.CELL_2D.replace("width: 4 um, height: 8 um, spacing: 0.25 um",
                "width: 8 um, height: 16 um, spacing: 0.5 um").replace("thickness: 2 um", "thickness: 4 um").replace("radius: 1 um", "radius: 2 um"));
        r = CliTestSupport.lipf("run", coarser.toString(), "--threads", "1", "--restart", snapshot.toString());
        assertEquals(2, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("m wide"), r.stderr());

        // bad input found only when the geometry is built: nothing written either
        r = CliTestSupport.lipf("run", scenario.toString(), "-o", run.toString(), "--threads", "1",
                "--set", "geometry.particles=[{material: lpscl, layer: 0, diameter: 0.5 um, volume_fraction: 0.9, seed: 1}]");
        assertEquals(2, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("volume_fraction"), r.stderr());

        // a snapshot outside a run's snapshots/ folder needs -o
        Path loose = tmp.resolve("loose.h5");
        Files.copy(snapshot, loose);
        r = CliTestSupport.lipf("run", scenario.toString(), "--threads", "1", "--restart", loose.toString());
        assertEquals(2, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("-o"), r.stderr());
        assertFalse(Files.exists(tmp.getParent().resolve("run.json")), "nothing written two folders up");
        assertEquals(names(snapshots(run)).get(names(snapshots(run)).size() - 1), snapshot.getFileName().toString(), "the run's snapshots are all there");

        assertEquals(scenarioBefore, Files.readString(run.resolve("scenario.yaml")), "the run's scenario.yaml is untouched");
        assertEquals(infoBefore, Files.readString(run.resolve("run.json")), "the run's run.json is untouched");
    }

    @Test
    void aFreshRunIntoAnEarlierRunsFolderReplacesThatRun() throws IOException {
        Path scenario = CliTestSupport.write(tmp, "cell.yaml", CliTestSupport.CELL_2D);
        Path run = tmp.resolve("run");
        runCell(scenario, run, 1, END, null);
        Files.writeString(run.resolve("metrics.csv"), "time_s\n0\n");
        Files.writeString(run.resolve("notes.txt"), "mine");
        Path shorter = tmp.resolve("shorter");
        runCell(scenario, shorter, 1, MIDDLE, null);

        runCell(scenario, run, 1, MIDDLE, null);
        assertEquals(names(snapshots(shorter)), names(snapshots(run)), "only the new run's snapshots");
        assertEquals(Files.readAllLines(shorter.resolve("timeseries.csv")), Files.readAllLines(run.resolve("timeseries.csv")));
        assertEquals(Files.readString(shorter.resolve("fields.xdmf")).replace(shorter.toString(), ""),
                Files.readString(run.resolve("fields.xdmf")).replace(run.toString(), ""));
        assertFalse(Files.exists(run.resolve("metrics.csv")), "post-processing of the earlier run removed");
        assertEquals("mine", Files.readString(run.resolve("notes.txt")), "other files kept");
    }

    @Test
    void aFolderWithOutputsButNoRunOfLiPFIsRefusedAndKept() throws IOException {
        Path scenario = cellScenario(), mine = tmp.resolve("paper");
        Files.createDirectories(mine.resolve("figures"));
        Files.writeString(mine.resolve("figures").resolve("timeseries.png"), "my figure");
        Files.writeString(mine.resolve("results.json"), "{\"mine\": true}");
        CliTestSupport.Result r = CliTestSupport.lipf("run", scenario.toString(), "-o", mine.toString(), "--threads", "1", "--end-time", MIDDLE);
        assertEquals(2, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("no run.json"), r.stderr());
        assertEquals("my figure", Files.readString(mine.resolve("figures").resolve("timeseries.png")));
        assertEquals("{\"mine\": true}", Files.readString(mine.resolve("results.json")));
        assertFalse(Files.exists(mine.resolve("run.json")));
    }

    @Test
    void aRestartIntoAnotherRunsFolderReplacesThatRunAndListsEachSnapshotOnce() throws IOException {
        Path scenario = cellScenario(), whole = wholeRun(scenario);
        Path first = tmp.resolve("first"), middle = middleSnapshot(scenario, first);
        // another run in the target folder, at another current, with figures of its own
        Path other = tmp.resolve("other");
        lipfOk("run", scenario.toString(), "-o", other.toString(), "--threads", "1", "--end-time", END, "--set", "control.current_density=20 mA/cm^2");
        Files.createDirectories(other.resolve("figures"));
        Files.writeString(other.resolve("figures").resolve("xi_step_00000000.png"), "old picture");
        Files.writeString(other.resolve("figures").resolve("compare.png"), "old comparison of the run alone");

        for (int time = 0; time < 2; time++) {
            runCell(scenario, other, 2, END, middle);
            assertSameFinalState(whole, other);
            assertEquals(Files.readAllLines(whole.resolve("timeseries.csv")), Files.readAllLines(other.resolve("timeseries.csv")),
                    "the history up to the restart, then the restarted run: nothing of the run the folder held");
            String xdmf = Files.readString(other.resolve("fields.xdmf"));
            for (Path p : snapshots(other)) {
                String entry = "snapshots/" + p.getFileName() + ":/xi";
                assertEquals(xdmf.indexOf(entry), xdmf.lastIndexOf(entry), "fields.xdmf lists " + p.getFileName() + " once (run " + time + ")");
            }
            assertFalse(Files.exists(other.resolve("figures")), "the earlier run's pictures went with it");
        }
    }

    private Path cellScenario() throws IOException {
        return CliTestSupport.write(tmp, "cell.yaml", CliTestSupport.CELL_2D);
    }

    /** The cell run uninterrupted to {@link #END} on two threads, into tmp/whole. */
    private Path wholeRun(Path scenario) {
        Path whole = tmp.resolve("whole");
        runCell(scenario, whole, 2, END, null);
        return whole;
    }

    /** The cell run to {@link #MIDDLE} into folder: its last snapshot. */
    private static Path middleSnapshot(Path scenario, Path folder) throws IOException {
        runCell(scenario, folder, 2, MIDDLE, null);
        return last(snapshots(folder));
    }

    /** {@code lipf run SCENARIO -o folder --threads N --end-time END [--restart SNAPSHOT]}. */
    private static void runCell(Path scenario, Path folder, int threads, String end, Path restart) {
        List<String> args = new ArrayList<>(List.of("run", scenario.toString(), "-o", folder.toString(), "--threads", Integer.toString(threads), "--end-time", end));
        if (restart != null) args.addAll(List.of("--restart", restart.toString()));
        lipfOk(args.toArray(String[]::new));
    }

    static void assertSameFinalState(Path expectedRun, Path actualRun) throws IOException {
        Snapshot a = lastSnapshot(expectedRun), b = lastSnapshot(actualRun);
        assertEquals(a.step(), b.step(), "final step");
        assertEquals(a.time_s(), b.time_s(), 0.0, "final time");
        assertEquals(a.cellVoltage_V(), b.cellVoltage_V(), 0.0, "final cell voltage");
        for (String f : FIELDS) assertArrayEquals(a.field(f), b.field(f), 0.0, f + " at the end");
        assertEquals(a.fields().keySet(), b.fields().keySet(), "datasets");
        if (a.fields().containsKey(RunDriver.DISPERSED_FIELD)) {
            assertArrayEquals(a.field(RunDriver.DISPERSED_FIELD), b.field(RunDriver.DISPERSED_FIELD), 0.0, "dispersed metal at the end");
            assertTrue(java.util.Arrays.stream(a.field(RunDriver.DISPERSED_FIELD)).max().orElse(0) > 0, "the electrolyte nucleated");
        }
        if (a.fields().containsKey(RunDriver.FACE_LI_FIELD))
            assertArrayEquals(a.field(RunDriver.FACE_LI_FIELD), b.field(RunDriver.FACE_LI_FIELD), 0.0, "Li at host faces at the end");
        assertArrayEquals(a.material(), b.material(), "material ids");
        assertEquals(a.extras(), b.extras(), "state attributes");
    }

    static void assertSameRowsAfter(Path expectedRun, Path actualRun, double time_s) throws IOException {
        List<String> a = rowsAfter(expectedRun, time_s), b = rowsAfter(actualRun, time_s);
        assertFalse(a.isEmpty(), "the uninterrupted run has rows after " + time_s + " s");
        assertEquals(a, b, "timeseries.csv rows after t = " + time_s + " s");
    }

    private static List<String> rowsAfter(Path run, double time_s) throws IOException {
        List<String> lines = Files.readAllLines(run.resolve("timeseries.csv"), StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        for (String l : lines.subList(1, lines.size()))
            if (Double.parseDouble(l.split(",", -1)[0]) > time_s) out.add(l);
        return out;
    }

    private static Path last(List<Path> paths) {
        return paths.get(paths.size() - 1);
    }

    private static List<String> names(List<Path> paths) {
        return paths.stream().map(p -> p.getFileName().toString()).toList();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path q = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(q);
                else Files.copy(p, q);
            }
        }
    }
}
