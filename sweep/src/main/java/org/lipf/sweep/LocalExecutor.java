package org.lipf.sweep;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.lipf.kernels.cpu.Simd;

/**
 * Runs the runs of a sweep on this machine, {@code jobs} at a time, each in its own JVM (a
 * {@link RunTask} started as {@code lipf sweep SWEEP --task ID}), so a run that crashes or runs
 * out of memory takes no other run down. The child's output goes to the run's {@code lipf.log}.
 * Stopping the sweep (Ctrl-C) stops its children, and so does its death by {@code kill -9}
 * ({@link ParentPipe}); their runs restart from their last snapshot next time.
 */
final class LocalExecutor {
    private final Path sweepFile;
    private final Path sweepDir;
    private final int jobs;
    private final int threadsPerRun;
    private final List<String> passThrough;
    private final Set<Process> children = ConcurrentHashMap.newKeySet();

    LocalExecutor(Path sweepFile, Path sweepDir, int jobs, int threadsPerRun, List<String> passThrough) {
        this.sweepFile = sweepFile.toAbsolutePath();
        this.sweepDir = sweepDir.toAbsolutePath();
        this.jobs = jobs;
        this.threadsPerRun = threadsPerRun;
        this.passThrough = List.copyOf(passThrough);
    }

    /** Runs every run that is not done; returns when all have ended. */
    void runAll(List<SweepRun> runs, PrintStream err) throws IOException, InterruptedException {
        List<SweepRun> todo = new ArrayList<>();
        for (SweepRun r : runs) if (!RunState.of(r.folder(sweepDir)).status().done()) todo.add(r);
        err.printf("lipf sweep: %d runs, %d done before, %d to run, %d at a time with %d thread(s) each -> %s%n",
                runs.size(), runs.size() - todo.size(), todo.size(), jobs, threadsPerRun, sweepDir);
        SweepProgress progress = new SweepProgress(err, runs.size(), runs.size() - todo.size(), jobs);
        Thread stopChildren = new Thread(() -> children.forEach(Process::destroy));
        Runtime.getRuntime().addShutdownHook(stopChildren);
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (SweepRun r : todo) futures.add(pool.submit(() -> {
                runChild(r, progress);
                return null;
            }));
            for (Future<?> f : futures) {
                try {
                    // while it waits, a change of the progress line that its limit held back is printed
                    while (!awaited(f)) progress.print(false);
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IOException("could not run a child process: " + e.getCause().getMessage(), e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
            Runtime.getRuntime().removeShutdownHook(stopChildren);
            progress.finish();
        }
    }

    /** Whether {@code f} is done, waiting for it at most a second. */
    private static boolean awaited(Future<?> f) throws InterruptedException, java.util.concurrent.ExecutionException {
        try {
            f.get(1, TimeUnit.SECONDS);
            return true;
        } catch (TimeoutException stillRunning) {
            return false;
        }
    }

    private void runChild(SweepRun run, SweepProgress progress) throws IOException, InterruptedException {
        Path folder = run.folder(sweepDir);
        java.nio.file.Files.createDirectories(folder);
        // the child's standard input stays a pipe from this process, which it watches (ParentPipe)
        ProcessBuilder pb = new ProcessBuilder(command(run)).redirectInput(ProcessBuilder.Redirect.PIPE).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(folder.resolve(RunState.LOG_FILE).toFile()));
        long start = System.nanoTime();
        progress.started();
        Process p = pb.start();
        children.add(p);
        int code;
        try {
            code = p.waitFor();
        } finally {
            children.remove(p);
        }
        progress.ended(RunState.of(folder).status(), code == RunTask.EXIT_BUSY, (System.nanoTime() - start) * 1e-9);
    }

    /** {@code java [this JVM's heap and SIMD options] -cp CLASSPATH org.lipf.cli.Lipf sweep SWEEP -o DIR --task ID --stop-with-sweep --threads N ...}. */
    List<String> command(SweepRun run) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments())
            if (a.startsWith("-Xmx") || a.startsWith("-Xss") || a.startsWith("-XX:") && !a.contains("Flight")) cmd.add(a);
        cmd.addAll(Simd.childJvmOptions());
        cmd.addAll(List.of("-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), "org.lipf.cli.Lipf",
                "sweep", sweepFile.toString(), "-o", sweepDir.toString(), "--task", run.id(), ParentPipe.OPTION, "--threads", Integer.toString(threadsPerRun)));
        cmd.addAll(passThrough);
        return cmd;
    }
}
