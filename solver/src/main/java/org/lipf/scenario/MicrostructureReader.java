package org.lipf.scenario;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.special.Erf;
import org.lipf.grid.ImagePlacement;
import org.lipf.grid.VoxelImage;
import org.lipf.scenario.ScenarioLoader.Section;
import org.lipf.scenario.YamlNode.Entry;
import org.lipf.scenario.YamlNode.ListNode;
import org.lipf.scenario.YamlNode.MapNode;
import org.lipf.scenario.YamlNode.Scalar;

/**
 * Reads the microstructure generators of a scenario's {@code geometry} section ({@code gradients},
 * {@code grain_mixtures}, {@code coatings}, {@code images}) into a {@link MicrostructureSpec},
 * with the same file/key/line errors as the rest of the scenario. Gradients add their generated
 * materials to the scenario's material map.
 */
final class MicrostructureReader {
    static final int MAX_GRADIENT_LEVELS = 64;
    private final String file;
    private final GridSpec grid;
    private final GeometrySpec probe;
    private final Map<String, MaterialSpec> materials;
    /** The metal's material (model.metal). */
    private final String metal;

    /** Whether the scenario is an existing run's, whose geometry its snapshots hold ({@link ScenarioLoader#loadRecorded}). */
    private final boolean recorded;

    MicrostructureReader(String file, GridSpec grid, GeometrySpec probe, Map<String, MaterialSpec> materials, String metal, boolean recorded) {
        this.file = file;
        this.recorded = recorded;
        this.grid = grid;
        this.probe = probe;
        this.materials = materials;
        this.metal = metal;
    }

    MicrostructureSpec read(Section g) {
        List<GradientSpec> gradients = new ArrayList<>();
        forEach(g, "gradients", s -> gradients.add(gradient(s)), "layer", "to", "surface_fraction", "diffusion_length", "levels", "surface", "mixing");
        List<GrainMixtureSpec> mixtures = new ArrayList<>();
        forEach(g, "grain_mixtures", s -> mixtures.add(grainMixture(s, gradients, mixtures)), "layer", "materials", "fractions", "grain_size", "seed");
        List<CoatingSpec> coatings = new ArrayList<>();
        forEach(g, "coatings", s -> coatings.add(coating(s, coatings.size())), "material", "layer", "thickness", "thickness_rsd", "correlation_length", "coverage",
                "patch_size", "pinholes", "pinhole_diameter", "cracks", "crack_width", "crack_direction", "seed", "subcell", "on_metal", "c");
        List<VoxelImageSpec> images = new ArrayList<>();
        forEach(g, "images", s -> images.add(image(s)), "file", "dataset", "voxel_size", "offset", "colors", "ids", "sha256");
        return new MicrostructureSpec(gradients, mixtures, coatings, images);
    }

    /** Reads each item of list {@code key} (if present) as a map with the given keys. */
    private void forEach(Section g, String key, java.util.function.Consumer<Section> reader, String... keys) {
        ListNode list = g.list(key);
        if (list == null) return;
        for (int i = 0; i < list.items.size(); i++) reader.accept(new Section(file, list.items.get(i), g.keyPath(key) + "[" + i + "]", list.line, keys));
    }

    private int layer(Section s) {
        int nl = probe.layers().size();
        int layer = (int) s.requiredInteger("layer", 0, Integer.MAX_VALUE);
        s.check(layer < nl, "layer", "layer " + layer + " does not exist: there are " + nl + " layers (0.." + (nl - 1) + ", bottom up)");
        return layer;
    }

    private String material(Section s, String key) {
        String m = s.requiredString(key, "a material name");
        ScenarioLoader.knownMaterial(s, key, m, materials.keySet());
        return m;
    }

    private double positiveLength(Section s, String key) {
        double v = s.quantity(key, PhysicalQuantity.LENGTH);
        s.check(v > 0 && Double.isFinite(v), key, "must be > 0");
        return v;
    }

    private double optionalLength(Section s, String key) {
        double v = s.quantity(key, PhysicalQuantity.LENGTH, 0.0);
        s.check(v >= 0 && Double.isFinite(v), key, "must be >= 0, got " + s.asWritten(key, v));
        return v;
    }

    private double fraction(Section s, String key, double def, boolean zeroAllowed) {
        double v = s.quantity(key, PhysicalQuantity.DIMENSIONLESS, def);
        s.check((zeroAllowed ? v >= 0 : v > 0) && v <= 1, key, "must be in " + (zeroAllowed ? "[0" : "(0") + ", 1], got " + s.asWritten(key, v));
        return v;
    }

    // ------------------------------------------------------------------------------- gradients

    GradientSpec gradient(Section s) {
        int layer = layer(s);
        String from = probe.layers().get(layer).material();
        String to = material(s, "to");
        s.check(!to.equals(from), "to", "the gradient goes from the layer's material '" + from + "' to another material");
        double xs = fraction(s, "surface_fraction", 1.0, false);
        double L = positiveLength(s, "diffusion_length");
        int levels = (int) s.integer("levels", 8, 1, MAX_GRADIENT_LEVELS);
        GradientSpec.Surface surface = s.choice("surface", GradientSpec.Surface.class, GradientSpec.Surface.TOP);
        GradientSpec.Mixing mixing = s.choice("mixing", GradientSpec.Mixing.class, GradientSpec.Mixing.LINEAR);
        GradientSpec spec = new GradientSpec(layer, from, to, xs, L, levels, surface, mixing);
        if (!recorded) drawnOnTheGrid(s, spec);
        List<MaterialSpec> generated = spec.materials(materials.get(from), materials.get(to));
        s.check(materials.size() + generated.size() <= Scenario.MAX_MATERIALS, "levels",
                "the " + levels + " generated materials bring the scenario above " + Scenario.MAX_MATERIALS + " materials; use fewer levels");
        for (MaterialSpec m : generated) {
            s.check(!materials.containsKey(m.name()), "to", "the generated material name '" + m.name() + "' is already taken (by a material or another gradient)");
            materials.put(m.name(), m);
        }
        return spec;
    }

    /**
     * A gradient whose first level ends above the layer's first cell centre, half a spacing below its entry surface, would
     * leave every cell of the layer its own material (the report showed only level 0): refused, with what would draw it.
     */
    private void drawnOnTheGrid(Section s, GradientSpec spec) {
        double dx = grid.spacing_m(), firstCentre = dx / 2;
        if (spec.levelAt(firstCentre) > 0) return;
        double erfcInv = Erf.erfcInv(0.5 / spec.levels());
        int levelsNeeded = (int) Math.ceil(0.5 / Erf.erfc(firstCentre / spec.diffusionLength_m()));
        throw s.error("diffusion_length", "the gradient draws no cell: its first level (x = " + String.format(Locale.ROOT, "%.3g", spec.levelFraction(1))
                + ", drawn where x >= " + String.format(Locale.ROOT, "%.3g", spec.levelFraction(1) / 2) + ") reaches " + ScenarioLoader.fmt(spec.drawnDepth_m(), PhysicalQuantity.LENGTH) + " below the layer's " + spec.surface().name().toLowerCase(Locale.ROOT)
                + " surface, short of its first cell centre, half a spacing (" + ScenarioLoader.fmt(firstCentre, PhysicalQuantity.LENGTH) + ") deep; it needs "
                + "a grid.spacing of at most " + ScenarioLoader.fmt(2 * spec.diffusionLength_m() * erfcInv, PhysicalQuantity.LENGTH)
                + ", a diffusion_length of at least " + ScenarioLoader.fmt(firstCentre / erfcInv, PhysicalQuantity.LENGTH)
                + (levelsNeeded <= MAX_GRADIENT_LEVELS ? ", or levels: " + levelsNeeded : ""));
    }

    // ------------------------------------------------------------------------------- grain mixtures

    GrainMixtureSpec grainMixture(Section s, List<GradientSpec> gradients, List<GrainMixtureSpec> mixtures) {
        int layer = layer(s);
        // a mixture redraws every cell of its layer: a gradient drawn before it, or an earlier mixture, would leave nothing
        for (int i = 0; i < gradients.size(); i++)
            s.check(recorded || gradients.get(i).layer() != layer, "layer", "layer " + layer + " has the gradient geometry.gradients[" + i + "], and a grain mixture "
                    + "redraws every cell of its layer after the gradients: nothing of the gradient would remain; give them different layers");
        for (int i = 0; i < mixtures.size(); i++)
            s.check(recorded || mixtures.get(i).layer() != layer, "layer", "layer " + layer + " already is the grain mixture geometry.grain_mixtures[" + i + "], which this one would redraw entirely: list all the layer's materials in one mixture");
        List<String> names = new ArrayList<>();
        for (Scalar item : scalars(s, "materials")) {
            String m = item.text.trim();
            if (!materials.containsKey(m)) throw new ScenarioException(item.file, s.keyPath("materials"), item.line, "unknown material '" + m + "'"
                    + ScenarioLoader.suggestMaterial(m, materials.keySet()));
            if (names.contains(m)) throw new ScenarioException(item.file, s.keyPath("materials"), item.line, "'" + m + "' is listed twice");
            double layerXi = probe.layers().get(layer).xi();
            if (m.equals(metal) && layerXi < materials.get(m).freeFraction())
                throw new ScenarioException(item.file, s.keyPath("materials"), item.line, ScenarioLoader.heldWithoutMetal("grains", m, layerXi)
                        + " (grains take their layer's xi, " + layerXi + "); metal is placed with layers (xi: 1), nuclei, or an image's {material: " + m + ", xi: 1}");
            names.add(m);
        }
        s.check(names.size() >= 2, "materials", "a grain mixture needs at least two materials");
        List<Double> fractions = new ArrayList<>();
        double sum = 0;
        for (Scalar item : scalars(s, "fractions")) {
            double f;
            try {
                f = UnitParser.parse(item.text, PhysicalQuantity.DIMENSIONLESS);
            } catch (IllegalArgumentException e) {
                throw new ScenarioException(item.file, s.keyPath("fractions"), item.line, e.getMessage(), e);
            }
            if (!(f >= 0 && f <= 1)) throw new ScenarioException(item.file, s.keyPath("fractions"), item.line, "each fraction must be in [0, 1], got " + f);
            fractions.add(f);
            sum += f;
        }
        s.check(fractions.size() == names.size(), "fractions", "give one fraction per material (" + names.size() + "), got " + fractions.size());
        s.check(Math.abs(sum - 1) <= 1e-6, "fractions", "the fractions must add up to 1, got " + sum);
        for (int i = 0; i < fractions.size(); i++) fractions.set(i, fractions.get(i) / sum);
        double grain = positiveLength(s, "grain_size");
        long seed = s.integer("seed", 0, Long.MIN_VALUE, Long.MAX_VALUE);
        return new GrainMixtureSpec(layer, names, fractions, grain, seed);
    }

    private List<Scalar> scalars(Section s, String key) {
        ListNode list = s.list(key);
        if (list == null) throw s.missing(key, "a list, e.g. [a, b]");
        List<Scalar> out = new ArrayList<>();
        for (YamlNode n : list.items) {
            if (!(n instanceof Scalar sc) || sc.isNull()) throw new ScenarioException(n.file, s.keyPath(key), n.line, "expected a list of single values, got " + n.kind());
            out.add(sc);
        }
        return out;
    }

    // ------------------------------------------------------------------------------- coatings

    CoatingSpec coating(Section s, int index) {
        String m = material(s, "material");
        // its cells (or its film on the metal) would be the metal's material holding no metal: an ion blocker that is no Li
        s.check(!m.equals(metal), "material", "a coating's cells hold no metal (xi = 0), and the metal's own material (" + m + ") without metal "
                + "blocks the ions and is no Li: coat with the film's material; metal is placed with layers (xi: 1) or nuclei");
        int layer = layer(s);
        double dx = grid.spacing_m();
        int top = probe.layerCells(layer, dx, grid.nz())[1];
        s.check(top < grid.nz(), "layer", "a coating grows into the layer above layer " + layer + ", and there is no cell above it");
        double t = positiveLength(s, "thickness");
        boolean subcell = s.flag("subcell");
        boolean onMetal = s.flag("on_metal");
        s.check(!(subcell && onMetal), "on_metal", "a coating is either drawn as cells (subcell: true) or carried by the metal surface (on_metal: true), not both");
        if (!subcell && !onMetal)
            s.check(t >= dx * (1 - 1e-9), "thickness", "the coating (" + ScenarioLoader.fmt(t, PhysicalQuantity.LENGTH) + ") is thinner than the grid spacing "
                    + ScenarioLoader.fmt(dx, PhysicalQuantity.LENGTH) + "; refine grid.spacing, or declare subcell: true (effective cells) or on_metal: true (a film on the metal surface)");
        // one effective cell holds at most a cell of film: a thicker one was cut to a cell while the report gave its thickness
        s.check(!subcell || t <= dx * (1 + 1e-9), "thickness", "the coating (" + ScenarioLoader.fmt(t, PhysicalQuantity.LENGTH)
                + ") is thicker than a cell (" + ScenarioLoader.fmt(dx, PhysicalQuantity.LENGTH) + "), and subcell: true draws it in one cell per column: "
                + "drop subcell (the grid resolves it), or on_metal: true for a film carried by the metal surface");
        double rsd = s.quantity("thickness_rsd", PhysicalQuantity.DIMENSIONLESS, 0.0);
        s.check(rsd >= 0 && Double.isFinite(rsd), "thickness_rsd", "must be >= 0, got " + s.asWritten("thickness_rsd", rsd));
        double corr = optionalLength(s, "correlation_length");
        double coverage = fraction(s, "coverage", 1.0, false);
        double patch = optionalLength(s, "patch_size");
        int pinholes = (int) s.integer("pinholes", 0, 0, 1_000_000);
        double pinholeD = holeSize(s, "pinhole_diameter", pinholes);
        int cracks = (int) s.integer("cracks", 0, 0, 1_000_000);
        double crackW = holeSize(s, "crack_width", cracks);
        CoatingSpec.CrackDirection direction = crackDirection(s, cracks);
        long seed = s.integer("seed", 0, Long.MIN_VALUE, Long.MAX_VALUE);
        double c = s.quantity("c", PhysicalQuantity.DIMENSIONLESS, Double.NaN);
        s.check(Double.isNaN(c) || (c >= 0 && Double.isFinite(c)), "c", "must be >= 0");
        CoatingSpec spec = new CoatingSpec(m, layer, t, rsd, corr, coverage, patch, pinholes, pinholeD, cracks, crackW, direction, seed, subcell, onMetal,
                c);
        if (subcell) addSubcellMaterials(s, spec, index);
        return spec;
    }

    /** The effective materials of a sub-cell coating's cells, one per thickness class (docs/MODEL.md section 1.2). */
    private void addSubcellMaterials(Section s, CoatingSpec spec, int index) {
        String host = spec.layer() + 1 < probe.layers().size() ? probe.layers().get(spec.layer() + 1).material() : probe.background();
        double dx = grid.spacing_m();
        int n = SubcellCoating.classes(spec);
        s.check(materials.size() + n <= Scenario.MAX_MATERIALS, "subcell", "the " + n + " thickness classes of this coating bring the scenario above "
                + Scenario.MAX_MATERIALS + " materials");
        for (int k = 0; k < n; k++) {
            String name = SubcellCoating.className(spec, index, k);
            s.check(!materials.containsKey(name), "material", "the generated material name '" + name + "' is already taken");
            materials.put(name, SubcellCoating.effective(name, materials.get(spec.material()), materials.get(host),
                    SubcellCoating.classThickness_m(spec, dx, k), dx));
        }
    }

    /** Which way the cracks run: only with cracks; {@code x} only in 3D (a 2D crack is a gap in x, running along y out of the plane). */
    private CoatingSpec.CrackDirection crackDirection(Section s, int cracks) {
        s.check(cracks > 0 || !s.has("crack_direction"), "crack_direction", "set only with a count of cracks > 0");
        CoatingSpec.CrackDirection d = s.choice("crack_direction", CoatingSpec.CrackDirection.class, CoatingSpec.CrackDirection.RANDOM);
        s.check(grid.is3D() || d != CoatingSpec.CrackDirection.X, "crack_direction",
                "a 2D window's cracks are gaps in x, running along y out of the plane; x is for 3D grids");
        return d;
    }

    /** Diameter of pinholes / width of cracks: required with a count, and at least a cell so that it removes some column. */
    private double holeSize(Section s, String key, int count) {
        if (count == 0) {
            s.check(!s.has(key), key, "set only with a count > 0");
            return 0;
        }
        double v = positiveLength(s, key);
        s.check(v >= grid.spacing_m() * (1 - 1e-9), key, ScenarioLoader.fmt(v, PhysicalQuantity.LENGTH) + " is narrower than the grid spacing "
                + ScenarioLoader.fmt(grid.spacing_m(), PhysicalQuantity.LENGTH) + " and would miss every cell column");
        return v;
    }

    // ------------------------------------------------------------------------------- images

    VoxelImageSpec image(Section s) {
        String name = s.requiredString("file", "a .png or HDF5 (.h5) file, relative to the scenario file");
        Path path = Path.of(file).toAbsolutePath().resolveSibling(name).normalize();
        if (Path.of(name).isAbsolute()) path = Path.of(name);
        boolean png = VoxelImage.isPngName(path);
        s.check(!png || !s.has("dataset"), "dataset", "a PNG has no datasets");
        String dataset = png ? "" : s.string("dataset", "/material");
        VoxelImage img;
        try {
            img = VoxelImage.read(path, dataset);
        } catch (IOException e) {
            throw s.error("file", path + ": " + e.getMessage());
        }
        String sha;
        try {
            sha = VoxelImage.sha256(path);
        } catch (IOException e) {
            throw s.error("file", path + ": " + e.getMessage());
        }
        if (s.has("sha256")) s.check(s.text("sha256").equalsIgnoreCase(sha), "sha256", path + " has changed since the scenario recorded it (sha256 " + sha + ")");
        s.check(grid.dimensions() == 3 || !img.is3D(), "file", path + ": a 3D image cannot be placed on a 2D grid");
        double voxel = positiveLength(s, "voxel_size");
        Section off = s.section("offset", "x", "y", "z");
        double x = off.quantity("x", PhysicalQuantity.LENGTH, 0.0), y = off.quantity("y", PhysicalQuantity.LENGTH, 0.0), z = off.quantity("z", PhysicalQuantity.LENGTH, 0.0);
        off.check(grid.dimensions() == 3 || y == 0, "y", "y is only for 3D grids");
        ImagePlacement placed = new ImagePlacement(img, voxel, x, y, z, grid.nx(), grid.ny(), grid.nz(), grid.spacing_m());
        s.check(placed.coversACell(), "offset", path + ": no cell of the grid lies in the image (" + placed.spans() + "); check offset and voxel_size");
        Map<String, VoxelImageSpec.Phase> mapping = mapping(s, png ? "colors" : "ids", png ? "ids" : "colors", img, path);
        int bad = img.firstUnmapped(v -> mapping.containsKey(img.key(v)));
        if (bad >= 0)
            throw s.error(mapping.isEmpty() || s.has(png ? "colors" : "ids") ? (png ? "colors" : "ids") : "file", path + ": " + (png ? "colour " : "id ") + img.key(img.valueAt(bad))
                    + " (first at " + img.describe(bad) + ") has no material; map it in " + s.keyPath(png ? "colors" : "ids"));
        // a snapshot mapped by its own names is re-used whole: its xi and c too (explicit ids map the ids only)
        boolean snapshotState = !png && !s.has("ids") && img.isSnapshot();
        return new VoxelImageSpec(path, dataset, mapping, voxel, x, y, z, sha, snapshotState);
    }

    /**
     * The value-to-phase map from {@code key}, or for HDF5 without one, from the dataset's material names (a LiPF
     * snapshot's cells then take their xi and c from the snapshot: {@link VoxelImageSpec#snapshotState}), each with the xi
     * given or {@link #defaultXi}.
     */
    private Map<String, VoxelImageSpec.Phase> mapping(Section s, String key, String wrongKey, VoxelImage img, Path path) {
        s.check(!s.has(wrongKey), wrongKey, img.png ? "a PNG maps colours: use colors: {\"#rrggbb\": material}" : "an HDF5 image maps ids: use ids: {0: material}");
        Map<String, VoxelImageSpec.Phase> out = new LinkedHashMap<>();
        YamlNode node = s.node(key);
        if (node == null) {
            if (img.png || img.embeddedNames.isEmpty())
                throw s.missing(key, img.png ? "a map from colour to material, e.g. {\"#000000\": llzto}" : "a map from id to material, e.g. {0: lpscl, 1: llzto}");
            for (int id = 0; id < img.embeddedNames.size(); id++) {
                String m = img.embeddedNames.get(id);
                if (!materials.containsKey(m)) throw s.error("file", path + ": the dataset's material '" + m + "' (id " + id + ") is not defined; map the ids with " + s.keyPath("ids"));
                out.put(Integer.toString(id), new VoxelImageSpec.Phase(m, defaultXi(m), Double.NaN));
            }
            return out;
        }
        if (!(node instanceof MapNode map)) throw s.error(key, "expected a map from " + (img.png ? "colour" : "id") + " to material, got " + node.kind());
        Map<String, Entry> written = new LinkedHashMap<>(); // by canonical key: "#FF0000" and "#ff0000" are one colour
        for (Entry e : map.entries.values()) {
            String k = img.canonicalKey(e.key());
            String path2 = s.keyPath(key) + "." + e.key();
            if (k == null) throw new ScenarioException(e.keyFile(), path2, e.keyLine(), img.png ? "expected a colour \"#rrggbb\"" : "expected an integer id");
            Entry first = written.putIfAbsent(k, e);
            if (first != null)
                throw new ScenarioException(e.keyFile(), path2, e.keyLine(), "duplicate key '" + e.key() + "': the same " + (img.png ? "colour" : "id") + " as '"
                        + first.key() + "'" + (first.keyLine() > 0 ? " (line " + first.keyLine() + ")" : "") + (img.png ? "; colour keys are not case-sensitive" : ""));
            Section p = e.value() instanceof Scalar ? null : new Section(file, e.value(), path2, e.keyLine(), "material", "xi", "c");
            String m = p == null ? ((Scalar) e.value()).text : p.requiredString("material", "a material name");
            if (m == null || !materials.containsKey(m.trim()))
                throw new ScenarioException(e.keyFile(), path2, e.keyLine(), "unknown material '" + m + "'" + ScenarioLoader.suggestMaterial(String.valueOf(m), materials.keySet()));
            m = m.trim();
            double ff = materials.get(m).freeFraction();
            double xi = p == null ? defaultXi(m) : p.quantity("xi", PhysicalQuantity.DIMENSIONLESS, defaultXi(m));
            if (p != null) p.check(xi >= 0 && xi <= ff, "xi", "must be in [0, free_fraction " + ff + " of '" + m + "'], got " + xi);
            if (!recorded && m.equals(metal) && xi != ff)
                throw new ScenarioException(e.keyFile(), path2, e.keyLine(), ScenarioLoader.heldWithoutMetal((img.png ? "colour " : "id ") + e.key(), m, xi)
                        + "; leave xi out (the metal's material is metal, xi " + ff + ")");
            double c = p == null ? Double.NaN : p.quantity("c", PhysicalQuantity.DIMENSIONLESS, Double.NaN);
            if (p != null) p.check(Double.isNaN(c) || c >= 0, "c", "must be >= 0");
            out.put(k, new VoxelImageSpec.Phase(m, xi, c));
        }
        return out;
    }

    /**
     * A mapped material's xi where the map gives none: the metal's own material is Li metal, xi its free fraction (without
     * metal it would block the ions and be no Li, as a layer of it would), any other 0.
     */
    private double defaultXi(String material) {
        return material.equals(metal) ? materials.get(material).freeFraction() : 0;
    }
}
