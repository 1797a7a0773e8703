package org.lipf.grid;

import java.util.function.IntPredicate;

/**
 * Connectivity of a set of cells within a slab of planes {@code [k0, k1)}: clusters of
 * face-connected cells (4 neighbours in 2D, 6 in 3D; periodic in x and y, not in z), whether one
 * cluster touches both the bottom plane k0 and the top plane k1 - 1 (the set percolates through
 * the slab), and the largest cluster's share of the set. Union-find with path halving over the
 * slab's cells; the result does not depend on the scan order.
 */
public final class Percolation {
    /**
     * @param cells cells in the set
     * @param clusters number of face-connected clusters
     * @param largestClusterCells cells of the largest cluster
     * @param percolates some cluster touches both the bottom and the top plane of the slab
     * @param clustersOnBottom clusters that touch the bottom plane (e.g. reach the electrons of the layer below)
     * @param clustersOnTop clusters that touch the top plane
     */
    public record Result(long cells, int clusters, long largestClusterCells, boolean percolates, int clustersOnBottom, int clustersOnTop) {
        /** Largest cluster / all cells of the set (0 for an empty set). */
        public double largestClusterFraction() {
            return cells == 0 ? 0 : (double) largestClusterCells / cells;
        }
    }

    private Percolation() {}

    /** Connectivity of the cells of {@code map} whose material id is in {@code ids}, in planes [k0, k1). */
    public static Result of(MaterialMap map, int k0, int k1, int... ids) {
        Grid g = map.grid();
        boolean[] member = new boolean[128];
        for (int id : ids) member[id] = true;
        int nx = g.nx, ny = g.ny, nz = k1 - k0;
        if (k0 < 0 || k1 > g.nz || nz < 1) throw new IllegalArgumentException("planes [" + k0 + ", " + k1 + ") outside the grid's 0.." + g.nz);
        int n = nx * ny * nz;
        int[] parent = clusters(nx, ny, nz, c -> member[map.id(c % nx, (c / nx) % ny, k0 + c / (nx * ny))]);
        int[] size = new int[n];
        byte[] touches = new byte[n]; // bit 1: bottom plane, bit 2: top plane
        long cells = 0;
        int clusters = 0;
        for (int c = 0; c < n; c++) {
            if (parent[c] < 0) continue;
            int r = parent[c];
            if (size[r]++ == 0) clusters++;
            cells++;
            int k = c / (nx * ny);
            if (k == 0) touches[r] |= 1;
            if (k == nz - 1) touches[r] |= 2;
        }
        long largest = 0;
        boolean percolates = false;
        int onBottom = 0, onTop = 0;
        for (int r = 0; r < n; r++) {
            largest = Math.max(largest, size[r]);
            percolates |= touches[r] == 3;
            onBottom += touches[r] & 1; // set on roots only
            onTop += touches[r] >> 1;
        }
        return new Result(cells, clusters, largest, percolates, onBottom, onTop);
    }

    /**
     * The face-connected clusters (periodic in x and y, not in z) of the cells c = (k ny + j) nx + i of an nx x ny x nz
     * box for which {@code member} holds: each member's entry is the index of its cluster's first cell, the others' -1.
     */
    public static int[] clusters(int nx, int ny, int nz, IntPredicate member) {
        int n = nx * ny * nz;
        int[] parent = new int[n];
        for (int c = 0; c < n; c++) parent[c] = member.test(c) ? c : -1;
        for (int c = 0; c < n; c++) {
            if (parent[c] < 0) continue;
            int i = c % nx, j = (c / nx) % ny, k = c / (nx * ny);
            int right = (k * ny + j) * nx + (i + 1) % nx;
            union(parent, c, right);
            if (ny > 1) union(parent, c, (k * ny + (j + 1) % ny) * nx + i);
            if (k + 1 < nz) union(parent, c, c + nx * ny);
        }
        for (int c = 0; c < n; c++)
            if (parent[c] >= 0) parent[c] = find(parent, c);
        return parent;
    }

    private static void union(int[] parent, int a, int b) {
        if (parent[b] < 0 || a == b) return;
        int ra = find(parent, a), rb = find(parent, b);
        if (ra != rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }

    /** Root of c's set (path halving); shared with the grain-contact spanning tree of {@link GeometryBuilder}. */
    static int find(int[] parent, int c) {
        while (parent[c] != c) {
            parent[c] = parent[parent[c]];
            c = parent[c];
        }
        return c;
    }
}
