package org.lipf.solver;

import org.lipf.grid.Grid;
import org.lipf.grid.Parallel;
import org.lipf.model.FieldSet;
import org.lipf.model.MaterialTable;

/**
 * Per-step measures of the deposit (docs/MODEL.md section 7): metal volume per unit area,
 * front height and penetration into the electrolyte (the topmost layer).
 *
 * <p>The front of a column is the highest point where f_free xi crosses 1/2, interpolated
 * linearly between cell centres; the front height is the maximum over columns, from the
 * current collector.
 */
public final class DepositMetrics {
    private final Grid g;
    private final MaterialTable table;
    private final Parallel parallel;
    private final double electrolyteBase_m;
    private final double[] planeScratch;
    /** Whether the scenario has dispersed metal (docs/MODEL.md section 3.6) to count. */
    private final boolean dispersed;

    public DepositMetrics(Grid g, MaterialTable table, Parallel parallel, double electrolyteBase_m, boolean dispersed) {
        this.dispersed = dispersed;
        this.g = g;
        this.table = table;
        this.parallel = parallel;
        this.electrolyteBase_m = electrolyteBase_m;
        this.planeScratch = new double[g.nz];
    }

    /**
     * Li metal volume per unit lateral area, m^3/m^2 (= m of dense Li): resolved and dispersed, and the Li at host faces
     * (section 3.6.1; zero without them), in cell volumes of whatever cell holds it.
     */
    public double metalVolumePerArea_m(FieldSet f) {
        return dispersed ? perArea(f, f.xi) + perArea(f, f.dispersed) + perArea(f, f.faceLi, false) : perArea(f, f.xi);
    }

    /**
     * Metal growth rate integral(f_free (d xi/dt + d delta/dt)) dV / area, m/s; times n F c_s it is the
     * deposition current.
     */
    public double growthVelocity_m_per_s(FieldSet f) {
        return dispersed ? perArea(f, f.rate) + perArea(f, f.dispersedRate) : perArea(f, f.rate);
    }

    /** The resolved metal's part of {@link #growthVelocity_m_per_s}, integral(f_free d xi/dt) dV / area, m/s. */
    public double resolvedGrowthVelocity_m_per_s(FieldSet f) {
        return perArea(f, f.rate);
    }

    /** integral(f_free field) dV / area, a deterministic plane-ordered sum. */
    private double perArea(FieldSet f, double[] field) {
        return perArea(f, field, true);
    }

    /** integral(f_free field) dV / area, or integral(field) dV / area for a field in cell volumes ({@code byFreeFraction} false). */
    private double perArea(FieldSet f, double[] field, boolean byFreeFraction) {
        double sum = parallel.sumOverPlanes(g.nz, planeScratch, k -> {
            double s = 0;
            for (int j = 0; j < g.ny; j++) {
                final int start = g.rowStart(j, k);
                for (int P = start; P < start + g.nx; P++) s += byFreeFraction ? table.freeFraction[f.material[P]] * field[P] : field[P];
            }
            return s;
        });
        return sum * g.cellVolume_m3() / g.lateralArea();
    }

    /** Height of the highest metal front above the current collector, m (0 if there is no metal). */
    public double frontHeight_m(FieldSet f) {
        double best = 0;
        for (int j = 0; j < g.ny; j++)
            for (int i = 0; i < g.nx; i++) {
                for (int k = g.nz - 1; k >= 0; k--) {
                    final int P = g.index(i, j, k);
                    final double m = metal(f, P);
                    if (m < 0.5) continue;
                    double z = (k + 0.5) * g.dx_m;
                    if (k < g.nz - 1) {
                        final double above = metal(f, P + g.strideZ);
                        z += g.dx_m * (m - 0.5) / (m - above);
                    } else {
                        z = g.height_m();
                    }
                    best = Math.max(best, z);
                    break;
                }
            }
        return best;
    }

    /** The metal volume fraction of cell P, f_free (xi + delta) (dispersed metal included, docs/MODEL.md section 3.6). */
    private double metal(FieldSet f, int P) {
        return table.freeFraction[f.material[P]] * (dispersed ? f.xi[P] + f.dispersed[P] : f.xi[P]);
    }

    /** How far the front reaches into the electrolyte, m (0 while it stays below it). */
    public double penetration_m(double frontHeight_m) {
        return Math.max(0, frontHeight_m - electrolyteBase_m);
    }
}
