package org.lipf.scenario;

import static org.junit.jupiter.api.Assertions.*;
import static org.lipf.scenario.MicrostructureTest.BASE;
import static org.lipf.scenario.MicrostructureTest.build;
import static org.lipf.scenario.MicrostructureTest.loadIn;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lipf.grid.Grid;
import org.lipf.grid.InitialState;
import org.lipf.grid.MaterialMap;
import org.lipf.grid.VoxelImage;
import org.lipf.output.Snapshot;
import org.lipf.output.SnapshotWriter;

/** How voxel image files are read (PNG kinds, HDF5) and mapped; placement and the mapping rules are in {@link MicrostructureTest}. */
class VoxelImageTest {
    /** Writes a 4 x 1 PNG of {@code type} whose raster samples (band 0) are {@code levels}, left to right. */
    static Path grayPng(Path dir, String name, int type, int... levels) throws IOException {
        BufferedImage img = new BufferedImage(levels.length, 1, type);
        for (int x = 0; x < levels.length; x++) img.getRaster().setSample(x, 0, 0, levels[x]);
        Path f = dir.resolve(name);
        assertTrue(ImageIO.write(img, "png", f.toFile()));
        return f;
    }

    static String keys(VoxelImage img) {
        StringBuilder b = new StringBuilder();
        for (int x = 0; x < img.nx; x++) b.append(x > 0 ? " " : "").append(img.key(img.value(x, 0, 0)));
        return b.toString();
    }

    @Test
    void eightBitGrayLevelsAreReadAsWrittenNotColourConverted(@TempDir Path dir) throws Exception {
        Path f = grayPng(dir, "labels.png", BufferedImage.TYPE_BYTE_GRAY, 0, 1, 2, 128, 255);
        // getRGB would give #000000 #0d0d0d #161616 #bcbcbc #ffffff (linear gray to sRGB)
        assertEquals("#000000 #010101 #020202 #808080 #ffffff", keys(VoxelImage.read(f, "")));
    }

    @Test
    void sixteenBitGrayIsRefusedWithWhatToDo(@TempDir Path dir) throws Exception {
        Path f = grayPng(dir, "labels16.png", BufferedImage.TYPE_USHORT_GRAY, 0, 1, 2, 60000);
        IOException e = assertThrows(IOException.class, () -> VoxelImage.read(f, ""));
        assertTrue(e.getMessage().contains("16-bit grayscale PNG") && e.getMessage().contains("save it as 8-bit grayscale"), e.getMessage());
    }

    @Test
    void rgbRgbaAndPaletteImagesKeepTheirColours(@TempDir Path dir) throws Exception {
        int[] colours = {0x000000, 0xff0000, 0x020202, 0x12ab34};
        BufferedImage rgb = new BufferedImage(4, 1, BufferedImage.TYPE_INT_RGB);
        BufferedImage rgba = new BufferedImage(4, 1, BufferedImage.TYPE_INT_ARGB);
        byte[] r = new byte[4], g = new byte[4], b = new byte[4];
        for (int i = 0; i < 4; i++) {
            r[i] = (byte) (colours[i] >> 16);
            g[i] = (byte) (colours[i] >> 8);
            b[i] = (byte) colours[i];
        }
        BufferedImage palette = new BufferedImage(4, 1, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(8, 4, r, g, b));
        for (int x = 0; x < 4; x++) {
            rgb.setRGB(x, 0, colours[x]);
            rgba.setRGB(x, 0, 0x80000000 | colours[x]); // half transparent: the alpha is not part of the colour
            palette.getRaster().setSample(x, 0, 0, x);
        }
        for (BufferedImage img : new BufferedImage[] {rgb, rgba, palette}) {
            Path f = dir.resolve("c" + img.getType() + ".png");
            ImageIO.write(img, "png", f.toFile());
            assertEquals("#000000 #ff0000 #020202 #12ab34", keys(VoxelImage.read(f, "")), "type " + img.getType());
        }
    }

    @Test
    void aGrayLabelImageMapsByItsGrayLevels(@TempDir Path dir) throws Exception {
        grayPng(dir, "labels.png", BufferedImage.TYPE_BYTE_GRAY, 0, 1, 2, 128);
        MaterialMap m = build(loadIn(dir, BASE + "  images: [{file: labels.png, voxel_size: 0.5 um, offset: {z: 3 um}, "
                + "colors: {\"#000000\": el, \"#010101\": lif, \"#020202\": mg, \"#808080\": li}}]\n")).materials();
        assertEquals("el", m.name(2, 0, 32));
        assertEquals("lif", m.name(7, 0, 32));
        assertEquals("mg", m.name(12, 0, 32));
        assertEquals("li", m.name(17, 0, 32));
    }

    /**
     * A colour mapped to the metal's own material is Li metal (xi at its free fraction), as a layer of it must be: with
     * xi 0 its cells blocked the ions and were no Li, and the run diverged at its first solve. Another xi is refused.
     */
    @Test
    void aColourMappedToTheMetalsMaterialIsLiMetal(@TempDir Path dir) throws Exception {
        grayPng(dir, "labels.png", BufferedImage.TYPE_BYTE_GRAY, 0, 1, 2, 128);
        String yaml = BASE + "  images: [{file: labels.png, voxel_size: 0.5 um, offset: {z: 3 um}, "
                + "colors: {\"#000000\": el, \"#010101\": lif, \"#020202\": mg, \"#808080\": li}}]\n";
        InitialState st = build(loadIn(dir, yaml));
        Grid g = st.materials().grid();
        assertEquals("li", st.materials().name(17, 0, 32));
        assertEquals(1.0, st.xi()[g.index(17, 0, 32)], "the image's Li is metal");
        assertEquals(0.0, st.xi()[g.index(12, 0, 32)], "mg takes xi 0");
        String partial = yaml.replace("\"#808080\": li}", "\"#808080\": {material: li, xi: 0.5}}");
        ScenarioException e = assertThrows(ScenarioException.class, () -> loadIn(dir, partial));
        assertEquals("geometry.images[0].colors.#808080", e.keyPath());
        assertTrue(e.getMessage().contains("colour #808080 of the metal's own material (li) at xi = 0.5 would hold only part metal")
                && e.getMessage().contains("leave xi out"), e.getMessage());
    }

    /**
     * An HDF5 label volume (no LiPF snapshot) named by its {@code materials} attribute: its ids of the metal's own material
     * are Li metal too, as a colour mapped to it; with xi 0 its cells blocked the ions.
     */
    @Test
    void anIdTheMaterialsAttributeNamesAsTheMetalsMaterialIsLiMetal(@TempDir Path dir) throws Exception {
        MicrostructureTest.hdf5(dir, "labels.h5", new byte[][] {{0, 1, 2, 0}}, new String[] {"li", "lif", "mg"});
        Scenario s = loadIn(dir, BASE + "  images: [{file: labels.h5, voxel_size: 0.5 um, offset: {z: 3 um}}]\n");
        assertFalse(s.geometry().microstructure().images().get(0).snapshotState(), "a label volume, not a snapshot");
        InitialState st = build(s);
        Grid g = st.materials().grid();
        assertEquals("li", st.materials().name(2, 0, 32));
        assertEquals(1.0, st.xi()[g.index(2, 0, 32)], "the volume's Li is metal");
        assertEquals("lif", st.materials().name(7, 0, 32));
        assertEquals(0.0, st.xi()[g.index(7, 0, 32)], "lif takes xi 0");
    }

    // ------------------------------------------------------------------------------- formats

    static String readError(Path f) {
        return assertThrows(IOException.class, () -> VoxelImage.read(f, "/material")).getMessage();
    }

    @Test
    void aFileThatIsNotWhatItsNameSaysIsRefusedWithWhatItSeemsToBe(@TempDir Path dir) throws Exception {
        BufferedImage img = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        ImageIO.write(img, "tiff", dir.resolve("slice.tif").toFile());
        ImageIO.write(img, "bmp", dir.resolve("slice-bmp.png").toFile());
        ImageIO.write(img, "png", dir.resolve("slice-png.tif").toFile());
        java.nio.file.Files.writeString(dir.resolve("notes.png"), "not an image\n");
        MicrostructureTest.hdf5(dir, "ids.png", new byte[][] {{0}}, null);
        String tif = readError(dir.resolve("slice.tif"));
        assertTrue(tif.startsWith("not an HDF5 file: it seems to be a TIFF image (LiPF reads images from PNG files, named *.png, and HDF5 files, any other name)"), tif);
        assertTrue(tif.endsWith("convert it to one of these"), tif);
        assertTrue(readError(dir.resolve("slice-bmp.png")).startsWith("not a PNG image: it seems to be a BMP image"));
        assertTrue(readError(dir.resolve("slice-png.tif")).endsWith("it seems to be a PNG image (LiPF reads images from PNG files, named *.png, and HDF5 files, "
                + "any other name); name it *.png to read it as one"));
        assertTrue(readError(dir.resolve("notes.png")).startsWith("not a PNG image: it seems to be a text file"));
        assertTrue(readError(dir.resolve("ids.png")).endsWith("it seems to be an HDF5 file (LiPF reads images from PNG files, named *.png, and HDF5 files, "
                + "any other name); give it a name not ending in .png to read it as one"));
    }

    @Test
    void aTiffImageIsAnErrorAtTheImagesFileKey(@TempDir Path dir) throws Exception {
        ImageIO.write(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB), "tiff", dir.resolve("slice.tif").toFile());
        String yaml = BASE + "  images: [{file: slice.tif, voxel_size: 0.5 um, ids: {0: el}}]\n";
        ScenarioException e = assertThrows(ScenarioException.class, () -> loadIn(dir, yaml));
        assertEquals("geometry.images[0].file", e.keyPath());
        assertTrue(e.getMessage().contains("slice.tif: not an HDF5 file: it seems to be a TIFF image"), e.getMessage());
    }

    // ------------------------------------------------------------------------------- mapping keys

    @Test
    void coloursThatDifferOnlyInCaseAreOneKeyListedTwice(@TempDir Path dir) throws Exception {
        MicrostructureTest.png(dir, false);
        String yaml = BASE + "  images:\n    - file: slice.png\n      voxel_size: 0.5 um\n      colors:\n        \"#000000\": lif\n"
                + "        \"#ffffff\": el\n        \"#FFFFFF\": mg\n";
        ScenarioException e = assertThrows(ScenarioException.class, () -> loadIn(dir, yaml));
        assertEquals("geometry.images[0].colors.#FFFFFF", e.keyPath());
        assertEquals(MicrostructureTest.lineOf(yaml, "\"#FFFFFF\""), e.line());
        assertTrue(e.getMessage().contains("duplicate key '#FFFFFF': the same colour as '#ffffff' (line " + MicrostructureTest.lineOf(yaml, "\"#ffffff\"")
                + "); colour keys are not case-sensitive"), e.getMessage());
    }

    @Test
    void idsAreMatchedByTheirValueSoLeadingZerosMapAndRepeatAKey(@TempDir Path dir) throws Exception {
        MicrostructureTest.hdf5(dir, "ids.h5", new byte[][] {{0, 7}}, null);
        MaterialMap m = build(loadIn(dir, BASE + "  images: [{file: ids.h5, voxel_size: 0.5 um, offset: {z: 3 um}, ids: {0: el, 07: lif}}]\n")).materials();
        assertEquals("lif", m.name(7, 0, 32));
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> loadIn(dir, BASE + "  images: [{file: ids.h5, voxel_size: 0.5 um, ids: {0: el, 7: lif, 07: mg}}]\n"));
        assertTrue(e.getMessage().contains("duplicate key '07': the same id as '7'"), e.getMessage());
    }

    // ------------------------------------------------------------------------------- placement

    @Test
    void anImageReachingPastTheDomainIsCroppedWithAWarningPerAxis(@TempDir Path dir) throws Exception {
        Path f = MicrostructureTest.png(dir, false); // 2 um x 1 um at 0.5 um voxels
        assertTrue(build(loadIn(dir, BASE + MicrostructureTest.PNG_IMAGE)).report().warnings().isEmpty(), "inside the domain: no warning");
        // the 20 x 10 um domain: from x 19 um, 1 um of its 2 um is beyond the right side; from z -0.25 um, 0.25 um lies below the bottom
        var report = build(loadIn(dir, BASE + MicrostructureTest.PNG_IMAGE.replace("{x: 1 um, z: 3 um}", "{x: 19 um, z: -0.25 um}"))).report();
        assertEquals(1, report.warnings().size(), report.warnings().toString());
        String w = report.warnings().get(0);
        assertTrue(w.startsWith("geometry.images[0] (" + f + "): the image is cropped to the domain; outside it lie x: 1 um of its 2 um, z: 0.25 um of its 1 um "
                + "(the image spans x 19 um to 21 um, z -0.25 um to 0.75 um; the domain x 0 um to 20 um, z 0 um to 10 um)"), w);
        assertTrue(report.summary().contains("warning: " + w), "printed with the geometry report");
        assertEquals(70, report.images().get(0).cells(), "10 columns (x 19.05 to 19.95 um) of 7 planes (z 0.05 to 0.65 um) inside");
        // a voxel_size typo (10x) covers the whole domain: drawn, with the warning
        String typo = build(loadIn(dir, BASE + MicrostructureTest.PNG_IMAGE.replace("voxel_size: 0.5 um", "voxel_size: 5 um"))).report().warnings().get(0);
        assertTrue(typo.contains("outside it lie x: 1 um of its 20 um, z: 3 um of its 10 um"), typo);
    }

    @Test
    void anImageThatCoversNoCellIsAnErrorNamingTheFileAndTheSpans(@TempDir Path dir) throws Exception {
        Path f = MicrostructureTest.png(dir, false);
        String yaml = BASE + MicrostructureTest.PNG_IMAGE.replace("{x: 1 um, z: 3 um}", "{x: 1 um, z: 10 um}");
        ScenarioException e = assertThrows(ScenarioException.class, () -> loadIn(dir, yaml));
        assertEquals("geometry.images[0].offset", e.keyPath());
        assertEquals(MicrostructureTest.lineOf(yaml, "      offset:"), e.line());
        assertTrue(e.getMessage().contains(f + ": no cell of the grid lies in the image (the image spans x 1 um to 3 um, z 10 um to 11 um; "
                + "the domain x 0 um to 20 um, z 0 um to 10 um); check offset and voxel_size"), e.getMessage());
    }

    // ------------------------------------------------------------------------------- a LiPF snapshot re-used

    /**
     * Writes BASE's initial state as a LiPF snapshot, with a diffuse Li front (xi 0.9 and 0.4 on the planes at the
     * top of the 3 um Li layer) and a c that varies from cell to cell, as a run leaves them.
     */
    static Snapshot writeSnapshot(Path dir) throws IOException {
        Scenario source = MicrostructureTest.parse(BASE);
        InitialState st = build(source);
        Grid g = source.grid().toGrid();
        double[] xi = g.interior(st.xi()), c = g.interior(st.c());
        for (int i = 0; i < g.nx; i++) {
            xi[29 * g.nx + i] = 0.9;
            xi[30 * g.nx + i] = 0.4;
        }
        for (int q = 0; q < c.length; q++) c[q] = 0.5 + 0.001 * (q % 97);
        LinkedHashMap<String, double[]> fields = new LinkedHashMap<>();
        fields.put("xi", xi);
        fields.put("c", c);
        Snapshot snap = new Snapshot(0, 0, g.dx_m, g.snapshotShape(), fields, g.interior(st.materials().raw()), source.materialNames(), 0, 0, new LinkedHashMap<>());
        Files.move(new SnapshotWriter().write(dir, snap), dir.resolve("snap.h5"));
        return snap;
    }

    /** BASE without its Li layer (all el), the snapshot placed over the whole domain. */
    static final String REUSE = BASE.replace("{material: li, thickness: 3 um, xi: 1, c: 0}", "{material: el, thickness: 3 um}")
            + "  images: [{file: snap.h5, voxel_size: 0.1 um}]\n";

    @Test
    void aSnapshotMappedByItsOwnNamesGivesEachCellItsXiAndC(@TempDir Path dir) throws Exception {
        Snapshot snap = writeSnapshot(dir);
        Scenario s = loadIn(dir, REUSE);
        assertTrue(s.geometry().microstructure().images().get(0).snapshotState());
        InitialState st = build(s);
        Grid g = s.grid().toGrid();
        assertArrayEquals(snap.material(), g.interior(st.materials().raw()));
        assertArrayEquals(snap.field("xi"), g.interior(st.xi()), "the diffuse Li front as the snapshot had it");
        assertArrayEquals(snap.field("c"), g.interior(st.c()));
        assertEquals(metal(snap.field("xi")), metal(g.interior(st.xi())), 0, "the same metal as the source");
        assertTrue(metal(snap.field("xi")) >= 30 * g.nx, "the Li layer is there");
    }

    @Test
    void explicitIdsMapASnapshotsIdsOnly(@TempDir Path dir) throws Exception {
        writeSnapshot(dir);
        Scenario s = loadIn(dir, REUSE.replace("voxel_size: 0.1 um}", "voxel_size: 0.1 um, ids: {0: {material: li, xi: 1}, 1: el, 2: lif, 3: mg}}"));
        assertFalse(s.geometry().microstructure().images().get(0).snapshotState());
        InitialState st = build(s);
        Grid g = s.grid().toGrid();
        assertEquals(1.0, st.xi()[g.index(5, 0, 29)], "the id's xi, not the snapshot's 0.9");
        assertEquals(0.0, st.xi()[g.index(5, 0, 30)], "el: xi 0, not the snapshot's 0.4");
        assertEquals(1.0, st.c()[g.index(5, 0, 30)], "c kept from the layer");
    }

    @Test
    void theResolvedScenarioReadsTheSnapshotBackTheSameWay(@TempDir Path dir) throws Exception {
        writeSnapshot(dir);
        Scenario s = loadIn(dir, REUSE);
        String yaml = ScenarioWriter.toYaml(s);
        assertFalse(yaml.contains("      ids:"), yaml);
        assertTrue(yaml.contains("# no ids: a LiPF snapshot"), yaml);
        Path run = Files.createDirectories(dir.resolve("run"));
        Files.writeString(run.resolve("scenario.yaml"), yaml);
        assertEquals(s, ScenarioLoader.load(run.resolve("scenario.yaml"), java.util.Map.of()));
    }

    /** Metal volume in cells: the sum of h(xi) (docs/MODEL.md section 2). */
    static double metal(double[] xi) {
        double sum = 0;
        for (double x : xi) sum += x * x * x * (6 * x * x - 15 * x + 10);
        return sum;
    }
}
