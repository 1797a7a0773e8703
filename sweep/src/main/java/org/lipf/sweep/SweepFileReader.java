package org.lipf.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.lipf.scenario.ScenarioException;
import org.lipf.scenario.YamlNode;
import org.lipf.scenario.YamlNode.Entry;
import org.lipf.scenario.YamlNode.ListNode;
import org.lipf.scenario.YamlNode.MapNode;
import org.lipf.scenario.YamlNode.Scalar;
import org.lipf.sweep.SweepSpec.Axis;
import org.lipf.sweep.SweepSpec.AxisValue;
import org.lipf.sweep.SweepSpec.PlotSpec;
import org.lipf.sweep.SweepSpec.SampleMethod;
import org.lipf.sweep.SweepSpec.SampleSpec;
import org.lipf.sweep.SweepSpec.SampledAxis;
import org.lipf.sweep.SweepSpec.SlurmSpec;

/**
 * Reads a sweep file (YAML) into a {@link SweepSpec}. Every error is a {@link ScenarioException}
 * naming the sweep file, the key and the line, like scenario errors. Scenario files named in the
 * sweep file are relative to it.
 *
 * <p>An axis is a scenario key (as {@code lipf run --set}) with a list of values or a range
 * {@code {from, to, steps}} / {@code {from, to, step}} (optionally {@code scale: log} with steps);
 * the axis {@code base} is a list of scenario files; any other name with a map of named
 * alternatives ({@code label: {key: value, ..., base: file}}) sets several keys (or another
 * scenario file) per value.
 */
public final class SweepFileReader {
    /** The axis whose values are scenario files. */
    public static final String BASE_AXIS = "base";
    /** The scenario key replicate seeds set by default: the noise seed. */
    public static final String DEFAULT_SEED_KEY = "model.noise.seed";
    /** The axis name of replicates. */
    public static final String SEED_AXIS = "seed";

    private static final String[] TOP_KEYS = {"base", "axes", "zip", "sample", "replicates", "metrics", "end_time", "max_steps", "plot", "slurm"};
    /** Digits of linear range values (exact for decimal steps such as 0.25). */
    private static final int RANGE_DIGITS = 10;
    /** Digits of sampled and logarithmic range values: the label is the value passed to the run. */
    private static final int SAMPLE_DIGITS = 6;
    private static final int MAX_RUNS_PER_AXIS = 100_000;
    /** The sweep's run limits and the scenario keys they override in every run. */
    private static final Map<String, String> RUN_LIMITS = Map.of("end_time", "time.end", "max_steps", "time.max_steps");
    /** A quoted value written as a YAML flow map or list: it starts with a brace or bracket. */
    private static final java.util.regex.Pattern FLOW_COLLECTION = java.util.regex.Pattern.compile("(?s)[{\\[].*");

    private final String file;
    private final Path dir;
    /** Axes spaced logarithmically (plotted on a log scale). */
    private final Set<String> logAxes = new java.util.HashSet<>();
    /** The materials of the sweep's scenarios; null until a share metric needs them. */
    private Set<String> scenarioMaterials;

    private SweepFileReader(Path sweepFile) {
        this.file = sweepFile.toString();
        this.dir = sweepFile.toAbsolutePath().getParent();
    }

    /** Reads and checks {@code sweepFile}. */
    public static SweepSpec read(Path sweepFile) {
        String text;
        try {
            text = Files.readString(sweepFile, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ScenarioException(sweepFile.toString(), "", -1, "no such sweep file", e);
        } catch (IOException e) {
            throw new ScenarioException(sweepFile.toString(), "", -1, "cannot read the sweep file: " + e.getMessage(), e);
        }
        return new SweepFileReader(sweepFile).read(YamlNode.parse(text, sweepFile.toString(), true));
    }

    private SweepSpec read(YamlNode rootNode) {
        MapNode root = map(rootNode, "", "a sweep file must be a map with base, axes, ...");
        checkKeys(root, "", TOP_KEYS);
        Scalar baseNode = scalar(root, "", "base");
        if (baseNode == null) throw new ScenarioException(file, "base", 1, "missing required key 'base' (the scenario file the runs start from)");
        Path base = scenarioFile(baseNode, "base");

        Map<String, Axis> axes = new LinkedHashMap<>();
        YamlNode axesNode = value(root, "axes");
        if (axesNode != null) {
            MapNode am = map(axesNode, "axes", "expected a map of axes (key: [values])");
            for (Entry e : am.entries.values()) axes.put(e.key(), axis(e));
        }
        List<List<Axis>> groups = zipGroups(root, axes);
        Axis replicates = replicates(value(root, "replicates"));
        if (replicates != null && axes.containsKey(SEED_AXIS)) throw error(axesNode, "axes." + SEED_AXIS, "the axis name 'seed' is taken by replicates");
        SampleSpec sample = sample(value(root, "sample"), axes.keySet());
        noAxisSetsARunLimit(root, axes.values(), replicates, sample);
        Supplier<Set<String>> materials = () -> materials(base, axes.values());
        List<String> metrics = metrics(value(root, "metrics"), materials);
        Double end = root.get("end_time") == null ? null : positiveSeconds(root);
        Long maxSteps = integerOrNull(root, "", "max_steps", 1);
        SweepSpec spec = new SweepSpec(Path.of(file), base, groups, sample, replicates, metrics, end, maxSteps, null, slurm(value(root, "slurm")));
        PlotSpec plot = plot(value(root, "plot"), spec.axisNames(), materials);
        return new SweepSpec(spec.file(), base, groups, sample, replicates, metrics, end, maxSteps, plot, spec.slurm());
    }

    // ------------------------------------------------------------------------------- axes

    private Axis axis(Entry e) {
        String name = e.key();
        String path = "axes." + name;
        YamlNode v = e.value();
        if (name.equals(BASE_AXIS)) {
            ListNode list = list(v, path, "expected a list of scenario files");
            List<AxisValue> values = new ArrayList<>();
            for (YamlNode item : list.items) {
                if (!(item instanceof Scalar s) || s.isNull()) throw error(item, path, "expected a scenario file name, got " + item.kind());
                Path p = scenarioFile(s, path);
                values.add(new AxisValue(stem(p), Map.of(), p, item.line));
            }
            return checked(new Axis(name, values, e.keyLine()), path);
        }
        if (v instanceof ListNode list) {
            List<AxisValue> values = new ArrayList<>();
            for (YamlNode item : list.items) {
                if (item instanceof Scalar s && s.isNull()) throw error(item, path, "empty value in the list");
                String text = setValue(item, path);
                values.add(new AxisValue(text, Map.of(name, text), null, item.line));
            }
            return checked(new Axis(name, values, e.keyLine()), path);
        }
        if (v instanceof MapNode m && (m.get("from") != null || m.get("to") != null)) return checked(range(name, m, path), path);
        if (v instanceof MapNode m) return checked(alternatives(name, m, path), path);
        throw error(v, path, "expected a list of values, a range {from, to, steps} or a map of named alternatives, got " + v.kind());
    }

    /**
     * A value as {@code lipf run --set} takes it. A quoted flow map or list ({@code "{mode: potentiostatic, voltage: -2 V}"},
     * which --set gets once the shell has stripped its quotes) is that map or list, as --set reads it: passed on as one
     * quoted string, the scenario refused it where it expects a map. Scenario text values (names, modes, file names) are
     * not written in braces or brackets.
     */
    private String setValue(YamlNode n, String path) {
        if (n instanceof Scalar s && !s.isNull() && FLOW_COLLECTION.matcher(s.text.strip()).matches()) {
            try {
                return YamlText.of(YamlNode.parse(s.text, file, false));
            } catch (ScenarioException e) {
                throw error(s, path, "value '" + s.text + "' is not a YAML flow map or list: " + e.detail());
            }
        }
        return YamlText.of(n);
    }

    private Axis checked(Axis a, String path) {
        if (a.values().isEmpty()) throw new ScenarioException(file, path, a.line(), "an axis needs at least one value");
        Set<String> labels = new LinkedHashSet<>();
        List<QuantityText> quantities = new ArrayList<>();
        for (AxisValue v : a.values()) {
            if (!labels.add(v.label())) throw new ScenarioException(file, path, v.line(), "value '" + v.label() + "' appears twice");
            // written otherwise, the same quantity (10 A/m^2 after 1 mA/cm^2) would run the same run twice
            QuantityText q = QuantityText.parse(v.label());
            if (q == null) continue;
            for (QuantityText earlier : quantities) {
                Double same = q.in(earlier.unit());
                if (same != null && Math.abs(same - earlier.value()) <= 1e-12 * Math.abs(earlier.value()))
                    throw new ScenarioException(file, path, v.line(), "value '" + v.label() + "' is '" + QuantityText.format(earlier.value(), earlier.unit(), 12)
                            + "' again, written otherwise");
            }
            quantities.add(q);
        }
        return a;
    }

    private Axis range(String key, MapNode m, String path) {
        checkKeys(m, path, "from", "to", "steps", "step", "scale");
        QuantityText from = quantity(m, path, "from", true), to = quantity(m, path, "to", true);
        sameUnit(m, path, from, to, "to");
        boolean log = logScale(m, path);
        Long steps = integerOrNull(m, path, "steps", 2);
        QuantityText step = quantity(m, path, "step", false);
        if ((steps == null) == (step == null)) throw error(m, path, "give either steps (number of values) or step (the increment)");
        if (log && step != null) throw error(m, path, "scale: log needs steps, not step");
        if (log && !(from.value() > 0 && to.value() > 0)) throw error(m, path, "scale: log needs from and to > 0");
        List<Double> values = new ArrayList<>();
        if (step != null) {
            sameUnit(m, path, from, step, "step");
            double d = step.value();
            if (!(d != 0 && Math.signum(d) == Math.signum(to.value() - from.value())))
                throw error(m.get("step"), path + ".step", "step must be non-zero and lead from 'from' towards 'to'");
            long n = (long) Math.floor((to.value() - from.value()) / d * (1 + 1e-9) + 1e-9) + 1;
            if (n > MAX_RUNS_PER_AXIS) throw error(m.get("step"), path + ".step", "gives " + n + " values, more than " + MAX_RUNS_PER_AXIS);
            for (long i = 0; i < n; i++) values.add(from.value() + i * d);
        } else {
            if (steps > MAX_RUNS_PER_AXIS) throw error(m.get("steps"), path + ".steps", "more than " + MAX_RUNS_PER_AXIS + " values");
            for (long i = 0; i < steps; i++) values.add(interpolate(from.value(), to.value(), i / (double) (steps - 1), log));
        }
        if (log) logAxes.add(key);
        List<AxisValue> out = new ArrayList<>();
        for (double v : values) {
            String text = QuantityText.format(v, from.unit(), log ? SAMPLE_DIGITS : RANGE_DIGITS);
            out.add(new AxisValue(text, Map.of(key, text), null, m.line));
        }
        return new Axis(key, out, m.line);
    }

    /** The value at fraction {@code u} of the way from {@code a} to {@code b}, linearly or geometrically. */
    static double interpolate(double a, double b, double u, boolean log) {
        if (u == 1) return b;
        return log ? a * Math.pow(b / a, u) : a + u * (b - a);
    }

    private Axis alternatives(String name, MapNode m, String path) {
        List<AxisValue> values = new ArrayList<>();
        for (Entry e : m.entries.values()) {
            String at = path + "." + e.key();
            MapNode alt = map(e.value(), at, "expected a map of scenario keys (and 'base: file') for alternative '" + e.key() + "'");
            Map<String, String> overrides = new LinkedHashMap<>();
            Path scenario = null;
            for (Entry k : alt.entries.values()) {
                if (k.key().equals(BASE_AXIS)) {
                    if (!(k.value() instanceof Scalar s) || s.isNull()) throw error(k.value(), at + ".base", "expected a scenario file name");
                    scenario = scenarioFile(s, at + ".base");
                } else {
                    if (k.value() instanceof Scalar s && s.isNull()) throw error(k.value(), at + "." + k.key(), "empty value");
                    overrides.put(k.key(), setValue(k.value(), at + "." + k.key()));
                }
            }
            values.add(new AxisValue(e.key(), overrides, scenario, e.keyLine()));
        }
        return new Axis(name, values, m.line);
    }

    private List<List<Axis>> zipGroups(MapNode root, Map<String, Axis> axes) {
        Map<String, Axis> free = new LinkedHashMap<>(axes);
        List<List<Axis>> groups = new ArrayList<>();
        YamlNode zipNode = value(root, "zip");
        List<List<Axis>> zipped = new ArrayList<>();
        if (zipNode != null) {
            ListNode zl = list(zipNode, "zip", "expected a list of groups, e.g. [[control.current_density, time.end]]");
            for (YamlNode g : zl.items) {
                ListNode gl = list(g, "zip", "expected a group: a list of axis names");
                if (gl.items.size() < 2) throw error(g, "zip", "a zip group needs at least two axes");
                List<Axis> group = new ArrayList<>();
                for (YamlNode n : gl.items) {
                    String name = n instanceof Scalar s && !s.isNull() ? s.text.trim() : null;
                    if (name == null || !axes.containsKey(name)) throw error(n, "zip", "'" + YamlText.of(n) + "' is not an axis; axes: " + String.join(", ", axes.keySet()));
                    if (free.remove(name) == null) throw error(n, "zip", "axis '" + name + "' is in more than one zip group");
                    Axis a = axes.get(name);
                    if (!group.isEmpty() && a.values().size() != group.get(0).values().size())
                        throw error(n, "zip", "axis '" + name + "' has " + a.values().size() + " values, '" + group.get(0).name() + "' has "
                                + group.get(0).values().size() + ": zipped axes need the same number");
                    group.add(a);
                }
                zipped.add(group);
            }
        }
        // groups in the order of the axes section, a zip group where its first axis stands
        for (Axis a : axes.values()) {
            if (free.containsKey(a.name())) groups.add(List.of(a));
            for (List<Axis> z : zipped) if (z.get(0) == a) groups.add(z);
        }
        return groups;
    }

    /**
     * end_time and max_steps are passed to every run as {@code --end-time} and {@code --max-steps},
     * which override time.end and time.max_steps: an axis that sets these too would be overridden
     * in every run while summary.csv listed its values.
     */
    private void noAxisSetsARunLimit(MapNode root, Collection<Axis> axes, Axis replicates, SampleSpec sample) {
        List<Axis> all = new ArrayList<>(axes);
        if (replicates != null) all.add(replicates);
        for (Axis a : all)
            for (AxisValue v : a.values())
                for (String key : v.overrides().keySet()) notARunLimit(root, "axes." + a.name(), a.name(), key, v.line());
        if (sample != null) for (SampledAxis a : sample.axes()) notARunLimit(root, "sample.axes." + a.key(), a.key(), a.key(), a.line());
    }

    private void notARunLimit(MapNode root, String path, String axis, String key, int line) {
        for (Map.Entry<String, String> limit : RUN_LIMITS.entrySet()) {
            Scalar s = scalar(root, "", limit.getKey());
            String limited = limit.getValue();
            if (s != null && (key.equals(limited) || limited.startsWith(key + ".")))
                throw new ScenarioException(file, path, line, "key " + limited + " is set both by " + limit.getKey() + " (line " + s.line + ") and by axis '"
                        + axis + "': " + limit.getKey() + " overrides it in every run; drop one of them");
        }
    }

    private Axis replicates(YamlNode node) {
        if (node == null) return null;
        String path = "replicates";
        MapNode m = map(node, path, "expected {seeds: [1, 2, 3]} or {count: 3}");
        checkKeys(m, path, "seeds", "count", "key");
        Scalar keyNode = scalar(m, path, "key");
        String key = keyNode == null ? DEFAULT_SEED_KEY : keyNode.text.trim();
        List<AxisValue> values = new ArrayList<>();
        Long count = integerOrNull(m, path, "count", 1);
        YamlNode seeds = value(m, "seeds");
        if ((count == null) == (seeds == null)) throw error(m, path, "give either seeds (a list) or count");
        if (seeds != null) {
            for (YamlNode s : list(seeds, path + ".seeds", "expected a list of whole numbers").items) {
                String t = s instanceof Scalar sc && !sc.isNull() ? sc.text.trim() : "";
                if (!t.matches("[+-]?\\d+")) throw error(s, path + ".seeds", "expected a whole number, got '" + YamlText.of(s) + "'");
                values.add(new AxisValue(t, Map.of(key, t), null, s.line));
            }
        } else {
            for (long i = 1; i <= count; i++) values.add(new AxisValue(Long.toString(i), Map.of(key, Long.toString(i)), null, m.line));
        }
        return checked(new Axis(SEED_AXIS, values, m.line), path);
    }

    private SampleSpec sample(YamlNode node, Set<String> axisNames) {
        if (node == null) return null;
        String path = "sample";
        MapNode m = map(node, path, "expected {method: sobol, count: N, axes: {key: {from, to}}}");
        checkKeys(m, path, "method", "count", "seed", "axes");
        Scalar methodNode = scalar(m, path, "method");
        if (methodNode == null) throw error(m, path, "missing required key 'method' (sobol or latin_hypercube)");
        SampleMethod method;
        try {
            method = SampleMethod.valueOf(methodNode.text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw error(methodNode, path + ".method", "expected sobol or latin_hypercube, got '" + methodNode.text + "'");
        }
        Long count = integerOrNull(m, path, "count", 1);
        if (count == null) throw error(m, path, "missing required key 'count' (number of sampled runs)");
        if (count > MAX_RUNS_PER_AXIS) throw error(m.get("count"), path + ".count", "more than " + MAX_RUNS_PER_AXIS);
        Long seed = integerOrNull(m, path, "seed", Long.MIN_VALUE);
        if (method == SampleMethod.SOBOL && seed != null)
            throw error(m.get("seed"), path + ".seed", "a Sobol sequence is deterministic and takes no seed (latin_hypercube does)");
        if (method == SampleMethod.LATIN_HYPERCUBE && seed == null) throw error(m, path, "missing required key 'seed' (latin_hypercube is random)");
        YamlNode axesNode = value(m, "axes");
        if (axesNode == null) throw error(m, path, "missing required key 'axes' ({key: {from, to}})");
        MapNode am = map(axesNode, path + ".axes", "expected a map of axes {key: {from, to}}");
        List<SampledAxis> axes = new ArrayList<>();
        for (Entry e : am.entries.values()) {
            String at = path + ".axes." + e.key();
            if (axisNames.contains(e.key())) throw error(e.value(), at, "also an axis under 'axes'; an axis is either listed or sampled");
            MapNode r = map(e.value(), at, "expected {from, to} (and scale: log)");
            checkKeys(r, at, "from", "to", "scale");
            QuantityText from = quantity(r, at, "from", true), to = quantity(r, at, "to", true);
            sameUnit(r, at, from, to, "to");
            boolean log = logScale(r, at);
            if (log && !(from.value() > 0 && to.value() > 0)) throw error(r, at, "scale: log needs from and to > 0");
            if (log) logAxes.add(e.key());
            axes.add(new SampledAxis(e.key(), from.value(), to.value(), from.unit(), log, e.keyLine()));
        }
        if (axes.isEmpty()) throw error(m, path + ".axes", "a sampled design needs at least one axis");
        if (method == SampleMethod.SOBOL && axes.size() > 1000) throw error(am, path + ".axes", "Sobol sequences here go up to 1000 dimensions");
        return new SampleSpec(method, count.intValue(), seed == null ? 0 : seed, axes, m.line);
    }

    /** The text of a sampled value, which is both its label and what the run gets. */
    static String sampledValue(SampledAxis a, double u) {
        return QuantityText.format(interpolate(a.from(), a.to(), u, a.logarithmic()), a.unit(), SAMPLE_DIGITS);
    }

    private List<String> metrics(YamlNode node, Supplier<Set<String>> materials) {
        if (node == null) return List.of();
        List<YamlNode> items = list(node, "metrics", "expected a list of metric names").items;
        List<String> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) out.add(metric(items.get(i), "metrics[" + i + "]", materials));
        return out;
    }

    /**
     * A name summary.csv can fill: a misspelt one would give an empty column after the whole sweep.
     * A share column's material must be one of {@code materials}, those of the sweep's scenarios.
     */
    private String metric(YamlNode n, String path, Supplier<Set<String>> materials) {
        if (!(n instanceof Scalar s) || s.isNull()) throw error(n, path, "expected a metric name, got " + n.kind());
        String name = s.text.trim();
        String problem = MetricNames.problem(name);
        if (problem == null) problem = MetricNames.materialProblem(name, materials);
        if (problem != null) throw error(s, path, problem);
        return name;
    }

    /** The materials of the sweep's scenarios, loaded when a metric first names one (once: several may). */
    private Set<String> materials(Path base, Collection<Axis> axes) {
        if (scenarioMaterials == null) scenarioMaterials = ScenarioCheck.materials(base, axes);
        return scenarioMaterials;
    }

    private PlotSpec plot(YamlNode node, List<String> axisNames, Supplier<Set<String>> materials) {
        if (node == null) return null;
        MapNode m = map(node, "plot", "expected {metric: name, x: axis, series: axis}");
        checkKeys(m, "plot", "metric", "x", "series");
        Scalar metric = scalar(m, "plot", "metric"), x = scalar(m, "plot", "x"), series = scalar(m, "plot", "series");
        if (metric == null) throw error(m, "plot", "missing required key 'metric'");
        if (x == null) throw error(m, "plot", "missing required key 'x' (an axis)");
        for (Scalar s : new Scalar[] {x, series})
            if (s != null && !axisNames.contains(s.text.trim()))
                throw error(s, "plot", "'" + s.text.trim() + "' is not an axis; axes: " + String.join(", ", axisNames));
        if (series != null && series.text.trim().equals(x.text.trim())) throw error(series, "plot.series", "the series axis must differ from x");
        return new PlotSpec(metric(metric, "plot.metric", materials), x.text.trim(), series == null ? null : series.text.trim(), logAxes.contains(x.text.trim()));
    }

    private SlurmSpec slurm(YamlNode node) {
        if (node == null) return new SlurmSpec(null, null, 1, 0, List.of());
        MapNode m = map(node, "slurm", "expected {partition, time, cpus_per_task, max_parallel, options}");
        checkKeys(m, "slurm", "partition", "time", "cpus_per_task", "max_parallel", "options");
        Scalar partition = scalar(m, "slurm", "partition"), time = scalar(m, "slurm", "time");
        String timeProblem = time == null ? null : SlurmEmitter.timeProblem(time.text.trim());
        if (timeProblem != null) throw error(time, "slurm.time", timeProblem);
        Long cpus = integerOrNull(m, "slurm", "cpus_per_task", 1);
        Long parallel = integerOrNull(m, "slurm", "max_parallel", 0);
        List<String> options = stringList(m, "slurm", "options");
        for (int i = 0; i < options.size(); i++) {
            String memoryProblem = SlurmMemory.problem(options.get(i));
            if (memoryProblem != null) throw error(((ListNode) m.get("options")).items.get(i), "slurm.options[" + i + "]", memoryProblem);
        }
        return new SlurmSpec(partition == null ? null : partition.text.trim(), time == null ? null : time.text.trim(),
                cpus == null ? 1 : cpus.intValue(), parallel == null ? 0 : parallel.intValue(), options);
    }

    // ------------------------------------------------------------------------------- helpers

    private Path scenarioFile(Scalar s, String path) {
        Path p = dir.resolve(s.text.trim()).normalize();
        if (!Files.isRegularFile(p)) throw error(s, path, "no such scenario file: " + p);
        return p;
    }

    private static String stem(Path p) {
        return p.getFileName().toString().replaceFirst("\\.[^.]*$", "");
    }

    private double positiveSeconds(MapNode root) {
        Scalar s = scalar(root, "", "end_time");
        try {
            double t = org.lipf.scenario.UnitParser.parse(s.text, org.lipf.scenario.PhysicalQuantity.TIME);
            if (!(t > 0)) throw error(s, "end_time", "must be > 0");
            return t;
        } catch (IllegalArgumentException e) {
            throw error(s, "end_time", e.getMessage());
        }
    }

    private QuantityText quantity(MapNode m, String path, String key, boolean required) {
        Scalar s = scalar(m, path, key);
        if (s == null) {
            if (required) throw error(m, path, "missing required key '" + key + "'");
            return null;
        }
        QuantityText q = QuantityText.parse(s.text);
        if (q == null) throw error(s, path + "." + key, "expected a number with its unit, e.g. '20 nm', got '" + s.text + "'");
        return q;
    }

    private void sameUnit(MapNode m, String path, QuantityText from, QuantityText other, String key) {
        if (!from.unit().equals(other.unit()))
            throw error(m.get(key), path + "." + key, "use the unit of 'from' ('" + from.unit() + "'), got '" + other.unit() + "'");
    }

    private boolean logScale(MapNode m, String path) {
        Scalar s = scalar(m, path, "scale");
        if (s == null || s.text.trim().equals("linear")) return false;
        if (s.text.trim().equals("log")) return true;
        throw error(s, path + ".scale", "expected linear or log, got '" + s.text + "'");
    }

    private Long integerOrNull(MapNode m, String path, String key, long min) {
        Scalar s = scalar(m, path, key);
        if (s == null) return null;
        String at = path.isEmpty() ? key : path + "." + key;
        long v;
        try {
            v = Long.parseLong(s.text.trim());
        } catch (NumberFormatException e) {
            throw error(s, at, "expected a whole number, got '" + s.text + "'");
        }
        if (v < min) throw error(s, at, "must be >= " + min + ", got " + v);
        return v;
    }

    private List<String> stringList(MapNode m, String path, String key) {
        YamlNode n = value(m, key);
        if (n == null) return List.of();
        String at = path.isEmpty() ? key : path + "." + key;
        List<String> out = new ArrayList<>();
        for (YamlNode item : list(n, at, "expected a list").items) {
            if (!(item instanceof Scalar s) || s.isNull()) throw error(item, at, "expected a name, got " + item.kind());
            out.add(s.text.trim());
        }
        return out;
    }

    private static YamlNode value(MapNode m, String key) {
        YamlNode n = m.get(key);
        return n instanceof Scalar s && s.isNull() ? null : n;
    }

    private Scalar scalar(MapNode m, String path, String key) {
        YamlNode n = value(m, key);
        if (n == null) return null;
        if (!(n instanceof Scalar s)) throw error(n, path.isEmpty() ? key : path + "." + key, "expected a single value, got " + n.kind());
        return s;
    }

    private MapNode map(YamlNode n, String path, String what) {
        if (n instanceof MapNode m) return m;
        throw error(n, path, what + ", got " + n.kind());
    }

    private ListNode list(YamlNode n, String path, String what) {
        if (n instanceof ListNode l) return l;
        throw error(n, path, what + ", got " + n.kind());
    }

    private void checkKeys(MapNode m, String path, String... allowed) {
        List<String> ok = List.of(allowed);
        for (Entry e : m.entries.values())
            if (!ok.contains(e.key()))
                throw new ScenarioException(file, path.isEmpty() ? e.key() : path + "." + e.key(), e.keyLine(),
                        "unknown key '" + e.key() + "'; valid keys: " + String.join(", ", ok));
    }

    private ScenarioException error(YamlNode n, String path, String msg) {
        return new ScenarioException(file, path, n == null ? -1 : n.line, msg);
    }
}
