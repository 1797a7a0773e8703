package org.lipf.solver;

import org.lipf.grid.Grid;
import org.lipf.model.FieldSet;
import org.lipf.model.MaterialTable;

/**
 * Detects a short circuit (docs/MODEL.md section 4): metal (f_free xi &gt; 1/2) connected, through
 * face neighbours and across the periodic sides, from the current collector to within one
 * interface width of the counter boundary. A flood fill runs only when metal is present in that
 * top band, so the check is cheap while the deposit is far from it.
 */
public final class ShortCircuitDetector {
    /** Where the short closed (cell indices, position) and why. */
    public record Short(int i, int j, int k, double x_m, double y_m, double z_m, String cause) {
        /** The short at padded cell index P of grid g (the cell's centre). */
        static Short at(Grid g, int P, String cause) {
            final int k = P / g.strideZ - 1, rest = P % g.strideZ;
            final int j = g.is3D() ? rest / g.sx - 1 : 0, i = rest % g.sx - 1;
            return new Short(i, j, k, (i + 0.5) * g.dx_m, g.is3D() ? (j + 0.5) * g.dx_m : 0, (k + 0.5) * g.dx_m, cause);
        }
    }

    static final String METAL_BRIDGE = "metal bridges the cell to the counter boundary";

    private final Grid g;
    private final MaterialTable table;
    private final int bandStart;
    private final int[] queue;
    private final boolean[] visited;
    private final int[] neighbours = new int[6];

    public ShortCircuitDetector(Grid g, MaterialTable table, double interfaceWidth_m) {
        this.g = g;
        this.table = table;
        int band = Math.max(1, (int) Math.ceil(interfaceWidth_m / g.dx_m));
        this.bandStart = Math.max(0, g.nz - 1 - band);
        this.queue = new int[g.cellCount()];
        this.visited = new boolean[g.paddedLength()];
    }

    private boolean metal(FieldSet f, int P) {
        // dispersed metal (docs/MODEL.md section 3.6; zero unless the scenario has it) conducts as well
        return table.freeFraction[f.material[P]] * (f.xi[P] + f.dispersed[P]) > 0.5;
    }

    /** Returns the short, or null if the metal does not bridge the cell. */
    public Short check(FieldSet f) {
        if (!metalInBand(f)) return null;
        java.util.Arrays.fill(visited, false);
        int head = 0, tail = 0;
        for (int j = 0; j < g.ny; j++)
            for (int i = 0; i < g.nx; i++) {
                int P = g.index(i, j, 0);
                if (metal(f, P)) {
                    visited[P] = true;
                    queue[tail++] = P;
                }
            }
        while (head < tail) {
            final int P = queue[head++];
            if (P / g.strideZ - 1 >= bandStart) return Short.at(g, P, METAL_BRIDGE);
            tail = visit(f, P, tail);
        }
        return null;
    }

    private int visit(FieldSet f, int P, int tail) {
        g.faceNeighbours(P, neighbours);
        for (int N : neighbours) {
            if (N < 0 || visited[N] || !metal(f, N)) continue;
            visited[N] = true;
            queue[tail++] = N;
        }
        return tail;
    }

    private boolean metalInBand(FieldSet f) {
        for (int k = bandStart; k < g.nz; k++)
            for (int j = 0; j < g.ny; j++)
                for (int i = 0; i < g.nx; i++)
                    if (metal(f, g.index(i, j, k))) return true;
        return false;
    }
}
