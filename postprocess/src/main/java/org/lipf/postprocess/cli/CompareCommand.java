package org.lipf.postprocess.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lipf.postprocess.RunFolder;
import org.lipf.postprocess.RunFolderException;
import org.lipf.postprocess.render.CompareFigure;
import org.lipf.postprocess.render.CompareTarget;
import org.lipf.postprocess.render.Images;
import org.lipf.postprocess.render.SlicePositions;
import org.lipf.scenario.PhysicalQuantity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lipf compare RUN1 RUN2 ...}: runs side by side at the same time or charge, with their metrics. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Put runs side by side at the same time or passed charge, with their metrics; one PNG.",
            "Default time: the latest time all runs reached. Each run shows its closest snapshot; a warning names each run "
                + "whose closest snapshot is more than 1 %% away. A net charge recurs in every cycle of a run that plates and strips: "
                + "it shows the first time the charge reaches it (a note says so), or --cycle N picks the cycle."})
public final class CompareCommand extends PostprocessCommand {
    @Parameters(index = "0..*", arity = "1..*", paramLabel = "RUN", description = "Run folders.")
    List<Path> runDirs;

    private static final String CYCLE_HINT = " (--cycle N counts the charge plated, or negative stripped, in cycle N)";

    @Option(names = "--at-time", paramLabel = "T", description = "Simulated time, e.g. '4 s' or '2 min'; a bare number is in s (each run's closest snapshot).")
    String atTime;

    @Option(names = "--at-charge", paramLabel = "Q",
            description = "Passed charge per area, e.g. '0.5 mAh/cm^2' (negative while stripping); a bare number is in mAh/cm^2 (each run's "
                    + "closest snapshot where its charge first reaches it; with --cycle, the charge plated, or negative stripped, in that cycle).")
    String atCharge;

    @Option(names = "--cycle", paramLabel = "N",
            description = "With --at-charge, on runs that plate and strip in turn (a cycling protocol or a symmetric ccd_ramp): "
                    + "count the charge from the start of cycle N (from 1): positive, plated in its plating half; negative, stripped in its stripping half.")
    Integer cycle;

    @Option(names = "--slice-y", paramLabel = "Y",
            description = "Where a 3D run's x-z slice cuts y, e.g. '1.2 um'; a bare number is in um (default: mid y).")
    String sliceY;

    @Option(names = "--slice-z", paramLabel = "Z",
            description = "Show a 3D run's x-y slice at this height above the current collector instead of its x-z slice, e.g. '6 um'; "
                    + "a bare number is in um.")
    String sliceZ;

    /** The default output's file name: in the working directory, or in RUN/figures/ where one run is shown. */
    public static final String FILE_NAME = "compare.png";

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Output PNG (default: " + FILE_NAME + "; with one run, RUN/figures/" + FILE_NAME + ", beside its other pictures).")
    Path output;

    @Override
    int execute() throws Exception {
        if (atTime != null && atCharge != null) throw new RunFolderException("give --at-time or --at-charge, not both");
        if (cycle != null && atCharge == null)
            throw new RunFolderException("--cycle needs --at-charge: the charge plated (or, negative, stripped) in that cycle");
        if (cycle != null && cycle < 1) throw new RunFolderException("--cycle: cycles count from 1, got " + cycle);
        List<RunFolder> runs = new ArrayList<>();
        for (Path p : runDirs) runs.add(RunFolder.open(p));
        // a run's picture is one slice: the x-z one at y, or the x-y one at z
        if (sliceY != null && sliceZ != null) throw new RunFolderException("give --slice-y or --slice-z, not both: a 3D run shows one slice");
        SlicePositions slices = new SlicePositions(Double.NaN, slice("--slice-y", sliceY), slice("--slice-z", sliceZ));
        boolean any3D = false;
        for (RunFolder run : runs) any3D |= is3D(run);
        if ((sliceY != null || sliceZ != null) && !any3D)
            throw new RunFolderException((sliceY != null ? "--slice-y" : "--slice-z") + ": no run is 3D (a 2D run's picture is its one x-z cross-section)");
        CompareTarget target;
        if (atCharge != null) {
            double q = quantity("--at-charge", atCharge, PhysicalQuantity.AREAL_CAPACITY, "mAh/cm^2", true);
            target = cycle == null ? CompareTarget.charge(q) : CompareTarget.chargeInCycle(q, cycle);
        } else {
            target = CompareTarget.time(atTime != null ? quantity("--at-time", atTime, PhysicalQuantity.TIME, "s", false) : CompareFigure.commonTime_s(runs));
        }
        List<CompareFigure.Column> columns = CompareFigure.at(runs, target);
        for (CompareFigure.Column c : columns) {
            if (c.pick().passages() > 1)
                System.err.println("note: " + c.label() + ": its passed charge reaches " + target.describe(target.value()) + " "
                        + c.pick().passages() + " times in its snapshots (it plates and strips in turn); shown: the first, at t = " + Images.time(c.snapshot().time_s())
                        + (c.pick().cycles() ? CYCLE_HINT : ""));
            if (!c.pick().near())
                // a net charge that a cycling run never reaches (a stripped amount, negative) is often one half's: --cycle counts it there
                System.err.println("warning: " + c.label() + ": its closest snapshot is at " + c.pick().where() + ", not " + target.describeTarget()
                        + (c.pick().cycles() && target.byCharge() && target.cycle() == 0 ? CYCLE_HINT : ""));
        }
        Path file = output != null ? output : runs.size() == 1 ? runs.get(0).figuresDir().resolve(FILE_NAME) : Path.of(FILE_NAME);
        Path png = Images.writePng(CompareFigure.draw(columns, title(target, atTime == null && atCharge == null), slices), file);
        System.err.println("lipf: comparison of " + runs.size() + (runs.size() == 1 ? " run" : " runs") + " written to " + png);
        return 0;
    }

    /**
     * The figure's title: what was asked for, and that each picture is its run's closest snapshot, whose time
     * or charge its caption gives (they differ where runs wrote snapshots at other times, or ended before).
     */
    static String title(CompareTarget target, boolean latestCommonTime) {
        return "Comparison at " + target.describeTarget() + (latestCommonTime ? " (the latest time all runs reached)" : "")
                + ": each run's closest snapshot" + (target.byCharge() && target.cycle() == 0 ? " where its charge first reaches it" : "")
                + ", its " + target.quantity() + " above it";
    }
}
