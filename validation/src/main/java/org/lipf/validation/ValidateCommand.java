package org.lipf.validation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.lipf.cli.Lipf;
import org.lipf.cli.LipfCommand;
import org.lipf.output.CsvTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lipf validate trends}: runs the sweep of every published trend of PAPERS.md and writes
 * a report with the simulated values next to the published ones and PASS/FAIL on the order.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check the simulator against the published trends (validation/trends.yaml): runs their sweeps, writes DIR/report.md.")
public final class ValidateCommand implements Callable<Integer>, LipfCommand {
    @Parameters(index = "0", paramLabel = "trends", description = "What to validate: trends.")
    String what;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Folder of the runs and the report (default: runs/validation or runs/validation-quick).")
    Path output;

    @Option(names = "--quick", description = "A smoke test (2-3 minutes on two cores, CI runs it): the trends with a quick_sweep, run with it; its runs are too short for its values to mean anything.")
    boolean quick;

    @Option(names = "--jobs", paramLabel = "N", description = "Runs at a time (passed to lipf sweep).")
    Integer jobs;

    @Option(names = "--threads", paramLabel = "N", description = "Threads per run (passed to lipf sweep; default: the cores shared out among the jobs).")
    Integer threads;

    @Option(names = "--trends", paramLabel = "FILE", description = "Trends file (default: validation/trends.yaml of this LiPF).")
    Path trendsFile;

    @Override
    public Integer call() throws IOException {
        if (!"trends".equals(what)) throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "unknown validation '" + what + "': use trends");
        Path file = trendsFile != null ? trendsFile : defaultTrendsFile();
        List<Trend> trends = TrendFile.read(file);
        Path dir = output != null ? output : Path.of("runs", quick ? "validation-quick" : "validation");
        Files.createDirectories(dir);
        List<TrendReport.Outcome> outcomes = new ArrayList<>();
        for (Trend t : trends) {
            Path sweep = quick ? t.quickSweep() : t.sweep();
            if (sweep == null) continue;
            System.err.println("lipf validate: " + t.id() + ": " + t.claim());
            Path runs = dir.resolve(t.id());
            // a trend's scenario edited since its runs: they are moved aside and run again, so the report is of the files as they are
            List<String> args = new ArrayList<>(List.of("sweep", sweep.toString(), "-o", runs.toString(), "--rerun-changed"));
            if (jobs != null) args.addAll(List.of("--jobs", jobs.toString()));
            if (threads != null) args.addAll(List.of("--threads", threads.toString()));
            int code = Lipf.execute(args.toArray(String[]::new));
            Path summary = runs.resolve("summary.csv");
            if (!Files.isRegularFile(summary)) {
                outcomes.add(new TrendReport.Outcome(t, List.of(), "The sweep did not run (lipf sweep exited " + code + ")."));
                continue;
            }
            List<List<String>> table = CsvTable.read(summary);
            List<CheckResult> results = new ArrayList<>();
            for (Trend.Check c : t.checks()) {
                if (!c.atCommonTime()) {
                    results.add(CheckResult.evaluate(c, table));
                    continue;
                }
                try {
                    CommonTime.Reading at = CommonTime.read(c, table, runs);
                    results.add(CheckResult.evaluate(c, at.summary()).withNote(at.note()));
                } catch (IOException | IllegalArgumentException e) {
                    results.add(CheckResult.failed(c, "cannot read the runs' time series at a common time: " + e.getMessage()));
                }
            }
            outcomes.add(new TrendReport.Outcome(t, results, code == 0 ? null : "Some runs failed (lipf sweep exited " + code + "); see " + summary + "."));
        }
        Path report = TrendReport.write(dir, outcomes, quick);
        long pass = outcomes.stream().flatMap(o -> o.results().stream()).filter(CheckResult::pass).count();
        long total = outcomes.stream().mapToLong(o -> o.results().size()).sum();
        System.err.printf("lipf validate: %d of %d checks pass; report in %s%n", pass, total, report);
        return 0;
    }

    /** validation/trends.yaml of the LiPF the launcher runs ($LIPF_HOME), else of the working directory. */
    static Path defaultTrendsFile() {
        String home = System.getenv("LIPF_HOME");
        return (home != null ? Path.of(home) : Path.of("")).resolve("validation").resolve("trends.yaml");
    }
}
