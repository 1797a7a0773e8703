package org.lipf.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.lipf.scenario.Scenario;
import org.lipf.scenario.ScenarioException;
import org.lipf.scenario.ScenarioLoader;
import org.lipf.scenario.YamlNode;
import org.lipf.sweep.SweepSpec.Axis;
import org.lipf.sweep.SweepSpec.AxisValue;

/**
 * Loads the scenario of every run before anything runs, so that a bad axis value stops the sweep
 * at once with the sweep file's line instead of failing run after run. An error in an override is
 * reported at the axis value that set it ({@code sweep.yaml:7: axes.control.current_density: ...}).
 * It also gives the materials of the sweep's scenario files, which the share metrics a sweep file
 * names are checked against when it is read.
 *
 * <p>A run that exists is loaded as {@code lipf run --restart} loads it ({@link ScenarioLoader#loadRecorded}): its
 * geometry is in its snapshots, so the refusals of a new run's geometry, which it may predate (a run of an earlier
 * version), do not apply. A finished run is loaded only for its {@link RunFingerprint} and the plan, an interrupted one is
 * continued from its snapshot by a restart that loads it so; a new run gets every check.
 */
final class ScenarioCheck {
    private static final String MATERIALS = "materials.";
    private static final Pattern KEY_STEP = Pattern.compile("[^.\\[]+|\\[\\d+\\]");

    private ScenarioCheck() {
    }

    /** The scenario of each run, in run order: as a restart loads it for a run whose folder in {@code sweepDir} holds one ({@link RunState#folderHoldsRun}). */
    static List<Scenario> load(SweepSpec spec, List<SweepRun> runs, Path sweepDir) throws IOException {
        Map<String, Scenario> cache = new HashMap<>();
        List<Scenario> scenarios = new ArrayList<>();
        for (SweepRun r : runs) {
            boolean exists = RunState.folderHoldsRun(r.folder(sweepDir));
            scenarios.add(cache.computeIfAbsent(exists + "\n" + r.scenario() + "\n" + r.overrides(), k -> load(spec, r, exists)));
        }
        return scenarios;
    }

    /**
     * The materials a run of the sweep may have, which share metrics are named after: those of the
     * base scenario and of every scenario file an axis names, each loaded as it is (or, where it is
     * complete only with overrides, read from its {@code materials:} map), and those an
     * axis value adds by an override ({@code materials.NAME...}).
     */
    static Set<String> materials(Path base, Collection<Axis> axes) {
        Set<Path> files = new LinkedHashSet<>(List.of(base));
        Set<String> added = new LinkedHashSet<>();
        for (Axis a : axes)
            for (AxisValue v : a.values()) {
                if (v.scenario() != null) files.add(v.scenario());
                for (String key : v.overrides().keySet())
                    if (key.startsWith(MATERIALS)) added.add(key.substring(MATERIALS.length()).split("[.\\[]", 2)[0]);
            }
        Set<String> names = new LinkedHashSet<>();
        for (Path f : files) names.addAll(materialNames(f));
        names.addAll(added);
        return names;
    }

    /**
     * The names of the materials of the scenario file {@code f}. A file that is complete only with
     * an axis's overrides (no {@code control.current_density}, which an axis gives) does not load on
     * its own: the names are then read from its {@code materials:} map, and its errors are left to
     * {@link #load(SweepSpec, List, Path)}, which loads every run's scenario with its overrides. The names need none of the
     * checks of a new run's geometry (which runs that exist may predate): those are left to it too.
     */
    private static List<String> materialNames(Path f) {
        try {
            return ScenarioLoader.loadRecorded(f, Map.of()).materialNames();
        } catch (ScenarioException e) {
            YamlNode root;
            try {
                root = YamlNode.parse(Files.readString(f, StandardCharsets.UTF_8), f.toString(), false);
            } catch (IOException | RuntimeException unread) {
                throw e;
            }
            if (root instanceof YamlNode.MapNode m && m.get("materials") instanceof YamlNode.MapNode materials && !materials.entries.isEmpty())
                return List.copyOf(materials.entries.keySet());
            throw e;
        }
    }

    /** @param exists whether the run exists (is loaded as a restart loads it) */
    private static Scenario load(SweepSpec spec, SweepRun run, boolean exists) {
        try {
            return exists ? ScenarioLoader.loadRecorded(run.scenario(), run.overrides()) : ScenarioLoader.load(run.scenario(), run.overrides());
        } catch (ScenarioException e) {
            if (!e.file().equals(ScenarioLoader.OVERRIDE_FILE)) throw e;
            // the node at fault came from an override: the value of the axis whose key shares the longest start with the
            // error's key set it, or made the list entry it lies in (geometry.nuclei[1].x missing where an axis
            // appends nuclei[1].radius; geometry.layers[5] out of range where an axis sets layers[5].thickness)
            String blamed = null;
            AxisValue blamedValue = null;
            int longest = 0;
            for (Map.Entry<String, String> p : run.parameters().entrySet()) {
                AxisValue v = valueOf(spec, p.getKey(), p.getValue());
                if (v == null) continue;
                for (String key : v.overrides().keySet()) {
                    int shared = sharedSteps(e.keyPath(), key);
                    if (shared > longest) {
                        longest = shared;
                        blamed = p.getKey();
                        blamedValue = v;
                    }
                }
            }
            if (blamed != null)
                throw new ScenarioException(spec.file().toString(), "axes." + blamed, blamedValue.line(),
                        "value '" + blamedValue.label() + "': " + e.keyPath() + ": " + e.detail());
            throw new ScenarioException(spec.file().toString(), "", -1, "run " + run.id() + ": " + e.getMessage());
        }
    }

    /** How many leading steps (names and list indices) the key paths {@code a} and {@code b} share. */
    private static int sharedSteps(String a, String b) {
        List<String> x = steps(a), y = steps(b);
        int n = 0;
        while (n < x.size() && n < y.size() && x.get(n).equals(y.get(n))) n++;
        return n;
    }

    /** {@code geometry.layers[5].thickness} as geometry, layers, [5], thickness. */
    private static List<String> steps(String keyPath) {
        return KEY_STEP.matcher(keyPath).results().map(MatchResult::group).toList();
    }

    private static AxisValue valueOf(SweepSpec spec, String axis, String label) {
        List<Axis> all = new ArrayList<>();
        spec.groups().forEach(all::addAll);
        if (spec.replicates() != null) all.add(spec.replicates());
        for (Axis a : all)
            if (a.name().equals(axis))
                for (AxisValue v : a.values()) if (v.label().equals(label)) return v;
        if (spec.sample() != null)
            for (SweepSpec.SampledAxis a : spec.sample().axes())
                if (a.key().equals(axis)) return new AxisValue(label, Map.of(axis, label), null, a.line());
        return null;
    }
}
