package org.lipf.solver;

import org.lipf.grid.GhostCells;
import org.lipf.grid.Grid;
import org.lipf.model.FieldSet;
import org.lipf.model.MaterialTable;
import org.lipf.scenario.Scenario;

/**
 * The electrolyte follows the metal where it strips (docs/MODEL.md section 3.7): a cell of the metal's own material
 * that the metal has left (xi &lt; 1/2) takes the material of the cell above it when that is an ion conductor with no
 * solid skeleton (f_free = 1: the relabel leaves the metal volume f_free h(xi) as it was). In a cell under stack
 * pressure the pellet stays on the Li as the foil thins; without this, the metal's layer, an ion blocker where its
 * metal is gone, opened a gap between the receding surface and the electrolyte, and stripping beyond the Li plated
 * before polarised without bound. Where contact is lost, the voids of section 4.3 say so.
 */
final class ElectrolyteFollowsMetal {
    private final Grid g;
    private final byte metal;
    /** Per material id: whether it takes the place the metal left. */
    private final boolean[] follows;
    private final boolean active;

    ElectrolyteFollowsMetal(Scenario scenario, Grid g, MaterialTable table) {
        this.g = g;
        this.metal = (byte) scenario.materialId(scenario.model().metalMaterial());
        this.follows = new boolean[table.size()];
        boolean any = false;
        for (int m = 0; m < table.size(); m++) {
            follows[m] = m != metal && table.freeFraction[m] == 1 && table.sigmaIon_S_per_m[m] > 0;
            any |= follows[m];
        }
        this.active = any && table.freeFraction[metal] == 1;
    }

    /** Whether the scenario has an electrolyte that can follow its metal (else {@link #update} never changes a cell). */
    boolean active() {
        return active;
    }

    /**
     * Relabels the cells the metal has left, from the top plane down so that a column the metal left over several
     * cells follows it at once.
     *
     * @return whether any material id changed (the coefficients then follow it)
     */
    boolean update(FieldSet f) {
        if (!active) return false;
        boolean changed = false;
        final byte[] material = f.material;
        for (int k = g.nz - 2; k >= 0; k--)
            for (int j = 0; j < g.ny; j++) {
                final int start = g.rowStart(j, k);
                for (int P = start; P < start + g.nx; P++) {
                    if (material[P] != metal || !(f.xi[P] < 0.5)) continue;
                    final byte above = material[P + g.strideZ];
                    if (!follows[above]) continue;
                    material[P] = above;
                    changed = true;
                }
            }
        if (changed) GhostCells.fill(g, material);
        return changed;
    }
}
