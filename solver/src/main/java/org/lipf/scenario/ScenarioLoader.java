package org.lipf.scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lipf.model.PhysicalConstants;
import org.lipf.scenario.YamlNode.Entry;
import org.lipf.scenario.YamlNode.ListNode;
import org.lipf.scenario.YamlNode.MapNode;
import org.lipf.scenario.YamlNode.Scalar;

/**
 * Reads a scenario YAML file into a validated {@link Scenario}. Every error is a
 * {@link ScenarioException} naming the file, the key path and the line.
 *
 * <p>Keys (snake_case), units and defaults are listed in {@link ScenarioWriter}'s output and in
 * the report of the scenario module; every dimensional value needs a unit ("30 um"). Command-line
 * overrides ({@code --set key.path=value}, e.g. {@code geometry.layers[1].thickness=30 um}) are
 * applied to the YAML tree before validation; their values are YAML themselves, so
 * {@code "{x: 10 um, radius: 2 um}"} sets a whole map, and errors in them name the file
 * {@code --set}. A list index equal to the list's length appends an entry.
 */
public final class ScenarioLoader {
    /** The most current steps of a CCD ramp, and cycles of a cycling protocol: a program of that many segments still fits in memory. */
    static final int MAX_RAMP_STEPS = 1_000_000;

    /** File label of values that came from command-line overrides. */
    public static final String OVERRIDE_FILE = "--set";
    /** Below this a nonzero activation energy is taken for a unit slip (J/mol written for eV), J/mol: 0.01 eV. */
    static final double MIN_ACTIVATION_ENERGY_J_PER_MOL = 1000;
    /** The range of model.temperature: below it no material's data apply; above it Li is liquid. */
    static final double MIN_TEMPERATURE_K = 200, LI_MELTING_POINT_K = 453.65;
    /** An Arrhenius factor beyond this (or below its inverse) between a value's temperature and the scenario's is taken for a slip. */
    static final double MAX_ARRHENIUS_FACTOR = 1e6;
    /** Above 3 eV per particle (289 kJ/mol) an activation energy is taken for a slip of units. */
    static final double MAX_ACTIVATION_ENERGY_J_PER_MOL = 3 * PhysicalConstants.FARADAY_C_PER_MOL;

    // Defaults, in SI.
    public static final ModelForm DEFAULT_FORM = ModelForm.MIXED_CONDUCTOR;
    public static final double DEFAULT_TEMPERATURE_K = 300;
    public static final int DEFAULT_CHARGE_NUMBER = 1;
    public static final double DEFAULT_ALPHA = 0.5;
    public static final double DEFAULT_SITE_DENSITY = 7.64e4;
    public static final double DEFAULT_BULK_CONCENTRATION = 1e3;
    /** Default interface width, in grid spacings. */
    public static final double DEFAULT_INTERFACE_WIDTH_SPACINGS = 2;
    public static final double DEFAULT_INTERFACE_ENERGY = 1.18;
    public static final double DEFAULT_AC_MOBILITY = 2.5e-6;
    public static final int DEFAULT_ANISOTROPY_MODE = 4;
    public static final double DEFAULT_NUCLEATION_BARRIER_V = 0;
    public static final double DEFAULT_GATING_CONDUCTIVITY = 1e-3;
    /** The keys of model.nucleation. */
    private static final String[] NUCLEATION_KEYS = {"barrier", "gating_conductivity", "into", "dispersed_ion_path", "face_reaction"};
    public static final String DEFAULT_METAL = "li";
    public static final long DEFAULT_MAX_STEPS = 1_000_000_000L;
    /**
     * Default largest change of xi per semi-implicit step: the front moves a few hundredths of its
     * width per step (the cell voltage then stays within a few mV of the explicit integration).
     */
    public static final double DEFAULT_MAX_XI_CHANGE = 0.02;
    /** Default output interval as a fraction of the end time. */
    public static final double DEFAULT_OUTPUT_FRACTION = 0.1;
    public static final double DEFAULT_STABILITY_SAFETY = 0.8;
    public static final double DEFAULT_POTENTIAL_TOL = 1e-8;
    public static final int DEFAULT_POTENTIAL_MAX_ITER = 200;

    private static final Pattern PATH_SEGMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_-]*)((?:\\[\\d+\\])*)");

    private ScenarioLoader() {}

    public static Scenario load(Path file, Map<String, String> overrides) {
        return load(file, overrides, false);
    }

    /**
     * As {@link #load}, for the scenario of a run that exists (its snapshots hold the geometry: post-processing, a
     * restart): the refusals of geometry that a new run would draw other than written (particles under a cell, a set
     * under half a cell, a gradient that draws no cell, a grain mixture over another generator's layer) do not apply,
     * so that runs made before those refusals can still be read and continued.
     */
    public static Scenario loadRecorded(Path file, Map<String, String> overrides) {
        return load(file, overrides, true);
    }

    private static Scenario load(Path file, Map<String, String> overrides, boolean recorded) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ScenarioException(file.toString(), "", -1, "no such scenario file", e);
        } catch (IOException e) {
            throw new ScenarioException(file.toString(), "", -1, "cannot read the scenario file: " + e.getMessage(), e);
        }
        String stem = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        return parse(text, file.toString(), overrides, stem, recorded);
    }

    /** @param fileLabel name used in error messages (and, without its extension, the default name) */
    public static Scenario parse(String yamlText, String fileLabel, Map<String, String> overrides) {
        String base = Path.of(fileLabel.isBlank() ? "scenario" : fileLabel).getFileName().toString().replaceFirst("\\.[^.]*$", "");
        return parse(yamlText, fileLabel, overrides, base, false);
    }

    private static Scenario parse(String yamlText, String file, Map<String, String> overrides, String defaultName, boolean recorded) {
        YamlNode root = YamlNode.parse(yamlText, file, true);
        if (root instanceof Scalar s && s.isNull()) root = new MapNode(file, 1);
        if (!(root instanceof MapNode rootMap)) throw new ScenarioException(file, "", root.line, "a scenario must be a map of sections, got " + root.kind());
        if (overrides != null) overrides.forEach((k, v) -> applyOverride(rootMap, k, v));
        return new Reader(file, recorded).read(rootMap, defaultName);
    }

    /**
     * A problem found after loading (while the geometry is built: particles that do not fit, a crack that covers no
     * cell), named by its key but not located, given the file and line of that key as {@link #load} read it with the
     * same overrides ({@code --set} for an overridden key): the deepest node of the key path the file or the overrides
     * give. The problem as it was where the file cannot be read again or the key has no such node.
     */
    public static ScenarioException located(Path file, Map<String, String> overrides, ScenarioException problem) {
        if (problem.line() > 0 || problem.keyPath().isEmpty()) return problem;
        try {
            YamlNode node = YamlNode.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString(), true);
            if (!(node instanceof MapNode root)) return problem;
            if (overrides != null) overrides.forEach((k, v) -> applyOverride(root, k, v));
            YamlNode top = node;
            for (String part : problem.keyPath().split("\\.")) {
                Matcher m = PATH_SEGMENT.matcher(part);
                if (!m.matches() || !(node instanceof MapNode map) || map.get(m.group(1)) == null) break;
                node = map.get(m.group(1));
                Matcher idx = Pattern.compile("\\[(\\d+)\\]").matcher(m.group(2));
                while (idx.find() && node instanceof ListNode list && Integer.parseInt(idx.group(1)) < list.items.size())
                    node = list.items.get(Integer.parseInt(idx.group(1)));
            }
            // a key the file and the overrides lack altogether (a default) has no line of its own
            return node != top && (node.line > 0 || node.file.equals(OVERRIDE_FILE))
                    ? new ScenarioException(node.file, problem.keyPath(), node.line, problem.detail(), problem) : problem;
        } catch (IOException | RuntimeException e) {
            return problem;
        }
    }

    // ------------------------------------------------------------------------------- overrides

    static void applyOverride(MapNode root, String keyPath, String value) {
        String f = OVERRIDE_FILE;
        if (keyPath == null || keyPath.isBlank()) throw new ScenarioException(f, "", -1, "empty key in --set " + keyPath + "=" + value);
        // split into name and index steps
        List<Object> steps = new ArrayList<>();
        for (String part : keyPath.trim().split("\\.", -1)) {
            Matcher m = PATH_SEGMENT.matcher(part);
            if (!m.matches()) throw new ScenarioException(f, keyPath, -1, "malformed key path (expected e.g. geometry.layers[1].thickness)");
            steps.add(m.group(1));
            Matcher idx = Pattern.compile("\\[(\\d+)\\]").matcher(m.group(2));
            while (idx.find()) steps.add(Integer.parseInt(idx.group(1)));
        }
        YamlNode valueNode;
        try {
            valueNode = YamlNode.parse(value == null ? "" : value, f, false);
        } catch (ScenarioException e) {
            // the value's syntax error, named with the key it was to set
            throw new ScenarioException(f, keyPath, -1, e.detail() + " in '" + value + "'", e);
        }
        YamlNode cur = root;
        StringBuilder at = new StringBuilder();
        for (int s = 0; s < steps.size(); s++) {
            Object step = steps.get(s);
            boolean last = s == steps.size() - 1;
            Object next = last ? null : steps.get(s + 1);
            if (step instanceof String key) {
                if (at.length() > 0) at.append('.');
                at.append(key);
                if (!(cur instanceof MapNode map)) throw new ScenarioException(f, at.toString(), -1, "cannot set a key inside " + cur.kind());
                Entry e = map.entries.get(key);
                if (last) {
                    map.entries.put(key, new Entry(key, f, -1, valueNode));
                } else {
                    if (e == null || (e.value() instanceof Scalar sc && sc.isNull())) {
                        YamlNode fresh = next instanceof String ? new MapNode(f, -1) : new ListNode(f, -1);
                        e = new Entry(key, e == null ? f : e.keyFile(), e == null ? -1 : e.keyLine(), fresh);
                        map.entries.put(key, e);
                    }
                    cur = e.value();
                }
            } else {
                int i = (Integer) step;
                at.append('[').append(i).append(']');
                if (!(cur instanceof ListNode list)) throw new ScenarioException(f, at.toString(), -1, "not a list, cannot index it");
                if (i > list.items.size()) throw new ScenarioException(f, at.toString(), -1, "no such entry: the list has " + list.items.size() + " (an index equal to the length appends)");
                if (i == list.items.size()) list.items.add(last ? valueNode : next instanceof String ? new MapNode(f, -1) : new ListNode(f, -1));
                else if (last) list.items.set(i, valueNode);
                cur = list.items.get(i);
            }
        }
    }

    // ------------------------------------------------------------------------------- reading

    /** A map section being read: checks its keys, gives typed values with key paths and lines. */
    static final class Section {
        final String file;
        final MapNode map;
        final String path;
        final List<String> allowed;
        /** Line reported for missing keys: the line of the key that holds this map, if known. */
        final int anchorLine;

        Section(String file, YamlNode node, String path, int fallbackLine, String... allowed) {
            this(file, node, path, fallbackLine, fallbackLine, allowed);
        }

        Section(String file, YamlNode node, String path, int fallbackLine, int anchorLine, String... allowed) {
            this.file = file;
            this.path = path;
            this.allowed = Arrays.asList(allowed);
            if (node == null || (node instanceof Scalar s && s.isNull())) {
                this.map = new MapNode(file, fallbackLine);
            } else if (node instanceof MapNode m) {
                this.map = m;
            } else {
                throw new ScenarioException(node.file, path, node.line, "expected a map of keys, got " + node.kind());
            }
            for (Entry e : map.entries.values())
                if (!this.allowed.contains(e.key()))
                    throw new ScenarioException(e.keyFile(), keyPath(e.key()), e.keyLine(), "unknown key '" + e.key() + "'" + suggest(e.key(), this.allowed));
            this.anchorLine = anchorLine > 0 ? anchorLine : map.line;
        }

        String keyPath(String key) {
            return path.isEmpty() ? key : path + "." + key;
        }

        int line() {
            return map.line;
        }

        YamlNode node(String key) {
            YamlNode n = map.get(key);
            return n instanceof Scalar s && s.isNull() ? null : n;
        }

        /** Whether the key is written null: a scenario's (or --set's) way to drop a library entry's value. */
        boolean nulled(String key) {
            return map.get(key) instanceof Scalar s && s.isNull();
        }

        /** Whether the key's value is written in the scenario file itself or with --set (not taken from a library). */
        boolean writtenIn(String scenarioFile, String key) {
            YamlNode n = node(key);
            return n != null && (n.file.equals(scenarioFile) || OVERRIDE_FILE.equals(n.file));
        }

        /** A true/false key, false where absent. */
        boolean flag(String key) {
            String t = text(key);
            if (t == null) return false;
            if (t.equals("true") || t.equals("false")) return t.equals("true");
            throw error(key, "expected true or false, got '" + t + "'");
        }

        boolean has(String key) {
            return node(key) != null;
        }

        ScenarioException error(String key, String msg) {
            YamlNode n = node(key);
            return n != null ? new ScenarioException(n.file, keyPath(key), n.line, msg) : new ScenarioException(map.file, keyPath(key), anchorLine, msg);
        }

        ScenarioException missing(String key, String what) {
            return new ScenarioException(map.file, keyPath(key), anchorLine, "missing required key '" + key + "'" + (what == null ? "" : " (" + what + ")"));
        }

        String text(String key) {
            YamlNode n = node(key);
            if (n == null) return null;
            if (!(n instanceof Scalar s)) throw error(key, "expected a single value, got " + n.kind());
            return s.text.trim();
        }

        /**
         * {@code key}'s value as the scenario wrote it (-5e-9 S/cm, not the SI -5.0E-7), for messages about it; the SI
         * value {@code si} where the key is absent (a default).
         */
        String asWritten(String key, double si) {
            String t = text(key);
            return t != null ? t : String.valueOf(si);
        }

        double quantity(String key, PhysicalQuantity q) {
            if (!has(key)) throw missing(key, q.description + ", e.g. '" + q.example + "'");
            return quantity(key, q, Double.NaN);
        }

        double quantity(String key, PhysicalQuantity q, double def) {
            String t = text(key);
            if (t == null) return def;
            try {
                return UnitParser.parse(t, q);
            } catch (IllegalArgumentException e) {
                throw error(key, e.getMessage());
            }
        }

        long integer(String key, long def, long min, long max) {
            String t = text(key);
            if (t == null) return def;
            long v;
            try {
                v = Long.parseLong(t);
            } catch (NumberFormatException e) {
                double d;
                try {
                    d = Double.parseDouble(t);
                } catch (NumberFormatException e2) {
                    throw error(key, "expected a whole number, got '" + t + "'");
                }
                if (d != Math.rint(d) || Math.abs(d) > 9e18) throw error(key, "expected a whole number, got '" + t + "'");
                v = (long) d;
            }
            if (v < min || v > max) throw error(key, "must be in [" + min + ", " + max + "], got " + v);
            return v;
        }

        long requiredInteger(String key, long min, long max) {
            if (!has(key)) throw missing(key, "a whole number");
            return integer(key, 0, min, max);
        }

        String string(String key, String def) {
            String t = text(key);
            return t == null ? def : t;
        }

        String requiredString(String key, String what) {
            if (!has(key)) throw missing(key, what);
            return text(key);
        }

        <E extends Enum<E>> E choice(String key, Class<E> type, E def) {
            String t = text(key);
            if (t == null) return def;
            List<String> names = new ArrayList<>();
            for (E c : type.getEnumConstants()) {
                String n = c.name().toLowerCase(Locale.ROOT);
                names.add(n);
                if (n.equals(t.toLowerCase(Locale.ROOT))) return c;
            }
            throw error(key, "expected one of " + String.join(", ", names) + ", got '" + t + "'" + didYouMean(t, names));
        }

        Section section(String key, String... keys) {
            Entry e = map.entries.get(key);
            return new Section(file, node(key), keyPath(key), map.line, e != null && e.keyLine() > 0 ? e.keyLine() : map.line, keys);
        }

        ListNode list(String key) {
            YamlNode n = node(key);
            if (n == null) return null;
            if (!(n instanceof ListNode l)) throw error(key, "expected a list, got " + n.kind());
            return l;
        }

        void check(boolean ok, String key, String msg) {
            if (!ok) throw error(key, msg);
        }
    }

    static String suggest(String key, List<String> allowed) {
        String hint = didYouMean(key, allowed);
        return !hint.isEmpty() ? hint : "; valid keys: " + String.join(", ", allowed);
    }

    /** "; did you mean 'NAME'?" for the allowed name closest to {@code name}, or "" where none is close: for messages that list the allowed names themselves. */
    static String didYouMean(String name, java.util.Collection<String> allowed) {
        String best = Spelling.closest(name, allowed);
        return best != null ? "; did you mean '" + best + "'?" : "";
    }

    /** A short human form of a value for messages ("2.5 um", "0.3 S/m"). */
    public static String fmt(double si, PhysicalQuantity q) {
        String unit = q == PhysicalQuantity.LENGTH ? "um" : q.siSymbol;
        double v = q == PhysicalQuantity.LENGTH ? si * 1e6 : si;
        return String.format(Locale.ROOT, "%.6g", v).replaceFirst("\\.?0+(e|$)", "$1") + (unit.isEmpty() ? "" : " " + unit);
    }

    /** Throws an "unknown material" error on {@code s.key} unless {@code name} is one of {@code materials}. */
    static void knownMaterial(Section s, String key, String name, java.util.Collection<String> materials) {
        if (!materials.contains(name)) throw s.error(key, "unknown material '" + name + "'" + suggestMaterial(name, materials));
    }

    static String suggestMaterial(String name, java.util.Collection<String> materials) {
        String hint = didYouMean(name, materials);
        return !hint.isEmpty() ? hint : "; defined materials: " + String.join(", ", materials);
    }

    /**
     * Why cells of the metal's own material at {@code xi} below its free fraction are refused: without metal it blocks the ions
     * and is no Li (the run diverged), as a crack's fill or a coating of it would (README, docs/MODEL.md section 1).
     */
    static String heldWithoutMetal(String what, String metal, double xi) {
        return what + " of the metal's own material (" + metal + ") at xi = " + xi + " would hold " + (xi == 0 ? "no" : "only part") + " metal, and "
                + "the metal's material without metal blocks the ions and is no Li";
    }

    /** Reads the whole scenario; one instance per parse. */
    private static final class Reader {
        final String file;
        /** Whether the scenario is an existing run's ({@link #loadRecorded}). */
        final boolean recorded;
        final Map<String, MaterialSpec> materials = new LinkedHashMap<>();

        Reader(String file, boolean recorded) {
            this.file = file;
            this.recorded = recorded;
        }

        Scenario read(MapNode rootMap, String defaultName) {
            Section root = new Section(file, rootMap, "", 1, "name", "description", "grid", "model", "materials", "materials_library", "geometry", "control", "time", "solver", "interphases");
            String name = root.string("name", defaultName);
            root.check(!name.isBlank(), "name", "must not be empty");
            String description = root.string("description", "");
            if (!root.has("grid")) throw root.missing("grid", "a map with dimensions, width, height, spacing");
            GridSpec grid = grid(root.section("grid", "dimensions", "width", "depth", "height", "spacing"));
            if (!root.has("materials")) throw root.missing("materials", "a map from material name to its properties");
            Section modelSection = root.section("model", "form", "temperature", "charge_number", "symmetry_factor", "metal_site_density",
                    "bulk_concentration", "interface_width", "interface_energy", "allen_cahn_mobility", "anisotropy", "noise", "nucleation",
                    "metal", "equilibrium_potential");
            readMaterials(root, modelSection);
            ModelSpec model = model(modelSection, grid);
            conductors(root, model);
            if (!root.has("geometry")) throw root.missing("geometry", "a map with background and layers");
            GeometrySpec geometry = geometry(root.section("geometry", "background", "layers", "particles", "cracks", "nuclei", "gradients", "grain_mixtures",
                    "coatings", "images", "electrolyte_beyond_top"), grid, model.metalMaterial());
            if (!root.has("control")) throw root.missing("control", "a map with mode and voltage, current_density or protocol");
            ControlSpec control = control(root.section("control", "mode", "voltage", "current_density", "protocol"));
            if (!root.has("time") && control.protocol() == null) throw root.missing("time", "a map with at least end");
            TimeSpec time = time(root.section("time", "end", "max_steps", "output_interval", "max_step", "stability_safety", "integrator", "max_xi_change"), control);
            SolverSpec solver = solver(root.section("solver", "potential_tolerance", "potential_max_iterations", "reaction_coupling", "front_deflation"), model);
            if (model.nucleationForm() == NucleationForm.DISPERSED && solver.reactionCoupling() != ReactionCoupling.IMPLICIT)
                throw modelSection.section("nucleation", NUCLEATION_KEYS).error("into",
                        "dispersed needs solver: {reaction_coupling: implicit} (nucleation over a volume makes the lagged potentials diverge)");
            List<InterphaseSpec> interphases = interphases(root, model);
            try {
                return new Scenario(name, description, grid, model, List.copyOf(materials.values()), geometry, control, time, solver, interphases);
            } catch (IllegalArgumentException e) {
                throw new ScenarioException(file, "", -1, e.getMessage(), e);
            }
        }

        GridSpec grid(Section g) {
            int dim = (int) g.requiredInteger("dimensions", 2, 3);
            double width = g.quantity("width", PhysicalQuantity.LENGTH);
            double height = g.quantity("height", PhysicalQuantity.LENGTH);
            double depth = 0;
            if (dim == 3) depth = g.quantity("depth", PhysicalQuantity.LENGTH);
            else g.check(!g.has("depth"), "depth", "depth is only for 3D grids (dimensions: 3)");
            double spacing = g.quantity("spacing", PhysicalQuantity.LENGTH);
            g.check(width > 0, "width", "must be > 0");
            g.check(height > 0, "height", "must be > 0");
            g.check(dim == 2 || depth > 0, "depth", "must be > 0");
            g.check(spacing > 0, "spacing", "must be > 0");
            divides(g, "width", width, spacing);
            divides(g, "height", height, spacing);
            if (dim == 3) divides(g, "depth", depth, spacing);
            // each field is one array of the cells with their ghost layer (Grid.paddedLength)
            double padded = (width / spacing + 2) * (height / spacing + 2) * (dim == 3 ? depth / spacing + 2 : 1);
            g.check(padded <= Integer.MAX_VALUE - 8, "spacing", String.format(Locale.ROOT, "the grid has %.3g cells (with its ghost layer), more than a field "
                    + "array holds (%.3g): coarsen grid.spacing or make the window smaller", padded, (double) (Integer.MAX_VALUE - 8)));
            return new GridSpec(dim, width, depth, height, spacing);
        }

        void divides(Section g, String key, double extent, double spacing) {
            try {
                GridSpec.cells(key, extent, spacing);
            } catch (IllegalArgumentException e) {
                throw g.error("spacing", "spacing " + fmt(spacing, PhysicalQuantity.LENGTH) + " does not divide the " + key + " " + fmt(extent, PhysicalQuantity.LENGTH)
                        + " (" + String.format(Locale.ROOT, "%.4f", extent / spacing) + " cells); choose a spacing that divides every extent");
            }
        }

        /** The shipped materials library, overlaid with the scenario's {@code materials_library} file if it names one. */
        MaterialLibrary library(Section root) {
            if (!root.has("materials_library")) return MaterialLibrary.builtIn();
            Path user = Path.of(file).resolveSibling(root.text("materials_library"));
            try {
                return MaterialLibrary.builtIn().overlaidWith(MaterialLibrary.load(user));
            } catch (java.nio.file.NoSuchFileException e) {
                throw root.error("materials_library", "no such materials library file " + user + " (the path is relative to the scenario's folder)");
            } catch (IOException e) {
                throw root.error("materials_library", "cannot read the materials library " + user + ": " + e.getMessage());
            }
        }

        /** S/m per m^2/s of the Nernst-Einstein relation at the scenario's T, n and c0 (read again, with the same checks, by {@link #model}). */
        double modelTemperature_K(Section m) {
            double T = positive(m, "temperature", m.quantity("temperature", PhysicalQuantity.TEMPERATURE, DEFAULT_TEMPERATURE_K));
            m.check(T >= MIN_TEMPERATURE_K && T <= LI_MELTING_POINT_K, "temperature", String.format(Locale.ROOT,
                    "%s lies outside %.0f-%.2f K: the model's Li is a solid (it melts at %.2f K) and its materials' data hold near room temperature",
                    m.asWritten("temperature", T), MIN_TEMPERATURE_K, LI_MELTING_POINT_K, LI_MELTING_POINT_K));
            return T;
        }

        double nernstEinsteinFactor(Section m) {
            double T = modelTemperature_K(m);
            int n = (int) m.integer("charge_number", DEFAULT_CHARGE_NUMBER, 1, 10);
            double c0 = positive(m, "bulk_concentration", m.quantity("bulk_concentration", PhysicalQuantity.CONCENTRATION, DEFAULT_BULK_CONCENTRATION));
            return NernstEinstein.conductivity(1.0, T, n, c0);
        }

        /**
         * Ions must cross the cell and electrons reach the metal: with every ionic_conductivity 0, or a metal that does
         * not conduct electrons, the potentials have no solution (the run failed at its first solve, naming a cell).
         */
        void conductors(Section root, ModelSpec model) {
            if (materials.values().stream().noneMatch(m -> m.sigmaIon_S_per_m() > 0))
                throw root.error("materials", "no material conducts ions (every ionic_conductivity is 0): the electrolyte needs one above 0");
            MaterialSpec metal = materials.get(model.metalMaterial());
            if (metal != null && !(metal.sigmaEl_S_per_m() > 0)) {
                Entry e = ((MapNode) root.node("materials")).entries.get(metal.name());
                throw new ScenarioException(e.keyFile(), "materials." + metal.name() + ".electronic_conductivity", e.keyLine(),
                        "the metal (model.metal) must conduct electrons, got " + metal.sigmaEl_S_per_m() + " S/m");
            }
        }

        void readMaterials(Section root, Section modelSection) {
            MaterialLibrary library = null;
            YamlNode node = root.node("materials");
            if (!(node instanceof MapNode map)) throw root.error("materials", "expected a map from material name to its properties, got " + node.kind());
            if (map.entries.isEmpty()) throw root.error("materials", "at least one material is needed");
            if (map.entries.size() > Scenario.MAX_MATERIALS) throw root.error("materials", "at most " + Scenario.MAX_MATERIALS + " materials");
            for (Entry e : map.entries.values()) {
                String path = "materials." + e.key();
                if (!MaterialSpec.NAME.matcher(e.key()).matches())
                    throw new ScenarioException(e.keyFile(), path, e.keyLine(), "invalid material name: use a letter, then letters, digits, '_' or '-'");
                YamlNode params = e.value();
                if (params instanceof MapNode entry && entry.entries.containsKey("library")) {
                    if (library == null) library = library(root);
                    params = library.merged(entry, path);
                }
                Section m = new Section(file, params, path, e.keyLine(), "diffusivity", "ionic_conductivity", "electronic_conductivity",
                        "exchange_current_density", "free_fraction", "density", "fracture_toughness", "flaw_size", "youngs_modulus", "pore_size", "critical_stripping_current", "void_depth", "activation_energy",
                        "reference_temperature", "exchange_current_activation_energy", "exchange_current_reference_temperature", "source", "library");
                boolean dFromSigma = NernstEinstein.KEYWORD.equals(m.text("diffusivity"));
                boolean sigmaFromD = NernstEinstein.KEYWORD.equals(m.text("ionic_conductivity"));
                m.check(!(dFromSigma && sigmaFromD), "ionic_conductivity", "diffusivity and ionic_conductivity cannot both be " + NernstEinstein.KEYWORD + ": give one of them");
                double d = dFromSigma ? Double.NaN : nonNegative(m, "diffusivity", m.quantity("diffusivity", PhysicalQuantity.DIFFUSIVITY));
                double si = sigmaFromD ? Double.NaN : nonNegative(m, "ionic_conductivity", m.quantity("ionic_conductivity", PhysicalQuantity.CONDUCTIVITY));
                double T = modelTemperature_K(modelSection);
                double tRef = temperature(m, "reference_temperature");
                double ea = activationEnergy(m, "activation_energy");
                m.check(Double.isNaN(ea) || !Double.isNaN(tRef), "activation_energy",
                        "needs reference_temperature, the temperature the material's values hold at (docs/MODEL.md section 1.3)");
                String scaling = "";
                if (!Double.isNaN(ea)) {
                    // Arrhenius: the ions' transport at the scenario's temperature, whose values then hold there
                    boolean sigmaWritten = m.writtenIn(file, "ionic_conductivity") && !sigmaFromD, dWritten = m.writtenIn(file, "diffusivity") && !dFromSigma;
                    writtenWithItsTemperature(m, sigmaWritten || dWritten, m.writtenIn(file, "reference_temperature"), ea, "reference_temperature",
                            sigmaWritten ? "ionic_conductivity" : "diffusivity", "ion transport scales with temperature (activation_energy)");
                    double factor = arrhenius(m, modelSection, "reference_temperature", ea, tRef, T);
                    if (!Double.isNaN(d)) d *= factor;
                    if (!Double.isNaN(si)) si *= factor;
                    if (factor != 1)
                        scaling = String.format(java.util.Locale.ROOT, "; ion transport scaled by Arrhenius from %.2f K to %.2f K (x%.4g)", tRef, T, factor);
                }
                if (dFromSigma) d = si / nernstEinsteinFactor(modelSection);
                if (sigmaFromD) si = d * nernstEinsteinFactor(modelSection);
                double se = nonNegative(m, "electronic_conductivity", m.quantity("electronic_conductivity", PhysicalQuantity.CONDUCTIVITY));
                double i0 = nonNegative(m, "exchange_current_density", m.quantity("exchange_current_density", PhysicalQuantity.CURRENT_DENSITY));
                // i0 holds at its own reference temperature where given (paper B's Tafel fits at -5 C), else at the other values'
                double i0RefGiven = temperature(m, "exchange_current_reference_temperature");
                String i0RefKey = Double.isNaN(i0RefGiven) ? "reference_temperature" : "exchange_current_reference_temperature";
                double i0Ref = Double.isNaN(i0RefGiven) ? tRef : i0RefGiven;
                double eaI0 = activationEnergy(m, "exchange_current_activation_energy");
                m.check(Double.isNaN(eaI0) || !Double.isNaN(i0Ref), "exchange_current_activation_energy",
                        "needs exchange_current_reference_temperature (or reference_temperature), the temperature the exchange current density was measured at (docs/MODEL.md section 1.3)");
                boolean i0Written = m.writtenIn(file, "exchange_current_density"), i0RefWritten = m.writtenIn(file, i0RefKey);
                if (!Double.isNaN(eaI0)) {
                    writtenWithItsTemperature(m, i0Written, i0RefWritten, eaI0, "exchange_current_reference_temperature", "exchange_current_density",
                            "exchange current scales with temperature (exchange_current_activation_energy)");
                    double factor = arrhenius(m, modelSection, i0RefKey, eaI0, i0Ref, T);
                    i0 *= factor;
                    if (factor != 1)
                        scaling += String.format(java.util.Locale.ROOT, "; exchange current density scaled by Arrhenius from %.2f K to %.2f K (x%.4g)", i0Ref, T, factor);
                    // with an activation energy of 0 an i0 the scenario did not write keeps the temperature it holds at (the report names it)
                    if (eaI0 > 0 || i0Written && !i0RefWritten) i0Ref = T;
                } else if (i0Written && !i0RefWritten && !Double.isNaN(i0Ref)) {
                    i0Ref = T; // a value the scenario writes over a library entry holds at the scenario's temperature
                }
                if (ea > 0) tRef = T;
                double ff = m.quantity("free_fraction", PhysicalQuantity.DIMENSIONLESS, 1.0);
                m.check(ff >= 0 && ff <= 1, "free_fraction", "must be in [0, 1], got " + m.asWritten("free_fraction", ff));
                double rho = m.quantity("density", PhysicalQuantity.DENSITY, Double.NaN);
                m.check(Double.isNaN(rho) || (rho > 0 && Double.isFinite(rho)), "density", "must be > 0");
                double kIc = m.quantity("fracture_toughness", PhysicalQuantity.FRACTURE_TOUGHNESS, Double.NaN);
                m.check(Double.isNaN(kIc) || (kIc > 0 && Double.isFinite(kIc)), "fracture_toughness", "must be > 0");
                double flaw = m.quantity("flaw_size", PhysicalQuantity.LENGTH, Double.NaN);
                m.check(Double.isNaN(flaw) || (flaw > 0 && Double.isFinite(flaw)), "flaw_size", "must be > 0");
                double young = m.quantity("youngs_modulus", PhysicalQuantity.PRESSURE, Double.NaN);
                m.check(Double.isNaN(young) || (young > 0 && Double.isFinite(young)), "youngs_modulus", "must be > 0");
                int given = (Double.isNaN(kIc) ? 0 : 1) + (Double.isNaN(flaw) ? 0 : 1) + (Double.isNaN(young) ? 0 : 1);
                m.check(given == 0 || given == 3, !Double.isNaN(kIc) ? "fracture_toughness" : !Double.isNaN(flaw) ? "flaw_size" : "youngs_modulus",
                        "fracture_toughness, flaw_size and youngs_modulus go together (the Li intrusion limit, docs/MODEL.md section 4.2): give all three or none");
                double pore = m.quantity("pore_size", PhysicalQuantity.LENGTH, Double.NaN);
                m.check(Double.isNaN(pore) || (pore > 0 && Double.isFinite(pore)), "pore_size", "must be > 0");
                // a library entry's pores go with its intrusion limit where the scenario switches that off
                if (!Double.isNaN(pore) && !m.writtenIn(file, "pore_size") && m.nulled("fracture_toughness") && m.nulled("flaw_size") && m.nulled("youngs_modulus"))
                    pore = Double.NaN;
                m.check(Double.isNaN(pore) || given == 3, "pore_size",
                        "needs fracture_toughness, flaw_size and youngs_modulus (a filled pore cracks the electrolyte as a flaw does, docs/MODEL.md section 4.2.1)");
                m.check(Double.isNaN(pore) || pore > flaw, "pore_size", "must exceed flaw_size (" + m.text("flaw_size")
                        + "): the crack starts from the flaws, and no smaller pore can lead it (docs/MODEL.md section 4.2.1)");
                double iStrip = m.quantity("critical_stripping_current", PhysicalQuantity.CURRENT_DENSITY, Double.NaN);
                m.check(Double.isNaN(iStrip) || (iStrip >= 0 && Double.isFinite(iStrip)), "critical_stripping_current", "must be >= 0 and finite");
                double voidDepth = m.quantity("void_depth", PhysicalQuantity.LENGTH, Double.NaN);
                m.check(Double.isNaN(voidDepth) || (voidDepth > 0 && Double.isFinite(voidDepth)), "void_depth", "must be > 0");
                m.check(Double.isNaN(voidDepth) || !Double.isNaN(iStrip), "void_depth",
                        "needs critical_stripping_current (voids open where the metal strips faster than its Li supply, docs/MODEL.md section 4.3)");
                String source = m.string("source", "") + scaling;
                MaterialSpec.Derived derived = dFromSigma ? MaterialSpec.Derived.DIFFUSIVITY : sigmaFromD ? MaterialSpec.Derived.IONIC_CONDUCTIVITY : MaterialSpec.Derived.NONE;
                materials.put(e.key(), new MaterialSpec(e.key(), d, si, se, i0, ff, rho, kIc, flaw, young, pore, iStrip, voidDepth, ea, tRef, eaI0, i0Ref, derived, source));
            }
        }

        double nonNegative(Section s, String key, double v) {
            s.check(v >= 0 && Double.isFinite(v), key, "must be >= 0 and finite, got " + s.asWritten(key, v));
            return v;
        }

        double positive(Section s, String key, double v) {
            s.check(v > 0 && Double.isFinite(v), key, "must be > 0 and finite, got " + s.asWritten(key, v));
            return v;
        }

        /** An optional temperature, K, NaN where absent. */
        double temperature(Section m, String key) {
            double t = m.quantity(key, PhysicalQuantity.TEMPERATURE, Double.NaN);
            m.check(Double.isNaN(t) || (t > 0 && Double.isFinite(t)), key, "must be > 0");
            return t;
        }

        /** An optional activation energy, J/mol, NaN where absent, refused where it looks like a slip of units. */
        double activationEnergy(Section m, String key) {
            double ea = m.quantity(key, PhysicalQuantity.ACTIVATION_ENERGY, Double.NaN);
            m.check(Double.isNaN(ea) || (ea >= 0 && Double.isFinite(ea)), key, "must be >= 0");
            m.check(Double.isNaN(ea) || ea == 0 || ea >= MIN_ACTIVATION_ENERGY_J_PER_MOL, key,
                    m.asWritten(key, ea) + " is below 0.01 eV (1 kJ/mol): per particle, give it in eV (e.g. 0.3 eV), per mole in kJ/mol");
            m.check(Double.isNaN(ea) || ea <= MAX_ACTIVATION_ENERGY_J_PER_MOL, key,
                    m.asWritten(key, ea) + " is above 3 eV (289 kJ/mol), beyond any ion transport or charge transfer: per particle, give it in eV (e.g. 0.3 eV), per mole in kJ/mol");
            return ea;
        }

        /**
         * A value the scenario writes over a library entry whose value scales with temperature would hold at whatever
         * temperature the scenario is run at, and a change of temperature would leave it unscaled: the scenario says
         * at which temperature it holds.
         */
        void writtenWithItsTemperature(Section m, boolean written, boolean temperatureWritten, double ea, String temperatureKey, String valueKey, String what) {
            m.check(!written || ea == 0 || temperatureWritten, valueKey, "is written over a library entry whose " + what + ": give " + temperatureKey
                    + " too, the temperature this value holds at (docs/MODEL.md section 1.3)");
        }

        /**
         * The Arrhenius factor from tRef to T, refused beyond {@link #MAX_ARRHENIUS_FACTOR} either way: at the temperature
         * key where the scenario wrote it, else (a library's) at model.temperature.
         */
        double arrhenius(Section m, Section modelSection, String temperatureKey, double ea, double tRef, double T) {
            double factor = Arrhenius.factor(ea, tRef, T);
            String why = String.format(Locale.ROOT, "Arrhenius from %s's %.4g K to the scenario's %.2f K at %.4g kJ/mol gives a factor of %.3g: "
                    + "check the temperatures and the activation energy", temperatureKey, tRef, T, ea / 1000, factor);
            boolean plausible = factor <= MAX_ARRHENIUS_FACTOR && factor >= 1 / MAX_ARRHENIUS_FACTOR;
            if (m.writtenIn(file, temperatureKey)) m.check(plausible, temperatureKey, why);
            else modelSection.check(plausible, "temperature", m.path + ": " + why);
            return factor;
        }

        void knownMaterial(Section s, String key, String name) {
            ScenarioLoader.knownMaterial(s, key, name, materials.keySet());
        }

        String suggestMaterial(String name) {
            return ScenarioLoader.suggestMaterial(name, materials.keySet());
        }

        ModelSpec model(Section m, GridSpec grid) {
            ModelForm form = m.choice("form", ModelForm.class, DEFAULT_FORM);
            double T = modelTemperature_K(m);
            int n = (int) m.integer("charge_number", DEFAULT_CHARGE_NUMBER, 1, 10);
            double alpha = m.quantity("symmetry_factor", PhysicalQuantity.DIMENSIONLESS, DEFAULT_ALPHA);
            m.check(alpha > 0 && alpha < 1, "symmetry_factor", "must be in (0, 1), got " + alpha);
            double cs = positive(m, "metal_site_density", m.quantity("metal_site_density", PhysicalQuantity.CONCENTRATION, DEFAULT_SITE_DENSITY));
            double c0 = positive(m, "bulk_concentration", m.quantity("bulk_concentration", PhysicalQuantity.CONCENTRATION, DEFAULT_BULK_CONCENTRATION));
            double width = positive(m, "interface_width", m.quantity("interface_width", PhysicalQuantity.LENGTH, DEFAULT_INTERFACE_WIDTH_SPACINGS * grid.spacing_m()));
            // a front that falls between cell centres is pinned to the lattice: it jumps cell by cell,
            // and its speed and the cell voltage follow the grid, not the model (below two cells the
            // geometry report warns, docs/MODEL.md section 10, item 1)
            m.check(width >= grid.spacing_m() * (1 - 1e-9), "interface_width", "the interface (" + fmt(width, PhysicalQuantity.LENGTH)
                    + ") is narrower than the grid spacing " + fmt(grid.spacing_m(), PhysicalQuantity.LENGTH)
                    + ": the front would be pinned to the lattice and move cell by cell; make it at least two spacings ("
                    + fmt(2 * grid.spacing_m(), PhysicalQuantity.LENGTH) + ") or refine grid.spacing");
            double gamma = positive(m, "interface_energy", m.quantity("interface_energy", PhysicalQuantity.INTERFACE_ENERGY, DEFAULT_INTERFACE_ENERGY));
            double L = positive(m, "allen_cahn_mobility", m.quantity("allen_cahn_mobility", PhysicalQuantity.MOBILITY, DEFAULT_AC_MOBILITY));
            Section an = m.section("anisotropy", "strength", "mode", "angle");
            double delta = an.quantity("strength", PhysicalQuantity.DIMENSIONLESS, 0.0);
            an.check(delta >= 0 && delta < 1, "strength", "must be in [0, 1), got " + delta);
            int mode = (int) an.integer("mode", DEFAULT_ANISOTROPY_MODE, 0, 64);
            double angle = an.quantity("angle", PhysicalQuantity.ANGLE, 0.0);
            Section no = m.section("noise", "amplitude", "seed");
            double amp = nonNegative(no, "amplitude", no.quantity("amplitude", PhysicalQuantity.DIMENSIONLESS, 0.0));
            long seed = no.integer("seed", 0, Long.MIN_VALUE, Long.MAX_VALUE);
            Section nu = m.section("nucleation", NUCLEATION_KEYS);
            double barrier = nonNegative(nu, "barrier", nu.quantity("barrier", PhysicalQuantity.POTENTIAL, DEFAULT_NUCLEATION_BARRIER_V));
            double gating = nonNegative(nu, "gating_conductivity", nu.quantity("gating_conductivity", PhysicalQuantity.CONDUCTIVITY, DEFAULT_GATING_CONDUCTIVITY));
            NucleationForm into = nu.choice("into", NucleationForm.class, NucleationForm.RESOLVED);
            nu.check(into == NucleationForm.RESOLVED || form == ModelForm.MIXED_CONDUCTOR, "into", "dispersed nucleation needs the mixed_conductor form");
            double ionPath = nu.quantity("dispersed_ion_path", PhysicalQuantity.DIMENSIONLESS, 1.0) + 0.0; // -0 is written as 0
            nu.check(ionPath >= 0 && ionPath <= 1, "dispersed_ion_path", "must be in [0, 1] (the fraction of the metal's ion path that dispersed metal keeps), got " + ionPath);
            nu.check(!nu.has("dispersed_ion_path") || into == NucleationForm.DISPERSED, "dispersed_ion_path",
                    "applies to dispersed metal only: set into: dispersed, or leave it out");
            boolean faceReaction = nu.flag("face_reaction");
            nu.check(!faceReaction || into == NucleationForm.DISPERSED, "face_reaction",
                    "applies to dispersed metal only (the Li a host's faces collect): set into: dispersed, or leave it out");
            String metal = m.string("metal", DEFAULT_METAL);
            if (!materials.containsKey(metal)) {
                if (m.has("metal")) knownMaterial(m, "metal", metal);
                throw m.error("metal", "the default metal material '" + DEFAULT_METAL + "' is not defined; name the Li metal material with model.metal"
                        + suggestMaterial(metal));
            }
            double eeq = m.quantity("equilibrium_potential", PhysicalQuantity.POTENTIAL, 0.0);
            m.check(Double.isFinite(eeq), "equilibrium_potential", "must be finite");
            return new ModelSpec(form, T, n, alpha, cs, c0, width, gamma, L, delta, mode, angle, amp, seed, barrier, gating, into, ionPath, faceReaction, metal, eeq);
        }

        GeometrySpec geometry(Section g, GridSpec grid, String metal) {
            ListNode layerList = g.list("layers");
            if (layerList == null) throw g.missing("layers", "a list of {material, thickness, xi, c}, bottom up");
            if (layerList.items.isEmpty()) throw g.error("layers", "at least one layer is needed");
            int nl = layerList.items.size();
            String[] mat = new String[nl];
            double[] thick = new double[nl], xi = new double[nl], c = new double[nl];
            Section[] ls = new Section[nl];
            int rest = -1;
            for (int l = 0; l < nl; l++) {
                Section s = ls[l] = new Section(file, layerList.items.get(l), g.keyPath("layers") + "[" + l + "]", layerList.line, "material", "thickness", "xi", "c");
                mat[l] = s.requiredString("material", "a material name");
                knownMaterial(s, "material", mat[l]);
                if (!s.has("thickness")) throw s.missing("thickness", "a length, e.g. '30 um', or 'rest'");
                if ("rest".equals(s.text("thickness"))) {
                    if (rest >= 0) throw s.error("thickness", "only one layer may have thickness 'rest' (layer " + rest + " already has it)");
                    rest = l;
                } else {
                    thick[l] = positive(s, "thickness", s.quantity("thickness", PhysicalQuantity.LENGTH));
                }
                xi[l] = s.quantity("xi", PhysicalQuantity.DIMENSIONLESS, 0.0);
                s.check(xi[l] >= 0 && xi[l] <= 1, "xi", "must be in [0, 1], got " + xi[l]);
                double ff = materials.get(mat[l]).freeFraction();
                s.check(xi[l] <= ff, "xi", "xi " + xi[l] + " exceeds the free_fraction " + ff + " of '" + mat[l] + "'");
                s.check(!mat[l].equals(metal) || xi[l] == ff, "xi", heldWithoutMetal("a layer", mat[l], xi[l]) + "; give it xi: " + ff);
                c[l] = s.quantity("c", PhysicalQuantity.DIMENSIONLESS, 1.0);
                s.check(c[l] >= 0 && Double.isFinite(c[l]), "c", "must be >= 0, got " + c[l]);
            }
            double sum = 0;
            for (int l = 0; l < nl; l++) {
                sum += thick[l];
                if (sum > grid.height_m() * (1 + 1e-9))
                    throw ls[l].error("thickness", "layers 0.." + l + " add up to " + fmt(sum, PhysicalQuantity.LENGTH) + ", more than the grid height "
                            + fmt(grid.height_m(), PhysicalQuantity.LENGTH));
            }
            if (rest >= 0) {
                double remaining = grid.height_m() - sum;
                if (!(remaining > 1e-9 * grid.height_m()))
                    throw ls[rest].error("thickness", "'rest' leaves nothing: the other layers already fill the height " + fmt(grid.height_m(), PhysicalQuantity.LENGTH));
                thick[rest] = remaining;
            }
            List<LayerSpec> layers = new ArrayList<>();
            for (int l = 0; l < nl; l++) layers.add(new LayerSpec(mat[l], thick[l], xi[l], c[l]));
            String background = g.string("background", mat[nl - 1]);
            knownMaterial(g, "background", background);
            GeometrySpec probe = new GeometrySpec(background, layers, null, null, null);
            int nz = grid.nz();
            double dx = grid.spacing_m();
            for (int l = 0; l < nl; l++) {
                int[] kk = probe.layerCells(l, dx, nz);
                if (kk[1] <= kk[0])
                    throw ls[l].error("thickness", "layer " + l + " (" + fmt(thick[l], PhysicalQuantity.LENGTH) + " of " + mat[l]
                            + ") contains no cell centre at spacing " + fmt(dx, PhysicalQuantity.LENGTH) + "; refine grid.spacing or thicken the layer");
            }
            // the microstructure first: a grain mixture is the host whose density converts its layer's weight fractions
            MicrostructureSpec micro = new MicrostructureReader(file, grid, probe, materials, metal, recorded).read(g);
            List<ParticleSpec> particles = particles(g, grid, probe, micro.grainMixtures(), metal);
            List<CrackSpec> cracks = cracks(g, grid, probe, metal);
            List<NucleusSpec> nuclei = nuclei(g, grid, probe);
            double beyond = g.quantity("electrolyte_beyond_top", PhysicalQuantity.LENGTH, 0.0);
            g.check(beyond >= 0 && Double.isFinite(beyond), "electrolyte_beyond_top", "must be a length >= 0, got " + g.asWritten("electrolyte_beyond_top", beyond));
            return new GeometrySpec(background, layers, particles, cracks, nuclei, micro, beyond);
        }

        List<ParticleSpec> particles(Section g, GridSpec grid, GeometrySpec probe, List<GrainMixtureSpec> mixtures, String metal) {
            List<ParticleSpec> out = new ArrayList<>();
            ListNode list = g.list("particles");
            if (list == null) return out;
            int nl = probe.layers().size();
            double[] byVolume = new double[nl], byWeight = new double[nl];
            List<Section> sections = new ArrayList<>();
            for (int p = 0; p < list.items.size(); p++) {
                Section s = new Section(file, list.items.get(p), g.keyPath("particles") + "[" + p + "]", list.line, "material", "layer", "diameter", "diameter_std",
                        "diameter_min", "diameter_max", "volume_fraction", "weight_fraction", "seed", "min_gap", "arrangement");
                String m = s.requiredString("material", "a material name");
                knownMaterial(s, "material", m);
                int layer = (int) s.requiredInteger("layer", 0, Integer.MAX_VALUE);
                s.check(layer < nl, "layer", "layer " + layer + " does not exist: there are " + nl + " layers (0.." + (nl - 1) + ", bottom up)");
                double hostXi = probe.layers().get(layer).xi(), metalRoom = materials.get(m).freeFraction();
                s.check(!m.equals(metal) || hostXi >= metalRoom, "material", heldWithoutMetal("particles", m, hostXi) + " (particles take their layer's xi, "
                        + hostXi + "); metal is placed with layers (xi: 1), nuclei, or an image's {material: " + m + ", xi: 1}");
                ParticleSpec.Arrangement arrangement = s.choice("arrangement", ParticleSpec.Arrangement.class, ParticleSpec.Arrangement.RANDOM);
                boolean onBoundaries = arrangement == ParticleSpec.Arrangement.GRAIN_BOUNDARIES;
                if (onBoundaries)
                    for (String k : new String[] {"diameter_std", "diameter_min", "diameter_max", "min_gap"})
                        s.check(!s.has(k), k, "grain_boundaries particles take one diameter, the thickness of the shell they form on the grains");
                boolean uniform = s.has("diameter_min") || s.has("diameter_max");
                double d, std, dMin = Double.NaN, dMax = Double.NaN;
                if (uniform) {
                    for (String k : new String[] {"diameter", "diameter_std"})
                        s.check(!s.has(k), k, "give either diameter (and diameter_std) or diameter_min and diameter_max (uniform), not both");
                    dMin = positive(s, "diameter_min", s.quantity("diameter_min", PhysicalQuantity.LENGTH));
                    dMax = positive(s, "diameter_max", s.quantity("diameter_max", PhysicalQuantity.LENGTH));
                    s.check(dMax >= dMin, "diameter_max", "must be >= diameter_min");
                    d = (dMin + dMax) / 2;
                    std = (dMax - dMin) / Math.sqrt(12);
                } else {
                    d = positive(s, "diameter", s.quantity("diameter", PhysicalQuantity.LENGTH));
                    std = nonNegative(s, "diameter_std", s.quantity("diameter_std", PhysicalQuantity.LENGTH, 0.0));
                }
                boolean hasV = s.has("volume_fraction"), hasW = s.has("weight_fraction");
                if (hasV == hasW) throw hasV ? s.error("weight_fraction", "give either volume_fraction or weight_fraction, not both")
                        : s.missing("volume_fraction", "or weight_fraction, e.g. '20 %'");
                double vf = Double.NaN, wf = Double.NaN;
                if (hasV) {
                    vf = s.quantity("volume_fraction", PhysicalQuantity.DIMENSIONLESS);
                    s.check(vf > 0 && vf < 1, "volume_fraction", "must be in (0, 1), got " + s.asWritten("volume_fraction", vf));
                } else {
                    wf = s.quantity("weight_fraction", PhysicalQuantity.DIMENSIONLESS);
                    s.check(wf > 0 && wf < 1, "weight_fraction", "must be in (0, 1), got " + s.asWritten("weight_fraction", wf));
                    List<String> host = LayerParticleFractions.hostMaterials(probe.layers(), mixtures, layer);
                    List<String> missing = new ArrayList<>();
                    if (!materials.get(m).hasDensity()) missing.add("materials." + m + ".density");
                    for (String name : host)
                        if (!name.equals(m) && !materials.get(name).hasDensity()) missing.add("materials." + name + ".density");
                    if (!missing.isEmpty())
                        throw s.error("weight_fraction", "converting a weight fraction needs the densities of the particle material '" + m + "'"
                                + (host.size() == 1 ? " and of the layer material '" + host.get(0) + "'"
                                        : " and of the materials of layer " + layer + "'s grain mixture (" + String.join(", ", host) + ")")
                                + "; missing: " + String.join(" ", missing));
                }
                // converted with the layer's other sets (LayerParticleFractions): the host keeps the rest of the volume, and of the mass
                String fracKey = hasV ? "volume_fraction" : "weight_fraction";
                double[] sum = hasV ? byVolume : byWeight;
                sum[layer] += hasV ? vf : wf;
                s.check(sum[layer] < 1, fracKey, String.format(Locale.ROOT, "the particle sets of layer %d given by %s add up to %.4g, leaving nothing to the layer's material '%s'",
                        layer, hasV ? "volume" : "weight", sum[layer], probe.layers().get(layer).material()));
                long seed = s.integer("seed", 0, Long.MIN_VALUE, Long.MAX_VALUE);
                double gap = nonNegative(s, "min_gap", s.quantity("min_gap", PhysicalQuantity.LENGTH, 0.0));
                // fit checks
                int[] kk = probe.layerCells(layer, grid.spacing_m(), grid.nz());
                double layerThick = (kk[1] - kk[0]) * grid.spacing_m();
                String dKey = uniform ? "diameter_max" : "diameter";
                double dFit = uniform ? dMax : d;
                s.check(dFit <= layerThick, dKey, "particles of diameter " + fmt(dFit, PhysicalQuantity.LENGTH) + " do not fit in layer " + layer + " ("
                        + fmt(layerThick, PhysicalQuantity.LENGTH) + " thick on the grid)");
                // a placed particle takes the cells whose centres it covers: one under a cell is drawn as a whole cell, many times its size
                s.check(recorded || onBoundaries || d >= grid.spacing_m() * (1 - 1e-9), dKey, "particles of " + (uniform ? "mean diameter " : "diameter ")
                        + fmt(d, PhysicalQuantity.LENGTH) + " are smaller than a grid cell (" + fmt(grid.spacing_m(), PhysicalQuantity.LENGTH)
                        + "): each would be drawn as one whole cell; refine grid.spacing (2 spacings or more across a particle resolve its shape)");
                double lateral = grid.is3D() ? Math.min(grid.width_m(), grid.depth_m()) : grid.width_m();
                s.check(dFit + gap <= lateral, dKey, "particles of diameter " + fmt(dFit, PhysicalQuantity.LENGTH) + " plus min_gap do not fit in the lateral extent "
                        + fmt(lateral, PhysicalQuantity.LENGTH));
                try {
                    out.add(onBoundaries ? ParticleSpec.onGrainBoundaries(m, layer, d, vf, wf, seed)
                            : uniform ? ParticleSpec.uniform(m, layer, dMin, dMax, vf, wf, seed, gap) : new ParticleSpec(m, layer, d, std, vf, wf, seed, gap));
                } catch (IllegalArgumentException e) {
                    throw new ScenarioException(s.map.file, s.path, s.line(), e.getMessage(), e);
                }
                sections.add(s);
            }
            checkPacking(out, sections, grid, probe, mixtures);
            return out;
        }

        /** Whether each layer's random particles, each counted with its min_gap shell, stay below the random-placement limit. */
        private void checkPacking(List<ParticleSpec> sets, List<Section> sections, GridSpec grid, GeometrySpec probe, List<GrainMixtureSpec> mixtures) {
            double[] packed = new double[probe.layers().size()];
            double limit = grid.is3D() ? ParticleSpec.MAX_PACKING_3D : ParticleSpec.MAX_PACKING_2D;
            for (int p = 0; p < sets.size(); p++) {
                ParticleSpec set = sets.get(p);
                int layer = set.layer();
                // a shell on the grains is no packing of discrete particles: any fraction below 1 is reachable
                if (set.arrangement() == ParticleSpec.Arrangement.GRAIN_BOUNDARIES) continue;
                ToDoubleFunction<String> density = name -> materials.get(name).density_kg_per_m3();
                double target = LayerParticleFractions.of(sets, p, density, LayerParticleFractions.hostDensity(probe.layers(), mixtures, layer, density));
                double d = set.meanDiameter_m(), gap = set.minGap_m();
                packed[layer] += target * Math.pow((d + gap) / d, grid.dimensions());
                boolean byWeight = Double.isNaN(set.volumeFraction());
                int[] kk = probe.layerCells(layer, grid.spacing_m(), grid.nz());
                long layerCells = (long) grid.nx() * grid.ny() * (kk[1] - kk[0]);
                // the set is placed until round(fraction x layer cells) of its cells: under half a cell, none
                if (!recorded && Math.round(target * layerCells) == 0)
                    throw sections.get(p).error(byWeight ? "weight_fraction" : "volume_fraction", String.format(Locale.ROOT,
                            "volume fraction %.3g%s of layer %d's %d cells is less than half a cell: no particle would be placed; it needs a volume fraction of at least %.3g, "
                            + "or widen the window", target, byWeight ? " (from the weight fraction)" : "", layer, layerCells, 0.5 / layerCells));
                if (packed[layer] > limit)
                    throw sections.get(p).error(byWeight ? "weight_fraction" : "volume_fraction", String.format(Locale.ROOT,
                            "cannot place these particles without overlap: volume fraction %.3f%s%s is a packing fraction of %.3f"
                            + " in layer %d, above the random-placement limit %.2f for %s", target, byWeight ? " (from the weight fraction)" : "",
                            gap > 0 ? " with min_gap" : "", packed[layer], layer, limit, grid.is3D() ? "spheres" : "discs"));
            }
        }

        List<CrackSpec> cracks(Section g, GridSpec grid, GeometrySpec probe, String metal) {
            List<CrackSpec> out = new ArrayList<>();
            ListNode list = g.list("cracks");
            if (list == null) return out;
            int nl = probe.layers().size();
            for (int i = 0; i < list.items.size(); i++) {
                Section s = new Section(file, list.items.get(i), g.keyPath("cracks") + "[" + i + "]", list.line, "layer", "x", "y", "width", "length", "fill", "c");
                int layer = (int) s.requiredInteger("layer", 0, Integer.MAX_VALUE);
                s.check(layer < nl, "layer", "layer " + layer + " does not exist: there are " + nl + " layers (0.." + (nl - 1) + ", bottom up)");
                double x = s.quantity("x", PhysicalQuantity.LENGTH);
                s.check(x >= 0 && x <= grid.width_m(), "x", "must be within the width [0, " + fmt(grid.width_m(), PhysicalQuantity.LENGTH) + "]");
                double w = positive(s, "width", s.quantity("width", PhysicalQuantity.LENGTH));
                s.check(w >= grid.spacing_m() * (1 - 1e-9), "width", "crack width " + fmt(w, PhysicalQuantity.LENGTH) + " is narrower than the grid spacing "
                        + fmt(grid.spacing_m(), PhysicalQuantity.LENGTH) + "; refine grid.spacing or widen the crack");
                s.check(w < grid.width_m(), "width", "crack is as wide as the domain");
                double y = 0, length = Double.POSITIVE_INFINITY;
                if (grid.is3D()) {
                    if (s.has("length") && !"full".equals(s.text("length"))) {
                        length = positive(s, "length", s.quantity("length", PhysicalQuantity.LENGTH));
                        s.check(length >= grid.spacing_m() * (1 - 1e-9), "length", "shorter than the grid spacing");
                        y = s.quantity("y", PhysicalQuantity.LENGTH);
                    } else {
                        y = s.quantity("y", PhysicalQuantity.LENGTH, 0.0);
                    }
                    s.check(y >= 0 && y <= grid.depth_m(), "y", "must be within the depth [0, " + fmt(grid.depth_m(), PhysicalQuantity.LENGTH) + "]");
                } else {
                    s.check(!s.has("y"), "y", "y is only for 3D grids");
                    s.check(!s.has("length"), "length", "length is only for 3D grids (a 2D crack spans the cross-section)");
                }
                String fill = s.requiredString("fill", "a material name");
                knownMaterial(s, "fill", fill);
                // its cells would be the metal's material holding no metal: an ion blocker that is no Li (the run diverged)
                s.check(!fill.equals(metal), "fill", "a crack is filled at xi = 0, and the metal's own material (" + fill + ") holds no metal there: "
                        + "fill it with an electrolyte or a coating's material; Li in a flaw grows from the contact's pressure (docs/MODEL.md section 4.2), "
                        + "and metal is placed with layers or nuclei");
                double c = s.quantity("c", PhysicalQuantity.DIMENSIONLESS, Double.NaN);
                s.check(Double.isNaN(c) || c >= 0, "c", "must be >= 0");
                out.add(new CrackSpec(layer, x, y, w, fill, length, c));
            }
            return out;
        }

        List<NucleusSpec> nuclei(Section g, GridSpec grid, GeometrySpec probe) {
            List<NucleusSpec> out = new ArrayList<>();
            ListNode list = g.list("nuclei");
            if (list == null) return out;
            if (!list.items.isEmpty() && probe.metalLayer() < 0)
                throw g.error("nuclei", "nuclei sit on the topmost layer with xi: 1, and there is none");
            for (int i = 0; i < list.items.size(); i++) {
                Section s = new Section(file, list.items.get(i), g.keyPath("nuclei") + "[" + i + "]", list.line, "x", "y", "radius");
                double x = s.quantity("x", PhysicalQuantity.LENGTH);
                s.check(x >= 0 && x <= grid.width_m(), "x", "must be within the width [0, " + fmt(grid.width_m(), PhysicalQuantity.LENGTH) + "]");
                double y = 0;
                if (grid.is3D()) {
                    y = s.quantity("y", PhysicalQuantity.LENGTH);
                    s.check(y >= 0 && y <= grid.depth_m(), "y", "must be within the depth [0, " + fmt(grid.depth_m(), PhysicalQuantity.LENGTH) + "]");
                } else {
                    s.check(!s.has("y"), "y", "y is only for 3D grids");
                }
                double r = positive(s, "radius", s.quantity("radius", PhysicalQuantity.LENGTH));
                s.check(r >= grid.spacing_m() * (1 - 1e-9), "radius", "nucleus radius " + fmt(r, PhysicalQuantity.LENGTH) + " is smaller than the grid spacing "
                        + fmt(grid.spacing_m(), PhysicalQuantity.LENGTH));
                int metal = probe.metalLayer();
                double top = probe.layerCells(metal, grid.spacing_m(), grid.nz())[1] * grid.spacing_m();
                s.check(top + r <= grid.height_m() * (1 + 1e-9), "radius", "the nucleus sticks out of the domain top");
                out.add(new NucleusSpec(x, y, r));
            }
            return out;
        }

        ControlSpec control(Section c) {
            ControlMode mode = c.choice("mode", ControlMode.class, null);
            if (mode == null) throw c.missing("mode", "potentiostatic or galvanostatic");
            if (mode == ControlMode.POTENTIOSTATIC) {
                // the keys of the other mode first: a protocol without a voltage meant galvanostatic, not a missing voltage
                c.check(!c.has("current_density"), "current_density", "current_density is not used in potentiostatic mode (set voltage, or mode: galvanostatic)");
                c.check(!c.has("protocol"), "protocol", "a current protocol needs mode: galvanostatic");
                double v = c.quantity("voltage", PhysicalQuantity.POTENTIAL);
                return new ControlSpec(mode, v, Double.NaN);
            }
            double v = c.quantity("voltage", PhysicalQuantity.POTENTIAL, Double.NaN);
            if (c.has("protocol")) {
                c.check(!c.has("current_density"), "current_density", "the protocol sets the current density; remove current_density");
                return new ControlSpec(mode, v, Double.NaN, protocol(c));
            }
            double i = c.quantity("current_density", PhysicalQuantity.CURRENT_DENSITY);
            return new ControlSpec(mode, v, i);
        }

        ProtocolSpec protocol(Section c) {
            String[] ramp = {"type", "start", "step", "max", "capacity", "capacity_step", "symmetric"};
            String[] cycling = {"type", "current_density", "capacity", "cycles"};
            String type = c.section("protocol", union(ramp, cycling)).requiredString("type", "ccd_ramp or cycling");
            try {
                if (type.equals("ccd_ramp")) {
                    Section p = c.section("protocol", ramp);
                    final double start = positive(p, "start", p.quantity("start", PhysicalQuantity.CURRENT_DENSITY));
                    final double step = positive(p, "step", p.quantity("step", PhysicalQuantity.CURRENT_DENSITY));
                    final double max = positive(p, "max", p.quantity("max", PhysicalQuantity.CURRENT_DENSITY));
                    p.check(max >= start, "max", "must be at least start (" + fmt(start, PhysicalQuantity.CURRENT_DENSITY) + ")");
                    ProtocolSpec.CcdRamp r = new ProtocolSpec.CcdRamp(start, step, max,
                            positive(p, "capacity", p.quantity("capacity", PhysicalQuantity.AREAL_CAPACITY)),
                            nonNegative(p, "capacity_step", p.quantity("capacity_step", PhysicalQuantity.AREAL_CAPACITY, 0.0)),
                            p.flag("symmetric"));
                    // as many current steps as cycles at most (a step of 1e-12 mA/cm^2 overflowed the count, a max of 1e9 the memory)
                    p.check(r.stepCount() <= MAX_RAMP_STEPS, "step", "the ramp from start to max would take "
                            + String.format(Locale.ROOT, "%.0f", r.stepCount()) + " steps; at most " + MAX_RAMP_STEPS);
                    return r;
                }
                if (type.equals("cycling")) {
                    Section p = c.section("protocol", cycling);
                    return new ProtocolSpec.Cycling(positive(p, "current_density", p.quantity("current_density", PhysicalQuantity.CURRENT_DENSITY)),
                            positive(p, "capacity", p.quantity("capacity", PhysicalQuantity.AREAL_CAPACITY)),
                            (int) p.requiredInteger("cycles", 1, MAX_RAMP_STEPS));
                }
            } catch (IllegalArgumentException e) {
                throw c.error("protocol", e.getMessage());
            }
            throw c.section("protocol", union(ramp, cycling)).error("type", "expected ccd_ramp or cycling, got '" + type + "'"
                    + didYouMean(type, List.of("ccd_ramp", "cycling")));
        }

        private static String[] union(String[] a, String[] b) {
            return java.util.stream.Stream.concat(Arrays.stream(a), Arrays.stream(b)).distinct().toArray(String[]::new);
        }

        TimeSpec time(Section t, ControlSpec control) {
            // a protocol ends by itself; an end time then only stops it earlier
            double protocolEnd = control.protocol() == null ? Double.NaN : CurrentProgram.of(control).end_s();
            double end = positive(t, "end", Double.isNaN(protocolEnd) ? t.quantity("end", PhysicalQuantity.TIME)
                    : Math.min(protocolEnd, t.quantity("end", PhysicalQuantity.TIME, protocolEnd)));
            long maxSteps = t.integer("max_steps", DEFAULT_MAX_STEPS, 1, Long.MAX_VALUE);
            double out = positive(t, "output_interval", t.quantity("output_interval", PhysicalQuantity.TIME, end * DEFAULT_OUTPUT_FRACTION));
            double maxStep = positive(t, "max_step", t.quantity("max_step", PhysicalQuantity.TIME, out));
            double safety = t.quantity("stability_safety", PhysicalQuantity.DIMENSIONLESS, DEFAULT_STABILITY_SAFETY);
            t.check(safety > 0 && safety <= 1, "stability_safety", "must be in (0, 1], got " + safety);
            Integrator integrator = t.choice("integrator", Integrator.class, Integrator.EXPLICIT);
            double maxXiChange = t.quantity("max_xi_change", PhysicalQuantity.DIMENSIONLESS, DEFAULT_MAX_XI_CHANGE);
            t.check(maxXiChange > 0 && maxXiChange <= 0.5, "max_xi_change", "must be in (0, 0.5], got " + maxXiChange);
            return new TimeSpec(end, maxSteps, out, maxStep, safety, integrator, maxXiChange);
        }

        List<InterphaseSpec> interphases(Section root, ModelSpec model) {
            List<InterphaseSpec> out = new ArrayList<>();
            ListNode list = root.list("interphases");
            if (list == null) return out;
            for (int i = 0; i < list.items.size(); i++) {
                Section s = new Section(file, list.items.get(i), "interphases[" + i + "]", list.line, "material", "product", "rate_constant");
                String reactant = s.requiredString("material", "the material Li reduces");
                knownMaterial(s, "material", reactant);
                String product = s.requiredString("product", "the interphase material it turns into");
                knownMaterial(s, "product", product);
                s.check(!product.equals(reactant), "product", "must differ from material");
                s.check(!reactant.equals(model.metalMaterial()), "material", "the metal cannot react with itself");
                // the product's cells hold no metal (xi = 0): the metal's material there would block the ions and be no Li
                s.check(!product.equals(model.metalMaterial()), "product", "the interphase is formed at xi = 0, and the metal's own material (" + product
                        + ") holds no metal there: name the material the reactant turns into (the interphase phase)");
                // a second reaction of one reactant would compete for its cells silently, the first listed winning
                for (int j = 0; j < out.size(); j++)
                    s.check(!out.get(j).reactant().equals(reactant), "material", "'" + reactant + "' already reacts in interphases[" + j + "] (to "
                            + out.get(j).product() + "): a material has one interphase; give one product (a mixed interphase is a material of its own)");
                double k = positive(s, "rate_constant", s.quantity("rate_constant", PhysicalQuantity.DIFFUSIVITY));
                out.add(new InterphaseSpec(reactant, product, k));
            }
            return out;
        }

        SolverSpec solver(Section s, ModelSpec model) {
            double tol = s.quantity("potential_tolerance", PhysicalQuantity.DIMENSIONLESS, DEFAULT_POTENTIAL_TOL);
            s.check(tol > 0 && tol < 1, "potential_tolerance", "must be in (0, 1), got " + tol);
            int it = (int) s.integer("potential_max_iterations", DEFAULT_POTENTIAL_MAX_ITER, 1, 1_000_000);
            ReactionCoupling coupling = s.choice("reaction_coupling", ReactionCoupling.class, ReactionCoupling.LAGGED);
            s.check(coupling == ReactionCoupling.LAGGED || model.form() == ModelForm.MIXED_CONDUCTOR, "reaction_coupling",
                    "implicit needs model.form: mixed_conductor (the single-potential form has no electronic potential to couple)");
            return new SolverSpec(tol, it, coupling, !s.has("front_deflation") || s.flag("front_deflation"));
        }
    }
}
