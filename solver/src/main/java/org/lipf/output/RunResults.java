package org.lipf.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lipf.scenario.ControlSpec;
import org.lipf.scenario.CurrentProgram;
import org.lipf.scenario.ProtocolSpec;

/**
 * A run's {@code results.json}: what the experiment it mirrors would report, evaluated from the
 * time series and the solver's {@link Extremes} (so a restarted run gives the same results): the
 * critical current density of a CCD ramp, the overpotential per plating/stripping cycle and the
 * cycle of failure, and the time and place of a short.
 *
 * <p>What is taken from the rows does not depend on how densely they are written: the short's
 * time comes from the step that found it, the final voltage and each half cycle's remaining
 * contact from rows the driver writes at the run's last step and at every change of the set
 * current, and a half cycle's overpotential is a time average, which the rows (evenly spaced in
 * time) sample without bias. Only a peak or a minimum over the run would be missed between rows:
 * those come from the {@link Extremes} the solver keeps over every step.
 */
public final class RunResults {
    public static final String FILE_NAME = "results.json";
    /** The time-series column of the Li pressure on brittle electrolytes over their flaws' critical pressure. */
    public static final String INTRUSION_RATIO = "intrusion_ratio";
    /** Time-series column: the smallest contact fraction of the metal surface over the columns (docs/MODEL.md section 4.3; 1 without voids). */
    public static final String CONTACT_FRACTION = "contact_fraction";
    /**
     * Every key {@link #evaluate} may write (a run's results.json adds the caller's {@code extra} ones):
     * what tools that read results.json check names against.
     */
    public static final List<String> KEYS = List.of("shorted", "time_to_short_s", "final_cell_voltage_V", "peak_intrusion_ratio",
            "min_contact_fraction", "protocol", "protocol_completed", "current_steps_completed", "highest_current_passed_A_per_m2", "ccd_A_per_m2", "ccd_reached",
            "cycles_completed", "failure_cycle", "cycles");

    private RunResults() {
    }

    /**
     * The extremes the solver kept over every step (docs/MODEL.md section 4.1): the peak intrusion ratio and the
     * least contact fraction; NaN where unknown (a run continued from a snapshot older than them), and then taken
     * from the time-series rows.
     */
    public record Extremes(double peakIntrusionRatio, double minContactFraction) {
        /** Neither known: both from the rows. */
        public static final Extremes FROM_ROWS = new Extremes(Double.NaN, Double.NaN);
    }

    /**
     * Evaluates the results of a run.
     *
     * @param control the run's control
     * @param series its time series (columns {@code time_s}, {@code cell_voltage_V})
     * @param shortTime_s when it shorted, NaN if it did not
     * @param extremes the solver's extremes over every step
     */
    public static Map<String, Object> evaluate(ControlSpec control, TimeSeries series, double shortTime_s, Extremes extremes) {
        Map<String, Object> r = new LinkedHashMap<>();
        boolean shorted = !Double.isNaN(shortTime_s);
        r.put("shorted", shorted);
        if (shorted) r.put("time_to_short_s", shortTime_s);
        double[] t = series.values("time_s");
        double[] v = series.values("cell_voltage_V");
        if (t.length > 0) r.put("final_cell_voltage_V", v[v.length - 1]);
        // the highest Li pressure on a brittle electrolyte over its flaws' critical one (docs/MODEL.md section 4.2)
        if (!Double.isNaN(extremes.peakIntrusionRatio())) r.put("peak_intrusion_ratio", extremes.peakIntrusionRatio());
        else if (t.length > 0 && series.columns().contains(INTRUSION_RATIO)) r.put("peak_intrusion_ratio", Arrays.stream(series.values(INTRUSION_RATIO)).max().getAsDouble());
        // voids at the stripping metal (section 4.3): the least contact the run saw, where it lost any
        double[] contact = t.length > 0 && series.columns().contains(CONTACT_FRACTION) ? series.values(CONTACT_FRACTION) : null;
        double leastContact = !Double.isNaN(extremes.minContactFraction()) ? extremes.minContactFraction()
                : contact != null ? minimum(contact) : 1;
        boolean voids = leastContact < 1;
        if (voids) r.put("min_contact_fraction", leastContact);
        if (control.protocol() == null) return r;
        CurrentProgram program = CurrentProgram.of(control);
        double reached_s = shorted ? shortTime_s : (t.length > 0 ? t[t.length - 1] : 0);
        // the step that shorted may end exactly on a change of the current: the short is that segment's
        int failed = shorted ? program.segmentEndingAt(shortTime_s) : program.segmentAt(reached_s);
        boolean lastDone = !shorted && reached_s >= program.end_s() * (1 - 1e-9);
        int completed = lastDone ? program.segments() : failed; // segments finished without a short
        if (control.protocol() instanceof ProtocolSpec.CcdRamp ramp) {
            // a symmetric ramp has a plating and a stripping segment per current step
            int per = ramp.segmentsPerStep(), steps = completed / per;
            r.put("protocol", "ccd_ramp");
            r.put("protocol_completed", shorted || lastDone);
            r.put("current_steps_completed", steps);
            r.put("highest_current_passed_A_per_m2", steps > 0 ? program.segmentCurrent_A_per_m2((steps - 1) * per) : null);
            // the CCD is the current density of the step that shorted, as the papers report it
            r.put("ccd_A_per_m2", shorted ? program.segmentCurrent_A_per_m2(failed / per * per) : null);
            r.put("ccd_reached", shorted);
            return r;
        }
        r.put("protocol", "cycling");
        // stopped by time.end, --end-time or a step limit before its end, the program's results are partial
        r.put("protocol_completed", shorted || lastDone);
        r.put("cycles_completed", completed / 2);
        r.put("failure_cycle", shorted ? failed / 2 + 1 : null);
        List<Map<String, Object>> cycles = new ArrayList<>();
        // a run stopped on a change of the current has not started the next segment
        int started = lastDone ? program.segments() : shorted ? failed + 1 : program.segmentEndingAt(reached_s) + 1;
        for (int k = 0; k < started; k += 2) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("cycle", k / 2 + 1);
            c.put("plating_overpotential_V", meanAbs(t, v, program.segmentStart_s(k), end(program, k)));
            if (k + 1 < started) {
                c.put("stripping_overpotential_V", meanAbs(t, v, program.segmentStart_s(k + 1), end(program, k + 1)));
                // the contact left when the stripping half ends: the plating that follows runs through it
                if (voids) c.put("contact_fraction_after_stripping", lastIn(contact, program.segmentStart_s(k + 1), end(program, k + 1), t));
            }
            cycles.add(c);
        }
        r.put("cycles", cycles);
        return r;
    }

    private static double end(CurrentProgram p, int k) {
        return k + 1 < p.segments() ? p.segmentStart_s(k + 1) : p.end_s();
    }

    /** Smallest value over the rows (NaN rows of an older run left out), 1 if none. */
    private static double minimum(double[] v) {
        double min = 1;
        for (double x : v)
            if (x < min) min = x;
        return min;
    }

    /**
     * The value of the last row inside (t0, t1], 1 if none or NaN (an older run's): the segment's end, or the run's
     * last step (its end or a short) inside it; the driver writes a row at both.
     */
    private static double lastIn(double[] v, double t0_s, double t1_s, double[] t) {
        double tol = 1e-9 * (t1_s - t0_s), last = 1;
        for (int i = 0; i < t.length; i++)
            if (t[i] > t0_s + tol && t[i] <= t1_s + tol) last = Double.isNaN(v[i]) ? 1 : v[i];
        return last;
    }

    /** Time average of |V| over the rows inside (t0, t1], null if none: the cell voltage is the overpotential of a Li | Li cell. */
    private static Double meanAbs(double[] t, double[] v, double t0_s, double t1_s) {
        // each row stands for the time since the row before (its steps): the extra rows at a change of the current, a
        // short or a restart's --end-time weigh what they span, not a whole row interval
        double tol = 1e-9 * (t1_s - t0_s), sum = 0, span = 0;
        for (int i = 0; i < t.length; i++)
            if (t[i] > t0_s + tol && t[i] <= t1_s + tol) {
                double since = t[i] - Math.max(t0_s, i > 0 ? t[i - 1] : t0_s);
                sum += Math.abs(v[i]) * since;
                span += since;
            }
        return span > 0 ? sum / span : null;
    }

    /** Evaluates and writes {@code results.json} into the run folder, atomically. */
    public static Map<String, Object> write(Path runDir, ControlSpec control, double shortTime_s, Extremes extremes, Map<String, Object> extra)
            throws IOException {
        Map<String, Object> r = evaluate(control, TimeSeries.read(runDir.resolve(TimeSeriesWriter.FILE_NAME)), shortTime_s, extremes);
        r.putAll(extra);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        AtomicFiles.writeString(runDir.resolve(FILE_NAME), json.writeValueAsString(r) + "\n");
        return r;
    }
}
