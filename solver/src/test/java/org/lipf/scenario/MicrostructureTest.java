package org.lipf.scenario;

import static org.junit.jupiter.api.Assertions.*;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableDataset;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lipf.grid.GeometryBuilder;
import org.lipf.grid.GeometryReport;
import org.lipf.grid.Percolation;
import org.lipf.grid.Grid;
import org.lipf.grid.InitialState;
import org.lipf.grid.LateralRandomField;
import org.lipf.grid.MaterialMap;

/** The microstructure generators (coatings, grain mixtures, gradients, voxel images, particle sizes), read and built. */
class MicrostructureTest {
    /** 200 x 100 cells of 0.1 um: li on planes 0..29, el (layer 1) 30..49, el (layer 2) 50..99. */
    static final String BASE = """
            grid: {dimensions: 2, width: 20 um, height: 10 um, spacing: 0.1 um}
            model: {metal: li}
            materials:
              li:  {diffusivity: 7.5e-13 m^2/s, ionic_conductivity: 0 S/m, electronic_conductivity: 1e7 S/m, exchange_current_density: 3 A/m^2, density: 0.534 g/cm^3}
              el:  {diffusivity: 1e-12 m^2/s, ionic_conductivity: 0.25 S/m, electronic_conductivity: 1e-6 S/m, exchange_current_density: 3 A/m^2}
              lif: {diffusivity: 1e-16 m^2/s, ionic_conductivity: 1e-9 S/m, electronic_conductivity: 1e-8 S/m, exchange_current_density: 3 A/m^2}
              mg:  {diffusivity: 7.5e-13 m^2/s, ionic_conductivity: 0 S/m, electronic_conductivity: 3e6 S/m, exchange_current_density: 3 A/m^2}
            control: {mode: galvanostatic, current_density: 1 mA/cm^2}
            time: {end: 1 s}
            geometry:
              layers:
                - {material: li, thickness: 3 um, xi: 1, c: 0}
                - {material: el, thickness: 2 um}
                - {material: el, thickness: rest}
            """;

    static Scenario parse(String yaml) {
        return ScenarioLoader.parse(yaml, "micro.yaml", Map.of());
    }

    static InitialState build(Scenario s) {
        return GeometryBuilder.build(s, s.grid().toGrid());
    }

    static InitialState build(String extra) {
        return build(parse(BASE + extra));
    }

    static ScenarioException fails(String yaml) {
        return assertThrows(ScenarioException.class, () -> parse(yaml));
    }

    /** BASE + extra fails with an error on {@code key}, at the line of {@code list} (the list holding the generator), containing {@code fragment}. */
    static ScenarioException assertFailsAt(String extra, String list, String key, String fragment) {
        String yaml = BASE + extra;
        ScenarioException e = fails(yaml);
        assertEquals(key, e.keyPath(), e.getMessage());
        assertEquals(lineOf(yaml, list), e.line(), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
        return e;
    }

    static int lineOf(String yaml, String fragment) {
        String before = yaml.substring(0, yaml.indexOf(fragment));
        return (int) before.chars().filter(ch -> ch == '\n').count() + 1;
    }

    /** Cells of material {@code name} in column i (2D). */
    static int columnCount(MaterialMap m, int i, String name) {
        int id = m.idOf(name), n = 0;
        for (int k = 0; k < m.grid().nz; k++)
            if (m.id(i, 0, k) == id) n++;
        return n;
    }

    /** Whole cells whose centre lies below t above the plane k = 30. */
    static int cellsBelow(double t_m) {
        int n = 0;
        while ((n + 0.5) * 1e-7 < t_m) n++;
        return n;
    }

    // ------------------------------------------------------------------------------- coatings

    @Test
    void uniformCoatingFillsWholeCellsAboveItsLayer() {
        InitialState st = build("  coatings: [{material: lif, layer: 0, thickness: 0.5 um}]\n");
        MaterialMap m = st.materials();
        Grid g = m.grid();
        for (int i = 0; i < 200; i++) {
            for (int k = 30; k < 35; k++) {
                assertEquals("lif", m.name(i, 0, k));
                assertEquals(0.0, st.xi()[g.index(i, 0, k)]);
                assertEquals(1.0, st.c()[g.index(i, 0, k)]); // the c of the layer above
            }
            assertEquals("el", m.name(i, 0, 35));
            assertEquals("li", m.name(i, 0, 29));
        }
        GeometryReport.CoatingResult r = st.report().coatings().get(0);
        assertEquals(1000, r.cells());
        assertEquals(1.0, r.coveredFraction());
        assertEquals(5e-7, r.meanThickness_m(), 1e-20);
        assertEquals(30, r.k());
    }

    @Test
    void nonUniformThicknessFollowsTheSeededFieldColumnByColumn() {
        InitialState st = build("  coatings: [{material: lif, layer: 0, thickness: 0.5 um, thickness_rsd: 0.3, correlation_length: 1 um, seed: 4}]\n");
        double[] f = LateralRandomField.sample(200, 1, 1e-7, 1e-6, new SplittableRandom(4).nextLong());
        GeometryReport.CoatingResult r = st.report().coatings().get(0);
        double min = Double.POSITIVE_INFINITY, sum = 0, sum2 = 0;
        for (int q = 0; q < 200; q++) {
            assertEquals(5e-7 * (1 + 0.3 * f[q]), r.thickness_m()[q], 1e-21);
            assertEquals(cellsBelow(r.thickness_m()[q]), columnCount(st.materials(), q, "lif"), "column " + q);
            min = Math.min(min, r.thickness_m()[q]);
            sum += r.thickness_m()[q];
            sum2 += r.thickness_m()[q] * r.thickness_m()[q];
        }
        assertTrue(min > 0, "no bare spot at 30 % spread");
        double mean = sum / 200;
        assertEquals(5e-7, mean, 1e-18);
        assertEquals(0.3 * 5e-7, Math.sqrt(sum2 / 200 - mean * mean), 1e-15);
        int distinct = (int) java.util.Arrays.stream(r.thickness_m()).map(t -> cellsBelow(t)).distinct().count();
        assertTrue(distinct >= 3, "the drawn thickness varies: " + distinct + " different cell counts");
    }

    @Test
    void bareSpotsAppearWhereTheThicknessFieldGoesBelowZero() {
        InitialState st = build("  coatings: [{material: lif, layer: 0, thickness: 0.5 um, thickness_rsd: 1.5, correlation_length: 0.5 um, seed: 9}]\n");
        double[] f = LateralRandomField.sample(200, 1, 1e-7, 5e-7, new SplittableRandom(9).nextLong());
        GeometryReport.CoatingResult r = st.report().coatings().get(0);
        int bare = 0;
        for (int q = 0; q < 200; q++) {
            boolean expectBare = 1 + 1.5 * f[q] <= 0;
            assertEquals(expectBare, r.thickness_m()[q] == 0, "column " + q);
            if (expectBare) {
                bare++;
                assertEquals(0, columnCount(st.materials(), q, "lif"));
                assertEquals("el", st.materials().name(q, 0, 30));
            }
        }
        assertTrue(bare > 0);
        assertEquals(1 - bare / 200.0, r.coveredFraction(), 1e-15);
    }

    @Test
    void coverageCoversExactlyThatShareOfColumnsInPatches() {
        InitialState st = build("  coatings: [{material: lif, layer: 0, thickness: 0.2 um, coverage: 75 %, patch_size: 2 um, seed: 1}]\n");
        GeometryReport.CoatingResult r = st.report().coatings().get(0);
        int covered = 0, runs = 0;
        for (int q = 0; q < 200; q++) {
            boolean on = columnCount(st.materials(), q, "lif") == 2;
            covered += on ? 1 : 0;
            boolean prevOn = columnCount(st.materials(), (q + 199) % 200, "lif") == 2;
            if (on && !prevOn) runs++;
        }
        assertEquals(150, covered);
        assertEquals(0.75, r.coveredFraction(), 1e-15);
        // column-wise random coverage would give ~38 patches; 2 um patches on 20 um give a few
        assertTrue(runs >= 1 && runs <= 12, runs + " patches");
    }

    @Test
    void aPinholeAndACrackRemoveTheColumnsWithinTheirWidth() {
        GeometryReport.CoatingResult pin = build("  coatings: [{material: lif, layer: 0, thickness: 0.2 um, pinholes: 1, pinhole_diameter: 0.5 um, seed: 2}]\n")
                .report().coatings().get(0);
        assertEquals(195 / 200.0, pin.coveredFraction(), 1e-15);
        assertEquals(1, runsOfZero(pin.thickness_m()));
        GeometryReport.CoatingResult crack = build("  coatings: [{material: lif, layer: 0, thickness: 0.2 um, cracks: 1, crack_width: 0.3 um, seed: 2}]\n")
                .report().coatings().get(0);
        assertEquals(197 / 200.0, crack.coveredFraction(), 1e-15);
        assertEquals(1, runsOfZero(crack.thickness_m()));
    }

    static int runsOfZero(double[] t) {
        int runs = 0;
        for (int q = 0; q < t.length; q++)
            if (t[q] == 0 && t[(q + t.length - 1) % t.length] != 0) runs++;
        return runs;
    }

    @Test
    void crackIn3DRunsAcrossTheWholeDomain() {
        String yaml = BASE.replace("grid: {dimensions: 2, width: 20 um, height: 10 um, spacing: 0.1 um}", "grid: {dimensions: 3, width: 2 um, depth: 2 um, height: 10 um, spacing: 0.1 um}")
                + "  coatings: [{material: lif, layer: 0, thickness: 0.2 um, cracks: 1, crack_width: 0.3 um, seed: 5}]\n";
        InitialState st = build(parse(yaml));
        double[] t = st.report().coatings().get(0).thickness_m();
        int bare = 0;
        boolean[] bareI = new boolean[20], bareJ = new boolean[20];
        for (int q = 0; q < 400; q++)
            if (t[q] == 0) {
                bare++;
                bareI[q % 20] = true;
                bareJ[q / 20] = true;
            }
        assertEquals(60, bare);
        int linesI = 0, linesJ = 0;
        for (int n = 0; n < 20; n++) {
            linesI += bareI[n] ? 1 : 0;
            linesJ += bareJ[n] ? 1 : 0;
        }
        assertTrue((linesI == 3 && linesJ == 20) || (linesI == 20 && linesJ == 3), linesI + " x " + linesJ);
        assertEquals("el", st.materials().name(bareI[0] && linesI == 3 ? 0 : firstTrue(bareI), firstTrue(bareJ), 30));
    }

    /** BASE on a 2 x 2 um 3D grid (20 x 20 columns) with a LiF coating of 3 cracks one cell wide, seed 8, and {@code direction} (or none). */
    static GeometryReport cracked3D(String direction) {
        String yaml = BASE.replace("grid: {dimensions: 2, width: 20 um, height: 10 um, spacing: 0.1 um}", "grid: {dimensions: 3, width: 2 um, depth: 2 um, height: 10 um, spacing: 0.1 um}")
                + "  coatings: [{material: lif, layer: 0, thickness: 0.2 um, cracks: 3, crack_width: 0.1 um, seed: 8" + direction + "}]\n";
        return build(parse(yaml)).report();
    }

    /** The bare columns (index j * nx + i) of a coating. */
    static Set<Integer> bareColumns(double[] t) {
        Set<Integer> out = new TreeSet<>();
        for (int q = 0; q < t.length; q++) if (t[q] == 0) out.add(q);
        return out;
    }

    @Test
    void crackDirectionFixesWhichWayCracksRunWithoutMovingThem() {
        GeometryReport randomReport = cracked3D("");
        GeometryReport.CoatingResult random = randomReport.coatings().get(0);
        GeometryReport.CoatingResult alongY = cracked3D(", crack_direction: y").coatings().get(0), alongX = cracked3D(", crack_direction: x").coatings().get(0);
        // seed 8 draws both directions (the default: each crack's direction from the seed), and the report says which
        assertEquals(3, random.cracksAlongX() + random.cracksAlongY());
        assertTrue(random.cracksAlongX() > 0 && random.cracksAlongY() > 0, random.cracksAlongX() + " along x");
        assertTrue(randomReport.summary().contains("cracks: " + random.cracksAlongX() + " along x, " + random.cracksAlongY() + " along y"), randomReport.summary());
        assertEquals(List.of(0, 3), List.of(alongY.cracksAlongX(), alongY.cracksAlongY()));
        assertEquals(List.of(3, 0), List.of(alongX.cracksAlongX(), alongX.cracksAlongY()));
        // along y a crack bares whole columns of cells i (every j), along x whole rows j (every i)
        Set<Integer> bareI = new TreeSet<>(), bareJ = new TreeSet<>();
        for (int q : bareColumns(alongY.thickness_m())) bareI.add(q % 20);
        for (int q : bareColumns(alongX.thickness_m())) bareJ.add(q / 20);
        assertEquals(20 * bareI.size(), bareColumns(alongY.thickness_m()).size());
        assertEquals(20 * bareJ.size(), bareColumns(alongX.thickness_m()).size());
        // fixing the direction turns the other cracks but moves none: every bare column of the random film lies on one of those strips
        for (int q : bareColumns(random.thickness_m())) assertTrue(bareI.contains(q % 20) || bareJ.contains(q / 20), "column " + q);
    }

    @Test
    void crackDirectionNeedsCracksAndXNeedsA3DGrid() {
        assertFailsAt("  coatings: [{material: lif, layer: 0, thickness: 0.2 um, crack_direction: y}]\n", "  coatings:", "geometry.coatings[0].crack_direction",
                "only with a count of cracks > 0");
        assertFailsAt("  coatings: [{material: lif, layer: 0, thickness: 0.2 um, cracks: 1, crack_width: 0.3 um, crack_direction: x}]\n", "  coatings:",
                "geometry.coatings[0].crack_direction", "x is for 3D grids");
        assertFailsAt("  coatings: [{material: lif, layer: 0, thickness: 0.2 um, cracks: 1, crack_width: 0.3 um, crack_direction: z}]\n", "  coatings:",
                "geometry.coatings[0].crack_direction", "expected one of random, x, y");
        // 2D: y is what every 2D crack is, a gap in x
        String twoCracks = "  coatings: [{material: lif, layer: 0, thickness: 0.2 um, cracks: 2, crack_width: 0.3 um, seed: 4%s}]\n";
        assertArrayEquals(build(twoCracks.formatted("")).report().coatings().get(0).thickness_m(),
                build(twoCracks.formatted(", crack_direction: y")).report().coatings().get(0).thickness_m());
    }

    static int firstTrue(boolean[] b) {
        for (int n = 0; n < b.length; n++)
            if (b[n]) return n;
        return -1;
    }

    @Test
    void subcellCoatingFillsOneEffectiveCellPerColumn() {
        InitialState st = build("  coatings: [{material: lif, layer: 0, thickness: 50 nm, subcell: true, cracks: 1, crack_width: 0.3 um}]\n");
        assertEquals(0, st.materials().count(st.materials().idOf("lif")), "the film itself is not drawn");
        GeometryReport.CoatingResult r = st.report().coatings().get(0);
        assertTrue(r.subcell());
        assertEquals(30, r.k());
        int columns = r.thickness_m().length - 3; // less the crack's 3 columns
        assertEquals(columns, r.cells(), "one effective cell per covered column");
        assertEquals(columns, st.materials().count(st.materials().idOf("lif-subcell0-0")));
        for (double t : r.thickness_m()) assertTrue(t == 0 || Math.abs(t - 5e-8) < 1e-22, t + " m");
        assertTrue(st.report().summary().contains("sub-cell: one effective cell per column"), st.report().summary());
    }

    @Test
    void coatingThinnerThanACellNeedsSubcell() {
        ScenarioException e = assertFailsAt("  coatings: [{material: lif, layer: 0, thickness: 50 nm}]\n", "  coatings:", "geometry.coatings[0].thickness",
                "thinner than the grid spacing 0.1 um");
        assertTrue(e.getMessage().contains("subcell: true"), e.getMessage());
        ScenarioException pin = fails(BASE + "  coatings: [{material: lif, layer: 0, thickness: 0.2 um, pinholes: 2, pinhole_diameter: 50 nm}]\n");
        assertEquals("geometry.coatings[0].pinhole_diameter", pin.keyPath());
        ScenarioException top = fails(BASE.replace("    - {material: el, thickness: rest}\n", "    - {material: el, thickness: rest}\n  coatings: [{material: lif, layer: 2, thickness: 0.2 um}]\n"));
        assertTrue(top.getMessage().contains("no cell above it"), top.getMessage());
        // values out of range are quoted as written (120 %, -0.1), not as SI numbers (1.2)
        ScenarioException over = fails(BASE + "  coatings: [{material: lif, layer: 0, thickness: 0.2 um, coverage: 120 %}]\n");
        assertTrue(over.getMessage().endsWith("coverage: must be in (0, 1], got 120 %"), over.getMessage());
        ScenarioException gap = fails(BASE + "  coatings: [{material: lif, layer: 0, thickness: 0.2 um, patch_size: -2 um}]\n");
        assertTrue(gap.getMessage().endsWith("patch_size: must be >= 0, got -2 um"), gap.getMessage());
    }

    /** A sub-cell coating is drawn in one cell per column: a thicker one was cut to a cell while the report gave its thickness. */
    @Test
    void subcellCoatingThickerThanACellIsAnError() {
        assertFailsAt("  coatings: [{material: lif, layer: 0, thickness: 0.15 um, subcell: true}]\n", "  coatings:", "geometry.coatings[0].thickness",
                "is thicker than a cell (0.1 um)");
        assertEquals(1, build("  coatings: [{material: lif, layer: 0, thickness: 0.1 um, subcell: true, coverage: 50 %}]\n").report().coatings().size(), "a film of one cell is still one");
    }

    /**
     * A whole sub-cell film leaves no cell at the metal surface where Li may react (its cells have f_free = 0): it is refused once its
     * columns are built, at the coating (the run's error then gets its line, ScenarioLoader.located), pointing to on_metal.
     */
    @Test
    void subcellCoatingOverEveryColumnIsAnError() {
        String yaml = "  coatings: [{material: lif, layer: 0, thickness: 50 nm, subcell: true}]\n";
        ScenarioException e = assertThrows(ScenarioException.class, () -> build(yaml));
        assertEquals("geometry.coatings[0]", e.keyPath(), e.getMessage());
        assertTrue(e.getMessage().contains("covers every column of the window") && e.getMessage().contains("on_metal: true"), e.getMessage());
        // the coverage as built: patches, pinholes or bare spots that leave one column open let the current through
        build(yaml.replace("subcell: true", "subcell: true, pinholes: 1, pinhole_diameter: 0.1 um"));
        build(yaml.replace("subcell: true", "subcell: true, coverage: 99.5 %"));
        // on a layer above the metal the ions cross the film's cells in series: a whole film there is fine
        build(yaml.replace("layer: 0", "layer: 1"));
    }

    /**
     * Two sub-cell films on the metal, each with a crack, may close each other's cracks: together they leave no cell at the metal
     * surface, and are refused at the later one. A crack through the layer above reopens a whole film: the map as finally built counts.
     */
    @Test
    void subcellCoatingsThatTogetherCoverEveryColumnAreAnError() {
        String one = "{material: lif, layer: %d, thickness: 50 nm, subcell: true, cracks: 1, crack_width: 1 um, seed: %d}";
        String two = "  coatings: [" + one.formatted(0, 1) + ", " + one.formatted(0, 2) + "]\n";
        // each alone leaves its crack's 10 columns open, in different places
        for (int seed : new int[] {1, 2}) {
            GeometryReport.CoatingResult alone = build("  coatings: [" + one.formatted(0, seed) + "]\n").report().coatings().get(0);
            assertEquals(0.95, alone.coveredFraction(), 1e-12);
        }
        ScenarioException e = assertThrows(ScenarioException.class, () -> build(two));
        assertEquals("geometry.coatings[1]", e.keyPath(), e.getMessage());
        assertTrue(e.getMessage().contains("the sub-cell coatings of lif (geometry.coatings[0]), of lif (geometry.coatings[1]) together cover every column"),
                e.getMessage());
        // the second on the layer above the metal: the ions cross its cells in series
        build("  coatings: [" + one.formatted(0, 1) + ", " + one.formatted(1, 2) + "]\n");
        // a whole film that a crack through the layer above opens
        String whole = "  coatings: [{material: lif, layer: 0, thickness: 50 nm, subcell: true}]\n";
        assertThrows(ScenarioException.class, () -> build(whole));
        MaterialMap m = build(whole + "  cracks: [{layer: 1, x: 5 um, width: 0.5 um, fill: el}]\n").materials();
        assertEquals("el", m.name(50, 0, 30), "the crack's cell at the metal surface");
    }

    /** A coating's cells hold no metal: of the metal's own material they would block the ions and be no Li. */
    @Test
    void aCoatingOfTheMetalsMaterialIsAnError() {
        for (String kind : new String[] {"", ", subcell: true", ", on_metal: true"})
            assertFailsAt("  coatings: [{material: li, layer: 0, thickness: 0.2 um%s}]\n".formatted(kind), "  coatings:", "geometry.coatings[0].material",
                    "the metal's own material (li) without metal blocks the ions");
    }

    // ------------------------------------------------------------------------------- grain mixtures

    @Test
    void cellWiseMixtureHitsTheFractionsExactly() {
        InitialState st = build("  grain_mixtures: [{layer: 1, materials: [lif, mg], fractions: [0.6, 0.4], grain_size: 50 nm, seed: 3}]\n");
        MaterialMap m = st.materials();
        assertEquals(2400, m.count(m.idOf("lif")));
        assertEquals(1600, m.count(m.idOf("mg")));
        GeometryReport.MixtureResult r = st.report().grainMixtures().get(0);
        assertEquals(4000, r.grains());
        assertArrayEquals(new double[] {0.6, 0.4}, r.achievedFractions(), 1e-15);
        for (int k = 30; k < 50; k++) assertNotEquals("el", m.name(7, 0, k));
        assertEquals("el", m.name(7, 0, 50));
        assertEquals(2, st.report().connectivity().size());
        assertEquals("lif", st.report().connectivity().get(0).material());
        assertEquals(2400, st.report().connectivity().get(0).result().cells());
    }

    @Test
    void voronoiGrainsHaveTheGrainSizeAndWholeGrainsOneMaterial() {
        String extra = "  grain_mixtures: [{layer: 1, materials: [lif, mg], fractions: [0.6, 0.4], grain_size: 0.4 um, seed: 8}]\n";
        InitialState st = build(extra);
        GeometryReport.MixtureResult r = st.report().grainMixtures().get(0);
        assertEquals(250, r.grains()); // 20 um x 2 um / (0.4 um)^2
        assertEquals(0.6, r.achievedFractions()[0], 0.02);
        assertEquals(1.0, r.achievedFractions()[0] + r.achievedFractions()[1], 1e-15);
        long lifClusters = st.report().connectivity().get(0).result().clusters();
        assertTrue(lifClusters >= 10 && lifClusters < 250, lifClusters + " LiF clusters: a mosaic of whole grains");
        assertArrayEquals(st.materials().compact(), build(extra).materials().compact());
    }

    @Test
    void mixtureFractionsMustAddUpToOne() {
        assertFailsAt("  grain_mixtures: [{layer: 1, materials: [lif, mg], fractions: [0.6, 0.5], grain_size: 50 nm}]\n", "  grain_mixtures:",
                "geometry.grain_mixtures[0].fractions", "add up to 1");
        ScenarioException unknown = fails(BASE + "  grain_mixtures: [{layer: 1, materials: [lif, mgg], fractions: [0.6, 0.4], grain_size: 50 nm}]\n");
        assertTrue(unknown.getMessage().contains("unknown material 'mgg'; did you mean 'mg'?"), unknown.getMessage());
    }

    /**
     * Grains larger than the layer: 0.5 um x 20 um holds round(10 / 16) = 1 grain of 4 um, all lif, and mg (0.4) gets none; the
     * report alone said so. Refused at grain_size, with the size that gives mg a grain: (0.4 x 10 um^2)^(1/2) = 2 um.
     */
    @Test
    void aMixtureMaterialThatNoGrainTakesIsAnError() {
        String yaml = BASE.replace("thickness: 2 um", "thickness: 0.5 um") + "  grain_mixtures: [{layer: 1, materials: [lif, mg], fractions: [0.6, 0.4], grain_size: 4 um}]\n";
        ScenarioException e = assertThrows(ScenarioException.class, () -> build(parse(yaml)));
        assertEquals("geometry.grain_mixtures[0].grain_size", e.keyPath(), e.getMessage());
        assertTrue(e.getMessage().contains("make 1 grain in layer 1") && e.getMessage().contains("mg (fraction 0.4000) got none")
                && e.getMessage().contains("at most about 2.00 um"), e.getMessage());
        GeometryReport.MixtureResult r = build(parse(yaml.replace("grain_size: 4 um", "grain_size: 1 um"))).report().grainMixtures().get(0);
        assertTrue(r.achievedFractions()[1] > 0, "10 grains: mg has some");
    }

    /**
     * A fraction under one of the layer's cells (0.0004 of 200 x 5 cells: 0.4 of a cell) gets no cell even from grains of one cell:
     * refused at the fractions with the one that would give it a cell, 1 / 1000 (a smaller grain_size, as the message for large
     * grains says, could not help); one cell's worth builds.
     */
    @Test
    void aMixtureFractionUnderOneCellIsAnErrorAtTheFractions() {
        String yaml = BASE.replace("thickness: 2 um", "thickness: 0.5 um")
                + "  grain_mixtures: [{layer: 1, materials: [lif, mg], fractions: [0.9996, 0.0004], grain_size: 50 nm}]\n";
        ScenarioException e = assertThrows(ScenarioException.class, () -> build(parse(yaml)));
        assertEquals("geometry.grain_mixtures[0].fractions", e.keyPath(), e.getMessage());
        assertTrue(e.getMessage().contains("mg (fraction 0.0004000) is 0.400 of the 1000 cells of layer 1") && e.getMessage().contains("at least 0.00100 (one cell)"),
                e.getMessage());
        GeometryReport.MixtureResult r = build(parse(yaml.replace("0.9996, 0.0004", "0.999, 0.001"))).report().grainMixtures().get(0);
        assertEquals(0.001, r.achievedFractions()[1], 1e-12, "one cell of mg");
    }

    /** A grain mixture redraws its whole layer: a gradient or an earlier mixture there would leave nothing. */
    @Test
    void aMixtureOnALayerOfAnotherGeneratorIsAnError() {
        String mix = "{layer: 0, materials: [lif, mg], fractions: [0.6, 0.4], grain_size: 50 nm}";
        assertFailsAt(GRADIENT.formatted("") + "  grain_mixtures: [" + mix + "]\n", "  grain_mixtures:", "geometry.grain_mixtures[0].layer",
                "has the gradient geometry.gradients[0]");
        assertFailsAt("  grain_mixtures: [" + mix + ", " + mix.replace("0.6, 0.4", "0.5, 0.5") + "]\n", "  grain_mixtures:",
                "geometry.grain_mixtures[1].layer", "already is the grain mixture geometry.grain_mixtures[0]");
        build("  grain_mixtures: [" + mix + ", " + mix.replace("layer: 0", "layer: 1") + "]\n");
    }

    /** Grains of the metal's own material take their layer's xi: in a layer without metal they would hold none, and block the ions. */
    @Test
    void grainsOfTheMetalsMaterialWithoutMetalAreAnError() {
        assertFailsAt("  grain_mixtures: [{layer: 1, materials: [el, li], fractions: [0.6, 0.4], grain_size: 0.5 um}]\n", "  grain_mixtures:",
                "geometry.grain_mixtures[0].materials", "grains of the metal's own material (li) at xi = 0.0 would hold no metal");
        build("  grain_mixtures: [{layer: 0, materials: [mg, li], fractions: [0.4, 0.6], grain_size: 0.5 um}]\n");
    }

    /** A crack filled with what its cells already hold (lpscl through lpscl) changes nothing: refused at its fill. */
    @Test
    void aCrackThatChangesNothingIsAnError() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> build("  cracks: [{layer: 1, x: 5 um, width: 0.5 um, fill: el}]\n"));
        assertEquals("geometry.cracks[0].fill", e.keyPath(), e.getMessage());
        assertTrue(e.getMessage().contains("changes nothing in layer 1"), e.getMessage());
        assertEquals("el", build("  cracks: [{layer: 1, x: 5 um, width: 0.5 um, fill: el, c: 0.5}]\n").materials().name(50, 0, 40), "another c is a change");
        assertEquals("lif", build("  cracks: [{layer: 1, x: 5 um, width: 0.5 um, fill: lif}]\n").materials().name(50, 0, 40));
    }

    // ------------------------------------------------------------------------------- gradients

    static final String GRADIENT = "  gradients: [{layer: 0, to: mg, surface_fraction: 0.7, diffusion_length: 0.5 um, levels: 7%s}]\n";

    @Test
    void erfcProfileMapsDepthsToGeneratedLevels() {
        Scenario s = parse(BASE + GRADIENT.formatted(""));
        assertEquals(11, s.materials().size());
        assertEquals("li-mg-1of7", s.materials().get(4).name());
        InitialState st = build(s);
        MaterialMap m = st.materials();
        // depth below the top of li (3 um) of plane k is 3 um - (k + 0.5) 0.1 um; level = round(7 erfc(depth / 0.5 um))
        assertEquals("li-mg-6of7", m.name(0, 0, 29)); // erfc(0.1) = 0.88754 -> 6.21
        assertEquals("li-mg-1of7", m.name(0, 0, 25)); // erfc(0.9) = 0.20309 -> 1.42
        assertEquals("li-mg-1of7", m.name(0, 0, 24)); // erfc(1.1) = 0.11979 -> 0.84
        assertEquals("li", m.name(0, 0, 23));         // erfc(1.3) = 0.06599 -> 0.46
        assertEquals(1.0, st.xi()[m.grid().index(0, 0, 29)]);
        // level 6 is x = 0.6 of mg: sigma_el = 0.4 * 1e7 + 0.6 * 3e6
        assertEquals(5.8e6, s.material("li-mg-6of7").sigmaEl_S_per_m(), 1e-6);
        assertEquals(9.3e6, s.material("li-mg-1of7").sigmaEl_S_per_m(), 1e-6);
        GeometryReport.GradientResult r = st.report().gradients().get(0);
        assertEquals(24 * 200, r.cellsPerLevel()[0]);
        assertEquals(0, r.cellsPerLevel()[7]);
    }

    @Test
    void logMixingInterpolatesConductivitiesGeometrically() {
        Scenario s = parse(BASE + GRADIENT.formatted(", mixing: log"));
        assertEquals(Math.pow(1e7, 0.4) * Math.pow(3e6, 0.6), s.material("li-mg-6of7").sigmaEl_S_per_m(), 1e-6);
        assertEquals(0.0, s.material("li-mg-6of7").sigmaIon_S_per_m(), "zero in either falls back to linear");
    }

    @Test
    void gradientFromTheBottomSurfaceRunsUpward() {
        InitialState st = build(GRADIENT.formatted(", surface: bottom"));
        assertEquals("li-mg-6of7", st.materials().name(0, 0, 0));
        assertEquals("li", st.materials().name(0, 0, 6));
    }

    @Test
    void resolvedScenarioRederivesTheGeneratedMaterials() {
        Scenario s = parse(BASE + GRADIENT.formatted(", mixing: log")
                + "  grain_mixtures: [{layer: 1, materials: [lif, mg], fractions: [0.6, 0.4], grain_size: 0.4 um, seed: 8}]\n"
                + "  coatings: [{material: lif, layer: 1, thickness: 0.3 um, thickness_rsd: 0.2, correlation_length: 1 um, coverage: 0.9, patch_size: 1 um,"
                + " pinholes: 2, pinhole_diameter: 0.2 um, cracks: 1, crack_width: 0.2 um, seed: 6, c: 0.5}]\n");
        String yaml = ScenarioWriter.toYaml(s);
        assertFalse(yaml.contains("\"li-mg-1of7\":"), yaml);
        Scenario back = ScenarioLoader.parse(yaml, "resolved.yaml", Map.of());
        assertEquals(s, back, yaml);
        assertEquals(yaml, ScenarioWriter.toYaml(back));
    }

    /**
     * A gradient whose first level ends above the first cell centre (0.05 um deep at 0.1 um cells) draws nothing; refused with what
     * would draw it. Level 1 of 7 needs erfc(d / L) >= 1/14, d <= 1.2747 L: L = 30 nm reaches 38.2 nm, L = 40 nm 51.0 nm; at 30 nm
     * erfc(50 / 30) = 0.01832 needs 0.5 / 0.01832 = 27.3 levels.
     */
    @Test
    void aGradientThatDrawsNoCellIsAnError() {
        ScenarioException e = assertFailsAt(GRADIENT.formatted("").replace("0.5 um", "30 nm"), "  gradients:", "geometry.gradients[0].diffusion_length",
                "the gradient draws no cell");
        assertTrue(e.getMessage().contains("a grid.spacing of at most 0.0764") && e.getMessage().contains("a diffusion_length of at least 0.0392")
                && e.getMessage().endsWith("or levels: 28"), e.getMessage());
        GeometryReport.GradientResult r = build(GRADIENT.formatted("").replace("0.5 um", "40 nm")).report().gradients().get(0);
        assertEquals(200, r.cellsPerLevel()[1], "one plane at level 1: erfc(50 nm / 40 nm) = 0.0771 -> 0.54 of a level");
        assertEquals("li-mg-1of28", build(GRADIENT.formatted("").replace("0.5 um", "30 nm").replace("levels: 7", "levels: 28")).materials().name(0, 0, 29));
    }

    @Test
    void gradientErrorsNameTheKey() {
        assertFailsAt("  gradients: [{layer: 0, to: mgx, diffusion_length: 0.5 um}]\n", "  gradients:", "geometry.gradients[0].to", "unknown material 'mgx'");
        assertTrue(fails(BASE + "  gradients: [{layer: 0, to: li, diffusion_length: 0.5 um}]\n").getMessage().contains("to another material"));
        assertEquals("geometry.gradients[0].diffusion_length", fails(BASE + "  gradients: [{layer: 0, to: mg}]\n").keyPath());
        // a choice lists its values once, with the nearest where one is close
        assertTrue(fails(BASE + GRADIENT.formatted(", surface: side")).getMessage().endsWith("surface: expected one of top, bottom, got 'side'"),
                fails(BASE + GRADIENT.formatted(", surface: side")).getMessage());
        assertTrue(fails(BASE + GRADIENT.formatted(", surface: botom")).getMessage().endsWith("expected one of top, bottom, got 'botom'; did you mean 'bottom'?"),
                fails(BASE + GRADIENT.formatted(", surface: botom")).getMessage());
    }

    // ------------------------------------------------------------------------------- images

    static final int BLACK = 0x000000, WHITE = 0xffffff, RED = 0xff0000;

    /** A 4 x 2 PNG: top row black white black white, bottom row white white black black (or with one red pixel). */
    static Path png(Path dir, boolean red) throws Exception {
        BufferedImage img = new BufferedImage(4, 2, BufferedImage.TYPE_INT_RGB);
        int[][] rows = {{BLACK, WHITE, red ? RED : BLACK, WHITE}, {WHITE, WHITE, BLACK, BLACK}};
        for (int r = 0; r < 2; r++)
            for (int x = 0; x < 4; x++) img.setRGB(x, r, rows[r][x]);
        Path f = dir.resolve("slice.png");
        ImageIO.write(img, "png", f.toFile());
        return f;
    }

    static final String PNG_IMAGE = "  images:\n    - file: slice.png\n      voxel_size: 0.5 um\n      offset: {x: 1 um, z: 3 um}\n"
            + "      colors: {\"#000000\": lif, \"#FFFFFF\": {material: mg, xi: 1, c: 0}}\n";

    static Scenario loadIn(Path dir, String yaml) throws Exception {
        Path f = dir.resolve("case.yaml");
        Files.writeString(f, yaml);
        return ScenarioLoader.load(f, Map.of());
    }

    @Test
    void pngIsPlacedAtItsOffsetNearestNeighbourWithRowsTopDown(@TempDir Path dir) throws Exception {
        png(dir, false);
        InitialState st = build(loadIn(dir, BASE + PNG_IMAGE));
        MaterialMap m = st.materials();
        // x: cells 10..14 -> image column 0, ..., 25..29 -> column 3; z: planes 30..34 -> bottom row, 35..39 -> top row
        assertEquals("mg", m.name(12, 0, 32));
        assertEquals(1.0, st.xi()[m.grid().index(12, 0, 32)]);
        assertEquals(0.0, st.c()[m.grid().index(12, 0, 32)]);
        assertEquals("lif", m.name(12, 0, 37));
        assertEquals(1.0, st.c()[m.grid().index(12, 0, 37)], "c kept from the layer");
        assertEquals("lif", m.name(27, 0, 32));
        assertEquals("mg", m.name(27, 0, 39));
        assertEquals("el", m.name(9, 0, 32));
        assertEquals("el", m.name(30, 0, 32));
        assertEquals("el", m.name(12, 0, 40));
        assertEquals(200, st.report().images().get(0).cells());
    }

    @Test
    void unmappedColourNamesTheImageAndThePixel(@TempDir Path dir) throws Exception {
        Path img = png(dir, true);
        String yaml = BASE + PNG_IMAGE;
        ScenarioException e = assertThrows(ScenarioException.class, () -> loadIn(dir, yaml));
        assertEquals("geometry.images[0].colors", e.keyPath());
        assertEquals(lineOf(yaml, "      colors:"), e.line());
        assertTrue(e.getMessage().contains(img + ": colour #ff0000 (first at pixel x 2, row 0 from the top) has no material"), e.getMessage());
    }

    static Path hdf5(Path dir, String name, byte[][] ids, String[] materials) throws Exception {
        Path f = dir.resolve(name);
        try (WritableHdfFile h = HdfFile.write(f)) {
            WritableDataset ds = h.putDataset("material", ids);
            if (materials != null) ds.putAttribute("materials", materials);
        }
        return f;
    }

    @Test
    void hdf5IdsMapToMaterialsByTheScenarioOrByTheSnapshotsNames(@TempDir Path dir) throws Exception {
        hdf5(dir, "ids.h5", new byte[][] {{0, 1, 1, 0}, {1, 1, 0, 0}}, null); // [z][x], z = 0 is the bottom
        String yaml = BASE + "  images: [{file: ids.h5, voxel_size: 0.5 um, offset: {z: 3 um}, ids: {0: el, 1: lif}}]\n";
        MaterialMap m = build(loadIn(dir, yaml)).materials();
        assertEquals("el", m.name(2, 0, 32));
        assertEquals("lif", m.name(7, 0, 32));
        assertEquals("lif", m.name(2, 0, 37));
        hdf5(dir, "snap.h5", new byte[][] {{2, 1, 1, 2}, {1, 1, 2, 2}}, new String[] {"li", "lif", "mg"});
        MaterialMap m2 = build(loadIn(dir, BASE + "  images: [{file: snap.h5, voxel_size: 0.5 um, offset: {z: 3 um}}]\n")).materials();
        assertEquals("mg", m2.name(2, 0, 32));
        assertEquals("lif", m2.name(7, 0, 32));
        ScenarioException e = assertThrows(ScenarioException.class, () -> loadIn(dir, yaml.replace("ids.h5", "snap.h5")));
        assertTrue(e.getMessage().contains("snap.h5: id 2 (first at voxel [z][y][x] = [0][0][0]) has no material"), e.getMessage());
        ScenarioException missing = assertThrows(ScenarioException.class, () -> loadIn(dir, yaml.replace("ids.h5", "nothere.h5")));
        assertTrue(missing.getMessage().contains("nothere.h5: no such file"), missing.getMessage());
    }

    @Test
    void threeDimensionalImageIsIndexedZYX(@TempDir Path dir) throws Exception {
        try (WritableHdfFile h = HdfFile.write(dir.resolve("cube.h5"))) {
            h.putDataset("material", new byte[][][] {{{0, 1}, {1, 1}}, {{1, 1}, {1, 0}}}); // [z][y][x]
        }
        String yaml = BASE.replace("grid: {dimensions: 2, width: 20 um, height: 10 um, spacing: 0.1 um}", "grid: {dimensions: 3, width: 2 um, depth: 2 um, height: 10 um, spacing: 0.1 um}")
                + "  images: [{file: cube.h5, voxel_size: 1 um, offset: {z: 3 um}, ids: {0: el, 1: lif}}]\n";
        MaterialMap m = build(loadIn(dir, yaml)).materials();
        assertEquals("el", m.name(3, 4, 32));   // voxel [0][0][0]
        assertEquals("lif", m.name(13, 4, 32)); // voxel [0][0][1]
        assertEquals("lif", m.name(3, 14, 32)); // voxel [0][1][0]
        assertEquals("lif", m.name(13, 14, 37)); // voxel [0][1][1]: z 3.75 um is still in the first voxel plane
        assertEquals("el", m.name(13, 14, 42));  // voxel [1][1][1]
        assertEquals("lif", m.name(13, 4, 42));  // voxel [1][0][1]
        assertEquals("el", m.name(3, 4, 52));    // above the image: the layer's el
    }

    @Test
    void imagesMustFitTheGridsDimensionsAndOverlapIt(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("cube.h5");
        try (WritableHdfFile h = HdfFile.write(f)) {
            h.putDataset("material", new byte[][][] {{{0, 1}, {1, 0}}, {{1, 1}, {0, 0}}});
        }
        String yaml = BASE + "  images: [{file: cube.h5, voxel_size: 0.5 um, ids: {0: el, 1: lif}}]\n";
        ScenarioException e = assertThrows(ScenarioException.class, () -> loadIn(dir, yaml));
        assertTrue(e.getMessage().contains("a 3D image cannot be placed on a 2D grid"), e.getMessage());
        png(dir, false);
        // an image whose left edge is at 19.96 um covers no cell centre (the last is at 19.95 um)
        ScenarioException off = assertThrows(ScenarioException.class, () -> loadIn(dir, BASE + PNG_IMAGE.replace("{x: 1 um, z: 3 um}", "{x: 19.96 um, z: 3 um}")));
        assertEquals("geometry.images[0].offset", off.keyPath());
        assertTrue(off.getMessage().contains("no cell of the grid lies in the image"), off.getMessage());
        // the 2 um image from -1.96 um ends at 0.04 um, before the first centre (0.05 um); from -1.94 um it covers one column (10 cells)
        assertThrows(ScenarioException.class, () -> loadIn(dir, BASE + PNG_IMAGE.replace("{x: 1 um, z: 3 um}", "{x: -1.96 um, z: 3 um}")));
        assertEquals(10, build(loadIn(dir, BASE + PNG_IMAGE.replace("{x: 1 um, z: 3 um}", "{x: -1.94 um, z: 3 um}"))).report().images().get(0).cells());
    }

    @Test
    void resolvedScenarioRecordsTheImageDigestAndRejectsAChangedFile(@TempDir Path dir) throws Exception {
        png(dir, false);
        Scenario s = loadIn(dir, BASE + PNG_IMAGE);
        String yaml = ScenarioWriter.toYaml(s);
        assertTrue(yaml.contains("sha256: " + org.lipf.grid.VoxelImage.sha256(dir.resolve("slice.png"))), yaml);
        Path elsewhere = Files.createDirectories(dir.resolve("run"));
        Files.writeString(elsewhere.resolve("scenario.yaml"), yaml);
        assertEquals(s, ScenarioLoader.load(elsewhere.resolve("scenario.yaml"), Map.of()), "absolute path: reloads from the run folder");
        png(dir, true);
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(elsewhere.resolve("scenario.yaml"), Map.of()));
        assertTrue(e.getMessage().contains("has changed since the scenario recorded it"), e.getMessage());
    }

    // ------------------------------------------------------------------------------- particles

    static final String PARTICLES = """
            grid: {dimensions: 2, width: 100 um, height: 40 um, spacing: 0.5 um}
            model: {metal: li}
            materials:
              li:   {library: li-metal}
              sc:   {library: soft-carbon}
              llz:  {library: llzto-cubic-micro}
              el:   {library: lpscl-pellet}
            control: {mode: galvanostatic, current_density: 1 mA/cm^2}
            time: {end: 1 s}
            geometry:
              layers:
                - {material: li, thickness: 5 um, xi: 1, c: 0}
                - {material: sc, thickness: %s}
                - {material: el, thickness: rest}
              particles: [{material: llz, layer: 1, %s}]
            """;

    @Test
    void uniformDiametersStayInTheirRangeAndIsolatedParticlesDoNotPercolate() {
        Scenario s = parse(PARTICLES.formatted("30 um", "diameter_min: 5 um, diameter_max: 8 um, weight_fraction: 30 %, seed: 4, min_gap: 1 um"));
        // library densities: LLZTO 5.1, soft carbon 2.0 g/cm^3
        assertEquals((0.3 / 5.1) / (0.3 / 5.1 + 0.7 / 2.0), s.particleVolumeFraction(0), 1e-12);
        InitialState st = build(s);
        GeometryReport.ParticleResult p = st.report().particles().get(0);
        int llz = st.materials().idOf("llz");
        int components = GeometryBuilderTest.components(st.materials(), llz);
        assertEquals(p.placed(), components);
        // disc areas between pi (2.5 um)^2 and pi (4 um)^2, i.e. 78.5 .. 201 cells of 0.25 um^2, +- rasterisation
        long cells = st.materials().count(llz);
        assertTrue(cells / (double) p.placed() > 70 && cells / (double) p.placed() < 210, cells + " cells in " + p.placed() + " particles");
        GeometryReport.ConnectivityResult c = st.report().connectivity().get(0);
        assertFalse(c.result().percolates());
        assertEquals(p.placed(), c.result().clusters());
        assertTrue(st.report().summary().contains("connectivity of llz in layer 1: does not percolate"), st.report().summary());
        assertEquals(s, ScenarioLoader.parse(ScenarioWriter.toYaml(s), "resolved.yaml", Map.of()));
    }

    @Test
    void particlesAsThickAsTheLayerPercolateThroughIt() {
        InitialState st = build(parse(PARTICLES.formatted("4 um", "diameter: 4 um, volume_fraction: 0.1, seed: 2")));
        assertTrue(st.report().connectivity().get(0).result().percolates());
    }

    @Test
    void uniformAndNormalSizeKeysDoNotMix() {
        ScenarioException e = fails(PARTICLES.formatted("30 um", "diameter: 6 um, diameter_min: 5 um, diameter_max: 8 um, volume_fraction: 0.1"));
        assertEquals("geometry.particles[0].diameter", e.keyPath());
        ScenarioException big = fails(PARTICLES.formatted("6 um", "diameter_min: 5 um, diameter_max: 8 um, volume_fraction: 0.1"));
        assertEquals("geometry.particles[0].diameter_max", big.keyPath());
        assertTrue(big.getMessage().contains("do not fit in layer 1"), big.getMessage());
    }

    /**
     * Nanoparticles that coat the host's grains form one connected shell along the grain boundaries: at a
     * fraction where randomly placed particles stay isolated clusters (9 % here, 30 % for random spheres to
     * percolate) it runs from the bottom of the layer to its top, in 2D and 3D, and meets the volume fraction.
     * The host's grains stay one connected network too (a spanning tree of their contacts is left uncoated),
     * so an electron-conducting host still conducts through the layer.
     */
    @Test
    void particlesOnGrainBoundariesFormOneShellThroughTheLayer() {
        String onBoundaries = "diameter: 1 um, volume_fraction: 0.09, seed: 5, arrangement: grain_boundaries";
        Scenario s = parse(PARTICLES.formatted("30 um", onBoundaries));
        InitialState st = build(s);
        GeometryReport.ParticleResult p = st.report().particles().get(0);
        assertTrue(p.onGrainBoundaries());
        assertEquals(0.09, p.achievedVolumeFraction(), 0.005, "the grain count meets the fraction");
        // 1 um shells of 0.5 um cells: 2 cells, so with every boundary coated the grains would be about 2 x 1 um / 0.09
        // = 22 um across; the uncoated contacts take smaller grains
        assertTrue(p.grainSize_m() > 4e-6 && p.grainSize_m() < 22e-6, "grain size " + p.grainSize_m() + "\n" + st.report().summary());
        Percolation.Result c = st.report().connectivity().get(0).result();
        assertTrue(c.percolates(), st.report().summary());
        assertTrue(c.clustersOnTop() >= c.clusters() - 2, "nearly all of the shell hangs from the top (the ions' side): " + st.report().summary());
        GeometryReport.ConnectivityResult host = st.report().connectivity().get(1);
        assertEquals("sc", host.material());
        assertTrue(host.result().percolates(), st.report().summary());
        assertEquals(host.result().clusters(), host.result().clustersOnBottom(), "every host grain reaches the bottom (the electrons' side): " + st.report().summary());
        assertTrue(st.report().summary().contains("a shell on the boundaries of " + p.placed() + " grains"), st.report().summary());
        assertEquals(s, ScenarioLoader.parse(ScenarioWriter.toYaml(s), "resolved.yaml", Map.of()), "round trip");
        // the same seed draws the same shell; random placement at the same fraction does not percolate
        assertEquals(st.materials().count(st.materials().idOf("llz")), build(s).materials().count(st.materials().idOf("llz")));
        InitialState random = build(parse(PARTICLES.formatted("30 um", "diameter: 1 um, volume_fraction: 0.09, seed: 5")));
        assertFalse(random.report().connectivity().get(0).result().percolates());

        // a shell widened to 4 cells (2 um on 0.5 um cells) leaves the open contacts open
        InitialState wide = build(parse(PARTICLES.formatted("30 um", "diameter: 2 um, volume_fraction: 0.15, seed: 5, arrangement: grain_boundaries")));
        Percolation.Result wideHost = wide.report().connectivity().get(1).result();
        assertTrue(wide.report().connectivity().get(0).result().percolates(), wide.report().summary());
        assertTrue(wideHost.percolates(), wide.report().summary());
        assertEquals(wideHost.clusters(), wideHost.clustersOnBottom(), wide.report().summary());

        // 3D: 2-cell shells are about 6 cells / grain size of the volume, so 0.3 takes 20-cell grains
        String in3D = PARTICLES.replace("dimensions: 2, width: 100 um", "dimensions: 3, width: 40 um, depth: 40 um").replace("spacing: 0.5 um", "spacing: 1 um");
        InitialState st3 = build(parse(in3D.formatted("20 um", "diameter: 2 um, volume_fraction: 0.3, seed: 5, arrangement: grain_boundaries")));
        assertEquals(0.3, st3.report().particles().get(0).achievedVolumeFraction(), 0.02, st3.report().summary());
        assertTrue(st3.report().connectivity().get(0).result().percolates(), st3.report().summary());
        Percolation.Result host3 = st3.report().connectivity().get(1).result();
        assertTrue(host3.percolates(), st3.report().summary());
        assertEquals(host3.clusters(), host3.clustersOnBottom(), st3.report().summary());
    }

    /**
     * Particles that would build nothing, or something other than written: a fraction under half a cell of the layer (no particle placed),
     * a diameter under a cell (each particle drawn as a whole cell), a shell nearer none than the thinnest one of the layer's grains.
     */
    @Test
    void particlesThatWouldBuildNothingOrCellsInsteadAreErrors() {
        // layer 1 of 5 um: 200 x 10 = 2000 cells; 0.02 % is 0.4 of a cell
        ScenarioException few = fails(PARTICLES.formatted("5 um", "diameter: 1 um, volume_fraction: 0.02 %"));
        assertEquals("geometry.particles[0].volume_fraction", few.keyPath());
        assertTrue(few.getMessage().contains("less than half a cell: no particle would be placed") && few.getMessage().contains("at least 0.00025"),
                few.getMessage());
        assertEquals(1, build(parse(PARTICLES.formatted("5 um", "diameter: 1 um, volume_fraction: 0.03 %"))).report().particles().get(0).placed());
        ScenarioException small = fails(PARTICLES.formatted("5 um", "diameter: 0.3 um, volume_fraction: 10 %"));
        assertEquals("geometry.particles[0].diameter", small.keyPath());
        assertTrue(small.getMessage().contains("smaller than a grid cell (0.5 um)"), small.getMessage());
        assertEquals("geometry.particles[0].diameter_max", fails(PARTICLES.formatted("5 um", "diameter_min: 0.2 um, diameter_max: 0.6 um, volume_fraction: 10 %")).keyPath());
        ScenarioException shell = assertThrows(ScenarioException.class,
                () -> build(parse(PARTICLES.formatted("5 um", "diameter: 1 um, volume_fraction: 0.2 %, arrangement: grain_boundaries"))));
        assertEquals("geometry.particles[0].volume_fraction", shell.keyPath(), shell.getMessage());
        assertTrue(shell.getMessage().contains("nearer none than the thinnest shell"), shell.getMessage());
    }

    /**
     * The scenario of an existing run (post-processing, a restart: its geometry is in its snapshots) is read without the
     * refusals of what a new geometry would draw, so that runs made before them stay readable; a new run still gets them.
     */
    @Test
    void anExistingRunsScenarioIsReadWithoutTheRefusalsOfWhatANewGeometryWouldDraw(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
        String[] drawOtherwise = {PARTICLES.formatted("5 um", "diameter: 0.3 um, volume_fraction: 10 %"), PARTICLES.formatted("5 um", "diameter: 1 um, volume_fraction: 0.02 %"),
                BASE + GRADIENT.formatted("").replace("0.5 um", "30 nm")};
        for (String yaml : drawOtherwise) {
            java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("scenario.yaml"), yaml);
            assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file, Map.of()), yaml);
            assertNotNull(ScenarioLoader.loadRecorded(file, Map.of()), yaml);
        }
    }

    @Test
    void particlesOnGrainBoundariesTakeOneDiameter() {
        ScenarioException e = fails(PARTICLES.formatted("30 um", "diameter: 1 um, diameter_std: 0.1 um, volume_fraction: 0.09, arrangement: grain_boundaries"));
        assertEquals("geometry.particles[0].diameter_std", e.keyPath());
        assertTrue(e.getMessage().contains("one diameter"), e.getMessage());
        ScenarioException kind = fails(PARTICLES.formatted("30 um", "diameter: 1 um, volume_fraction: 0.09, arrangement: boundaries"));
        assertEquals("geometry.particles[0].arrangement", kind.keyPath());
        assertTrue(kind.getMessage().contains("random, grain_boundaries"), kind.getMessage());
    }
}
