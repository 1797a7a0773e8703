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
 * metal touches a material with an intrusion limit eta_c = K_Ic / (sqrt(pi a) n F c_s), Li plates into
 * its surface flaws, and a Li-filled crack grows from them once the Li reaches the flaws' fracture
 * pressure ({@link org.lipf.model.LiFilledCrack}, below the grid). {@link #hardest} finds the contact
 * that presses hardest (the largest -eta / eta_c), which feeds the leading crack; {@link Simulation}
 * grows it and reports the short when it reaches the counter electrode.
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
    /** Electrolyte between the window's top and the counter electrode, m (geometry.electrolyte_beyond_top). */
    private final double beyondTop_m;
    private final int[] neighbours = new int[6];
    /** The hardest contact of the current {@link #hardest} call. */
    private int hardestCell;
    private double hardestRatio, hardestEta, hardestC;
    /** The largest -eta / eta_c over the contacts of the last {@link #hardest} call (0 without any, or when all strip). */
    private double peakRatio;
    /** Per lateral column (j nx + i), the contact that presses hardest in it at the last {@link #hardest} call (cell -1: none); empty without pores. */
    private final int[] columnCell;
    private final double[] columnRatio, columnEta, columnC;

    public LiIntrusion(Grid g, ModelParameters p, MaterialTable table, Parallel parallel, double electrolyteBeyondTop_m) {
        this.g = g;
        this.beyondTop_m = electrolyteBeyondTop_m;
        this.p = p;
        this.table = table;
        this.allenCahn = new AllenCahnUpdate(g, p, table, parallel);
        boolean any = false;
        for (int m = 0; m < table.size(); m++) any |= table.intrusionOverpotential_V[m] > 0 && table.freeFraction[m] > 0;
        this.active = any;
        this.dispersed = p.dispersedNucleation();
        // the contacts per column only where pores need them (docs/MODEL.md section 4.2.1)
        final int columns = any && java.util.Arrays.stream(table.pore).anyMatch(java.util.Objects::nonNull) ? g.nx * g.ny : 0;
        this.columnCell = new int[columns];
        this.columnRatio = new double[columns];
        this.columnEta = new double[columns];
        this.columnC = new double[columns];
    }

    /** Whether any material of the scenario has an intrusion limit (else {@link #hardest} never finds a contact). */
    public boolean active() {
        return active;
    }

    /**
     * A contact of Li with a brittle electrolyte: the electrolyte cell, the overpotential of the Li that
     * presses it, and the electrolyte's concentration and exchange current there (those of the Li /
     * electrolyte interface that a crack's walls form).
     */
    public record Contact(int cell, double overpotential_V, double c, double i0_A_per_m2, String material) {
        /** The short this contact's crack causes when it reaches the counter electrode (distance, m). */
        public ShortCircuitDetector.Short asShort(Grid g, double limit_V, double distance_m, boolean fromPore) {
            return ShortCircuitDetector.Short.at(g, cell, String.format(java.util.Locale.ROOT,
                    "Li intrusion into %s: a Li-filled crack from a %s pressed at plating overpotential %.1f mV (limit -%.1f mV) reached the counter electrode %.1f um away (docs/MODEL.md section %s)",
                    material, fromPore ? "pore its electronic leakage filled" : "flaw", overpotential_V * 1e3, limit_V * 1e3, distance_m * 1e6,
                    fromPore ? "4.2.1" : "4.2"));
        }
    }

    /**
     * The contact of Li with a brittle electrolyte that presses it hardest, the largest -eta / eta_c (the
     * first in index order among equals), or null where the metal touches none. A cell of a material
     * with a limit is in contact with Li where it is at the resolved metal surface (behind a film on the
     * metal the overpotential is that of the interface, eta + R_film i: the film's ohmic drop does not
     * press the Li), where it holds dispersed metal, or where a face neighbour holds dispersed metal (Li
     * nucleated in a host's pores against the electrolyte, docs/MODEL.md section 3.6), that metal's
     * overpotential pressing it.
     */
    public Contact hardest(FieldSet f) {
        if (!active) return null;
        hardestCell = -1;
        hardestRatio = Double.NEGATIVE_INFINITY;
        java.util.Arrays.fill(columnCell, -1);
        java.util.Arrays.fill(columnRatio, Double.NEGATIVE_INFINITY);
        for (int k = 0; k < g.nz; k++)
            for (int j = 0; j < g.ny; j++) {
                final int s = g.rowStart(j, k);
                for (int P = s; P < s + g.nx; P++) {
                    final int m = f.material[P];
                    final double limit = table.intrusionOverpotential_V[m];
                    if (!(limit > 0)) continue;
                    final double x = f.xi[P];
                    if (x >= SURFACE_MIN && x <= SURFACE_MAX) consider(P, surfaceOverpotential_V(f, P, m), f.c[P], limit);
                    if (!dispersed) continue;
                    dispersedContact(f, P, P, limit);
                    g.faceNeighbours(P, neighbours);
                    for (int N : neighbours) if (N >= 0) dispersedContact(f, P, N, limit);
                }
            }
        peakRatio = Math.max(0, hardestRatio);
        return hardestCell < 0 ? null : contact(f, hardestCell, hardestEta, hardestC);
    }

    private Contact contact(FieldSet f, int cell, double eta, double c) {
        final int m = f.material[cell];
        return new Contact(cell, eta, c, table.i0_A_per_m2[m], table.names[m]);
    }

    /** The lateral column (j nx + i) of a cell. */
    public int columnIndex(int cell) {
        final int lateral = cell % g.strideZ, i = lateral % g.sx - 1, j = g.is3D() ? lateral / g.sx - 1 : 0;
        return j * g.nx + i;
    }

    /**
     * The contact that pressed hardest in a lateral column (j nx + i) at the last {@link #hardest} call, or null where
     * the metal touched no brittle electrolyte there.
     */
    public Contact inColumn(FieldSet f, int column) {
        return columnCell[column] < 0 ? null : contact(f, columnCell[column], columnEta[column], columnC[column]);
    }

    /**
     * The plating current density on the walls of a crack fed by this contact, A/m^2 (negative: the Li
     * in it strips): Butler-Volmer at the contact's overpotential less the Li's pressure, eta + eta_p.
     */
    public double wallCurrent_A_per_m2(Contact contact, double pressureOverpotential_V) {
        return contact.i0_A_per_m2() * ButlerVolmer.depositionFactor(contact.overpotential_V() + pressureOverpotential_V, contact.c(), p.alpha(), p.f_per_V());
    }

    /** How far a crack from this contact has to run to the counter electrode, m: up through the window and beyond its top. */
    public double distanceToCounter_m(Contact contact) {
        final int k = contact.cell() / g.strideZ - 1;
        return (g.nz - k - 0.5) * g.dx_m + beyondTop_m;
    }

    /** The charge-transfer overpotential of the resolved surface in cell P (material m), behind a film that of the metal / film interface. */
    private double surfaceOverpotential_V(FieldSet f, int P, int m) {
        final double eta = allenCahn.overpotential(f, P), film = allenCahn.filmDrop_V(f, P, m), k = allenCahn.filmKinetics(f, P, m), c = f.c[P], x = f.xi[P];
        final double bv = ButlerVolmer.depositionFactor(eta, c, p.alpha(), p.f_per_V());
        return FilmButlerVolmer.interfaceOverpotential_V(eta, film, allenCahn.growthFactor(film, k, x, eta, c, bv), c, p.f_per_V());
    }

    /**
     * Dispersed metal in cell N against the electrolyte cell P (N = P: in P's own pores): N's
     * overpotential presses P's flaws (a host that is full deposits no more, yet its Li presses them).
     */
    private void dispersedContact(FieldSet f, int P, int N, double limit) {
        if (f.dispersed[N] > 0) consider(P, allenCahn.overpotential(f, N), f.c[P], limit);
    }

    /**
     * How close the Li presses the brittle electrolytes to their flaws' strength after the last {@link #hardest}:
     * the largest -eta / eta_c, i.e. Li pressure over the critical pressure K_Ic / sqrt(pi a), over all
     * contacts (1 and above: a crack can grow from the flaws; 0 without contacts).
     */
    public double lastPeakRatio() {
        return peakRatio;
    }

    private void consider(int P, double eta, double c, double limit) {
        final double ratio = -eta / limit;
        final int q = columnCell.length > 0 ? columnIndex(P) : -1;
        if (q >= 0 && ratio > columnRatio[q]) {
            columnCell[q] = P;
            columnRatio[q] = ratio;
            columnEta[q] = eta;
            columnC[q] = c;
        }
        if (ratio > hardestRatio) {
            hardestCell = P;
            hardestRatio = ratio;
            hardestEta = eta;
            hardestC = c;
        }
    }
}
