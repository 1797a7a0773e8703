package org.lipf.kernels.cpu;

import org.lipf.grid.GhostCells;
import org.lipf.grid.Grid;
import org.lipf.grid.Parallel;
import org.lipf.model.FieldSet;
import org.lipf.model.Interpolation;

/**
 * Dispersed metal that has filled its cell next to resolved metal joins it (docs/MODEL.md section 3.6):
 * where the room a cell's free volume leaves, 1 - h(xi) - delta, falls below {@link #FULL_ROOM} and a
 * face neighbour is resolved metal (xi &gt;= 1/2), the nuclei have grown into one metal with it, so the
 * cell's delta moves into xi,
 *
 * <pre>
 *   xi' = min(1, xi + delta),   delta' = xi + delta - xi'
 * </pre>
 *
 * which keeps the deposited volume f_free (xi + delta), and so Faraday's law, exactly. A front growing
 * into a host that holds dispersed metal takes it up as it meets it, and a host filled from its metal
 * up to an electrolyte has a resolved surface there: it plates on, and presses the electrolyte's flaws
 * (section 4.2), as the Li surface does. Full cells away from resolved metal stay dispersed: made
 * resolved one by one, each would be a sub-critical blob that capillarity dissolves at once (a run
 * trying it stalled at steps of microseconds). What stays in delta' is the part of the tail of a resolved front (xi &lt; 1/2, where the volume xi
 * exceeds the property fraction h(xi)) that overlapped dispersed metal: at most max(x - h(x)) = 0.146
 * of a cell, kept so that no charge is lost: beyond the room of the merged cell it cannot grow, oxidises first where the
 * cell strips, and joins xi at the next merge once capillarity has lowered xi below 1.
 */
public final class DispersedMerge {
    /** A cell's free volume counts as full below this room (backward Euler approaches 1 - h asymptotically). */
    public static final double FULL_ROOM = 1e-3;

    private final Grid g;
    private final Parallel parallel;
    /** The cells that merge this call, decided from the fields before any of them merges. */
    private final boolean[] merge;

    public DispersedMerge(Grid grid, Parallel parallel) {
        this.g = grid;
        this.parallel = parallel;
        this.merge = new boolean[grid.paddedLength()];
    }

    /**
     * Moves the dispersed metal of every full cell into xi. Which cells merge is decided from the fields as the step
     * left them, before any cell merges: a full cell joins metal that was resolved before the call, so a column of
     * full cells joins one cell per step, and the result does not depend on the order the threads visit the cells
     * (reading a neighbour that merged earlier in the same pass did).
     */
    public void apply(FieldSet f) {
        // the neighbours' xi of this step, boundary values included (periodic sides, zero-flux ends)
        GhostCells.fill(g, f.xi);
        parallel.forSlabs(g.nz, (k0, k1) -> {
            for (int k = k0; k < k1; k++)
                for (int j = 0; j < g.ny; j++)
                    for (int i = 0; i < g.nx; i++) {
                        final int P = g.index(i, j, k);
                        final double delta = f.dispersed[P], xi = f.xi[P];
                        merge[P] = delta > 0 && xi < 1 && 1 - Interpolation.h(xi) - delta < FULL_ROOM && touchesResolvedMetal(f, P);
                    }
        });
        parallel.forSlabs(g.nz, (k0, k1) -> {
            for (int k = k0; k < k1; k++)
                for (int j = 0; j < g.ny; j++)
                    for (int i = 0; i < g.nx; i++) {
                        final int P = g.index(i, j, k);
                        if (!merge[P]) continue;
                        final double total = f.xi[P] + f.dispersed[P], merged = Math.min(1, total);
                        f.xi[P] = merged;
                        f.dispersed[P] = total - merged;
                    }
        });
    }

    /** Whether a face neighbour of cell P is resolved metal (xi &gt;= 1/2; ghost cells hold the boundary values). */
    private boolean touchesResolvedMetal(FieldSet f, int P) {
        final double[] xi = f.xi;
        if (xi[P - 1] >= 0.5 || xi[P + 1] >= 0.5 || xi[P - g.strideZ] >= 0.5 || xi[P + g.strideZ] >= 0.5) return true;
        return g.dimensions == 3 && (xi[P - g.strideY] >= 0.5 || xi[P + g.strideY] >= 0.5);
    }
}
