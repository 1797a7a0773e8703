package org.lipf.solver;

import org.lipf.grid.Grid;
import org.lipf.grid.Parallel;
import org.lipf.kernels.cpu.AllenCahnUpdate;
import org.lipf.model.ButlerVolmer;
import org.lipf.model.FieldSet;
import org.lipf.model.FilmButlerVolmer;
import org.lipf.model.MaterialTable;
import org.lipf.model.ModelParameters;

/**
 * Li intrusion into the flaws of a brittle solid electrolyte (docs/MODEL.md section 4.2): where the
 * metal surface lies in a material with an intrusion limit eta_c = K_Ic / (sqrt(pi a) n F c_s) and
 * plates with a charge-transfer overpotential below -eta_c, Li deposited in a surface flaw of size
 * a reaches the flaw's fracture stress; the Li-filled crack then grows unstably (its stress
 * intensity rises with its length at that pressure) and shorts the cell. {@link #worst} finds the
 * surface cell most beyond its limit; {@link Simulation} counts the charge that fills its flaws.
 * The crack's growth itself is below the grid and not resolved.
 */
public final class LiIntrusion {
    /** The metal surface: cells with xi in this band (a resolved front has cells in it). */
    static final double SURFACE_MIN = 0.1, SURFACE_MAX = 0.9;

    private final Grid g;
    private final ModelParameters p;
    private final MaterialTable table;
    private final AllenCahnUpdate allenCahn;
    private final boolean active;
    /** Whether the scenario has dispersed metal (docs/MODEL.md section 3.6) that can press an electrolyte. */
    private final boolean dispersed;
    private final int[] neighbours = new int[6];
    /** The worst contact of the current {@link #worst} call. */
    private int worstCell;
    private double worstExcess, worstEta, worstCurrent;
    /** The largest -eta / eta_c over the contacts of the last {@link #worst} call (0 without any). */
    private double peakRatio;

    public LiIntrusion(Grid g, ModelParameters p, MaterialTable table, Parallel parallel) {
        this.g = g;
        this.p = p;
        this.table = table;
        this.allenCahn = new AllenCahnUpdate(g, p, table, parallel);
        boolean any = false;
        for (int m = 0; m < table.size(); m++) any |= table.intrusionOverpotential_V[m] > 0 && table.freeFraction[m] > 0;
        this.active = any;
        this.dispersed = p.dispersedNucleation();
    }

    /** Whether any material of the scenario has an intrusion limit (else {@link #check} never finds one). */
    public boolean active() {
        return active;
    }

    /** A contact beyond its limit: the electrolyte cell, the overpotential, and the plating current that fills its flaws. */
    public record Overload(int cell, double overpotential_V, double limit_V, double current_A_per_m2, double flawCharge_C_per_m2, String material) {
        /** The short this overload causes once its flaws are full. */
        public ShortCircuitDetector.Short asShort(Grid g) {
            return ShortCircuitDetector.Short.at(g, cell, String.format(java.util.Locale.ROOT,
                    "Li intrusion into %s: plating overpotential %.1f mV beyond its limit -%.1f mV (docs/MODEL.md section 4.2)",
                    material, overpotential_V * 1e3, limit_V * 1e3));
        }
    }

    /**
     * The contact of Li with a brittle electrolyte that exceeds the electrolyte's limit by the most (the
     * first in index order among equals), or null. A cell of a material with a limit is in contact with
     * Li where it is at the resolved metal surface (behind a film on the metal the overpotential is that
     * of the interface, eta + R_film i: the film's ohmic drop does not press the Li), where it holds
     * dispersed metal, or where a face neighbour holds dispersed metal (Li nucleated in a host's pores
     * against the electrolyte, docs/MODEL.md section 3.6), that metal's overpotential pressing it.
     */
    public Overload worst(FieldSet f) {
        if (!active) return null;
        worstCell = -1;
        worstExcess = 0;
        peakRatio = 0;
        for (int k = 0; k < g.nz; k++)
            for (int j = 0; j < g.ny; j++) {
                final int s = g.rowStart(j, k);
                for (int P = s; P < s + g.nx; P++) {
                    final int m = f.material[P];
                    final double limit = table.intrusionOverpotential_V[m];
                    if (!(limit > 0)) continue;
                    final double x = f.xi[P];
                    if (x >= SURFACE_MIN && x <= SURFACE_MAX) surface(f, P, m, limit);
                    if (!dispersed) continue;
                    dispersedContact(f, P, P, limit);
                    g.faceNeighbours(P, neighbours);
                    for (int N : neighbours) if (N >= 0) dispersedContact(f, P, N, limit);
                }
            }
        if (worstCell < 0) return null;
        final int m = f.material[worstCell];
        return new Overload(worstCell, worstEta, table.intrusionOverpotential_V[m], worstCurrent, table.flawFillCharge_C_per_m2[m], table.names[m]);
    }

    /** Cell P (material m, limit) at the resolved metal surface: the charge-transfer overpotential and the growth current. */
    private void surface(FieldSet f, int P, int m, double limit) {
        final double eta = allenCahn.overpotential(f, P), film = allenCahn.filmDrop_V(f, P, m), k = allenCahn.filmKinetics(f, P, m), c = f.c[P], x = f.xi[P];
        final double bv = ButlerVolmer.depositionFactor(eta, c, p.alpha(), p.f_per_V());
        final double growth = allenCahn.growthFactor(film, k, x, eta, c, bv);
        final double u = FilmButlerVolmer.interfaceOverpotential_V(eta, film, growth);
        consider(P, u, limit, table.i0_A_per_m2[m] * Math.max(0, growth));
    }

    /**
     * Dispersed metal in cell N against the electrolyte cell P (N = P: in P's own pores): N's
     * overpotential, and the current of the Li / electrolyte interface that the walls of a flaw Li
     * has reached form, i0(P) BV(eta, c_P) (each flaw the metal touches fills at that rate, however
     * few they are). Not the current that deposits N's metal: a host that is full deposits none, yet
     * its Li presses the flaws and plates into them.
     */
    private void dispersedContact(FieldSet f, int P, int N, double limit) {
        if (!(f.dispersed[N] > 0)) return;
        final double eta = allenCahn.overpotential(f, N);
        final double bv = ButlerVolmer.depositionFactor(eta, f.c[P], p.alpha(), p.f_per_V());
        consider(P, eta, limit, table.i0_A_per_m2[f.material[P]] * Math.max(0, bv));
    }

    /**
     * How close the Li presses the brittle electrolytes to their flaws' strength after the last {@link #worst}:
     * the largest -eta / eta_c, i.e. Li pressure over the critical pressure K_Ic / sqrt(pi a), over all
     * contacts (1 and above: flaws filling; 0 without contacts).
     */
    public double lastPeakRatio() {
        return peakRatio;
    }

    private void consider(int P, double eta, double limit, double current) {
        peakRatio = Math.max(peakRatio, -eta / limit);
        final double excess = -eta - limit;
        if (excess >= 0 && (worstCell < 0 || excess > worstExcess)) {
            worstCell = P;
            worstExcess = excess;
            worstEta = eta;
            worstCurrent = current;
        }
    }
}
