package org.lipf.postprocess.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lipf.cli.Lipf;
import org.lipf.output.Snapshot;
import org.lipf.postprocess.RunFolder;
import org.lipf.postprocess.SyntheticRun;
import org.lipf.postprocess.TimeSeriesTable;
import org.lipf.postprocess.render.DerivedFields;

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
    }

    @Test
    void reconstructedCurrentThroughTheCounterBoundaryIsTheSolversCounterCurrent() throws Exception {
        RunFolder folder = RunFolder.open(run);
        Snapshot last = folder.read(folder.snapshots().size() - 1);
        double[] i = DerivedFields.currentDensity_A_per_m2(last, folder.scenario());
        int nx = last.shape()[1], top = (last.shape()[0] - 1) * nx;
        double mean = 0;
        for (int x = 0; x < nx; x++) mean += i[top + x] / nx;
        double counter = last.extraDouble("counter_current_A_per_m2");
        assertTrue(counter > 100, "a run that passes current: " + counter);
        // the top cells average the boundary face and the face below them: equal to 1 %
        assertEquals(Math.abs(counter), mean, 0.01 * Math.abs(counter));
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
