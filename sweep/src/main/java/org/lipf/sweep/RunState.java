package org.lipf.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.lipf.output.RunInfo;
import org.lipf.output.SnapshotReader;
import org.lipf.output.TimeSeriesWriter;

/**
 * Where a run of a sweep stands, read from its folder: {@code run.json} (written by
 * {@code lipf run}), its lock and its log {@code lipf.log}.
 *
 * @param status where it stands
 * @param reason why it ended (run.json's reason, or the last error line of the log)
 * @param lastSnapshot the snapshot a restart continues from, null if none
 * @param info the run record, null if there is none yet
 */
record RunState(Status status, String reason, Path lastSnapshot, RunInfo.Data info) {
    /** The log of the processes that ran the run. */
    static final String LOG_FILE = "lipf.log";
    private static final int MAX_REASON = 300;

    enum Status {
        /** Not started. */
        PENDING,
        /** A process holds its lock now. */
        RUNNING,
        /** Its run.json says running but no process holds its lock: the process died. */
        INTERRUPTED,
        FINISHED,
        SHORTED,
        FAILED;

        String csv() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Finished or shorted: nothing more to run. */
        boolean done() {
            return this == FINISHED || this == SHORTED;
        }
    }

    /** Whether the folder holds a run that a sweep would keep or continue: done, running, or with a snapshot to restart from. */
    boolean holdsRun() {
        return status.done() || status == Status.RUNNING || lastSnapshot != null;
    }

    /** Whether {@code folder} exists and holds a run ({@link #holdsRun}), seen from a process that does not hold its lock. */
    static boolean folderHoldsRun(Path folder) throws IOException {
        return Files.isDirectory(folder) && of(folder).holdsRun();
    }

    /** The state of {@code folder}, seen from a process that does not hold its lock. */
    static RunState of(Path folder) throws IOException {
        return of(folder, RunLock.isHeld(folder));
    }

    /** The state of {@code folder}, {@code lockHeld} telling whether a running process holds it (false from the holder itself). */
    static RunState of(Path folder, boolean lockHeld) throws IOException {
        Path json = folder.resolve(RunInfo.FILE_NAME);
        if (!Files.isRegularFile(json)) {
            if (lockHeld) return new RunState(Status.RUNNING, "", null, null);
            String error = lastErrorLine(folder.resolve(LOG_FILE));
            return new RunState(error == null ? Status.PENDING : Status.FAILED, error == null ? "" : error, null, null);
        }
        RunInfo.Data info;
        try {
            info = RunInfo.read(json).data();
        } catch (IOException e) {
            return new RunState(lockHeld ? Status.RUNNING : Status.FAILED, "unreadable run.json: " + e.getMessage(), null, null);
        }
        Path snapshot = Files.isRegularFile(folder.resolve(TimeSeriesWriter.FILE_NAME)) ? last(SnapshotReader.list(folder.resolve("snapshots"))) : null;
        return switch (info.status()) {
            case FINISHED -> new RunState(Status.FINISHED, info.reason(), snapshot, info);
            case SHORTED -> new RunState(Status.SHORTED, info.reason(), snapshot, info);
            case FAILED -> new RunState(Status.FAILED, failureReason(info.reason(), folder), snapshot, info);
            case RUNNING -> lockHeld ? new RunState(Status.RUNNING, "", snapshot, info)
                    : new RunState(Status.INTERRUPTED, interruption(folder), snapshot, info);
        };
    }

    private static String failureReason(String reason, Path folder) throws IOException {
        if (reason != null && !reason.isBlank()) return shorten(reason);
        String error = lastErrorLine(folder.resolve(LOG_FILE));
        return error == null ? "" : error;
    }

    private static String interruption(Path folder) throws IOException {
        String error = lastErrorLine(folder.resolve(LOG_FILE));
        return "process ended while running" + (error == null ? "" : ": " + error);
    }

    private static Path last(List<Path> snapshots) {
        return snapshots.isEmpty() ? null : snapshots.get(snapshots.size() - 1);
    }

    /** The last line of the log that starts with "error:" or names an Error or Exception; null if none. */
    static String lastErrorLine(Path log) throws IOException {
        if (!Files.isRegularFile(log)) return null;
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        for (int i = lines.size() - 1; i >= 0; i--) {
            String l = lines.get(i).strip();
            if (l.startsWith("error:") || l.matches("(Exception in thread .*|[\\w.$]+(Error|Exception)(: .*)?)")) return shorten(l);
        }
        return null;
    }

    private static String shorten(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() <= MAX_REASON ? one : one.substring(0, MAX_REASON - 3) + "...";
    }
}
