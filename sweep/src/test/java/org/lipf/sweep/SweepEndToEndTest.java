package org.lipf.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lipf.output.CsvTable;
import org.lipf.output.RunInfo;
import org.lipf.output.SnapshotReader;
import org.lipf.scenario.ScenarioException;
import org.lipf.scenario.ScenarioLoader;
import org.lipf.scenario.ScenarioWriter;

/**
 * Whole sweeps of the tiny cell (40 steps to 0.02 s, snapshots at steps 0, 20 and 40), two runs at
 * a time in child JVMs, after an interruption: each run present once, the interrupted one
 * continued from its snapshot to exactly the uninterrupted result, finished ones untouched.
 */
class SweepEndToEndTest {
    @TempDir
    Path dir;

    private static final String SWEEP = """
            base: cell.yaml
            axes:
              control.current_density: [30 mA/cm^2, 50 mA/cm^2]
            replicates: {seeds: [1, 2]}
            end_time: 0.02 s
            metrics: [step, cell_voltage_V, results.ccd_A_per_m2]
            plot: {metric: cell_voltage_V, x: control.current_density, series: seed}
            """;

    private static List<String> args(SweepRun run, Path out, SweepSpec spec, String... more) {
        List<String> a = new ArrayList<>(run.runArguments(out, spec, List.of()));
        a.addAll(List.of("--threads", "1"));
        a.addAll(List.of(more));
        return a;
    }

    /** Runs {@code run} to its end in its folder under {@code out}; returns its run.json. */
    private static byte[] runToEnd(SweepRun run, Path out, SweepSpec spec) throws IOException {
        SweepTestSupport.Result r = SweepTestSupport.lipf(args(run, out, spec).toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.stderr());
        return Files.readAllBytes(run.folder(out).resolve(RunInfo.FILE_NAME));
    }

    /**
     * What a sweep killed part way leaves of {@code run}: killed at step 25, after its step-20
     * snapshot (run.json still says running, a half-written time-series row); returns its folder.
     */
    private static Path killAtStep25(SweepRun run, Path out, SweepSpec spec) throws IOException {
        assertEquals(0, SweepTestSupport.lipf(args(run, out, spec, "--max-steps", "25").toArray(String[]::new)).exitCode());
        Path folder = run.folder(out);
        List<Path> snaps = SnapshotReader.list(folder.resolve("snapshots"));
        assertEquals(List.of(0L, 20L, 25L), snaps.stream().map(SnapshotReader::step).toList());
        Files.delete(snaps.get(2));
        Path runJson = folder.resolve(RunInfo.FILE_NAME);
        Files.writeString(runJson, Files.readString(runJson).replace("\"finished\"", "\"running\""));
        Files.writeString(folder.resolve("timeseries.csv"), "0.0199,2", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        return folder;
    }

    private static List<String> folderNames(Path dir) throws IOException {
        try (Stream<Path> folders = Files.list(dir)) {
            return folders.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void interruptedSweepResumesEveryRunOnceAndTheInterruptedOneFromItsSnapshot() throws IOException {
        SweepTestSupport.tinyCell(dir);
        Path sweepFile = SweepTestSupport.write(dir, "sweep.yaml", SWEEP);
        Path out = dir.resolve("out");
        SweepSpec spec = SweepFileReader.read(sweepFile);
        List<SweepRun> runs = SweepExpander.expand(spec);
        assertEquals(4, runs.size());

        // what an earlier sweep, killed part way, left: run 0 killed, run 1 finished
        SweepRun killed = runs.get(0), finished = runs.get(1);
        Path killedDir = killAtStep25(killed, out, spec);
        Path runJson = killedDir.resolve(RunInfo.FILE_NAME);
        byte[] finishedRecord = runToEnd(finished, out, spec);

        SweepTestSupport.Result r = SweepTestSupport.lipf("sweep", sweepFile.toString(), "-o", out.toString(), "--jobs", "2", "--threads", "1");
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("4 runs, 1 done before, 3 to run"), r.stderr());

        assertEquals(runs.stream().map(SweepRun::id).sorted().toList(), folderNames(out.resolve("runs")));
        assertArrayEquals(finishedRecord, Files.readAllBytes(finished.folder(out).resolve(RunInfo.FILE_NAME)), "a finished run is not run again");
        RunInfo.Data resumed = RunInfo.read(runJson).data();
        assertEquals(RunInfo.Status.FINISHED, resumed.status());
        assertTrue(resumed.results().get("restarted_from").toString().endsWith("step_00000020.h5"), resumed.results().toString());

        // the resumed run ends exactly where the same run uninterrupted ends
        Path reference = killed.folder(dir.resolve("reference"));
        runToEnd(killed, dir.resolve("reference"), spec);
        assertEquals(Files.readAllLines(reference.resolve("timeseries.csv")), Files.readAllLines(killedDir.resolve("timeseries.csv")));

        List<List<String>> summary = CsvTable.read(out.resolve(SweepSummary.FILE_NAME));
        assertEquals(List.of("run", "control.current_density", "seed", "status", "reason", "step", "cell_voltage_V", "results.ccd_A_per_m2"), summary.get(0));
        assertEquals(5, summary.size());
        for (int i = 1; i <= 4; i++) {
            List<String> row = summary.get(i);
            assertEquals(runs.get(i - 1).id(), row.get(0));
            assertEquals(List.of("finished", "end time reached", "40"), row.subList(3, 6), row.toString());
            assertEquals(RunMetrics.lastRow(runs.get(i - 1).folder(out).resolve("timeseries.csv")).get("cell_voltage_V"), row.get(6));
            assertEquals("", row.get(7));
        }
        assertTrue(Files.size(out.resolve("plot-cell_voltage_V.png")) > 1000);
        assertEquals(5, CsvTable.read(out.resolve(Manifest.FILE_NAME)).size());

        // a protocol's results.json is collected; a second sweep runs nothing
        Files.writeString(runs.get(2).folder(out).resolve(RunMetrics.RESULTS_FILE), "{\"ccd_A_per_m2\": 12.5}");
        SweepTestSupport.Result again = SweepTestSupport.lipf("sweep", sweepFile.toString(), "-o", out.toString(), "--jobs", "2");
        assertEquals(0, again.exitCode(), again.stderr());
        assertTrue(again.stderr().contains("4 done before, 0 to run"), again.stderr());
        assertEquals("12.5", CsvTable.read(out.resolve(SweepSummary.FILE_NAME)).get(3).get(7));
    }

    /**
     * A sweep begun when its single-valued axis was still in the run names: the finished run is
     * not run again, the killed one continues in its folder, and only a run never started gets a
     * folder under today's name.
     */
    @Test
    void sweepBegunUnderOldNamesResumesInItsFolders() throws IOException {
        SweepTestSupport.tinyCell(dir);
        Path sweepFile = SweepTestSupport.write(dir, "sweep.yaml", """
                base: cell.yaml
                axes:
                  control.current_density: [30 mA/cm^2, 40 mA/cm^2, 50 mA/cm^2]
                  time.output_interval: [0.01 s]
                end_time: 0.02 s
                metrics: [step]
                """);
        Path out = dir.resolve("out");
        SweepSpec spec = SweepFileReader.read(sweepFile);
        List<SweepRun> runs = SweepExpander.expand(spec);
        SweepRun finished = runs.get(0).withId("current_density-30mA_per_cm2__output_interval-0.01s");
        SweepRun killed = runs.get(1).withId("current_density-40mA_per_cm2__output_interval-0.01s");
        String fresh = "current_density-50mA_per_cm2";
        assertEquals(fresh, runs.get(2).id());
        byte[] finishedRecord = runToEnd(finished, out, spec);
        Path runJson = killAtStep25(killed, out, spec).resolve(RunInfo.FILE_NAME);
        // the sweep of then wrote its runs.csv before its runs started
        Manifest.write(spec, List.of(finished, killed, runs.get(2).withId("current_density-50mA_per_cm2__output_interval-0.01s")), out);

        SweepTestSupport.Result r = SweepTestSupport.lipf("sweep", sweepFile.toString(), "-o", out.toString(), "--jobs", "2", "--threads", "1");
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("3 runs, 1 done before, 2 to run"), r.stderr());
        List<String> ids = List.of(finished.id(), killed.id(), fresh);
        assertEquals(ids.stream().sorted().toList(), folderNames(out.resolve("runs")), "no second folder of a run");
        assertArrayEquals(finishedRecord, Files.readAllBytes(finished.folder(out).resolve(RunInfo.FILE_NAME)), "a finished run is not run again");
        assertTrue(RunInfo.read(runJson).data().results().get("restarted_from").toString().endsWith("step_00000020.h5"));
        List<List<String>> summary = CsvTable.read(out.resolve(SweepSummary.FILE_NAME));
        assertEquals(List.of("run", "control.current_density", "time.output_interval", "status", "reason", "step"), summary.get(0));
        for (int i = 1; i <= 3; i++) {
            assertEquals(List.of(ids.get(i - 1), runs.get(i - 1).parameters().get("control.current_density"), "0.01 s", "finished"),
                    summary.get(i).subList(0, 4));
        }
        assertEquals(ids, CsvTable.read(out.resolve(Manifest.FILE_NAME)).stream().skip(1).map(row -> row.get(1)).toList());
        SweepTestSupport.Result again = SweepTestSupport.lipf("sweep", sweepFile.toString(), "-o", out.toString(), "--jobs", "2");
        assertTrue(again.stderr().contains("3 done before, 0 to run"), again.stderr());
    }

    private static final String SINGLE_VALUED = """
            base: cell.yaml
            axes:
              control.current_density: [%s]
            replicates: {seeds: [1, 2]}
            end_time: 0.02 s
            metrics: [step]
            """;

    private static SweepTestSupport.Result sweep(Path sweepFile, Path out) {
        return SweepTestSupport.lipf("sweep", sweepFile.toString(), "-o", out.toString(), "--jobs", "2", "--threads", "1");
    }

    /**
     * The value of a single-valued axis changed (same run names): both runs run again in folders of
     * their own, the old ones are left as they were, summary.csv names the new folders and value; the
     * same sweep again runs nothing.
     */
    @Test
    void aChangedSingleValueRunsAgainInNewFolders() throws IOException {
        SweepTestSupport.tinyCell(dir);
        Path sweepFile = SweepTestSupport.write(dir, "sweep.yaml", SINGLE_VALUED.formatted("30 mA/cm^2"));
        Path out = dir.resolve("out");
        SweepTestSupport.Result first = sweep(sweepFile, out);
        assertEquals(0, first.exitCode(), first.stderr());
        List<SweepRun> before = RunFolders.resume(SweepExpander.expand(SweepFileReader.read(sweepFile)), out);
        assertEquals(List.of("seed-1", "seed-2"), before.stream().map(SweepRun::id).toList());
        List<byte[]> records = new ArrayList<>();
        for (SweepRun r : before) {
            assertEquals(r.identity() + "\n", Files.readString(r.folder(out).resolve(RunFolders.PARAMETERS_FILE)));
            records.add(Files.readAllBytes(r.folder(out).resolve(RunInfo.FILE_NAME)));
        }

        Files.writeString(sweepFile, SINGLE_VALUED.formatted("50 mA/cm^2"));
        SweepTestSupport.Result second = sweep(sweepFile, out);
        assertEquals(0, second.exitCode(), second.stderr());
        assertTrue(second.stderr().contains("2 runs, 0 done before, 2 to run"), second.stderr());
        List<SweepRun> after = RunFolders.resume(SweepExpander.expand(SweepFileReader.read(sweepFile)), out);
        List<String> ids = after.stream().map(SweepRun::id).toList();
        for (int i = 0; i < 2; i++) {
            assertEquals(before.get(i).id() + "-" + RunNames.hash(after.get(i).identity()), ids.get(i));
            assertArrayEquals(records.get(i), Files.readAllBytes(before.get(i).folder(out).resolve(RunInfo.FILE_NAME)), "the old run is untouched");
            assertEquals(after.get(i).identity() + "\n", Files.readString(after.get(i).folder(out).resolve(RunFolders.PARAMETERS_FILE)));
        }
        assertEquals(4, folderNames(out.resolve("runs")).size());
        List<List<String>> summary = CsvTable.read(out.resolve(SweepSummary.FILE_NAME));
        assertEquals(List.of("run", "control.current_density", "seed", "status"), summary.get(0).subList(0, 4));
        for (int i = 1; i <= 2; i++)
            assertEquals(List.of(ids.get(i - 1), "50 mA/cm^2", Integer.toString(i), "finished"), summary.get(i).subList(0, 4));
        assertEquals(ids, CsvTable.read(out.resolve(Manifest.FILE_NAME)).stream().skip(1).map(row -> row.get(1)).toList());

        SweepTestSupport.Result third = sweep(sweepFile, out);
        assertEquals(0, third.exitCode(), third.stderr());
        assertTrue(third.stderr().contains("2 runs, 2 done before, 0 to run"), third.stderr());
        assertEquals(4, folderNames(out.resolve("runs")).size());
    }

    /**
     * The base scenario edited after the sweep ran (its run names unchanged): the sweep, --collect and
     * a task all stop without touching a run, naming the runs and what to do; --rerun-changed moves
     * their folders aside and runs them afresh. A changed end_time stops it too. Folders without a
     * record of their inputs (sweeps begun before it) are reused, with a note.
     */
    @Test
    void aRunOfOtherInputsStopsTheSweepUntilItIsMovedAside() throws IOException {
        Path cell = SweepTestSupport.tinyCell(dir);
        Path sweepFile = SweepTestSupport.write(dir, "sweep.yaml", SINGLE_VALUED.formatted("30 mA/cm^2"));
        Path out = dir.resolve("out");
        assertEquals(0, sweep(sweepFile, out).exitCode());
        List<SweepRun> runs = SweepExpander.expand(SweepFileReader.read(sweepFile));
        List<byte[]> records = new ArrayList<>();
        for (SweepRun r : runs) records.add(Files.readAllBytes(r.folder(out).resolve(RunInfo.FILE_NAME)));
        byte[] summary = Files.readAllBytes(out.resolve(SweepSummary.FILE_NAME));

        Files.writeString(cell, Files.readString(cell).replace("strength: 0.05", "strength: 0.06"));
        for (List<String> extra : List.of(List.<String>of(), List.of("--collect"), List.of("--task", "seed-1"))) {
            List<String> args = new ArrayList<>(List.of("sweep", sweepFile.toString(), "-o", out.toString(), "--threads", "1"));
            args.addAll(extra);
            SweepTestSupport.Result r = SweepTestSupport.lipf(args.toArray(String[]::new));
            assertEquals(2, r.exitCode(), extra + ": " + r.stderr());
            String runsNamed = extra.isEmpty() || extra.contains("--collect") ? "2 runs (seed-1, seed-2)" : "run seed-1";
            assertTrue(r.stderr().startsWith("error: " + sweepFile + ": " + runsNamed + " in " + out.resolve("runs") + " ran with other inputs"), r.stderr());
            assertTrue(r.stderr().contains("give a new sweep folder (-o), or add --rerun-changed"), r.stderr());
            assertEquals(1, r.stderr().strip().lines().count(), r.stderr());
        }
        for (int i = 0; i < 2; i++) assertArrayEquals(records.get(i), Files.readAllBytes(runs.get(i).folder(out).resolve(RunInfo.FILE_NAME)), "not run");
        assertArrayEquals(summary, Files.readAllBytes(out.resolve(SweepSummary.FILE_NAME)));

        SweepTestSupport.Result rerun = SweepTestSupport.lipf("sweep", sweepFile.toString(), "-o", out.toString(), "--jobs", "2", "--threads", "1", "--rerun-changed");
        assertEquals(0, rerun.exitCode(), rerun.stderr());
        assertTrue(rerun.stderr().contains("run seed-1 ran with other inputs; its folder is moved to " + out.resolve("runs").resolve("seed-1.superseded-1")), rerun.stderr());
        assertTrue(rerun.stderr().contains("2 runs, 0 done before, 2 to run"), rerun.stderr());
        assertEquals(List.of("seed-1", "seed-1.superseded-1", "seed-2", "seed-2.superseded-1"), folderNames(out.resolve("runs")));
        for (int i = 0; i < 2; i++) {
            Path old = out.resolve("runs").resolve(runs.get(i).id() + ".superseded-1");
            assertArrayEquals(records.get(i), Files.readAllBytes(old.resolve(RunInfo.FILE_NAME)), "the old run is kept as it was");
            assertEquals(RunInfo.Status.FINISHED, RunInfo.read(runs.get(i).folder(out).resolve(RunInfo.FILE_NAME)).data().status());
            assertTrue(Files.readString(runs.get(i).folder(out).resolve("scenario.yaml")).contains("strength: 0.06"));
        }

        Files.writeString(sweepFile, Files.readString(sweepFile).replace("end_time: 0.02 s", "end_time: 0.01 s"));
        SweepTestSupport.Result shorter = SweepTestSupport.lipf("sweep", sweepFile.toString(), "-o", out.toString(), "--plan");
        assertEquals(2, shorter.exitCode(), shorter.stderr());
        assertTrue(shorter.stderr().contains("2 runs (seed-1, seed-2) in " + out.resolve("runs") + " ran with other inputs"), shorter.stderr());

        Files.writeString(sweepFile, Files.readString(sweepFile).replace("end_time: 0.01 s", "end_time: 0.02 s"));
        for (SweepRun r : runs) Files.delete(r.folder(out).resolve(RunFingerprint.FILE_NAME));
        SweepTestSupport.Result unrecorded = sweep(sweepFile, out);
        assertEquals(0, unrecorded.exitCode(), unrecorded.stderr());
        assertTrue(unrecorded.stderr().contains("2 runs, 2 done before, 0 to run"), unrecorded.stderr());
        assertEquals(1, unrecorded.stderr().lines().filter(l -> l.startsWith("lipf sweep: note: 2 runs (seed-1, seed-2) began before run folders recorded"))
                .count(), unrecorded.stderr());
    }

    /** A key today's {@link ScenarioWriter} writes, at its default (the run as before), that an earlier version did not write. */
    private static final String NEW_KEY = "  front_deflation: true\n";

    /**
     * Makes the folder of {@code run} (run to its end by today's LiPF) hold what a version that did not write
     * {@link #NEW_KEY} would have recorded: the scenario.yaml the run wrote without the key, and the fingerprint of the
     * run's resolved scenario without it; {@code edit} then applies to both (a value that version gave otherwise).
     */
    private static void recordAsAnEarlierVersion(SweepSpec spec, SweepRun run, Path out, UnaryOperator<String> edit) throws IOException {
        Path folder = run.folder(out);
        Path yaml = folder.resolve("scenario.yaml");
        String written = Files.readString(yaml);
        assertTrue(written.contains(NEW_KEY), written);
        Files.writeString(yaml, edit.apply(written.replace(NEW_KEY, "")));
        String resolved = ScenarioWriter.toYaml(ScenarioLoader.loadRecorded(run.scenario(), run.overrides()));
        RunFingerprint.record(RunFingerprint.of(spec, edit.apply(resolved.replace(NEW_KEY, ""))), folder);
    }

    /** The two runs of the tiny cell's SINGLE_VALUED sweep at 30 mA/cm^2, in {@code out}. */
    private record FinishedRuns(Path sweepFile, Path out, SweepSpec spec, List<SweepRun> runs) {
    }

    /** The runs of {@link FinishedRuns}, each run to its end in its folder with its parameters recorded (no fingerprint). */
    private FinishedRuns finishedRuns() throws IOException {
        SweepTestSupport.tinyCell(dir);
        Path sweepFile = SweepTestSupport.write(dir, "sweep.yaml", SINGLE_VALUED.formatted("30 mA/cm^2"));
        Path out = dir.resolve("out");
        SweepSpec spec = SweepFileReader.read(sweepFile);
        List<SweepRun> runs = SweepExpander.expand(spec);
        for (SweepRun r : runs) {
            runToEnd(r, out, spec);
            RunFolders.record(r, r.folder(out));
        }
        return new FinishedRuns(sweepFile, out, spec, runs);
    }

    /**
     * Finished runs (run by today's LiPF) whose records an earlier version of LiPF wrote, one that did not write {@link #NEW_KEY}: their
     * fingerprints differ from today's though their inputs are the same. A Slurm task and the sweep keep them (nothing
     * runs again), renew the records and say so once; the next sweep has nothing to say. Without the renewal both
     * stopped with exit 2 (ran with other inputs).
     */
    @Test
    void runsRecordedByAnEarlierVersionWithTheSameInputsAreKept() throws IOException {
        FinishedRuns finished = finishedRuns();
        Path sweepFile = finished.sweepFile(), out = finished.out();
        SweepSpec spec = finished.spec();
        List<SweepRun> runs = finished.runs();
        List<byte[]> records = new ArrayList<>();
        List<String> today = new ArrayList<>();
        for (SweepRun r : runs) {
            records.add(Files.readAllBytes(r.folder(out).resolve(RunInfo.FILE_NAME)));
            today.add(RunFingerprint.of(spec, ScenarioLoader.loadRecorded(r.scenario(), r.overrides())));
            recordAsAnEarlierVersion(spec, r, out, UnaryOperator.identity());
            assertNotEquals(today.get(today.size() - 1), RunFingerprint.recorded(r.folder(out)), "the earlier version's fingerprint");
        }

        SweepTestSupport.Result task = SweepTestSupport.lipf("sweep", sweepFile.toString(), "-o", out.toString(), "--task", "seed-1");
        assertEquals(0, task.exitCode(), task.stderr());
        assertTrue(task.stderr().contains(ChangedRuns.renewedNote("run seed-1")), task.stderr());
        assertTrue(task.stderr().contains("run seed-1 is already finished"), task.stderr());
        assertEquals(today.get(0), RunFingerprint.recorded(runs.get(0).folder(out)));

        SweepTestSupport.Result resumed = sweep(sweepFile, out);
        assertEquals(0, resumed.exitCode(), resumed.stderr());
        assertTrue(resumed.stderr().contains("2 runs, 2 done before, 0 to run"), resumed.stderr());
        assertEquals(1, resumed.stderr().lines().filter(l -> l.equals(ChangedRuns.renewedNote("run seed-2"))).count(), resumed.stderr());
        assertEquals(today.get(1), RunFingerprint.recorded(runs.get(1).folder(out)));
        for (int i = 0; i < 2; i++) assertArrayEquals(records.get(i), Files.readAllBytes(runs.get(i).folder(out).resolve(RunInfo.FILE_NAME)), "not run again");

        SweepTestSupport.Result again = sweep(sweepFile, out);
        assertEquals(0, again.exitCode(), again.stderr());
        assertTrue(again.stderr().lines().noneMatch(l -> l.startsWith("lipf sweep: note:")), again.stderr());
    }

    /**
     * Records an earlier version wrote (without {@link #NEW_KEY}) of runs whose inputs did change still stop the
     * sweep: seed-2 ran with another ionic conductivity of LPSCl (as an earlier material library would have given it,
     * written in full in its scenario.yaml), both runs with another end_time; seed-1, unchanged, is kept. A recorded
     * scenario today's loader refuses (a key it no longer knows) counts as changed: --rerun-changed runs it afresh.
     * Without the renewal of unchanged records, seed-1 was named with seed-2.
     */
    @Test
    void runsOfOtherInputsRecordedByAnEarlierVersionStillStopTheSweep() throws IOException {
        FinishedRuns finished = finishedRuns();
        Path sweepFile = finished.sweepFile(), out = finished.out();
        SweepSpec spec = finished.spec();
        List<SweepRun> runs = finished.runs();
        String lpsclConductivity = "ionic_conductivity: 0.25 S/m";
        assertTrue(Files.readString(runs.get(1).folder(out).resolve("scenario.yaml")).contains(lpsclConductivity));
        recordAsAnEarlierVersion(spec, runs.get(0), out, UnaryOperator.identity());
        recordAsAnEarlierVersion(spec, runs.get(1), out, yaml -> yaml.replace(lpsclConductivity, "ionic_conductivity: 0.3 S/m"));
        String stopped = "error: " + sweepFile + ": %s in " + out.resolve("runs") + " ran with other inputs";

        Files.writeString(sweepFile, Files.readString(sweepFile).replace("end_time: 0.02 s", "end_time: 0.01 s"));
        SweepTestSupport.Result shorter = SweepTestSupport.lipf("sweep", sweepFile.toString(), "-o", out.toString(), "--plan");
        assertEquals(2, shorter.exitCode(), shorter.stderr());
        assertTrue(shorter.stderr().startsWith(stopped.formatted("2 runs (seed-1, seed-2)")), shorter.stderr());

        Files.writeString(sweepFile, Files.readString(sweepFile).replace("end_time: 0.01 s", "end_time: 0.02 s"));
        SweepTestSupport.Result task = SweepTestSupport.lipf("sweep", sweepFile.toString(), "-o", out.toString(), "--task", "seed-2");
        assertEquals(2, task.exitCode(), task.stderr());
        assertTrue(task.stderr().startsWith(stopped.formatted("run seed-2")), task.stderr());
        SweepTestSupport.Result plan = SweepTestSupport.lipf("sweep", sweepFile.toString(), "-o", out.toString(), "--plan");
        assertEquals(2, plan.exitCode(), plan.stderr());
        assertEquals(List.of(ChangedRuns.renewedNote("run seed-1")), plan.stderr().lines().filter(l -> l.startsWith("lipf sweep: note:")).toList());
        assertTrue(plan.stderr().contains(stopped.formatted("run seed-2")), plan.stderr());

        Path unreadable = runs.get(1).folder(out).resolve("scenario.yaml");
        Files.writeString(unreadable, Files.readString(unreadable).replace("ionic_conductivity: 0.3 S/m", lpsclConductivity) + "  retired_option: 1\n");
        SweepTestSupport.Result rerun = SweepTestSupport.lipf("sweep", sweepFile.toString(), "-o", out.toString(), "--threads", "1", "--rerun-changed");
        assertEquals(0, rerun.exitCode(), rerun.stderr());
        assertTrue(rerun.stderr().contains("run seed-2 ran with other inputs; its folder is moved to"), rerun.stderr());
        assertTrue(rerun.stderr().contains("2 runs, 1 done before, 1 to run"), rerun.stderr());
        assertEquals(List.of("seed-1", "seed-2", "seed-2.superseded-1"), folderNames(out.resolve("runs")));
    }

    /**
     * Runs made by an earlier version, which drew particles smaller than a grid cell (refused for a new run now, not for
     * one that exists): the sweep resumes them, the finished one untouched, the interrupted one continued from its
     * snapshot as {@code lipf run --restart} loads it; a run not begun yet is still refused. Made here as runs of
     * 0.5 um particles whose scenario then gets 0.2 um ones and whose folders record its inputs, as that version did.
     */
    @Test
    void runsThatPredateAGeometryRefusalResumeAndNewRunsAreRefused() throws IOException {
        Path cell = SweepTestSupport.tinyCell(dir);
        Files.writeString(cell, Files.readString(cell)
                .replace("free_fraction: 1}\ngeometry:", "free_fraction: 1}\n  carbon: {diffusivity: 1e-12 m^2/s, ionic_conductivity: 0.25 S/m,"
                        + " electronic_conductivity: 1.6e-6 S/m, exchange_current_density: 2.91 A/m^2, free_fraction: 1}\ngeometry:")
                .replace("  nuclei: [{x: 2 um, radius: 1 um}]", "  nuclei: [{x: 2 um, radius: 1 um}]\n"
                        + "  particles: [{material: carbon, layer: 1, diameter: 0.5 um, volume_fraction: 5 %, seed: 1}]"));
        Path sweepFile = SweepTestSupport.write(dir, "sweep.yaml", """
                base: cell.yaml
                axes:
                  control.current_density: [30 mA/cm^2, 50 mA/cm^2]
                end_time: 0.02 s
                """);
        Path out = dir.resolve("out");
        SweepSpec spec = SweepFileReader.read(sweepFile);
        List<SweepRun> runs = SweepExpander.expand(spec);
        SweepRun finished = runs.get(0), killed = runs.get(1);
        byte[] finishedRecord = runToEnd(finished, out, spec);
        Path killedDir = killAtStep25(killed, out, spec);

        Files.writeString(cell, Files.readString(cell).replace("diameter: 0.5 um", "diameter: 0.2 um"));
        assertThrows(ScenarioException.class, () -> ScenarioLoader.load(cell, finished.overrides()), "refused for a new run");
        for (SweepRun r : runs) {
            RunFolders.record(r, r.folder(out));
            RunFingerprint.record(RunFingerprint.of(spec, ScenarioLoader.loadRecorded(cell, r.overrides())), r.folder(out));
        }

        SweepTestSupport.Result resumed = SweepTestSupport.lipf("sweep", sweepFile.toString(), "-o", out.toString(), "--jobs", "1", "--threads", "1");
        assertEquals(0, resumed.exitCode(), resumed.stderr());
        assertTrue(resumed.stderr().contains("2 runs, 1 done before, 1 to run"), resumed.stderr());
        assertArrayEquals(finishedRecord, Files.readAllBytes(finished.folder(out).resolve(RunInfo.FILE_NAME)), "a finished run is not run again");
        RunInfo.Data continued = RunInfo.read(killedDir.resolve(RunInfo.FILE_NAME)).data();
        assertEquals(RunInfo.Status.FINISHED, continued.status());
        assertTrue(continued.results().get("restarted_from").toString().endsWith("step_00000020.h5"), continued.results().toString());

        Files.writeString(sweepFile, Files.readString(sweepFile).replace("50 mA/cm^2]", "50 mA/cm^2, 40 mA/cm^2]"));
        SweepTestSupport.Result extended = SweepTestSupport.lipf("sweep", sweepFile.toString(), "-o", out.toString(), "--plan");
        assertEquals(2, extended.exitCode(), extended.stderr());
        assertTrue(extended.stderr().startsWith("error: " + cell + ":"), extended.stderr());
        assertTrue(extended.stderr().contains("geometry.particles[0].diameter: particles of diameter 0.2 um are smaller than a grid cell"), extended.stderr());
    }

    /** A sweep folder moved elsewhere (with its sweep and scenario files) resumes in place, runs in earlier folders included. */
    @Test
    void aMovedSweepFolderResumesInPlace() throws IOException {
        Path here = dir.resolve("here");
        Files.createDirectories(here);
        SweepTestSupport.tinyCell(here);
        Path sweepFile = SweepTestSupport.write(here, "sweep.yaml", SINGLE_VALUED.formatted("30 mA/cm^2"));
        SweepTestSupport.Result first = sweep(sweepFile, here.resolve("out"));
        assertEquals(0, first.exitCode(), first.stderr());
        // the runs are in folders runs.csv gave them, not today's names (a sweep begun under the longer names)
        Path runsDir = here.resolve("out").resolve("runs");
        List<String> old = List.of("current_density-30mA_per_cm2__seed-1", "current_density-30mA_per_cm2__seed-2");
        List<List<String>> manifest = CsvTable.read(here.resolve("out").resolve(Manifest.FILE_NAME));
        for (int i = 0; i < 2; i++) {
            Files.move(runsDir.resolve(manifest.get(i + 1).get(1)), runsDir.resolve(old.get(i)));
            manifest.get(i + 1).set(1, old.get(i));
        }
        CsvTable.write(here.resolve("out").resolve(Manifest.FILE_NAME), manifest);

        Path there = dir.resolve("there");
        Files.move(here, there);
        SweepTestSupport.Result moved = sweep(there.resolve("sweep.yaml"), there.resolve("out"));
        assertEquals(0, moved.exitCode(), moved.stderr());
        assertTrue(moved.stderr().contains("2 runs, 2 done before, 0 to run"), moved.stderr());
        assertEquals(old, folderNames(there.resolve("out").resolve("runs")));
    }

    /**
     * A sweep folder moved with its scenario and voxel image, whose record an earlier version of LiPF wrote: the
     * run's scenario.yaml names the image by the absolute path it had before the move, yet the run is kept and its
     * record renewed (the image read where the sweep has it now, its recorded SHA-256 the same); an image of other
     * content there still stops the sweep. Without reading the image where the sweep has it now, the moved run read
     * as one of other inputs (exit 2).
     */
    @Test
    void aMovedSweepFolderWithAVoxelImageRecordedByAnEarlierVersionIsKept() throws IOException {
        Path here = dir.resolve("here");
        Files.createDirectories(here);
        Path cell = SweepTestSupport.tinyCell(here);
        Files.writeString(cell, Files.readString(cell).replace("nuclei: [{x: 2 um, radius: 1 um}]", "nuclei: [{x: 2 um, radius: 1 um}]\n"
                + "  images: [{file: slice.png, voxel_size: 0.5 um, offset: {x: 1 um, z: 5 um}, colors: {\"#000000\": lpscl, \"#ffffff\": li}}]"));
        SweepTestSupport.png(here.resolve("slice.png"), false);
        Path sweepFile = SweepTestSupport.write(here, "sweep.yaml", """
                base: cell.yaml
                axes:
                  control.current_density: [30 mA/cm^2]
                max_steps: 2
                """);
        SweepSpec spec = SweepFileReader.read(sweepFile);
        SweepRun run = SweepExpander.expand(spec).get(0);
        runToEnd(run, here.resolve("out"), spec);
        RunFolders.record(run, run.folder(here.resolve("out")));
        recordAsAnEarlierVersion(spec, run, here.resolve("out"), UnaryOperator.identity());
        assertTrue(Files.readString(run.folder(here.resolve("out")).resolve("scenario.yaml")).contains("file: \"" + here.resolve("slice.png") + "\""));

        Path there = dir.resolve("there");
        Files.move(here, there);
        Path out = there.resolve("out");
        SweepTestSupport.Result moved = SweepTestSupport.lipf("sweep", there.resolve("sweep.yaml").toString(), "-o", out.toString(), "--plan");
        assertEquals(0, moved.exitCode(), moved.stderr());
        assertTrue(moved.stderr().contains(ChangedRuns.renewedNote("run base")), moved.stderr());

        SweepTestSupport.png(there.resolve("slice.png"), true);
        SweepTestSupport.Result changed = SweepTestSupport.lipf("sweep", there.resolve("sweep.yaml").toString(), "-o", out.toString(), "--plan");
        assertEquals(2, changed.exitCode(), changed.stderr());
        assertTrue(changed.stderr().startsWith("error: " + there.resolve("sweep.yaml") + ": run base in " + out.resolve("runs") + " ran with other inputs"),
                changed.stderr());
    }

    @Test
    void failingRunIsRecordedWithItsErrorAndLockedRunIsLeftToItsHolder() throws IOException {
        SweepTestSupport.tinyCell(dir);
        Path sweepFile = SweepTestSupport.write(dir, "sweep.yaml", """
                base: cell.yaml
                axes:
                  solver:
                    ok: {solver.potential_max_iterations: 200}
                    starved: {solver.potential_max_iterations: 1, solver.potential_tolerance: 1e-15}
                replicates: {count: 2}
                end_time: 0.005 s
                """);
        Path out = dir.resolve("out");
        List<SweepRun> runs = SweepExpander.expand(SweepFileReader.read(sweepFile));
        Path held = runs.get(1).folder(out);
        Files.createDirectories(held);
        SweepTestSupport.Result r;
        try (RunLock lock = RunLock.tryAcquire(held)) {
            r = SweepTestSupport.lipf("sweep", sweepFile.toString(), "-o", out.toString(), "--jobs", "2", "--threads", "1");
        }
        assertEquals(3, r.exitCode(), r.stderr());
        Map<String, List<String>> byRun = new java.util.HashMap<>();
        for (List<String> row : CsvTable.read(out.resolve(SweepSummary.FILE_NAME))) byRun.put(row.get(0), row);
        assertEquals(List.of("ok", "1", "finished"), byRun.get(runs.get(0).id()).subList(1, 4));
        assertEquals(List.of("ok", "2", "running", ""), byRun.get(runs.get(1).id()).subList(1, 5), "held by another process: not run, not duplicated");
        assertTrue(Files.notExists(held.resolve(RunInfo.FILE_NAME)));
        for (SweepRun starved : runs.subList(2, 4)) {
            List<String> row = byRun.get(starved.id());
            assertEquals("failed", row.get(3));
            assertTrue(row.get(4).startsWith("PCG did not converge in 1 iterations"), row.get(4));
        }
        assertTrue(r.stderr().contains("1 of 4 runs finished or shorted"), r.stderr());
        assertTrue(r.stderr().contains("1 run by other processes"), r.stderr());
    }
}
