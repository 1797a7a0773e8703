package org.lipf.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A YAML syntax error as one {@link ScenarioException}: what is wrong and on which line. SnakeYAML's
 * message starts with its context ("while scanning for the next token"), which says what the parser
 * was doing, not what is wrong, and Jackson reports the end of the last good token, a line above a
 * tab that starts a line. So both come from SnakeYAML's problem and its mark, which Jackson keeps as
 * the cause.
 */
final class YamlSyntaxError {
    /** An open construct that a context names: how to call it, and what closes it (null for the indented ones). */
    private record Construct(String noun, String closer) {}

    private static final Map<String, Construct> CONSTRUCTS = Map.of(
            "while parsing a flow sequence", new Construct("[ ] list", "']'"),
            "while parsing a flow mapping", new Construct("{ } map", "'}'"),
            "while scanning a quoted scalar", new Construct("quoted value", "closing quote"),
            "while parsing a block mapping", new Construct("map", null),
            "while parsing a block collection", new Construct("list", null));

    private YamlSyntaxError() {}

    /**
     * @param keepLines false for text whose lines mean nothing ({@code --set} values): no line is
     *     named, in the location or in the message
     */
    static ScenarioException of(String file, boolean keepLines, JsonProcessingException e) {
        MarkedYAMLException m = marked(e);
        if (m == null) {
            JsonLocation loc = e.getLocation();
            int line = keepLines && loc != null ? loc.getLineNr() : -1;
            return new ScenarioException(file, "", line, "invalid YAML: " + e.getOriginalMessage().lines().findFirst().orElse(""), e);
        }
        String problem = m.getProblem() != null ? m.getProblem() : String.valueOf(m.getContext());
        int problemLine = keepLines ? line(m.getProblemMark() != null ? m.getProblemMark() : m.getContextMark()) : -1;
        int openedLine = keepLines ? line(m.getContextMark()) : -1;
        Construct open = m.getContext() == null ? null : CONSTRUCTS.get(m.getContext());
        // at the end of the text the fault is an opening never closed: its line is the one to edit
        if (open != null && open.closer() != null && (problem.contains("end of stream") || problem.contains("<stream end>")))
            return new ScenarioException(file, "", openedLine, "invalid YAML: the " + open.noun() + " is never closed: is its " + open.closer() + " missing?", e);
        String where = openedLine > 0 && openedLine != problemLine && m.getContext() != null ? " (" + opening(m.getContext(), open, openedLine) + ")" : "";
        return new ScenarioException(file, "", problemLine, "invalid YAML: " + plain(problem) + where, e);
    }

    /** "in the [ ] list that starts at line 2: is its ']' missing?", for a problem found on a later line. */
    private static String opening(String context, Construct open, int line) {
        String what = open != null ? "the " + open.noun() : context.replaceFirst("^while \\w+ ", "");
        String closer = open != null && open.closer() != null ? ": is its " + open.closer() + " missing?" : "";
        return "in " + what + " that starts at line " + line + closer;
    }

    /** The common slips in plain words; other problems as SnakeYAML states them. */
    private static String plain(String problem) {
        if (problem.contains("(TAB)")) return "a tab (YAML indents with spaces)";
        if (problem.startsWith("expected <block end>"))
            return "the indentation does not fit the lines above: the keys of one map, and the items of one list, start in the same column";
        if (problem.startsWith("mapping values are not allowed"))
            return "a 'key:' where none can start: is the line indented deeper than the key above, or does an unquoted value hold ': ' (quote it)?";
        return problem.strip();
    }

    private static MarkedYAMLException marked(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause())
            if (t instanceof MarkedYAMLException m) return m;
        return null;
    }

    /** 1-based, as an editor shows it (SnakeYAML counts from 0); -1 without a mark. */
    private static int line(Mark mark) {
        return mark == null ? -1 : mark.getLine() + 1;
    }
}
