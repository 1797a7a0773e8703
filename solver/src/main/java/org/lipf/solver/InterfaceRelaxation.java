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
        final int[] piece = pieces(g, f.xi);
        final double[] target = new double[piece.length];
        forEachCell(g, piece, (c, P) -> target[piece[c]] += table.freeFraction[f.material[P]] * f.xi[P]);
        for (double t = 0; t < duration_s; t += dt_s) {
            GhostCells.fill(g, f.xi);
            capillarity.compute(f, dt_s, 0);
            keepPieceVolumes(g, table, f, dt_s, piece, target);
            f.swapXi();
        }
        Arrays.fill(f.rate, 0);
    }

    /** Cell c = (k ny + j) nx + i of the grid and its padded index P. */
    private interface CellAction {
        void at(int c, int P);
    }

    /** Calls the action for every cell that belongs to a piece. */
    private static void forEachCell(Grid g, int[] piece, CellAction action) {
        final int nx = g.nx, ny = g.ny, planeCells = nx * ny;
        for (int c = 0; c < piece.length; c++)
            if (piece[c] >= 0) action.at(c, g.index(c % nx, (c / nx) % ny, c / planeCells));
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
     * Adds each piece's multiplier to the capillary rate and updates xiNext with it, so that the piece's sum of
     * f_free xiNext is its target where it has an interface (h' &gt; 0). Frozen cells (f_free = 0) keep their rate.
     */
    private static void keepPieceVolumes(Grid g, MaterialTable table, FieldSet f, double dt_s, int[] piece, double[] target) {
        final double[] after = new double[piece.length], weight = new double[piece.length];
        forEachCell(g, piece, (c, P) -> {
            final double free = table.freeFraction[f.material[P]];
            after[piece[c]] += free * (f.xi[P] + dt_s * f.rate[P]);
            weight[piece[c]] += free * Interpolation.dh(f.xi[P]);
        });
        forEachCell(g, piece, (c, P) -> {
            final int r = piece[c];
            if (weight[r] == 0 || table.freeFraction[f.material[P]] == 0) return;
            final double rate = f.rate[P] + (target[r] - after[r]) / (dt_s * weight[r]) * Interpolation.dh(f.xi[P]);
            f.rate[P] = rate;
            f.xiNext[P] = AllenCahnUpdate.resolved(f.xi[P] + dt_s * rate);
        });
    }
}
