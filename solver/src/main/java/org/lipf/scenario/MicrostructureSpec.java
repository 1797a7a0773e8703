package org.lipf.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * The microstructure generators of a geometry beyond layers, particles, cracks and nuclei:
 * depth gradients, grain mixtures, coatings and voxel images (applied by GeometryBuilder in the
 * order given in {@link GeometrySpec}).
 */
public record MicrostructureSpec(List<GradientSpec> gradients, List<GrainMixtureSpec> grainMixtures, List<CoatingSpec> coatings,
        List<VoxelImageSpec> images) {
    public static final MicrostructureSpec NONE = new MicrostructureSpec(List.of(), List.of(), List.of(), List.of());

    public MicrostructureSpec {
        gradients = gradients == null ? List.of() : List.copyOf(gradients);
        grainMixtures = grainMixtures == null ? List.of() : List.copyOf(grainMixtures);
        coatings = coatings == null ? List.of() : List.copyOf(coatings);
        images = images == null ? List.of() : List.copyOf(images);
    }

    /** Names of the materials the gradients generate (they are derived, not written to a resolved scenario). */
    public List<String> generatedMaterials() {
        List<String> out = new ArrayList<>();
        for (GradientSpec g : gradients)
            for (int n = 1; n <= g.levels(); n++) out.add(g.levelName(n));
        for (int i = 0; i < coatings.size(); i++)
            if (coatings.get(i).subcell())
                for (int n = 0; n < SubcellCoating.classes(coatings.get(i)); n++) out.add(SubcellCoating.className(coatings.get(i), i, n));
        return out;
    }

    /** Every material a generator refers to. */
    public List<String> referencedMaterials() {
        List<String> out = new ArrayList<>();
        gradients.forEach(g -> out.add(g.to()));
        grainMixtures.forEach(m -> out.addAll(m.materials()));
        coatings.forEach(c -> out.add(c.material()));
        images.forEach(i -> i.mapping().values().forEach(p -> out.add(p.material())));
        return out;
    }
}
