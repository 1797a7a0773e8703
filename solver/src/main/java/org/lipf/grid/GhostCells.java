package org.lipf.grid;


/**
 * Fills the ghost layer of a field: periodic on the lateral axes, zero gradient (a copy of the
 * adjacent interior plane) at the bottom and top. Boundary values that differ from that (the
 * reservoir concentration, Dirichlet potentials) are applied by the stencils themselves.
 */
public final class GhostCells {
    private GhostCells() {}

    /** Fills ghosts of a double[] field laid out on {@code g}. */
    public static void fill(Grid g, double[] field) {
        for (int k = 0; k < g.nz; k++) fillLateral(g, field, (k + 1) * g.strideZ);
        fillPlanes(g, field);
    }

    /**
     * Fills the ghosts of several fields, the lateral ones of each plane on the threads of {@code parallel} (in 3D
     * they are a strided copy per row, which one thread would leave to the others to wait for).
     */
    public static void fill(Grid g, Parallel parallel, double[]... fields) {
        parallel.forSlabs(g.nz, (k0, k1) -> {
            for (double[] field : fields)
                for (int k = k0; k < k1; k++) fillLateral(g, field, (k + 1) * g.strideZ);
        });
        for (double[] field : fields) fillPlanes(g, field);
    }

    /**
     * Fills the lateral ghosts (x, and y rows in 3D) of the plane that begins at {@code planeStart} in
     * {@code a}: a field's plane, or one plane held on its own (planeStart 0, length {@code g.strideZ}).
     */
    public static void fillLateral(Grid g, double[] a, int planeStart) {
        // the x ghosts one element at a time: an arraycopy call per element costs more than the copy
        final int offset = planeStart - g.strideZ;
        for (int j = 0; j < g.ny; j++) {
            final int r = offset + g.rowStart(j, 0);
            a[r - 1] = a[r + g.nx - 1];
            a[r + g.nx] = a[r];
        }
        if (g.is3D()) fillRows(g, a, offset + g.rowStart(0, 0) - 1, offset + g.rowStart(g.ny - 1, 0) - 1);
    }

    /** Fills ghosts of a byte[] field (material ids, which change rarely) laid out on {@code g}. */
    public static void fill(Grid g, byte[] field) {
        for (int k = 0; k < g.nz; k++)
            for (int j = 0; j < g.ny; j++) {
                final int r = g.rowStart(j, k);
                System.arraycopy(field, r + g.nx - 1, field, r - 1, 1);
                System.arraycopy(field, r, field, r + g.nx, 1);
            }
        fillRowsAndPlanes(g, field);
    }

    /** The y ghost rows (3D) and the z ghost planes, once the x ghosts are in place. */
    private static void fillRowsAndPlanes(Grid g, Object field) {
        if (g.is3D())
            for (int k = 0; k < g.nz; k++) fillRows(g, field, g.rowStart(0, k) - 1, g.rowStart(g.ny - 1, k) - 1);
        fillPlanes(g, field);
    }

    /** The y ghost rows of a plane (periodic) from its first and last rows, which begin (x ghost included) at lo and hi. */
    private static void fillRows(Grid g, Object field, int lo, int hi) {
        System.arraycopy(field, hi, field, lo - g.strideY, g.sx);
        System.arraycopy(field, lo, field, hi + g.strideY, g.sx);
    }

    /** The z ghost planes: copies of the bottom and top planes (zero gradient). */
    private static void fillPlanes(Grid g, Object field) {
        int plane = g.strideZ;
        System.arraycopy(field, plane, field, 0, plane);
        System.arraycopy(field, plane * g.nz, field, plane * (g.nz + 1), plane);
    }
}
