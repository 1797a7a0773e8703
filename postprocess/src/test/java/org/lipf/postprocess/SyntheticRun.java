package org.lipf.postprocess;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** Writes a 2D snapshot of the cell with the given xi (c = 1, potentials 0 unless given), having passed 100 C/m^2 per s. */
    public static Snapshot write(Path run, long step, double time_s, double[] xi, byte[] material, double[] phiL, double[] phiS)
            throws IOException {
        return write(run, step, time_s, xi, material, phiL, phiS, 100.0 * time_s);
    }

    /** {@link #write} with the given net passed charge, C/m^2. */
    public static Snapshot write(Path run, long step, double time_s, double[] xi, byte[] material, double[] phiL, double[] phiS,
            double passedCharge_C_per_m2) throws IOException {
        return write(run, step, time_s, xi, material, phiL, phiS, passedCharge_C_per_m2, Map.of());
    }

    /** {@link #write} at potentials 0 with more datasets, such as the resistance of a film on the metal. */
    public static Snapshot write(Path run, long step, double time_s, double[] xi, byte[] material, Map<String, double[]> more) throws IOException {
        return write(run, step, time_s, xi, material, null, null, 100.0 * time_s, more);
    }

    private static Snapshot write(Path run, long step, double time_s, double[] xi, byte[] material, double[] phiL, double[] phiS,
            double passedCharge_C_per_m2, Map<String, double[]> more) throws IOException {
        LinkedHashMap<String, double[]> f = new LinkedHashMap<>();
        double[] c = new double[xi.length];
        java.util.Arrays.fill(c, 1);
        f.put("xi", xi);
        f.put("c", c);
        f.put("phi_l", phiL != null ? phiL : new double[xi.length]);
        f.put("phi_s", phiS != null ? phiS : new double[xi.length]);
        f.putAll(more);
        LinkedHashMap<String, Object> extras = new LinkedHashMap<>();
        extras.put("passed_charge_C_per_m2", passedCharge_C_per_m2);
        Snapshot s = new Snapshot(step, time_s, DX_M, new int[] {NZ, NX}, f, material, MATERIALS, -50, -0.1, extras);
        new SnapshotWriter().write(run.resolve(SnapshotInfo.SNAPSHOT_DIR), s);
        return s;
    }

    /** Half cycles of {@link #cycling}: 1 mA/cm^2 for 3.6 s, 36 C/m^2 (0.001 mAh/cm^2). */
    public static final double HALF_CYCLE_S = 3.6, CYCLE_CURRENT_A_PER_M2 = 10;

    /**
     * A run of {@link #CELL_2D} under 3 plating/stripping cycles of {@link #HALF_CYCLE_S} at {@link #CYCLE_CURRENT_A_PER_M2},
     * with a snapshot every 0.9 s up to {@code end_s}: the net charge rises to 36 C/m^2 and falls back to 0 in each cycle,
     * plus a drift of {@code drift} C/m^2 per s (a later cycle's snapshot may lie nearer a charge than the first's).
     */
    public static Path cycling(Path dir, double end_s, double drift) throws IOException {
        create(dir, CELL_2D.replace("control: {mode: galvanostatic, current_density: 50 mA/cm^2}",
                "control: {mode: galvanostatic, protocol: {type: cycling, current_density: 1 mA/cm^2, capacity: 0.001 mAh/cm^2, cycles: 3}}"));
        double[] xi = new double[NX * NZ];
        for (int P = 0; P < NX * 8; P++) xi[P] = 1;
        for (int n = 0; 0.9 * n <= end_s + 1e-9; n++) {
            double t = 0.9 * n, inCycle = t % (2 * HALF_CYCLE_S);
            double q = CYCLE_CURRENT_A_PER_M2 * (inCycle <= HALF_CYCLE_S + 1e-9 ? inCycle : 2 * HALF_CYCLE_S - inCycle);
            write(dir, 10L * n, t, xi, layeredMaterial(), null, null, q + drift * t);
        }
        return dir;
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
