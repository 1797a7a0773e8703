package org.lipf.sweep;

import java.util.StringJoiner;
import org.lipf.scenario.YamlNode;

/** Writes a YAML node back as one line of flow-style YAML, the form {@code lipf run --set} values take. */
final class YamlText {
    private static final java.util.regex.Pattern PLAIN = java.util.regex.Pattern.compile("[A-Za-z0-9_.+/^*()%-]([A-Za-z0-9 _.+/^*()%-]*[A-Za-z0-9_.+/^*()%-])?");

    private YamlText() {
    }

    static String of(YamlNode node) {
        if (node instanceof YamlNode.MapNode m) {
            StringJoiner j = new StringJoiner(", ", "{", "}");
            m.entries.values().forEach(e -> j.add(scalar(e.key()) + ": " + of(e.value())));
            return j.toString();
        }
        if (node instanceof YamlNode.ListNode l) {
            StringJoiner j = new StringJoiner(", ", "[", "]");
            l.items.forEach(i -> j.add(of(i)));
            return j.toString();
        }
        YamlNode.Scalar s = (YamlNode.Scalar) node;
        return s.isNull() ? "" : scalar(s.text);
    }

    /** A scalar as plain text when it is safely plain (numbers, units, names), else double-quoted. */
    static String scalar(String text) {
        if (PLAIN.matcher(text).matches()) return text;
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }
}
