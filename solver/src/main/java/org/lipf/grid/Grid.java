package org.lipf.grid;

/**
 * A uniform Cartesian cell-centred grid, 2D or 3D, with one ghost layer on every active axis.
 *
 * <p>Axes: {@code x} (and {@code y} in 3D) are lateral and periodic; {@code z} is the growth axis,
 * from the current collector ({@code k = 0}) to the counter boundary ({@code k = nz - 1}). A 2D grid
 * has {@code ny = 1} and no ghost layer in y, so its growth axis is what snapshots call {@code y}.
 *
 * <p>Fields are flat {@code double[]} arrays of {@link #paddedLength()} entries with index
 * {@code ((k + 1) * sy + (j + gy)) * sx + (i + 1)}, where {@code sx = nx + 2},
 * {@code sy = ny + 2} in 3D or 1 in 2D, and {@code gy} is 1 in 3D or 0 in 2D: C order
 * {@code [z][y][x]}, x fastest.
 */
public final class Grid {
    public final int nx, ny, nz;
    public final int dimensions;
    public final double dx_m;
    /** Padded extents. */
    public final int sx, sy, sz;
    /** Index offsets to the +x, +y and +z neighbour ({@code strideY = 0} in 2D). */
    public final int strideX, strideY, strideZ;
    private final int gy;

    public Grid(int nx, int ny, int nz, double dx_m) {
        if (nx < 1 || ny < 1 || nz < 1) throw new IllegalArgumentException("grid extents must be >= 1: " + nx + "x" + ny + "x" + nz);
        if (!(dx_m > 0)) throw new IllegalArgumentException("grid spacing must be > 0: " + dx_m);
        this.nx = nx;
        this.ny = ny;
        this.nz = nz;
        this.dimensions = ny == 1 ? 2 : 3;
        this.dx_m = dx_m;
        this.gy = dimensions == 3 ? 1 : 0;
        this.sx = nx + 2;
        this.sy = ny + 2 * gy;
        this.sz = nz + 2;
        this.strideX = 1;
        this.strideY = dimensions == 3 ? sx : 0;
        this.strideZ = sx * sy;
    }

    public static Grid of2D(int nx, int nz, double dx_m) {
        return new Grid(nx, 1, nz, dx_m);
    }

    public boolean is3D() {
        return dimensions == 3;
    }

    /** Index of interior cell (i, j, k), all zero-based. */
    public int index(int i, int j, int k) {
        return ((k + 1) * sy + (j + gy)) * sx + (i + 1);
    }

    /** Index of the first interior cell of row (j, k). */
    public int rowStart(int j, int k) {
        return index(0, j, k);
    }

    /**
     * The face neighbours of interior cell P, for searches over the cells (flood fills): periodic
     * across the sides, inside the domain along the growth axis; -1 where there is none. Fills
     * {@code out[0..5]}: +x, -x, -z, +z, +y, -y (the y pair is -1 in 2D).
     */
    public void faceNeighbours(int P, int[] out) {
        final int k = P / strideZ - 1, rest = P % strideZ;
        final int i = rest % sx - 1, j = is3D() ? rest / sx - 1 : 0;
        out[0] = index((i + 1) % nx, j, k);
        out[1] = index((i + nx - 1) % nx, j, k);
        out[2] = k > 0 ? P - strideZ : -1;
        out[3] = k < nz - 1 ? P + strideZ : -1;
        out[4] = is3D() ? index(i, (j + 1) % ny, k) : -1;
        out[5] = is3D() ? index(i, (j + ny - 1) % ny, k) : -1;
    }

    public int cellCount() {
        return nx * ny * nz;
    }

    public int paddedLength() {
        return sx * sy * sz;
    }

    public double cellVolume_m3() {
        return dimensions == 3 ? dx_m * dx_m * dx_m : dx_m * dx_m;
    }

    /** Lateral area of the cross-section (m^2 in 3D; m per unit depth in 2D). */
    public double lateralArea() {
        return dimensions == 3 ? nx * ny * dx_m * dx_m : nx * dx_m;
    }

    public double height_m() {
        return nz * dx_m;
    }

    public double[] newField() {
        return new double[paddedLength()];
    }

    /** Copies the interior into a new compact array in C order [z][y][x] (2D: [z][x]). */
    public double[] interior(double[] field) {
        double[] out = new double[cellCount()];
        copyRows(field, out, true);
        return out;
    }

    /** The same for byte fields (material ids). */
    public byte[] interior(byte[] field) {
        byte[] out = new byte[cellCount()];
        copyRows(field, out, true);
        return out;
    }

    /** Inverse of {@link #interior(double[])}: writes compact C-order data into the interior. */
    public void setInterior(double[] field, double[] compact) {
        if (compact.length != cellCount()) throw new IllegalArgumentException("expected " + cellCount() + " values, got " + compact.length);
        copyRows(field, compact, false);
    }

    /** Inverse of {@link #interior(byte[])}. */
    public void setInterior(byte[] field, byte[] compact) {
        if (compact.length != cellCount()) throw new IllegalArgumentException("expected " + cellCount() + " values, got " + compact.length);
        copyRows(field, compact, false);
    }

    /** Copies every interior row between a padded and a compact array of the same element type. */
    private void copyRows(Object padded, Object compact, boolean toCompact) {
        int p = 0;
        for (int k = 0; k < nz; k++)
            for (int j = 0; j < ny; j++) {
                if (toCompact) System.arraycopy(padded, rowStart(j, k), compact, p, nx);
                else System.arraycopy(compact, p, padded, rowStart(j, k), nx);
                p += nx;
            }
    }

    /** Shape of a snapshot array in C order: {nz, nx} in 2D, {nz, ny, nx} in 3D. */
    public int[] snapshotShape() {
        return dimensions == 3 ? new int[] {nz, ny, nx} : new int[] {nz, nx};
    }

    /** A grid with half the cells on every axis (for multigrid); requires even extents. */
    public Grid coarsen() {
        if (nx % 2 != 0 || nz % 2 != 0 || (is3D() && ny % 2 != 0)) throw new IllegalStateException("cannot coarsen " + this);
        return new Grid(nx / 2, is3D() ? ny / 2 : 1, nz / 2, 2 * dx_m);
    }

    public boolean canCoarsen() {
        return nx % 2 == 0 && nz % 2 == 0 && nx >= 4 && nz >= 4 && (!is3D() || (ny % 2 == 0 && ny >= 4));
    }

    @Override
    public String toString() {
        return is3D() ? nx + "x" + ny + "x" + nz + " @ " + dx_m + " m" : nx + "x" + nz + " @ " + dx_m + " m";
    }
}
