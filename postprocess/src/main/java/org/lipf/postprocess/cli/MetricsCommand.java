package org.lipf.postprocess.cli;

import java.nio.file.Path;
import org.lipf.postprocess.RunFolder;
import org.lipf.postprocess.metrics.RunMetrics;
import org.lipf.postprocess.render.Images;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code lipf metrics RUN}: the deposit's measures per snapshot, to RUN/metrics.csv and the terminal. */
@Command(name = "metrics", mixinStandardHelpOptions = true,
        description = {"Measure the Li deposit in every snapshot of a run; writes RUN/metrics.csv and prints a table.",
            "Deposited volume, front height, penetration into the electrolyte, roughness, interface area, metal pieces "
                + "(isolated nuclei), short flag, the largest column current density and its ratio to the mean (current constriction), "
                + "and the share of the deposited Li in each layer."})
public final class MetricsCommand extends PostprocessCommand {
    @Parameters(index = "0", paramLabel = "RUN", description = "Run folder (written by lipf run).")
    Path runDir;

    @Override
    int execute() throws Exception {
        RunFolder run = RunFolder.open(runDir);
        RunMetrics m = RunMetrics.compute(run);
        Path csv = run.dir().resolve(RunFolder.METRICS_FILE);
        m.writeCsv(csv);
        System.out.print(m.summary());
        if (m.sharesFrom_s() > 0)
            System.err.println("note: the layer shares count the Li deposited" + Images.since(m.sharesFrom_s()) + ", the folder's first snapshot (a run continued "
                    + "from another folder's snapshot); the deposited volume counts from the run's start");
        System.err.println("lipf: " + m.rows().size() + " snapshots measured; table in " + csv);
        return 0;
    }
}
