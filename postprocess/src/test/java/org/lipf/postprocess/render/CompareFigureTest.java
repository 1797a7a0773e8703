package org.lipf.postprocess.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.FontMetrics;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lipf.postprocess.RunFolder;
import org.lipf.postprocess.SyntheticRun;

class CompareFigureTest {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    @TempDir
    Path tmp;

    /** A run folder of {@link SyntheticRun#CELL_2D} (scenario name "synthetic") with snapshots at 0 and 0.01 s. */
    static RunFolder run(Path dir) throws Exception {
        SyntheticRun.create(dir, SyntheticRun.CELL_2D);
        double[] xi = RenderTest.layerAndDisc();
        SyntheticRun.write(dir, 0, 0, xi, SyntheticRun.layeredMaterial(), null, null);
        SyntheticRun.write(dir, 10, 0.01, xi, SyntheticRun.layeredMaterial(), null, null);
        return RunFolder.open(dir);
    }

    @Test
    void runsOfOneScenarioAreLabelledByTheirFolders() throws Exception {
        List<CompareFigure.Column> columns = CompareFigure.at(List.of(run(tmp.resolve("a/run")), run(tmp.resolve("b/run"))), CompareTarget.time(0.01));
        assertEquals(List.of("a/run", "b/run"), columns.stream().map(CompareFigure.Column::label).toList());
        assertEquals(List.of("", "a/run", "b/run"), CompareFigure.table(columns).get(0));
    }

    @Test
    void longFolderNamesAreShortenedToThePictureBox() throws Exception {
        int[] widths = new int[2];
        for (int n = 0; n < 2; n++) {
            String name = "bare-li-lpscl-".repeat(8 * (n + 1));
            List<CompareFigure.Column> columns = CompareFigure.at(List.of(run(tmp.resolve("x" + n).resolve(name)),
                    run(tmp.resolve("y" + n).resolve(name + "sc"))), CompareTarget.time(0.01));
            widths[n] = CompareFigure.draw(columns, CompareTarget.time(0.01), "title").getWidth();
        }
        assertEquals(widths[0], widths[1], "labels of 112 and 224 characters both fit their boxes");
        assertTrue(widths[0] < 3 * CompareFigure.BOX_WIDTH_PX, "two boxes, the table's first column and margins: " + widths[0]);
    }

    @Test
    void eachRunShowsItsClosestSnapshotWhichIsNearTheTargetWithinOnePercent() throws Exception {
        List<RunFolder> runs = List.of(run(tmp.resolve("run")));
        CompareFigure.Column late = CompareFigure.at(runs, CompareTarget.time(100)).get(0);
        assertEquals(0.01, late.at());
        assertEquals(10, late.snapshot().step());
        assertFalse(CompareTarget.time(100).near(late.at()));
        assertTrue(CompareTarget.time(0.0101).near(0.01));
        assertFalse(CompareTarget.time(0.0102).near(0.01));
        assertTrue(CompareTarget.time(0).near(0));
        // SyntheticRun's snapshots passed 100 C/m^2 per s: 1 C/m^2 at 0.01 s
        CompareFigure.Column byCharge = CompareFigure.at(runs, CompareTarget.charge(0.9)).get(0);
        assertEquals(1.0, byCharge.at(), 1e-12);
        assertEquals("t = 0.01 s", CompareTarget.time(0.01).describe(0.01));
        assertEquals("0.5 mAh/cm\u00b2", CompareTarget.charge(18000).describe(18000));
    }

    @Test
    void aLongTitleWrapsToThePicturesWidthAndStaysInsideTheFigure() throws Exception {
        List<CompareFigure.Column> columns = CompareFigure.at(List.of(run(tmp.resolve("a")), run(tmp.resolve("b"))), CompareTarget.time(0.01));
        String title = "Comparison at t = 0.01 s (the latest time all runs reached): each run's closest snapshot, its time above it";
        BufferedImage img = CompareFigure.draw(columns, CompareTarget.time(0.01), title);
        assertEquals(CompareFigure.draw(columns, CompareTarget.time(0.01), "short").getWidth(), img.getWidth(),
                "the title does not widen the figure");
        // the title's ink ends a margin short of the right edge
        FontMetrics fm = Frame.graphics(img).getFontMetrics(Frame.TITLE_FONT);
        int lastInk = 0;
        for (int y = 0; y < Frame.MARGIN + 2 * fm.getHeight(); y++)
            for (int x = 0; x < img.getWidth(); x++) if ((img.getRGB(x, y) & 0xFF) < 128) lastInk = Math.max(lastInk, x);
        assertTrue(lastInk < img.getWidth() - Frame.MARGIN, lastInk + " in " + img.getWidth());
    }

    @Test
    void wrappedTextKeepsEveryWordAndFillsLinesUpToTheWidth() {
        FontMetrics fm = Frame.graphics(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB)).getFontMetrics();
        String text = "Comparison at 0.5 mAh/cm\u00b2 passed: each run's closest snapshot, its charge above it";
        int max = fm.stringWidth(text) / 2;
        List<String> lines = TextFit.wrap(text, fm, max);
        assertTrue(lines.size() >= 2, lines.toString());
        assertEquals(text, String.join(" ", lines));
        for (String line : lines) assertTrue(fm.stringWidth(line) <= max, line);
        for (int n = 0; n + 1 < lines.size(); n++) // no line could have taken the next one's first word
            assertTrue(fm.stringWidth(lines.get(n) + " " + lines.get(n + 1).split(" ")[0]) > max, lines.toString());
        assertEquals(List.of("overlong-word", "a"), TextFit.wrap("overlong-word a", fm, 1));
        assertEquals(List.of(text), TextFit.wrap(text, fm, fm.stringWidth(text)));
    }

    @Test
    void shortenedTextKeepsItsStartAndEnd() {
        FontMetrics fm = Frame.graphics(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB)).getFontMetrics();
        String text = "bare-li-lpscl-coated-interlayer-5mA";
        assertEquals(text, TextFit.middle(text, fm, fm.stringWidth(text)));
        String fit = TextFit.middle(text, fm, fm.stringWidth(text) / 2);
        assertTrue(fm.stringWidth(fit) <= fm.stringWidth(text) / 2, fit);
        assertTrue(fit.startsWith("bare-") && fit.endsWith("-5mA") && fit.contains(TextFit.ELLIPSIS), fit);
    }
}
