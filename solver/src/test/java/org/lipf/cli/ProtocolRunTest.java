package org.lipf.cli;

import static org.junit.jupiter.api.Assertions.*;
import static org.lipf.cli.CliTestSupport.lipfOk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lipf.model.PhysicalConstants;
import org.lipf.output.RunResults;
import org.lipf.output.TimeSeries;
import org.lipf.scenario.ControlMode;
import org.lipf.scenario.ControlSpec;
import org.lipf.scenario.CurrentProgram;
import org.lipf.scenario.ProtocolSpec;
import org.lipf.scenario.ScenarioLoader;

/** Current protocols run end to end: the CCD ramp and plating/stripping cycles. */
class ProtocolRunTest {
    @TempDir
    Path tmp;

    private static final String CONSTANT = "control: {mode: galvanostatic, current_density: 50 mA/cm^2}";

    private Path run(String name, String protocol, String... moreLines) throws IOException {
        String yaml = CliTestSupport.CELL_2D.replace(CONSTANT, "control: {mode: galvanostatic, protocol: " + protocol + "}")
                .replace("time: {end: 0.04 s, output_interval: 0.01 s}", "time: {output_interval: 0.01 s}") + String.join("\n", moreLines);
        assertNotEquals(CliTestSupport.CELL_2D, yaml);
        Path file = CliTestSupport.write(tmp, name + ".yaml", yaml);
        Path dir = tmp.resolve(name);
        lipfOk("run", file.toString(), "-o", dir.toString(), "--threads", "2");
        return dir;
    }

    @Test
    void ccdRampHoldsEachCurrentStepForItsCapacity() throws IOException {
        Path dir = run("ramp", "{type: ccd_ramp, start: 20 mA/cm^2, step: 20 mA/cm^2, max: 60 mA/cm^2, capacity: 3 C/m^2}");
        ControlSpec control = ScenarioLoader.load(dir.resolve("scenario.yaml"), Map.of()).control();
        CurrentProgram program = CurrentProgram.of(control);
        TimeSeries ts = TimeSeries.read(dir.resolve("timeseries.csv"));
        double[] t = ts.values("time_s"), i = ts.values("current_density_A_per_m2"), q = ts.values("passed_charge_C_per_m2");
        // a row at every change of current, and every row at the current of the step it ends (0.1 % control tolerance)
        for (int k = 1; k < program.segments(); k++) {
            double change = program.segmentStart_s(k);
            assertTrue(java.util.Arrays.stream(t).anyMatch(x -> Math.abs(x - change) < 1e-9 * change), "row at " + change);
        }
        for (int r = 1; r < t.length; r++) {
            double set = program.currentAt_A_per_m2(t[r] - 1e-9);
            assertEquals(set, i[r], 1e-3 * set, "row " + r + " at t = " + t[r]);
        }
        // Faraday: 3 C/m^2 per step, 1 %
        assertEquals(9.0, q[q.length - 1], 0.09);
        JsonNode res = new ObjectMapper().readTree(dir.resolve(RunResults.FILE_NAME).toFile());
        assertFalse(res.get("shorted").asBoolean());
        assertEquals(3, res.get("current_steps_completed").asInt());
        assertEquals(600.0, res.get("highest_current_passed_A_per_m2").asDouble(), 1e-9);
        assertTrue(res.get("ccd_A_per_m2").isNull(), "no short, no CCD: " + res);
    }

    /** --end-time beyond the protocol's end stops the run at the protocol's end (before, it took zero-length steps without end). */
    @Test
    @org.junit.jupiter.api.Timeout(value = 120, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
    void anEndTimeBeyondTheProtocolEndsWithTheProtocol() throws IOException {
        Path dir = run("short-ramp", "{type: ccd_ramp, start: 20 mA/cm^2, step: 20 mA/cm^2, max: 40 mA/cm^2, capacity: 3 C/m^2}");
        Path snapshot = CliTestSupport.snapshots(dir).get(1);
        lipfOk("run", dir.resolve("scenario.yaml").toString(), "-o", dir.toString(), "--threads", "2", "--end-time", "100", "--restart", snapshot.toString());
        TimeSeries ts = TimeSeries.read(dir.resolve("timeseries.csv"));
        double[] t = ts.values("time_s");
        double end = 3.0 / 200 + 3.0 / 400; // 3 C/m^2 at 200, then at 400 A/m^2
        assertEquals(end, t[t.length - 1], 1e-9 * end);
        var info = new ObjectMapper().readTree(dir.resolve("run.json").toFile());
        assertEquals("finished", info.get("status").asText());
        assertEquals("current protocol completed", info.get("reason").asText());
    }

    /**
     * With the coupled solve (docs/MODEL.md section 5.4.1) the potentials after a step aim at the next step's current: the
     * row at the end of a half cycle still gives the voltage and counter current of the half that ended (a plating's
     * last row read the stripping's voltage, and its mean |V| took it in).
     */
    @Test
    void theRowAtAChangeOfTheCurrentIsTheEndedHalfsUnderTheCoupledSolve() throws IOException {
        Path dir = run("cycles-coupled", "{type: cycling, current_density: 50 mA/cm^2, capacity: 5 C/m^2, cycles: 2}", "solver: {reaction_coupling: implicit}");
        TimeSeries ts = TimeSeries.read(dir.resolve("timeseries.csv"));
        double[] t = ts.values("time_s"), v = ts.values("cell_voltage_V"), i = ts.values("counter_current_A_per_m2");
        double half = 5.0 / 500;
        int boundaries = 0;
        for (int r = 1; r < t.length; r++) {
            double k = t[r] / half;
            if (Math.abs(k - Math.rint(k)) > 1e-6 || Math.rint(k) == 0) continue;
            boolean plating = ((long) Math.rint(k) - 1) % 2 == 0;
            assertEquals(plating ? 500 : -500, i[r], 0.5, "counter current of the half ending at " + t[r] + " s");
            assertTrue(plating ? v[r] < 0 : v[r] > 0, "voltage of the half ending at " + t[r] + " s: " + v[r]);
            boundaries++;
        }
        assertEquals(4, boundaries, "a row at the end of each half");

        // restarted into a new folder from the snapshot at the end of the first plating, alone (no history to copy):
        // the first row is that of the uninterrupted run (the snapshot keeps the ended step's row values)
        Path atSwitch = null;
        for (Path p : CliTestSupport.snapshots(dir))
            if (Math.abs(org.lipf.output.SnapshotReader.read(p).time_s() - half) < 1e-12) atSwitch = p;
        assertNotNull(atSwitch, "a snapshot at the end of the first plating");
        Path loose = tmp.resolve("loose.h5");
        java.nio.file.Files.copy(atSwitch, loose);
        Path again = tmp.resolve("again");
        lipfOk("run", dir.resolve("scenario.yaml").toString(), "-o", again.toString(), "--threads", "2", "--restart", loose.toString());
        TimeSeries restarted = TimeSeries.read(again.resolve("timeseries.csv"));
        int r = 0;
        while (Math.abs(t[r] - half) > 1e-12) r++;
        assertEquals(half, restarted.values("time_s")[0], 0.0);
        assertEquals(v[r], restarted.values("cell_voltage_V")[0], 0.0, "the plating's voltage, not the stripping's");
        assertEquals(i[r], restarted.values("counter_current_A_per_m2")[0], 0.0);
        assertEquals(java.util.Arrays.stream(v).skip(r).boxed().toList(), java.util.Arrays.stream(restarted.values("cell_voltage_V")).boxed().toList(),
                "the continuation's rows as the uninterrupted run's");
    }

    @Test
    void platingThenStrippingReturnsTheLithium() throws IOException {
        Path dir = run("cycles", "{type: cycling, current_density: 50 mA/cm^2, capacity: 5 C/m^2, cycles: 2}");
        TimeSeries ts = TimeSeries.read(dir.resolve("timeseries.csv"));
        double[] v = ts.values("deposited_li_volume_m3_per_m2"), q = ts.values("passed_charge_C_per_m2");
        double perCycle_m = 5.0 / (PhysicalConstants.FARADAY_C_PER_MOL * ScenarioLoader.DEFAULT_SITE_DENSITY); // Li layer of 5 C/m^2
        double peak = java.util.Arrays.stream(v).max().orElseThrow();
        assertEquals(perCycle_m, peak, 0.02 * perCycle_m, "plated layer after a half cycle");
        assertEquals(0, v[v.length - 1], 0.01 * perCycle_m, "the stripped half cycle removes what was plated");
        assertEquals(0, q[q.length - 1], 0.01 * 5.0);
        JsonNode res = new ObjectMapper().readTree(dir.resolve(RunResults.FILE_NAME).toFile());
        assertEquals(2, res.get("cycles_completed").asInt());
        assertTrue(res.get("failure_cycle").isNull());
        assertEquals(2, res.get("cycles").size());
        for (JsonNode c : res.get("cycles")) {
            // Butler-Volmer at 500 A/m^2 with i0 = 2.91 A/m^2: eta = (2RT/F) asinh(i / 2 i0) = 0.27 V, plus ohmic drop
            double plate = c.get("plating_overpotential_V").asDouble(), strip = c.get("stripping_overpotential_V").asDouble();
            assertTrue(plate > 0.25 && plate < 0.4, "plating " + c);
            assertTrue(strip > 0.25 && strip < 0.4, "stripping " + c);
        }
    }

    @Test
    void ccdIsTheCurrentOfTheStepThatShorted() {
        ControlSpec control = new ControlSpec(ControlMode.GALVANOSTATIC, Double.NaN, Double.NaN, new ProtocolSpec.CcdRamp(10, 10, 50, 1, 0));
        // steps end at 0.1, 0.15, 0.1833, 0.2083 and 0.2283 s; the short falls in the fourth step (40 A/m^2)
        TimeSeries ts = new TimeSeries(java.util.List.of("time_s", "cell_voltage_V"),
                java.util.List.of(new double[] {0, 0}, new double[] {0.1, -0.1}, new double[] {0.2, -0.2}));
        Map<String, Object> r = RunResults.evaluate(control, ts, 0.2, RunResults.Extremes.FROM_ROWS);
        assertEquals(true, r.get("shorted"));
        assertEquals(40.0, (Double) r.get("ccd_A_per_m2"), 0);
        assertEquals(30.0, (Double) r.get("highest_current_passed_A_per_m2"), 0);
        assertEquals(3, r.get("current_steps_completed"));
        assertEquals(0.2, (Double) r.get("time_to_short_s"), 0);
    }

    @Test
    void aSymmetricRampReportsItsStepsNotItsHalves() {
        ControlSpec control = new ControlSpec(ControlMode.GALVANOSTATIC, Double.NaN, Double.NaN, new ProtocolSpec.CcdRamp(10, 10, 50, 1, 0, true));
        // half steps end at 0.1, 0.2, 0.25, 0.3, 0.333 s: a short at 0.28 s is in the stripping half of step 2
        TimeSeries ts = new TimeSeries(java.util.List.of("time_s", "cell_voltage_V"),
                java.util.List.of(new double[] {0, 0}, new double[] {0.1, -0.1}, new double[] {0.28, 0.1}));
        Map<String, Object> r = RunResults.evaluate(control, ts, 0.28, RunResults.Extremes.FROM_ROWS);
        assertEquals(40.0 / 2, (Double) r.get("ccd_A_per_m2"), 0, "the current of the step (20 A/m^2), not the stripping sign");
        assertEquals(10.0, (Double) r.get("highest_current_passed_A_per_m2"), 0);
        assertEquals(1, r.get("current_steps_completed"));
    }

    @Test
    void symmetricRampReturnsTheLithiumEachStep() throws IOException {
        Path dir = run("symmetric", "{type: ccd_ramp, start: 20 mA/cm^2, step: 20 mA/cm^2, max: 40 mA/cm^2, capacity: 3 C/m^2, symmetric: true}");
        TimeSeries ts = TimeSeries.read(dir.resolve("timeseries.csv"));
        double[] q = ts.values("passed_charge_C_per_m2"), v = ts.values("deposited_li_volume_m3_per_m2");
        // each step plates 3 C/m^2 and strips it: the charge and the metal come back (1 % of a half step)
        assertEquals(3.0, java.util.Arrays.stream(q).max().orElseThrow(), 0.03, "a plating half");
        assertEquals(0, q[q.length - 1], 0.03, "net charge");
        assertEquals(0, v[v.length - 1], 0.01 * 3.0 / (PhysicalConstants.FARADAY_C_PER_MOL * ScenarioLoader.DEFAULT_SITE_DENSITY), "net Li");
        JsonNode res = new ObjectMapper().readTree(dir.resolve(RunResults.FILE_NAME).toFile());
        assertEquals(2, res.get("current_steps_completed").asInt(), res.toString());
        assertEquals(400.0, res.get("highest_current_passed_A_per_m2").asDouble(), 1e-9);
    }

    @Test
    void failureCycleIsTheCycleThatShorted() {
        ControlSpec control = new ControlSpec(ControlMode.GALVANOSTATIC, Double.NaN, Double.NaN, new ProtocolSpec.Cycling(10, 1, 5));
        // half cycles of 0.1 s: a short at 0.25 s is in the plating half of cycle 2
        TimeSeries ts = new TimeSeries(java.util.List.of("time_s", "cell_voltage_V"), java.util.List.of(
                new double[] {0, 0}, new double[] {0.05, -0.02}, new double[] {0.1, -0.04}, new double[] {0.15, 0.03},
                new double[] {0.2, 0.05}, new double[] {0.25, -0.01}));
        Map<String, Object> r = RunResults.evaluate(control, ts, 0.25, RunResults.Extremes.FROM_ROWS);
        assertEquals(2, r.get("failure_cycle"));
        assertEquals(1, r.get("cycles_completed"));
        @SuppressWarnings("unchecked")
        var cycles = (java.util.List<Map<String, Object>>) r.get("cycles");
        assertEquals(2, cycles.size());
        assertEquals(0.03, (Double) cycles.get(0).get("plating_overpotential_V"), 1e-15);
        assertEquals(0.04, (Double) cycles.get(0).get("stripping_overpotential_V"), 1e-15);
        assertEquals(0.01, (Double) cycles.get(1).get("plating_overpotential_V"), 1e-15);
        assertFalse(cycles.get(1).containsKey("stripping_overpotential_V"), "cycle 2 never stripped");
    }

    /** RunResults.KEYS is what sweep files' metrics are checked against: every key evaluate writes, and no other. */
    @Test
    void keysListsEveryKeyOfTheResults() {
        // a shorted run with a growing crack and voids, under each kind of control
        TimeSeries ts = new TimeSeries(java.util.List.of("time_s", "cell_voltage_V", RunResults.INTRUSION_RATIO, RunResults.CONTACT_FRACTION),
                java.util.List.of(new double[] {0, 0, 0, 1}, new double[] {0.15, -0.1, 0.5, 0.8}, new double[] {0.25, 0.1, 1.2, 0.6}));
        java.util.Set<String> written = new java.util.HashSet<>();
        for (ProtocolSpec p : new ProtocolSpec[] {null, new ProtocolSpec.CcdRamp(10, 10, 50, 1, 0), new ProtocolSpec.Cycling(10, 1, 5)})
            written.addAll(RunResults.evaluate(new ControlSpec(ControlMode.GALVANOSTATIC, Double.NaN, p == null ? 10 : Double.NaN, p), ts, 0.25, RunResults.Extremes.FROM_ROWS).keySet());
        assertEquals(java.util.Set.copyOf(RunResults.KEYS), written);
    }
}
