package org.lipf.postprocess.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lipf.cli.Lipf;
import org.lipf.cli.RunDriver;
import org.lipf.output.Snapshot;
import org.lipf.postprocess.RunFolder;
import org.lipf.postprocess.SyntheticRun;
import org.lipf.postprocess.TimeSeriesTable;
import org.lipf.postprocess.render.CompareFigure;
import org.lipf.postprocess.render.CompareTarget;
import org.lipf.postprocess.render.DerivedFields;
import org.lipf.postprocess.render.FieldKind;
import org.lipf.postprocess.render.Panel;
import org.lipf.postprocess.render.PanelAxes;
import org.lipf.postprocess.render.Renderer;
import org.lipf.postprocess.render.SlicePositions;

/** The four verbs through {@code Lipf.execute}, on a real tiny run and on bad input. */
class PostprocessCliTest {
    @TempDir
    static Path shared;
    static Path run;

    record Result(int exitCode, String out, String err) {
    }

    static Result lipf(String... args) {
        PrintStream savedOut = System.out, savedErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8); PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            System.setOut(o);
            System.setErr(e);
            int code = Lipf.execute(args);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
    }

    static Result ok(String... args) {
        Result r = lipf(args);
        assertEquals(0, r.exitCode(), () -> "lipf " + String.join(" ", args) + ":\n" + r.err());
        return r;
    }

    @BeforeAll
    static void runTinyScenario() throws Exception {
        Path yaml = shared.resolve("tiny.yaml");
        Files.writeString(yaml, SyntheticRun.CELL_2D, StandardCharsets.UTF_8);
        run = shared.resolve("run");
        ok("run", yaml.toString(), "-o", run.toString(), "--threads", "1");
    }

    @Test
    void metricsOfARealRunAgreeWithTheSolversTimeSeries() throws Exception {
        Result r = ok("metrics", run.toString());
        assertTrue(r.out().contains("front [um]"), r.out());
        TimeSeriesTable m = TimeSeriesTable.read(run.resolve(RunFolder.METRICS_FILE));
        TimeSeriesTable ts = RunFolder.open(run).timeSeries();
        assertEquals(RunFolder.open(run).snapshots().size(), m.rowCount());
        double[] mt = m.column("time_s"), tt = ts.column("time_s");
        int matched = 0;
        for (int n = 0; n < mt.length; n++)
            for (int k = 0; k < tt.length; k++) {
                if (tt[k] != mt[n]) continue;
                matched++;
                // the same sums as the solver's, over the same snapshot state
                assertEquals(ts.column("front_height_m")[k], m.column("front_height_m")[n], 1e-12 * 8e-6);
                assertEquals(ts.column("penetration_m")[k], m.column("penetration_m")[n], 1e-12 * 8e-6);
                assertEquals(ts.column("deposited_li_volume_m3_per_m2")[k], m.column("deposited_li_volume_m3_per_m2")[n], 1e-9 * 8e-6);
                assertEquals(ts.column("short")[k], m.column("short")[n], 0);
            }
        assertEquals(mt.length, matched, "every snapshot time has a time-series row");
        double[] s1 = m.column("share_layer1_li"), s2 = m.column("share_layer2_lpscl");
        int last = s1.length - 1;
        assertEquals(1, s1[last] + s2[last], 1e-12);
        assertEquals(1, m.column("share_material_li")[last] + m.column("share_material_lpscl")[last], 1e-12);
    }

    /**
     * A short by Li intrusion (a Li-filled crack that crosses the pellet, solver docs/MODEL.md section 4.2) shows in no
     * metal field: the metrics take it from the snapshot the solver wrote at the short, as the time series does.
     */
    @Test
    void aCrackThroughThePelletIsAShortInTheMetricsAsInTheTimeSeries() throws Exception {
        // the shipped bare Li / LPSCl cell in a 2 x 6 um window with no pellet beyond it, above the flaws' limit (2.7 mA/cm^2
        // for a flat front at 300 K)
        Path cracked = shared.resolve("cracked");
        ok("run", Path.of("..", "scenarios", "bare-li-lpscl.yaml").toString(), "-o", cracked.toString(), "--threads", "1",
                "--set", "grid={dimensions: 2, width: 2 um, height: 6 um, spacing: 0.25 um}", "--set", "model.interface_width=0.5 um",
                "--set", "geometry.electrolyte_beyond_top=0 um", "--set", "geometry.layers[0].thickness=2 um", "--set", "geometry.nuclei=[]",
                "--set", "control.current_density=4 mA/cm^2",
                "--set", "time={integrator: semi_implicit, end: 150 s, max_step: 0.5 s, output_interval: 20 s}");
        ok("metrics", cracked.toString());
        TimeSeriesTable m = TimeSeriesTable.read(cracked.resolve(RunFolder.METRICS_FILE));
        TimeSeriesTable ts = RunFolder.open(cracked).timeSeries();
        double[] shortFlags = m.column("short"), tsShort = ts.column("short");
        assertEquals(1, tsShort[tsShort.length - 1], "the run shorted");
        assertEquals(1, shortFlags[shortFlags.length - 1], "the last snapshot, written at the short");
        for (int n = 0; n < shortFlags.length - 1; n++) assertEquals(0, shortFlags[n], "no short before, snapshot " + n);
        assertEquals(0, m.column("isolated_components")[shortFlags.length - 1], "no metal bridge: the crack is below the grid");
    }

    /**
     * A 3D frame maps the deposition current of each column: the shipped 3D LiF example shrunk to 4 x 4 x 8 um with one
     * crack along y in its nearly blocking film (on the metal: it builds no cells, so no slice shows it). Every column
     * of the crack is drawn brighter (inferno: higher current) than every covered column.
     */
    @Test
    void aThreeDimensionalFrameMapsTheDepositionCurrentBrightOnTheFilmsCrack(@TempDir Path tmp) throws Exception {
        Path film = tmp.resolve("film3d");
        ok("run", Path.of("..", "scenarios", "examples", "lif-50nm-3d.yaml").toString(), "-o", film.toString(), "--threads", "1",
                "--set", "grid={dimensions: 3, width: 4 um, depth: 4 um, height: 8 um, spacing: 0.25 um}",
                "--set", "geometry.layers[0].thickness=2 um",
                "--set", "geometry.coatings[0]={material: lif, layer: 0, thickness: 50 nm, on_metal: true, cracks: 1, crack_width: 0.5 um, "
                        + "crack_direction: y, seed: 5}",
                "--set", "time={integrator: semi_implicit, end: 1 s, max_step: 0.5 s, output_interval: 1 s}");
        RunFolder folder = RunFolder.open(film);
        org.lipf.scenario.Scenario scenario = folder.scenario();
        double[] thickness_m = org.lipf.grid.GeometryBuilder.build(scenario, scenario.grid().toGrid()).report().coatings().get(0).thickness_m();
        Snapshot last = folder.read(folder.snapshots().size() - 1);
        int ppc = 4;
        List<Panel> panels = new Renderer(folder, FieldKind.XI, last.materialNames(), SlicePositions.MID).panelsAt(last, null, ppc);
        assertEquals(5, panels.size(), "x-z, y-z, x-y, front height, deposition current");
        Panel map = panels.get(4);
        assertTrue(map.caption().contains("deposition current"), map.caption());
        int n = 16;
        double brightestCovered = -1, dimmestBare = Double.MAX_VALUE;
        int bare = 0;
        for (int j = 0; j < n; j++)
            for (int i = 0; i < n; i++) {
                // the crack runs along y: a column's row in the picture does not matter
                int rgb = map.image().getRGB(i * ppc + ppc / 2, j * ppc + ppc / 2);
                double luminance = 0.2126 * (rgb >> 16 & 0xFF) + 0.7152 * (rgb >> 8 & 0xFF) + 0.0722 * (rgb & 0xFF);
                if (thickness_m[j * n + i] > 0) brightestCovered = Math.max(brightestCovered, luminance);
                else {
                    dimmestBare = Math.min(dimmestBare, luminance);
                    bare++;
                }
            }
        assertEquals(2 * n, bare, "a crack two cells wide along y");
        assertTrue(dimmestBare > brightestCovered + 50, "crack " + dimmestBare + ", film " + brightestCovered);
    }

    /** The compare table gives each run's largest column current and current constriction, as metrics measures them. */
    @Test
    void compareTableGivesTheCurrentConstrictionOfTheMetrics() throws Exception {
        RunFolder folder = RunFolder.open(run);
        List<CompareFigure.Column> columns = CompareFigure.at(List.of(folder), CompareTarget.time(0.04));
        org.lipf.postprocess.metrics.SnapshotMetrics m = columns.get(0).metrics();
        assertTrue(m.currentConstriction() > 1, "the nucleus draws the current: " + m.currentConstriction());
        List<List<String>> table = CompareFigure.table(columns);
        assertTrue(table.contains(List.of("current constriction", String.format(java.util.Locale.ROOT, "%.3g", m.currentConstriction()))), table.toString());
        assertTrue(table.contains(List.of("largest column current [mA/cm\u00b2]",
                String.format(java.util.Locale.ROOT, "%.3g", m.maxLocalCurrent_A_per_m2() / 10))), table.toString());
    }

    @Test
    void reconstructedCurrentCarriesTheSolversCounterCurrentThroughEveryPlane() throws Exception {
        assertEveryPlaneCarriesTheCounterCurrent(RunFolder.open(run), 100, 1e-4);
    }

    /**
     * The shipped soft-carbon host (dispersed sub-grid metal, docs/MODEL.md section 3.6) shrunk to a 1 x 8 um window:
     * the Li dispersed in the host's pores conducts the current, so the rebuilt field must count it (without it the
     * layer carried a tenth of the cell's 5 mA/cm^2).
     */
    @Test
    void reconstructedCurrentCountsTheDispersedMetal(@TempDir Path tmp) throws Exception {
        Path sc = tmp.resolve("sc");
        ok("run", Path.of("..", "scenarios", "sc.yaml").toString(), "-o", sc.toString(), "--threads", "1",
                "--set", "grid={dimensions: 2, width: 1 um, height: 8 um, spacing: 0.1 um}", "--set", "geometry.layers[0].thickness=2 um",
                "--set", "geometry.layers[2].thickness=3.5 um", "--set", "geometry.electrolyte_beyond_top=0 um",
                "--set", "time.end=4 s", "--set", "time.output_interval=2 s");
        RunFolder folder = RunFolder.open(sc);
        double dispersed = Arrays.stream(folder.read(folder.snapshots().size() - 1).field(RunDriver.DISPERSED_FIELD)).max().orElse(0);
        assertTrue(dispersed > 0.1, "the host holds dispersed metal: " + dispersed);
        // 1e-3: the 2 um of Li metal carry the current on nanovolt differences of phi_s, which the solve resolves to 1.2e-4
        // of it here; the host's planes carried 2 to 11 % of it before the fix, every plane within 1e-5 of it after
        assertEveryPlaneCarriesTheCounterCurrent(folder, 49, 1e-3);
    }

    /**
     * Charge conservation of the discrete fluxes rebuilt from the last snapshot: ionic plus electronic current
     * through any horizontal plane is the current through the counter boundary (to the solver's tolerance, relative).
     */
    private static void assertEveryPlaneCarriesTheCounterCurrent(RunFolder folder, double minCurrent_A_per_m2, double tolerance) throws Exception {
        Snapshot last = folder.read(folder.snapshots().size() - 1);
        double[][] i = DerivedFields.currentVector_A_per_m2(last, folder.scenario());
        int nz = last.shape()[0], nx = last.shape()[1];
        double counter = last.extraDouble("counter_current_A_per_m2");
        assertTrue(counter > minCurrent_A_per_m2, "a run that passes current: " + counter);
        for (int k = 0; k < nz; k++) {
            double mean = 0;
            for (int x = 0; x < nx; x++) mean += i[2][k * nx + x] / nx;
            assertEquals(-counter, mean, tolerance * counter, "plane k = " + k);
        }
    }

    @Test
    void renderPlotAndCompareWriteImages() throws Exception {
        ok("render", run.toString(), "--every", "2", "--animate");
        List<Path> snaps = RunFolder.open(run).snapshots();
        Path last = run.resolve("figures").resolve("xi_" + snaps.get(snaps.size() - 1).getFileName().toString().replace(".h5", ".png"));
        assertTrue(Files.isRegularFile(last), last.toString());
        assertTrue(Files.isRegularFile(run.resolve("figures/xi.gif")));
        for (String field : List.of("c", "phi_l", "phi_s", "eta", "current")) {
            ok("render", run.toString(), "--field", field, "--every", "100");
            assertTrue(Files.isRegularFile(run.resolve("figures/" + field + "_step_00000000.png")), field);
        }
        ok("plot", run.toString());
        assertTrue(ImageIO.read(run.resolve("figures/timeseries.png").toFile()).getHeight() > 400);
        Path cmp = shared.resolve("cmp.png");
        ok("compare", run.toString(), run.toString(), "--at-time", "0.02", "-o", cmp.toString());
        assertTrue(ImageIO.read(cmp.toFile()).getWidth() > 200);
        ok("compare", run.toString(), "--at-charge", "1e-3", "-o", cmp.toString());
    }

    /** --at-time and --at-charge take values with units, as the scenario does; bare numbers are in s and mAh/cm^2. */
    @Test
    void compareTakesTimesAndChargesWithUnits() throws Exception {
        Path cmp = shared.resolve("units.png");
        ok("compare", run.toString(), "--at-time", "20 ms", "-o", cmp.toString());
        ok("compare", run.toString(), "--at-charge", "3.6 C/cm^2", "-o", cmp.toString());
        ok("compare", run.toString(), "--at-charge", "1e-3", "-o", cmp.toString());
        // a stripping run's passed charge is negative: the plating run's closest snapshot is its first, with a warning
        assertTrue(ok("compare", run.toString(), "--at-charge", "-1e-3", "-o", cmp.toString()).err().contains("warning: "));
        for (String[] bad : List.of(new String[] {"--at-time", "4 V"}, new String[] {"--at-time", "4 parsecs"},
                new String[] {"--at-charge", "1 mA/cm^2"}, new String[] {"--at-time", "-5"})) {
            Result r = lipf("compare", run.toString(), bad[0], bad[1], "-o", cmp.toString());
            assertEquals(Lipf.EXIT_BAD_INPUT, r.exitCode(), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().startsWith("error: " + bad[0] + ": "), r.err());
        }
    }

    /** A run compared alone: the picture goes beside its other pictures, not into the working directory. */
    @Test
    void aRunComparedAloneGoesIntoItsFiguresFolder() throws Exception {
        Result r = ok("compare", run.toString(), "--at-time", "0.02");
        Path png = run.resolve("figures").resolve(CompareCommand.FILE_NAME);
        assertTrue(ImageIO.read(png.toFile()).getWidth() > 200, png.toString());
        assertTrue(r.err().contains("lipf: comparison of 1 run written to " + png), r.err());
    }

    /**
     * A time beyond the end of a run shows its last snapshot: the title says what was asked and that each picture
     * is its run's closest snapshot, and each run whose snapshot is not within 1 % gets a warning line.
     */
    @Test
    void compareWarnsOfRunsWithoutASnapshotNearTheRequestedTime() throws Exception {
        Path cmp = shared.resolve("late.png");
        Result late = ok("compare", run.toString(), run.toString(), "--at-time", "100 s", "-o", cmp.toString());
        List<String> warnings = late.err().lines().filter(l -> l.startsWith("warning: ")).toList();
        assertEquals(List.of("warning: run: its closest snapshot is at t = 0.04 s, not t = 100 s",
                "warning: run (2): its closest snapshot is at t = 0.04 s, not t = 100 s"), warnings, late.err());
        assertFalse(ok("compare", run.toString(), "--at-time", "0.02", "-o", cmp.toString()).err().contains("warning"));
        assertFalse(ok("compare", run.toString(), "-o", cmp.toString()).err().contains("warning"));
        assertEquals("Comparison at t = 0.3 s (the latest time all runs reached): each run's closest snapshot, its time above it",
                CompareCommand.title(CompareTarget.time(0.3), true));
        assertEquals("Comparison at 0.5 mAh/cm\u00b2 passed: each run's closest snapshot where its charge first reaches it, its charge above it",
                CompareCommand.title(CompareTarget.charge(18000), false));
        assertEquals("Comparison at 0.5 mAh/cm\u00b2 stripped in cycle 3: each run's closest snapshot, its charge above it",
                CompareCommand.title(CompareTarget.chargeInCycle(-18000, 3), false));
    }

    /** A net charge recurs in every cycle: compare says so and shows the first; --cycle picks a cycle's half. */
    @Test
    void compareOfACyclingRunNamesTheAmbiguityOfANetChargeAndTakesACycle() throws Exception {
        Path cyc = SyntheticRun.cycling(shared.resolve("cycling"), 21.6, 0);
        Path png = shared.resolve("cyc.png");
        Result first = ok("compare", cyc.toString(), "--at-charge", "0.0005", "-o", png.toString());
        assertEquals(List.of("note: cycling: its passed charge reaches 0.0005 mAh/cm\u00b2 6 times in its snapshots (it plates and strips in turn); shown: the first, "
                + "at t = 1.8 s (--cycle N counts the charge plated, or negative stripped, in cycle N)"),
                first.err().lines().filter(l -> l.startsWith("note") || l.startsWith("warning")).toList(), first.err());
        Result second = ok("compare", cyc.toString(), "--at-charge", "-0.0005 mAh/cm^2", "--cycle", "2", "-o", png.toString());
        assertFalse(second.err().contains("note") || second.err().contains("warning"), second.err());
        // a stripped amount asked for as a net charge, which the run never reaches: the warning points to --cycle
        Result stripped = ok("compare", cyc.toString(), "--at-charge", "-0.0005 mAh/cm^2", "-o", png.toString());
        assertTrue(stripped.err().lines().anyMatch(l -> l.startsWith("warning: cycling: its closest snapshot") && l.endsWith("in cycle N)")), stripped.err());
        for (String[] bad : List.of(new String[] {"--at-charge", "0.0005", "--cycle", "4"}, new String[] {"--cycle", "1"},
                new String[] {"--at-charge", "0.0005", "--cycle", "0"}, new String[] {"--at-charge", "0.002", "--cycle", "1"})) {
            List<String> args = new java.util.ArrayList<>(List.of("compare", cyc.toString(), "-o", png.toString()));
            args.addAll(List.of(bad));
            Result r = lipf(args.toArray(String[]::new));
            assertEquals(Lipf.EXIT_BAD_INPUT, r.exitCode(), r.err());
            assertEquals(1, r.err().lines().filter(l -> !l.startsWith("WARNING")).count(), r.err());
        }
        // a run that does not cycle: --cycle is refused, naming it
        Result plain = lipf("compare", run.toString(), "--at-charge", "0.0005", "--cycle", "1", "-o", png.toString());
        assertTrue(plain.err().contains("has no plating/stripping cycles"), plain.err());
    }

    @Test
    void threeDimensionalRunGivesSlicesAndTheMapsOfFrontHeightAndDepositionCurrent(@TempDir Path tmp) throws Exception {
        String yaml = SyntheticRun.CELL_2D
                .replace("grid: {dimensions: 2, width: 4 um, height: 8 um, spacing: 0.25 um}",
                        "grid: {dimensions: 3, width: 2 um, depth: 2 um, height: 4 um, spacing: 0.25 um}")
                .replace("thickness: 2 um", "thickness: 1 um").replace("{x: 2 um, radius: 1 um}", "{x: 1 um, y: 1 um, radius: 0.5 um}")
                .replace("end: 0.04 s", "end: 0.02 s");
        Path file = tmp.resolve("cell3d.yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        Path run3d = tmp.resolve("run3d");
        ok("run", file.toString(), "-o", run3d.toString(), "--threads", "1");
        Result r = ok("render", run3d.toString(), "--every", "100");
        assertTrue(r.err().contains("fields.xdmf"), r.err());
        ok("render", run3d.toString(), "--every", "100", "--field", "current");
        ok("metrics", run3d.toString());
        RunFolder folder = RunFolder.open(run3d);
        Snapshot last = folder.read(folder.snapshots().size() - 1);
        Renderer renderer = new Renderer(folder, FieldKind.XI, last.materialNames(), SlicePositions.MID);
        List<Panel> panels = renderer.panels(last, null, Renderer.PANEL_3D_PX);
        assertEquals(5, panels.size());
        assertTrue(panels.get(2).caption().startsWith("x-y slice"), panels.get(2).caption());
        assertTrue(panels.get(3).ownLegend() != null, "the height map has its own colour bar");
        assertTrue(panels.get(4).ownLegend() != null, "so has the map of the deposition current");
        assertEquals(List.of("x z", "y z", "x y", "x y", "x y"), panels.stream().map(p -> p.axes().horizontal() + " " + p.axes().vertical()).toList());
        assertEquals(folder.snapshots().size(), TimeSeriesTable.read(run3d.resolve(RunFolder.METRICS_FILE)).rowCount());

        // compared with the 2D run of twice its width and height: the caption names the 3D run's slice, and both are
        // drawn at one scale, so the 2 x 4 um slice is half the 4 x 8 um cross-section's size
        CompareTarget at = CompareTarget.time(0.02);
        List<Panel> compared = CompareFigure.panels(CompareFigure.at(List.of(folder, RunFolder.open(run)), at), SlicePositions.MID);
        assertTrue(compared.get(0).caption().endsWith("  \u00b7  " + panels.get(0).caption()), compared.get(0).caption());
        assertTrue(panels.get(0).caption().startsWith("x-z mid-slice, y = "), panels.get(0).caption());
        assertFalse(compared.get(1).caption().contains("slice"), "a 2D run is its cross-section: " + compared.get(1).caption());
        for (Panel p : compared) assertEquals(new PanelAxes("x", "z"), p.axes());
        assertEquals(compared.get(1).metresPerPixel(), compared.get(0).metresPerPixel(), 1e-3 * compared.get(1).metresPerPixel());
        assertEquals(compared.get(1).image().getHeight(), 2 * compared.get(0).image().getHeight(), 1);
        assertEquals(compared.get(1).image().getWidth(), 2 * compared.get(0).image().getWidth(), 1);

        // the slices placed off the middle (the cells holding x = 0.3 um and y = 1.6 um, centres 0.375 and 1.625 um), render
        // and compare alike; a position outside the 2 x 2 um window, or slices of a 2D run, are refused in one line
        List<Panel> placed = new Renderer(folder, FieldKind.XI, last.materialNames(), new SlicePositions(0.3e-6, 1.6e-6, Double.NaN))
                .panels(last, null, Renderer.PANEL_3D_PX);
        assertEquals(List.of("x-z slice, y = 1.63 \u00b5m", "y-z slice, x = 0.375 \u00b5m"), List.of(placed.get(0).caption(), placed.get(1).caption()));
        ok("render", run3d.toString(), "--every", "100", "--slice-x", "0.3 um", "--slice-y", "1.6");
        Path png = tmp.resolve("c.png");
        ok("compare", run3d.toString(), run.toString(), "--slice-y", "1.6 um", "-o", png.toString());
        assertTrue(CompareFigure.panels(CompareFigure.at(List.of(folder, RunFolder.open(run)), at), new SlicePositions(Double.NaN, 1.6e-6, Double.NaN))
                .get(0).caption().endsWith("  \u00b7  x-z slice, y = 1.63 \u00b5m"));
        for (String[] bad : List.of(new String[] {"render", run3d.toString(), "--slice-x", "2.5 um"},
                new String[] {"compare", run3d.toString(), "--slice-y", "-1 um", "-o", png.toString()},
                new String[] {"render", run.toString(), "--slice-y", "1 um"}, new String[] {"compare", run.toString(), "--slice-y", "1 um", "-o", png.toString()})) {
            Result r3 = lipf(bad);
            assertEquals(Lipf.EXIT_BAD_INPUT, r3.exitCode(), r3.err());
            assertEquals(1, r3.err().lines().filter(l -> !l.startsWith("WARNING")).count(), r3.err());
        }
        assertTrue(lipf("render", run3d.toString(), "--slice-x", "2.5 um").err().contains("--slice-x 2.5 \u00b5m: outside the window of " + run3d
                + ", x from 0 to 2 \u00b5m"));
    }

    @Test
    void badInputGivesOneLineAndExitCode2(@TempDir Path tmp) throws Exception {
        Result notRun = lipf("metrics", tmp.toString());
        assertEquals(Lipf.EXIT_BAD_INPUT, notRun.exitCode());
        assertTrue(notRun.err().contains("is not a LiPF run folder"), notRun.err());
        assertEquals(1, notRun.err().strip().lines().count(), notRun.err());

        Path empty = SyntheticRun.create(tmp.resolve("empty"), SyntheticRun.CELL_2D);
        Result noSnaps = lipf("render", empty.toString());
        assertEquals(Lipf.EXIT_BAD_INPUT, noSnaps.exitCode());
        assertTrue(noSnaps.err().contains("has no snapshots"), noSnaps.err());

        Result field = lipf("render", run.toString(), "--field", "temperature");
        assertEquals(Lipf.EXIT_BAD_INPUT, field.exitCode());
        assertTrue(field.err().contains("unknown field 'temperature'"), field.err());
        assertFalse(field.err().contains("Exception"), field.err());

        assertEquals(Lipf.EXIT_BAD_INPUT, lipf("plot", tmp.resolve("missing").toString()).exitCode());
        assertEquals(Lipf.EXIT_BAD_INPUT, lipf("compare", run.toString(), "--at-time", "1", "--at-charge", "1").exitCode());
        assertEquals(Lipf.EXIT_BAD_INPUT, lipf("render", run.toString(), "--every", "0").exitCode());
    }
}
