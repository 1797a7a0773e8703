package org.lipf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The estimate of the wall time left against the true one, on synthetic histories of (wall time, simulated time):
 * the step control of a semi-implicit run (the step doubles up to its largest, {@code Simulation.stableStep}), a
 * current protocol whose changes restart the step small, and an explicit run whose first steps wait for the JIT.
 */
class TimeLeftTest {
    /** One step's end: wall s and simulated s. */
    private record Sample(double wall_s, double time_s) {
    }

    /**
     * Steps that double from {@code first_s} to at most {@code max_s}, each ending at a change (every {@code period_s},
     * after which the step starts again from {@code first_s}) or at {@code end_s}; each step takes {@code wall_s}.
     */
    private static List<Sample> doublingSteps(double first_s, double max_s, double period_s, double end_s, double wall_s) {
        List<Sample> h = new ArrayList<>();
        double t = 0, w = 0, dt = first_s;
        while (t < end_s * (1 - 1e-12)) {
            double change = Math.min(end_s, (Math.floor(t / period_s * (1 + 1e-12)) + 1) * period_s);
            double step = Math.min(dt, change - t);
            t += step;
            w += wall_s;
            h.add(new Sample(w, t));
            dt = t >= change * (1 - 1e-12) ? first_s : Math.min(2 * dt, max_s);
        }
        return h;
    }

    /** The estimate after each step over a history from (0, 0), against the true wall time left: their ratios, NaN while none is given. */
    private static double[] ratios(List<Sample> h, double end_s) {
        TimeLeft left = new TimeLeft(0, 0);
        double end_wall = h.get(h.size() - 1).wall_s();
        double[] r = new double[h.size()];
        for (int n = 0; n < h.size(); n++) {
            left.record(h.get(n).wall_s(), h.get(n).time_s());
            r[n] = left.remaining_s(end_s) / (end_wall - h.get(n).wall_s());
        }
        return r;
    }

    /** The estimate this replaces: the simulated time left over the rate of the whole run so far. */
    private static double averageRateRatio(List<Sample> h, int n) {
        double end_wall = h.get(h.size() - 1).wall_s(), end_s = h.get(h.size() - 1).time_s();
        Sample s = h.get(n);
        return (end_s - s.time_s()) * s.wall_s() / s.time_s() / (end_wall - s.wall_s());
    }

    private static int firstAt(List<Sample> h, double time_s) {
        int n = 0;
        while (h.get(n).time_s() < time_s) n++;
        return n;
    }

    @Test
    void semiImplicitStepsThatGrowToTheirLargestGiveTheTimeLeftOnceTheyHaveStopped() {
        // sc.yaml: 20 s, steps doubling from 0.3 ms to 1 s (the largest from t = 1.2 s on), 0.2 s of wall time each
        List<Sample> h = doublingSteps(3e-4, 1, Double.POSITIVE_INFINITY, 20, 0.2);
        double[] r = ratios(h, 20);
        double endWall = h.get(h.size() - 1).wall_s();
        int tenth = firstAt(h, 2), half = firstAt(h, 10);
        // from 10 % of the run on, right to within one step's wall time (the last step is a part of one)
        for (int n = tenth; n < h.size() - 1; n++) {
            double left = endWall - h.get(n).wall_s();
            assertEquals(left, r[n] * left, 0.2, "step " + n + " at t = " + h.get(n).time_s() + " s");
        }
        // where the rate over the whole run so far read 5.8 times the time left at 10 % and 2.0 times at half-way
        assertTrue(averageRateRatio(h, tenth) > 5, "average rate at 10 %: " + averageRateRatio(h, tenth));
        assertTrue(averageRateRatio(h, half) > 1.9, "average rate at 50 %: " + averageRateRatio(h, half));
        // while the steps still grow it errs on the long side, by less than the average rate; none before 1 %
        int percent = firstAt(h, 0.2);
        for (int n = percent; n < tenth; n++) assertTrue(r[n] > 1 && r[n] < averageRateRatio(h, n), "step " + n + ": " + r[n]);
        for (int n = 0; n < percent; n++) assertTrue(Double.isNaN(r[n]), "step " + n + ": " + r[n]);
    }

    @Test
    void aProtocolThatRestartsTheStepAtEachChangeKeepsASteadyEstimate() {
        // a change of the current every 20 s of 200 s, each restarting the step at 1e-5 s, which then doubles to
        // 1 s: the small steps take 17 of each interval's 36 steps (wall time) and 1.3 s of its 20 s (simulated)
        List<Sample> h = doublingSteps(1e-5, 1, 20, 200, 0.2);
        double[] r = ratios(h, 200);
        double endWall = h.get(h.size() - 1).wall_s();
        // from a quarter of the run to the last interval: within 30 % (measured 27 %), and no step moves it by a
        // tenth of the time left (measured 7.5 %)
        for (int n = firstAt(h, 50); n < firstAt(h, 180); n++) {
            double left = endWall - h.get(n).wall_s(), before = endWall - h.get(n - 1).wall_s();
            assertTrue(r[n] < 1.3 && r[n] > 1 / 1.3, "step " + n + " at t = " + h.get(n).time_s() + " s: " + r[n]);
            assertTrue(Math.abs(r[n] * left - r[n - 1] * before) < 0.1 * left, "step " + n + ": from " + r[n - 1] * before + " s to " + r[n] * left + " s");
        }
    }

    @Test
    void aSlowStartOfConstantStepsIsForgottenOnceItLeavesTheLastHalf() {
        // an explicit run: 1000 steps of 1 ms, the first 100 five times slower (the JIT's warm-up)
        List<Sample> h = new ArrayList<>();
        double w = 0;
        for (int n = 1; n <= 1000; n++) h.add(new Sample(w += n <= 100 ? 0.05 : 0.01, n * 1e-3));
        double[] r = ratios(h, 1);
        // from step 200 on the last half of the simulated time holds no slow step; the average rate read 3 times the time left there
        for (int n = 199; n < h.size() - 1; n++) assertEquals(1, r[n], 1e-9, "step " + (n + 1));
        assertTrue(averageRateRatio(h, 199) > 2.9, "average rate at step 200: " + averageRateRatio(h, 199));
    }
}
