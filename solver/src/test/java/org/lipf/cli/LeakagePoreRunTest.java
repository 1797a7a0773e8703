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
              li: {library: li-metal}
              film: {library: %s}
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
        double i0 = t.i0_A_per_m2[film], eta = -2 / p.f_per_V() * asinh(CURRENT_A_PER_M2 / (2 * i0));
        assertTrue(-eta > pore.criticalOverpotential_V() && -eta < crack.limit_V(), "between the limits: " + eta);

        Path dir = run("reduced", "p-lpscl-reduced", 300);
        JsonNode r = new ObjectMapper().readTree(dir.resolve(RunResults.FILE_NAME).toFile());
        assertTrue(r.get("shorted").asBoolean(), r.toString());
        String cause = r.get("short_cause").asText();
        assertTrue(cause.contains("from a pore its electronic leakage filled"), cause);
        Matcher away = Pattern.compile("reached the counter electrode ([0-9.]+) um away").matcher(cause);
        assertTrue(away.find(), cause);
        double distance = Double.parseDouble(away.group(1)) * 1e-6;
        // the pore fills through the film's sigma_e and cracks; the crack then grows from the pore's radius at its
        // critical pressure, fed by Butler-Volmer on its walls, to the counter electrode
        double dt = 0.01, expected = 0;
        LeakageFilledPore.State filling = new LeakageFilledPore.State();
        while (!pore.advance(filling, dt, eta)) expected += dt;
        LiFilledCrack.State growing = new LiFilledCrack.State();
        growing.radius_m = pore.radius_m();
        growing.liVolume_m3 = crack.criticalVolume_m3(pore.radius_m());
        while (!crack.advance(growing, dt, etaP -> i0 * ButlerVolmer.depositionFactor(eta + etaP, 1, p.alpha(), p.f_per_V()), distance))
            expected += dt;
        assertTrue(expected > 120 && expected < 200, "the pore fills in about a minute, the crack grows in another: " + expected);
        // 5 % for the overpotential (Butler-Volmer to a few %), and a step of 0.5 s: the crack takes over the pore
        // at the end of the step it cracked in
        assertEquals(expected, r.get("time_to_short_s").asDouble(), 0.05 * expected + 0.5, r.toString());
        TimeSeries series = TimeSeries.read(dir.resolve("timeseries.csv"));
        double[] fill = series.values(RunDriver.PORE_FILL), time = series.values("time_s");
        int row = 1;
        while (time[row] < 20) row++;
        // the void fills linearly at 4 pi a sigma_e |eta| / (n F c_s)
        double filledAt20 = pore.fillFraction(advanced(pore, 20, eta));
        assertEquals(filledAt20, fill[row], 0.05 * filledAt20, "at " + time[row] + " s");
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

    @Test
    void aRunRestartedWhileItsPoreFillsEqualsTheUninterruptedRun() throws IOException {
        Path whole = run("whole", "p-lpscl-reduced", 120);
        Path split = run("split", "p-lpscl-reduced", 40);
        Path middle = CliTestSupport.snapshots(split).get(CliTestSupport.snapshots(split).size() - 1);
        double filled = org.lipf.output.SnapshotReader.read(middle).extraDouble(RunDriver.PORE_LI_VOLUME);
        assertTrue(filled > 0, "the pore holds Li at the restart");
        lipfOk("run", tmp.resolve("split.yaml").toString(), "-o", split.toString(), "--threads", "2", "--end-time", "120", "--restart", middle.toString());
        RestartTest.assertSameFinalState(whole, split);
        RestartTest.assertSameRowsAfter(whole, split, 40);
    }

    private static LeakageFilledPore.State advanced(LeakageFilledPore pore, double time_s, double eta_V) {
        LeakageFilledPore.State s = new LeakageFilledPore.State();
        pore.advance(s, time_s, eta_V);
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
