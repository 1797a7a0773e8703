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
    private static final TimeSeries ROWS = new TimeSeries(COLUMNS, List.of(
            new double[] {0, 0, 0, 1}, new double[] {0.1, -0.02, 0.5, 1}, new double[] {0.15, 0.02, 0, 0.4},
            new double[] {0.2, 0.02, 0, 0.6}, new double[] {0.3, -0.02, 0.7, 0.6}, new double[] {0.4, 0.02, 0, 0.5}));

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
}
