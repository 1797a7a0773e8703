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
import org.junit.jupiter.params.ParameterizedTest;
import org.lipf.backend.opencl.OpenClTestDevice;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;
import org.lipf.model.MaterialTable;
import org.lipf.model.ModelParameters;
import org.lipf.model.PhysicalConstants;
import org.lipf.output.RunResults;
import org.lipf.output.TimeSeries;
import org.lipf.scenario.Scenario;
import org.lipf.scenario.ScenarioLoader;

/**
 * The Li intrusion limit of docs/MODEL.md section 4.2 on a flat Li / LPSCl front (the library's
 * argyrodite pellet: K_Ic and flaw size): Butler-Volmer puts the limit at the current
 * i_c = 2 i0 sinh(f eta_c / 2). A current ramp in steps of 0.2 i_c passes every step below i_c and
 * shorts in the first step above it, naming the material and an overpotential that is Butler-Volmer's
 * at that step's current; the short comes once the flaws at that limit are filled with Li. With a
 * Li3N SEI on the metal (an on-metal film, section 1.2) the reaction takes place at the Li / Li3N
 * interface: the same limit at that interface's i0 (1.38 times the argyrodite's, paper A) moves the
 * short to the larger current 2 i0_film sinh(f eta_c / 2); the film's ohmic drop does not press the Li.
 */
class LiIntrusionRunTest {
    @TempDir
    Path tmp;

    private static final String CELL = """
            name: intrusion
            grid: {dimensions: 2, width: 2 um, height: 6 um, spacing: 0.25 um}
            model: {form: mixed_conductor, interface_width: 0.5 um}
            materials:
              li: {library: li-metal}
              lpscl: {library: lpscl-pellet}
              li3n: {library: li3n}
            geometry:
              background: lpscl
              layers:
                - {material: li, thickness: 2 um, xi: 1, c: 0}
                - {material: lpscl, thickness: rest, c: 1}
            %4$s
            control: {mode: galvanostatic, protocol: {type: ccd_ramp, start: %1$s A/m^2, step: %2$s A/m^2, max: %3$s A/m^2, capacity: 30 C/m^2}}
            time: {integrator: semi_implicit, max_step: 0.05 s, output_interval: 5 s}
            """;

    /** The Li3N SEI of paper A on the metal: 3 um, ionic 1e-3 S/cm (R = 3e-5 ohm m^2, a drop of ~0.3 mV here). */
    private static final String LI3N_ON_METAL = "  coatings: [{material: li3n, layer: 0, thickness: 3 um, on_metal: true}]";

    @ParameterizedTest(name = "{0}")
    @CsvSource({"cpu, bare", "opencl, bare", "cpu, li3n", "opencl, li3n"})
    void aFlatFrontShortsByIntrusionOnlyAboveTheButlerVolmerCurrentOfTheLimit(String backend, String surface) throws IOException {
        // on OpenCL the check reads the device's fields back each step (PoCL in CI)
        String[] backendArgs = backend.equals("cpu") ? new String[0]
                : new String[] {"--backend", "opencl", "--device", Integer.toString(OpenClTestDevice.require().index())};
        String film = surface.equals("li3n") ? LI3N_ON_METAL : "";
        Scenario s = ScenarioLoader.parse(CELL.formatted("1", "1", "2", film), "intrusion.yaml", Map.of());
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
        if (surface.equals("bare")) assertEquals(7.5, iC, 0.5, "the library's flaw size is calibrated to paper A's 0.7 mA/cm^2");
        else assertEquals(1.38 * 7.55, iC, 0.1, "Li / Li3N exchanges 1.38 times the argyrodite's current (paper A's overpotentials)");

        // steps 0.3, 0.5, ..., 1.3 i_c (a start at 0.3 i_c keeps the start-up transient, while c fills the
        // metal side of the interface, within the limit)
        Path dir = run("ramp", 0.3 * iC, 0.2 * iC, 1.3 * iC, film, backendArgs);
        JsonNode r = new ObjectMapper().readTree(dir.resolve(RunResults.FILE_NAME).toFile());
        assertTrue(r.get("shorted").asBoolean(), r.toString());
        assertEquals(0.9 * iC, r.get("highest_current_passed_A_per_m2").asDouble(), 1e-6 * iC, r.toString());
        double ccd = r.get("ccd_A_per_m2").asDouble();
        assertEquals(1.1 * iC, ccd, 1e-6 * iC, r.toString());
        String cause = r.get("short_cause").asText();
        assertTrue(cause.startsWith("Li intrusion into lpscl"), cause);
        Matcher m = Pattern.compile("overpotential (-?[0-9.]+) mV").matcher(cause);
        assertTrue(m.find(), cause);
        // Butler-Volmer at the set current (the flat front's current follows it to 3 %, ButlerVolmerTest)
        double expected = -2 / p.f_per_V() * asinh(ccd / (2 * i0));
        assertEquals(expected, Double.parseDouble(m.group(1)) * 1e-3, 0.03 * Math.abs(expected), cause);
        // a penny crack of 0.1 um at the critical pressure opens delta = 8 (1 - 0.3^2) p a / (pi E) (E = 18.5 GPa):
        // filled through its walls by n F c_s delta / 3 of plating, the short comes that far into the step
        double opening = 8 * (1 - 0.09) * pressure * 0.1e-6 / (Math.PI * 18.5e9);
        assertEquals(5.1e-9, opening, 0.1e-9);
        double stepStart = 30.0 * (1 / 0.3 + 1 / 0.5 + 1 / 0.7 + 1 / 0.9) / iC;
        double filled = p.chargeDensity_C_per_m3() * opening / 3 / ccd;
        assertEquals(stepStart + filled, r.get("time_to_short_s").asDouble(), 0.2 * filled, r.toString());
        // the time series' intrusion_ratio, -eta / eta_c at the worst contact: below 1 through the steps that
        // passed (the last, 0.9 i_c, at Butler-Volmer's asinh(0.9 sinh(f eta_c / 2)) / (f eta_c / 2) = 0.93),
        // beyond it in the step that shorted
        TimeSeries series = TimeSeries.read(dir.resolve("timeseries.csv"));
        double[] time = series.values("time_s"), ratio = series.values(RunResults.INTRUSION_RATIO);
        double passedPeak = 0;
        for (int k = 0; k < time.length; k++) if (time[k] <= stepStart) passedPeak = Math.max(passedPeak, ratio[k]);
        double y = p.f_per_V() * etaC / 2;
        assertEquals(asinh(0.9 * Math.sinh(y)) / y, passedPeak, 0.03, "peak ratio of the passed steps");
        assertTrue(r.get("peak_intrusion_ratio").asDouble() > 1, r.toString());
    }

    private Path run(String name, double start_A_per_m2, double step_A_per_m2, double max_A_per_m2, String film, String... backendArgs) throws IOException {
        Path file = CliTestSupport.write(tmp, name + ".yaml",
                CELL.formatted(Double.toString(start_A_per_m2), Double.toString(step_A_per_m2), Double.toString(max_A_per_m2), film));
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
