package org.lipf.sweep;

import java.io.PrintStream;
import java.time.Duration;

/**
 * The one-line progress report of a sweep: runs done, running, failed, interrupted and pending (a run
 * ended counts under the status summary.csv gives it), and the estimated time left (mean wall time of the runs finished so far in this session, times the
 * runs left, over the concurrent jobs). Rewrites itself on a terminal, prints a line on every
 * change (at most every 10 s) otherwise.
 */
final class SweepProgress {
    private final PrintStream out;
    private final boolean terminal = System.console() != null;
    private final int total;
    private final int jobs;
    private int done, running, failed, interrupted, busy, completedHere;
    private double wallSumHere_s;
    private String lastLine = "";
    private long lastPrintNanos;

    SweepProgress(PrintStream out, int total, int alreadyDone, int jobs) {
        this.out = out;
        this.total = total;
        this.done = alreadyDone;
        this.jobs = jobs;
    }

    synchronized void started() {
        running++;
        print(false);
    }

    /**
     * A run ended after {@code wall_s} seconds: done, failed, interrupted (its child JVM killed: run.json still
     * says running), pending again (killed before it wrote anything), or left to another process.
     */
    synchronized void ended(RunState.Status status, boolean busyElsewhere, double wall_s) {
        running--;
        if (busyElsewhere) busy++;
        else if (status.done()) {
            done++;
            completedHere++;
            wallSumHere_s += wall_s;
        } else if (status == RunState.Status.INTERRUPTED) interrupted++;
        else if (status == RunState.Status.FAILED) failed++;
        print(false);
    }

    synchronized void print(boolean force) {
        int pending = total - done - running - failed - interrupted - busy;
        String eta = "--:--:--";
        if (completedHere > 0) {
            double left_s = wallSumHere_s / completedHere * (pending + 0.5 * running) / jobs;
            Duration d = Duration.ofSeconds((long) Math.ceil(left_s));
            eta = String.format("%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart());
        }
        String line = String.format("sweep: %d/%d done, %d running, %d failed, %s%d pending%s  ETA %s",
                done, total, running, failed, interrupted > 0 ? interrupted + " interrupted, " : "", pending, busy > 0 ? ", " + busy + " run by other processes" : "", eta);
        long now = System.nanoTime();
        if (terminal) {
            if (force || now - lastPrintNanos > 500_000_000L) {
                out.print("\r" + line + "   ");
                lastPrintNanos = now;
            }
        } else if (force || (!line.equals(lastLine) && now - lastPrintNanos > 10_000_000_000L)) {
            out.println(line);
            lastPrintNanos = now;
        }
        lastLine = line;
        out.flush();
    }

    synchronized void finish() {
        print(true);
        if (terminal) out.println();
    }
}
