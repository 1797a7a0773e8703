package org.lipf.postprocess.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lipf.output.Snapshot;
import org.lipf.postprocess.RunFolder;
import org.lipf.postprocess.RunFolderException;
import org.lipf.postprocess.SyntheticRun;

class RenderTest {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    @TempDir
    Path tmp;

    /** The li layer (xi = 1 below row 8) and a disc of radius 5 cells in the electrolyte. */
    static double[] layerAndDisc() {
        double[] xi = new double[SyntheticRun.NX * SyntheticRun.NZ];
        for (int k = 0; k < SyntheticRun.NZ; k++)
            for (int i = 0; i < SyntheticRun.NX; i++) {
                double r = Math.hypot(i - 7.5, k - 20);
                xi[k * SyntheticRun.NX + i] = k < 8 || r < 5 ? 1 : 0;
            }
        return xi;
    }

    @Test
    void metalPixelAreaEqualsTheXiAboveOneHalfAreaAtTheImageScale() throws Exception {
        Path run = SyntheticRun.create(tmp.resolve("run"), SyntheticRun.CELL_2D);
        double[] xi = layerAndDisc();
        Snapshot s = SyntheticRun.write(run, 0, 0, xi, SyntheticRun.layeredMaterial(), null, null);
        Renderer r = new Renderer(RunFolder.open(run), FieldKind.XI, s.materialNames(), SlicePositions.MID);
        double ppc = 10;
        BufferedImage img = r.panelsAt(s, null, ppc).get(0).image();
        assertEquals(SyntheticRun.NX * ppc, img.getWidth());
        assertEquals(SyntheticRun.NZ * ppc, img.getHeight());
        int metalPixels = 0;
        for (int y = 0; y < img.getHeight(); y++)
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y) & 0xFFFFFF;
                if (rgb == MaterialPalette.METAL || rgb == MaterialPalette.METAL_EDGE) metalPixels++;
            }
        int metalCells = 0;
        for (double v : xi) if (v > 0.5) metalCells++;
        // the bilinear outline cuts the disc's staircase corners: agreement to 2 %
        assertEquals(metalCells * ppc * ppc, metalPixels, 0.02 * metalCells * ppc * ppc);
        // the bottom-left pixel is anode metal, the top-left electrolyte
        assertEquals(MaterialPalette.METAL, img.getRGB(5, img.getHeight() - 5) & 0xFFFFFF);
        assertEquals(r.palette().material(1), img.getRGB(5, 5) & 0xFFFFFF);
    }

    @Test
    void fieldFrameHasAColourBarFromEndToEndAndIsNotBlank() throws Exception {
        Path run = SyntheticRun.create(tmp.resolve("run"), SyntheticRun.CELL_2D);
        double[] phi = new double[SyntheticRun.NX * SyntheticRun.NZ];
        for (int P = 0; P < phi.length; P++) phi[P] = -0.1 * (P / SyntheticRun.NX) / (SyntheticRun.NZ - 1.0);
        Snapshot s = SyntheticRun.write(run, 0, 0, layerAndDisc(), SyntheticRun.layeredMaterial(), phi, null);
        Renderer r = new Renderer(RunFolder.open(run), FieldKind.PHI_L, s.materialNames(), SlicePositions.MID);
        ColorScale scale = r.scale(s);
        assertEquals(-0.1, scale.min(), 1e-15);
        assertEquals(0, scale.max(), 1e-15);
        BufferedImage frame = r.frame(s, scale);
        // right of the panel, the bar shows the map from end to end (its outermost rows lie under its frame)
        Set<Integer> colours = new HashSet<>();
        boolean low = false, high = false;
        for (int y = 0; y < frame.getHeight(); y++)
            for (int x = 0; x < frame.getWidth(); x++) {
                int rgb = frame.getRGB(x, y) & 0xFFFFFF;
                colours.add(rgb);
                if (x > Frame.MARGIN + Renderer.PANEL_2D_PX / 2 + 10) {
                    low |= rgb == ColorMap.VIRIDIS.rgb(1 / 255.0);
                    high |= rgb == ColorMap.VIRIDIS.rgb(254 / 255.0);
                }
            }
        assertTrue(low && high, "colour bar ends present right of the panel");
        assertTrue(colours.size() > 100, "a gradient, text and a bar: many colours, got " + colours.size());
    }

    @Test
    void panelAxesTickTheMicronsFromTheDomainCornerOnTheLeftAndBottomEdges() {
        // a white 20 x 10 um picture at 0.1 um per pixel: ticks every 5 um along x (50 px) and 2 um along z (20 px)
        BufferedImage white = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = white.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 200, 100);
        g.dispose();
        BufferedImage frame = Frame.compose("t", java.util.List.of(new Panel(white, "x-z", 0.1e-6, new PanelAxes("x", "z"), null)), 1, null);
        // the picture's grey frame: its bottom-left corner
        int left = -1, bottom = -1;
        for (int y = 0; y < frame.getHeight() && left < 0; y++)
            for (int x = 0; x < frame.getWidth(); x++)
                if ((frame.getRGB(x, y) & 0xFFFFFF) == 0x808080 && (frame.getRGB(x + 201, y + 101) & 0xFFFFFF) == 0x808080) {
                    left = x + 1;
                    bottom = y + 100;
                    break;
                }
        assertTrue(left > 0, "the picture's frame is drawn");
        for (int um = 0; um <= 20; um += 5) {
            int px = left + Math.min(199, um * 10);
            assertEquals(0, frame.getRGB(px, bottom + 3) & 0xFFFFFF, "a tick under x = " + um + " um");
            assertEquals(0xFFFFFF, frame.getRGB(px + 5, bottom + 3) & 0xFFFFFF, "no tick between");
        }
        for (int um = 0; um <= 10; um += 2) {
            int py = bottom - Math.min(99, um * 10);
            assertEquals(0, frame.getRGB(left - 3, py) & 0xFFFFFF, "a tick left of z = " + um + " um");
        }
        // the axis names: ink under the tick labels and left of them
        assertTrue(hasInk(frame, left, bottom + 30, left + 200, bottom + PanelAxes.bottomHeight(Frame.graphics(frame).getFontMetrics())),
                "x [um] under the picture");
        assertTrue(hasInk(frame, 0, bottom - 100, left - 25, bottom), "z [um] left of the picture");
    }

    private static boolean hasInk(BufferedImage img, int x0, int y0, int x1, int y1) {
        for (int y = Math.max(0, y0); y < Math.min(img.getHeight(), y1); y++)
            for (int x = Math.max(0, x0); x < Math.min(img.getWidth(), x1); x++) if ((img.getRGB(x, y) & 0xFF) < 100) return true;
        return false;
    }

    @Test
    void theFrameOfTheSnapshotTheSolverWroteAtAShortSaysSo() throws Exception {
        Path run = SyntheticRun.create(tmp.resolve("run"), SyntheticRun.CELL_2D);
        Snapshot s = SyntheticRun.write(run, 64, 26.5, layerAndDisc(), SyntheticRun.layeredMaterial(), null, null);
        assertEquals("cell  \u00b7  t = 26.5 s  \u00b7  step 64", Renderer.title("cell", FieldKind.XI, s));
        java.util.LinkedHashMap<String, Object> extras = new java.util.LinkedHashMap<>(s.extras());
        extras.put(org.lipf.cli.RunDriver.SHORT_CIRCUIT, 1L);
        Snapshot shorted = new Snapshot(s.step(), s.time_s(), s.dx_m(), s.shape(), s.fields(), s.material(), s.materialNames(),
                s.appliedCurrent_A_per_m2(), s.cellVoltage_V(), extras);
        assertEquals("cell  \u00b7  current density |i|  \u00b7  t = 26.5 s  \u00b7  step 64  \u00b7  shorted",
                Renderer.title("cell", FieldKind.CURRENT, shorted));
    }

    @Test
    void currentDensityOfAUniformConductorIsSigmaTimesTheGradient() throws Exception {
        // single-potential cell, all electrolyte (sigma 1.19 S/m), phi linear from V on the collector face to 0 on the top face
        String yaml = SyntheticRun.CELL_2D.replace("form: mixed_conductor", "form: single_potential")
                .replace("ionic_conductivity: 0.25 S/m", "ionic_conductivity: 1.19 S/m");
        Path run = SyntheticRun.create(tmp.resolve("run"), yaml);
        double v = -0.1, h = SyntheticRun.NZ * SyntheticRun.DX_M;
        double[] phi = new double[SyntheticRun.NX * SyntheticRun.NZ];
        byte[] material = new byte[phi.length];
        for (int P = 0; P < phi.length; P++) {
            phi[P] = v * (1 - (P / SyntheticRun.NX + 0.5) / SyntheticRun.NZ);
            material[P] = 1;
        }
        Snapshot s = SyntheticRun.write(run, 0, 0, new double[phi.length], material, phi, phi);
        double[] i = DerivedFields.currentDensity_A_per_m2(s, RunFolder.open(run).scenario());
        for (double x : i) assertEquals(1.19 * Math.abs(v) / h, x, 1e-9 * 1.19 * Math.abs(v) / h);
        double[] eta = DerivedFields.overpotential_V(s, RunFolder.open(run).scenario());
        assertEquals(phi[0], eta[0], 0); // single form: eta = phi - E_eq, E_eq = 0
    }

    /**
     * A host's dispersed metal (lpscl made a host of f_free 0.3 here) tints its cells towards the metal's colour by the
     * volume it fills, f_free delta: a cell filled with it (delta = 1) looks as the resolved metal in that host does; its
     * field shows the fill itself, and a run without dispersed metal says so.
     */
    @Test
    void dispersedLiTintsTheHostByItsVolumeAndHasAFieldOfItsOwn() throws Exception {
        Path run = SyntheticRun.create(tmp.resolve("run"), SyntheticRun.CELL_2D.replace("free_fraction: 1}\ngeometry",
                "free_fraction: 0.3}\ngeometry"));
        Snapshot plain = SyntheticRun.write(run, 0, 0, layerAndDisc(), SyntheticRun.layeredMaterial(), null, null);
        // the top rows full (delta = 1), the rows under them half full, the rest empty
        double[] delta = new double[plain.material().length];
        for (int P = 0; P < delta.length; P++) delta[P] = P / SyntheticRun.NX >= SyntheticRun.NZ - 4 ? 1 : P / SyntheticRun.NX >= SyntheticRun.NZ - 8 ? 0.5 : 0;
        java.util.LinkedHashMap<String, double[]> fields = new java.util.LinkedHashMap<>(plain.fields());
        fields.put(org.lipf.cli.RunDriver.DISPERSED_FIELD, delta);
        Snapshot s = new Snapshot(1, 1, plain.dx_m(), plain.shape(), fields, plain.material(), plain.materialNames(),
                plain.appliedCurrent_A_per_m2(), plain.cellVoltage_V(), plain.extras());
        Renderer r = new Renderer(RunFolder.open(run), FieldKind.XI, s.materialNames(), SlicePositions.MID);
        assertEquals(0.3, r.palette().freeFraction(1), 0);
        BufferedImage img = r.panelsAt(s, null, 10).get(0).image();
        int host = r.palette().material(1);
        assertEquals(r.palette().metalIn(1), img.getRGB(5, 5) & 0xFFFFFF, "a host cell filled with dispersed Li");
        assertEquals(MaterialPalette.mix(host, MaterialPalette.METAL, 0.15), img.getRGB(5, 65) & 0xFFFFFF, "half filled: 0.3 x 0.5 of the cell");
        assertEquals(host, img.getRGB(5, 105) & 0xFFFFFF, "empty host");
        // the same snapshot without the dispersed metal: the host's plain tone
        assertEquals(host, r.panelsAt(plain, null, 10).get(0).image().getRGB(5, 5) & 0xFFFFFF);

        Renderer field = new Renderer(RunFolder.open(run), FieldKind.DISPERSED_LI, s.materialNames(), SlicePositions.MID);
        ColorScale scale = field.scale(s);
        assertEquals(0, scale.min(), 0);
        assertEquals(1, scale.max(), 0);
        RunFolderException none = org.junit.jupiter.api.Assertions.assertThrows(RunFolderException.class, () -> field.scale(plain));
        assertTrue(none.getMessage().contains("no dispersed metal"), none.getMessage());
    }

    /**
     * The Li at a host's faces, kept in the ion conductor's cell next to the face in cell volumes (docs/MODEL.md section
     * 3.6.1), tints that cell by the volume it fills, without any dispersed metal in the snapshot.
     */
    @Test
    void liAtHostFacesTintsTheConductorsCellByItsVolume() throws Exception {
        Path run = SyntheticRun.create(tmp.resolve("faces"), SyntheticRun.CELL_2D);
        double[] atFaces = new double[SyntheticRun.NX * SyntheticRun.NZ];
        for (int P = 0; P < atFaces.length; P++) atFaces[P] = P / SyntheticRun.NX >= SyntheticRun.NZ - 4 ? 0.4 : 0;
        Snapshot s = SyntheticRun.write(run, 0, 0, layerAndDisc(), SyntheticRun.layeredMaterial(), java.util.Map.of(org.lipf.cli.RunDriver.FACE_LI_FIELD, atFaces));
        Renderer r = new Renderer(RunFolder.open(run), FieldKind.XI, s.materialNames(), SlicePositions.MID);
        BufferedImage img = r.panelsAt(s, null, 10).get(0).image();
        int lpscl = r.palette().material(1);
        assertEquals(MaterialPalette.mix(lpscl, MaterialPalette.METAL, 0.4), img.getRGB(5, 5) & 0xFFFFFF, "a conductor cell holding 0.4 of its volume");
        assertEquals(lpscl, img.getRGB(5, 65) & 0xFFFFFF, "one without");
    }

    @Test
    void animationHasOneFramePerPickedSnapshot() throws Exception {
        Path run = SyntheticRun.create(tmp.resolve("run"), SyntheticRun.CELL_2D);
        for (int n = 0; n < 3; n++) SyntheticRun.write(run, 10L * n, 0.5 * n, layerAndDisc(), SyntheticRun.layeredMaterial(), null, null);
        Renderer.Output out = Renderer.renderRun(RunFolder.open(run), FieldKind.XI, 2, true, SlicePositions.MID);
        assertEquals(2, out.images().size()); // snapshots 0 and 2 (the last)
        javax.imageio.ImageReader reader = javax.imageio.ImageIO.getImageReadersByFormatName("gif").next();
        try (var in = javax.imageio.ImageIO.createImageInputStream(out.animation().toFile())) {
            reader.setInput(in);
            assertEquals(2, reader.getNumImages(true));
        }
    }
}
