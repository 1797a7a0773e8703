package org.lipf.postprocess.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lipf.cli.Lipf;
import org.lipf.cli.RunDriver;
import org.lipf.output.Snapshot;
import org.lipf.postprocess.RunFolder;
import org.lipf.postprocess.RunFolderException;
import org.lipf.postprocess.SyntheticRun;

/**
 * {@code lipf render --field film_resistance}: the film on the metal of each column, on a colour scale over its finite
 * values, grey where it blocks the ions (NaN in the snapshot; Infinity in runs written before).
 */
class FilmResistanceRenderTest {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    @TempDir
    Path tmp;

    /** Columns 0-3 open (a crack, 0), 4-11 covered by 2e-4 ohm m^2 (2 ohm cm^2), 12-15 blocked ({@code blocked}); Li below row 8. */
    private Snapshot write(Path run, double blocked) throws Exception {
        SyntheticRun.create(run, SyntheticRun.CELL_2D);
        int nx = SyntheticRun.NX, cells = nx * SyntheticRun.NZ;
        double[] xi = new double[cells], film = new double[cells];
        for (int P = 0; P < cells; P++) {
            int i = P % nx;
            xi[P] = P < 8 * nx ? 1 : 0;
            film[P] = i < 4 ? 0 : i < 12 ? 2e-4 : blocked;
        }
        return SyntheticRun.write(run, 0, 0, xi, SyntheticRun.layeredMaterial(), Map.of(RunDriver.FILM_FIELD, film));
    }

    @Test
    void eachColumnShowsItsFilmOnAScaleOfTheFiniteValuesAndABlockingOneInGrey() throws Exception {
        for (double blocked : new double[] {Double.NaN, Double.POSITIVE_INFINITY}) {
            Path run = tmp.resolve("run" + blocked);
            Snapshot s = write(run, blocked);
            Renderer r = new Renderer(RunFolder.open(run), FieldKind.FILM_RESISTANCE, s.materialNames(), SlicePositions.MID);
            ColorScale scale = r.scale(s);
            assertEquals(0, scale.min(), 0);
            assertEquals(2, scale.max(), 1e-12, "ohm cm^2");
            double ppc = 10;
            BufferedImage img = r.panelsAt(s, scale, ppc).get(0).image();
            int top = 5; // a pixel row near the top, far from the metal's outline
            assertEquals(ColorMap.VIRIDIS.rgb(0), img.getRGB(15, top) & 0xFFFFFF, "open column, R = 0");
            assertEquals(ColorMap.VIRIDIS.rgb(1), img.getRGB(75, top) & 0xFFFFFF, "covered column, the top of the scale");
            assertEquals(ColorScale.NO_VALUE, img.getRGB(145, top) & 0xFFFFFF, "blocking column (" + blocked + ")");
            assertEquals(0, Lipf.execute("render", run.toString(), "--field", "film_resistance"));
            assertTrue(Files.isRegularFile(run.resolve("figures/film_resistance_step_00000000.png")));
        }
        // grey is no colour of either map
        for (int n = 0; n <= 255; n++) {
            assertNotEquals(ColorScale.NO_VALUE, ColorMap.VIRIDIS.rgb(n / 255.0));
            assertNotEquals(ColorScale.NO_VALUE, ColorMap.INFERNO.rgb(n / 255.0));
        }
    }

    @Test
    void aRunWithoutAFilmOnTheMetalSaysSo() throws Exception {
        Path run = SyntheticRun.create(tmp.resolve("bare"), SyntheticRun.CELL_2D);
        Snapshot s = SyntheticRun.write(run, 0, 0, new double[SyntheticRun.NX * SyntheticRun.NZ], SyntheticRun.layeredMaterial(), null, null);
        Renderer r = new Renderer(RunFolder.open(run), FieldKind.FILM_RESISTANCE, s.materialNames(), SlicePositions.MID);
        RunFolderException e = assertThrows(RunFolderException.class, () -> r.scale(s));
        assertTrue(e.getMessage().startsWith("--field film_resistance: the snapshots hold no film_resistance_ohm_m2"), e.getMessage());
        assertEquals(Lipf.EXIT_BAD_INPUT, Lipf.execute("render", run.toString(), "--field", "film_resistance"));
    }
}
