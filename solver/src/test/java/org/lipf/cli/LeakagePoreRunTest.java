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
import org.junit.jupiter.api.io.TempDir;
import org.lipf.backend.opencl.FieldComparison;
import org.lipf.backend.opencl.OpenClTestDevice;
import org.lipf.model.ButlerVolmer;
import org.lipf.model.LeakageFilledPore;
import org.lipf.model.LiFilledCrack;
import org.lipf.model.MaterialTable;
import org.lipf.model.ModelParameters;
import org.lipf.output.RunResults;
import org.lipf.output.TimeSeries;
import org.lipf.scenario.Scenario;
import org.lipf.scenario.ScenarioLoader;

/**
 * Pores filled by electronic leakage (docs/MODEL.md section 4.2.1) on a flat Li front against paper A's sulfide films,
 * at a current between the pores' limit (0.3 um pores: 32 mV, 3.9 A/m^2 by Butler-Volmer) and the surface flaws'
 * (0.1 um: 55.7 mV, 7.5 A/m^2): the reduced P-LPSCl (7.1e-7 S/cm) fills its pores within about a minute and a
 * crack grows from one and shorts the cell when the two models say; the E-LPSCl film (1e-9 S/cm) would take
 * half a day, and nothing shorts.
 * The cells take paper B's exchange currents as given at 300 K (activation energy 0), the currents here chosen for them.
 */
class LeakagePoreRunTest {
    @TempDir
    Path tmp;

    private static final double CURRENT_A_PER_M2 = 5.5;

    private static final String CELL = """
            name: leakage
            grid: {dimensions: 2, width: 2 um, height: 6 um, spacing: 0.25 um}
            model: {form: mixed_conductor, interface_width: 0.5 um}
            materials:
              li: {library: li-metal, exchange_current_activation_energy: 0 eV}
              film: {library: %s, exchange_current_activation_energy: 0 eV}
            geometry:
              background: film
              layers:
                - {material: li, thickness: 2 um, xi: 1, c: 1}
                - {material: film, thickness: rest, c: 1}
            control: {mode: galvanostatic, current_density: %s A/m^2}
            time: {integrator: semi_implicit, end: %s s, max_step: 0.5 s, output_interval: 20 s}
            """;

    @Test
    void theReducedFilmFillsItsPoresAndACrackFromOneShortsTheCellWhenThePoreAndCrackModelsSay() throws IOException {
        Scenario s = ScenarioLoader.parse(CELL.formatted("p-lpscl-reduced", CURRENT_A_PER_M2, 150), "leakage.yaml", Map.of());
        ModelParameters p = ModelParameters.from(s);
        MaterialTable t = new MaterialTable(s, p);
        int film = java.util.Arrays.asList(t.names).indexOf("film");
        LeakageFilledPore pore = t.pore[film];
        LiFilledCrack crack = t.crack[film];
        double i0 = t.i0_A_per_m2[film], flatFront = -2 / p.f_per_V() * asinh(CURRENT_A_PER_M2 / (2 * i0));
        assertTrue(-flatFront > pore.criticalOverpotential_V() && -flatFront < crack.limit_V(), "between the limits: " + flatFront);

        Path dir = run("reduced", "p-lpscl-reduced", 300);
        JsonNode r = new ObjectMapper().readTree(dir.resolve(RunResults.FILE_NAME).toFile());
        assertTrue(r.get("shorted").asBoolean(), r.toString());
        String cause = r.get("short_cause").asText();
        assertTrue(cause.contains("from a pore its electronic leakage filled"), cause);
        Matcher away = Pattern.compile("reached the counter electrode ([0-9.]+) um away").matcher(cause);
        assertTrue(away.find(), cause);
        double distance = Double.parseDouble(away.group(1)) * 1e-6;
        // the run's overpotential at the contact (the intrusion ratio is -eta over the flaws' limit; Butler-Volmer's
        // flat front to 3 %), steady over the run
        TimeSeries series = TimeSeries.read(dir.resolve("timeseries.csv"));
        double[] ratio = series.values(RunResults.INTRUSION_RATIO);
        double eta = -ratio[ratio.length - 1] * crack.limit_V();
        assertEquals(flatFront, eta, 0.03 * -flatFront);
        assertEquals(ratio[1], ratio[ratio.length - 1], 0.005, "steady");
        // the pore fills through the film's sigma_e and cracks; the crack then grows from the pore's radius at its
        // critical pressure, fed by Butler-Volmer on its walls, to the counter electrode
        double dt = 0.01, expected = 0;
        LeakageFilledPore.State filling = new LeakageFilledPore.State();
        while (!pore.advance(filling, dt, eta, 0)) expected += dt;
        LiFilledCrack.State growing = new LiFilledCrack.State();
        growing.radius_m = pore.radius_m();
        growing.liVolume_m3 = crack.criticalVolume_m3(pore.radius_m());
        while (!crack.advance(growing, dt, etaP -> i0 * ButlerVolmer.depositionFactor(eta + etaP, 1, p.alpha(), p.f_per_V()), distance))
            expected += dt;
        assertTrue(expected > 120 && expected < 200, "the pore fills in about a minute, the crack grows in another: " + expected);
        // two steps of 0.5 s: the crack takes over the pore at the end of the step it cracked in, and shorts at the
        // end of the step it arrived in
        assertEquals(expected, r.get("time_to_short_s").asDouble(), 1.0, r.toString());
        double[] fill = series.values(RunDriver.PORE_FILL), time = series.values("time_s");
        int row = 1;
        while (time[row] < 20) row++;
        // the void fills linearly at 4 pi a sigma_e |eta| / (n F c_s)
        double filledAt20 = pore.fillFraction(advanced(pore, 20, eta));
        assertEquals(filledAt20, fill[row], 0.01 * filledAt20, "at " + time[row] + " s");
        assertEquals(0, fill[fill.length - 1], 0, "the pore's Li went into the crack");
    }

    /**
     * The pore and its crack advance on the host from the backend's fields, which the OpenCL backend copies back each
     * step: on OpenCL (PoCL in CI) the reduced film's pore fills, cracks and shorts the cell as on the CPU, every row
     * of those columns equal to 1e-9 of the column's scale (measured below 2e-13 with lipf run) and the same short. The
     * cell is 12 um wide (48 x 24 cells): above DevicePotentialSolver.HOST_CELLS the potentials are solved on the device
     * and copied back (on the 2 um cell the host solves them, and a stale copy would pass unseen); steps of up to 2 s.
     */
    @Test
    void onOpenClThePoreFillsCracksAndShortsAsOnTheCpu() throws IOException {
        String device = Integer.toString(OpenClTestDevice.require().index());
        Path file = CliTestSupport.write(tmp, "wide.yaml", CELL.formatted("p-lpscl-reduced", CURRENT_A_PER_M2, 300)
                .replace("width: 2 um", "width: 12 um").replace("max_step: 0.5 s", "max_step: 2 s"));
        Path cpu = tmp.resolve("cpu"), openCl = tmp.resolve("opencl");
        lipfOk("run", file.toString(), "-o", cpu.toString(), "--threads", "2");
        lipfOk("run", file.toString(), "-o", openCl.toString(), "--threads", "2", "--backend", "opencl", "--device", device);
        TimeSeries a = TimeSeries.read(cpu.resolve("timeseries.csv")), b = TimeSeries.read(openCl.resolve("timeseries.csv"));
        assertEquals(a.rows().size(), b.rows().size(), "rows");
        for (String column : new String[] {"time_s", RunDriver.PORE_FILL, RunDriver.CRACK_RADIUS, RunResults.INTRUSION_RATIO, "cell_voltage_V"}) {
            double d = FieldComparison.relativeDifference(a.values(column), b.values(column));
            assertTrue(d <= 1e-9, column + ": relative difference " + d);
        }
        JsonNode ra = new ObjectMapper().readTree(cpu.resolve(RunResults.FILE_NAME).toFile());
        JsonNode rb = new ObjectMapper().readTree(openCl.resolve(RunResults.FILE_NAME).toFile());
        assertTrue(ra.get(RunDriver.SHORT_CAUSE).asText().contains("from a pore its electronic leakage filled"), ra.toString());
        assertEquals(ra.get(RunDriver.SHORT_CAUSE).asText(), rb.get(RunDriver.SHORT_CAUSE).asText());
        assertEquals(ra.get("time_to_short_s").asDouble(), rb.get("time_to_short_s").asDouble(), 1e-9 * ra.get("time_to_short_s").asDouble());
    }

    @Test
    void aFilmOnTheMetalThatBlocksElectronsKeepsThePoresEmpty() throws IOException {
        // paper A's Li3N SEI (1e-12 S/cm, 3 um) on the metal: the electrons cross it over the pore's cross-section
        String coated = CELL.formatted("p-lpscl-reduced", CURRENT_A_PER_M2, 150).replace("  film: {library: p-lpscl-reduced, exchange_current_activation_energy: 0 eV}",
                "  film: {library: p-lpscl-reduced, exchange_current_activation_energy: 0 eV}\n  li3n: {library: li3n, exchange_current_activation_energy: 0 eV}")
                .replace("    - {material: film, thickness: rest, c: 1}", "    - {material: film, thickness: rest, c: 1}\n  coatings: [{material: li3n, layer: 0, thickness: 3 um, on_metal: true}]");
        Path file = CliTestSupport.write(tmp, "coated.yaml", coated);
        Path dir = tmp.resolve("coated");
        lipfOk("run", file.toString(), "-o", dir.toString(), "--threads", "2");
        double[] fill = TimeSeries.read(dir.resolve("timeseries.csv")).values(RunDriver.PORE_FILL);
        assertTrue(fill[fill.length - 1] > 0 && fill[fill.length - 1] < 1e-6, "150 s fill a bare pore twice over; behind Li3N: " + fill[fill.length - 1]);
        assertFalse(new ObjectMapper().readTree(dir.resolve(RunResults.FILE_NAME).toFile()).get("shorted").asBoolean());
    }

    @Test
    void theScaffoldedFilmsLeakageFillsItsPoresTooSlowlyToMatter() throws IOException {
        Path dir = run("scaffolded", "e-lpscl-film", 150);
        JsonNode r = new ObjectMapper().readTree(dir.resolve(RunResults.FILE_NAME).toFile());
        assertFalse(r.get("shorted").asBoolean(), r.toString());
        Scenario s = ScenarioLoader.parse(CELL.formatted("e-lpscl-film", CURRENT_A_PER_M2, 150), "leakage.yaml", Map.of());
        ModelParameters p = ModelParameters.from(s);
        MaterialTable t = new MaterialTable(s, p);
        int film = java.util.Arrays.asList(t.names).indexOf("film");
        double eta = -2 / p.f_per_V() * asinh(CURRENT_A_PER_M2 / (2 * t.i0_A_per_m2[film]));
        double[] fill = TimeSeries.read(dir.resolve("timeseries.csv")).values(RunDriver.PORE_FILL);
        double expected = t.pore[film].fillFraction(advanced(t.pore[film], 150, eta));
        assertTrue(expected < 0.005, "a fraction of a percent in 150 s: " + expected);
        assertEquals(expected, fill[fill.length - 1], 0.05 * expected);
    }

    /**
     * A pore keeps its place: under a patchy Li3N film (half the columns) it begins to fill at an open spot, where the
     * metal presses hardest, and empties there again while the metal strips, although the contact that presses
     * hardest then lies under the film, which would keep a pore's Li (a pore that followed it kept half its Li over
     * the first cycle and filled on over the next).
     */
    @Test
    void aPoreFillsAndEmptiesWhereItLiesUnderAPatchyFilm() throws IOException {
        String patchy = CELL.formatted("p-lpscl-reduced", 2.5, 160).replace("  film: {library: p-lpscl-reduced, exchange_current_activation_energy: 0 eV}",
                "  film: {library: p-lpscl-reduced, exchange_current_activation_energy: 0 eV}\n  li3n: {library: li3n, exchange_current_activation_energy: 0 eV}")
                .replace("    - {material: film, thickness: rest, c: 1}",
                        "    - {material: film, thickness: rest, c: 1}\n  coatings: [{material: li3n, layer: 0, thickness: 3 um, on_metal: true, coverage: 0.5, patch_size: 1 um, seed: 3}]")
                .replace("control: {mode: galvanostatic, current_density: 2.5 A/m^2}",
                        "control: {mode: galvanostatic, protocol: {type: cycling, current_density: 2.5 A/m^2, capacity: 100 C/m^2, cycles: 2}}");
        Path file = CliTestSupport.write(tmp, "patchy.yaml", patchy);
        Path dir = tmp.resolve("patchy");
        lipfOk("run", file.toString(), "-o", dir.toString(), "--threads", "2");
        TimeSeries series = TimeSeries.read(dir.resolve("timeseries.csv"));
        double[] time = series.values("time_s"), fill = series.values(RunDriver.PORE_FILL);
        // 40 s of plating and 40 s of stripping per cycle
        for (int cycle = 0; cycle < 2; cycle++) {
            double plated = fill[rowAt(time, 80 * cycle + 40)], stripped = fill[rowAt(time, 80 * cycle + 80)];
            assertTrue(plated > 0.2, "cycle " + cycle + ": filled to " + plated);
            assertTrue(stripped < 0.05 * plated, "cycle " + cycle + ": emptied to " + stripped + " of " + plated);
        }
    }

    private static int rowAt(double[] time, double t_s) {
        int row = 0;
        while (row + 1 < time.length && time[row + 1] <= t_s + 1e-9) row++;
        return row;
    }

    @Test
    void aRunRestartedWhileItsPoreFillsOrAfterItCrackedEqualsTheUninterruptedRun() throws IOException {
        Path whole = run("whole", "p-lpscl-reduced", 300);
        String cause = new ObjectMapper().readTree(whole.resolve(RunResults.FILE_NAME).toFile()).get("short_cause").asText();
        assertTrue(cause.contains("from a pore its electronic leakage filled"), cause);
        for (double at : new double[] {40, 100}) {
            String name = "split" + (int) at;
            Path split = run(name, "p-lpscl-reduced", at);
            Path middle = CliTestSupport.snapshots(split).get(CliTestSupport.snapshots(split).size() - 1);
            var snap = org.lipf.output.SnapshotReader.read(middle);
            // at 40 s the pore holds Li; at 100 s its crack grows (it took the pore over at about 80 s)
            if (at == 40) assertTrue(snap.extraDouble(RunDriver.PORE_LI_VOLUME) > 0, "the pore holds Li at the restart");
            else assertEquals(1.0, snap.extraDouble(RunDriver.CRACK_FROM_PORE), 0, "the crack grew from the pore");
            lipfOk("run", tmp.resolve(name + ".yaml").toString(), "-o", split.toString(), "--threads", "2", "--end-time", "300", "--restart", middle.toString());
            RestartTest.assertSameFinalState(whole, split);
            RestartTest.assertSameRowsAfter(whole, split, at);
            assertEquals(cause, new ObjectMapper().readTree(split.resolve(RunResults.FILE_NAME).toFile()).get("short_cause").asText());
        }
        // a snapshot of the first version of the pores, which did not say where the pore lies: it is placed at the
        // contact that presses hardest (here the same column) and goes on filling
        Path split = tmp.resolve("split40");
        Path middle = CliTestSupport.snapshots(split).stream().filter(f -> f.getFileName().toString().contains("step_")).toList().get(2);
        var s = org.lipf.output.SnapshotReader.read(middle);
        assertEquals(40, s.time_s(), 1e-9);
        java.util.LinkedHashMap<String, Object> older = new java.util.LinkedHashMap<>(s.extras());
        older.remove(RunDriver.PORE_COLUMN);
        older.remove(RunDriver.PORE_MATERIAL);
        Path old = tmp.resolve("old");
        new org.lipf.output.SnapshotWriter().write(old.resolve("snapshots"), new org.lipf.output.Snapshot(s.step(), s.time_s(), s.dx_m(), s.shape(),
                s.fields(), s.material(), s.materialNames(), s.appliedCurrent_A_per_m2(), s.cellVoltage_V(), older));
        lipfOk("run", tmp.resolve("split40.yaml").toString(), "-o", old.toString(), "--threads", "2", "--end-time", "300",
                "--restart", old.resolve("snapshots").resolve(middle.getFileName()).toString());
        RestartTest.assertSameFinalState(whole, old);
    }

    private static LeakageFilledPore.State advanced(LeakageFilledPore pore, double time_s, double eta_V) {
        LeakageFilledPore.State s = new LeakageFilledPore.State();
        pore.advance(s, time_s, eta_V, 0);
        return s;
    }

    private Path run(String name, String film, double end_s) throws IOException {
        Path file = CliTestSupport.write(tmp, name + ".yaml", CELL.formatted(film, CURRENT_A_PER_M2, end_s));
        Path dir = tmp.resolve(name);
        lipfOk("run", file.toString(), "-o", dir.toString(), "--threads", "2");
        return dir;
    }

    private static double asinh(double x) {
        return Math.log(x + Math.sqrt(x * x + 1));
    }
}
