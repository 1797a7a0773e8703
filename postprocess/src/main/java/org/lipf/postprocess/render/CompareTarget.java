package org.lipf.postprocess.render;

import java.nio.file.Path;
import org.lipf.cli.RunDriver;
import org.lipf.output.Snapshot;
import org.lipf.postprocess.Decimals;
import org.lipf.postprocess.RunFolderException;

/**
 * What {@code lipf compare} puts runs side by side at: a simulated time or a passed charge per area.
 * Each run shows its snapshot closest to it; that snapshot is near it within 1 % (a run that ended
 * before, or snapshots further apart, are not, and the figure would mislead without a word).
 *
 * @param byCharge a passed charge, not a time
 * @param value the time (s) or the charge (C/m^2)
 */
public record CompareTarget(boolean byCharge, double value) {
    /** C/m^2 per mAh/cm^2. */
    public static final double C_PER_M2_PER_MAH_PER_CM2 = 36000;
    /** Relative distance up to which a snapshot is near the target. */
    static final double NEAR = 0.01;

    public static CompareTarget time(double time_s) {
        return new CompareTarget(false, time_s);
    }

    public static CompareTarget charge(double charge_C_per_m2) {
        return new CompareTarget(true, charge_C_per_m2);
    }

    /** The snapshot's time or passed charge; a snapshot without its charge is an error naming its {@code file}. */
    double of(Snapshot s, Path file) throws RunFolderException {
        if (!byCharge) return s.time_s();
        if (s.extras().get(RunDriver.PASSED_CHARGE) instanceof Double q) return q;
        throw new RunFolderException(file + " has no attribute " + RunDriver.PASSED_CHARGE + " (needed for --at-charge)");
    }

    /** Whether {@code v} (a snapshot's time or charge) is within 1 % of the target. */
    public boolean near(double v) {
        return Math.abs(v - value) <= NEAR * Math.abs(value);
    }

    /** A time or charge as the figure writes it: {@code t = 4 s}, {@code 0.5 mAh/cm²}. */
    public String describe(double v) {
        return byCharge ? charge_mAh_per_cm2(v) : "t = " + Images.time(v);
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
