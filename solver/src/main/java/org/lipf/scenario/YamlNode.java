package org.lipf.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * A YAML tree that remembers where each node came from (file label and 1-based line), read with
 * Jackson's streaming YAML parser. Scalars keep their source text; the scenario loader parses
 * them (numbers with units) itself. {@code null} values ({@code key:}, {@code ~}) are stored as
 * {@link Scalar} with {@code text == null}. Public for other input files that report errors the
 * same way (sweep files).
 */
public abstract sealed class YamlNode permits YamlNode.MapNode, YamlNode.ListNode, YamlNode.Scalar {
    public final String file;
    public final int line;

    YamlNode(String file, int line) {
        this.file = file;
        this.line = line;
    }

    /** "a map", "a list", "a single value" or "empty", for messages. */
    public abstract String kind();

    /** One mapping entry; the key's own location is kept for "unknown key" errors. */
    public record Entry(String key, String keyFile, int keyLine, YamlNode value) {}

    public static final class MapNode extends YamlNode {
        public final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();

        MapNode(String file, int line) {
            super(file, line);
        }

        public YamlNode get(String key) {
            Entry e = entries.get(key);
            return e == null ? null : e.value;
        }

        @Override
        public String kind() {
            return "a map";
        }
    }

    public static final class ListNode extends YamlNode {
        public final List<YamlNode> items = new ArrayList<>();

        ListNode(String file, int line) {
            super(file, line);
        }

        @Override
        public String kind() {
            return "a list";
        }
    }

    public static final class Scalar extends YamlNode {
        /** Source text, {@code null} for a YAML null. */
        public final String text;

        Scalar(String file, int line, String text) {
            super(file, line);
            this.text = text;
        }

        public boolean isNull() {
            return text == null;
        }

        @Override
        public String kind() {
            return isNull() ? "empty" : "a single value";
        }
    }

    /**
     * Parses one YAML document.
     *
     * @param keepLines record each node's line; false gives line -1 everywhere (used for
     *     {@code --set} values, whose lines mean nothing)
     */
    public static YamlNode parse(String text, String file, boolean keepLines) {
        try (JsonParser p = new YAMLFactory().createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) return new Scalar(file, keepLines ? 1 : -1, null);
            YamlNode root = read(p, t, file, keepLines);
            if (p.nextToken() != null) throw new ScenarioException(file, "", line(p, keepLines), "more than one YAML document");
            return root;
        } catch (JsonProcessingException e) {
            throw YamlSyntaxError.of(file, keepLines, e);
        } catch (IOException e) {
            throw new ScenarioException(file, "", -1, "cannot read YAML: " + e.getMessage(), e);
        }
    }

    private static int line(JsonParser p, boolean keepLines) {
        return keepLines ? p.currentTokenLocation().getLineNr() : -1;
    }

    private static YamlNode read(JsonParser p, JsonToken t, String file, boolean keepLines) throws IOException {
        int line = line(p, keepLines);
        switch (t) {
            case START_OBJECT: {
                MapNode m = new MapNode(file, line);
                while ((t = p.nextToken()) != JsonToken.END_OBJECT) {
                    String key = p.currentName();
                    int keyLine = line(p, keepLines);
                    if (m.entries.containsKey(key)) throw new ScenarioException(file, key, keyLine, "duplicate key '" + key + "'");
                    YamlNode value = read(p, p.nextToken(), file, keepLines);
                    m.entries.put(key, new Entry(key, file, keyLine, value));
                }
                return m;
            }
            case START_ARRAY: {
                ListNode l = new ListNode(file, line);
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) l.items.add(read(p, t, file, keepLines));
                return l;
            }
            case VALUE_NULL:
                return new Scalar(file, line, null);
            default:
                return new Scalar(file, line, p.getText());
        }
    }
}
