package org.lipf.sweep;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.lipf.scenario.ScenarioException;

/**
 * Keeps a sweep from taking runs made with other inputs for its own. A run's folder is found by its
 * parameters ({@link RunFolders}), which an edit of the base scenario, of a scenario file an axis
 * names, or of end_time or max_steps leaves as they were: finished runs would be skipped and
 * summary.csv would keep their results, an interrupted run would continue from a snapshot of the
 * old inputs. So a folder that holds a run ({@link RunState#holdsRun}) and records another
 * {@link RunFingerprint} than the sweep gives its run now stops the sweep, unless it is told to rerun
 * the changed runs ({@link #FLAG}): their folders are then moved aside to {@code RUN.superseded-N},
 * kept as they are, and the runs start afresh. (A changed parameter needs none of this: the run has
 * another identity and gets a folder of its own.) A run whose record differs only because another
 * version of LiPF wrote it ({@link RecordedScenario}: its recorded scenario gives the inputs the
 * sweep gives it now) is kept, and its record renewed. Folders of sweeps begun before the fingerprint
 * was recorded are reused as before, with a note.
 */
final class ChangedRuns {
    /** The option that reruns the changed runs. */
    static final String FLAG = "--rerun-changed";
    /** Runs named in a message; the rest are counted. */
    private static final int NAMED = 5;

    private ChangedRuns() {
    }

    /**
     * Stops the sweep (a {@link ScenarioException}) if a run's folder holds a run of other inputs,
     * or, with {@code rerun}, moves such folders aside; notes the runs whose folders record no inputs,
     * and those whose record it renews ({@link #renewIfSame}).
     *
     * @param fingerprints the {@link RunFingerprint} of each run, in run order
     */
    static void check(SweepSpec spec, List<SweepRun> runs, List<String> fingerprints, Path sweepDir, boolean rerun, PrintStream err) throws IOException {
        List<SweepRun> changed = new ArrayList<>(), unrecorded = new ArrayList<>(), renewed = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            SweepRun run = runs.get(i);
            Path folder = run.folder(sweepDir);
            if (!RunState.folderHoldsRun(folder)) continue;
            String recorded = RunFingerprint.recorded(folder);
            if (recorded == null) unrecorded.add(run);
            else if (!recorded.equals(fingerprints.get(i))) (renewIfSame(spec, run, folder, fingerprints.get(i)) ? renewed : changed).add(run);
        }
        if (!unrecorded.isEmpty())
            err.println("lipf sweep: note: " + runsNamed(unrecorded) + " began before run folders recorded their inputs (" + RunFingerprint.FILE_NAME
                    + "): reused as before, unchecked against the base scenario, end_time and max_steps they ran with");
        if (!renewed.isEmpty()) err.println(renewedNote(runsNamed(renewed)));
        if (changed.isEmpty()) return;
        if (!rerun) throw refusal(spec, sweepDir, changed);
        for (SweepRun r : changed) err.println("lipf sweep: run " + r.id() + " ran with other inputs; its folder is moved to " + moveAside(spec, r, sweepDir)
                + " and the run starts afresh");
    }

    /**
     * Whether the run in {@code folder}, whose record of its inputs is not {@code fingerprint}, ran with the inputs
     * the sweep gives it now all the same ({@link RecordedScenario#sameAsNow}: the record was written by another
     * version of LiPF); if so, records {@code fingerprint} in its stead.
     */
    static boolean renewIfSame(SweepSpec spec, SweepRun run, Path folder, String fingerprint) throws IOException {
        if (!RecordedScenario.sameAsNow(spec, run, folder)) return false;
        RunFingerprint.record(fingerprint, folder);
        return true;
    }

    /** The note on runs ({@code runsNamed}) whose record {@link #renewIfSame} renewed. */
    static String renewedNote(String runsNamed) {
        return "lipf sweep: note: " + runsNamed + " recorded inputs (" + RunFingerprint.FILE_NAME + ") as another version of LiPF writes them,"
                + " and the scenario.yaml they ran with gives the inputs the sweep gives them now: kept, with the record renewed";
    }

    /** Why the sweep stops at {@code changed}, runs whose folders hold a run of other inputs, and what to do. */
    static ScenarioException refusal(SweepSpec spec, Path sweepDir, List<SweepRun> changed) {
        return new ScenarioException(spec.file().toString(), "", -1, runsNamed(changed) + " in " + sweepDir.resolve("runs")
                + " ran with other inputs than the sweep gives them now (the base scenario, a scenario file an axis names, a material library,"
                + " end_time or max_steps changed), and their results would be taken for the new ones: give a new sweep folder (-o), or add "
                + FLAG + " to move their folders aside (to RUN.superseded-N, kept) and rerun them from the start");
    }

    /** "run a" or "3 runs (a, b, c)", at most {@link #NAMED} named. */
    private static String runsNamed(List<SweepRun> runs) {
        if (runs.size() == 1) return "run " + runs.get(0).id();
        List<String> names = new ArrayList<>(runs.stream().limit(NAMED).map(SweepRun::id).toList());
        if (runs.size() > NAMED) names.add("... " + (runs.size() - NAMED) + " more");
        return runs.size() + " runs (" + String.join(", ", names) + ")";
    }

    /** Moves the folder of {@code run} to the first free {@code RUN.superseded-N}, under the run's lock; returns where. */
    private static Path moveAside(SweepSpec spec, SweepRun run, Path sweepDir) throws IOException {
        Path folder = run.folder(sweepDir);
        try (RunLock lock = RunLock.tryAcquire(folder)) {
            if (lock == null) throw new ScenarioException(spec.file().toString(), "", -1, "run " + run.id() + " ran with other inputs and is being run by"
                    + " another process now: stop it, then rerun the sweep with " + FLAG);
            for (int n = 1;; n++) {
                Path aside = folder.resolveSibling(run.id() + ".superseded-" + n);
                if (!Files.exists(aside)) return Files.move(folder, aside, StandardCopyOption.ATOMIC_MOVE);
            }
        }
    }
}
