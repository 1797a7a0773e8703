package org.lipf.sweep;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Keeps a sweep begun before single-valued axes were left out of run names in its folders. Its
 * runs are in folders named with every axis ({@link RunNames#namesWithEveryAxis}); under today's
 * names they would look pending and run again. So a run whose folder under that name exists,
 * while its folder under today's name does not, keeps the old one: its id becomes the old name.
 * Everything that finds a run's folder, its state (done, interrupted, running under another
 * process's lock), runs.csv, the Slurm task list, summary.csv and {@code --task ID}, goes through
 * {@link SweepRun#folder} after this, so the choice is made here only. Each process of a sweep
 * makes the same choice (nothing creates an old-name folder any more, and a run's folder, once
 * there, stays), so a child or Slurm task finds the run its parent named.
 */
final class RunFolders {
    private RunFolders() {
    }

    /** {@code runs} with the ids of the folders they have in {@code sweepDir}. */
    static List<SweepRun> resume(List<SweepRun> runs, Path sweepDir) {
        if (runs.isEmpty()) return runs;
        List<String> axes = List.copyOf(runs.get(0).parameters().keySet());
        List<String> before = RunNames.namesWithEveryAxis(runs.stream().map(SweepRun::parameters).toList(), axes);
        // an old name that is some run's name today would be two runs in one folder: keep today's then
        Set<String> today = Set.copyOf(runs.stream().map(SweepRun::id).toList());
        List<SweepRun> out = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            SweepRun r = runs.get(i);
            SweepRun old = r.withId(before.get(i));
            boolean keepOld = !today.contains(old.id()) && Files.isDirectory(old.folder(sweepDir)) && !Files.exists(r.folder(sweepDir));
            out.add(keepOld ? old : r);
        }
        return out;
    }
}
