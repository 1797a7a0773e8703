package org.lipf.grid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The ghost layer: periodic laterally, a copy of the boundary plane at bottom and top; the threaded fill of several fields equals the plain one. */
class GhostCellsTest {
    private static double[] randomField(Grid g, long seed) {
        Random rnd = new Random(seed);
        double[] f = g.newField();
        for (int i = 0; i < f.length; i++) f[i] = rnd.nextDouble();
        return f;
    }

    @Test
    void ghostsArePeriodicLaterallyAndCopiesAtBottomAndTop() {
        Grid g = new Grid(5, 4, 3, 1e-7);
        double[] f = randomField(g, 1);
        GhostCells.fill(g, f);
        for (int k = 0; k < g.nz; k++)
            for (int j = 0; j < g.ny; j++) {
                assertEquals(f[g.index(g.nx - 1, j, k)], f[g.index(-1, j, k)], "-x ghost");
                assertEquals(f[g.index(0, j, k)], f[g.index(g.nx, j, k)], "+x ghost");
                for (int i = -1; i <= g.nx; i++) {
                    assertEquals(f[g.index(i, g.ny - 1, k)], f[g.index(i, -1, k)], "-y ghost row");
                    assertEquals(f[g.index(i, 0, k)], f[g.index(i, g.ny, k)], "+y ghost row");
                }
            }
        for (int j = -1; j <= g.ny; j++)
            for (int i = -1; i <= g.nx; i++) {
                assertEquals(f[g.index(i, j, 0)], f[g.index(i, j, -1)], "bottom ghost plane");
                assertEquals(f[g.index(i, j, g.nz - 1)], f[g.index(i, j, g.nz)], "top ghost plane");
            }
    }

    @Test
    void threadedFillOfSeveralFieldsEqualsThePlainOne() {
        for (Grid g : new Grid[] {Grid.of2D(7, 9, 1e-7), new Grid(6, 5, 7, 1e-7), new Grid(1, 1, 3, 1e-7)})
            try (Parallel parallel = new Parallel(3)) {
                double[] a = randomField(g, 2), b = randomField(g, 3), a0 = a.clone(), b0 = b.clone();
                GhostCells.fill(g, a0);
                GhostCells.fill(g, b0);
                // a field passed twice (phi_s that is phi_l) is filled the same
                GhostCells.fill(g, parallel, a, b, a);
                assertArrayEquals(a0, a, "first field, " + g.nx + "x" + g.ny + "x" + g.nz);
                assertArrayEquals(b0, b, "second field");
            }
    }
}
