package org.lipf.validation;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lipf.cli.Lipf;
import org.lipf.cli.LipfCommand;
import org.lipf.output.CsvTable;
import org.lipf.output.RunInfo;
import org.lipf.scenario.ScenarioException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lipf validate trends}: runs the sweep of every published trend of PAPERS.md (or of those {@code --only} names) and writes
 * a report with the simulated values next to the published ones and PASS/FAIL on the order.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check the simulator against the published trends (validation/trends.yaml): runs their sweeps, writes DIR/report.md."
                + " Resumable: after an interruption, the same command keeps the finished runs and continues the others.",
                "Exit code: 0 when every run finished or shorted (whatever the checks say), 3 when some run did not, 2 when a sweep could not start"
                        + " or on bad input."})
public final class ValidateCommand implements Callable<Integer>, LipfCommand {
    @Parameters(index = "0", paramLabel = "trends", description = "What to validate: trends.")
    String what;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Folder of the runs and the report (default: runs/validation or runs/validation-quick).")
    Path output;

    @Option(names = "--quick", description = "A smoke test (under a minute on two cores, CI runs it): the trends with a quick_sweep, run with it; its runs are too short for its values to mean anything.")
    boolean quick;

    @Option(names = "--jobs", paramLabel = "N", description = "Runs at a time (passed to lipf sweep; default: half the cores, at least 1).")
    Integer jobs;

    @Option(names = "--threads", paramLabel = "N", description = "Threads per run (passed to lipf sweep; default: the cores shared out among the jobs).")
    Integer threads;

    @Option(names = "--trends", paramLabel = "FILE", description = "Trends file (default: validation/trends.yaml of this LiPF).")
    Path trendsFile;

    @Option(names = "--only", split = ",", paramLabel = "TREND", description = "Run only these trends, by id (1-interlayer-5mA) or number (--only 1,3);"
            + " the report covers them alone.")
    List<String> only;

    @Override
    public Integer call() throws IOException {
        if (!"trends".equals(what)) throw new ScenarioException("command line", "", -1, "unknown validation '" + what + "' (the only one is 'trends')");
        positive("--jobs", jobs);
        positive("--threads", threads);
        Path file = trendsFile != null ? trendsFile : defaultTrendsFile();
        List<Trend> all = TrendFile.read(file, true);
        List<Trend> trends = TrendSelection.of(all, only, file);
        // --quick leaves out the trends without a quick sweep: one that is asked for is refused, not left out unsaid
        if (quick && only != null)
            for (Trend t : trends)
                if (t.quickSweep() == null)
                    throw new ScenarioException("--only", "", -1, "trend " + t.id() + " has no quick_sweep in " + file + ": --quick runs "
                            + String.join(", ", all.stream().filter(q -> q.quickSweep() != null).map(Trend::id).toList()));
        Path dir = output != null ? output : Path.of("runs", quick ? "validation-quick" : "validation");
        createFolder(dir);
        // the report of an earlier validation here would describe runs that this one may replace, until it is rewritten;
        // the charts of the trends left out go too: the new report covers the selected trends alone
        TrendReport.remove(dir, all);
        List<TrendReport.Outcome> outcomes = new ArrayList<>();
        int exit = 0;
        for (Trend t : trends) {
            Path sweep = quick ? t.quickSweep() : t.sweep();
            if (sweep == null) continue;
            System.err.println("lipf validate: " + t.id() + ": " + t.claim());
            Path runs = dir.resolve(t.id());
            // a trend's scenario edited since its runs: they are moved aside and run again, so the report is of the files as they are
            List<String> args = new ArrayList<>(List.of("sweep", sweep.toString(), "-o", runs.toString(), "--rerun-changed"));
            if (jobs != null) args.addAll(List.of("--jobs", jobs.toString()));
            if (threads != null) args.addAll(List.of("--threads", threads.toString()));
            Path summary = runs.resolve("summary.csv");
            // an earlier sweep's summary would stand for this one's where this one stops before writing its own (bad input)
            Files.deleteIfExists(summary);
            SweepInvocation ran = SweepInvocation.run(args);
            if (!Files.isRegularFile(summary)) {
                exit = worse(exit, ran.exitCode() == Lipf.EXIT_BAD_INPUT ? Lipf.EXIT_BAD_INPUT : Lipf.EXIT_FAILED);
                outcomes.add(new TrendReport.Outcome(t, List.of(), "**The sweep did not run:** " + ran.failure() + ".", Map.of()));
                continue;
            }
            if (ran.exitCode() != 0) exit = worse(exit, Lipf.EXIT_FAILED);
            List<List<String>> table = CsvTable.read(summary);
            List<CheckResult> results = new ArrayList<>();
            for (Trend.Check c : t.checks()) results.add(evaluate(c, table, runs));
            List<String> unfinished = TrendRuns.unfinished(table);
            String note = unfinished.isEmpty() ? null : "**Not every run finished or shorted** (" + summary + "):\n\n- " + String.join("\n- ", unfinished);
            outcomes.add(new TrendReport.Outcome(t, results, note, TrendRuns.commits(runs, table)));
        }
        List<String> leftOut = all.stream().filter(t -> !trends.contains(t)).map(Trend::id).toList();
        Path report = TrendReport.write(dir, outcomes, quick, RunInfo.codeCommit(), leftOut);
        long pass = outcomes.stream().flatMap(o -> o.results().stream()).filter(CheckResult::pass).count();
        long total = outcomes.stream().mapToLong(o -> o.results().size()).sum();
        System.err.printf("lipf validate: %d of %d checks pass%s; report in %s%s%n", pass, total,
                only == null ? "" : " (trends " + String.join(", ", trends.stream().map(Trend::id).toList()) + ")", report,
                exit == 0 ? "" : " (a sweep did not run, or not all its runs finished or shorted: see the report)");
        return exit;
    }

    /** The check on the sweep's summary; one that cannot be read is a FAIL that says why, and the other checks go on. */
    private static CheckResult evaluate(Trend.Check c, List<List<String>> table, Path runs) {
        try {
            if (!c.atCommonTime()) return CheckResult.evaluate(c, table);
            CommonTime.Reading at = CommonTime.read(c, table, runs);
            return CheckResult.evaluate(c, at.summary()).withNote(at.note());
        } catch (IOException | IllegalArgumentException e) {
            return CheckResult.failed(c, (c.atCommonTime() ? "cannot read the runs' time series at a common time: " : "cannot read the summary: ") + e.getMessage());
        }
    }

    /** The exit code of two outcomes: bad input (a sweep that could not run) before failed runs before 0. */
    private static int worse(int a, int b) {
        return a == Lipf.EXIT_BAD_INPUT || b == Lipf.EXIT_BAD_INPUT ? Lipf.EXIT_BAD_INPUT : Math.max(a, b);
    }

    /** Creates the validation folder; one that cannot be is bad input (a mistyped -o), named in one line. */
    private static void createFolder(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            String why = e instanceof FileAlreadyExistsException ? "a file of that name is in the way"
                    : e instanceof AccessDeniedException ? "access denied"
                    : e instanceof FileSystemException f && f.getReason() != null ? f.getReason()
                    : "a folder on its path cannot be created";
            throw new ScenarioException("-o", "", -1, "cannot create the folder " + dir + " (" + why + ")", e);
        }
    }

    private static void positive(String option, Integer value) {
        if (value != null && value < 1) throw new ScenarioException(option, "", -1, "must be >= 1, got " + value);
    }

    /** validation/trends.yaml of the LiPF the launcher runs ($LIPF_HOME), else of the working directory. */
    static Path defaultTrendsFile() {
        String home = System.getenv("LIPF_HOME");
        return (home != null ? Path.of(home) : Path.of("")).resolve("validation").resolve("trends.yaml");
    }
}
