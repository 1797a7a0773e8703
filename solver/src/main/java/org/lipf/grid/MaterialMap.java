package org.lipf.grid;

import java.util.List;

/**
 * A static material id per cell, stored as {@code byte} on the padded layout of {@link Grid}
 * (same index {@link Grid#index(int, int, int)} as the fields, so a kernel reads the neighbour's
 * id with the same stride). Ghost cells are filled: periodic copies in x (and y in 3D), and a copy
 * of the nearest interior cell in z, so face properties at the boundaries can be looked up like
 * interior ones. Ids index {@link #names()}, which is the scenario's material order.
 *
 * <p>The map is immutable once built; {@link #raw()} exposes the backing array for kernels and
 * must not be modified.
 */
public final class MaterialMap {
    private final Grid grid;
    private final List<String> names;
    private final byte[] ids;

    /** Wraps {@code ids} (padded layout, interior filled); fills the ghost cells. */
    public MaterialMap(Grid grid, List<String> names, byte[] ids) {
        if (ids.length != grid.paddedLength()) throw new IllegalArgumentException("expected " + grid.paddedLength() + " ids, got " + ids.length);
        if (names.isEmpty() || names.size() > 127) throw new IllegalArgumentException("1..127 materials, got " + names.size());
        this.grid = grid;
        this.names = List.copyOf(names);
        this.ids = ids;
        for (int k = 0; k < grid.nz; k++)
            for (int j = 0; j < grid.ny; j++)
                for (int i = 0; i < grid.nx; i++) {
                    int id = ids[grid.index(i, j, k)];
                    if (id < 0 || id >= names.size()) throw new IllegalArgumentException("material id " + id + " out of range at " + i + "," + j + "," + k);
                }
        fillGhosts();
    }

    private void fillGhosts() {
        Grid g = grid;
        int gy = g.is3D() ? 1 : 0;
        // x ghosts (periodic) for interior rows
        for (int k = 0; k < g.nz; k++)
            for (int j = 0; j < g.ny; j++) {
                int row = g.rowStart(j, k);
                ids[row - 1] = ids[row + g.nx - 1];
                ids[row + g.nx] = ids[row];
            }
        // y ghosts (periodic), whole padded rows
        if (gy == 1)
            for (int k = 0; k < g.nz; k++) {
                int base = (k + 1) * g.sy * g.sx;
                System.arraycopy(ids, base + g.ny * g.sx, ids, base, g.sx);
                System.arraycopy(ids, base + g.sx, ids, base + (g.ny + 1) * g.sx, g.sx);
            }
        // z ghosts: copy the nearest interior plane
        int plane = g.sx * g.sy;
        System.arraycopy(ids, plane, ids, 0, plane);
        System.arraycopy(ids, g.nz * plane, ids, (g.nz + 1) * plane, plane);
    }

    public Grid grid() {
        return grid;
    }

    /** Material names; the id of a material is its index here. */
    public List<String> names() {
        return names;
    }

    public int materialCount() {
        return names.size();
    }

    /** Material id of interior cell (i, j, k). */
    public int id(int i, int j, int k) {
        return ids[grid.index(i, j, k)];
    }

    /** Material id at a padded index. */
    public int idAt(int paddedIndex) {
        return ids[paddedIndex];
    }

    public String name(int i, int j, int k) {
        return names.get(id(i, j, k));
    }

    /** Id of a named material, -1 if absent. */
    public int idOf(String name) {
        return names.indexOf(name);
    }

    /** The padded backing array; do not modify. */
    public byte[] raw() {
        return ids;
    }

    /** The interior as a compact C-order array [z][y][x] (2D: [z][x]) for snapshots. */
    public byte[] compact() {
        return grid.interior(ids);
    }

    /** Number of interior cells with material {@code id}. */
    public long count(int id) {
        long n = 0;
        for (int k = 0; k < grid.nz; k++)
            for (int j = 0; j < grid.ny; j++) {
                int row = grid.rowStart(j, k);
                for (int i = 0; i < grid.nx; i++)
                    if (ids[row + i] == id) n++;
            }
        return n;
    }
}
