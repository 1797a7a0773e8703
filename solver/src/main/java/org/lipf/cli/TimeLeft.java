package org.lipf.cli;

import java.util.ArrayDeque;

/**
 * The wall time a run still needs: the simulated time left times the wall time per simulated second of the
 * last half of the simulated time so far ({@link #RECENT_SHARE}).
 *
 * <p>Why recent, and why a share of the simulated time rather than of the wall time: a semi-implicit run's step
 * doubles from a fraction of a millisecond up to its largest step, and every run's first steps wait for the JIT, so
 * the rate over the whole run so far (or steps per second) read several times the time left long after the steps had
 * stopped growing. That slow start takes much wall time but little simulated time, so a window over the simulated
 * time leaves it behind as soon as the steps reach their size, where one over the wall time keeps it for a while.
 * For the same reason the small steps after each change of a current protocol, which cover little simulated time,
 * move the estimate little (in proportion to the simulated time they take). The window is a share of the run, not of
 * fixed length, so that it spans a protocol's intervals once a few have run and averages over them; a half rather
 * than a quarter, with which the estimate for the protocol of {@code TimeLeftTest} swung at a change by two thirds of
 * the time left.
 */
final class TimeLeft {
    /**
     * Share of the simulated span to run before an estimate is given: the first steps (the JIT's warm-up, a
     * semi-implicit run's small first steps) said nothing of the rest, and their ETA read 36 hours for a run of a minute.
     */
    static final double ETA_AFTER_FRACTION = 0.01;
    /** Share of the simulated time so far whose wall time gives the rate. */
    static final double RECENT_SHARE = 0.5;
    /** A sample is kept once the simulated time has moved on by this share of the time so far: a few hundred in the window. */
    private static final double SAMPLE_SPACING = 1e-3;

    private final double startTime_s;
    /** (wall s, simulated s) from the start of the window on, oldest first; the first at or before the window's start. */
    private final ArrayDeque<double[]> samples = new ArrayDeque<>();
    private double wall_s, time_s;

    TimeLeft(double startWall_s, double startTime_s) {
        this.startTime_s = startTime_s;
        this.wall_s = startWall_s;
        this.time_s = startTime_s;
        samples.add(new double[] {startWall_s, startTime_s});
    }

    /** The run has reached simulated time {@code time_s} at wall time {@code wall_s} (s, any origin). */
    void record(double wall_s, double time_s) {
        this.wall_s = wall_s;
        this.time_s = time_s;
        if (time_s - samples.getLast()[1] >= SAMPLE_SPACING * (time_s - startTime_s)) samples.add(new double[] {wall_s, time_s});
        double from = windowStart_s();
        while (samples.size() > 1 && second()[1] <= from) samples.removeFirst();
    }

    /** Wall seconds left to reach {@code end_s}; NaN before {@link #ETA_AFTER_FRACTION} of the span to it has run. */
    double remaining_s(double end_s) {
        double span = time_s - startTime_s;
        if (!(span > 0 && span >= ETA_AFTER_FRACTION * (end_s - startTime_s))) return Double.NaN;
        double from = windowStart_s();
        double[] a = samples.getFirst(), b = samples.size() > 1 ? second() : new double[] {wall_s, time_s};
        // the wall time at the window's start, between the samples around it
        double wallFrom = b[1] > a[1] ? a[0] + (b[0] - a[0]) * (from - a[1]) / (b[1] - a[1]) : b[0];
        double wallPerSimulated = (wall_s - wallFrom) / (time_s - from);
        return wallPerSimulated > 0 ? Math.max(0, end_s - time_s) * wallPerSimulated : Double.NaN;
    }

    private double windowStart_s() {
        return time_s - RECENT_SHARE * (time_s - startTime_s);
    }

    private double[] second() {
        var it = samples.iterator();
        it.next();
        return it.next();
    }
}
