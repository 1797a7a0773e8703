package org.lipf.solver;

import static org.junit.jupiter.api.Assertions.*;

import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/** The Newton-bisection of the galvanostatic control on current-voltage curves with a kink and a jump. */
class GalvanostaticControlTest {
    /** A reaction sum I(dV) (A/m^2, currentPerRate = 1) with a reported slope that may be wrong where the curve kinks. */
    private static final class Curve implements GalvanostaticControl.Reactions {
        final DoubleUnaryOperator current, reportedSlope;
        double sum, slope, applied = Double.NaN;

        Curve(DoubleUnaryOperator current, DoubleUnaryOperator reportedSlope) {
            this.current = current;
            this.reportedSlope = reportedSlope;
        }

        @Override public double collect() { return 1; }
        @Override public double growthVelocity_m_per_s() { return 0; }
        @Override public void evaluate(double dV) { sum = current.applyAsDouble(dV); slope = reportedSlope.applyAsDouble(dV); }
        @Override public double sum() { return sum; }
        @Override public double slope() { return slope; }
        @Override public void apply(double dV, double dt_s) { applied = dV; }
    }

    /** Butler-Volmer-like: 100 exp(-20 dV), 10 times steeper beyond dV = 0.05 V (a cell joins the reaction). */
    private static double kinked(double dV) {
        double knee = 100 * Math.exp(-20 * 0.05);
        return dV < 0.05 ? 100 * Math.exp(-20 * dV) : knee * Math.exp(-200 * (dV - 0.05));
    }

    @Test
    void newtonOnAMisleadingSlopeGivesWayToBisection() {
        // the slope reported from the gentle branch everywhere: beyond the knee Newton's steps are 10x too long, and
        // from the far side 10x too short; the target 30 A/m^2 lies beyond the knee
        Curve c = new Curve(GalvanostaticControlTest::kinked, dV -> -20 * 100 * Math.exp(-20 * dV) * (dV < 0.05 ? 1 : 10));
        double target = 30;
        double dV = GalvanostaticControl.enforce(c, 1, 1, target, 1e-3);
        assertEquals(target, kinked(dV), GalvanostaticControl.RELATIVE_TOLERANCE * target);
        assertEquals(dV, c.applied, 0.0, "the shift found is the one applied");
    }

    @Test
    void aJumpAcrossTheTargetTakesTheNearerSideWithinTheRequiredTolerance() {
        // I jumps from 50.02 to 49.98 A/m^2 at dV = 0.1 V (a rate hitting its bound): no dV gives 50 to 1e-5
        DoubleUnaryOperator jump = dV -> dV < 0.1 ? 50.02 + (0.1 - dV) : 49.98 - (dV - 0.1);
        Curve c = new Curve(jump, dV -> -1);
        double dV = GalvanostaticControl.enforce(c, 1, 1, 50, 1e-3);
        assertEquals(0.1, dV, 1e-9);
        assertEquals(50, jump.applyAsDouble(dV), 1e-3 * 50, "held to the 0.1 % the control must hold");
    }

    @Test
    void aCurrentThatIsNotFiniteStopsAtOnceSayingWhy() {
        Curve c = new Curve(dV -> 0 * Math.exp(800), dV -> -1); // 0 x infinity: c = 0 under a huge overpotential
        var e = assertThrows(org.lipf.linear.SolverDivergedException.class, () -> GalvanostaticControl.enforce(c, 1, 1, 50, 1e-3));
        assertTrue(e.getMessage().contains("not finite"), e.getMessage());
    }

    @Test
    void noReachableCurrentIsAnError() {
        Curve c = new Curve(dV -> 1e-3, dV -> 0);
        assertThrows(org.lipf.linear.SolverDivergedException.class, () -> GalvanostaticControl.enforce(c, 1, 1, 50, 1e-3));
    }
}
