package org.lipf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lipf.output.RunInfo;
import org.lipf.output.SnapshotReader;
import org.lipf.scenario.Scenario;
import org.lipf.scenario.ScenarioLoader;
import org.lipf.solver.Backend;
import org.lipf.solver.BackendFactory;
import org.lipf.solver.CpuBackend;

/**
 * A run that the JVM cannot carry on after its start (out of memory, a stack overflow, thrown here by the backend at its
 * 50th step of about 80, after the snapshots at 0.01 and 0.02 s) ends as a failed run: run.json says failed and what to
 * do, the failure comes as a one-line message (a RuntimeException, which lipf run reports as other failed runs, exit 3),
 * and the last snapshot continues the run to its end.
 */
class JvmFailureRunTest {
    private static final int FAILING_STEP = 50;

    @TempDir
    Path tmp;

    @Test
    void aRunOutOfMemoryIsRecordedAsFailedAndContinuesFromItsLastSnapshot() throws IOException {
        Path run = tmp.resolve("run");
        JvmFailure failure = failAt(run, () -> new OutOfMemoryError("Java heap space"), RunAgain.RUN);
        RunInfo.Data info = RunInfo.read(run.resolve(RunInfo.FILE_NAME)).data();
        assertEquals(RunInfo.Status.FAILED, info.status());
        assertEquals(failure.getMessage(), info.reason());
        // the heap this JVM may use (3 digits), and twice it as the launcher takes it
        Matcher m = Pattern.compile("the JVM ran out of memory \\(Java heap space\\) with a heap limit of ([0-9.]+) (MiB|GiB): give it more, "
                + "e\\.g\\. LIPF_JAVA_OPTS=-Xmx([0-9]+)([mg]) \\./lipf run \\.\\.\\., or coarsen grid\\.spacing; ")
                .matcher(info.reason());
        assertTrue(m.lookingAt() && !info.reason().contains("\n"), info.reason());
        double limit_MiB = Double.parseDouble(m.group(1)) * (m.group(2).equals("GiB") ? 1024 : 1), suggested_MiB = Double.parseDouble(m.group(3)) * (m.group(4).equals("g") ? 1024 : 1);
        assertEquals(Runtime.getRuntime().maxMemory() / (double) (1 << 20), limit_MiB, 0.005 * limit_MiB);
        assertTrue(suggested_MiB >= 2 * limit_MiB * 0.995 && suggested_MiB < 2 * limit_MiB + 1024, info.reason());

        List<Path> snapshots = CliTestSupport.snapshots(run);
        Path last = snapshots.get(snapshots.size() - 1);
        assertTrue(info.reason().endsWith("continue from its last snapshot with --restart " + last), info.reason());
        assertTrue(SnapshotReader.read(last).step() > 0 && SnapshotReader.read(last).step() < FAILING_STEP, last.toString());
        try (var files = Files.list(run.resolve("snapshots"))) {
            assertEquals(snapshots, files.sorted().toList(), "no half-written snapshot is left");
        }
        Path scenario = CliTestSupport.write(tmp, "cell.yaml", CliTestSupport.CELL_2D);
        CliTestSupport.lipfOk("run", scenario.toString(), "-o", run.toString(), "--threads", "1", "--restart", last.toString());
        assertEquals(RunInfo.Status.FINISHED, RunInfo.read(run.resolve(RunInfo.FILE_NAME)).data().status());
    }

    @Test
    void aStackOverflowNamesTheThreadsStack() throws IOException {
        Path run = tmp.resolve("run");
        failAt(run, StackOverflowError::new, RunAgain.RUN);
        String reason = RunInfo.read(run.resolve(RunInfo.FILE_NAME)).data().reason();
        assertTrue(reason.startsWith("a thread's stack overflowed") && reason.contains("-Xss"), reason);
    }

    /**
     * A run of a sweep is run again by its sweep: the advice names where the sweep takes the JVM's options (LIPF_JAVA_OPTS of
     * ./lipf sweep, which gives its children its heap and stack options; JAVA_OPTS of a Slurm array's script) and the sweep
     * run again, which continues the run from its last snapshot, not lipf run --restart. The reason run.json records.
     */
    @Test
    void aRunOfASweepIsRunAgainByItsSweep() throws IOException {
        Path local = tmp.resolve("local"), slurm = tmp.resolve("slurm");
        failAt(local, () -> new OutOfMemoryError("Java heap space"), RunAgain.LOCAL_SWEEP);
        failAt(slurm, StackOverflowError::new, RunAgain.SLURM_SWEEP);
        String localReason = RunInfo.read(local.resolve(RunInfo.FILE_NAME)).data().reason(), slurmReason = RunInfo.read(slurm.resolve(RunInfo.FILE_NAME)).data().reason();
        List<Path> snapshots = CliTestSupport.snapshots(local);
        String last = snapshots.get(snapshots.size() - 1).getFileName().toString();
        assertTrue(Pattern.matches("the JVM ran out of memory \\(Java heap space\\) with a heap limit of [0-9.]+ (MiB|GiB): give it more, "
                + "e\\.g\\. LIPF_JAVA_OPTS=-Xmx[0-9]+[mg] \\./lipf sweep \\.\\.\\., or coarsen grid\\.spacing; "
                + "then run the same sweep command again, which continues the run from its last snapshot, " + Pattern.quote(last), localReason), localReason);
        assertEquals("a thread's stack overflowed: give the threads more, e.g. -Xss16m in JAVA_OPTS of the sweep's slurm/sweep.sbatch, with --mem to hold it; "
                + "then submit the script again, whose task continues the run from its last snapshot, " + last, slurmReason);
    }

    /**
     * Runs {@link CliTestSupport#CELL_2D} into {@code run} on the CPU backend, which throws the error at {@link #FAILING_STEP};
     * {@code runAgain} runs it again.
     */
    private static JvmFailure failAt(Path run, Supplier<Error> error, RunAgain runAgain) {
        Scenario scenario = ScenarioLoader.parse(CliTestSupport.CELL_2D, "cell.yaml", Map.of());
        RunDriver driver = new RunDriver(scenario, run, 1, new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), failingAt(error), "cpu", runAgain);
        // caught here, not by assertThrows: JUnit passes an OutOfMemoryError on, which ends the test JVM
        try {
            driver.run(scenario.time().end_s(), Long.MAX_VALUE, null);
        } catch (Throwable thrown) {
            return assertInstanceOf(JvmFailure.class, thrown, () -> "the run ended with " + thrown);
        }
        throw new AssertionError("the run did not fail");
    }

    /** The CPU backend, but that the error is thrown as it would end step {@link #FAILING_STEP} (at its swap of the fields). */
    private static BackendFactory failingAt(Supplier<Error> error) {
        return (scenario, fields, parallel) -> {
            Backend cpu = new CpuBackend(scenario, fields, parallel);
            AtomicInteger steps = new AtomicInteger();
            return (Backend) Proxy.newProxyInstance(Backend.class.getClassLoader(), new Class<?>[] {Backend.class}, (proxy, method, args) -> {
                if (method.getName().equals("swapNext") && steps.incrementAndGet() == FAILING_STEP) throw error.get();
                try {
                    return method.invoke(cpu, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            });
        };
    }
}
