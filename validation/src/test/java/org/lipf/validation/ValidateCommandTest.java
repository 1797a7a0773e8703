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

    /** A trends file of the trends "1-first" over the sweep {@code first.yaml} and "2-second" over {@code second.yaml}, one check each. */
    private Path twoTrends(String first, String second) throws IOException {
        String check = "    checks:\n      - {title: T, axis: electrolyte, metric: cell_voltage_V, absolute: true, unit: V, order: [a, b]}\n";
        Files.writeString(tmp.resolve("first.yaml"), first);
        Files.writeString(tmp.resolve("second.yaml"), second);
        return Files.writeString(tmp.resolve("trends.yaml"), "trends:\n  - id: 1-first\n    paper: P\n    claim: C1\n    sweep: first.yaml\n" + check
                + "  - id: 2-second\n    paper: P\n    claim: C2\n    sweep: second.yaml\n" + check);
    }

    /** A sweep of the LAGP cell over axis electrolyte (a and b: two coarse grids), three steps a run; {@code b} overrides b's. */
    private static String sweep(String b) {
        return "base: " + SCENARIO + "\naxes:\n  electrolyte:\n    a: {grid.spacing: 1 um}\n    b: " + b + "\n  time.max_steps: [3]\n"
                + "  model.interface_width: [4 um]\nmetrics: [cell_voltage_V, penetration_m]\n";
    }

    /** {@code lipf ARGS}: its exit code and what it wrote to stderr. */
    private static Map.Entry<Integer, String> lipf(String... args) {
        java.io.PrintStream saved = System.err;
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        try (java.io.PrintStream capture = new java.io.PrintStream(buf, true, java.nio.charset.StandardCharsets.UTF_8)) {
            System.setErr(capture);
            int code = Lipf.execute(args);
            return Map.entry(code, buf.toString(java.nio.charset.StandardCharsets.UTF_8));
        } finally {
            System.setErr(saved);
        }
    }

    @Test
    void onlyNamesTrendsByIdOrNumberAndAnyOtherNameStopsBeforeAnythingIsWritten() throws IOException {
        Path f = twoTrends(sweep("{grid.spacing: 2 um}"), sweep("{grid.spacing: 2 um}"));
        List<Trend> all = TrendFile.read(f);
        assertEquals(List.of("2-second"), TrendSelection.of(all, List.of("2"), f).stream().map(Trend::id).toList());
        assertEquals(List.of("1-first", "2-second"), TrendSelection.of(all, List.of("2-second", "1"), f).stream().map(Trend::id).toList(), "in the file's order");
        assertEquals(all, TrendSelection.of(all, null, f));
        Path out = tmp.resolve("out");
        for (String name : List.of("3", "first", "1-fir", "2-second-x")) {
            Map.Entry<Integer, String> r = lipf("validate", "trends", "--trends", f.toString(), "-o", out.toString(), "--only", "1," + name);
            assertEquals(Lipf.EXIT_BAD_INPUT, r.getKey(), r.getValue());
            assertEquals("error: --only: no trend '" + name + "' in " + f + " (its trends: 1-first, 2-second; give an id or the number it starts with)\n",
                    r.getValue());
        }
        // --quick runs the trends with a quick sweep: one named without is refused, not left out unsaid
        Map.Entry<Integer, String> r = lipf("validate", "trends", "--trends", f.toString(), "-o", out.toString(), "--quick", "--only", "2");
        assertEquals(Lipf.EXIT_BAD_INPUT, r.getKey(), r.getValue());
        assertTrue(r.getValue().contains("trend 2-second has no quick_sweep"), r.getValue());
        assertFalse(Files.exists(out));
    }

    /**
     * A validation of both trends (the second's sweep cannot start), then each alone into its folder: a report covers the
     * trends it ran and says which it left out; the first trend's runs are resumed (kept as they were), not run again, and
     * its chart goes while a report leaves it out. Two runs of three steps (about 10 s).
     */
    @Test
    void aTrendRerunAloneIntoAFullValidationIsTheReportsOnlyTrend() throws IOException {
        Path f = twoTrends(sweep("{grid.spacing: 2 um}"), sweep("{grid.spacing: -1 um}"));
        Path out = tmp.resolve("out");
        assertEquals(Lipf.EXIT_BAD_INPUT, lipf("validate", "trends", "--trends", f.toString(), "-o", out.toString(), "--jobs", "2").getKey());
        String full = Files.readString(out.resolve("report.md"));
        assertTrue(full.contains("## 1-first") && full.contains("## 2-second") && !full.contains("This report covers"), full);
        assertTrue(Files.exists(out.resolve("1-first-1.png")));
        List<String> runs = List.of("electrolyte-a", "electrolyte-b");
        List<String> records = new java.util.ArrayList<>();
        for (String run : runs) records.add(Files.readString(out.resolve("1-first").resolve("runs").resolve(run).resolve("run.json")));
        assertTrue(records.stream().allMatch(json -> json.contains("\"finished\"")), records.toString());

        assertEquals(Lipf.EXIT_BAD_INPUT, lipf("validate", "trends", "--trends", f.toString(), "-o", out.toString(), "--only", "2").getKey());
        String second = Files.readString(out.resolve("report.md"));
        assertTrue(second.contains("**This report covers 1 of the 2 trends of its trends file (`--only`): 2-second.** Left out: 1-first ")
                && second.contains("**0 of 0 checks pass.**") && second.contains("## 2-second") && !second.contains("## 1-first"), second);
        assertFalse(Files.exists(out.resolve("1-first-1.png")), "the chart of a trend the report leaves out is gone");

        Map.Entry<Integer, String> first = lipf("validate", "trends", "--trends", f.toString(), "-o", out.toString(), "--only", "1-first");
        assertEquals(0, first.getKey(), first.getValue());
        assertTrue(first.getValue().contains("lipf sweep: 2 runs, 2 done before, 0 to run") && first.getValue().contains("pass (trends 1-first); report in"),
                first.getValue());
        String report = Files.readString(out.resolve("report.md"));
        assertTrue(report.contains("covers 1 of the 2 trends of its trends file (`--only`): 1-first.** Left out: 2-second ")
                && report.contains(" of 1 checks pass.**") && report.contains("## 1-first") && !report.contains("## 2-second"), report);
        assertTrue(Files.exists(out.resolve("1-first-1.png")));
        for (int i = 0; i < runs.size(); i++)
            assertEquals(records.get(i), Files.readString(out.resolve("1-first").resolve("runs").resolve(runs.get(i)).resolve("run.json")), "not run again");
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
