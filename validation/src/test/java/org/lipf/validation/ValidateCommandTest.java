package org.lipf.validation;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lipf.cli.Lipf;
import org.lipf.scenario.ScenarioException;

/**
 * {@code lipf validate trends} as a user meets it without running a simulation: bad options and trends files stop it
 * before anything is written, a trend whose sweep cannot start is reported with the reason, and the report says what
 * became of runs that did not finish and which code made the runs.
 */
class ValidateCommandTest {
    @TempDir
    Path tmp;

    private static final String SCENARIO = Path.of("../scenarios/li-lagp.yaml").toAbsolutePath().normalize().toString();

    /** A trends file of one trend "t" over the sweep {@code s.yaml} (axis electrolyte, values a and b) with one check. */
    private Path trends(String check) throws IOException {
        Files.writeString(tmp.resolve("s.yaml"), "base: " + SCENARIO + "\naxes:\n  electrolyte:\n    a: {grid.spacing: 0.5 um}\n    b: {grid.spacing: 1 um}\n"
                + "metrics: [cell_voltage_V, penetration_m]\n");
        return Files.writeString(tmp.resolve("trends.yaml"), "trends:\n  - id: t\n    paper: P\n    claim: C\n    sweep: s.yaml\n    checks:\n" + check);
    }

    @Test
    void checksNamingWhatTheirSweepDoesNotHaveStopBeforeAnythingRuns() throws IOException {
        Path f = trends("      - {title: T, axis: electrolyte, metric: cell_voltage_V, unit: V, order: [a, b]}\n");
        assertEquals(1, TrendFile.read(f, true).size());
        trends("      - {title: T, axis: electrolyte, metric: cell_voltage_V, unit: V, order: [a, c]}\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> TrendFile.read(f, true));
        assertEquals("trends[0].checks[0].order[1]", e.keyPath(), e.getMessage());
        assertEquals(7, e.line());
        assertTrue(e.getMessage().contains("'c' is not a value of axis 'electrolyte'") && e.getMessage().contains("(values: a, b)"), e.getMessage());
        trends("      - {title: T, axis: film, metric: cell_voltage_V, unit: V, order: [a, b]}\n");
        e = assertThrows(ScenarioException.class, () -> TrendFile.read(f, true));
        assertEquals("trends[0].checks[0].axis", e.keyPath(), e.getMessage());
        trends("      - {title: T, axis: electrolyte, metric: cell_voltage_V+front_m, unit: V, order: [a, b]}\n");
        e = assertThrows(ScenarioException.class, () -> TrendFile.read(f, true));
        assertTrue(e.getMessage().contains("'front_m' is not a metric of"), e.getMessage());
        trends("      - {title: T, axis: electrolyte, metric: cell_voltage_V, lower_bound: ccd_A_per_m2, unit: V, order: [a, b]}\n");
        e = assertThrows(ScenarioException.class, () -> TrendFile.read(f, true));
        assertEquals("trends[0].checks[0].lower_bound", e.keyPath(), e.getMessage());
        // without the sweeps (the report's tests) the same file reads
        assertEquals(1, TrendFile.read(f).size());
        // and through the command: exit 2, nothing written
        Path out = tmp.resolve("out");
        assertEquals(Lipf.EXIT_BAD_INPUT, Lipf.execute("validate", "trends", "--trends", f.toString(), "-o", out.toString()));
        assertFalse(Files.exists(out));
    }

    @Test
    void shippedTrendsMatchTheirSweeps() {
        for (Trend t : TrendFile.read(Path.of("trends.yaml"), true)) assertFalse(t.checks().isEmpty(), t.id());
    }

    @Test
    void badOptionsStopBeforeAnythingIsWritten() throws IOException {
        Path f = trends("      - {title: T, axis: electrolyte, metric: cell_voltage_V, unit: V, order: [a, b]}\n");
        Path out = tmp.resolve("out");
        for (List<String> options : List.of(List.of("--jobs", "0"), List.of("--threads", "-1")))
            assertEquals(Lipf.EXIT_BAD_INPUT, Lipf.execute(cat(List.of("validate", "trends", "--trends", f.toString(), "-o", out.toString()), options)), options.toString());
        assertEquals(Lipf.EXIT_BAD_INPUT, Lipf.execute("validate", "trend", "-o", out.toString()));
        assertFalse(Files.exists(out));
        // -o naming a file (a mistyped folder) is bad input too, not a failure
        Path file = Files.writeString(tmp.resolve("a-file"), "");
        assertEquals(Lipf.EXIT_BAD_INPUT, Lipf.execute("validate", "trends", "--trends", f.toString(), "-o", file.toString()));
    }

    private static String[] cat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toArray(String[]::new);
    }

    @Test
    void aSweepThatCannotStartIsReportedWithItsReasonNotWithAnEarlierSummary() throws IOException {
        Path f = trends("      - {title: T, axis: electrolyte, metric: cell_voltage_V, unit: V, order: [a, b]}\n");
        // value b refused when its scenario is loaded, which the sweep does before it runs anything
        Files.writeString(tmp.resolve("s.yaml"), Files.readString(tmp.resolve("s.yaml")).replace("b: {grid.spacing: 1 um}", "b: {grid.spacing: -1 um}"));
        Path out = tmp.resolve("out");
        // an earlier validation's summary (which this sweep would have replaced), report and chart
        Files.createDirectories(out.resolve("t"));
        Files.writeString(out.resolve("t").resolve("summary.csv"), "run,electrolyte,status,reason,cell_voltage_V,penetration_m\nx,a,finished,,1,0\ny,b,finished,,0.5,0\n");
        Files.writeString(out.resolve("report.md"), "old report: 1 of 1 checks pass");
        Files.writeString(out.resolve("t-1.png"), "old chart");
        assertEquals(Lipf.EXIT_BAD_INPUT, Lipf.execute("validate", "trends", "--trends", f.toString(), "-o", out.toString()));
        String report = Files.readString(out.resolve("report.md"));
        assertTrue(report.contains("**0 of 0 checks pass.**"), report);
        assertTrue(report.contains("**The sweep did not run:** ") && report.contains("grid.spacing"), report);
        assertFalse(Files.exists(out.resolve("t-1.png")), "the earlier chart of the trend is gone");
    }

    @Test
    void runsThatDidNotFinishAreNamedWithWhatBecameOfThem() {
        List<List<String>> summary = List.of(List.of("run", "electrolyte", "status", "reason", "cell_voltage_V"),
                List.of("r-a", "a", "finished", "end time reached", "0.2"), List.of("r-b", "b", "failed", "diverged at step 3", ""),
                List.of("r-c", "c", "running", "", ""));
        assertEquals(List.of("r-b: failed: diverged at step 3",
                "r-c: running: held by another process (a sweep stopped with kill -9 leaves its runs running); rerun lipf validate when it has ended"),
                TrendRuns.unfinished(summary));
        Trend.Check check = new Trend.Check("V", "electrolyte", "cell_voltage_V", null, false, "V", 1, List.of("a", "b", "c", "d"),
                List.of(ValueRange.NONE, ValueRange.NONE, ValueRange.NONE, ValueRange.NONE));
        assertEquals("FAIL: no finished run with a value for b (its run: failed), c (its run: still running in another process), d (no run)",
                CheckResult.evaluate(check, summary).verdict());
    }

    @Test
    void theReportSaysWhenItsRunsWereMadeByOtherCode() throws IOException {
        Trend t = new Trend("t", "P", "C", tmp.resolve("s.yaml"), null, List.of(), null);
        String now = "c30f0e6000000000000000000000000000000000";
        String older = "4418373000000000000000000000000000000000";
        String mixed = TrendReport.provenance(List.of(new TrendReport.Outcome(t, List.of(), null, Map.of(older, 3, now, 1))), now);
        assertEquals("**3 of 4 runs were made by other code than this report's (commit c30f0e6):** 4418373 (3 runs), c30f0e6 (1 run). "
                + "Their values are of that code: give a new `-o` to validate this one.\n\n", mixed);
        assertEquals("The runs were made by the code of this report (commit c30f0e6).\n\n",
                TrendReport.provenance(List.of(new TrendReport.Outcome(t, List.of(), null, Map.of(now, 4))), now));
        assertEquals("", TrendReport.provenance(List.of(new TrendReport.Outcome(t, List.of(), null)), now), "no runs, nothing to say");
        assertEquals("The runs were made by LiPF commit unknown (2 runs); the commit of this report's code is unknown (`./lipf` records it).\n\n",
                TrendReport.provenance(List.of(new TrendReport.Outcome(t, List.of(), null, Map.of("unknown", 2))), "unknown"));
    }

    @Test
    void barsAreLabelledWithBoundsAndMissingValuesAsTheTableGivesThem() {
        Trend.Check check = new Trend.Check("CCD", "interlayer", "ccd_A_per_m2", "highest_current_passed_A_per_m2", false, "mA/cm^2", 0.1,
                List.of("nano", "micro", "sc"), List.of(ValueRange.parse(">= 20"), ValueRange.parse("< 0.8"), ValueRange.NONE));
        List<String> header = List.of("run", "interlayer", "status", "reason", "ccd_A_per_m2", "highest_current_passed_A_per_m2");
        CheckResult r = CheckResult.evaluate(check, List.of(header, List.of("r1", "nano", "finished", "", "", "150"),
                List.of("r2", "micro", "shorted", "", "100", "90"), List.of("r3", "sc", "failed", "boom", "", "")));
        assertEquals(List.of(List.of(">= 15", "10", "no value"), List.of(">= 20", "< 0.8", "")), TrendReport.barLabels(r));
        // a title longer than the default width widens the chart
        Trend.Check longTitle = new Trend.Check("x".repeat(200), "interlayer", "ccd_A_per_m2", null, false, "1", 1, List.of("nano", "sc"),
                List.of(ValueRange.NONE, ValueRange.NONE));
        assertTrue(TrendReport.chart(CheckResult.failed(longTitle, "none")).getWidth() > 1000);
    }
}
