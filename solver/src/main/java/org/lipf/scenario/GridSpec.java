package org.lipf.scenario;

import org.lipf.grid.Grid;

/**
 * Domain extents and the uniform grid spacing. {@code depth_m} is the lateral y extent in 3D and 0
 * in 2D. Every extent must be a whole number of spacings (within 1e-6 relative).
 */
public record GridSpec(int dimensions, double width_m, double depth_m, double height_m, double spacing_m) {
    /** Relative tolerance for "the spacing divides the extent". */
    public static final double DIVIDE_TOLERANCE = 1e-6;

    public GridSpec {
        if (dimensions != 2 && dimensions != 3) throw new IllegalArgumentException("dimensions must be 2 or 3, got " + dimensions);
        Checks.positive("width", width_m);
        Checks.positive("height", height_m);
        Checks.positive("spacing", spacing_m);
        if (dimensions == 3) Checks.positive("depth", depth_m);
        else if (depth_m != 0) throw new IllegalArgumentException("depth must be 0 in 2D, got " + depth_m);
        cells("width", width_m, spacing_m);
        cells("height", height_m, spacing_m);
        if (dimensions == 3) cells("depth", depth_m, spacing_m);
    }

    /**
     * Number of cells along an extent.
     *
     * @throws IllegalArgumentException if the spacing does not divide the extent
     */
    public static int cells(String name, double extent_m, double spacing_m) {
        double n = extent_m / spacing_m;
        long r = Math.round(n);
        if (r < 1 || Math.abs(r * spacing_m - extent_m) > DIVIDE_TOLERANCE * extent_m)
            throw new IllegalArgumentException("spacing " + spacing_m + " m does not divide the " + name + " " + extent_m + " m (" + n + " cells)");
        if (r > Integer.MAX_VALUE / 4) throw new IllegalArgumentException(name + " has too many cells: " + r);
        return (int) r;
    }

    public int nx() {
        return cells("width", width_m, spacing_m);
    }

    /** 1 in 2D. */
    public int ny() {
        return dimensions == 3 ? cells("depth", depth_m, spacing_m) : 1;
    }

    public int nz() {
        return cells("height", height_m, spacing_m);
    }

    public boolean is3D() {
        return dimensions == 3;
    }

    public Grid toGrid() {
        return new Grid(nx(), ny(), nz(), spacing_m);
    }
}
