package org.lipf.cli;

import static org.junit.jupiter.api.Assertions.*;
import static org.lipf.cli.CliTestSupport.lipfOk;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lipf.output.Snapshot;
import org.lipf.output.TimeSeries;
import org.lipf.scenario.Scenario;
import org.lipf.scenario.ScenarioLoader;
import org.lipf.scenario.ScenarioWriter;

/** A 50 nm film under 0.25 um cells acts through its interface resistance, and its cracks focus the current. */
class SubcellCoatingRunTest {
    @TempDir
    Path tmp;

    /** Li | 50 nm film (R = t / sigma_ion = 0.01 ohm m^2) | LPSCl at 1 mA/cm^2. */
    private static final String CELL = """
            name: film
            grid: {dimensions: 2, width: 4 um, height: 6 um, spacing: 0.25 um}
            model: {form: mixed_conductor, interface_width: 0.5 um}
            materials:
              li: {diffusivity: 7.5e-13 m^2/s, ionic_conductivity: 0 S/m, electronic_conductivity: 1.1e7 S/m, exchange_current_density: 2.91 A/m^2, free_fraction: 1}
              lpscl: {diffusivity: 1e-12 m^2/s, ionic_conductivity: 0.25 S/m, electronic_conductivity: 1.6e-6 S/m, exchange_current_density: 2.91 A/m^2, free_fraction: 1}
              film: {diffusivity: 1e-16 m^2/s, ionic_conductivity: 5e-6 S/m, electronic_conductivity: 1e-8 S/m, exchange_current_density: 2.91 A/m^2, free_fraction: 0}
            geometry:
              background: lpscl
              layers:
                - {material: li, thickness: 2 um, xi: 1, c: 0}
                - {material: lpscl, thickness: rest, c: 1}
              coatings: [{material: film, layer: 0, thickness: 50 nm, subcell: true%s}]
            control: {mode: galvanostatic, current_density: 1 mA/cm^2}
            time: {end: 0.01 s, output_interval: 0.005 s}
            """;

    private Path run(String name, String yaml) throws IOException {
        Path dir = tmp.resolve(name);
        lipfOk("run", CliTestSupport.write(tmp, name + ".yaml", yaml).toString(), "-o", dir.toString());
        return dir;
    }

    private static double finalVoltage(Path dir) throws IOException {
        double[] v = TimeSeries.read(dir.resolve("timeseries.csv")).values("cell_voltage_V");
        return v[v.length - 1];
    }

    @Test
    void filmAddsItsInterfaceResistance() throws IOException {
        // carried by the metal surface (on_metal): a film drawn whole across the cell above the Li leaves no
        // reaction site (the Li below it is all metal, the electrolyte above has no electrons: docs/MODEL.md 3.1)
        double withFilm = finalVoltage(run("film", CELL.formatted("").replace("subcell: true", "on_metal: true")));
        double bare = finalVoltage(run("bare", CELL.formatted("").replaceAll("  coatings: .*\n", "")));
        // i R = 10 A/m^2 x 50 nm / 5e-6 S/m = 0.1 V of ohmic drop in series with the reaction: a lower bound (10 %)
        // in the run's first 0.01 s, while the interface's reaction is still spreading over its metal side
        double added = bare - withFilm;
        assertTrue(added > 0.9 * 0.1, "the film added " + added + " V");
        assertTrue(added < 0.5, "the film added " + added + " V: far beyond its resistance");
    }

    @Test
    void currentConstrictsThroughACrack() throws IOException {
        // 10 mA/cm^2 for 0.05 s: 5 C/m^2, 0.7 nm of Li; growth counted after the first snapshot (the
        // interfaces' capillary transient at the crack's corners is over by then)
        Path dir = run("cracked", CELL.formatted(", cracks: 1, crack_width: 0.5 um, seed: 4")
                .replace("current_density: 1 mA/cm^2", "current_density: 10 mA/cm^2")
                .replace("time: {end: 0.01 s, output_interval: 0.005 s}", "time: {end: 0.05 s, output_interval: 0.01 s}"));
        Snapshot first = SnapshotReader(dir, 1), last = CliTestSupport.lastSnapshot(dir);
        int nx = last.shape()[1], nz = last.shape()[0];
        int filmId = -1;
        for (int m = 0; m < last.materialNames().size(); m++) if (last.materialNames().get(m).startsWith("film-subcell")) filmId = m;
        assertTrue(filmId >= 0, "the film's effective material: " + last.materialNames());
        double[] grown = new double[nx];
        boolean[] open = new boolean[nx];
        int k0 = 8; // the film sits in the first cell above the 2 um of Li
        for (int i = 0; i < nx; i++) {
            open[i] = last.material()[k0 * nx + i] != filmId;
            for (int k = 0; k < nz; k++) grown[i] += last.field("xi")[k * nx + i] - first.field("xi")[k * nx + i];
        }
        double inCrack = 0, underFilm = 0;
        int nCrack = 0;
        for (int i = 0; i < nx; i++) {
            if (open[i]) { inCrack += grown[i]; nCrack++; } else underFilm += grown[i];
        }
        assertTrue(nCrack >= 2 && nCrack < nx, "crack columns: " + nCrack);
        inCrack /= nCrack;
        underFilm /= nx - nCrack;
        // the film's 0.01 ohm m^2 against ~1e-5 ohm m^2 through the crack: nearly all Li deposits there
        assertTrue(inCrack > 5 * underFilm, "deposit per column: crack " + inCrack + ", under the film " + underFilm);
    }

    private static Snapshot SnapshotReader(Path dir, int n) throws IOException {
        return org.lipf.output.SnapshotReader.read(CliTestSupport.snapshots(dir).get(n));
    }

    @Test
    void resolvedScenarioReloadsWithTheSameMaterials() {
        Scenario s = ScenarioLoader.parse(CELL.formatted(", thickness_rsd: 0.5, correlation_length: 1 um, seed: 3"), "film.yaml", Map.of());
        assertEquals(3 + 8, s.materials().size(), "eight thickness classes");
        Scenario back = ScenarioLoader.parse(ScenarioWriter.toYaml(s), "resolved.yaml", Map.of());
        assertEquals(s.materials(), back.materials());
    }
}
