package org.lipf.scenario;

import java.nio.file.Path;
import java.util.Map;

/**
 * A voxel image of a real microstructure placed on the grid as a material map
 * (org.lipf.grid.VoxelImage reads it): an HDF5 dataset of integer ids ({@code [z][x]} or
 * {@code [z][y][x]}, z up, as LiPF snapshots store {@code /material}) or a PNG (rows top down,
 * extruded along y in 3D), each voxel {@code voxelSize_m} wide, its corner at
 * ({@code x_m, y_m, z_m}). Each grid cell whose centre falls inside the image takes the material
 * of the voxel it lies in (nearest neighbour).
 *
 * @param mapping from the voxel value ("#rrggbb" for PNG, the id in decimal for HDF5) to what the cell gets
 * @param sha256 hex digest of the file, checked when given (the resolved scenario records it)
 * @param snapshotState a LiPF snapshot mapped by its own material names (no {@code ids}): each cell takes the
 *     xi (capped at its material's free fraction) and c of its voxel, and the mapping gives only the material
 */
public record VoxelImageSpec(Path file, String dataset, Map<String, Phase> mapping, double voxelSize_m, double x_m, double y_m, double z_m,
        String sha256, boolean snapshotState) {
    /**
     * What a voxel value maps to.
     *
     * @param xi initial xi of the cell
     * @param c initial c of the cell; NaN keeps the value the layers gave it
     */
    public record Phase(String material, double xi, double c) {
        public Phase {
            Checks.notNull("material", material);
            Checks.unitInterval("xi", xi);
            if (!Double.isNaN(c)) Checks.nonNegative("c", c);
        }
    }

    public VoxelImageSpec {
        Checks.notNull("file", file);
        mapping = Map.copyOf(mapping);
        Checks.positive("voxel_size", voxelSize_m);
        Checks.finite("x", x_m);
        Checks.finite("y", y_m);
        Checks.finite("z", z_m);
        if (sha256 == null) sha256 = "";
    }

    public boolean isPng() {
        return org.lipf.grid.VoxelImage.isPngName(file);
    }
}
