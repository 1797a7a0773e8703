package org.lipf.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lipf.kernels.cpu.Simd;
import org.lipf.output.CsvTable;
import org.lipf.output.RunInfo;
import org.lipf.output.SnapshotReader;
import org.lipf.output.TimeSeriesWriter;

/** The child JVMs of a local sweep, seen from outside: a sweep process started as {@code lipf sweep} would be. */
class LocalExecutorTest {
    @TempDir
    Path dir;

    /** How long a child may take to stop after its sweep is killed, s: the pipe's end comes at once, the exit took 1.8 s by hand on the busy 2 cores. */
    private static final double STOP_WITHIN_S = 10;
    /** How long the sweep process may take to start its child and the child its run, s (two JVM starts on a busy machine). */
    private static final double START_WITHIN_S = 90;

    /**
     * A sweep killed with -9 (no shutdown hook stops its children) takes its running child with it: the child stops within
     * seconds instead of running on into the folder a resumed sweep would restart, and leaves its run interrupted, a
     * snapshot to continue from, which a restart continues. (The run, at 1 mA/cm^2 to 1000 s, would take the child hours.)
     */
    @Test
    void childRunStopsWhenItsSweepIsKilled() throws Exception {
        Path cell = SweepTestSupport.tinyCell(dir);
        Files.writeString(cell, Files.readString(cell).replace("time: {end: 0.04 s, output_interval: 0.01 s}", "time: {end: 1000 s, output_interval: 100 s}"));
        Path sweepFile = SweepTestSupport.write(dir, "sweep.yaml", """
                base: cell.yaml
                axes:
                  control.current_density: [1 mA/cm^2]
                """);
        Path out = dir.resolve("out");
        Path runFolder = out.resolve("runs").resolve("base");
        Process sweep = new ProcessBuilder(lipf(List.of(), "sweep", sweepFile.toString(), "-o", out.toString(), "--jobs", "1", "--threads", "1"))
                .redirectErrorStream(true).redirectOutput(dir.resolve("sweep.log").toFile()).start();
        Optional<ProcessHandle> child = Optional.empty();
        try {
            long start = System.nanoTime();
            while ((child.isEmpty() || !begun(runFolder)) && sweep.isAlive() && seconds(start) < START_WITHIN_S) {
                child = sweep.toHandle().children().findFirst();
                Thread.sleep(100);
            }
            assertTrue(child.isPresent() && begun(runFolder), "the run did not begin: " + Files.readString(dir.resolve("sweep.log")));

            sweep.destroyForcibly().waitFor();
            long killed = System.nanoTime();
            while (child.get().isAlive() && seconds(killed) < STOP_WITHIN_S) Thread.sleep(50);
            assertFalse(child.get().isAlive(), "the child still runs " + STOP_WITHIN_S + " s after its sweep was killed");
        } finally {
            sweep.destroyForcibly();
            child.ifPresent(ProcessHandle::destroyForcibly);
        }
        assertTrue(Files.readString(runFolder.resolve(RunState.LOG_FILE)).contains("the sweep process that started run base has ended, so the run stops"));
        RunState state = RunState.of(runFolder);
        assertEquals(RunState.Status.INTERRUPTED, state.status(), state.toString());
        assertEquals("step_00000000.h5", state.lastSnapshot().getFileName().toString(), state.toString());

        SweepRun run = SweepExpander.expand(SweepFileReader.read(sweepFile)).get(0);
        List<String> restart = new ArrayList<>(run.runArguments(out, SweepFileReader.read(sweepFile), List.of()));
        restart.addAll(List.of("--threads", "1", "--max-steps", "3", "--restart", state.lastSnapshot().toString()));
        SweepTestSupport.Result r = SweepTestSupport.lipf(restart.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(RunInfo.Status.FINISHED, RunInfo.read(runFolder.resolve(RunInfo.FILE_NAME)).data().status());
    }

    /**
     * A run whose fields do not fit the heap of its child (0.01 um: 3.2e5 cells, which need more than 160 MiB): the sweep
     * gives its children its heap (here -Xmx48m, as LIPF_JAVA_OPTS gives it to ./lipf sweep), and the reason summary.csv
     * gives names LIPF_JAVA_OPTS of ./lipf sweep, not of ./lipf run (whose --restart a sweep's run does not need: the sweep run
     * again continues it). A task without a sweep process above it, a Slurm array's, names the JAVA_OPTS of the array's
     * script. (The advice of a run that runs out of memory later is the same, with how it continues: JvmFailureRunTest.)
     */
    @Test
    void aChildOutOfMemoryIsToldToRunItsSweepAgainWithMoreHeap() throws Exception {
        SweepTestSupport.tinyCell(dir);
        Path sweepFile = SweepTestSupport.write(dir, "sweep.yaml", "base: cell.yaml\naxes:\n  grid.spacing: [0.01 um]\nmax_steps: 1\n");
        Path out = dir.resolve("out");
        List<String> heap = List.of("-Xmx48m");
        Process sweep = new ProcessBuilder(lipf(heap, "sweep", sweepFile.toString(), "-o", out.toString(), "--threads", "1"))
                .redirectErrorStream(true).redirectOutput(dir.resolve("sweep.log").toFile()).start();
        assertTrue(sweep.waitFor((long) START_WITHIN_S, TimeUnit.SECONDS), "the sweep did not end");
        assertEquals(3, sweep.exitValue(), Files.readString(dir.resolve("sweep.log")));
        List<List<String>> summary = CsvTable.read(out.resolve(SweepSummary.FILE_NAME));
        String reason = summary.get(1).get(summary.get(0).indexOf("reason"));
        Matcher local = Pattern.compile("need more than the ([0-9]+) MiB heap the JVM may use; .*give the JVM more \\(e\\.g\\. LIPF_JAVA_OPTS=-Xmx[0-9]+m \\./lipf sweep \\.\\.\\.\\)$")
                .matcher(reason);
        assertTrue(local.find(), reason);
        assertTrue(Integer.parseInt(local.group(1)) <= 48, "the child has the sweep's heap: " + reason);

        Process task = new ProcessBuilder(lipf(heap, "sweep", sweepFile.toString(), "-o", out.toString(), "--task", "base", "--threads", "1"))
                .redirectErrorStream(true).redirectOutput(dir.resolve("task.log").toFile()).start();
        assertTrue(task.waitFor((long) START_WITHIN_S, TimeUnit.SECONDS), "the task did not end");
        String taskLog = Files.readString(dir.resolve("task.log"));
        assertEquals(2, task.exitValue(), taskLog);
        assertTrue(Pattern.compile("give the JVM more \\(e\\.g\\. -Xmx[0-9]+m in JAVA_OPTS of the sweep's slurm/sweep\\.sbatch, with --mem to hold it\\)").matcher(taskLog).find(),
                taskLog);
    }

    /** {@code java JVM_OPTIONS -cp CLASSPATH org.lipf.cli.Lipf ARGS}, with the SIMD loops' options: a lipf process as ./lipf starts it. */
    private static List<String> lipf(List<String> jvmOptions, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvmOptions);
        cmd.addAll(Simd.childJvmOptions());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.lipf.cli.Lipf"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Whether the run in {@code folder} has begun: its time series and its first snapshot are written. */
    private static boolean begun(Path folder) throws IOException {
        return Files.isRegularFile(folder.resolve(TimeSeriesWriter.FILE_NAME)) && !SnapshotReader.list(folder.resolve("snapshots")).isEmpty();
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) * 1e-9;
    }
}
