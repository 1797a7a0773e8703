package org.lipf.scenario;

import java.util.List;

/**
 * A layer made of a random grain mosaic of several materials (e.g. LiF + LixMg nanograins from
 * MgF2): seeded Voronoi grains of mean size {@code grainSize_m} (one seed per grainSize^dim of
 * the layer), each grain given one material so that the cell fractions come as close to
 * {@code fractions} as whole grains allow; grains no larger than a cell make it cell by cell,
 * with the fractions exact to a cell (GeometryBuilder).
 *
 * @param fractions volume fractions of {@code materials}, summing to 1
 */
public record GrainMixtureSpec(int layer, List<String> materials, List<Double> fractions, double grainSize_m, long seed) {
    public GrainMixtureSpec {
        if (layer < 0) throw new IllegalArgumentException("layer must be >= 0, got " + layer);
        materials = List.copyOf(materials);
        fractions = List.copyOf(fractions);
        if (materials.size() < 2 || materials.size() != fractions.size())
            throw new IllegalArgumentException("a grain mixture needs two or more materials and one fraction per material");
        double sum = 0;
        for (double f : fractions) {
            if (!(f >= 0 && f <= 1)) throw new IllegalArgumentException("fractions must be in [0, 1], got " + f);
            sum += f;
        }
        if (Math.abs(sum - 1) > 1e-9) throw new IllegalArgumentException("fractions must add up to 1, got " + sum);
        Checks.positive("grain_size", grainSize_m);
    }
}
