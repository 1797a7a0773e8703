package org.lipf.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lipf.scenario.ScenarioException;
import org.lipf.sweep.SweepSpec.Axis;
import org.lipf.sweep.SweepSpec.AxisValue;
import org.lipf.sweep.SweepSpec.SampleSpec;
import org.lipf.sweep.SweepSpec.SampledAxis;

/**
 * Turns a sweep into its runs: the Cartesian product of the axis groups in file order (the first
 * group varies slowest), then the sampled design's points, then the replicate seeds (fastest).
 */
public final class SweepExpander {
    private SweepExpander() {
    }

    /** The runs of {@code spec}, indexed from 0, each with its folder name. */
    public static List<SweepRun> expand(SweepSpec spec) {
        List<List<List<AxisValue>>> groups = new ArrayList<>();
        List<List<String>> groupAxes = new ArrayList<>();
        for (List<Axis> g : spec.groups()) {
            List<List<AxisValue>> rows = new ArrayList<>();
            for (int i = 0; i < g.get(0).values().size(); i++) {
                List<AxisValue> row = new ArrayList<>();
                for (Axis a : g) row.add(a.values().get(i));
                rows.add(row);
            }
            groups.add(rows);
            groupAxes.add(g.stream().map(Axis::name).toList());
        }
        if (spec.sample() != null) {
            groups.add(sampledRows(spec.sample()));
            groupAxes.add(spec.sample().axes().stream().map(SampledAxis::key).toList());
        }
        if (spec.replicates() != null) {
            groups.add(spec.replicates().values().stream().map(List::of).toList());
            groupAxes.add(List.of(spec.replicates().name()));
        }
        List<List<AxisValue>> combos = new ArrayList<>();
        combos.add(List.of());
        List<String> axes = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            List<List<AxisValue>> next = new ArrayList<>();
            for (List<AxisValue> c : combos)
                for (List<AxisValue> row : groups.get(g)) {
                    List<AxisValue> n = new ArrayList<>(c);
                    n.addAll(row);
                    next.add(n);
                }
            combos = next;
            axes.addAll(groupAxes.get(g));
        }
        List<Map<String, String>> parameterSets = new ArrayList<>();
        for (List<AxisValue> c : combos) {
            Map<String, String> p = new LinkedHashMap<>();
            for (int i = 0; i < c.size(); i++) p.put(axes.get(i), c.get(i).label());
            parameterSets.add(p);
        }
        List<String> names = RunNames.names(parameterSets, axes);
        List<SweepRun> runs = new ArrayList<>();
        for (int r = 0; r < combos.size(); r++) {
            Map<String, String> overrides = new LinkedHashMap<>();
            Path scenario = null;
            String scenarioAxis = null;
            Map<String, String> setBy = new LinkedHashMap<>();
            for (int i = 0; i < combos.get(r).size(); i++) {
                AxisValue v = combos.get(r).get(i);
                String axis = axes.get(i);
                if (v.scenario() != null) {
                    if (scenario != null) throw conflict(spec, v, axis, "the scenario file", scenarioAxis);
                    scenario = v.scenario();
                    scenarioAxis = axis;
                }
                for (Map.Entry<String, String> o : v.overrides().entrySet()) {
                    String before = setBy.put(o.getKey(), axis);
                    if (before != null) throw conflict(spec, v, axis, "key " + o.getKey(), before);
                    overrides.put(o.getKey(), o.getValue());
                }
            }
            runs.add(new SweepRun(r, names.get(r), parameterSets.get(r), scenario != null ? scenario : spec.base(), overrides));
        }
        return runs;
    }

    private static ScenarioException conflict(SweepSpec spec, AxisValue v, String axis, String what, String other) {
        return new ScenarioException(spec.file().toString(), "axes." + axis, v.line(), what + " is set both by axis '" + other + "' and by axis '" + axis + "'");
    }

    private static List<List<AxisValue>> sampledRows(SampleSpec s) {
        int d = s.axes().size();
        double[][] u = s.method() == SweepSpec.SampleMethod.SOBOL ? DesignSampler.sobol(s.count(), d) : DesignSampler.latinHypercube(s.count(), d, s.seed());
        List<List<AxisValue>> rows = new ArrayList<>();
        for (double[] point : u) {
            List<AxisValue> row = new ArrayList<>();
            for (int j = 0; j < d; j++) {
                SampledAxis a = s.axes().get(j);
                String text = SweepFileReader.sampledValue(a, point[j]);
                row.add(new AxisValue(text, Map.of(a.key(), text), null, a.line()));
            }
            rows.add(row);
        }
        return rows;
    }
}
