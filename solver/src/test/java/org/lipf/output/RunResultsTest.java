package org.lipf.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lipf.scenario.ControlMode;
import org.lipf.scenario.ControlSpec;
import org.lipf.scenario.ProtocolSpec;

/** What results.json takes from the solver's extremes and what from the time-series rows. */
class RunResultsTest {
    private static final List<String> COLUMNS = List.of("time_s", "cell_voltage_V", RunResults.INTRUSION_RATIO, RunResults.CONTACT_FRACTION);
    /** Two cycles of 0.1 s halves at 10 A/m^2; the contact dips to 0.4 inside the first stripping half and ends it at 0.6. */
    private static final ControlSpec CYCLING = new ControlSpec(ControlMode.GALVANOSTATIC, Double.NaN, Double.NaN, new ProtocolSpec.Cycling(10, 1, 2));
    private static final List<double[]> ROWS_LIST = List.of(
            new double[] {0, 0, 0, 1}, new double[] {0.1, -0.02, 0.5, 1}, new double[] {0.15, 0.02, 0, 0.4},
            new double[] {0.2, 0.02, 0, 0.6}, new double[] {0.3, -0.02, 0.7, 0.6}, new double[] {0.4, 0.02, 0, 0.5});
    private static final TimeSeries ROWS = new TimeSeries(COLUMNS, ROWS_LIST);

    @Test
    void theSolversExtremesOverEveryStepWinOverTheRows() {
        Map<String, Object> r = RunResults.evaluate(CYCLING, ROWS, Double.NaN, new RunResults.Extremes(0.9, 0.3));
        assertEquals(0.9, (Double) r.get("peak_intrusion_ratio"), 0.0, "a peak between the rows");
        assertEquals(0.3, (Double) r.get("min_contact_fraction"), 0.0);
    }

    @Test
    void withoutThemTheRowsGiveTheExtremesAsBefore() {
        // a run continued from a snapshot written before the solver kept them
        Map<String, Object> r = RunResults.evaluate(CYCLING, ROWS, Double.NaN, RunResults.Extremes.FROM_ROWS);
        assertEquals(0.7, (Double) r.get("peak_intrusion_ratio"), 0.0);
        assertEquals(0.4, (Double) r.get("min_contact_fraction"), 0.0);
    }

    @Test
    void theContactAfterAStrippingHalfIsItsLastRowNotItsLeast() {
        // the row at the end of a half is written by the driver whatever the output interval
        Map<String, Object> r = RunResults.evaluate(CYCLING, ROWS, Double.NaN, new RunResults.Extremes(0.9, 0.3));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> cycles = (List<Map<String, Object>>) r.get("cycles");
        assertEquals(0.6, (Double) cycles.get(0).get("contact_fraction_after_stripping"), 0.0);
        assertEquals(0.5, (Double) cycles.get(1).get("contact_fraction_after_stripping"), 0.0);
    }

    /**
     * A step ends exactly on each change of the current, so the step that finds a short may end on one: the short is the
     * segment's that step ran in, not the next one's (a ramp reported the next step's current as its CCD, a cycle a
     * stripping half it never began).
     */
    @Test
    @SuppressWarnings("unchecked")
    void aShortOnAChangeOfTheCurrentIsTheSegmentsThatEndsThere() {
        Map<String, Object> atPlatingEnd = RunResults.evaluate(CYCLING, upTo(0.1), 0.1, RunResults.Extremes.FROM_ROWS);
        assertEquals(1, atPlatingEnd.get("failure_cycle"));
        List<Map<String, Object>> cycles = (List<Map<String, Object>>) atPlatingEnd.get("cycles");
        assertEquals(1, cycles.size());
        assertEquals(false, cycles.get(0).containsKey("stripping_overpotential_V"), "no stripping half began: " + cycles);
        Map<String, Object> atStrippingEnd = RunResults.evaluate(CYCLING, upTo(0.2), 0.2, RunResults.Extremes.FROM_ROWS);
        assertEquals(1, atStrippingEnd.get("failure_cycle"), "the first cycle's stripping shorted");
        assertEquals(0, atStrippingEnd.get("cycles_completed"));

        // a ramp of 10, 20, 30 A/m^2 steps of 1 C/m^2 (0.1, 0.05, 0.033 s): a short as the 20 A/m^2 step ends
        ControlSpec ramp = new ControlSpec(ControlMode.GALVANOSTATIC, Double.NaN, Double.NaN, new ProtocolSpec.CcdRamp(10, 10, 30, 1, 0, false));
        Map<String, Object> r = RunResults.evaluate(ramp, upTo(0.15), 0.15, RunResults.Extremes.FROM_ROWS);
        assertEquals(20.0, (Double) r.get("ccd_A_per_m2"), 0.0, "the current of the step that shorted");
        assertEquals(1, r.get("current_steps_completed"));
    }

    /** A run stopped exactly on a change of the current (--end-time) lists no cycle it did not begin. */
    @Test
    @SuppressWarnings("unchecked")
    void aRunStoppedOnAChangeOfTheCurrentListsNoCycleItDidNotBegin() {
        Map<String, Object> r = RunResults.evaluate(CYCLING, upTo(0.2), Double.NaN, RunResults.Extremes.FROM_ROWS);
        assertEquals(false, r.get("protocol_completed"), "stopped before its end");
        assertEquals(true, RunResults.evaluate(CYCLING, ROWS, Double.NaN, RunResults.Extremes.FROM_ROWS).get("protocol_completed"));
        assertEquals(true, RunResults.evaluate(CYCLING, upTo(0.2), 0.2, RunResults.Extremes.FROM_ROWS).get("protocol_completed"), "ended by a short");
        assertEquals(1, r.get("cycles_completed"));
        assertEquals(1, ((List<Map<String, Object>>) r.get("cycles")).size(), r.toString());
    }

    /** A half cycle's overpotential is the time average of |V|: a row written between the regular ones weighs what it spans. */
    @Test
    @SuppressWarnings("unchecked")
    void aHalfCyclesOverpotentialWeighsEachRowByTheTimeItSpans() {
        TimeSeries rows = new TimeSeries(List.of("time_s", "cell_voltage_V"), List.of(new double[] {0, 0}, new double[] {0.05, -0.02},
                new double[] {0.06, -0.02}, new double[] {0.1, -0.04}));
        Map<String, Object> r = RunResults.evaluate(CYCLING, rows, Double.NaN, RunResults.Extremes.FROM_ROWS);
        // (0.05 x 0.02 + 0.01 x 0.02 + 0.04 x 0.04) / 0.1, where the plain mean of the rows gave 0.0267
        assertEquals(0.028, (Double) ((List<Map<String, Object>>) r.get("cycles")).get(0).get("plating_overpotential_V"), 1e-15);
    }

    /** The rows of {@link #ROWS} up to time t. */
    private static TimeSeries upTo(double t_s) {
        return new TimeSeries(COLUMNS, ROWS_LIST.stream().filter(row -> row[0] <= t_s + 1e-12).toList());
    }
}
