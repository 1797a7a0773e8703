package org.lipf.model;

import org.lipf.grid.Grid;

/**
 * The fields of docs/MODEL.md section 2 on one grid, as flat padded arrays (see {@link Grid}).
 *
 * <p>In the single-potential form {@code phiS} and {@code phiL} are the same array (Chen 2015's
 * one potential). {@code xiNext} and {@code cNext} are the buffers an explicit step writes into;
 * they are swapped with {@code xi} and {@code c}, never copied.
 */
public final class FieldSet {
    public final Grid grid;
    /** Li metal order parameter. */
    public double[] xi;
    /** Li+ concentration / c0. */
    public double[] c;
    /** Ionic (electrolyte) potential, V. */
    public final double[] phiL;
    /** Electronic potential, V. */
    public final double[] phiS;
    /** d xi / dt of the last step, 1/s. */
    public final double[] rate;
    /**
     * Dispersed sub-grid metal as a fraction of the free volume, delta (docs/MODEL.md section 3.6; zero
     * unless the scenario nucleates into it): the cell's metal fraction is f_free (h(xi) + delta).
     */
    public double[] dispersed;
    /** d delta / dt of the last step, 1/s (charge n F c_s f_free per unit, as {@code rate}). */
    public final double[] dispersedRate;
    /** The dispersed fraction a step writes; swapped with {@code dispersed} by {@link #swapDispersed}. */
    public double[] dispersedNext;
    /**
     * Li collected at the faces where a host meets an ion conductor beyond the host's pores, in cell volumes, kept
     * in the conductor's cell (docs/MODEL.md section 3.6.1; zero unless the scenario has model.nucleation.face_reaction).
     */
    public final double[] faceLi;
    /** Static material id per cell (ghosts filled periodic / zero gradient). */
    public final byte[] material;
    public double[] xiNext;
    public double[] cNext;
    /**
     * Area resistance of the film the metal surface carries in each lateral column, ohm m^2, at
     * {@code P % grid.strideZ} for cell P (docs/MODEL.md section 1.2; zero without a film). Static,
     * like {@code material}.
     */
    public final double[] filmResistance_ohm_m2;
    /**
     * Exchange current density of the metal / film interface in each lateral column, A/m^2, indexed like
     * {@link #filmResistance_ohm_m2} (zero where no film covers the column: the reaction keeps its
     * cell's i0). Static.
     */
    public final double[] filmExchangeCurrent_A_per_m2;
    /**
     * The fraction of the metal surface in each lateral column that touches the electrolyte, indexed like
     * {@link #filmResistance_ohm_m2}: 1, or less where voids opened as the metal stripped faster than its Li
     * supply (docs/MODEL.md section 4.3). The reaction runs on that fraction of the area.
     */
    public final double[] contactFraction;

    public FieldSet(Grid grid, byte[] material, boolean singlePotential) {
        this.grid = grid;
        this.material = material;
        this.xi = grid.newField();
        this.c = grid.newField();
        this.phiL = grid.newField();
        this.phiS = singlePotential ? phiL : grid.newField();
        this.rate = grid.newField();
        this.dispersed = grid.newField();
        this.dispersedRate = grid.newField();
        this.dispersedNext = grid.newField();
        this.faceLi = grid.newField();
        this.xiNext = grid.newField();
        this.cNext = grid.newField();
        this.filmResistance_ohm_m2 = new double[grid.strideZ];
        this.filmExchangeCurrent_A_per_m2 = new double[grid.strideZ];
        this.contactFraction = new double[grid.strideZ];
        java.util.Arrays.fill(contactFraction, 1);
    }

    public boolean singlePotential() {
        return phiS == phiL;
    }

    /** Makes the freshly computed xi and c current. */
    public void swapNext() {
        swapXi();
        double[] t = c;
        c = cNext;
        cNext = t;
    }

    /** Makes the freshly computed dispersed metal current. */
    public void swapDispersed() {
        double[] t = dispersed;
        dispersed = dispersedNext;
        dispersedNext = t;
    }

    /** Makes the freshly computed xi current. */
    public void swapXi() {
        double[] t = xi;
        xi = xiNext;
        xiNext = t;
    }
}
