package org.lipf.solver;

import java.util.Arrays;
import org.lipf.grid.GhostCells;
import org.lipf.grid.Grid;
import org.lipf.grid.Parallel;
import org.lipf.grid.Percolation;
import org.lipf.kernels.cpu.AllenCahnUpdate;
import org.lipf.model.FieldSet;
import org.lipf.model.Interpolation;
import org.lipf.model.MaterialTable;
import org.lipf.model.ModelParameters;

/**
 * The start-up relaxation of docs/MODEL.md section 3.2: the sharp initial metal surfaces relax to the
 * equilibrium tanh profile by capillarity (no reaction, no noise, c untouched), each separate piece
 * of metal keeping its volume. Capillarity alone shrinks a piece by its curvature: over the five
 * relaxation times a 1 um block of metal placed in an electrolyte lost 64 % of its metal before the
 * first step, a one-cell sheet all of it. So each piece gets its own multiplier: lambda_p h'(xi) added
 * to the rate so that the piece's sum of f_free xi after the step is the one it started with. (The
 * run's steps hold the volume with one multiplier for the whole domain, section 3.1; here the target
 * is the starting volume rather than the last step's, since the first step from a sharp profile has
 * h' = 0 everywhere and cannot be corrected: where the metal meets a host of f_free &lt; 1 that step
 * moves metal across, and later steps give it back.) A piece is a face-connected cluster of the
 * initial metal (xi >= 1/2) with the cells nearer to it than to any other piece (its interface and
 * tails; the tails of all pieces touch, so clusters of xi &gt; 0 would join them and let the larger
 * take the smaller's metal). It runs on the host for every backend (once per run).
 */
final class InterfaceRelaxation {
    private InterfaceRelaxation() {}

    static void relax(Grid g, ModelParameters p, MaterialTable table, Parallel parallel, FieldSet f, double dt_s, double duration_s) {
        AllenCahnUpdate capillarity = new AllenCahnUpdate(g, p.withoutNoise(), table.withoutReactions(), parallel);
        Pieces pieces = new Pieces(g, table, f);
        for (double t = 0; t < duration_s; t += dt_s) {
            GhostCells.fill(g, f.xi);
            capillarity.compute(f, dt_s, 0);
            pieces.keepVolumes(f, dt_s, parallel, capillarity);
            f.swapXi();
        }
        Arrays.fill(f.rate, 0);
    }

    /**
     * The piece of each cell c = (k ny + j) nx + i: the first cell of the nearest cluster of cells with xi &gt;= 1/2
     * (by steps between face neighbours, periodic in x and y; the first reached where two are as near), -1 without metal.
     */
    static int[] pieces(Grid g, double[] xi) {
        final int nx = g.nx, ny = g.ny, nz = g.nz, planeCells = nx * ny;
        final int[] piece = Percolation.clusters(nx, ny, nz, c -> xi[g.index(c % nx, (c / nx) % ny, c / planeCells)] >= 0.5);
        final int[] queue = new int[piece.length];
        int tail = 0;
        for (int c = 0; c < piece.length; c++)
            if (piece[c] >= 0) queue[tail++] = c;
        for (int head = 0; head < tail; head++) {
            final int c = queue[head], i = c % nx, j = (c / nx) % ny, k = c / planeCells, row = c - i, plane = k * planeCells;
            final int[] neighbours = {row + (i + 1) % nx, row + (i + nx - 1) % nx, plane + ((j + 1) % ny) * nx + i, plane + ((j + ny - 1) % ny) * nx + i,
                    k + 1 < nz ? c + planeCells : -1, k > 0 ? c - planeCells : -1};
            for (int q : neighbours)
                if (q >= 0 && piece[q] < 0) {
                    piece[q] = piece[c];
                    queue[tail++] = q;
                }
        }
        return piece;
    }

    /**
     * The pieces of a relaxation: each cell's piece (numbered 0..n-1, by the padded index; -1 for ghosts and where there
     * is no metal), each piece's target and current sum of f_free xi, and per plane the sums of a step, added up in plane
     * order so that the result does not depend on the thread count. A step changes only cells off 0 and 1 or with a
     * rate, in the rows the capillary step found active, so those are all the sums visit.
     */
    private static final class Pieces {
        private final Grid g;
        private final MaterialTable table;
        private final int[] pieceAt;
        private final int count;
        private final double[] target, volume, multiplier, planeChange, planeWeight, planeRaise, planeLower;

        Pieces(Grid g, MaterialTable table, FieldSet f) {
            this.g = g;
            this.table = table;
            final int[] piece = pieces(g, f.xi);
            final int[] dense = new int[piece.length];
            Arrays.fill(dense, -1);
            int n = 0;
            pieceAt = new int[g.paddedLength()];
            Arrays.fill(pieceAt, -1);
            for (int c = 0; c < piece.length; c++) {
                if (piece[c] < 0) continue;
                if (dense[piece[c]] < 0) dense[piece[c]] = n++;
                pieceAt[g.index(c % g.nx, (c / g.nx) % g.ny, c / (g.nx * g.ny))] = dense[piece[c]];
            }
            count = n;
            target = new double[n];
            for (int P = 0; P < pieceAt.length; P++)
                if (pieceAt[P] >= 0) target[pieceAt[P]] += table.freeFraction[f.material[P]] * f.xi[P];
            volume = target.clone();
            multiplier = new double[n];
            planeChange = new double[g.nz * n];
            planeWeight = new double[g.nz * n];
            planeRaise = new double[g.nz * n];
            planeLower = new double[g.nz * n];
        }

        /**
         * Adds each piece's multiplier to the capillary rate and updates xiNext with it, so that the piece's sum of
         * f_free xiNext is its target where it has an interface (h' &gt; 0). Frozen cells (f_free = 0) keep their rate.
         */
        void keepVolumes(FieldSet f, double dt_s, Parallel parallel, AllenCahnUpdate step) {
            if (count == 0) return;
            final double[] xi = f.xi, rate = f.rate, free = table.freeFraction;
            final byte[] material = f.material;
            parallel.forSlabs(g.nz, (k0, k1) -> {
                for (int k = k0; k < k1; k++) {
                    final int at = k * count;
                    Arrays.fill(planeChange, at, at + count, 0);
                    Arrays.fill(planeWeight, at, at + count, 0);
                    Arrays.fill(planeRaise, at, at + count, Double.POSITIVE_INFINITY);
                    Arrays.fill(planeLower, at, at + count, Double.NEGATIVE_INFINITY);
                    for (int j = 0; j < g.ny; j++) {
                        if (!step.rowActive(j, k)) continue;
                        final int start = g.rowStart(j, k);
                        for (int P = start; P < start + g.nx; P++) {
                            final double x = xi[P], ff = free[material[P]];
                            final int r = pieceAt[P];
                            if ((x == 0 || x == 1) && rate[P] == 0 || r < 0 || ff == 0) continue;
                            final double dh = Interpolation.dh(x), capillary = x + dt_s * rate[P];
                            planeChange[at + r] += ff * rate[P];
                            planeWeight[at + r] += ff * dh;
                            if (dh > 0) {
                                planeRaise[at + r] = Math.min(planeRaise[at + r], Math.max(0, (1 - capillary) / dh));
                                planeLower[at + r] = Math.max(planeLower[at + r], Math.min(0, -capillary / dh));
                            }
                        }
                    }
                }
            });
            final double[] change = new double[count], weight = new double[count], raise = new double[count], lower = new double[count];
            Arrays.fill(raise, Double.POSITIVE_INFINITY);
            Arrays.fill(lower, Double.NEGATIVE_INFINITY);
            for (int k = 0; k < g.nz; k++)
                for (int r = 0; r < count; r++) {
                    change[r] += planeChange[k * count + r];
                    weight[r] += planeWeight[k * count + r];
                    raise[r] = Math.min(raise[r], planeRaise[k * count + r]);
                    lower[r] = Math.max(lower[r], planeLower[k * count + r]);
                }
            for (int r = 0; r < count; r++) {
                // the multiplier pushes no cell past 0 or 1: against a host of small f_free the first steps' loss
                // would otherwise be given back by cells that hardly count, driven far past 1 where h' grows again
                // (the whole relaxation diverged below f_free 0.05); what is held back now, later steps give back
                final double wanted = weight[r] > 0 ? (target[r] - volume[r] - dt_s * change[r]) / (dt_s * weight[r]) : 0;
                multiplier[r] = Math.min(Math.max(wanted, lower[r] / dt_s), raise[r] / dt_s);
                volume[r] += dt_s * (change[r] + multiplier[r] * weight[r]);
            }
            parallel.forSlabs(g.nz, (k0, k1) -> {
                for (int k = k0; k < k1; k++)
                    for (int j = 0; j < g.ny; j++) {
                        if (!step.rowActive(j, k)) continue;
                        final int start = g.rowStart(j, k);
                        for (int P = start; P < start + g.nx; P++) {
                            final double x = xi[P];
                            final int r = pieceAt[P];
                            // h'(x) = 0 at 0 and 1: only cells off them change
                            if (x == 0 || x == 1 || r < 0 || free[material[P]] == 0) continue;
                            final double v = rate[P] + multiplier[r] * Interpolation.dh(x);
                            rate[P] = v;
                            f.xiNext[P] = AllenCahnUpdate.resolved(x + dt_s * v);
                        }
                    }
            });
        }
    }
}
