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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lipf.kernels.cpu.Simd;
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
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(Simd.childJvmOptions());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.lipf.cli.Lipf", "sweep", sweepFile.toString(), "-o", out.toString(),
                "--jobs", "1", "--threads", "1"));
        Process sweep = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("sweep.log").toFile()).start();
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

    /** Whether the run in {@code folder} has begun: its time series and its first snapshot are written. */
    private static boolean begun(Path folder) throws IOException {
        return Files.isRegularFile(folder.resolve(TimeSeriesWriter.FILE_NAME)) && !SnapshotReader.list(folder.resolve("snapshots")).isEmpty();
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) * 1e-9;
    }
}
