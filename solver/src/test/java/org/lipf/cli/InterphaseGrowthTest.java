package org.lipf.cli;

import static org.junit.jupiter.api.Assertions.*;
import static org.lipf.cli.CliTestSupport.lipf;
import static org.lipf.cli.CliTestSupport.lipfOk;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lipf.output.Snapshot;
import org.lipf.output.SnapshotReader;

/** Li reduces LAGP on contact: the interphase grows as sqrt(2 k t), a cell at a time, bit for bit on restart. */
class InterphaseGrowthTest {
    @TempDir
    Path tmp;

    /** Li | LAGP at 0 V (no deposition); k = 1.25e-11 m^2/s gives L = 0.5 um at 0.01 s and 1 um at 0.04 s. */
    private static final String CELL = """
            name: lagp
            grid: {dimensions: 2, width: 2 um, height: 6 um, spacing: 0.25 um}
            model: {form: mixed_conductor, interface_width: 0.5 um}
            materials:
              li: {diffusivity: 7.5e-13 m^2/s, ionic_conductivity: 0 S/m, electronic_conductivity: 1.1e7 S/m, exchange_current_density: 2.91 A/m^2, free_fraction: 1}
              lagp: {diffusivity: 1e-13 m^2/s, ionic_conductivity: 3.25e-4 S/cm, electronic_conductivity: 1e-10 S/cm, exchange_current_density: 1 A/m^2, free_fraction: 1}
              lagp_reduced: {diffusivity: 1e-13 m^2/s, ionic_conductivity: 1e-4 S/cm, electronic_conductivity: 1e-3 S/cm, exchange_current_density: 1 A/m^2, free_fraction: 1}
            geometry:
              background: lagp
              layers:
                - {material: li, thickness: 2 um, xi: 1, c: 0}
                - {material: lagp, thickness: rest, c: 1}
            interphases: [{material: lagp, product: lagp_reduced, rate_constant: 1.25e-11 m^2/s}]
            control: {mode: potentiostatic, voltage: 0 V}
            time: {end: 0.04 s, output_interval: 0.01 s, max_step: 0.001 s}
            """;

    private static int productCellsPerColumn(Snapshot s) {
        int id = s.materialNames().indexOf("lagp_reduced");
        byte[] m = s.material();
        int nx = s.shape()[1], count = 0;
        for (byte b : m) if (b == id) count++;
        assertEquals(0, count % nx, "a flat Li surface grows a flat interphase");
        return count / nx;
    }

    @Test
    void interphaseThicknessFollowsTheParabolicLaw() throws IOException {
        Path file = CliTestSupport.write(tmp, "lagp.yaml", CELL);
        Path run = tmp.resolve("run");
        lipfOk("run", file.toString(), "-o", run.toString());
        List<Path> snaps = SnapshotReader.list(run.resolve("snapshots"));
        double k = 1.25e-11, dx = 0.25e-6;
        for (Path p : snaps) {
            Snapshot s = SnapshotReader.read(p);
            // cells whose centre lies within L = sqrt(2 k t) of the Li surface: floor(L / dx + 1/2)
            int expected = (int) Math.floor(Math.sqrt(2 * k * s.time_s()) / dx + 0.5);
            assertEquals(expected, productCellsPerColumn(s), "t = " + s.time_s());
        }
        assertEquals(4, productCellsPerColumn(SnapshotReader.read(snaps.get(snaps.size() - 1))), "1 um at 0.04 s");
    }

    @Test
    void restartConvertsAtTheSameSteps() throws IOException {
        Path file = CliTestSupport.write(tmp, "lagp.yaml", CELL);
        Path whole = tmp.resolve("whole"), split = tmp.resolve("split");
        lipfOk("run", file.toString(), "-o", whole.toString());
        lipfOk("run", file.toString(), "-o", split.toString(), "--end-time", "0.01");
        List<Path> first = SnapshotReader.list(split.resolve("snapshots"));
        lipfOk("run", file.toString(), "-o", split.toString(), "--restart", first.get(first.size() - 1).toString());
        Snapshot a = CliTestSupport.lastSnapshot(whole), b = CliTestSupport.lastSnapshot(split);
        assertArrayEquals(a.material(), b.material());
        assertArrayEquals(a.field("phi_s"), b.field("phi_s"));
    }

    /**
     * Li reduces the host strip of {@link CliTestSupport#HOST_STRIP} (soft carbon, f_free 0.3) to a denser carbon of
     * f_free 0.15 while the strip fills with dispersed metal: the cells beside the Li convert at 3.0 s, the middle
     * columns at 26.8 s (k = 4.2e-16 m^2/s, L = 0.05 and 0.15 um). Each keeps its metal volume f_free (xi + delta) (docs/MODEL.md
     * section 3.5), so the metal follows the passed charge at every row (measured: 1.5e-5 C/m^2); until the fix the
     * conversions halved the strip's metal, 165 C/m^2 less than the 30 C/m^2 passed at 3 s.
     */
    @Test
    void faradayHoldsWhereTheInterphaseConvertsAHostHoldingDispersedMetal() throws IOException {
        String yaml = CliTestSupport.HOST_STRIP
                .replace("  lpscl: {library: lpscl-pellet}\n", "  lpscl: {library: lpscl-pellet}\n"
                        + "  dense: {library: soft-carbon, diffusivity: 1.5e-13 m^2/s, ionic_conductivity: 0.01 S/m, free_fraction: 0.15}\n")
                + "interphases: [{material: host, product: dense, rate_constant: 4.2e-16 m^2/s}]\n";
        Path file = CliTestSupport.write(tmp, "reduced-strip.yaml", yaml);
        Path run = tmp.resolve("run");
        lipfOk("run", file.toString(), "-o", run.toString(), "--threads", "2");
        // 1e-4 of the 300 C/m^2 that passed
        double[] time = CliTestSupport.assertFaradayAtEveryRow(run, yaml, 0.03);
        assertEquals(30, time[time.length - 1], 1e-6);
        Snapshot end = CliTestSupport.lastSnapshot(run);
        int dense = end.materialNames().indexOf("dense"), converted = 0, holding = 0;
        double[] delta = end.field("dispersed_li");
        for (int P = 0; P < delta.length; P++)
            if (end.material()[P] == dense) {
                converted++;
                if (delta[P] > 0) holding++;
            }
        // the strip's 4 x 10 cells but the middle two of its top row, 3 cells from the metal (f_free xi > 1/2 up to row 8)
        assertEquals(38, converted, "cells converted");
        assertTrue(holding > 20, holding + " converted cells hold dispersed metal");
    }

    @Test
    void badInterphaseNamesKeyAndLine() throws IOException {
        Path file = CliTestSupport.write(tmp, "bad.yaml", CELL.replace("product: lagp_reduced", "product: lagp_red"));
        CliTestSupport.Result r = lipf("run", file.toString(), "-o", tmp.resolve("x").toString());
        assertEquals(Lipf.EXIT_BAD_INPUT, r.exitCode());
        assertTrue(r.stderr().contains("bad.yaml:13: interphases[0].product"), r.stderr());
        file = CliTestSupport.write(tmp, "bad2.yaml", CELL.replace("{material: lagp, product", "{material: li, product"));
        r = lipf("run", file.toString(), "-o", tmp.resolve("y").toString());
        assertTrue(r.stderr().contains("interphases[0].material") && r.stderr().contains("metal"), r.stderr());
    }
}
