package org.lipf.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import org.lipf.output.AtomicFiles;
import org.lipf.output.CsvTable;

/**
 * Gives each run of a sweep its folder, keeping the runs of a sweep begun earlier in the folders
 * they have and never putting a run in a folder of other parameters.
 *
 * <p>A run's identity is its parameters ({@link #identity}: {@code axis=value} lines, axes sorted),
 * independent of paths, so a sweep folder moved elsewhere resumes in place. {@link RunTask} records it
 * in the run folder ({@link #PARAMETERS_FILE}) when it starts or restarts the run.
 *
 * <p>Run names leave out the axes with a single value, so a run's name changes when such an axis
 * gains a value (a sweep extended), and sweeps begun before single-valued axes were left out have
 * their folders under the longer names. Every sweep writes runs.csv ({@link Manifest}: each run's
 * folder and parameters) before any run starts, so a run whose identity is a row of the runs.csv in
 * the sweep folder keeps that row's folder where it exists, records no other identity, and today's
 * does not exist or records another identity. Otherwise the run gets today's name unless that folder
 * records another identity (a single-valued axis whose value changed gives the same names): then
 * it gets today's name + {@code -} + 8 hex digits of a hash of its identity. Folders without the
 * record (sweeps begun before it was written) are reused as before.
 *
 * <p>Everything that finds a run's folder (its state, runs.csv, the Slurm task list, summary.csv,
 * {@code --task ID}) goes through {@link SweepRun#folder} after this, so the choice is made here
 * only. A child process or Slurm task makes the same choice as its parent, after the parent wrote
 * runs.csv and created folders: a run the parent gave today's name has it in runs.csv and its
 * folder records nothing or its own identity; one it gave the hashed name finds it in runs.csv (or,
 * before its folder exists, by the same rule, as today's folder still records the other identity);
 * one it gave an earlier folder finds it in runs.csv while today's folder is still absent or another's.
 */
final class RunFolders {
    /** The file in a run folder that records the run's identity. */
    static final String PARAMETERS_FILE = "sweep-parameters.txt";

    private RunFolders() {
    }

    /** The canonical text of a run's parameters: {@code axis=value} lines, axes sorted; empty values left out. */
    static String identity(Map<String, String> parameters) {
        StringJoiner j = new StringJoiner("\n");
        new TreeMap<>(parameters).forEach((axis, value) -> {
            if (value != null && !value.isEmpty()) j.add(axis + "=" + value);
        });
        return j.toString();
    }

    /** The identity {@code folder} records; null if it records none. */
    static String recorded(Path folder) throws IOException {
        Path f = folder.resolve(PARAMETERS_FILE);
        return Files.isRegularFile(f) ? Files.readString(f, StandardCharsets.UTF_8).strip() : null;
    }

    /** Records {@code run}'s identity in {@code folder}. */
    static void record(SweepRun run, Path folder) throws IOException {
        AtomicFiles.writeString(folder.resolve(PARAMETERS_FILE), run.identity() + "\n");
    }

    /** Whether {@code folder} records an identity other than {@code identity}. */
    private static boolean another(Path folder, String identity) throws IOException {
        String r = recorded(folder);
        return r != null && !r.equals(identity);
    }

    /** {@code runs} with the ids of the folders they have in {@code sweepDir}. */
    static List<SweepRun> resume(List<SweepRun> runs, Path sweepDir) throws IOException {
        Map<String, String> before = earlierFolders(sweepDir.resolve(Manifest.FILE_NAME));
        // an earlier folder that is some run's name today would be two runs in one folder: keep today's then
        Set<String> taken = new HashSet<>(runs.stream().map(SweepRun::id).toList());
        List<SweepRun> out = new ArrayList<>();
        for (SweepRun r : runs) {
            String identity = r.identity();
            Path today = r.folder(sweepDir);
            boolean todayFree = !Files.exists(today) || another(today, identity);
            String id = before.get(identity);
            SweepRun earlier = id == null || id.equals(r.id()) || taken.contains(id) ? null : r.withId(id);
            if (earlier != null && todayFree && Files.isDirectory(earlier.folder(sweepDir)) && !another(earlier.folder(sweepDir), identity)) {
                taken.add(id);
                out.add(earlier);
            } else if (!another(today, identity)) {
                out.add(r);
            } else {
                String own = r.id() + "-" + RunNames.hash(identity);
                if (!taken.add(own)) throw new IllegalStateException("two runs with the folder " + own);
                out.add(r.withId(own));
            }
        }
        return out;
    }

    /** What runs.csv says: the identity of each run (its parameters, the columns between run and scenario) to its folder name. */
    private static Map<String, String> earlierFolders(Path manifest) throws IOException {
        Map<String, String> folders = new HashMap<>();
        if (!Files.isRegularFile(manifest)) return folders;
        List<List<String>> rows = CsvTable.read(manifest);
        if (rows.isEmpty()) return folders;
        List<String> header = rows.get(0);
        int run = header.indexOf("run"), scenario = header.indexOf("scenario");
        if (run < 0 || scenario <= run) return folders;
        for (List<String> row : rows.subList(1, rows.size())) {
            if (row.size() < scenario) continue;
            Map<String, String> parameters = new HashMap<>();
            for (int i = run + 1; i < scenario; i++) parameters.put(header.get(i), row.get(i));
            folders.put(identity(parameters), row.get(run));
        }
        return folders;
    }
}
