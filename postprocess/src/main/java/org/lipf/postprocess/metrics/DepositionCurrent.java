package org.lipf.postprocess.metrics;

/**
 * Where the current deposits Li: the local deposition current density of each column,
 * {@code i(x, y) = n F c_s sum_k f_free R dz} with R the reaction's part of d xi/dt (A/m^2, the same
 * charge the solver's galvanostatic control counts, docs/MODEL.md section 4), and the current constriction
 * {@code max i / mean i} (1 for a uniform front; large where a crack, a tip or a thin spot of a
 * coating draws the current).
 */
public final class DepositionCurrent {
    private DepositionCurrent() {
    }

    /**
     * @param d the metal (f_free per cell)
     * @param rate the reaction's d xi/dt per cell, 1/s (the snapshot's {@code reaction_rate})
     * @param chargeDensity_C_per_m3 n F c_s
     * @return the current density of each column, index j * nx + i, A/m^2
     */
    public static double[] columns_A_per_m2(MetalDistribution d, double[] rate, double chargeDensity_C_per_m3) {
        CellBlock c = d.cells();
        double[] col = new double[c.columnCount()];
        for (int k = 0; k < c.nz(); k++)
            for (int j = 0; j < c.ny(); j++)
                for (int i = 0; i < c.nx(); i++) {
                    int P = c.index(i, j, k);
                    col[j * c.nx() + i] += chargeDensity_C_per_m3 * d.freeFraction()[d.material()[P]] * rate[P] * c.dx_m();
                }
        return col;
    }

    /** max / mean of the column currents; NaN when the mean is not a deposition current (> 0). */
    public static double constriction(double[] columns_A_per_m2) {
        double max = Double.NEGATIVE_INFINITY, sum = 0;
        for (double v : columns_A_per_m2) {
            max = Math.max(max, v);
            sum += v;
        }
        double mean = sum / columns_A_per_m2.length;
        return mean > 0 ? max / mean : Double.NaN;
    }
}
