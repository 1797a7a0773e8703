package org.lipf.solver;

import org.lipf.grid.Grid;
import org.lipf.grid.SurfaceFilms;
import org.lipf.kernels.cpu.AllenCahnUpdate;
import org.lipf.model.FieldSet;
import org.lipf.model.MaterialTable;
import org.lipf.model.ModelParameters;
import org.lipf.scenario.MaterialSpec;
import org.lipf.scenario.Scenario;

/**
 * Voids at a stripping metal surface (docs/MODEL.md section 4.3). Li leaves the surface at i / (n F c_s)
 * where it strips; vacancy diffusion and creep bring Li back to it at most at the critical stripping
 * current i_s (of the metal, or of a film on it). What they cannot replace opens voids: per lateral column,
 * the void volume per area v (m) obeys
 *
 * <pre>
 *   dv/dt = (max(0, -i) - i_s) / (n F c_s),   v &gt;= 0,      theta = exp(-v / l_v)
 * </pre>
 *
 * with i the column's surface reaction current per nominal area (positive plating) and l_v the metal's void
 * depth; the supply closes voids at i_s also while the column plates or rests. The surface touches the
 * electrolyte on the fraction theta of its area, so the reaction (and a film's resistance) acts there
 * ({@link AllenCahnUpdate#filmKinetics}, {@link AllenCahnUpdate#filmDrop_V}): the next plating runs at
 * i / theta at the contacts, and the Li there presses the electrolyte's flaws harder (section 4.2). The
 * voids move with the metal's surface (a column property, like the films) and act only where the
 * scenario has a brittle solid electrolyte: a liquid or a polymer follows the metal.
 */
public final class StrippingVoids {
    private final Grid g;
    private final ModelParameters p;
    private final MaterialTable table;
    private final AllenCahnUpdate allenCahn;
    private final double voidDepth_m;
    /** The critical stripping current per lateral column (j * nx + i), A/m^2: a film's where one gives it, else the metal's. */
    private final double[] supply_A_per_m2;

    private StrippingVoids(Grid g, ModelParameters p, MaterialTable table, AllenCahnUpdate allenCahn, double voidDepth_m, double[] supply_A_per_m2) {
        this.g = g;
        this.p = p;
        this.table = table;
        this.allenCahn = allenCahn;
        this.voidDepth_m = voidDepth_m;
        this.supply_A_per_m2 = supply_A_per_m2;
    }

    /**
     * The voids of the scenario's metal, or null where its metal gives no void parameters or no material is a brittle solid.
     *
     * @param allenCahn the reaction terms on the host, to evaluate the surface's current
     */
    public static StrippingVoids of(Scenario s, Grid g, ModelParameters p, MaterialTable table, AllenCahnUpdate allenCahn) {
        String metalName = s.model().metalMaterial();
        MaterialSpec metal = metalName == null ? null : s.material(metalName);
        if (metal == null || !metal.formsVoids()) return null;
        boolean solid = false;
        for (MaterialSpec m : s.materials()) solid |= m.hasIntrusionLimit();
        if (!solid) return null;
        return new StrippingVoids(g, p, table, allenCahn, metal.voidDepth_m(),
                SurfaceFilms.criticalStrippingCurrentPerColumn_A_per_m2(s, g, metal.criticalStrippingCurrent_A_per_m2()));
    }

    /** theta = exp(-v / l_v). */
    public static double contactFraction(double voidVolume_m, double voidDepth_m) {
        return Math.exp(-voidVolume_m / voidDepth_m);
    }

    /** theta of a void volume v (m) at this metal's void depth. */
    public double contactFraction(double voidVolume_m) {
        return contactFraction(voidVolume_m, voidDepth_m);
    }

    /** v after dt at the column current i (A/m^2, positive plating) and supply i_s: v + (max(0, -i) - i_s) dt / (n F c_s), at least 0. */
    public static double nextVoidVolume_m(double voidVolume_m, double current_A_per_m2, double supply_A_per_m2, double chargeDensity_C_per_m3, double dt_s) {
        return Math.max(0, voidVolume_m + (Math.max(0, -current_A_per_m2) - supply_A_per_m2) * dt_s / chargeDensity_C_per_m3);
    }

    /** The number of lateral columns (the length of the void array in the state). */
    public int columns() {
        return g.nx * g.ny;
    }

    /**
     * Advances the void volume of every column over a step of dt at the surface current the fields carry
     * now, and writes the contact fractions into {@code f.contactFraction}.
     *
     * @param voidVolume_m per column (j * nx + i), m, updated in place
     */
    public void advance(FieldSet f, double[] voidVolume_m, double dt_s) {
        final double rho = p.chargeDensity_C_per_m3();
        for (int j = 0; j < g.ny; j++)
            for (int i = 0; i < g.nx; i++) {
                final int col = j * g.nx + i;
                voidVolume_m[col] = nextVoidVolume_m(voidVolume_m[col], surfaceCurrent_A_per_m2(f, i, j), supply_A_per_m2[col], rho, dt_s);
            }
        applyContact(f, voidVolume_m);
    }

    /** Writes theta of every column's void volume into {@code f.contactFraction} (at start-up and on restart). */
    public void applyContact(FieldSet f, double[] voidVolume_m) {
        for (int j = 0; j < g.ny; j++)
            for (int i = 0; i < g.nx; i++)
                f.contactFraction[g.index(i, j, 0) % g.strideZ] = contactFraction(voidVolume_m[j * g.nx + i]);
    }

    /**
     * The reaction current of column (i, j)'s metal surface per nominal area, A/m^2 (positive plating): n F c_s
     * times the integral over the column of f_free L_eta h'(xi) x, x the growth factor behind its film and on
     * its contact (the Butler-Volmer growth of docs/MODEL.md section 3.1, without nucleation away from the
     * surface).
     */
    public double surfaceCurrent_A_per_m2(FieldSet f, int i, int j) {
        double sum = 0;
        for (int k = 0; k < g.nz; k++) {
            final int P = g.index(i, j, k);
            sum += table.freeFraction[f.material[P]] * allenCahn.surfaceGrowthRate(f, P);
        }
        return p.chargeDensity_C_per_m3() * sum * g.dx_m;
    }
}
