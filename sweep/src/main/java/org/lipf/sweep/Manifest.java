package org.lipf.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.lipf.output.CsvTable;

/**
 * {@code DIR/runs.csv}: what each run is, written before any run starts: index, id (the folder
 * under {@code runs/}), the parameters (one column per axis: what {@link RunFolders} matches earlier
 * runs by), the scenario file and the overrides passed to it.
 */
final class Manifest {
    static final String FILE_NAME = "runs.csv";

    private Manifest() {
    }

    static void write(SweepSpec spec, List<SweepRun> runs, Path sweepDir) throws IOException {
        List<String> axes = spec.axisNames();
        List<List<String>> table = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("index", "run"));
        header.addAll(axes);
        header.addAll(List.of("scenario", "overrides"));
        table.add(header);
        for (SweepRun r : runs) {
            List<String> line = new ArrayList<>(List.of(Integer.toString(r.index()), r.id()));
            for (String a : axes) line.add(r.parameters().getOrDefault(a, ""));
            line.add(r.scenario().toString());
            line.add(overridesText(r));
            table.add(line);
        }
        CsvTable.write(sweepDir.resolve(FILE_NAME), table);
    }

    /** The overrides column of a run: {@code key=value; key=value} in the run's order. */
    private static String overridesText(SweepRun r) {
        StringJoiner o = new StringJoiner("; ");
        r.overrides().forEach((k, v) -> o.add(k + "=" + v));
        return o.toString();
    }
}
