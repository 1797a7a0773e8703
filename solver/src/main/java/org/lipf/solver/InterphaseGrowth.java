package org.lipf.solver;

import java.util.Arrays;
import java.util.List;
import org.lipf.grid.GhostCells;
import org.lipf.grid.Grid;
import org.lipf.model.FieldSet;
import org.lipf.model.MaterialTable;
import org.lipf.scenario.InterphaseSpec;
import org.lipf.scenario.NucleationForm;
import org.lipf.scenario.Scenario;

/**
 * Interphase growth where Li metal reduces a material on contact (docs/MODEL.md section 3.5):
 * cells of the reactant whose centre lies within {@code L(t) = sqrt(2 k t)} of the metal
 * (f_free xi &gt; 1/2), measured through face neighbours across reactant and product cells, turn
 * into the product material. The conversion runs when L(t) passes a further half cell, a pure
 * function of time, so a restarted run converts at the same steps as an uninterrupted one. A converted cell keeps its
 * metal volume f_free (xi + delta) in the product's free fraction; where the product has no room for it, it waits.
 */
public final class InterphaseGrowth {
    private final Grid g;
    private final MaterialTable table;
    private final List<InterphaseSpec> specs;
    private final byte[] reactant, product;
    private final int[] distance, queue;
    private final int[] neighbours = new int[6];
    /** Whether nucleated metal is a field of its own, delta (docs/MODEL.md section 3.6), which may hold what xi cannot. */
    private final boolean dispersed;

    public InterphaseGrowth(Scenario scenario, Grid g, MaterialTable table) {
        this.g = g;
        this.table = table;
        this.specs = scenario.interphases();
        this.dispersed = scenario.model().nucleationForm() == NucleationForm.DISPERSED;
        this.reactant = new byte[specs.size()];
        this.product = new byte[specs.size()];
        for (int n = 0; n < specs.size(); n++) {
            reactant[n] = (byte) scenario.materialId(specs.get(n).reactant());
            product[n] = (byte) scenario.materialId(specs.get(n).product());
        }
        this.distance = specs.isEmpty() ? null : new int[g.paddedLength()];
        this.queue = specs.isEmpty() ? null : new int[g.cellCount()];
    }

    /** Cells (counted from the metal) whose centre lies within L(t): (d - 1/2) dx &lt;= L. */
    int cellsReached(InterphaseSpec spec, double time_s) {
        return (int) Math.floor(spec.thickness_m(time_s) / g.dx_m + 0.5);
    }

    /** Whether an interphase reaches a further cell during a step from {@code from_s} to {@code to_s} (cheap: time only). */
    public boolean due(double from_s, double to_s) {
        for (InterphaseSpec spec : specs)
            if (cellsReached(spec, to_s) > cellsReached(spec, from_s)) return true;
        return false;
    }

    /**
     * Converts the cells the interphase reached during a step from {@code from_s} to {@code to_s}.
     *
     * @return whether any material id changed (the potentials' coefficients then follow it)
     */
    public boolean update(double from_s, double to_s, FieldSet f) {
        boolean changed = false;
        for (int n = 0; n < specs.size(); n++) {
            int depth = cellsReached(specs.get(n), to_s);
            if (depth > cellsReached(specs.get(n), from_s)) changed |= convert(n, depth, f);
        }
        if (changed) GhostCells.fill(g, f.material);
        return changed;
    }

    private boolean convert(int n, int depth, FieldSet f) {
        Arrays.fill(distance, Integer.MAX_VALUE);
        int head = 0, tail = 0;
        for (int k = 0; k < g.nz; k++)
            for (int j = 0; j < g.ny; j++)
                for (int i = 0; i < g.nx; i++) {
                    int P = g.index(i, j, k);
                    if (table.freeFraction[f.material[P]] * f.xi[P] > 0.5) {
                        distance[P] = 0;
                        queue[tail++] = P;
                    }
                }
        boolean changed = false;
        while (head < tail) {
            int P = queue[head++];
            if (distance[P] >= depth) continue;
            g.faceNeighbours(P, neighbours);
            for (int N : neighbours) {
                if (N < 0 || distance[N] != Integer.MAX_VALUE) continue;
                byte m = f.material[N];
                if (m != reactant[n] && m != product[n]) continue;
                distance[N] = distance[P] + 1;
                queue[tail++] = N;
                if (m == reactant[n]) changed |= convertKeepingMetal(f, N, product[n]);
            }
        }
        return changed;
    }

    /**
     * Turns cell P into material {@code to} with the metal volume f_free (xi + delta) it holds (docs/MODEL.md section
     * 3.5): xi and delta rescaled by f_old / f_new, xi up to 1 and the rest in delta, beyond the room 1 - h(xi) where
     * the metal exceeds the product's free volume (as after a merge, section 3.6). Without delta (resolved nucleation)
     * or without free volume in the product, a cell whose metal it has no room for stays as it is (returns false).
     * The step's rates are rescaled alike: the deposition current and the lagged potentials' source that the
     * coefficients take from them after the conversion are then the step's own.
     */
    private boolean convertKeepingMetal(FieldSet f, int P, byte to) {
        final double before = table.freeFraction[f.material[P]], after = table.freeFraction[to];
        if (after != before) {
            if (after == 0) {
                if (f.xi[P] + f.dispersed[P] != 0 || f.rate[P] + f.dispersedRate[P] != 0) return false;
            } else {
                final double scale = before / after, xi = scale * f.xi[P], resolved = Math.min(1, xi);
                if (!dispersed && resolved < xi) return false;
                f.xi[P] = resolved;
                f.rate[P] *= scale;
                if (dispersed) {
                    f.dispersed[P] = scale * f.dispersed[P] + (xi - resolved);
                    f.dispersedRate[P] *= scale;
                }
            }
        }
        f.material[P] = to;
        return true;
    }
}
