package org.lipf.validation;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lipf.scenario.ScenarioException;

/** The order checks of lipf validate trends, on hand-made sweep summaries, and the trends file. */
class TrendCheckTest {
    @TempDir
    Path tmp;

    private static final List<String> HEADER = List.of("run", "interlayer", "status", "reason", "ccd_A_per_m2", "highest_current_passed_A_per_m2", "a", "b");

    private static Trend.Check ccd(List<String> order) {
        return new Trend.Check("CCD", "interlayer", "ccd_A_per_m2", "highest_current_passed_A_per_m2", false, "mA/cm^2", 0.1, order,
                order.stream().map(s -> ValueRange.NONE).toList());
    }

    private static List<String> row(String system, String status, String ccd, String passed) {
        return List.of("r-" + system, system, status, "", ccd, passed, "0", "0");
    }

    @Test
    void publishedOrderPassesAndReportsTheRatio() {
        Trend.Check check = new Trend.Check("CCD", "interlayer", "ccd_A_per_m2", null, false, "mA/cm^2", 0.1, List.of("nano", "sc"),
                List.of(ValueRange.exactly(20), ValueRange.exactly(10)));
        CheckResult r = CheckResult.evaluate(check, List.of(HEADER, row("sc", "shorted", "100", "90"), row("nano", "shorted", "160", "150")));
        assertTrue(r.pass(), r.verdict());
        assertArrayEquals(new double[] {16, 10}, r.values(), 1e-12);
        assertEquals(1, r.ratios().size());
        assertTrue(r.ratios().get(0).contains("simulated 1.60, published 2.00 (within a factor of 2)"), r.ratios().get(0));
    }

    @Test
    void swappedOrTiedValuesFail() {
        CheckResult swapped = CheckResult.evaluate(ccd(List.of("nano", "sc")), List.of(HEADER, row("nano", "shorted", "100", "90"), row("sc", "shorted", "160", "150")));
        assertFalse(swapped.pass());
        assertTrue(swapped.verdict().contains("nano > sc does not hold"), swapped.verdict());
        CheckResult tied = CheckResult.evaluate(ccd(List.of("nano", "sc")), List.of(HEADER, row("nano", "shorted", "100", "90"), row("sc", "shorted", "100", "90")));
        assertFalse(tied.pass(), "equal values are no order");
        // 0.5 % apart: within the runs' resolution (noise seed, grid), no order either; 2 % apart is one
        CheckResult close = CheckResult.evaluate(ccd(List.of("nano", "sc")), List.of(HEADER, row("nano", "shorted", "100.5", "90"), row("sc", "shorted", "100", "90")));
        assertFalse(close.pass(), close.verdict());
        CheckResult apart = CheckResult.evaluate(ccd(List.of("nano", "sc")), List.of(HEADER, row("nano", "shorted", "102", "90"), row("sc", "shorted", "100", "90")));
        assertTrue(apart.pass(), apart.verdict());
    }

    @Test
    void aRampThatNeverShortedIsALowerBound() {
        // nano never shorted up to 200 A/m^2: >= 20 mA/cm^2 is above sc's 10, so the order holds
        CheckResult above = CheckResult.evaluate(ccd(List.of("nano", "sc")), List.of(HEADER, row("nano", "finished", "", "200"), row("sc", "shorted", "100", "90")));
        assertTrue(above.pass(), above.verdict());
        assertTrue(above.lowerBound()[0]);
        // but a lower bound below cannot show the order
        CheckResult below = CheckResult.evaluate(ccd(List.of("sc", "nano")), List.of(HEADER, row("nano", "finished", "", "200"), row("sc", "shorted", "300", "290")));
        assertFalse(below.pass());
        assertTrue(below.verdict().contains("only a lower bound"), below.verdict());
    }

    @Test
    void publishedBoundsMakeTheRatioARange() {
        // paper B: SC-nano >= 20 (no short), SC-micro 16: the ratio is at least 1.25, and 3.33 is consistent with it
        Trend.Check b = new Trend.Check("CCD", "interlayer", "ccd_A_per_m2", "highest_current_passed_A_per_m2", false, "mA/cm^2", 0.1,
                List.of("nano", "micro", "sc"), List.of(ValueRange.parse(">= 20"), ValueRange.exactly(16), ValueRange.exactly(10)));
        CheckResult r = CheckResult.evaluate(b, List.of(HEADER, row("nano", "shorted", "200", "190"), row("micro", "shorted", "60", "50"),
                row("sc", "shorted", "40", "30")));
        assertTrue(r.ratios().get(0).contains("nano / micro: simulated 3.33, published >= 1.25 (within a factor of 2)"), r.ratios().get(0));
        assertTrue(r.ratios().get(1).contains("micro / sc: simulated 1.50, published 1.60 (within a factor of 2)"), r.ratios().get(1));
        // a simulated ramp that never shorted is a lower bound too: >= 20 / 6 against >= 1.25 overlaps
        r = CheckResult.evaluate(b, List.of(HEADER, row("nano", "finished", "", "200"), row("micro", "shorted", "60", "50"), row("sc", "shorted", "40", "30")));
        assertTrue(r.ratios().get(0).contains("simulated >= 3.33, published >= 1.25 (within a factor of 2)"), r.ratios().get(0));
        // paper C: MgF2 1.4 > Mg (< 1.0) > LiF (< 0.8): the first ratio is above 1.4, the second is not bounded at all
        Trend.Check c = new Trend.Check("CCD", "interlayer", "ccd_A_per_m2", null, false, "mA/cm^2", 0.1, List.of("mgf2", "mg", "lif"),
                List.of(ValueRange.exactly(1.4), ValueRange.parse("< 1.0"), ValueRange.parse("< 0.8")));
        r = CheckResult.evaluate(c, List.of(HEADER, row("mgf2", "shorted", "8", "7"), row("mg", "shorted", "7", "6"), row("lif", "shorted", "1", "0")));
        assertTrue(r.ratios().get(0).contains("mgf2 / mg: simulated 1.14, published > 1.40 (within a factor of 2)"), r.ratios().get(0));
        assertTrue(r.ratios().get(1).contains("mg / lif: simulated 7.00; the published < 1.00 and < 0.800 leave the ratio open"), r.ratios().get(1));
        // far below a lower bound is still off
        r = CheckResult.evaluate(c, List.of(HEADER, row("mgf2", "shorted", "8", "7"), row("mg", "shorted", "12", "11"), row("lif", "shorted", "1", "0")));
        assertTrue(r.ratios().get(0).contains("simulated 0.667, published > 1.40 (off by more than a factor of 2)"), r.ratios().get(0));
    }

    @Test
    void simulatedBoundsAndNonPositiveValuesInRatios() {
        Trend.Check b = new Trend.Check("CCD", "interlayer", "ccd_A_per_m2", "highest_current_passed_A_per_m2", false, "mA/cm^2", 0.1,
                List.of("nano", "micro"), List.of(ValueRange.parse(">= 20"), ValueRange.exactly(16)));
        // a ramp that never shorted below: 20 / (>= 6) is at most 3.33, which still meets >= 1.25
        CheckResult r = CheckResult.evaluate(b, List.of(HEADER, row("nano", "shorted", "200", "190"), row("micro", "finished", "", "60")));
        assertTrue(r.ratios().get(0).contains("simulated <= 3.33, published >= 1.25 (within a factor of 2)"), r.ratios().get(0));
        // neither shorted: nothing is known of the simulated ratio, and no verdict is given
        r = CheckResult.evaluate(b, List.of(HEADER, row("nano", "finished", "", "200"), row("micro", "finished", "", "60")));
        assertTrue(r.ratios().get(0).contains("the simulated >= 20.0 and >= 6.00 (ramps that never shorted) leave the ratio open; published >= 1.25"),
                r.ratios().get(0));
        // a ratio of a zero or negative value says nothing: none is given
        Trend.Check zero = new Trend.Check("V", "interlayer", "ccd_A_per_m2", null, false, "V", 1, List.of("nano", "micro"),
                List.of(ValueRange.exactly(0), ValueRange.parse("< 1")));
        assertEquals(List.of(), CheckResult.evaluate(zero, List.of(HEADER, row("nano", "shorted", "2", "0"), row("micro", "shorted", "1", "0"))).ratios());
        Trend.Check negative = new Trend.Check("V", "interlayer", "ccd_A_per_m2", null, false, "V", 1, List.of("nano", "micro"),
                List.of(ValueRange.exactly(-2), ValueRange.exactly(-1)));
        assertEquals(List.of(), CheckResult.evaluate(negative, List.of(HEADER, row("nano", "shorted", "-2", "0"), row("micro", "shorted", "-1", "0"))).ratios());
    }

    @Test
    void valueRangesParseFormatAndDivide() {
        assertEquals(ValueRange.exactly(0.7), ValueRange.parse(" 0.7 "));
        assertEquals(ValueRange.atLeast(20), ValueRange.parse(">= 20"));
        assertEquals(new ValueRange(0, true, 0.8, true), ValueRange.parse("<0.8"));
        assertEquals(new ValueRange(0, true, 1, false), ValueRange.parse("<= 1"));
        assertEquals(new ValueRange(3, true, Double.POSITIVE_INFINITY, true), ValueRange.parse("> 3"));
        assertFalse(ValueRange.parse("-").known());
        assertThrows(NumberFormatException.class, () -> ValueRange.parse("<< 1"));
        assertThrows(NumberFormatException.class, () -> ValueRange.parse("< -1"), "a bound of a positive quantity");
        assertThrows(NumberFormatException.class, () -> ValueRange.parse("about 3"));
        assertThrows(NumberFormatException.class, () -> ValueRange.parse("NaN"), "'-' is the way to say none");
        assertThrows(NumberFormatException.class, () -> ValueRange.parse("Infinity"));
        assertTrue(ValueRange.exactly(2).positive() && ValueRange.parse("< 1").positive());
        assertFalse(ValueRange.exactly(0).positive() || ValueRange.NONE.positive());
        // exact over an upper bound: a lower bound; an upper over a lower bound: an upper bound; bounds on both sides
        assertEquals("> 2.00", ValueRange.exactly(2).over(ValueRange.parse("< 1")).format("%.3g"));
        assertEquals("<= 0.500", ValueRange.parse("<= 1").over(ValueRange.atLeast(2)).format("%.3g"));
        assertEquals("open", ValueRange.parse("< 1").over(ValueRange.parse("< 2")).format("%.3g"));
        assertEquals("1.00 to 4.00", new ValueRange(2, false, 4, false).over(new ValueRange(1, false, 2, false)).format("%.3g"));
        assertEquals(0.8, ValueRange.parse("< 0.8").representative());
        assertEquals(20, ValueRange.parse(">= 20").representative());
        // within a factor of 2: the ranges, widened by 2 on the simulated side, overlap
        assertTrue(ValueRange.exactly(1).withinFactorOf(2, ValueRange.exactly(2)));
        assertFalse(ValueRange.exactly(0.9).withinFactorOf(2, ValueRange.exactly(2)));
        assertTrue(ValueRange.exactly(0.8).withinFactorOf(2, ValueRange.atLeast(1.4)));
        assertFalse(ValueRange.exactly(0.6).withinFactorOf(2, ValueRange.atLeast(1.4)));
        assertTrue(ValueRange.exactly(100).withinFactorOf(2, ValueRange.atLeast(1.4)), "any large value is consistent with a lower bound");
    }

    @Test
    void aPenetrationIsComparedWhenTheFirstRunEndedNotAtEachRunsShort() throws IOException {
        // two runs whose cracks both crossed the pellet: at their ends they tie at its thickness, though "sc" got there first;
        // when "sc" shorted (t = 20 s) "micro" had come half as far; "nano" runs to the end without penetrating
        Path sweep = tmp.resolve("sweep");
        series(sweep, "r-sc", "0,0\n10,300e-6\n20,750e-6\n");
        series(sweep, "r-micro", "0,0\n10,100e-6\n18,300e-6\n24,420e-6\n30,751e-6\n");
        series(sweep, "r-nano", "0,0\n15,0.1e-6\n40,0.1e-6\n");
        // a failed replicate that stopped at 5 s sets nothing
        series(sweep, "r-sc-failed", "0,0\n5,100e-6\n");
        List<String> header = List.of("run", "interlayer", "status", "reason", "penetration_m", "ccd_A_per_m2");
        List<List<String>> summary = List.of(header, List.of("r-sc", "sc", "shorted", "short circuit at t = 20 s: Li intrusion", "750e-6", ""),
                List.of("r-sc-failed", "sc", "failed", "boom", "100e-6", ""), List.of("r-micro", "micro", "shorted", "short circuit at t = 30 s", "751e-6", ""),
                List.of("r-nano", "nano", "finished", "end time reached", "0.1e-6", ""));
        Trend.Check atEnd = new Trend.Check("penetration", "interlayer", "penetration_m", null, false, "um", 1e6, List.of("sc", "micro", "nano"),
                List.of(ValueRange.NONE, ValueRange.NONE, ValueRange.NONE));
        assertFalse(CheckResult.evaluate(atEnd, summary).pass(), "at the runs' ends the two shorted runs tie");
        Trend.Check common = new Trend.Check(atEnd.title(), atEnd.axis(), atEnd.metric(), null, false, "um", 1e6, atEnd.order(), atEnd.published(), true);
        CommonTime.Reading at = CommonTime.read(common, summary, sweep);
        assertEquals(20, at.time_s(), 0);
        assertEquals("r-sc", at.firstRun());
        CheckResult r = CheckResult.evaluate(common, at.summary()).withNote(at.note());
        assertTrue(r.pass(), r.verdict());
        // micro interpolated between 18 s (300 um) and 24 s (420 um); nano held at its value
        assertArrayEquals(new double[] {750, 340, 0.1}, r.values(), 1e-9);
        assertTrue(r.note().contains("t = 20.0 s, the earliest end among the runs: r-sc (shorted: short circuit at t = 20 s: Li intrusion)"), r.note());
        // the report prints how the values were read
        Trend trend = new Trend("t", "P", "C", sweep, null, List.of(common), null);
        String report = Files.readString(TrendReport.write(Files.createDirectories(tmp.resolve("report")), List.of(new TrendReport.Outcome(trend, List.of(r), null)), false));
        assertTrue(report.contains(r.note()), report);
        // a metric that is not in the time series cannot be read there
        Trend.Check ccd = new Trend.Check("ccd", "interlayer", "ccd_A_per_m2", null, false, "mA/cm^2", 0.1, atEnd.order(), atEnd.published(), true);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CommonTime.read(ccd, summary, sweep));
        assertTrue(e.getMessage().contains("'ccd_A_per_m2' is not a column of the runs' time series"), e.getMessage());
        // runs that all ended together are read where they ended, and the note says so
        Trend.Check scNano = new Trend.Check("p", "interlayer", "penetration_m", null, false, "um", 1e6, List.of("nano", "sc"), List.of(ValueRange.NONE, ValueRange.NONE), true);
        series(sweep, "r-sc2", "0,0\n40,2e-6\n");
        List<List<String>> together = List.of(header, List.of("r-sc2", "sc", "finished", "end time reached", "2e-6", ""), summary.get(4));
        assertEquals("Read from the time series at t = 40.0 s, where every run ended.", CommonTime.read(scNano, together, sweep).note());
    }

    private static void series(Path sweep, String run, String rows) throws IOException {
        Path dir = Files.createDirectories(sweep.resolve("runs").resolve(run));
        Files.writeString(dir.resolve("timeseries.csv"), "time_s,penetration_m\n" + rows);
    }

    @Test
    void failedRunsAndSummedColumns() {
        Trend.Check share = new Trend.Check("share", "interlayer", "a+b", null, false, "%", 100, List.of("x", "y"), List.of(ValueRange.NONE, ValueRange.NONE));
        List<String> x = List.of("r1", "x", "finished", "", "", "", "0.25", "0.5"), y = List.of("r2", "y", "failed", "boom", "", "", "0.1", "0.1");
        CheckResult r = CheckResult.evaluate(share, List.of(HEADER, x, y));
        assertFalse(r.pass());
        assertEquals(75, r.values()[0], 1e-12, "a + b in %");
        assertTrue(r.verdict().contains("no finished run with a value for y"), r.verdict());
    }

    @Test
    void trendsFileErrorsNameKeyAndLine() throws IOException {
        Files.writeString(tmp.resolve("s.yaml"), "base: x.yaml\n");
        Path f = tmp.resolve("trends.yaml");
        Files.writeString(f, trendWithChecks("      - {title: T, axis: a, metric: m, unit: V, order: [x, y], published: [1]}\n"));
        ScenarioException e = assertThrows(ScenarioException.class, () -> TrendFile.read(f));
        assertEquals("trends[0].checks[0].published", e.keyPath(), e.getMessage());
        assertEquals(7, e.line(), e.getMessage());
        Files.writeString(f, trendWithChecks("""
                      - title: T
                        axis: a
                        metric: m
                        unit: V
                        order: [x, y]
                        published:
                          - 1
                          - "< -2"
                """));
        e = assertThrows(ScenarioException.class, () -> TrendFile.read(f));
        assertEquals("trends[0].checks[0].published[1]", e.keyPath(), e.getMessage());
        assertEquals(14, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("a bound (>= 20, < 0.8") && e.getMessage().contains("a bound must be a positive number"), e.getMessage());
        Files.writeString(f, "trends:\n  - {id: t, paper: P, claim: C, sweep: missing.yaml, checks: []}\n");
        e = assertThrows(ScenarioException.class, () -> TrendFile.read(f));
        assertTrue(e.getMessage().contains("no such sweep file"), e.getMessage());
        assertEquals(2, e.line());
        // at_common_time is true or false, and reads time series, which have no lower bound
        Files.writeString(f, trendWithChecks("      - {title: T, axis: a, metric: m, unit: V, order: [x, y], at_common_time: yes}\n"));
        e = assertThrows(ScenarioException.class, () -> TrendFile.read(f));
        assertEquals("trends[0].checks[0].at_common_time", e.keyPath(), e.getMessage());
        Files.writeString(f, trendWithChecks("      - {title: T, axis: a, metric: m, lower_bound: n, unit: V, order: [x, y], at_common_time: true}\n"));
        e = assertThrows(ScenarioException.class, () -> TrendFile.read(f));
        assertTrue(e.getMessage().contains("no lower_bound"), e.getMessage());
    }

    /** A trends file of one trend (sweep s.yaml) whose checks are the given lines. */
    private static String trendWithChecks(String checks) {
        return "trends:\n  - id: t\n    paper: P\n    claim: C\n    sweep: s.yaml\n    checks:\n" + checks;
    }

    @Test
    void shippedTrendsFileReads() {
        List<Trend> trends = TrendFile.read(Path.of("trends.yaml"));
        assertEquals(5, trends.size(), "the five trends of PAPERS.md");
        assertTrue(trends.stream().filter(t -> t.quickSweep() != null).count() >= 1, "a quick subset for CI");
        for (Trend t : trends) assertTrue(Files.isRegularFile(t.sweep()), t.sweep().toString());
        // the papers' bounds are read as bounds: paper B's SC-nano >= 20, paper C's Mg < 1.0 and LiF < 0.8
        assertEquals(ValueRange.atLeast(20), trends.get(1).checks().get(0).published().get(0));
        assertEquals(List.of(ValueRange.exactly(1.4), ValueRange.parse("< 1.0"), ValueRange.parse("< 0.8")), trends.get(2).checks().get(0).published());
        // paper B's hosts say what their values rest on; the trends without one have none
        assertTrue(trends.get(0).caveat().contains("dispersed_ion_path") && trends.get(1).caveat().contains("dispersed_ion_path"));
        assertNull(trends.get(4).caveat());
        // trend 1's penetration is read when the first of its runs ended (its hosts' cracks cross the pellet)
        assertTrue(trends.get(0).checks().get(1).atCommonTime());
        assertFalse(trends.get(0).checks().get(0).atCommonTime());
    }

    @Test
    void aTrendsCaveatStandsUnderItsClaimInTheReport(@TempDir Path dir) throws IOException {
        Path sweep = Files.writeString(dir.resolve("s.yaml"), "base: x.yaml\n");
        Trend.Check check = TrendFile.read(Files.writeString(dir.resolve("trends.yaml"), trendWithChecks(
                "      - {title: T, axis: a, metric: m, unit: u, order: [x, y]}\n"))).get(0).checks().get(0);
        Trend withCaveat = new Trend("t", "P", "the claim", sweep, null, List.of(check), "rests on a device");
        String report = Files.readString(TrendReport.write(dir.resolve("r"), List.of(new TrendReport.Outcome(withCaveat, List.of(), null)), false));
        assertTrue(report.contains("the claim\n\nSource: P\n\n**Caveat:** rests on a device\n"), report);
        Trend without = new Trend("t", "P", "the claim", sweep, null, List.of(check), null);
        assertFalse(Files.readString(TrendReport.write(dir.resolve("r2"), List.of(new TrendReport.Outcome(without, List.of(), null)), false)).contains("Caveat"));
    }

    @Test
    void theQuickReportSaysItIsASmokeTestAndTheFullOneDoesNot(@TempDir Path dir) throws IOException {
        String quick = Files.readString(TrendReport.write(dir.resolve("quick"), List.of(), true));
        assertTrue(quick.contains("smoke test") && quick.contains("without `--quick`"), quick);
        assertFalse(Files.readString(TrendReport.write(dir.resolve("full"), List.of(), false)).contains("smoke test"));
    }
}
