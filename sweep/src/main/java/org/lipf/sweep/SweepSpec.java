package org.lipf.sweep;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A sweep file, read and checked: the base scenario, the groups of axes whose values are
 * combined (every group with every other; the axes inside one zip group vary together), an
 * optional sampled design, the metrics to collect, run limits, the plot and the Slurm options.
 *
 * @param file the sweep file
 * @param base the base scenario (absolute), used by every run whose axis values name no other file
 * @param groups groups of axes: the runs are the Cartesian product over groups; inside a group
 *     value {@code i} of every axis goes with value {@code i} of the others
 * @param sample a sampled design (Sobol or Latin hypercube), one more group; null if none
 * @param replicates the replicate seeds, the last and fastest-varying group; null if none
 * @param metrics metric names for summary.csv; empty for the default set
 * @param endTime_s simulated end time passed to every run ({@code --end-time}), null for the scenario's
 * @param maxSteps step limit passed to every run ({@code --max-steps}), null for none
 * @param plot the plot of summary.csv, null for none
 * @param slurm options of the emitted Slurm script
 */
public record SweepSpec(Path file, Path base, List<List<Axis>> groups, SampleSpec sample, Axis replicates, List<String> metrics,
        Double endTime_s, Long maxSteps, PlotSpec plot, SlurmSpec slurm) {
    public SweepSpec {
        groups = groups.stream().map(List::copyOf).toList();
        metrics = List.copyOf(metrics);
    }

    /** Every axis in order: the groups' axes, the sampled ones, then the replicates. */
    public List<String> axisNames() {
        List<String> names = new java.util.ArrayList<>();
        for (List<Axis> g : groups) for (Axis a : g) names.add(a.name());
        if (sample != null) for (SampledAxis a : sample.axes()) names.add(a.key());
        if (replicates != null) names.add(replicates.name());
        return names;
    }

    /** One axis: a name and its values. */
    public record Axis(String name, List<AxisValue> values, int line) {
        public Axis {
            values = List.copyOf(values);
        }
    }

    /**
     * One value of an axis: its label (in folder names, runs.csv and summary.csv), the scenario
     * overrides it sets ({@code key.path -> YAML value}, as {@code lipf run --set}), and the
     * scenario file it selects (null: the sweep's base).
     */
    public record AxisValue(String label, Map<String, String> overrides, Path scenario, int line) {
        public AxisValue {
            overrides = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(overrides));
        }
    }

    /** How sampled designs fill the unit cube. */
    public enum SampleMethod { SOBOL, LATIN_HYPERCUBE }

    /** A sampled design over continuous axes. */
    public record SampleSpec(SampleMethod method, int count, long seed, List<SampledAxis> axes, int line) {
        public SampleSpec {
            axes = List.copyOf(axes);
        }
    }

    /**
     * A continuous axis of a sampled design: values from {@code from} to {@code to} in
     * {@code unit} (both ends given in the same unit), spaced linearly or logarithmically.
     */
    public record SampledAxis(String key, double from, double to, String unit, boolean logarithmic, int line) {
    }

    /**
     * The plot: {@code metric} over axis {@code x} (on a logarithmic scale if that axis is spaced
     * logarithmically), one line per value of axis {@code series} (null: one line).
     */
    public record PlotSpec(String metric, String x, String series, boolean logX) {
    }

    /**
     * Options of the emitted Slurm job-array script.
     *
     * @param partition {@code --partition}, null for the cluster's default
     * @param time {@code --time} per array task, null for the default
     * @param cpusPerTask {@code --cpus-per-task}: the threads of each run
     * @param maxParallel most array tasks at once ({@code %M}), 0 for no limit
     * @param extraOptions further {@code #SBATCH} lines, e.g. {@code --account=abc}
     */
    public record SlurmSpec(String partition, String time, int cpusPerTask, int maxParallel, List<String> extraOptions) {
        public SlurmSpec {
            extraOptions = List.copyOf(extraOptions);
        }
    }
}
