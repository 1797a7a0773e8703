package org.lipf.grid;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Random grain seeds in a slab z in [zLo, zHi) of the grid (x, y periodic), and for each cell the
 * nearest seed (a discrete Voronoi tessellation; ties to the lower seed index). Seeds are bucketed
 * in boxes about one grain wide and searched in growing shells of boxes until no closer seed can
 * remain, so the cost per cell does not grow with the number of grains.
 */
final class VoronoiSeeds {
    private final Grid g;
    private final double zLo, W, D;
    /** Seed coordinates, m. */
    final double[] sx, sy, sz;
    private final int nbx, nby, nbz;
    private final double bx, by, bz;
    private final int[][] buckets;

    VoronoiSeeds(Grid g, double zLo_m, double zHi_m, int count, double grainSize_m, SplittableRandom rng) {
        this.g = g;
        this.zLo = zLo_m;
        this.W = g.nx * g.dx_m;
        this.D = g.ny * g.dx_m;
        sx = new double[count];
        sy = new double[count];
        sz = new double[count];
        for (int q = 0; q < count; q++) {
            sx[q] = rng.nextDouble() * W;
            sy[q] = g.is3D() ? rng.nextDouble() * D : 0;
            sz[q] = zLo_m + rng.nextDouble() * (zHi_m - zLo_m);
        }
        nbx = Math.max(1, (int) Math.floor(W / grainSize_m));
        nby = g.is3D() ? Math.max(1, (int) Math.floor(D / grainSize_m)) : 1;
        nbz = Math.max(1, (int) Math.floor((zHi_m - zLo_m) / grainSize_m));
        bx = W / nbx;
        by = g.is3D() ? D / nby : Double.POSITIVE_INFINITY;
        bz = (zHi_m - zLo_m) / nbz;
        int[] size = new int[nbx * nby * nbz];
        int[] bucketOf = new int[count];
        for (int q = 0; q < count; q++) size[bucketOf[q] = bucket(sx[q], sy[q], sz[q])]++;
        buckets = new int[size.length][];
        for (int b = 0; b < size.length; b++) buckets[b] = new int[size[b]];
        Arrays.fill(size, 0);
        for (int q = 0; q < count; q++) buckets[bucketOf[q]][size[bucketOf[q]]++] = q;
    }

    private int bucket(double x, double y, double z) {
        int ix = Math.min(nbx - 1, (int) (x / bx)), iy = g.is3D() ? Math.min(nby - 1, (int) (y / by)) : 0, iz = Math.min(nbz - 1, Math.max(0, (int) ((z - zLo) / bz)));
        return (iz * nby + iy) * nbx + ix;
    }

    /** Nearest seed of every cell of planes [k0, k1), index {@code ((k - k0) * ny + j) * nx + i}. */
    int[] nearestForCells(int k0, int k1) {
        double dx = g.dx_m;
        int[] out = new int[g.nx * g.ny * (k1 - k0)];
        int q = 0;
        for (int k = k0; k < k1; k++)
            for (int j = 0; j < g.ny; j++)
                for (int i = 0; i < g.nx; i++) out[q++] = nearest((i + 0.5) * dx, (j + 0.5) * dx, (k + 0.5) * dx);
        return out;
    }

    private int nearest(double x, double y, double z) {
        int home = bucket(x, y, z);
        int cx = home % nbx, cy = (home / nbx) % nby, cz = home / (nbx * nby);
        double minBox = Math.min(bx, Math.min(by, bz));
        int best = -1;
        double bestD2 = Double.POSITIVE_INFINITY;
        int maxShell = Math.max(nbx, Math.max(nby, nbz));
        for (int r = 0; r <= maxShell; r++) {
            for (int oz = -r; oz <= r; oz++) {
                int bzI = cz + oz;
                if (bzI < 0 || bzI >= nbz) continue;
                for (int oy = g.is3D() ? -r : 0; oy <= (g.is3D() ? r : 0); oy++)
                    for (int ox = -r; ox <= r; ox++) {
                        if (Math.max(Math.abs(ox), Math.max(Math.abs(oy), Math.abs(oz))) != r) continue; // the shell only
                        int b = (bzI * nby + Math.floorMod(cy + oy, nby)) * nbx + Math.floorMod(cx + ox, nbx);
                        for (int s : buckets[b]) {
                            double ddx = GeometryBuilder.periodicDistance(x, sx[s], W), ddy = g.is3D() ? GeometryBuilder.periodicDistance(y, sy[s], D) : 0, ddz = z - sz[s];
                            double d2 = ddx * ddx + ddy * ddy + ddz * ddz;
                            if (d2 < bestD2 || (d2 == bestD2 && s < best)) {
                                bestD2 = d2;
                                best = s;
                            }
                        }
                    }
            }
            // every seed in shell r + 1 or beyond is at least r box widths away
            if (best >= 0 && Math.sqrt(bestD2) <= r * minBox) break;
        }
        return best;
    }
}
