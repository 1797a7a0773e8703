package org.lipf.cli;

import static org.junit.jupiter.api.Assertions.*;
import static org.lipf.cli.CliTestSupport.lipfOk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.lipf.backend.opencl.OpenClTestDevice;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;
import org.lipf.model.ButlerVolmer;
import org.lipf.model.LiFilledCrack;
import org.lipf.model.MaterialTable;
import org.lipf.model.ModelParameters;
import org.lipf.model.PhysicalConstants;
import org.lipf.output.RunResults;
import org.lipf.output.Snapshot;
import org.lipf.output.SnapshotReader;
import org.lipf.output.SnapshotWriter;
import org.lipf.output.TimeSeries;
import org.lipf.scenario.Scenario;
import org.lipf.scenario.ScenarioLoader;

/**
 * The Li intrusion of docs/MODEL.md section 4.2 on a flat Li / LPSCl front (the library's argyrodite
 * pellet: K_Ic and flaw size): Butler-Volmer puts the limit at the current i_c = 2 i0 sinh(f eta_c / 2).
 * Below it the flaws fill only to the pressure the overpotential holds and nothing shorts; above it a
 * Li-filled crack grows from them and shorts the cell when it reaches the counter electrode (here the
 * window's top), at the time the crack model ({@code LiFilledCrackTest}) gives for the Butler-Volmer
 * overpotential of the set current. With a Li3N SEI on the metal (an on-metal film, section 1.2) the
 * reaction takes place at the Li / Li3N interface: the same limit at that interface's i0 (1.38 times the
 * argyrodite's, paper A) moves it to the larger current 2 i0_film sinh(f eta_c / 2); the film's ohmic
 * drop does not press the Li. The cell takes paper B's i0 as given (activation energy 0), as the flaw size was
 * calibrated; at 330 K with the library's activation energy the limit follows the scaled i0.
 */
class LiIntrusionRunTest {
    @TempDir
    Path tmp;

    private static final String CELL = """
            name: intrusion
            grid: {dimensions: 2, width: 2 um, height: 6 um, spacing: 0.25 um}
            model: {form: mixed_conductor, interface_width: 0.5 um}
            materials:
              li: {library: li-metal, exchange_current_activation_energy: 0 eV}
              lpscl: {library: lpscl-pellet, exchange_current_activation_energy: 0 eV}
              li3n: {library: li3n, exchange_current_activation_energy: 0 eV}
            geometry:
              background: lpscl
              layers:
                - {material: li, thickness: 2 um, xi: 1, c: 1}
                - {material: lpscl, thickness: rest, c: 1}
            %3$s
            control: {mode: galvanostatic, current_density: %1$s A/m^2}
            time: {integrator: semi_implicit, end: %2$s s, max_step: 0.5 s, output_interval: 20 s}
            """;

    /** The Li3N SEI of paper A on the metal: 3 um, ionic 1e-3 S/cm (R = 3e-5 ohm m^2, a drop of ~0.3 mV here). */
    private static final String LI3N_ON_METAL = "  coatings: [{material: li3n, layer: 0, thickness: 3 um, on_metal: true}]";

    @ParameterizedTest(name = "{0}")
    @CsvSource({"cpu, bare", "opencl, bare", "cpu, li3n", "opencl, li3n"})
    void aboveTheButlerVolmerCurrentOfTheLimitACrackGrowsAndShortsWhenTheCrackModelSays(String backend, String surface) throws IOException {
        // on OpenCL the check reads the device's fields back each step (PoCL in CI)
        String[] backendArgs = backend.equals("cpu") ? new String[0]
                : new String[] {"--backend", "opencl", "--device", Integer.toString(OpenClTestDevice.require().index())};
        String film = surface.equals("li3n") ? LI3N_ON_METAL : "";
        Scenario s = ScenarioLoader.parse(CELL.formatted("1", "1", film), "intrusion.yaml", Map.of());
        ModelParameters p = ModelParameters.from(s);
        MaterialTable t = new MaterialTable(s, p);
        int lpscl = java.util.Arrays.asList(t.names).indexOf("lpscl");
        double etaC = t.intrusionOverpotential_V[lpscl];
        // the reaction's exchange current: the cell's, or the Li / Li3N interface's behind the SEI
        double i0 = surface.equals("li3n") ? t.i0_A_per_m2[java.util.Arrays.asList(t.names).indexOf("li3n")] : t.i0_A_per_m2[lpscl];
        // the limit: Li at pressure F |eta| / V_m in a flaw of size a meets K_Ic (0.23 MPa m^1/2, 0.1 um)
        double pressure = etaC * PhysicalConstants.FARADAY_C_PER_MOL * ScenarioLoader.DEFAULT_SITE_DENSITY;
        assertEquals(0.23e6, pressure * Math.sqrt(Math.PI * 0.1e-6), 1e-9 * 0.23e6);
        double iC = 2 * i0 * Math.sinh(p.f_per_V() * etaC / 2);
        if (surface.equals("bare")) assertEquals(7.5, iC, 0.5, "with paper B's i0 as given at 300 K the library's flaw size was calibrated to paper A's 0.7 mA/cm^2");
        else assertEquals(1.38 * 7.55, iC, 0.1, "Li / Li3N exchanges 1.38 times the argyrodite's current (paper A's overpotentials)");

        // at 1.3 i_c a crack grows from the flaws and shorts at the window's top
        double current = 1.3 * iC, eta = -2 / p.f_per_V() * asinh(current / (2 * i0));
        Path dir = run("above", current, 150, film, backendArgs);
        JsonNode r = new ObjectMapper().readTree(dir.resolve(RunResults.FILE_NAME).toFile());
        assertTrue(r.get("shorted").asBoolean(), r.toString());
        Matcher away = Pattern.compile("reached the counter electrode ([0-9.]+) um away").matcher(r.get("short_cause").asText());
        assertTrue(away.find(), r.toString());
        double distance = Double.parseDouble(away.group(1)) * 1e-6;
        assertEquals(4e-6, distance, 0.75e-6, "from the front at 2 um to the top at 6 um, from a cell of the front's diffuse interface");
        // when the crack model says, fed by Butler-Volmer at the front's overpotential less the Li's pressure
        // on the argyrodite's walls
        LiFilledCrack crack = t.crack[lpscl];
        LiFilledCrack.State expected = new LiFilledCrack.State();
        double i0Walls = t.i0_A_per_m2[lpscl], dt = 0.01;
        double expectedTime = 0;
        while (!crack.advance(expected, dt, etaP -> i0Walls * ButlerVolmer.depositionFactor(eta + etaP, 1, p.alpha(), p.f_per_V()), distance))
            expectedTime += dt;
        assertTrue(expectedTime > 20 && expectedTime < 100, "the crack takes a minute: " + expectedTime);
        // 5 %: the run's steps are 0.5 s, and its overpotential follows Butler-Volmer to a few %
        assertEquals(expectedTime, r.get("time_to_short_s").asDouble(), 0.05 * expectedTime, r.toString());
        String cause = r.get("short_cause").asText();
        assertTrue(cause.startsWith("Li intrusion into lpscl"), cause);
        Matcher m = Pattern.compile("overpotential (-?[0-9.]+) mV").matcher(cause);
        assertTrue(m.find(), cause);
        // Butler-Volmer at the set current (the flat front's current follows it to 3 %, ButlerVolmerTest)
        assertEquals(eta, Double.parseDouble(m.group(1)) * 1e-3, 0.03 * Math.abs(eta), cause);
        // the time series: the crack radius grows to the top; penetration counts it
        TimeSeries series = TimeSeries.read(dir.resolve("timeseries.csv"));
        double[] radius = series.values("crack_radius_m");
        int last = radius.length - 1;
        assertTrue(radius[last] >= distance - 0.05e-6, "crack at the short (the cause rounds to 0.1 um): " + radius[last]);
        assertPenetrationIsThePlatedLayerAndTheCrack(series, p);
        assertTrue(radius[last / 2] > 0.1e-6 && radius[last / 2] < radius[last], "grows: " + radius[last / 2]);
        double y = p.f_per_V() * etaC / 2;
        assertEquals(asinh(1.3 * Math.sinh(y)) / y, r.get("peak_intrusion_ratio").asDouble(), 0.03, r.toString());
    }

    @Test
    void belowTheLimitTheFlawsHoldLiAtTheirPressureAndNothingShorts() throws IOException {
        Scenario s = ScenarioLoader.parse(CELL.formatted("1", "1", ""), "intrusion.yaml", Map.of());
        ModelParameters p = ModelParameters.from(s);
        MaterialTable t = new MaterialTable(s, p);
        int lpscl = java.util.Arrays.asList(t.names).indexOf("lpscl");
        double etaC = t.intrusionOverpotential_V[lpscl], i0 = t.i0_A_per_m2[lpscl];
        double iC = 2 * i0 * Math.sinh(p.f_per_V() * etaC / 2);
        Path dir = run("below", 0.9 * iC, 300, "");
        JsonNode r = new ObjectMapper().readTree(dir.resolve(RunResults.FILE_NAME).toFile());
        assertFalse(r.get("shorted").asBoolean(), r.toString());
        // the intrusion ratio is Butler-Volmer's asinh(0.9 sinh(f eta_c / 2)) / (f eta_c / 2) = 0.93, and the
        // flaw, filled to that fraction of its fracture pressure, does not grow
        double y = p.f_per_V() * etaC / 2;
        assertEquals(asinh(0.9 * Math.sinh(y)) / y, r.get("peak_intrusion_ratio").asDouble(), 0.03, r.toString());
        TimeSeries series = TimeSeries.read(dir.resolve("timeseries.csv"));
        double[] radius = series.values("crack_radius_m");
        assertEquals(0.1e-6, radius[radius.length - 1], 1e-15, "the flaw holds Li and stays a flaw");
        assertPenetrationIsThePlatedLayerAndTheCrack(series, p);
        // filled to the pressure the overpotential holds: V / V_c(a0) = -eta / eta_c
        Snapshot last = SnapshotReader.read(CliTestSupport.snapshots(dir).get(CliTestSupport.snapshots(dir).size() - 1));
        double filled = last.extraDouble("crack_li_volume_m3") / t.crack[lpscl].criticalVolume_m3(0.1e-6);
        assertEquals(asinh(0.9 * Math.sinh(y)) / y, filled, 0.03, "the flaw's Li over what it holds at its limit");
    }

    @Test
    void atAnotherTemperatureTheLimitFollowsTheExchangeCurrentScaledThere() throws IOException {
        // the library's Li / argyrodite i0, measured at -5 C, with its 0.28 eV (docs/MODEL.md section 1.3), the cell at 330 K;
        // the diffuse interface reacts in cells of both materials, each at its own i0, so both scale
        String hot = CELL.replace("interface_width: 0.5 um}", "interface_width: 0.5 um, temperature: 330 K}")
                .replace("lpscl: {library: lpscl-pellet, exchange_current_activation_energy: 0 eV}", "lpscl: {library: lpscl-pellet}")
                .replace("li: {library: li-metal, exchange_current_activation_energy: 0 eV}", "li: {library: li-metal}");
        Scenario s = ScenarioLoader.parse(hot.formatted("1", "1", ""), "intrusion.yaml", Map.of());
        ModelParameters p = ModelParameters.from(s);
        MaterialTable t = new MaterialTable(s, p);
        int lpscl = java.util.Arrays.asList(t.names).indexOf("lpscl");
        double etaC = t.intrusionOverpotential_V[lpscl], i0 = t.i0_A_per_m2[lpscl];
        double factor = Math.exp(-0.28 * PhysicalConstants.FARADAY_C_PER_MOL / PhysicalConstants.GAS_CONSTANT_J_PER_MOL_K * (1 / 330.0 - 1 / 268.15));
        assertEquals(2.91 * factor, i0, 1e-9 * i0, "the library's 0.291 mA/cm^2 scaled from -5 C to 330 K");
        double y = p.f_per_V() * etaC / 2, iC = 2 * i0 * Math.sinh(y);
        // at 0.9 times the scaled limit: over twice the limit of the unscaled i0, which would have shorted the cell
        assertTrue(0.9 * iC > 2 * (2 * 2.91 * Math.sinh(y)), "the run tells the two apart");
        Path dir = run(hot, "hot", 0.9 * iC, 150, "");
        JsonNode r = new ObjectMapper().readTree(dir.resolve(RunResults.FILE_NAME).toFile());
        assertFalse(r.get("shorted").asBoolean(), r.toString());
        // Butler-Volmer at 330 K with the scaled i0: asinh(0.9 sinh(f eta_c / 2)) / (f eta_c / 2) of the flaws' pressure, once
        // the start's transient (at this current it peaks 5 % higher) has passed
        double[] ratio = TimeSeries.read(dir.resolve("timeseries.csv")).values("intrusion_ratio");
        assertEquals(asinh(0.9 * Math.sinh(y)) / y, ratio[ratio.length - 1], 0.03, r.toString());
    }

    @Test
    void aRunRestartedWhileItsCrackGrowsEqualsTheUninterruptedRun() throws IOException {
        double current = 10; // 1.3 times the flat-front limit: the crack grows from about 10 s on
        Path whole = run("whole", current, 40, "");
        Path split = run("split", current, 20, "");
        Path middle = CliTestSupport.snapshots(split).get(CliTestSupport.snapshots(split).size() - 1);
        Snapshot atRestart = SnapshotReader.read(middle);
        assertEquals(20, atRestart.time_s(), 1e-12);
        assertTrue(atRestart.extraDouble("crack_radius_m") > 0.1e-6, "the crack has grown by the restart: " + atRestart.extras());
        lipfOk("run", tmp.resolve("split.yaml").toString(), "-o", split.toString(), "--threads", "2", "--end-time", "40", "--restart", middle.toString());
        RestartTest.assertSameFinalState(whole, split);
        RestartTest.assertSameRowsAfter(whole, split, 20);
    }

    /**
     * A step is pressed by the overpotential that drove it: across a switch from stripping to plating (a
     * symmetric ramp from 0.53 to 1.3 times the limit) no stripping step presses the flaws, and the first
     * plating step above the limit does. With the potentials solved with the reaction (as in the SC hosts)
     * the crack used to advance with the potentials solved at the step's end, which aim at the next step's
     * current: the last stripping step before each plating pressed the flaws at ratio 1.24 here, the last
     * plating step not at all.
     */
    @Test
    void strippingStepsDoNotPressTheFlawsAcrossASwitchToPlating() throws IOException {
        String protocol = "control: {mode: galvanostatic, protocol: {type: ccd_ramp, start: 4 A/m^2, step: 6 A/m^2, max: 10 A/m^2, capacity: 5 C/m^2, symmetric: true}}";
        String yaml = CELL.formatted("1", "6", "").replace("control: {mode: galvanostatic, current_density: 1 A/m^2}", protocol)
                .replace("output_interval: 20 s", "output_interval: 1 s") + "solver: {reaction_coupling: implicit}\n";
        Path file = CliTestSupport.write(tmp, "switch.yaml", yaml);
        Path dir = tmp.resolve("switch");
        lipfOk("run", file.toString(), "-o", dir.toString(), "--threads", "2");
        TimeSeries series = TimeSeries.read(dir.resolve("timeseries.csv"));
        double[] current = series.values("current_density_A_per_m2"), ratio = series.values("intrusion_ratio"), time = series.values("time_s");
        int stripping = 0, above = 0;
        for (int row = 1; row < current.length; row++) {
            String at = "row " + row + " at " + time[row] + " s, " + current[row] + " A/m^2";
            if (current[row] < 0) {
                stripping++;
                assertEquals(0, ratio[row], 0.0, at);
            } else if (current[row] > 9) {
                above++;
                assertTrue(ratio[row] > 1, at + ": ratio " + ratio[row]);
            } else assertTrue(ratio[row] > 0 && ratio[row] < 1, at + ": ratio " + ratio[row]);
        }
        assertTrue(stripping >= 3 && above >= 1, stripping + " stripping and " + above + " plating rows above the limit");
    }

    /**
     * results.json's peak intrusion ratio is over every step, not over the time-series rows: a nucleus presses the
     * LPSCl hardest in its first steps, before the first row, so the peak is the same at output intervals of 20 s and
     * 60 s (whose rows saw different maxima) and above every row; a restart continues it from its snapshot's
     * attribute, and one from a snapshot without it (written before it was kept) falls back to the rows.
     */
    @Test
    void thePeakIntrusionRatioIsOverEveryStepWhateverTheOutputIntervalAndARestartContinuesIt() throws IOException {
        String nucleus = "  nuclei: [{x: 1 um, radius: 0.75 um}]";
        Path fine = run("rows20", 5, 60, nucleus), coarse = run("rows60", 5, 60, nucleus, "--set", "time.output_interval=60 s");
        double peak = peakIntrusionRatio(fine), highestRow = highestRow(fine);
        assertEquals(peak, peakIntrusionRatio(coarse), 0.0, "the same steps up to the peak");
        assertTrue(peak > highestRow + 1e-3, "the peak falls between rows: " + peak + ", rows up to " + highestRow);
        assertEquals(peak, CliTestSupport.lastSnapshot(fine).extraDouble(RunDriver.PEAK_INTRUSION_RATIO), 0.0, "snapshots carry it");

        Path split = run("split", 5, 20, nucleus);
        Path middle = CliTestSupport.snapshots(split).get(CliTestSupport.snapshots(split).size() - 1);
        lipfOk("run", tmp.resolve("split.yaml").toString(), "-o", split.toString(), "--threads", "2", "--end-time", "60", "--restart", middle.toString());
        assertEquals(peak, peakIntrusionRatio(split), 0.0, "continued from the snapshot at 20 s");

        // a snapshot of an older LiPF, without the attribute: the rows, as results.json took it then
        Snapshot s = SnapshotReader.read(middle);
        java.util.LinkedHashMap<String, Object> older = new java.util.LinkedHashMap<>(s.extras());
        older.remove(RunDriver.PEAK_INTRUSION_RATIO);
        older.remove(RunDriver.MIN_CONTACT_FRACTION);
        Path old = tmp.resolve("old");
        new SnapshotWriter().write(old.resolve("snapshots"), new Snapshot(s.step(), s.time_s(), s.dx_m(), s.shape(), s.fields(), s.material(),
                s.materialNames(), s.appliedCurrent_A_per_m2(), s.cellVoltage_V(), older));
        java.nio.file.Files.copy(split.resolve("timeseries.csv"), old.resolve("timeseries.csv"));
        lipfOk("run", tmp.resolve("split.yaml").toString(), "-o", old.toString(), "--threads", "2", "--end-time", "60",
                "--restart", old.resolve("snapshots").resolve(middle.getFileName()).toString());
        assertEquals(highestRow(old), peakIntrusionRatio(old), 0.0, "the rows of the older run");
    }

    private static double peakIntrusionRatio(Path run) throws IOException {
        return new ObjectMapper().readTree(run.resolve(RunResults.FILE_NAME).toFile()).get("peak_intrusion_ratio").asDouble();
    }

    private static double highestRow(Path run) throws IOException {
        return java.util.Arrays.stream(TimeSeries.read(run.resolve("timeseries.csv")).values(RunResults.INTRUSION_RATIO)).max().orElseThrow();
    }

    /** The flat front plates q / (n F c_s) into the LPSCl; the penetration adds the crack's radius to it (within a twentieth of a cell). */
    private static void assertPenetrationIsThePlatedLayerAndTheCrack(TimeSeries series, ModelParameters p) {
        int last = series.values("time_s").length - 1;
        double plated = series.values("passed_charge_C_per_m2")[last] / p.chargeDensity_C_per_m3();
        assertTrue(plated > 0.05e-6, "plated " + plated);
        assertEquals(plated + series.values("crack_radius_m")[last], series.values("penetration_m")[last], 0.0125e-6);
    }

    private Path run(String name, double current_A_per_m2, double end_s, String film, String... backendArgs) throws IOException {
        return run(CELL, name, current_A_per_m2, end_s, film, backendArgs);
    }

    private Path run(String cell, String name, double current_A_per_m2, double end_s, String film, String... backendArgs) throws IOException {
        Path file = CliTestSupport.write(tmp, name + ".yaml", cell.formatted(Double.toString(current_A_per_m2), Double.toString(end_s), film));
        Path dir = tmp.resolve(name);
        String[] args = {"run", file.toString(), "-o", dir.toString(), "--threads", "2"};
        String[] all = java.util.Arrays.copyOf(args, args.length + backendArgs.length);
        System.arraycopy(backendArgs, 0, all, args.length, backendArgs.length);
        lipfOk(all);
        return dir;
    }

    private static double asinh(double x) {
        return Math.log(x + Math.sqrt(x * x + 1));
    }
}
