package org.lipf.postprocess.cli;

import java.nio.file.Path;
import org.lipf.postprocess.RunFolder;
import org.lipf.postprocess.plot.TimeSeriesFigure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code lipf plot RUN}: the run's time series as charts. */
@Command(name = "plot", mixinStandardHelpOptions = true,
        description = {"Plot the time series of a run to RUN/figures/timeseries.png.",
            "Cell voltage, current density, front height and penetration, share of the deposited Li in each layer."})
public final class PlotCommand extends PostprocessCommand {
    @Parameters(index = "0", paramLabel = "RUN", description = "Run folder (written by lipf run).")
    Path runDir;

    @Override
    int execute() throws Exception {
        Path png = TimeSeriesFigure.write(RunFolder.open(runDir));
        System.err.println("lipf: time series plotted to " + png);
        return 0;
    }
}
