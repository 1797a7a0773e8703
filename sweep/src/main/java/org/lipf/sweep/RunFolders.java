package org.lipf.sweep;

import org.lipf.output.CsvTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the runs of a sweep begun earlier in the folders they have. Run names leave out the axes with
 * a single value, so a run's name changes when such an axis gains a value (a sweep extended), and
 * sweeps begun before single-valued axes were left out have their folders under the longer names;
 * under today's names those runs would look pending and run again. Every sweep writes runs.csv
 * ({@link Manifest}: each run's folder, scenario file and overrides) before any run starts, so a run
 * whose scenario and overrides are a row of the runs.csv in the sweep folder keeps that row's folder
 * where it exists and today's does not. Everything that finds a run's folder (its state, runs.csv,
 * the Slurm task list, summary.csv, {@code --task ID}) goes through {@link SweepRun#folder} after
 * this, so the choice is made here only; the runs.csv written next records it, so a child process or
 * a Slurm task makes the same choice.
 */
final class RunFolders {
    private RunFolders() {
    }

    /** {@code runs} with the ids of the folders they have in {@code sweepDir}. */
    static List<SweepRun> resume(List<SweepRun> runs, Path sweepDir) throws IOException {
        Map<String, String> before = earlierFolders(sweepDir.resolve(Manifest.FILE_NAME));
        if (before.isEmpty()) return runs;
        // an earlier folder that is some run's name today would be two runs in one folder: keep today's then
        Set<String> taken = new HashSet<>(runs.stream().map(SweepRun::id).toList());
        List<SweepRun> out = new ArrayList<>();
        for (SweepRun r : runs) {
            String id = before.get(Manifest.identity(r));
            SweepRun earlier = id == null || id.equals(r.id()) ? null : r.withId(id);
            boolean keep = earlier != null && !taken.contains(id) && Files.isDirectory(earlier.folder(sweepDir)) && !Files.exists(r.folder(sweepDir));
            if (keep) taken.add(id);
            out.add(keep ? earlier : r);
        }
        return out;
    }

    /** What runs.csv says: the identity of each run ({@link Manifest#identity}) to its folder name. */
    private static Map<String, String> earlierFolders(Path manifest) throws IOException {
        Map<String, String> folders = new HashMap<>();
        if (!Files.isRegularFile(manifest)) return folders;
        List<List<String>> rows = CsvTable.read(manifest);
        if (rows.isEmpty()) return folders;
        List<String> header = rows.get(0);
        int run = header.indexOf("run"), scenario = header.indexOf("scenario"), overrides = header.indexOf("overrides");
        if (run < 0 || scenario < 0 || overrides < 0) return folders;
        for (List<String> row : rows.subList(1, rows.size()))
            if (row.size() > Math.max(run, Math.max(scenario, overrides)))
                folders.put(Manifest.identity(row.get(scenario), row.get(overrides)), row.get(run));
        return folders;
    }
}
