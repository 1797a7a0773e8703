package org.lipf.postprocess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.lipf.output.RunInfo;
import org.lipf.output.Snapshot;
import org.lipf.output.SnapshotInfo;
import org.lipf.output.SnapshotReader;
import org.lipf.output.TimeSeriesWriter;
import org.lipf.scenario.MaterialSpec;
import org.lipf.scenario.Scenario;
import org.lipf.scenario.ScenarioException;
import org.lipf.scenario.ScenarioLoader;

/**
 * A finished or running LiPF run folder, read from its files only (README "Run folder"): the
 * resolved {@code scenario.yaml} (material properties, layers, model constants), the snapshot
 * files {@code snapshots/step_NNNNNNNN.h5} sorted by step, and {@code timeseries.csv}. Post-processing
 * writes its images under {@code figures/} and its table to {@code metrics.csv}.
 */
public final class RunFolder {
    public static final String SCENARIO_FILE = "scenario.yaml";
    public static final String FIGURES_DIR = "figures";
    public static final String METRICS_FILE = "metrics.csv";
    public static final String XDMF_FILE = "fields.xdmf";

    private final Path dir;
    private final Scenario scenario;
    private final List<Path> snapshots;

    private RunFolder(Path dir, Scenario scenario, List<Path> snapshots) {
        this.dir = dir;
        this.scenario = scenario;
        this.snapshots = snapshots;
    }

    /**
     * Opens a run folder: it must hold {@code scenario.yaml} (or {@code run.json}, to recognise a run
     * folder) and at least one snapshot.
     */
    public static RunFolder open(Path dir) throws RunFolderException {
        if (!Files.isDirectory(dir)) throw new RunFolderException(dir + ": no such run folder");
        Path yaml = dir.resolve(SCENARIO_FILE);
        if (!Files.isRegularFile(yaml)) {
            throw new RunFolderException(dir + " is not a LiPF run folder (no " + SCENARIO_FILE
                    + (Files.isRegularFile(dir.resolve(RunInfo.FILE_NAME)) ? "" : " and no " + RunInfo.FILE_NAME) + ")");
        }
        Scenario scenario;
        try {
            scenario = ScenarioLoader.loadRecorded(yaml, Map.of()); // its geometry is in its snapshots
        } catch (ScenarioException e) {
            throw new RunFolderException(e.getMessage(), e);
        }
        List<Path> snaps;
        try {
            snaps = SnapshotReader.list(dir.resolve(SnapshotInfo.SNAPSHOT_DIR));
        } catch (IOException e) {
            throw new RunFolderException("cannot list " + dir.resolve(SnapshotInfo.SNAPSHOT_DIR) + ": " + e.getMessage(), e);
        }
        if (snaps.isEmpty()) throw new RunFolderException(dir + " has no snapshots (" + SnapshotInfo.SNAPSHOT_DIR + "/step_NNNNNNNN.h5)");
        return new RunFolder(dir, scenario, List.copyOf(snaps));
    }

    public Path dir() {
        return dir;
    }

    /** The run's name (the scenario's). */
    public String name() {
        return scenario.name();
    }

    public Scenario scenario() {
        return scenario;
    }

    /** Snapshot files sorted by step. */
    public List<Path> snapshots() {
        return snapshots;
    }

    /** Reads one snapshot; a damaged file is an error naming it. */
    public Snapshot read(Path snapshot) throws RunFolderException {
        try {
            return SnapshotReader.read(snapshot);
        } catch (IOException e) {
            throw new RunFolderException(e.getMessage(), e);
        }
    }

    /** Reads the snapshot at index {@code i} of {@link #snapshots()}. */
    public Snapshot read(int i) throws RunFolderException {
        return read(snapshots.get(i));
    }

    /** The solver's time series ({@code timeseries.csv}). */
    public TimeSeriesTable timeSeries() throws RunFolderException {
        Path csv = dir.resolve(TimeSeriesWriter.FILE_NAME);
        if (!Files.isRegularFile(csv)) throw new RunFolderException(dir + " has no " + TimeSeriesWriter.FILE_NAME);
        return TimeSeriesTable.read(csv);
    }

    public Path figuresDir() {
        return dir.resolve(FIGURES_DIR);
    }

    /**
     * f_free per material id of a snapshot's material names, from the scenario (a name the scenario
     * does not define is an error).
     */
    public double[] freeFraction(List<String> materialNames) throws RunFolderException {
        double[] f = new double[materialNames.size()];
        for (int id = 0; id < f.length; id++) f[id] = material(materialNames.get(id)).freeFraction();
        return f;
    }

    /** A material of the scenario by name; an unknown name is an error naming the scenario file. */
    public MaterialSpec material(String name) throws RunFolderException {
        for (MaterialSpec m : scenario.materials()) if (m.name().equals(name)) return m;
        throw new RunFolderException(dir.resolve(SCENARIO_FILE) + " defines no material '" + name + "' named in the snapshots");
    }
}
