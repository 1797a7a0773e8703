package org.lipf.postprocess.render;

import java.nio.file.Path;
import org.lipf.cli.RunDriver;
import org.lipf.output.Snapshot;
import org.lipf.postprocess.Decimals;
import org.lipf.postprocess.RunFolder;
import org.lipf.postprocess.RunFolderException;

/**
 * What {@code lipf compare} puts runs side by side at: a simulated time, a net passed charge per area, or the
 * charge plated (positive) or stripped (negative) in one cycle of a plating/stripping protocol. Each run shows
 * its snapshot closest to it; that snapshot is near it within 1 % (a run that ended before, or snapshots further
 * apart, are not, and the figure would mislead without a word).
 *
 * <p>A net charge is ambiguous in a run whose current plates and strips in turn: it rises through each plating
 * half and falls back through each stripping half, so the same charge recurs in every cycle. The run then shows
 * where its charge first reaches the target ({@link Pick#passages} says how often it does); with a cycle, the
 * charge counts from the start of that cycle's plating half (positive) or stripping half (negative).
 *
 * @param byCharge a passed charge, not a time
 * @param value the time (s) or the charge (C/m^2)
 * @param cycle the cycle (from 1) the charge counts in, or 0 for the net charge since the start of the run
 */
public record CompareTarget(boolean byCharge, double value, int cycle) {
    /** C/m^2 per mAh/cm^2. */
    public static final double C_PER_M2_PER_MAH_PER_CM2 = 36000;
    /** Relative distance up to which a snapshot is near the target. */
    static final double NEAR = 0.01;

    public CompareTarget {
        if (cycle < 0 || cycle > 0 && !byCharge) throw new IllegalArgumentException("a cycle goes with a charge, got cycle " + cycle);
    }

    public static CompareTarget time(double time_s) {
        return new CompareTarget(false, time_s, 0);
    }

    public static CompareTarget charge(double charge_C_per_m2) {
        return new CompareTarget(true, charge_C_per_m2, 0);
    }

    /** The charge plated (positive) or stripped (negative) since the start of that half of cycle {@code cycle} (from 1). */
    public static CompareTarget chargeInCycle(double charge_C_per_m2, int cycle) {
        return new CompareTarget(true, charge_C_per_m2, cycle);
    }

    /**
     * The snapshot a run shows.
     *
     * @param snapshot its index in the run's snapshots
     * @param at its time (s), net charge or charge in its half (C/m^2), as the target is
     * @param where {@code at} as the figure writes it ("t = 4 s", "0.5 mAh/cm²", "cycle 3, 0.25 mAh/cm² stripped")
     * @param near whether it is within 1 % of the target (in a cycle: of the half's capacity)
     * @param passages how many separate times the run's net charge reaches the target in its snapshots (1 where it only
     *     rises or only falls; 0 where it never does); 1 for a time or a charge in a cycle
     * @param cycles whether the run's protocol has plating/stripping cycles (which {@link #chargeInCycle} can name)
     */
    public record Pick(int snapshot, double at, String where, boolean near, int passages, boolean cycles) {
    }

    /** The snapshot of {@code run} closest to the target; a snapshot without its charge, or a cycle the run's protocol lacks, is an error. */
    public Pick pick(RunFolder run) throws RunFolderException {
        int n = run.snapshots().size();
        double[] t = new double[n], q = new double[n];
        for (int i = 0; i < n; i++) {
            Snapshot s = run.read(i);
            t[i] = s.time_s();
            if (byCharge) q[i] = charge(s, run.snapshots().get(i));
        }
        if (!byCharge) {
            int best = closest(t, 0, n);
            return new Pick(best, t[best], describe(t[best]), near(t[best]), 1, false);
        }
        PlatingCycles cycles = PlatingCycles.of(run.scenario().control());
        return cycle == 0 ? firstReach(q, cycles != null) : inCycle(run, cycles, t, q);
    }

    /** The snapshot closest to the target around where the net charge first reaches it, and how many times it does. */
    private Pick firstReach(double[] q, boolean cycles) {
        int passages = 0, first = -1, firstEnd = -1;
        boolean inPassage = false;
        for (int i = 0; i < q.length; i++) {
            boolean reached = near(q[i]) || i > 0 && Math.signum(q[i - 1] - value) * Math.signum(q[i] - value) < 0;
            if (reached && !inPassage) {
                passages++;
                if (first < 0) first = i > 0 && !near(q[i]) ? i - 1 : i;
            }
            if (reached && passages == 1) firstEnd = i;
            inPassage = reached;
        }
        int best = first < 0 ? closest(q, 0, q.length) : closest(q, first, firstEnd + 1);
        return new Pick(best, q[best], describe(q[best]), near(q[best]), passages, cycles);
    }

    /** The snapshot of the target's half of cycle {@link #cycle} whose charge in that half is closest to the target. */
    private Pick inCycle(RunFolder run, PlatingCycles cycles, double[] t, double[] q) throws RunFolderException {
        if (cycles == null)
            throw new RunFolderException("--cycle: " + run.dir() + " has no plating/stripping cycles (its control has neither a cycling "
                    + "protocol nor a symmetric ccd_ramp); compare it by its net charge, without --cycle");
        if (cycle > cycles.count()) throw new RunFolderException("--cycle " + cycle + ": the protocol of " + run.dir() + " has " + cycles.count() + " cycles");
        int half = PlatingCycles.half(cycle, value < 0);
        double capacity = cycles.capacity_C_per_m2(half);
        if (Math.abs(value) > capacity * (1 + 1e-9))
            throw new RunFolderException("--at-charge " + charge_mAh_per_cm2(value) + ": more than the " + charge_mAh_per_cm2(capacity)
                    + (value < 0 ? " stripped" : " plated") + " in cycle " + cycle + " of " + run.dir());
        int best = -1;
        for (int i = 0; i < q.length; i++) {
            if (!cycles.contains(half, t[i])) continue;
            if (best < 0 || Math.abs(cycles.chargeInHalf_C_per_m2(half, q[i]) - value) < Math.abs(cycles.chargeInHalf_C_per_m2(half, q[best]) - value))
                best = i;
        }
        if (best >= 0) {
            double in = cycles.chargeInHalf_C_per_m2(half, q[best]);
            return new Pick(best, in, inCycle(half, in), Math.abs(in - value) <= NEAR * capacity, 1, true);
        }
        // no snapshot in that half (the run ended before it): the one nearest its time, where it is
        best = closest(t, cycles.time_s(half, value), 0, t.length);
        int own = cycles.halfAt(t[best]);
        double in = cycles.chargeInHalf_C_per_m2(own, q[best]);
        return new Pick(best, in, inCycle(own, in), false, 1, true);
    }

    /** Index in [from, to) of the value closest to the target, the first of equals. */
    private int closest(double[] v, int from, int to) {
        return closest(v, value, from, to);
    }

    private static int closest(double[] v, double target, int from, int to) {
        int best = from;
        for (int i = from + 1; i < to; i++) if (Math.abs(v[i] - target) < Math.abs(v[best] - target)) best = i;
        return best;
    }

    /** The snapshot's net passed charge; a snapshot without it is an error naming its {@code file}. */
    private static double charge(Snapshot s, Path file) throws RunFolderException {
        if (s.extras().get(RunDriver.PASSED_CHARGE) instanceof Double q) return q;
        throw new RunFolderException(file + " has no attribute " + RunDriver.PASSED_CHARGE + " (needed for --at-charge)");
    }

    /** Whether {@code v} (a snapshot's time or net charge) is within 1 % of the target. */
    public boolean near(double v) {
        return Math.abs(v - value) <= NEAR * Math.abs(value);
    }

    /** A time or net charge as the figure writes it: {@code t = 4 s}, {@code 0.5 mAh/cm²}. */
    public String describe(double v) {
        return byCharge ? charge_mAh_per_cm2(v) : "t = " + Images.time(v);
    }

    /** The target as the figure's title writes it: "t = 4 s", "0.5 mAh/cm² passed", "0.25 mAh/cm² stripped in cycle 3". */
    public String describeTarget() {
        if (!byCharge) return describe(value);
        if (cycle == 0) return describe(value) + " passed";
        return charge_mAh_per_cm2(Math.abs(value)) + (value < 0 ? " stripped" : " plated") + " in cycle " + cycle;
    }

    /** A charge passed in a half: "cycle 3, 0.25 mAh/cm² stripped". */
    private static String inCycle(int half, double charge_C_per_m2) {
        String what = PlatingCycles.stripping(half) ? "stripped" : "plated";
        return "cycle " + PlatingCycles.cycleOf(half) + ", " + charge_mAh_per_cm2(Math.abs(charge_C_per_m2)) + " " + what;
    }

    /** What the target is, for sentences: "time" or "charge". */
    public String quantity() {
        return byCharge ? "charge" : "time";
    }

    /** A passed charge in mAh/cm^2 (four significant digits), from C/m^2. */
    static String charge_mAh_per_cm2(double charge_C_per_m2) {
        return Images.trim(Decimals.format("%.4g", charge_C_per_m2 / C_PER_M2_PER_MAH_PER_CM2)) + " mAh/cm\u00b2";
    }
}
