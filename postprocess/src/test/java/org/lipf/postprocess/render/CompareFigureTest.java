package org.lipf.postprocess.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.FontMetrics;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lipf.postprocess.RunFolder;
import org.lipf.postprocess.RunFolderException;
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
            widths[n] = CompareFigure.draw(columns, "title", SlicePositions.MID).getWidth();
        }
        assertEquals(widths[0], widths[1], "labels of 112 and 224 characters both fit their boxes");
        assertTrue(widths[0] < 3 * CompareFigure.BOX_WIDTH_PX, "two boxes, the table's first column and margins: " + widths[0]);
    }

    @Test
    void aLabelThatDoesNotFitBesideItsSnapshotStandsOnALineOfItsOwn() throws Exception {
        String name = "bare-li-lpscl-cycling-0.5mA-0.5mAh";
        RunFolder run = RunFolder.open(SyntheticRun.cycling(tmp.resolve(name), 21.6, 0));
        CompareTarget at = CompareTarget.chargeInCycle(-18, 2);
        Panel p = CompareFigure.panels(CompareFigure.at(List.of(run), at), SlicePositions.MID).get(0);
        assertEquals(name + "\ncycle 2, 0.0005 mAh/cm\u00b2 stripped", p.caption());
        // a short one keeps one line
        assertEquals("cyc  \u00b7  cycle 2, 0.0005 mAh/cm\u00b2 stripped",
                CompareFigure.panels(CompareFigure.at(List.of(RunFolder.open(SyntheticRun.cycling(tmp.resolve("cyc"), 21.6, 0))), at),
                        SlicePositions.MID).get(0).caption());
        BufferedImage img = CompareFigure.draw(CompareFigure.at(List.of(run), at), "t", SlicePositions.MID);
        assertTrue(img.getWidth() < 2 * CompareFigure.BOX_WIDTH_PX, "one picture and the table: " + img.getWidth());
    }

    @Test
    void theSharesOfARunContinuedInAnotherFolderSayFromWhenTheyCount() throws Exception {
        // a folder that starts with the restart snapshot at 0.01 s: the shares count the Li deposited after it
        Path dir = SyntheticRun.create(tmp.resolve("continued"), SyntheticRun.CELL_2D);
        double[] xi = RenderTest.layerAndDisc(), more = xi.clone();
        more[8 * SyntheticRun.NX] = 1;
        SyntheticRun.write(dir, 10, 0.01, xi, SyntheticRun.layeredMaterial(), null, null);
        SyntheticRun.write(dir, 20, 0.02, more, SyntheticRun.layeredMaterial(), null, null);
        List<CompareFigure.Column> columns = CompareFigure.at(List.of(RunFolder.open(dir), run(tmp.resolve("fresh"))), CompareTarget.time(0.01));
        List<String> layer2 = CompareFigure.table(columns).stream().filter(r -> r.get(0).startsWith("Li in layer 2")).findFirst().orElseThrow();
        assertEquals(List.of("Li in layer 2 [%]", "- (lpscl, since t = 0.01 s)", "- (lpscl)"), layer2);
        assertEquals(0.01, org.lipf.postprocess.metrics.RunMetrics.compute(dir).sharesFrom_s());
        assertEquals("Where the Li deposited since t = 0.01 s is", org.lipf.postprocess.plot.TimeSeriesFigure.charts(
                timeSeries(dir), org.lipf.postprocess.metrics.RunMetrics.compute(dir)).get(3).chart().getTitle());
    }

    private static org.lipf.postprocess.TimeSeriesTable timeSeries(Path dir) throws Exception {
        SyntheticRun.timeSeries(dir, new double[] {0, 0.01, 0.02});
        return RunFolder.open(dir).timeSeries();
    }

    @Test
    void eachRunShowsItsClosestSnapshotWhichIsNearTheTargetWithinOnePercent() throws Exception {
        List<RunFolder> runs = List.of(run(tmp.resolve("run")));
        CompareFigure.Column late = CompareFigure.at(runs, CompareTarget.time(100)).get(0);
        assertEquals(0.01, late.pick().at());
        assertEquals(10, late.snapshot().step());
        assertFalse(CompareTarget.time(100).near(late.pick().at()));
        assertTrue(CompareTarget.time(0.0101).near(0.01));
        assertFalse(CompareTarget.time(0.0102).near(0.01));
        assertTrue(CompareTarget.time(0).near(0));
        // SyntheticRun's snapshots passed 100 C/m^2 per s: 1 C/m^2 at 0.01 s
        CompareFigure.Column byCharge = CompareFigure.at(runs, CompareTarget.charge(0.9)).get(0);
        assertEquals(1.0, byCharge.pick().at(), 1e-12);
        assertEquals("t = 0.01 s", CompareTarget.time(0.01).describe(0.01));
        assertEquals("0.5 mAh/cm\u00b2", CompareTarget.charge(18000).describe(18000));
    }

    @Test
    void aNetChargeThatRecursInEveryCycleIsShownWhereItIsFirstReached() throws Exception {
        // the charge drifts up by 0.01 C/m^2 per s: 18.1 C/m^2 lies nearer cycle 2's 18.09 (t = 9 s) than cycle 1's 18.018 (t = 1.8 s)
        RunFolder run = RunFolder.open(SyntheticRun.cycling(tmp.resolve("cyc"), 21.6, 0.01));
        CompareTarget.Pick first = CompareTarget.charge(18.1).pick(run);
        assertEquals(1.8, run.read(first.snapshot()).time_s(), 1e-12);
        // plated 1.8 s into cycles 1, 2 and 3, left after 1.8 s of their stripping: six times
        assertEquals(6, first.passages());
        assertTrue(first.near() && first.cycles());
        // a run that only plates reaches it once
        assertEquals(1, CompareTarget.charge(0.9).pick(run(tmp.resolve("plating"))).passages());
        assertEquals(0, CompareTarget.charge(-5).pick(run(tmp.resolve("plating2"))).passages());
    }

    @Test
    void aChargeInACycleCountsFromTheStartOfItsPlatingOrStrippingHalf() throws Exception {
        RunFolder run = RunFolder.open(SyntheticRun.cycling(tmp.resolve("cyc"), 21.6, 0));
        // cycle 2 strips from 10.8 s: 18 C/m^2 (0.0005 mAh/cm^2) stripped at 12.6 s
        CompareTarget.Pick stripped = CompareTarget.chargeInCycle(-18, 2).pick(run);
        assertEquals(12.6, run.read(stripped.snapshot()).time_s(), 1e-12);
        assertEquals(-18, stripped.at(), 1e-9);
        assertEquals("cycle 2, 0.0005 mAh/cm\u00b2 stripped", stripped.where());
        assertTrue(stripped.near());
        // the end of cycle 3's plating (18 s) is also the start of its stripping: as a plated charge it is the plating's end
        CompareTarget.Pick plated = CompareTarget.chargeInCycle(36, 3).pick(run);
        assertEquals(18.0, run.read(plated.snapshot()).time_s(), 1e-12);
        assertEquals(36, plated.at(), 1e-9);
        assertEquals("0.0005 mAh/cm\u00b2 stripped in cycle 2", CompareTarget.chargeInCycle(-18, 2).describeTarget());
        assertEquals("0.0005 mAh/cm\u00b2 passed", CompareTarget.charge(18).describeTarget());

        // a run that ended in cycle 2's plating (9 s) shows its last snapshot where it is, not near cycle 3
        RunFolder ended = RunFolder.open(SyntheticRun.cycling(tmp.resolve("ended"), 9.0, 0));
        CompareTarget.Pick late = CompareTarget.chargeInCycle(18, 3).pick(ended);
        assertEquals(ended.snapshots().size() - 1, late.snapshot());
        assertFalse(late.near());
        assertEquals("cycle 2, 0.0005 mAh/cm\u00b2 plated", late.where());
    }

    @Test
    void aCycleTheRunCannotHaveIsAnErrorNamingIt() throws Exception {
        RunFolder run = RunFolder.open(SyntheticRun.cycling(tmp.resolve("cyc"), 21.6, 0));
        assertTrue(assertThrows(RunFolderException.class, () -> CompareTarget.chargeInCycle(18, 4).pick(run)).getMessage()
                .contains("has 3 cycles"));
        assertTrue(assertThrows(RunFolderException.class, () -> CompareTarget.chargeInCycle(-40, 1).pick(run)).getMessage()
                .contains("more than the 0.001 mAh/cm\u00b2 stripped in cycle 1"));
        assertTrue(assertThrows(RunFolderException.class, () -> CompareTarget.chargeInCycle(18, 1).pick(run(tmp.resolve("plating")))).getMessage()
                .contains("has no plating/stripping cycles"));
    }

    @Test
    void aLongTitleWrapsToThePicturesWidthAndStaysInsideTheFigure() throws Exception {
        List<CompareFigure.Column> columns = CompareFigure.at(List.of(run(tmp.resolve("a")), run(tmp.resolve("b"))), CompareTarget.time(0.01));
        String title = "Comparison at t = 0.01 s (the latest time all runs reached): each run's closest snapshot, its time above it";
        BufferedImage img = CompareFigure.draw(columns, title, SlicePositions.MID);
        assertEquals(CompareFigure.draw(columns, "short", SlicePositions.MID).getWidth(), img.getWidth(),
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
