package org.lipf.sweep;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.lipf.cli.Lipf;
import org.lipf.cli.RunAgain;

/**
 * Runs one run of a sweep in this process, under the run's lock: skips it if it is finished or
 * shorted, restarts it from its last snapshot if it was interrupted or failed after writing one,
 * and starts it afresh (in an emptied folder) otherwise. It records the run's parameters and
 * inputs in the folder ({@link RunFolders#PARAMETERS_FILE}, {@link RunFingerprint#FILE_NAME}) when it
 * starts it afresh and when it restarts one that has no record yet, and leaves alone a folder that
 * records other parameters, or holds a run of other inputs ({@link ChangedRuns}: what a Slurm array
 * resubmitted after the base scenario was edited would find; a record another version of LiPF wrote
 * for the same inputs is renewed). Local sweeps start one such task per child
 * JVM; a Slurm array task is one too. Deciding under the lock means two processes can never run,
 * restart or clean the same run at once, whichever order they come in.
 */
final class RunTask {
    /** Exit code of a task whose run another process holds (EX_TEMPFAIL). */
    static final int EXIT_BUSY = 75;

    private RunTask() {
    }

    /**
     * @param fingerprint the run's {@link RunFingerprint} as the sweep gives it now
     * @param passThrough further {@code lipf run} options (e.g. {@code --backend opencl})
     * @param runAgain who runs the run again, which the advice of a failure of its JVM names: a local sweep or a Slurm job array
     * @return the exit code: 0 (done or already done), {@link #EXIT_BUSY}, {@link Lipf#EXIT_BAD_INPUT} (a run of
     *     other inputs), or that of {@code lipf run}
     */
    static int execute(SweepSpec spec, SweepRun run, String fingerprint, Path sweepDir, int threads, List<String> passThrough, RunAgain runAgain,
            PrintStream err)
            throws IOException {
        Path folder = run.folder(sweepDir);
        Files.createDirectories(folder);
        try (RunLock lock = RunLock.tryAcquire(folder)) {
            if (lock == null) {
                err.println("lipf sweep: run " + run.id() + " is being run by another process; left to it");
                return EXIT_BUSY;
            }
            String recorded = RunFolders.recorded(folder);
            if (recorded != null && !recorded.equals(run.identity())) {
                err.println("error: run " + run.id() + ": its folder " + folder + " records other parameters (" + RunFolders.PARAMETERS_FILE + ": "
                        + recorded.replace("\n", ", ") + "); left untouched");
                return Lipf.EXIT_FAILED;
            }
            RunState state = RunState.of(folder, false);
            String inputs = RunFingerprint.recorded(folder);
            if (inputs != null && !inputs.equals(fingerprint) && state.holdsRun()) {
                if (!ChangedRuns.renewIfSame(spec, run, folder, fingerprint)) {
                    err.println("error: " + ChangedRuns.refusal(spec, sweepDir, List.of(run)).getMessage());
                    return Lipf.EXIT_BAD_INPUT;
                }
                err.println(ChangedRuns.renewedNote("run " + run.id()));
            }
            if (state.status().done()) {
                err.println("lipf sweep: run " + run.id() + " is already " + state.status().csv());
                return 0;
            }
            List<String> args = new ArrayList<>(run.runArguments(sweepDir, spec, passThrough));
            args.addAll(List.of("--threads", Integer.toString(threads), RunAgain.OPTION, runAgain.name()));
            if (state.lastSnapshot() != null) {
                args.addAll(List.of("--restart", state.lastSnapshot().toAbsolutePath().toString()));
                if (recorded == null) RunFolders.record(run, folder);
                if (inputs == null) RunFingerprint.record(fingerprint, folder);
                err.println("lipf sweep: run " + run.id() + " (" + state.status().csv() + ") restarts from " + state.lastSnapshot().getFileName());
            } else {
                emptyExceptLockAndLog(folder);
                RunFolders.record(run, folder);
                RunFingerprint.record(fingerprint, folder);
                err.println("lipf sweep: run " + run.id() + " starts");
            }
            return Lipf.execute(args.toArray(String[]::new));
        }
    }

    /** Removes what an earlier attempt left (a run folder without snapshots to restart from), except the lock, the log and the parameters. */
    private static void emptyExceptLockAndLog(Path folder) throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder)) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                if (name.equals(RunLock.FILE_NAME) || name.equals(RunState.LOG_FILE) || name.equals(RunFolders.PARAMETERS_FILE)) continue;
                try (Stream<Path> tree = Files.walk(p)) {
                    for (Path q : tree.sorted(Comparator.reverseOrder()).toList()) Files.delete(q);
                }
            }
        }
    }
}
