package org.lipf.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.lipf.output.MaterialsCsv;
import org.lipf.output.RunInfo;
import org.lipf.output.RunResults;
import org.lipf.output.SnapshotReader;
import org.lipf.output.XdmfWriter;
import org.lipf.scenario.ScenarioException;

/**
 * The outputs of an earlier run in a run folder, which a new run replaces so that the two do not mix (README "Run
 * folder"). Only what LiPF writes goes: the snapshots, time series, XDMF index, results, material table, metrics table and the
 * post-processor's pictures. A folder that holds such files without a LiPF run.json is not taken for a run folder:
 * those files may be a user's, and the run refuses the folder instead of deleting or overwriting them.
 */
final class EarlierRun {
    private static final List<String> FILES = List.of("timeseries.csv", "fields.xdmf", "results.json", "metrics.csv", MaterialsCsv.FILE_NAME);
    /** Snapshots and the temporary files of snapshots being written. */
    private static final Pattern SNAPSHOT = Pattern.compile("\\.?step_\\d+\\.h5.*");
    /** The step in a picture's name (its eight digits, as a snapshot's). */
    private static final Pattern STEP = Pattern.compile("_step_(\\d{1,18})\\.png$");
    /** What lipf render, lipf plot and lipf compare (of the run alone) write into figures/. */
    private static final Pattern FIGURE = Pattern.compile("[a-z_]+_step_\\d+\\.png|[a-z_]+\\.gif|timeseries\\.png|compare\\.png");

    private EarlierRun() {
    }

    /**
     * Removes the earlier run's outputs from dir.
     *
     * @return whether there were any
     * @throws ScenarioException (bad input) if dir holds such files but no run.json of LiPF
     */
    static boolean replace(Path dir) throws IOException {
        List<Path> outputs = new ArrayList<>();
        collect(dir.resolve("snapshots"), SNAPSHOT, outputs);
        collect(dir.resolve("figures"), FIGURE, outputs);
        for (String name : FILES) if (Files.isRegularFile(dir.resolve(name))) outputs.add(dir.resolve(name));
        if (outputs.isEmpty()) return false;
        if (!isRunFolder(dir))
            throw new ScenarioException("-o", "", -1, dir + " holds " + dir.relativize(outputs.get(0)) + " but no run.json of a LiPF run: "
                    + "not replaced, in case those files are yours; give a new or empty folder, or remove them");
        for (Path f : outputs) Files.delete(f);
        Path figures = dir.resolve("figures");
        if (Files.isDirectory(figures))
            try (var left = Files.list(figures)) {
                if (left.findAny().isEmpty()) Files.delete(figures);
            }
        return true;
    }

    /**
     * Before a restart in dir from its own snapshot of {@code step}: removes what the run wrote after that step (the
     * later snapshots and their pictures), and what it derived from its whole history (the metrics table, results.json,
     * the animation, the plot, a comparison), and lists the kept snapshots in fields.xdmf, so that the continuation
     * does not mix with them even if it ends before its next snapshot; the time series drops its later rows itself
     * ({@link org.lipf.output.TimeSeriesWriter#resume}). Only files named as LiPF names its snapshots go (a user's
     * {@code step_00000500.h5.bak} stays). A restart from the last snapshot removes nothing.
     *
     * @return the number of later snapshots removed
     */
    static int replaceAfter(Path dir, long step) throws IOException {
        List<Path> kept = new ArrayList<>(SnapshotReader.list(dir.resolve("snapshots"))), later = new ArrayList<>(kept), figures = new ArrayList<>();
        kept.removeIf(f -> SnapshotReader.step(f) > step);
        later.removeAll(kept);
        if (later.isEmpty()) return 0;
        collect(dir.resolve("figures"), FIGURE, figures);
        // a picture of one snapshot names its step; the animation, the plot and a comparison cover the whole history
        figures.removeIf(f -> stepIn(f) >= 0 && stepIn(f) <= step);
        for (Path f : later) Files.delete(f);
        for (Path f : figures) Files.delete(f);
        Files.deleteIfExists(dir.resolve("metrics.csv"));
        Files.deleteIfExists(dir.resolve(RunResults.FILE_NAME));
        XdmfWriter.writeFromFiles(dir, kept);
        return later.size();
    }

    /** The step a picture's name holds ({@code ..._step_NNNNNNNN.png}), or -1. */
    private static long stepIn(Path file) {
        var m = STEP.matcher(file.getFileName().toString());
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private static boolean isRunFolder(Path dir) {
        try {
            return RunInfo.read(dir.resolve(RunInfo.FILE_NAME)) != null;
        } catch (IOException | RuntimeException notARun) {
            return false;
        }
    }

    private static void collect(Path folder, Pattern names, List<Path> into) throws IOException {
        if (!Files.isDirectory(folder)) return;
        try (var files = Files.list(folder)) {
            files.filter(f -> Files.isRegularFile(f) && names.matcher(f.getFileName().toString()).matches()).sorted().forEach(into::add);
        }
    }
}
