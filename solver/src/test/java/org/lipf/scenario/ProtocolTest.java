package org.lipf.scenario;

import static org.junit.jupiter.api.Assertions.*;
import static org.lipf.scenario.ScenarioLoaderTest.BASE;
import static org.lipf.scenario.ScenarioLoaderTest.assertError;

import org.junit.jupiter.api.Test;

/** Current protocols in the scenario file, and the current program they define. */
class ProtocolTest {
    private static final String POTENTIOSTATIC = "control: {mode: potentiostatic, voltage: -0.45 V}\n";
    /** 1 mAh/cm^2 in C/m^2. */
    private static final double MAH_PER_CM2 = 36000.0;

    private static Scenario withControl(String control) {
        return ScenarioLoaderTest.parse(BASE.replace(POTENTIOSTATIC, control));
    }

    /** As {@link #withControl}, without an end time. */
    private static Scenario withControlUntilProtocolEnd(String control) {
        return ScenarioLoaderTest.parse(BASE.replace(POTENTIOSTATIC, control).replace("time: {end: 100 s, output_interval: 10 s}", "time: {output_interval: 10 s}"));
    }

    private static ScenarioException failsWithControl(String control) {
        return assertThrows(ScenarioException.class, () -> withControl(control));
    }

    @Test
    void ccdRampOfPaperCStepsCurrentAndCapacity() {
        // Lim et al. 2024: +0.1 mA/cm^2 and +0.1 mAh/cm^2 per step
        Scenario s = withControlUntilProtocolEnd("""
                control:
                  mode: galvanostatic
                  protocol: {type: ccd_ramp, start: 0.1 mA/cm^2, step: 0.1 mA/cm^2, max: 0.5 mA/cm^2, capacity: 0.1 mAh/cm^2, capacity_step: 0.1 mAh/cm^2}
                """);
        CurrentProgram p = CurrentProgram.of(s.control());
        assertEquals(5, p.segments());
        // step k plates (k+1) * 0.1 mAh/cm^2 at (k+1) * 0.1 mA/cm^2: one hour each
        for (int k = 0; k < 5; k++) {
            assertEquals((k + 1) * 1.0, p.segmentCurrent_A_per_m2(k), 1e-12);
            assertEquals(k * 3600.0, p.segmentStart_s(k), 1e-9);
        }
        assertEquals(5 * 3600.0, p.end_s(), 1e-9);
        assertEquals(p.end_s(), s.time().end_s(), 1e-9, "a protocol ends the run when no end time is given");
        assertEquals(0.1 * MAH_PER_CM2, ((ProtocolSpec.CcdRamp) s.control().protocol()).capacity_C_per_m2(), 1e-12);
    }

    @Test
    void aSymmetricRampPlatesAndStripsEachStep() {
        CurrentProgram p = CurrentProgram.of(new ControlSpec(ControlMode.GALVANOSTATIC, Double.NaN, Double.NaN,
                new ProtocolSpec.CcdRamp(10, 10, 30, 1, 0, true)));
        // 1 C/m^2 plated then stripped at 10, 20, 30 A/m^2: half steps of 0.1, 0.05, 0.0333 s
        double[] current = {10, -10, 20, -20, 30, -30}, length = {0.1, 0.1, 0.05, 0.05, 1 / 30.0, 1 / 30.0};
        assertEquals(6, p.segments());
        double t = 0;
        for (int s = 0; s < 6; s++) {
            assertEquals(current[s], p.segmentCurrent_A_per_m2(s), 0, "segment " + s);
            assertEquals(t, p.segmentStart_s(s), 1e-15, "segment " + s);
            t += length[s];
        }
        assertEquals(t, p.end_s(), 1e-15);
        Scenario s = withControlUntilProtocolEnd("""
                control:
                  mode: galvanostatic
                  protocol: {type: ccd_ramp, start: 0.1 mA/cm^2, step: 0.1 mA/cm^2, max: 0.5 mA/cm^2, capacity: 0.1 mAh/cm^2, symmetric: true}
                """);
        assertTrue(((ProtocolSpec.CcdRamp) s.control().protocol()).symmetric());
        assertEquals(10, CurrentProgram.of(s.control()).segments());
        assertEquals(s, ScenarioLoader.parse(ScenarioWriter.toYaml(s), "resolved.yaml", java.util.Map.of()), "round trip");
        assertTrue(failsWithControl("control: {mode: galvanostatic, protocol: {type: ccd_ramp, start: 1 mA/cm^2, step: 1 mA/cm^2, max: 2 mA/cm^2, "
                + "capacity: 1 C/m^2, symmetric: yes}}\n").getMessage().contains("true or false"));
    }

    @Test
    void segmentBoundariesBelongToTheLaterSegmentUpToRoundOff() {
        CurrentProgram p = CurrentProgram.of(new ControlSpec(ControlMode.GALVANOSTATIC, Double.NaN, Double.NaN,
                new ProtocolSpec.CcdRamp(10, 10, 30, 1, 0)));
        // steps of 1 C/m^2 at 10, 20, 30 A/m^2 last 0.1, 0.05, 0.0333 s
        assertEquals(10, p.currentAt_A_per_m2(0), 0);
        assertEquals(10, p.currentAt_A_per_m2(0.0999), 0);
        assertEquals(20, p.currentAt_A_per_m2(0.1 * (1 - 1e-15)), 0, "a step that lands on a boundary up to round-off is past it");
        assertEquals(20, p.currentAt_A_per_m2(0.1), 0);
        assertEquals(0.15, p.nextChange_s(0.1), 1e-15);
        assertEquals(30, p.currentAt_A_per_m2(0.16), 0);
        assertEquals(0.1 + 0.05 + 1 / 30.0, p.end_s(), 1e-15);
        assertEquals(p.end_s(), p.nextChange_s(0.16), 0);
    }

    @Test
    void cyclingAlternatesPlatingAndStripping() {
        Scenario s = withControlUntilProtocolEnd("""
                control:
                  mode: galvanostatic
                  protocol: {type: cycling, current_density: 2 mA/cm^2, capacity: 2 mAh/cm^2, cycles: 3}
                """);
        CurrentProgram p = CurrentProgram.of(s.control());
        assertEquals(6, p.segments());
        for (int k = 0; k < 6; k++) {
            assertEquals(k % 2 == 0 ? 20.0 : -20.0, p.segmentCurrent_A_per_m2(k), 1e-12);
            assertEquals(k * 3600.0, p.segmentStart_s(k), 1e-9, "2 mAh/cm^2 at 2 mA/cm^2 is one hour");
        }
        assertEquals(6 * 3600.0, s.time().end_s(), 1e-9);
    }

    @Test
    void anEndTimeStopsAProtocolEarly() {
        Scenario s = withControl("""
                control:
                  mode: galvanostatic
                  protocol: {type: cycling, current_density: 2 mA/cm^2, capacity: 2 mAh/cm^2, cycles: 3}
                """);
        assertEquals(100.0, s.time().end_s(), 1e-12, "BASE has time.end 100 s");
    }

    @Test
    void protocolRoundTripsThroughTheResolvedScenario() {
        for (String protocol : new String[] {
                "{type: ccd_ramp, start: 0.25 mA/cm^2, step: 0.5 mA/cm^2, max: 20 mA/cm^2, capacity: 0.25 mAh/cm^2}",
                "{type: cycling, current_density: 0.5 mA/cm^2, capacity: 0.5 mAh/cm^2, cycles: 10}"}) {
            Scenario s = withControl("control: {mode: galvanostatic, protocol: " + protocol + "}\n");
            Scenario back = ScenarioLoader.parse(ScenarioWriter.toYaml(s), "resolved.yaml", java.util.Map.of());
            assertEquals(s.control(), back.control());
            assertEquals(s.time(), back.time());
        }
    }

    @Test
    void badProtocolsNameKeyAndLine() {
        assertError(failsWithControl("control: {mode: potentiostatic, voltage: -0.1 V, protocol: {type: cycling}}\n"),
                "test.yaml", "control.protocol", 24, "galvanostatic");
        assertError(failsWithControl("control: {mode: potentiostatic, protocol: {type: cycling}}\n"),
                "test.yaml", "control.protocol", 24, "a current protocol needs mode: galvanostatic");
        assertError(failsWithControl("control: {mode: galvanostatic, current_density: 1 mA/cm^2, protocol: {type: cycling}}\n"),
                "test.yaml", "control.current_density", 24, "protocol sets the current");
        assertError(failsWithControl("control: {mode: galvanostatic, protocol: {type: ccd, start: 1 mA/cm^2}}\n"),
                "test.yaml", "control.protocol.type", 24, "ccd_ramp");
        assertError(failsWithControl("control: {mode: galvanostatic, protocol: {type: ccd_ramp, start: 1 mA/cm^2, step: 1 mA/cm^2, max: 3 mA/cm^2, capacity: 1 mAh/cm^2, cycles: 3}}\n"),
                "test.yaml", "control.protocol.cycles", 24, "unknown key");
        assertError(failsWithControl("control: {mode: galvanostatic, protocol: {type: cycling, current_density: 1 mA/cm^2, capacity: 1 mA/cm^2, cycles: 3}}\n"),
                "test.yaml", "control.protocol.capacity", 24, "areal capacity");
        assertError(failsWithControl("control: {mode: galvanostatic, protocol: {type: ccd_ramp, start: 2 mA/cm^2, step: 1 mA/cm^2, max: 1 mA/cm^2, capacity: 1 mAh/cm^2}}\n"),
                "test.yaml", "control.protocol.max", 24, "must be at least start (20 A/m^2)");
        // a count of steps past an int (step 1e-12 mA/cm^2), or a program past the memory (max 1e9 mA/cm^2)
        assertError(failsWithControl("control: {mode: galvanostatic, protocol: {type: ccd_ramp, start: 1 mA/cm^2, step: 1e-12 mA/cm^2, max: 2 mA/cm^2, capacity: 1 mAh/cm^2}}\n"),
                "test.yaml", "control.protocol.step", 24, "steps; at most 1000000");
        assertError(failsWithControl("control: {mode: galvanostatic, protocol: {type: ccd_ramp, start: 1 mA/cm^2, step: 1 mA/cm^2, max: 1e9 mA/cm^2, capacity: 1 mAh/cm^2}}\n"),
                "test.yaml", "control.protocol.step", 24, "steps; at most 1000000");
    }
}
