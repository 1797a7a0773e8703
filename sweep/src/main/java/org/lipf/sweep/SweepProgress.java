package org.lipf.sweep;

import java.io.PrintStream;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The one-line progress report of a sweep: runs done, running, failed, interrupted and pending (a run
 * ended counts under the status summary.csv gives it), and the estimated time left (mean wall time of the runs finished so far in this session, times the
 * runs left, over the concurrent jobs). Rewrites itself on a terminal (at most every 0.5 s), prints a line on every
 * change (at most every 10 s) otherwise; a change held back by that limit is printed by the next call after it
 * ({@link #print}, which the sweep also calls while it waits), so the line it leaves standing is the true one.
 */
final class SweepProgress {
    private final PrintStream out;
    private final boolean terminal = System.console() != null;
    private final LongSupplier clock_ns;
    private final int total;
    private final int jobs;
    private int done, running, failed, interrupted, busy, completedHere;
    /** Runs of this session not started yet. */
    private int toStart;
    private double wallSumHere_s;
    /** The line last printed; null before the first. */
    private String printedLine;
    private long lastPrintNanos;

    /** @param alreadyDone runs done before; the others all start in this session, {@code jobs} at a time */
    SweepProgress(PrintStream out, int total, int alreadyDone, int jobs) {
        this(out, total, alreadyDone, jobs, System::nanoTime);
    }

    /** @param clock_ns the time in ns that the limit on printing is measured in */
    SweepProgress(PrintStream out, int total, int alreadyDone, int jobs, LongSupplier clock_ns) {
        this.out = out;
        this.total = total;
        this.done = alreadyDone;
        this.toStart = total - alreadyDone;
        this.jobs = jobs;
        this.clock_ns = clock_ns;
    }

    synchronized void started() {
        toStart--;
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

    /** Prints the line if it changed and the limit allows it, or, with {@code force}, if it changed. */
    synchronized void print(boolean force) {
        // while a job is free and a run is left, a run is starting (the first ones start one by one, the next one as a
        // run ends): the line waits for it, which it would count as pending
        if (!force && toStart > 0 && running < jobs) return;
        String line = line();
        long now = clock_ns.getAsLong();
        boolean due = printedLine == null || now - lastPrintNanos > (terminal ? 500_000_000L : 10_000_000_000L);
        if (line.equals(printedLine) || !force && !due) return;
        if (terminal) out.print("\r" + line + "   ");
        else out.println(line);
        out.flush();
        printedLine = line;
        lastPrintNanos = now;
    }

    private String line() {
        int pending = total - done - running - failed - interrupted - busy;
        String eta = "--:--:--";
        if (completedHere > 0) {
            double left_s = wallSumHere_s / completedHere * (pending + 0.5 * running) / jobs;
            Duration d = Duration.ofSeconds((long) Math.ceil(left_s));
            eta = String.format("%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart());
        }
        return String.format("sweep: %d/%d done, %d running, %d failed, %s%d pending%s  ETA %s",
                done, total, running, failed, interrupted > 0 ? interrupted + " interrupted, " : "", pending, busy > 0 ? ", " + busy + " run by other processes" : "", eta);
    }

    synchronized void finish() {
        print(true);
        if (terminal) out.println();
    }
}
