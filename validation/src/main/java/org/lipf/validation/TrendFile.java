package org.lipf.validation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lipf.scenario.ScenarioException;
import org.lipf.scenario.YamlNode;
import org.lipf.scenario.YamlNode.ListNode;
import org.lipf.scenario.YamlNode.MapNode;
import org.lipf.scenario.YamlNode.Scalar;
import org.lipf.sweep.SweepFileReader;
import org.lipf.sweep.SweepSpec;

/**
 * Reads {@code validation/trends.yaml}: the trends, their sweep files (relative to the trends
 * file) and their checks. Errors name the file, the key and the line.
 */
public final class TrendFile {
    private final String file;
    private final Path dir;
    private final boolean againstSweeps;

    private TrendFile(Path path, boolean againstSweeps) {
        this.file = path.toString();
        this.dir = path.toAbsolutePath().getParent();
        this.againstSweeps = againstSweeps;
    }

    /** Reads the trends of {@code path}. */
    public static List<Trend> read(Path path) {
        return read(path, false);
    }

    /**
     * Reads the trends of {@code path}; with {@code againstSweeps} also reads their sweep files and checks that each
     * check's axis, systems, metric and lower bound are an axis, values of it and metrics of both sweeps: a typo
     * would otherwise show only after the sweeps ran, as a check without values.
     */
    public static List<Trend> read(Path path, boolean againstSweeps) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScenarioException(path.toString(), "", -1, "cannot read the trends file: " + e.getMessage(), e);
        }
        return new TrendFile(path, againstSweeps).trends(YamlNode.parse(text, path.toString(), true));
    }

    private List<Trend> trends(YamlNode root) {
        MapNode map = map(root, "");
        allowed(map, "", "trends");
        ListNode list = list(map.get("trends"), "trends", map);
        List<Trend> out = new ArrayList<>();
        for (int i = 0; i < list.items.size(); i++) out.add(trend(map(list.items.get(i), "trends[" + i + "]"), "trends[" + i + "]"));
        return out;
    }

    private Trend trend(MapNode m, String at) {
        allowed(m, at, "id", "paper", "claim", "caveat", "sweep", "quick_sweep", "checks");
        Path sweep = sweepFile(m, at, "sweep", true);
        Path quick = sweepFile(m, at, "quick_sweep", false);
        ListNode checks = list(m.get("checks"), at + ".checks", m);
        List<Trend.Check> out = new ArrayList<>();
        for (int i = 0; i < checks.items.size(); i++) out.add(check(map(checks.items.get(i), at + ".checks[" + i + "]"), at + ".checks[" + i + "]"));
        if (againstSweeps)
            for (Path p : quick == null ? List.of(sweep) : List.of(sweep, quick)) {
                SweepSpec spec = SweepFileReader.read(p);
                for (int i = 0; i < out.size(); i++) matchSweep(out.get(i), (MapNode) checks.items.get(i), at + ".checks[" + i + "]", spec);
            }
        return new Trend(text(m, at, "id", true), text(m, at, "paper", true), text(m, at, "claim", true), sweep, quick, out, text(m, at, "caveat", false));
    }

    private Trend.Check check(MapNode m, String at) {
        allowed(m, at, "title", "axis", "metric", "lower_bound", "absolute", "unit", "scale", "order", "published", "at_common_time");
        ListNode order = list(m.get("order"), at + ".order", m);
        List<String> systems = new ArrayList<>();
        for (int i = 0; i < order.items.size(); i++) systems.add(scalar(order.items.get(i), at + ".order[" + i + "]"));
        if (systems.size() < 2) throw error(m, at + ".order", "an order needs at least two systems");
        List<ValueRange> published = new ArrayList<>();
        YamlNode pub = m.get("published");
        if (pub == null) systems.forEach(s -> published.add(ValueRange.NONE));
        else {
            ListNode p = list(pub, at + ".published", m);
            if (p.items.size() != systems.size()) throw error(p, at + ".published", "one value per system of order (" + systems.size() + "), got " + p.items.size());
            for (int i = 0; i < p.items.size(); i++) {
                String v = scalar(p.items.get(i), at + ".published[" + i + "]");
                published.add(publishedValue(p.items.get(i), at + ".published[" + i + "]", v));
            }
        }
        String common = text(m, at, "at_common_time", false);
        if (common != null && !common.equals("true") && !common.equals("false"))
            throw error(m.get("at_common_time"), at + ".at_common_time", "expected true or false, got '" + common + "'");
        if ("true".equals(common) && text(m, at, "lower_bound", false) != null)
            throw error(m.get("at_common_time"), at + ".at_common_time", "reads time-series columns, which have no lower_bound: give one or the other");
        String scale = text(m, at, "scale", false);
        return new Trend.Check(text(m, at, "title", true), text(m, at, "axis", true), text(m, at, "metric", true), text(m, at, "lower_bound", false),
                "true".equals(text(m, at, "absolute", false)), text(m, at, "unit", true),
                scale == null ? 1 : number(m.get("scale"), at + ".scale", scale), systems, published, "true".equals(common));
    }

    /** That the check's axis, systems and columns are in the sweep's summary (its metrics, where the sweep lists them). */
    private void matchSweep(Trend.Check check, MapNode m, String at, SweepSpec spec) {
        String sweep = spec.file().toString();
        if (!spec.axisNames().contains(check.axis()))
            throw error(m.get("axis"), at + ".axis", "'" + check.axis() + "' is not an axis of " + sweep + " (axes: " + String.join(", ", spec.axisNames()) + ")");
        for (List<SweepSpec.Axis> group : spec.groups())
            for (SweepSpec.Axis axis : group) {
                if (!axis.name().equals(check.axis())) continue;
                List<String> labels = axis.values().stream().map(SweepSpec.AxisValue::label).toList();
                ListNode order = (ListNode) m.get("order");
                for (int s = 0; s < check.order().size(); s++)
                    if (!labels.contains(check.order().get(s)))
                        throw error(order.items.get(s), at + ".order[" + s + "]", "'" + check.order().get(s) + "' is not a value of axis '" + axis.name()
                                + "' of " + sweep + " (values: " + String.join(", ", labels) + ")");
            }
        if (spec.metrics().isEmpty()) return; // the default set and the runs' results: known once they ran
        for (String metric : check.metric().split("\\+"))
            if (!spec.metrics().contains(metric.trim()))
                throw error(m.get("metric"), at + ".metric", "'" + metric.trim() + "' is not a metric of " + sweep + " (metrics: " + String.join(", ", spec.metrics()) + ")");
        if (check.lowerBound() != null && !spec.metrics().contains(check.lowerBound()))
            throw error(m.get("lower_bound"), at + ".lower_bound", "'" + check.lowerBound() + "' is not a metric of " + sweep + " (metrics: "
                    + String.join(", ", spec.metrics()) + ")");
    }

    private Path sweepFile(MapNode m, String at, String key, boolean required) {
        String name = text(m, at, key, required);
        if (name == null) return null;
        Path p = dir.resolve(name).normalize();
        if (!Files.isRegularFile(p)) throw error(m.get(key), at + "." + key, "no such sweep file: " + p);
        return p;
    }

    private String text(MapNode m, String at, String key, boolean required) {
        YamlNode n = m.get(key);
        if (n == null || (n instanceof Scalar s && s.isNull())) {
            if (required) throw error(m, at + "." + key, "missing required key '" + key + "'");
            return null;
        }
        return scalar(n, at + "." + key);
    }

    private String scalar(YamlNode n, String at) {
        if (!(n instanceof Scalar s) || s.isNull()) throw error(n, at, "expected a single value, got " + n.kind());
        return s.text.trim();
    }

    private double number(YamlNode n, String at, String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw error(n, at, "expected a number, got '" + text + "'");
        }
    }

    private ValueRange publishedValue(YamlNode n, String at, String text) {
        try {
            return ValueRange.parse(text);
        } catch (NumberFormatException e) {
            throw error(n, at, "expected a number, a bound (>= 20, < 0.8; quoted in YAML) or - for none, got '" + text + "' (" + e.getMessage() + ")");
        }
    }

    private MapNode map(YamlNode n, String at) {
        if (!(n instanceof MapNode m)) throw error(n, at, "expected a map of keys, got " + (n == null ? "nothing" : n.kind()));
        return m;
    }

    private ListNode list(YamlNode n, String at, YamlNode parent) {
        if (n == null) throw error(parent, at, "missing required list");
        if (!(n instanceof ListNode l)) throw error(n, at, "expected a list, got " + n.kind());
        return l;
    }

    private void allowed(MapNode m, String at, String... keys) {
        List<String> ok = List.of(keys);
        for (YamlNode.Entry e : m.entries.values())
            if (!ok.contains(e.key()))
                throw new ScenarioException(e.keyFile(), at.isEmpty() ? e.key() : at + "." + e.key(), e.keyLine(), "unknown key '" + e.key() + "' (allowed: " + String.join(", ", ok) + ")");
    }

    private ScenarioException error(YamlNode n, String at, String msg) {
        return new ScenarioException(n == null ? file : n.file, at, n == null ? -1 : n.line, msg);
    }
}
