package org.lipf.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lipf.scenario.YamlNode.Entry;
import org.lipf.scenario.YamlNode.MapNode;
import org.lipf.scenario.YamlNode.Scalar;

/**
 * Named materials with cited parameters ({@code materials/library.yaml}, shipped in the jar as
 * {@value #BUILT_IN_RESOURCE}), which a scenario uses as {@code materials: {lif: {library:
 * lif-intact}}}, overriding any parameter. Each library parameter is
 * {@code {value, source[, estimate: true, reasoning]}}; {@link #merged} turns a scenario entry
 * into the plain parameter map the scenario loader reads, with the library's values (which keep
 * the library file and line for error messages), the scenario's overrides, and one composed
 * {@code source} that names the library entry and the source of every parameter.
 */
public final class MaterialLibrary {
    /** Class-path location of the shipped library. */
    public static final String BUILT_IN_RESOURCE = "/materials/library.yaml";
    /** How the shipped library is named in messages and sources. */
    public static final String BUILT_IN_LABEL = "materials/library.yaml";
    /** The Li intrusion limit's parameters (docs/MODEL.md section 4.2): only brittle solid electrolytes give them, both together. */
    public static final List<String> INTRUSION_PARAMETERS = List.of("fracture_toughness", "flaw_size", "youngs_modulus");
    /** The pores a brittle electrolyte's electronic leakage fills (docs/MODEL.md section 4.2.1): optional, with the intrusion parameters. */
    public static final String PORE_PARAMETER = "pore_size";
    /** The voids at a stripping metal surface (docs/MODEL.md section 4.3): the metal gives both, a film on it the current alone. */
    public static final List<String> VOID_PARAMETERS = List.of("critical_stripping_current", "void_depth");
    /** The temperature of a material's values and the activation energy of its ion transport (docs/MODEL.md section 1.3). */
    public static final List<String> TEMPERATURE_PARAMETERS = List.of("activation_energy", "reference_temperature");
    /** The activation energy of a material's exchange current density and the temperature it was measured at (docs/MODEL.md section 1.3). */
    public static final List<String> EXCHANGE_CURRENT_TEMPERATURE_PARAMETERS = List.of("exchange_current_activation_energy", "exchange_current_reference_temperature");
    /** The material parameters a library entry may give, in {@link MaterialSpec} order: all but the intrusion and void ones are required. */
    public static final List<String> PARAMETERS = List.of("diffusivity", "ionic_conductivity", "electronic_conductivity", "exchange_current_density",
            "free_fraction", "density", INTRUSION_PARAMETERS.get(0), INTRUSION_PARAMETERS.get(1), INTRUSION_PARAMETERS.get(2),
            PORE_PARAMETER, VOID_PARAMETERS.get(0), VOID_PARAMETERS.get(1), TEMPERATURE_PARAMETERS.get(0), TEMPERATURE_PARAMETERS.get(1),
            EXCHANGE_CURRENT_TEMPERATURE_PARAMETERS.get(0), EXCHANGE_CURRENT_TEMPERATURE_PARAMETERS.get(1));
    /** Keys of one library parameter. */
    static final List<String> PARAMETER_KEYS = List.of("value", "source", "estimate", "reasoning");

    private static MaterialLibrary builtIn;

    /** One parameter: its value node (a scalar with the library's file and line) and where it comes from. */
    public record Parameter(String key, YamlNode value, String source, boolean estimate, String reasoning) {
        /** "source", "source (estimate: reasoning)", or "estimate: reasoning" where the source is just "estimate". */
        public String citation() {
            if (!estimate) return source;
            return source.equals("estimate") ? "estimate: " + reasoning : source + " (estimate: " + reasoning + ")";
        }

        /** The value as written, e.g. "1.7e-11 S/cm" or "nernst-einstein". */
        public String text() {
            return ((Scalar) value).text.trim();
        }
    }

    /** One material of the library. */
    public record Material(String name, String file, int line, String description, Map<String, Parameter> parameters) {
        public Material {
            parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        }
    }

    private final String label;
    private final Map<String, Material> materials;

    private MaterialLibrary(String label, Map<String, Material> materials) {
        this.label = label;
        this.materials = materials;
    }

    /** The shipped library (read once). */
    public static synchronized MaterialLibrary builtIn() {
        if (builtIn == null) {
            try (InputStream in = MaterialLibrary.class.getResourceAsStream(BUILT_IN_RESOURCE)) {
                if (in == null) throw new IllegalStateException("the materials library " + BUILT_IN_RESOURCE + " is missing from the class path");
                builtIn = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), BUILT_IN_LABEL);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the materials library " + BUILT_IN_RESOURCE + ": " + e.getMessage(), e);
            }
        }
        return builtIn;
    }

    /**
     * Reads a user library file (same format as the shipped one).
     *
     * @throws IOException if the file cannot be read: the caller names the key that points to it
     */
    public static MaterialLibrary load(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /** Parses library YAML; every error names {@code label}, the key and the line. */
    public static MaterialLibrary parse(String yaml, String label) {
        YamlNode root = YamlNode.parse(yaml, label, true);
        if (root instanceof Scalar s && s.isNull()) return new MaterialLibrary(label, new LinkedHashMap<>());
        if (!(root instanceof MapNode map)) throw new ScenarioException(label, "", root.line, "a materials library is a map from material name to its parameters, got " + root.kind());
        Map<String, Material> out = new LinkedHashMap<>();
        for (Entry e : map.entries.values()) {
            String name = e.key();
            if (!MaterialSpec.NAME.matcher(name).matches())
                throw new ScenarioException(label, name, e.keyLine(), "invalid material name: use a letter, then letters, digits, '_' or '-'");
            if (!(e.value() instanceof MapNode m)) throw new ScenarioException(label, name, e.keyLine(), "expected a map of parameters, got " + e.value().kind());
            String description = "";
            Map<String, Parameter> params = new LinkedHashMap<>();
            for (Entry p : m.entries.values()) {
                String path = name + "." + p.key();
                if (p.key().equals("description")) {
                    description = scalarText(p.value(), label, path);
                } else if (PARAMETERS.contains(p.key())) {
                    params.put(p.key(), parameter(p, label, path));
                } else {
                    throw new ScenarioException(label, path, p.keyLine(), "unknown key '" + p.key() + "'; valid keys: description, " + String.join(", ", PARAMETERS));
                }
            }
            out.put(name, new Material(name, label, e.keyLine(), description, params));
        }
        return new MaterialLibrary(label, out);
    }

    private static Parameter parameter(Entry p, String label, String path) {
        if (!(p.value() instanceof MapNode m))
            throw new ScenarioException(label, path, p.keyLine(), "expected {value: ..., source: ...}, got " + p.value().kind());
        for (Entry k : m.entries.values())
            if (!PARAMETER_KEYS.contains(k.key()))
                throw new ScenarioException(label, path + "." + k.key(), k.keyLine(), "unknown key '" + k.key() + "'; valid keys: " + String.join(", ", PARAMETER_KEYS));
        YamlNode value = m.get("value");
        if (!(value instanceof Scalar v) || v.isNull()) throw new ScenarioException(label, path + ".value", p.keyLine(), "missing required key 'value'");
        String source = m.get("source") == null ? null : scalarText(m.get("source"), label, path + ".source");
        if (source == null || source.isBlank()) throw new ScenarioException(label, path + ".source", p.keyLine(), "every library parameter needs a source");
        boolean estimate = false;
        if (m.get("estimate") != null) {
            String t = scalarText(m.get("estimate"), label, path + ".estimate");
            if (!t.equals("true") && !t.equals("false")) throw new ScenarioException(label, path + ".estimate", m.get("estimate").line, "expected true or false, got '" + t + "'");
            estimate = t.equals("true");
        }
        String reasoning = m.get("reasoning") == null ? "" : scalarText(m.get("reasoning"), label, path + ".reasoning");
        if (estimate && reasoning.isBlank()) throw new ScenarioException(label, path + ".reasoning", p.keyLine(), "an estimate needs a one-line reasoning");
        return new Parameter(p.key(), value, source, estimate, reasoning);
    }

    private static String scalarText(YamlNode n, String label, String path) {
        if (!(n instanceof Scalar s) || s.isNull()) throw new ScenarioException(label, path, n.line, "expected a single value, got " + n.kind());
        return s.text.trim();
    }

    /** This library with {@code user}'s entries added, replacing entries of the same name. */
    public MaterialLibrary overlaidWith(MaterialLibrary user) {
        Map<String, Material> all = new LinkedHashMap<>(materials);
        all.putAll(user.materials);
        return new MaterialLibrary(user.label + " + " + label, all);
    }

    public List<String> names() {
        return new ArrayList<>(materials.keySet());
    }

    /** The named material, or null. */
    public Material get(String name) {
        return materials.get(name);
    }

    /**
     * The parameter map of scenario material {@code entry} (which has a {@code library} key):
     * the library entry's values overridden by the entry's own keys, and a composed
     * {@code source}. Keys the library does not know stay in the map, so the scenario loader
     * reports them as unknown.
     *
     * @param keyPath e.g. {@code materials.lif}, for messages
     */
    MapNode merged(MapNode entry, String keyPath) {
        Entry lib = entry.entries.get("library");
        String name = scalarText(lib.value(), lib.keyFile(), keyPath + ".library");
        Material m = materials.get(name);
        if (m == null)
            throw new ScenarioException(lib.value().file, keyPath + ".library", lib.value().line, "unknown material '" + name + "'"
                    + ScenarioLoader.didYouMean(name, materials.keySet()) + " (known: " + String.join(", ", materials.keySet()) + ")");
        MapNode out = new MapNode(entry.file, entry.line);
        StringBuilder source = new StringBuilder();
        YamlNode own = entry.get("source");
        if (own instanceof Scalar s && !s.isNull() && !s.text.isBlank()) source.append(s.text.trim()).append("; ");
        source.append("library '").append(name).append("' (").append(m.file()).append(")");
        if (!m.description().isEmpty()) source.append(", ").append(m.description());
        for (Parameter p : m.parameters().values()) {
            Entry override = entry.entries.get(p.key());
            if (override != null) {
                out.entries.put(p.key(), override);
                boolean derived = override.value() instanceof Scalar sc && NernstEinstein.KEYWORD.equals(sc.text);
                source.append("; ").append(p.key()).append(derived ? ": Nernst-Einstein (set in the scenario)" : ": set in the scenario");
            } else {
                out.entries.put(p.key(), new Entry(p.key(), m.file(), p.value().line, p.value()));
                source.append("; ").append(p.key()).append(": ").append(p.citation());
            }
        }
        for (Entry e : entry.entries.values())
            if (!e.key().equals("library") && !e.key().equals("source") && !out.entries.containsKey(e.key())) {
                out.entries.put(e.key(), e);
                if (PARAMETERS.contains(e.key())) source.append("; ").append(e.key()).append(": set in the scenario");
            }
        out.entries.put("source", new Entry("source", entry.file, own == null ? entry.line : own.line, new Scalar(entry.file, own == null ? entry.line : own.line, source.toString())));
        return out;
    }

    @Override
    public String toString() {
        return label;
    }
}
