package org.lipf.postprocess.metrics;

import java.util.Arrays;

/**
 * The layout of a snapshot's compact arrays: C order {@code [z][x]} in 2D, {@code [z][y][x]} in 3D,
 * x fastest, index {@code (k * ny + j) * nx + i}; z is the growth axis from the current collector
 * ({@code k = 0}) to the counter boundary, x and y are periodic. A 2D block has {@code ny = 1}; its
 * volumes are per metre of depth (m^2) and its areas are lengths (m).
 */
public record CellBlock(int nx, int ny, int nz, double dx_m) {
    public CellBlock {
        if (nx < 1 || ny < 1 || nz < 1) throw new IllegalArgumentException("extents must be >= 1: " + nx + "x" + ny + "x" + nz);
        if (!(dx_m > 0)) throw new IllegalArgumentException("dx_m must be > 0: " + dx_m);
    }

    /** The block of a snapshot shape ({nz, nx} or {nz, ny, nx}). */
    public static CellBlock of(int[] shape, double dx_m) {
        if (shape.length == 2) return new CellBlock(shape[1], 1, shape[0], dx_m);
        if (shape.length == 3) return new CellBlock(shape[2], shape[1], shape[0], dx_m);
        throw new IllegalArgumentException("shape must have 2 or 3 entries: " + Arrays.toString(shape));
    }

    public boolean is3D() {
        return ny > 1;
    }

    public int index(int i, int j, int k) {
        return (k * ny + j) * nx + i;
    }

    public int cellCount() {
        return nx * ny * nz;
    }

    /** Number of vertical columns (x, y). */
    public int columnCount() {
        return nx * ny;
    }

    /** Cell volume: m^3 in 3D, m^2 (per metre of depth) in 2D. */
    public double cellVolume() {
        return is3D() ? dx_m * dx_m * dx_m : dx_m * dx_m;
    }

    /** Lateral (collector) area: m^2 in 3D, m (per metre of depth) in 2D. */
    public double lateralArea() {
        return is3D() ? nx * ny * dx_m * dx_m : nx * dx_m;
    }

    public double height_m() {
        return nz * dx_m;
    }
}
