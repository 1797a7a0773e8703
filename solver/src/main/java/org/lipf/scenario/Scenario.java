package org.lipf.scenario;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * A fully resolved simulation scenario: immutable, SI units, validated on construction. Load one
 * with {@link ScenarioLoader}, write one with {@link ScenarioWriter}. The order of
 * {@link #materials()} defines the material ids 0, 1, 2, ...
 */
public record Scenario(String name, String description, GridSpec grid, ModelSpec model,
        List<MaterialSpec> materials, GeometrySpec geometry,
        ControlSpec control, TimeSpec time, SolverSpec solver, List<InterphaseSpec> interphases) {
    /** Material ids are stored in a byte. */
    public static final int MAX_MATERIALS = 127;

    public Scenario {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("name is missing");
        if (description == null) description = "";
        Checks.notNull("grid", grid);
        Checks.notNull("model", model);
        materials = List.copyOf(Checks.notNull("materials", materials));
        Checks.notNull("geometry", geometry);
        Checks.notNull("control", control);
        Checks.notNull("time", time);
        Checks.notNull("solver", solver);
        interphases = List.copyOf(interphases == null ? List.of() : interphases);
        if (materials.isEmpty()) throw new IllegalArgumentException("at least one material is needed");
        if (materials.size() > MAX_MATERIALS) throw new IllegalArgumentException("at most " + MAX_MATERIALS + " materials, got " + materials.size());
        Set<String> names = new HashSet<>();
        for (MaterialSpec m : materials)
            if (!names.add(m.name())) throw new IllegalArgumentException("duplicate material '" + m.name() + "'");
        need(names, model.metalMaterial(), "model.metal");
        need(names, geometry.background(), "geometry.background");
        int nl = geometry.layers().size();
        for (LayerSpec l : geometry.layers()) need(names, l.material(), "geometry.layers[].material");
        for (ParticleSpec p : geometry.particles()) {
            need(names, p.material(), "geometry.particles[].material");
            if (p.layer() >= nl) throw new IllegalArgumentException("particle layer " + p.layer() + " does not exist (" + nl + " layers)");
        }
        for (CrackSpec c : geometry.cracks()) {
            need(names, c.fill(), "geometry.cracks[].fill");
            if (c.layer() >= nl) throw new IllegalArgumentException("crack layer " + c.layer() + " does not exist (" + nl + " layers)");
        }
        MicrostructureSpec micro = geometry.microstructure();
        for (String m : micro.referencedMaterials()) need(names, m, "geometry microstructure");
        for (GradientSpec g : micro.gradients()) layerExists(g.layer(), nl, "gradient");
        for (GrainMixtureSpec g : micro.grainMixtures()) layerExists(g.layer(), nl, "grain mixture");
        for (CoatingSpec c : micro.coatings()) layerExists(c.layer(), nl, "coating");
        double total = 0;
        for (LayerSpec l : geometry.layers()) total += l.thickness_m();
        if (total > grid.height_m() * (1 + 1e-9)) throw new IllegalArgumentException("layers are " + total + " m thick in total, more than the height " + grid.height_m() + " m");
        if (!geometry.nuclei().isEmpty() && geometry.metalLayer() < 0) throw new IllegalArgumentException("nuclei need a layer with xi = 1 to sit on");
        for (InterphaseSpec i : interphases) {
            need(names, i.reactant(), "interphases[].material");
            need(names, i.product(), "interphases[].product");
        }
    }

    /** A scenario without interphase reactions. */
    public Scenario(String name, String description, GridSpec grid, ModelSpec model, List<MaterialSpec> materials, GeometrySpec geometry,
            ControlSpec control, TimeSpec time, SolverSpec solver) {
        this(name, description, grid, model, materials, geometry, control, time, solver, List.of());
    }

    private static void layerExists(int layer, int layers, String what) {
        if (layer >= layers) throw new IllegalArgumentException(what + " layer " + layer + " does not exist (" + layers + " layers)");
    }

    private static void need(Set<String> names, String name, String key) {
        if (!names.contains(name)) throw new IllegalArgumentException(key + ": unknown material '" + name + "'");
    }

    /** Id of the named material (its index in {@link #materials()}). */
    public int materialId(String name) {
        for (int i = 0; i < materials.size(); i++)
            if (materials.get(i).name().equals(name)) return i;
        throw new IllegalArgumentException("unknown material '" + name + "'; known: " + materialNames());
    }

    public MaterialSpec material(String name) {
        return materials.get(materialId(name));
    }

    public List<String> materialNames() {
        return materials.stream().map(MaterialSpec::name).toList();
    }

    /**
     * Target volume fraction of particle set {@code index} within its layer: the given
     * volume_fraction, or the weight_fraction converted with the densities of its layer's sets
     * given by weight and of the layer's host, its material or its grain mixture ({@link LayerParticleFractions}).
     */
    public double particleVolumeFraction(int index) {
        ParticleSpec p = geometry.particles().get(index);
        if (!Double.isNaN(p.volumeFraction())) return p.volumeFraction();
        ToDoubleFunction<String> density = name -> {
            MaterialSpec m = material(name);
            if (!m.hasDensity()) throw new IllegalStateException("weight_fraction needs the density of '" + name + "'");
            return m.density_kg_per_m3();
        };
        return LayerParticleFractions.of(geometry.particles(), index, density,
                LayerParticleFractions.hostDensity(geometry.layers(), geometry.microstructure().grainMixtures(), p.layer(), density));
    }
}
