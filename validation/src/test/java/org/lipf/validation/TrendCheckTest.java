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
                order.stream().map(s -> Double.NaN).toList());
    }

    private static List<String> row(String system, String status, String ccd, String passed) {
        return List.of("r-" + system, system, status, "", ccd, passed, "0", "0");
    }

    @Test
    void publishedOrderPassesAndReportsTheRatio() {
        Trend.Check check = new Trend.Check("CCD", "interlayer", "ccd_A_per_m2", null, false, "mA/cm^2", 0.1, List.of("nano", "sc"), List.of(20.0, 10.0));
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
    void failedRunsAndSummedColumns() {
        Trend.Check share = new Trend.Check("share", "interlayer", "a+b", null, false, "%", 100, List.of("x", "y"), List.of(Double.NaN, Double.NaN));
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
        Files.writeString(f, """
                trends:
                  - id: t
                    paper: P
                    claim: C
                    sweep: s.yaml
                    checks:
                      - {title: T, axis: a, metric: m, unit: V, order: [x, y], published: [1]}
                """);
        ScenarioException e = assertThrows(ScenarioException.class, () -> TrendFile.read(f));
        assertEquals("trends[0].checks[0].published", e.keyPath(), e.getMessage());
        assertEquals(7, e.line(), e.getMessage());
        Files.writeString(f, "trends:\n  - {id: t, paper: P, claim: C, sweep: missing.yaml, checks: []}\n");
        e = assertThrows(ScenarioException.class, () -> TrendFile.read(f));
        assertTrue(e.getMessage().contains("no such sweep file"), e.getMessage());
        assertEquals(2, e.line());
    }

    @Test
    void shippedTrendsFileReads() {
        List<Trend> trends = TrendFile.read(Path.of("trends.yaml"));
        assertEquals(5, trends.size(), "the five trends of PAPERS.md");
        assertTrue(trends.stream().filter(t -> t.quickSweep() != null).count() >= 1, "a quick subset for CI");
        for (Trend t : trends) assertTrue(Files.isRegularFile(t.sweep()), t.sweep().toString());
    }
}
