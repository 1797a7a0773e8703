package org.lipf.cli;

import static org.junit.jupiter.api.Assertions.*;
import static org.lipf.cli.CliTestSupport.lipfOk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lipf.backend.opencl.OpenClTestDevice;
import org.lipf.model.MaterialTable;
import org.lipf.model.ModelParameters;
import org.lipf.output.RunResults;
import org.lipf.output.Snapshot;
import org.lipf.output.SnapshotReader;
import org.lipf.output.TimeSeries;
import org.lipf.scenario.Scenario;
import org.lipf.scenario.ScenarioLoader;

/**
 * Voids at the stripping Li surface (docs/MODEL.md section 4.3) on a flat Li / LPSCl front cycled at 0.67
 * times the intrusion limit's current i_c (section 4.2): stripping beyond the Li supply i_s opens voids to
 * theta = exp(-(I - i_s) t / (n F c_s l_v)); the next plating runs at I / theta on the contacts, whose Li
 * presses the flaws at Butler-Volmer's overpotential of that current, beyond the limit: a crack grows and
 * shorts the cell, which a supply above I never does. The voids close at i_s while the metal plates.
 * The cells take paper B's exchange currents as given at 300 K (activation energy 0), the currents here chosen for them.
 */
class StrippingVoidsRunTest {
    @TempDir
    Path tmp;

    /** 0.5 mA/cm^2 for 130 s per half cycle; supply and void depth set in the test. */
    private static final String CELL = """
            name: voids
            grid: {dimensions: 2, width: 2 um, height: 6 um, spacing: 0.25 um}
            model: {form: mixed_conductor, interface_width: 0.5 um}
            materials:
              li: {library: li-metal, critical_stripping_current: %s A/m^2, void_depth: 0.1 um, exchange_current_activation_energy: 0 eV}
              lpscl: {library: lpscl-pellet, exchange_current_activation_energy: 0 eV}
            geometry:
              background: lpscl
              layers:
                - {material: li, thickness: 2 um, xi: 1, c: 1}
                - {material: lpscl, thickness: rest, c: 1}
            control:
              mode: galvanostatic
              protocol: {type: cycling, current_density: 5 A/m^2, capacity: 650 A*s/m^2, cycles: 2}
            time: {integrator: semi_implicit, end: 520 s, max_step: 0.5 s, output_interval: 65 s}
            """;

    private static final double I = 5, T = 130, VOID_DEPTH = 0.1e-6;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cpu", "opencl"})
    void strippingBeyondTheSupplyOpensVoidsAndTheNextPlatingShortsAtTheContacts(String backend) throws IOException {
        String[] backendArgs = backend.equals("cpu") ? new String[0]
                : new String[] {"--backend", "opencl", "--device", Integer.toString(OpenClTestDevice.require().index())};
        Scenario s = ScenarioLoader.parse(CELL.formatted("1"), "voids.yaml", Map.of());
        ModelParameters p = ModelParameters.from(s);
        MaterialTable t = new MaterialTable(s, p);
        int lpscl = java.util.Arrays.asList(t.names).indexOf("lpscl");
        double etaC = t.intrusionOverpotential_V[lpscl], i0 = t.i0_A_per_m2[lpscl], f = p.f_per_V(), rho = p.chargeDensity_C_per_m3();
        assertEquals(0.67, I / (2 * i0 * Math.sinh(f * etaC / 2)), 0.01, "0.67 i_c");

        Path dir = run("voids", "1", backendArgs);
        TimeSeries series = TimeSeries.read(dir.resolve("timeseries.csv"));
        double[] time = series.values("time_s"), contact = series.values("contact_fraction"), ratio = series.values("intrusion_ratio");
        // plating first: no voids
        assertEquals(1, contact[row(time, T)], 0, "plating opens no voids");
        // stripping at I beyond the supply: v = (I - i_s) t / (n F c_s); 2 %: the column current is I to the
        // control's 0.1 % once the stripping front has formed
        double v = (I - 1) * T / rho;
        assertEquals(Math.exp(-v / VOID_DEPTH), contact[row(time, 2 * T)], 0.02 * Math.exp(-v / VOID_DEPTH));
        double theta = contact[row(time, 2 * T)];
        assertTrue(theta < 0.6, "voids on half the surface: " + theta);
        // the next plating: Butler-Volmer at I / theta on the contacts presses the flaws beyond the limit
        int first = row(time, 2 * T + 2);
        double eta = -2 / f * asinh(I / theta / (2 * i0));
        assertEquals(-eta / etaC, ratio[first], 0.03 * (-eta / etaC), "the contacts plate at I / theta");
        assertTrue(ratio[first] > 1, "beyond the limit: " + ratio[first]);
        // the supply closes the voids while the metal plates: v falls at i_s / (n F c_s)
        int later = row(time, 2 * T + 20);
        double vLater = v - 1 * (time[later] - 2 * T) / rho;
        assertEquals(Math.exp(-vLater / VOID_DEPTH), contact[later], 0.02 * Math.exp(-vLater / VOID_DEPTH));
        JsonNode r = new ObjectMapper().readTree(dir.resolve(RunResults.FILE_NAME).toFile());
        assertTrue(r.get("shorted").asBoolean(), "the crack from the contacts shorts the cell: " + r);
        assertTrue(r.get("time_to_short_s").asDouble() > 2 * T && r.get("time_to_short_s").asDouble() < 4 * T, r.toString());
        assertTrue(r.get("short_cause").asText().startsWith("Li intrusion into lpscl"), r.toString());
        // results.json: the contact the first stripping left, which the failing plating ran through
        assertEquals(theta, r.get("cycles").get(0).get("contact_fraction_after_stripping").asDouble(), 0, r.toString());
        assertTrue(r.get("min_contact_fraction").asDouble() <= theta, r.toString());
        // the voids are in the snapshots, one value per column along the growth axis
        try (var files = Files.list(dir.resolve("snapshots"))) {
            Path last = files.sorted().reduce((a, b) -> b).orElseThrow();
            Snapshot snap = SnapshotReader.read(last);
            assertTrue(snap.fields().containsKey(RunDriver.VOID_FIELD), snap.toString());
        }

        // a supply above the current: no voids, no short
        Path safe = run("supplied", "6", backendArgs);
        TimeSeries ok = TimeSeries.read(safe.resolve("timeseries.csv"));
        for (double c : ok.values("contact_fraction")) assertEquals(1, c, 0);
        JsonNode rs = new ObjectMapper().readTree(safe.resolve(RunResults.FILE_NAME).toFile());
        assertFalse(rs.get("shorted").asBoolean());
        assertFalse(rs.has("min_contact_fraction"), "no voids, nothing reported: " + rs);
    }

    @Test
    void aRunRestartedWhileVoidsAreOpenEqualsTheUninterruptedOne() throws IOException {
        Path whole = run("whole", "1");
        // interrupted in the stripping half (its last snapshot at 195 s), then continued from that snapshot
        Path first = tmp.resolve("first");
        lipfOk("run", tmp.resolve("voids-whole.yaml").toString(), "-o", first.toString(), "--threads", "1", "--end-time", "195");
        lipfOk("run", tmp.resolve("voids-whole.yaml").toString(), "-o", first.toString(), "--threads", "1", "--restart", last(first).toString());
        TimeSeries a = TimeSeries.read(whole.resolve("timeseries.csv")), b = TimeSeries.read(first.resolve("timeseries.csv"));
        assertArrayEquals(a.values("contact_fraction"), b.values("contact_fraction"));
        assertArrayEquals(a.values("cell_voltage_V"), b.values("cell_voltage_V"));
    }

    private Path last(Path dir) throws IOException {
        try (var files = Files.list(dir.resolve("snapshots"))) {
            return files.sorted().reduce((x, y) -> y).orElseThrow();
        }
    }

    private Path run(String name, String supply, String... extra) throws IOException {
        Path yaml = tmp.resolve("voids-" + name + ".yaml");
        Files.writeString(yaml, CELL.formatted(supply));
        Path out = tmp.resolve(name);
        String[] args = new String[] {"run", yaml.toString(), "-o", out.toString(), "--threads", "1"};
        lipfOk(java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.Arrays.stream(extra)).toArray(String[]::new));
        return out;
    }

    /** The first row at or after time t. */
    private static int row(double[] time, double t) {
        for (int i = 0; i < time.length; i++) if (time[i] >= t - 1e-9) return i;
        throw new AssertionError("no row at " + t);
    }

    private static double asinh(double x) {
        return Math.log(x + Math.sqrt(x * x + 1));
    }
}
