package org.lipf.sweep;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.lipf.cli.RunDriver;
import org.lipf.output.RunResults;
import org.lipf.scenario.Spelling;

/**
 * The metric names summary.csv can fill, each source's ({@link RunMetrics}) taken from the lists of
 * what writes that source, so that a sweep file naming another (a misspelt metric) is rejected when it
 * is read instead of giving an empty column. The shares of layers and materials in the snapshot
 * measures are named after a run's scenario: {@link #problem} passes any layer number and material,
 * {@link #materialProblem} checks the material against the sweep's scenarios.
 */
final class MetricNames {
    /** One source: its prefix, the names it has, the forms of the names it takes from the run's scenario. */
    private record Source(String prefix, List<String> names, List<String> forms, Predicate<String> has) {
        Source(String prefix, List<String> names) {
            this(prefix, names, List.of(), names::contains);
        }
    }

    /** In the order {@link RunMetrics} looks a plain name up. */
    private static final List<Source> SOURCES = List.of(
            new Source(RunMetrics.RESULTS, union(RunResults.KEYS, RunDriver.SHORT_RESULTS)),
            new Source(RunMetrics.RUN, union(RunDriver.SHORT_RESULTS, List.of(RunDriver.RESTARTED_FROM, RunMetrics.WALL_TIME))),
            new Source(RunMetrics.TIME_SERIES, RunDriver.COLUMNS),
            new Source(RunMetrics.SNAPSHOT, org.lipf.postprocess.metrics.RunMetrics.FIXED_COLUMNS,
                    org.lipf.postprocess.metrics.RunMetrics.SHARE_COLUMN_FORMS, org.lipf.postprocess.metrics.RunMetrics::isColumn));

    private MetricNames() {
    }

    /** Null if summary.csv can fill a column {@code name}, else why not: one sentence, naming the known names. */
    static String problem(String name) {
        int dot = name.indexOf('.');
        for (Source s : SOURCES)
            if (dot > 0 && name.substring(0, dot).equals(s.prefix()))
                return s.has().test(name.substring(dot + 1)) ? null : unknown(name, prefixed(s.prefix() + ".", s.names()), prefixed(s.prefix() + ".", s.forms()), "");
        if (SOURCES.stream().anyMatch(s -> s.has().test(name))) return null;
        Set<String> names = new LinkedHashSet<>();
        List<String> forms = new ArrayList<>();
        for (Source s : SOURCES) {
            names.addAll(s.names());
            forms.addAll(s.forms());
        }
        List<String> prefixes = SOURCES.stream().map(Source::prefix).toList();
        return unknown(name, List.copyOf(names), forms, " (a name may pick its source: " + String.join(".NAME, ", prefixes) + ".NAME)");
    }

    /**
     * Null unless {@code name} is a share column (plain or picked from the snapshot) whose material
     * is none of {@code materials}, else why: one sentence, naming the materials there are.
     *
     * @param materials the materials of the sweep's scenarios, asked for only for a share column
     */
    static String materialProblem(String name, Supplier<Set<String>> materials) {
        String snapshot = RunMetrics.SNAPSHOT + ".";
        String material = org.lipf.postprocess.metrics.RunMetrics.shareMaterial(name.startsWith(snapshot) ? name.substring(snapshot.length()) : name);
        if (material == null) return null;
        Set<String> known = materials.get();
        if (known.contains(material)) return null;
        String near = Spelling.closest(material, known);
        return "unknown material '" + material + "' in '" + name + "'"
                + (near == null ? "" : " (did you mean '" + name.substring(0, name.length() - material.length()) + near + "'?)")
                + "; the materials of the sweep's scenarios: " + String.join(", ", known);
    }

    private static String unknown(String name, List<String> names, List<String> forms, String note) {
        String near = Spelling.closest(name, names);
        List<String> known = new ArrayList<>(names);
        known.addAll(forms);
        return "unknown metric '" + name + "'" + (near == null ? "" : " (did you mean '" + near + "'?)") + "; known: " + String.join(", ", known) + note;
    }

    private static List<String> prefixed(String prefix, List<String> names) {
        return names.stream().map(n -> prefix + n).toList();
    }

    private static List<String> union(List<String> a, List<String> b) {
        Set<String> s = new LinkedHashSet<>(a);
        s.addAll(b);
        return List.copyOf(s);
    }
}
