package org.lipf.postprocess.plot;

/**
 * The unit of the time axis of a run's charts: s for runs shorter than 10 min, min for runs shorter than 3 h, h for
 * longer ones, so that the round ticks are round in the unit a reader counts in (a 24 h run ticked every 20000 s
 * reads 5.6 h, 11.1 h, ...).
 */
enum TimeAxis {
    SECONDS("s", 1), MINUTES("min", 60), HOURS("h", 3600);

    private final String unit;
    private final double seconds;

    TimeAxis(String unit, double seconds) {
        this.unit = unit;
        this.seconds = seconds;
    }

    /** The unit for a run whose times reach {@code end_s}. */
    static TimeAxis forEnd(double end_s) {
        return end_s < 600 ? SECONDS : end_s < 3 * 3600 ? MINUTES : HOURS;
    }

    /** The axis title, "t [min]". */
    String title() {
        return "t [" + unit + "]";
    }

    /** The times in this unit. */
    double[] of(double[] time_s) {
        double[] out = new double[time_s.length];
        for (int n = 0; n < time_s.length; n++) out[n] = time_s[n] / seconds;
        return out;
    }
}
