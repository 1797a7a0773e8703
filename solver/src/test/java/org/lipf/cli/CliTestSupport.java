package org.lipf.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.lipf.model.ModelParameters;
import org.lipf.output.Snapshot;
import org.lipf.output.SnapshotReader;
import org.lipf.output.TimeSeries;
import org.lipf.scenario.ScenarioLoader;

/** Tiny scenarios and helpers for the command-line tests. */
public final class CliTestSupport {
    /** The four float64 fields of a snapshot. */
    static final List<String> FIELDS = List.of("xi", "c", "phi_l", "phi_s", "rate", "reaction_rate");

    /** A small mixed-conductor Li / LPSCl cell, galvanostatic, noise and anisotropy on; the blanks are name, grid, Li thickness, nucleus, end time. */
    private static final String CELL = """
            name: %s
            %s
            model: {form: mixed_conductor, interface_width: 0.5 um, anisotropy: {strength: 0.05, mode: 4},
                    noise: {amplitude: 0.01, seed: 5}}
            materials:
              li: {diffusivity: 7.5e-13 m^2/s, ionic_conductivity: 0 S/m, electronic_conductivity: 1.1e7 S/m, exchange_current_density: 2.91 A/m^2, free_fraction: 1}
              lpscl: {diffusivity: 1e-12 m^2/s, ionic_conductivity: 0.25 S/m, electronic_conductivity: 1.6e-6 S/m, exchange_current_density: 2.91 A/m^2, free_fraction: 1}
            geometry:
              background: lpscl
              layers:
                - {material: li, thickness: %s, xi: 1, c: 0}
                - {material: lpscl, thickness: rest, c: 1}
              nuclei: [%s]
            control: {mode: galvanostatic, current_density: 50 mA/cm^2}
            time: {end: %s, output_interval: 0.01 s}
            """;

    /** The cell in 2D, 16 x 32 cells; about 80 steps to its end, a snapshot every 0.01 s. */
    public static final String CELL_2D = CELL.formatted("cell", "grid: {dimensions: 2, width: 4 um, height: 8 um, spacing: 0.25 um}",
            "2 um", "{x: 2 um, radius: 1 um}", "0.04 s");

    /**
     * The 2D cell with a 2 um host of dispersed metal on the Li (electrons 1 S/m, ions 1e-3 S/m, pores 0.02 of its
     * volume, i0 200 A/m^2) whose face against the LPSCl reacts (docs/MODEL.md section 3.6.1) and takes most of the
     * current: its top cells fill within 0.11 s, then Li collects at the face. To 0.16 s.
     */
    static String hostFaceCell() {
        return CELL_2D.replace("time: {", "time: {integrator: semi_implicit, ")
                .replace("seed: 5}}", "seed: 5}, nucleation: {into: dispersed, face_reaction: true}}")
                .replace("  lpscl: {", "  host: {diffusivity: 1e-13 m^2/s, ionic_conductivity: 1e-3 S/m, electronic_conductivity: 1 S/m, exchange_current_density: 200 A/m^2, free_fraction: 0.02}\n  lpscl: {")
                .replace("    - {material: lpscl, thickness: rest, c: 1}", "    - {material: host, thickness: 2 um, c: 1}\n    - {material: lpscl, thickness: rest, c: 1}")
                .replace("{x: 2 um, radius: 1 um}", "{x: 2 um, radius: 0.5 um}").replace("end: 0.04 s", "end: 0.16 s") + "solver: {reaction_coupling: implicit}\n";
    }

    /**
     * A strip of soft carbon set into a 1 um Li layer under LPSCl, a host of dispersed metal whose faces against the
     * LPSCl react (docs/MODEL.md sections 3.6, 3.6.1), plated at 1 mA/cm^2 for 30 s on 0.1 um cells.
     */
    static final String HOST_STRIP = """
            name: host-strip
            grid: {dimensions: 2, width: 1 um, height: 3 um, spacing: 0.1 um}
            model: {form: mixed_conductor, interface_width: 0.2 um, interface_energy: 1.18 J/m^2, bulk_concentration: 3.67e4 mol/m^3,
                    nucleation: {barrier: 0.05 V, gating_conductivity: 1e-3 S/m, into: dispersed, dispersed_ion_path: 0, face_reaction: true}}
            materials:
              li: {library: li-metal}
              host: {library: soft-carbon, diffusivity: 1.5e-13 m^2/s, ionic_conductivity: 0.01 S/m}
              lpscl: {library: lpscl-pellet}
            geometry:
              background: lpscl
              layers:
                - {material: li, thickness: 1 um, xi: 1, c: 1}
                - {material: lpscl, thickness: rest, xi: 0, c: 1}
              cracks: [{layer: 0, x: 0.5 um, width: 0.3 um, fill: host, c: 1}]
            control: {mode: galvanostatic, current_density: 1 mA/cm^2}
            time: {integrator: semi_implicit, max_step: 2 s, max_xi_change: 0.05, output_interval: 1 s, end: 30 s}
            solver: {reaction_coupling: implicit}
            """;

    /**
     * Faraday's law at every row of the time series of the run of {@code scenarioYaml} in {@code runDir}: the metal
     * volume (resolved, dispersed and at host faces) has changed by the passed charge over n F c_s, within
     * {@code tolerance_C_per_m2}. Returns the rows' times, s.
     */
    static double[] assertFaradayAtEveryRow(Path runDir, String scenarioYaml, double tolerance_C_per_m2) throws IOException {
        TimeSeries series = TimeSeries.read(runDir.resolve("timeseries.csv"));
        double[] time = series.values("time_s"), metal = series.values("metal_volume_m3_per_m2"), charge = series.values("passed_charge_C_per_m2");
        double rho = ModelParameters.from(ScenarioLoader.parse(scenarioYaml, "cell.yaml", Map.of())).chargeDensity_C_per_m3();
        for (int n = 0; n < time.length; n++)
            Assertions.assertEquals(charge[n], (metal[n] - metal[0]) * rho, tolerance_C_per_m2, "Faraday at t = " + time[n] + " s");
        return time;
    }

    /** The same cell in 3D, 8 x 8 x 16 cells. */
    static final String CELL_3D = CELL.formatted("cell3d", "grid: {dimensions: 3, width: 2 um, depth: 2 um, height: 4 um, spacing: 0.25 um}",
            "1 um", "{x: 1 um, y: 1 um, radius: 0.5 um}", "0.02 s");

    /**
     * A Chen-2015-like single-potential cell at -0.3 V whose nucleus tops out at 7 um of an 8 um
     * domain: the deposit reaches the counter boundary within about 0.01 s.
     */
    static final String SHORTING_CELL = """
            name: shorting
            grid: {dimensions: 2, width: 8 um, height: 8 um, spacing: 0.25 um}
            model:
              form: single_potential
              interface_width: 0.5 um
              anisotropy: {strength: 0.05, mode: 4}
              noise: {amplitude: 0.003, seed: 2015}
            materials:
              li: {diffusivity: 7.5e-13 m^2/s, ionic_conductivity: 0 S/m, electronic_conductivity: 1e7 S/m, exchange_current_density: 22 A/m^2, free_fraction: 1}
              electrolyte: {diffusivity: 7.5e-10 m^2/s, ionic_conductivity: 1.19 S/m, electronic_conductivity: 0 S/m, exchange_current_density: 22 A/m^2, free_fraction: 1}
            geometry:
              background: electrolyte
              layers:
                - {material: li, thickness: 4 um, xi: 1, c: 0}
                - {material: electrolyte, thickness: rest, xi: 0, c: 1}
              nuclei: [{x: 4 um, radius: 3 um}]
            control: {mode: potentiostatic, voltage: -0.3 V}
            time: {end: 1 s, output_interval: 0.05 s, max_step: 0.01 s}
            """;

    private CliTestSupport() {
    }

    /** What one CLI call gave. */
    record Result(int exitCode, String stderr) {
    }

    /** Runs {@code lipf ARGS} with System.err captured (and restored). */
    static Result lipf(String... args) {
        PrintStream saved = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(buf, true, StandardCharsets.UTF_8)) {
            System.setErr(capture);
            int code = Lipf.execute(args);
            capture.flush();
            return new Result(code, buf.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(saved);
        }
    }

    /** Runs {@code lipf ARGS} and fails with its stderr unless it exits 0. */
    static Result lipfOk(String... args) {
        Result r = lipf(args);
        if (r.exitCode() != 0) throw new AssertionError("lipf " + String.join(" ", args) + " exited " + r.exitCode() + ":\n" + r.stderr());
        return r;
    }

    static Path write(Path dir, String name, String yaml) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, yaml, StandardCharsets.UTF_8);
        return p;
    }

    static List<Path> snapshots(Path runDir) throws IOException {
        return SnapshotReader.list(runDir.resolve("snapshots"));
    }

    static Snapshot lastSnapshot(Path runDir) throws IOException {
        List<Path> s = snapshots(runDir);
        if (s.isEmpty()) throw new AssertionError("no snapshots in " + runDir);
        return SnapshotReader.read(s.get(s.size() - 1));
    }
}
