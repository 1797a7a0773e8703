package org.lipf.postprocess;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import org.lipf.output.Snapshot;
import org.lipf.output.SnapshotInfo;
import org.lipf.output.SnapshotWriter;
import org.lipf.output.TimeSeriesWriter;

/** Tiny run folders written with the solver's own writers, for the post-processing tests. */
public final class SyntheticRun {
    /**
     * A 2D Li / LPSCl cell of 16 x 32 cells of 0.25 um (4 x 8 um), mixed conductor, galvanostatic
     * 50 mA/cm^2, with a nucleus; layers: li 2 um (cells 0..7), lpscl the rest. Material ids: li 0,
     * lpscl 1 (both f_free 1). As a real run: about 80 steps to its end, a snapshot every 0.01 s.
     */
    public static final String CELL_2D = """
            name: synthetic
            grid: {dimensions: 2, width: 4 um, height: 8 um, spacing: 0.25 um}
            model: {form: mixed_conductor, interface_width: 0.5 um, anisotropy: {strength: 0.05, mode: 4},
                    noise: {amplitude: 0.01, seed: 5}}
            materials:
              li: {diffusivity: 7.5e-13 m^2/s, ionic_conductivity: 0 S/m, electronic_conductivity: 1.1e7 S/m, exchange_current_density: 2.91 A/m^2, free_fraction: 1}
              lpscl: {diffusivity: 1e-12 m^2/s, ionic_conductivity: 0.25 S/m, electronic_conductivity: 1.6e-6 S/m, exchange_current_density: 2.91 A/m^2, free_fraction: 1}
            geometry:
              background: lpscl
              layers:
                - {material: li, thickness: 2 um, xi: 1, c: 0}
                - {material: lpscl, thickness: rest, c: 1}
              nuclei: [{x: 2 um, radius: 1 um}]
            control: {mode: galvanostatic, current_density: 50 mA/cm^2}
            time: {end: 0.04 s, output_interval: 0.01 s}
            """;
    public static final int NX = 16, NZ = 32;
    public static final double DX_M = 0.25e-6;
    public static final List<String> MATERIALS = List.of("li", "lpscl");

    private SyntheticRun() {
    }

    /** Writes scenario.yaml into a new run folder. */
    public static Path create(Path dir, String scenarioYaml) throws IOException {
        Files.createDirectories(dir.resolve(SnapshotInfo.SNAPSHOT_DIR));
        Files.writeString(dir.resolve(RunFolder.SCENARIO_FILE), scenarioYaml, StandardCharsets.UTF_8);
        return dir;
    }

    /** The layer material map of {@link #CELL_2D}: li below cell row 8, lpscl above. */
    public static byte[] layeredMaterial() {
        byte[] m = new byte[NX * NZ];
        for (int k = 0; k < NZ; k++)
            for (int i = 0; i < NX; i++) m[k * NX + i] = (byte) (k < 8 ? 0 : 1);
        return m;
    }

    /** Writes a 2D snapshot of the cell with the given xi (c = 1, potentials 0 unless given). */
    public static Snapshot write(Path run, long step, double time_s, double[] xi, byte[] material, double[] phiL, double[] phiS)
            throws IOException {
        LinkedHashMap<String, double[]> f = new LinkedHashMap<>();
        double[] c = new double[xi.length];
        java.util.Arrays.fill(c, 1);
        f.put("xi", xi);
        f.put("c", c);
        f.put("phi_l", phiL != null ? phiL : new double[xi.length]);
        f.put("phi_s", phiS != null ? phiS : new double[xi.length]);
        LinkedHashMap<String, Object> extras = new LinkedHashMap<>();
        extras.put("passed_charge_C_per_m2", 100.0 * time_s);
        Snapshot s = new Snapshot(step, time_s, DX_M, new int[] {NZ, NX}, f, material, MATERIALS, -50, -0.1, extras);
        new SnapshotWriter().write(run.resolve(SnapshotInfo.SNAPSHOT_DIR), s);
        return s;
    }

    /** A time series with the solver's standard columns, one row per given time. */
    public static void timeSeries(Path run, double[] time_s) throws IOException {
        try (TimeSeriesWriter w = TimeSeriesWriter.create(run.resolve(TimeSeriesWriter.FILE_NAME), TimeSeriesWriter.DEFAULT_COLUMNS)) {
            for (int n = 0; n < time_s.length; n++) {
                double t = time_s[n];
                w.append(t, n, -0.1 - 0.01 * t, 50 + t, 100 * t, 1e-7 * t, 2e-6 + 1e-6 * t, 1e-6 * t, 0);
            }
        }
    }
}
