package org.lipf.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lipf.output.CsvTable;

/**
 * {@code DIR/summary.csv}: one row per run with its id, its parameters, its status and reason,
 * and the metrics the sweep file asks for (see {@link RunMetrics}; an empty cell where a run has
 * no such value). Without a {@code metrics} list: {@link #DEFAULT_METRICS} and every key of the
 * runs' results.json files.
 */
final class SweepSummary {
    static final String FILE_NAME = "summary.csv";
    static final List<String> DEFAULT_METRICS = List.of("time_s", "step", "cell_voltage_V", "passed_charge_C_per_m2",
            "deposited_li_volume_m3_per_m2", "front_height_m", "penetration_m", "short_time_s", RunMetrics.WALL_TIME);

    /** One run's row. */
    record Row(SweepRun run, RunState state, Map<String, String> metrics) {
        String metric(String name) {
            return metrics.getOrDefault(name, "");
        }
    }

    private SweepSummary() {
    }

    /** Reads every run folder now. */
    static List<Row> collect(SweepSpec spec, List<SweepRun> runs, Path sweepDir) throws IOException {
        List<Row> rows = new ArrayList<>();
        List<String> wanted = new ArrayList<>(spec.metrics());
        if (spec.plot() != null) wanted.add(spec.plot().metric());
        for (SweepRun r : runs) {
            Path folder = r.folder(sweepDir);
            RunState s = RunState.of(folder);
            rows.add(new Row(r, s, RunMetrics.read(folder, s.info(), wanted)));
        }
        return rows;
    }

    static List<String> metricNames(SweepSpec spec, List<Row> rows) {
        if (!spec.metrics().isEmpty()) return spec.metrics();
        Set<String> names = new LinkedHashSet<>(DEFAULT_METRICS);
        for (Row r : rows)
            for (String k : r.metrics().keySet())
                if (k.startsWith("results.")) names.add(k.substring("results.".length()));
        return List.copyOf(names);
    }

    /** Writes {@code sweepDir/summary.csv} and returns its path. */
    static Path write(SweepSpec spec, List<Row> rows, Path sweepDir) throws IOException {
        List<String> axes = spec.axisNames();
        List<String> metrics = metricNames(spec, rows);
        List<List<String>> table = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("run"));
        header.addAll(axes);
        header.addAll(List.of("status", "reason"));
        header.addAll(metrics);
        table.add(header);
        for (Row r : rows) {
            List<String> line = new ArrayList<>(List.of(r.run().id()));
            for (String a : axes) line.add(r.run().parameters().getOrDefault(a, ""));
            line.add(r.state().status().csv());
            line.add(r.state().reason());
            for (String m : metrics) line.add(r.metric(m));
            table.add(line);
        }
        Path file = sweepDir.resolve(FILE_NAME);
        CsvTable.write(file, table);
        return file;
    }
}
