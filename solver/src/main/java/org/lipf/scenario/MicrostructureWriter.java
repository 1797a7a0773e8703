package org.lipf.scenario;

import static org.lipf.scenario.PhysicalQuantity.DIMENSIONLESS;
import static org.lipf.scenario.PhysicalQuantity.LENGTH;

import java.util.Locale;
import java.util.Map;

/**
 * Writes a {@link MicrostructureSpec} into the {@code geometry} section of a resolved scenario, in
 * the form {@link MicrostructureReader} reads back to an equal spec. Images keep their absolute
 * path and their SHA-256, so a rerun from the run folder checks that it uses the same file; a LiPF
 * snapshot mapped by its own names is written without ids, so that it is read back the same way.
 */
final class MicrostructureWriter {
    private MicrostructureWriter() {}

    static void append(StringBuilder b, MicrostructureSpec m) {
        if (!m.gradients().isEmpty()) b.append("  gradients:\n");
        for (GradientSpec g : m.gradients())
            b.append("    - {layer: ").append(g.layer()).append(", to: ").append(ScenarioWriter.str(g.to())).append(", surface_fraction: ").append(g.surfaceFraction())
                    .append(", diffusion_length: ").append(UnitParser.format(g.diffusionLength_m(), LENGTH)).append(", levels: ").append(g.levels())
                    .append(", surface: ").append(lower(g.surface())).append(", mixing: ").append(lower(g.mixing())).append("}\n");
        if (!m.grainMixtures().isEmpty()) b.append("  grain_mixtures:\n");
        for (GrainMixtureSpec g : m.grainMixtures()) {
            b.append("    - {layer: ").append(g.layer()).append(", materials: [");
            for (int i = 0; i < g.materials().size(); i++) b.append(i > 0 ? ", " : "").append(ScenarioWriter.str(g.materials().get(i)));
            b.append("], fractions: [");
            for (int i = 0; i < g.fractions().size(); i++) b.append(i > 0 ? ", " : "").append(g.fractions().get(i));
            b.append("], grain_size: ").append(UnitParser.format(g.grainSize_m(), LENGTH)).append(", seed: ").append(g.seed()).append("}\n");
        }
        if (!m.coatings().isEmpty()) b.append("  coatings:\n");
        for (CoatingSpec c : m.coatings()) {
            b.append("    - {material: ").append(ScenarioWriter.str(c.material())).append(", layer: ").append(c.layer())
                    .append(", thickness: ").append(UnitParser.format(c.thickness_m(), LENGTH)).append(", thickness_rsd: ").append(UnitParser.format(c.thicknessRsd(), DIMENSIONLESS))
                    .append(", correlation_length: ").append(UnitParser.format(c.correlationLength_m(), LENGTH)).append(", coverage: ").append(c.coverage())
                    .append(", patch_size: ").append(UnitParser.format(c.patchSize_m(), LENGTH));
            if (c.pinholes() > 0) b.append(", pinholes: ").append(c.pinholes()).append(", pinhole_diameter: ").append(UnitParser.format(c.pinholeDiameter_m(), LENGTH));
            if (c.cracks() > 0) b.append(", cracks: ").append(c.cracks()).append(", crack_width: ").append(UnitParser.format(c.crackWidth_m(), LENGTH))
                    .append(", crack_direction: ").append(lower(c.crackDirection()));
            b.append(", seed: ").append(c.seed()).append(", subcell: ").append(c.subcell());
            if (c.onMetal()) b.append(", on_metal: true");
            if (!Double.isNaN(c.c())) b.append(", c: ").append(c.c());
            b.append("}\n");
        }
        if (!m.images().isEmpty()) b.append("  images:\n");
        for (VoxelImageSpec im : m.images()) {
            b.append("    - file: ").append(ScenarioWriter.str(im.file().toString())).append('\n');
            if (!im.isPng()) b.append("      dataset: ").append(ScenarioWriter.str(im.dataset())).append('\n');
            b.append("      sha256: ").append(im.sha256()).append('\n');
            b.append("      voxel_size: ").append(UnitParser.format(im.voxelSize_m(), LENGTH)).append('\n');
            b.append("      offset: {x: ").append(UnitParser.format(im.x_m(), LENGTH)).append(", y: ").append(UnitParser.format(im.y_m(), LENGTH))
                    .append(", z: ").append(UnitParser.format(im.z_m(), LENGTH)).append("}\n");
            if (im.snapshotState()) {
                // read back as written: the materials, xi and c of the snapshot, whose sha256 is checked above
                b.append("      # no ids: a LiPF snapshot, each cell takes the material, xi and c of its voxel\n");
                continue;
            }
            b.append("      ").append(im.isPng() ? "colors" : "ids").append(":\n");
            for (Map.Entry<String, VoxelImageSpec.Phase> e : new java.util.TreeMap<>(im.mapping()).entrySet()) {
                VoxelImageSpec.Phase p = e.getValue();
                b.append("        ").append(ScenarioWriter.str(e.getKey())).append(": {material: ").append(ScenarioWriter.str(p.material())).append(", xi: ").append(p.xi());
                if (!Double.isNaN(p.c())) b.append(", c: ").append(p.c());
                b.append("}\n");
            }
        }
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
