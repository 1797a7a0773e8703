package org.lipf.validation;

import java.nio.file.Path;
import java.util.List;
import org.lipf.scenario.ScenarioException;

/** The trends that {@code lipf validate trends --only} names: by id ({@code 1-interlayer-5mA}) or by the number it starts with ({@code 1}). */
final class TrendSelection {
    private TrendSelection() {
    }

    /**
     * The trends of {@code all} that {@code names} name, in the trends file's order, each once; all of them for no names. A
     * name that matches no trend, or more than one, is bad input naming the trends there are.
     */
    static List<Trend> of(List<Trend> all, List<String> names, Path file) {
        if (names == null || names.isEmpty()) return all;
        for (String name : names) {
            List<Trend> matches = all.stream().filter(t -> named(t, name.trim())).toList();
            if (matches.size() != 1)
                throw new ScenarioException("--only", "", -1, (matches.isEmpty() ? "no trend '" + name.trim() + "' in " : "'" + name.trim() + "' names more than one trend of ")
                        + file + " (its trends: " + String.join(", ", all.stream().map(Trend::id).toList()) + "; give an id or the number it starts with)");
        }
        return all.stream().filter(t -> names.stream().anyMatch(name -> named(t, name.trim()))).toList();
    }

    /** Whether {@code name} is the trend's id or the part of it before its first '-' (its number). */
    private static boolean named(Trend t, String name) {
        return !name.isEmpty() && (t.id().equals(name) || t.id().startsWith(name + "-") && !name.contains("-"));
    }
}
