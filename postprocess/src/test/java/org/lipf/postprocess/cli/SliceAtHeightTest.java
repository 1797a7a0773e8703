package org.lipf.postprocess.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lipf.postprocess.cli.PostprocessCliTest.lipf;
import static org.lipf.postprocess.cli.PostprocessCliTest.ok;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lipf.cli.Lipf;
import org.lipf.output.Snapshot;
import org.lipf.output.SnapshotInfo;
import org.lipf.output.SnapshotWriter;
import org.lipf.postprocess.RunFolder;
import org.lipf.postprocess.SyntheticRun;
import org.lipf.postprocess.render.CompareFigure;
import org.lipf.postprocess.render.CompareTarget;
import org.lipf.postprocess.render.FieldKind;
import org.lipf.postprocess.render.Panel;
import org.lipf.postprocess.render.PanelAxes;
import org.lipf.postprocess.render.Renderer;
import org.lipf.postprocess.render.SlicePositions;

/**
 * {@code --slice-z} of render and compare put a 3D run's x-y slice at a height: on a snapshot whose LLZTO lies in one
 * plane of cells only (z from 2.25 to 2.5 um), the slice at 2.4 um is all LLZTO, the slices at 2 um and through the
 * metal front (1 um) hold none.
 */
class SliceAtHeightTest {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    /** 8 x 8 x 16 cells of 0.25 um: Li below 1 um, the LLZTO plane k = 9, LPSCl elsewhere. */
    private static final int N = 8, NZ = 16, LLZTO_PLANE = 9, LLZTO = 2;
    private static final String SCENARIO = SyntheticRun.CELL_2D
            .replace("grid: {dimensions: 2, width: 4 um, height: 8 um, spacing: 0.25 um}",
                    "grid: {dimensions: 3, width: 2 um, depth: 2 um, height: 4 um, spacing: 0.25 um}")
            .replace("geometry:", "  llzto: {diffusivity: 1e-13 m^2/s, ionic_conductivity: 0.05 S/m, electronic_conductivity: 1e-8 S/m, "
                    + "exchange_current_density: 2.91 A/m^2, free_fraction: 0}\ngeometry:")
            .replace("- {material: li, thickness: 2 um, xi: 1, c: 0}\n    - {material: lpscl, thickness: rest, c: 1}",
                    "- {material: li, thickness: 1 um, xi: 1, c: 0}\n    - {material: lpscl, thickness: 1.25 um, c: 1}\n"
                            + "    - {material: llzto, thickness: 0.25 um, c: 1}\n    - {material: lpscl, thickness: rest, c: 1}")
            .replace("  nuclei: [{x: 2 um, radius: 1 um}]\n", "");

    @TempDir
    static Path tmp;
    static Path dir;
    static RunFolder run;
    static Snapshot snapshot;

    @BeforeAll
    static void writeRun() throws Exception {
        assertTrue(SCENARIO.contains("llzto, thickness: 0.25 um") && !SCENARIO.contains("nuclei"), SCENARIO);
        dir = tmp.resolve("slab3d");
        snapshot = writeSlab(dir, N);
        run = RunFolder.open(dir);
        writeSlab(tmp.resolve("deep"), 4 * N);
    }

    /** The run folder of a slab {@code ny} cells deep (8 x ny x 16 cells: Li below 1 um, LLZTO in plane 9, LPSCl elsewhere), its one snapshot. */
    private static Snapshot writeSlab(Path dir, int ny) throws Exception {
        SyntheticRun.create(dir, SCENARIO.replace("depth: 2 um", "depth: " + ny / 4.0 + " um"));
        int cells = N * ny * NZ, plane = N * ny;
        double[] xi = new double[cells], c = new double[cells];
        byte[] material = new byte[cells];
        for (int P = 0; P < cells; P++) {
            int k = P / plane;
            xi[P] = k < 4 ? 1 : 0;
            c[P] = 1;
            material[P] = (byte) (k < 4 ? 0 : k == LLZTO_PLANE ? LLZTO : 1);
        }
        LinkedHashMap<String, double[]> f = new LinkedHashMap<>();
        f.put("xi", xi);
        f.put("c", c);
        f.put("phi_l", new double[cells]);
        f.put("phi_s", new double[cells]);
        LinkedHashMap<String, Object> extras = new LinkedHashMap<>();
        extras.put("passed_charge_C_per_m2", 0.0);
        Snapshot s = new Snapshot(0, 0, 0.25e-6, new int[] {NZ, ny, N}, f, material, List.of("li", "lpscl", "llzto"), -50, -0.1, extras);
        new SnapshotWriter().write(dir.resolve(SnapshotInfo.SNAPSHOT_DIR), s);
        return s;
    }

    private static Panel xySlice(SlicePositions at) throws Exception {
        List<Panel> panels = new Renderer(run, FieldKind.XI, snapshot.materialNames(), at).panels(snapshot, null, Renderer.PANEL_3D_PX);
        assertEquals(new PanelAxes("x", "y"), panels.get(2).axes());
        return panels.get(2);
    }

    private static int llztoColour() throws Exception {
        return new Renderer(run, FieldKind.XI, snapshot.materialNames(), SlicePositions.MID).palette().material(LLZTO);
    }

    /** Pixels of the given colour. */
    private static int count(BufferedImage img, int rgb) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++)
            for (int x = 0; x < img.getWidth(); x++) if ((img.getRGB(x, y) & 0xFFFFFF) == rgb) n++;
        return n;
    }

    private static SlicePositions atHeight(double z_m) {
        return new SlicePositions(Double.NaN, Double.NaN, z_m);
    }

    @Test
    void renderPutsTheXySliceAtTheHeightGivenAndOnlyThatPlaneHoldsTheLlzto() throws Exception {
        Panel at = xySlice(atHeight(2.4e-6));
        BufferedImage img = at.image();
        assertEquals(img.getWidth() * img.getHeight(), count(img, llztoColour()), "the slice at 2.4 um is all LLZTO");
        assertEquals("x-y slice, z = 2.37 \u00b5m", at.caption());
        assertEquals(0, count(xySlice(atHeight(2e-6)).image(), llztoColour()), "the plane below holds none");
        Panel front = xySlice(SlicePositions.MID);
        assertEquals(0, count(front.image(), llztoColour()));
        assertTrue(front.caption().startsWith("x-y slice just under the front, z = 0.875"), front.caption());

        // through the command line, a bare number in um: the frame at 2.4 um has the slice's pixels of LLZTO more than the one at 2 um
        Path png = run.figuresDir().resolve("xi_step_00000000.png");
        ok("render", dir.toString(), "--slice-z", "2.4");
        int above = count(ImageIO.read(png.toFile()), llztoColour());
        ok("render", dir.toString(), "--slice-z", "2 um");
        int below = count(ImageIO.read(png.toFile()), llztoColour());
        assertEquals(img.getWidth() * img.getHeight(), above - below);
    }

    @Test
    void compareShowsEachRunsXySliceAtTheHeightGivenInsteadOfItsXzSlice() throws Exception {
        List<Panel> panels = CompareFigure.panels(CompareFigure.at(List.of(run), CompareTarget.time(0)), atHeight(2.4e-6));
        Panel p = panels.get(0);
        assertEquals(new PanelAxes("x", "y"), p.axes());
        assertTrue(p.caption().endsWith("  \u00b7  x-y slice, z = 2.37 \u00b5m"), p.caption());
        assertEquals(p.image().getWidth() * p.image().getHeight(), count(p.image(), llztoColour()));
        Path png = tmp.resolve("compare.png");
        ok("compare", dir.toString(), "--slice-z", "2.4 um", "-o", png.toString());
        assertTrue(Files.size(png) > 0);
    }

    /**
     * compare's legend names the materials its pictures show: the x-y slice at 2 um holds no LLZTO, and neither does the
     * figure (its legend listed every material of the snapshot); the slice at 2.4 um is LLZTO, and the legend names it.
     */
    @Test
    void compareLegendNamesTheMaterialsOfTheSlicesItShows() throws Exception {
        List<CompareFigure.Column> columns = CompareFigure.at(List.of(run), CompareTarget.time(0));
        assertEquals(0, count(CompareFigure.draw(columns, "t", atHeight(2e-6)), llztoColour()), "no LLZTO in the picture, nor in the legend");
        Panel slice = CompareFigure.panels(columns, atHeight(2.4e-6)).get(0);
        int shown = slice.image().getWidth() * slice.image().getHeight();
        assertTrue(count(CompareFigure.draw(columns, "t", atHeight(2.4e-6)), llztoColour()) > shown, "the slice's pixels and the legend's swatch");
    }

    /**
     * compare's common scale fits each picture into the box: with --slice-z an x-y slice, whose rows run along y, so that a
     * run deeper (8 um) than it is tall (4 um) is drawn 520 px tall, not the 1040 px of the scale that fits its x-z slice.
     */
    @Test
    void compareFitsAnXySliceDeeperThanTheRunIsTallIntoTheBox() throws Exception {
        RunFolder deep = RunFolder.open(tmp.resolve("deep"));
        Panel p = CompareFigure.panels(CompareFigure.at(List.of(deep), CompareTarget.time(0)), atHeight(2.4e-6)).get(0);
        assertEquals(new PanelAxes("x", "y"), p.axes());
        assertEquals(CompareFigure.BOX_HEIGHT_PX, p.image().getHeight(), "8 um of depth in the 520 px box");
        assertTrue(p.image().getWidth() <= CompareFigure.BOX_WIDTH_PX, "width " + p.image().getWidth());
        // the x-z slice keeps the scale of the height: 4 um in the 520 px box
        assertEquals(CompareFigure.BOX_HEIGHT_PX, CompareFigure.panels(CompareFigure.at(List.of(deep), CompareTarget.time(0)), SlicePositions.MID)
                .get(0).image().getHeight());
    }

    @Test
    void aHeightOutsideTheWindowBothSlicesOfCompareAndA2dRunAreRefusedInOneLine() throws Exception {
        Path png = tmp.resolve("c.png");
        Path flat = SyntheticRun.create(tmp.resolve("flat"), SyntheticRun.CELL_2D);
        SyntheticRun.write(flat, 0, 0, new double[SyntheticRun.NX * SyntheticRun.NZ], SyntheticRun.layeredMaterial(), null, null);
        for (String[] bad : List.of(new String[] {"render", dir.toString(), "--slice-z", "4.5 um"},
                new String[] {"compare", dir.toString(), "--slice-y", "1 um", "--slice-z", "2 um", "-o", png.toString()},
                new String[] {"render", flat.toString(), "--slice-z", "1 um"},
                new String[] {"compare", flat.toString(), "--slice-z", "1 um", "-o", png.toString()})) {
            PostprocessCliTest.Result r = lipf(bad);
            assertEquals(Lipf.EXIT_BAD_INPUT, r.exitCode(), r.err());
            assertEquals(1, r.err().lines().filter(l -> !l.startsWith("WARNING")).count(), r.err());
        }
        assertTrue(lipf("render", dir.toString(), "--slice-z", "4.5 um").err().contains("--slice-z 4.5 \u00b5m: outside the window of " + dir
                + ", z from 0 to 4 \u00b5m"));
    }
}
