package org.lipf.grid;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class PercolationTest {
    /** A map with material 1 on the listed (i, j, k) cells, 0 elsewhere. */
    static MaterialMap map(Grid g, int[][] cells) {
        byte[] ids = new byte[g.paddedLength()];
        for (int[] c : cells) ids[g.index(c[0], c[1], c[2])] = 1;
        return new MaterialMap(g, List.of("host", "particle"), ids);
    }

    /** 2x3-cell blocks at x 4..5, stacked at the given first planes. */
    static int[][] column(int... firstPlanes) {
        int[][] out = new int[firstPlanes.length * 6][];
        int n = 0;
        for (int k0 : firstPlanes)
            for (int k = k0; k < k0 + 3; k++)
                for (int i = 4; i <= 5; i++) out[n++] = new int[] {i, 0, k};
        return out;
    }

    @Test
    void aColumnOfTouchingParticlesPercolates() {
        Grid g = Grid.of2D(10, 9, 1e-6);
        Percolation.Result r = Percolation.of(map(g, column(0, 3, 6)), 0, 9, 1);
        assertTrue(r.percolates());
        assertEquals(1, r.clusters());
        assertEquals(18, r.cells());
        assertEquals(1.0, r.largestClusterFraction());
    }

    @Test
    void separatedParticlesDoNotPercolate() {
        Grid g = Grid.of2D(10, 11, 1e-6);
        Percolation.Result r = Percolation.of(map(g, column(0, 4, 8)), 0, 11, 1);
        assertFalse(r.percolates());
        assertEquals(3, r.clusters());
        assertEquals(6.0 / 18, r.largestClusterFraction(), 1e-15);
    }

    @Test
    void cornerContactDoesNotConnect() {
        Grid g = Grid.of2D(10, 10, 1e-6);
        int[][] diagonal = new int[10][];
        for (int k = 0; k < 10; k++) diagonal[k] = new int[] {k, 0, k};
        Percolation.Result r = Percolation.of(map(g, diagonal), 0, 10, 1);
        assertFalse(r.percolates());
        assertEquals(10, r.clusters());
    }

    @Test
    void pathsConnectAcrossThePeriodicSides() {
        Grid g = Grid.of2D(10, 10, 1e-6);
        // x = 9 on planes 0..4, x = 0 on planes 4..9: plane 4 joins them across the side
        int[][] staircase = new int[11][];
        for (int k = 0; k < 11; k++) staircase[k] = new int[] {k < 5 ? 9 : 0, 0, k < 5 ? k : k - 1};
        assertTrue(Percolation.of(map(g, staircase), 0, 10, 1).percolates());
        // the same shape at x = 8 and x = 1 is two clusters
        for (int k = 0; k < 11; k++) staircase[k] = new int[] {k < 5 ? 8 : 1, 0, k < 5 ? k : k - 1};
        Percolation.Result r = Percolation.of(map(g, staircase), 0, 10, 1);
        assertFalse(r.percolates());
        assertEquals(2, r.clusters());
    }

    @Test
    void onlyTheSlabsPlanesCount() {
        Grid g = Grid.of2D(10, 11, 1e-6);
        MaterialMap m = map(g, column(0, 4, 8)); // particles on planes 0-2, 4-6, 8-10
        Percolation.Result mid = Percolation.of(m, 4, 7, 1);
        assertTrue(mid.percolates(), "the middle particle spans planes 4..6");
        assertEquals(6, mid.cells());
    }

    @Test
    void threeDimensionalColumnPercolatesUntilAPlaneIsRemoved() {
        Grid g = new Grid(4, 4, 6, 1e-6);
        int[][] col = new int[6][];
        for (int k = 0; k < 6; k++) col[k] = new int[] {1, 2, k};
        assertTrue(Percolation.of(map(g, col), 0, 6, 1).percolates());
        col[3] = new int[] {2, 3, 3}; // shifted diagonally in the xy plane: no face contact
        Percolation.Result r = Percolation.of(map(g, col), 0, 6, 1);
        assertFalse(r.percolates());
        assertEquals(3, r.clusters());
    }
}
