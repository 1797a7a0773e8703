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
        // the x ghosts one element at a time: an arraycopy call per element costs more than the copy
        for (int k = 0; k < g.nz; k++)
            for (int j = 0; j < g.ny; j++) {
                final int r = g.rowStart(j, k);
                field[r - 1] = field[r + g.nx - 1];
                field[r + g.nx] = field[r];
            }
        fillRowsAndPlanes(g, field);
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
        if (g.is3D()) {
            for (int k = 0; k < g.nz; k++) {
                int lo = g.rowStart(0, k) - 1, hi = g.rowStart(g.ny - 1, k) - 1;
                System.arraycopy(field, hi, field, lo - g.strideY, g.sx);
                System.arraycopy(field, lo, field, hi + g.strideY, g.sx);
            }
        }
        int plane = g.strideZ;
        System.arraycopy(field, plane, field, 0, plane);
        System.arraycopy(field, plane * g.nz, field, plane * (g.nz + 1), plane);
    }
}
