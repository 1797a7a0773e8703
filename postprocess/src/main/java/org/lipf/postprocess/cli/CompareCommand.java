package org.lipf.postprocess.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lipf.postprocess.RunFolder;
import org.lipf.postprocess.RunFolderException;
import org.lipf.postprocess.render.CompareFigure;
import org.lipf.postprocess.render.Images;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lipf compare RUN1 RUN2 ...}: runs side by side at the same time or charge, with their metrics. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Put runs side by side at the same time or passed charge, with their metrics; one PNG.",
            "Default time: the latest time all runs reached."})
public final class CompareCommand extends PostprocessCommand {
    @Parameters(index = "0..*", arity = "1..*", paramLabel = "RUN", description = "Run folders.")
    List<Path> runDirs;

    @Option(names = "--at-time", paramLabel = "T", description = "Simulated time in s (each run's closest snapshot).")
    Double atTime;

    @Option(names = "--at-charge", paramLabel = "Q", description = "Passed charge in mAh/cm^2 (each run's closest snapshot).")
    Double atCharge;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = "compare.png", description = "Output PNG (default: ${DEFAULT-VALUE}).")
    Path output;

    @Override
    int execute() throws Exception {
        if (atTime != null && atCharge != null) throw new RunFolderException("give --at-time or --at-charge, not both");
        List<RunFolder> runs = new ArrayList<>();
        for (Path p : runDirs) runs.add(RunFolder.open(p));
        List<CompareFigure.Column> columns;
        String title;
        if (atCharge != null) {
            columns = CompareFigure.atCharge(runs, atCharge);
            title = "at " + atCharge + " mAh/cm\u00b2 passed";
        } else {
            double t = atTime != null ? atTime : CompareFigure.commonTime_s(runs);
            columns = CompareFigure.atTime(runs, t);
            title = "at t = " + Images.time(t);
        }
        Path png = Images.writePng(CompareFigure.draw(columns, "Comparison " + title), output);
        System.err.println("lipf: comparison of " + runs.size() + " runs written to " + png);
        return 0;
    }
}
