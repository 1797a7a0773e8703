package org.lipf.postprocess.render;

import org.lipf.scenario.ControlMode;
import org.lipf.scenario.ControlSpec;
import org.lipf.scenario.CurrentProgram;
import org.lipf.scenario.ProtocolSpec;

/**
 * The plating/stripping cycles of a run's current protocol: a {@code cycling} protocol, or a symmetric
 * {@code ccd_ramp} (each current step plates and strips once). Half {@code h} of the program is the plating
 * ({@code h} even) or the stripping half of cycle {@code h / 2 + 1}; the net passed charge rises through each
 * plating half and falls back through each stripping half, so a net charge alone does not say which cycle.
 */
final class PlatingCycles {
    private final CurrentProgram program;
    /** Net charge the program has passed at the start of each half, C/m^2 (deposition positive). */
    private final double[] chargeAtStart_C_per_m2;

    private PlatingCycles(CurrentProgram program) {
        this.program = program;
        chargeAtStart_C_per_m2 = new double[program.segments() + 1];
        for (int h = 0; h < program.segments(); h++)
            chargeAtStart_C_per_m2[h + 1] = chargeAtStart_C_per_m2[h] + program.segmentCurrent_A_per_m2(h) * (end_s(h) - start_s(h));
    }

    /** The cycles of a control, or null where its current does not plate and strip in turn. */
    static PlatingCycles of(ControlSpec control) {
        if (control.mode() != ControlMode.GALVANOSTATIC) return null;
        ProtocolSpec p = control.protocol();
        boolean cycles = p instanceof ProtocolSpec.Cycling || p instanceof ProtocolSpec.CcdRamp r && r.symmetric();
        return cycles ? new PlatingCycles(CurrentProgram.of(control)) : null;
    }

    /** Number of cycles. */
    int count() {
        return program.segments() / 2;
    }

    /** The half of cycle {@code cycle} (from 1): its plating half, or with {@code stripping} its stripping half. */
    static int half(int cycle, boolean stripping) {
        return 2 * (cycle - 1) + (stripping ? 1 : 0);
    }

    static int cycleOf(int half) {
        return half / 2 + 1;
    }

    static boolean stripping(int half) {
        return half % 2 == 1;
    }

    double start_s(int half) {
        return program.segmentStart_s(half);
    }

    double end_s(int half) {
        return half + 1 < program.segments() ? program.segmentStart_s(half + 1) : program.end_s();
    }

    /** The charge a half plates or strips, C/m^2 (positive). */
    double capacity_C_per_m2(int half) {
        return Math.abs(chargeAtStart_C_per_m2[half + 1] - chargeAtStart_C_per_m2[half]);
    }

    /**
     * The charge passed since the start of {@code half} by a snapshot that had passed {@code netCharge} in all, C/m^2:
     * positive, plated in a plating half; negative, stripped in a stripping half.
     */
    double chargeInHalf_C_per_m2(int half, double netCharge_C_per_m2) {
        return netCharge_C_per_m2 - chargeAtStart_C_per_m2[half];
    }

    /** Time at which {@code half} has passed {@code charge} (signed as {@link #chargeInHalf_C_per_m2}), s. */
    double time_s(int half, double charge_C_per_m2) {
        return start_s(half) + Math.abs(charge_C_per_m2 / program.segmentCurrent_A_per_m2(half));
    }

    /** Whether a snapshot at {@code t} lies in {@code half}, its ends included (a snapshot on a change of the current ends one half and starts the next). */
    boolean contains(int half, double t_s) {
        double tolerance_s = 1e-9 * (end_s(half) - start_s(half));
        return t_s >= start_s(half) - tolerance_s && t_s <= end_s(half) + tolerance_s;
    }

    /** The half a snapshot at {@code t} belongs to: the one its last step ran in (the last half after the program's end). */
    int halfAt(double t_s) {
        return t_s <= 0 ? 0 : Math.min(program.segments() - 1, program.segmentEndingAt(t_s));
    }
}
