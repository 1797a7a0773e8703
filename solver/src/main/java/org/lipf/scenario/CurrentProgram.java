package org.lipf.scenario;

import java.util.Arrays;

/**
 * The set current density of a galvanostatic run as a function of time: piecewise constant
 * segments (one for a constant current, one per current step of a CCD ramp, two per
 * plating/stripping cycle). The run driver never lets a time step cross a segment boundary, so
 * every step sees one current.
 */
public final class CurrentProgram {
    private final double[] start_s;
    private final double[] current_A_per_m2;
    private final double end_s;
    /** Times this close to a boundary (s) belong to the later segment: the steps land on boundaries up to round-off. */
    private final double tolerance_s;

    private CurrentProgram(double[] start_s, double[] current_A_per_m2, double end_s) {
        this.start_s = start_s;
        this.current_A_per_m2 = current_A_per_m2;
        this.end_s = end_s;
        double shortest = Double.POSITIVE_INFINITY;
        for (int k = 0; k < start_s.length; k++) shortest = Math.min(shortest, (k + 1 < start_s.length ? start_s[k + 1] : end_s) - start_s[k]);
        this.tolerance_s = Double.isInfinite(shortest) ? 0 : 1e-9 * shortest;
    }

    /** The program of a galvanostatic control. */
    public static CurrentProgram of(ControlSpec control) {
        ProtocolSpec p = control.protocol();
        if (p == null) return new CurrentProgram(new double[] {0}, new double[] {control.currentDensity_A_per_m2()}, Double.POSITIVE_INFINITY);
        if (p instanceof ProtocolSpec.CcdRamp r) {
            int per = r.segmentsPerStep(), n = r.steps() * per;
            double[] t = new double[n], i = new double[n];
            double time = 0;
            for (int s = 0; s < n; s++) {
                int k = s / per;
                double current = r.start_A_per_m2() + k * r.step_A_per_m2();
                t[s] = time;
                i[s] = s % per == 0 ? current : -current; // plate, then (symmetric) strip
                time += (r.capacity_C_per_m2() + k * r.capacityStep_C_per_m2()) / current;
            }
            return new CurrentProgram(t, i, time);
        }
        ProtocolSpec.Cycling c = (ProtocolSpec.Cycling) p;
        double half = c.capacity_C_per_m2() / c.current_A_per_m2();
        double[] t = new double[2 * c.cycles()], i = new double[2 * c.cycles()];
        for (int k = 0; k < t.length; k++) {
            t[k] = k * half;
            i[k] = k % 2 == 0 ? c.current_A_per_m2() : -c.current_A_per_m2(); // plate, then strip
        }
        return new CurrentProgram(t, i, t.length * half);
    }

    /** Index of the segment that holds time t. */
    public int segmentAt(double t_s) {
        int k = Arrays.binarySearch(start_s, t_s + tolerance_s);
        return k >= 0 ? k : Math.max(0, -k - 2);
    }

    /**
     * Index of the segment a step that ended at time t ran in: a step ends exactly on each change of the current, so a
     * time on a boundary belongs to the segment before it here ({@link #segmentAt} gives the one after).
     */
    public int segmentEndingAt(double t_s) {
        int k = Arrays.binarySearch(start_s, t_s - tolerance_s);
        return k >= 0 ? k : Math.max(0, -k - 2);
    }

    /** Set current density at time t, A/m^2 (deposition positive). */
    public double currentAt_A_per_m2(double t_s) {
        return current_A_per_m2[segmentAt(t_s)];
    }

    /** Current density of segment k, A/m^2. */
    public double segmentCurrent_A_per_m2(int k) {
        return current_A_per_m2[k];
    }

    /** Start of segment k, s. */
    public double segmentStart_s(int k) {
        return start_s[k];
    }

    /** Number of segments. */
    public int segments() {
        return start_s.length;
    }

    /** Start of the segment after the one holding t, s; the program's end if t is in the last one. */
    public double nextChange_s(double t_s) {
        int k = segmentAt(t_s);
        return k + 1 < start_s.length ? start_s[k + 1] : end_s;
    }

    /** When the program ends, s (infinite for a constant current). */
    public double end_s() {
        return end_s;
    }
}
