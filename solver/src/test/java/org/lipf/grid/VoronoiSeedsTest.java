package org.lipf.grid;

import static org.junit.jupiter.api.Assertions.*;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class VoronoiSeedsTest {
    /** Every cell's seed equals the brute-force nearest seed (minimum-image distance laterally; ties to the lower index). */
    static void assertNearest(Grid g, int k0, int k1, int count, double grain) {
        VoronoiSeeds v = new VoronoiSeeds(g, k0 * g.dx_m, k1 * g.dx_m, count, grain, new SplittableRandom(11));
        int[] got = v.nearestForCells(k0, k1);
        double W = g.nx * g.dx_m, D = g.ny * g.dx_m;
        int q = 0;
        for (int k = k0; k < k1; k++)
            for (int j = 0; j < g.ny; j++)
                for (int i = 0; i < g.nx; i++, q++) {
                    double x = (i + 0.5) * g.dx_m, y = (j + 0.5) * g.dx_m, z = (k + 0.5) * g.dx_m;
                    int best = -1;
                    double bestD2 = Double.POSITIVE_INFINITY;
                    for (int s = 0; s < count; s++) {
                        double ddx = GeometryBuilder.periodicDistance(x, v.sx[s], W), ddy = g.is3D() ? GeometryBuilder.periodicDistance(y, v.sy[s], D) : 0;
                        double d2 = ddx * ddx + ddy * ddy + (z - v.sz[s]) * (z - v.sz[s]);
                        if (d2 < bestD2) {
                            bestD2 = d2;
                            best = s;
                        }
                    }
                    assertEquals(best, got[q], "cell " + i + "," + j + "," + k);
                }
    }

    @Test
    void bucketSearchFindsTheNearestSeedIn2D() {
        assertNearest(Grid.of2D(60, 40, 0.1), 5, 35, 45, 0.5);
    }

    @Test
    void bucketSearchFindsTheNearestSeedIn3D() {
        assertNearest(new Grid(16, 12, 20, 0.1), 2, 18, 40, 0.4);
    }

    @Test
    void aSingleSeedOwnsEveryCell() {
        VoronoiSeeds v = new VoronoiSeeds(Grid.of2D(10, 10, 1), 0, 10, 1, 20, new SplittableRandom(1));
        for (int s : v.nearestForCells(0, 10)) assertEquals(0, s);
    }
}
