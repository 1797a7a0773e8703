package org.lipf.postprocess.metrics;

/**
 * Where the current deposits Li: the local deposition current density of each column,
 * {@code i(x, y) = n F c_s sum_k f_free R dz} with R the reaction's part of d xi/dt (A/m^2, the same
 * charge the solver's galvanostatic control counts, docs/MODEL.md section 4), and the current constriction
 * {@code max i / mean i} (1 for a uniform front; large where a crack, a tip or a thin spot of a
 * coating draws the current). Where the metal strips (a negative mean) both are taken in the mean's
 * direction: the column that strips fastest, and its current over the mean (where the contact left to
 * voids or a crack in a film concentrates the stripping).
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

    /** The column current farthest in the mean's direction (the largest where the metal deposits, the most negative where it strips), A/m^2; NaN without a current. */
    public static double peak_A_per_m2(double[] columns_A_per_m2) {
        final double direction = Math.signum(mean(columns_A_per_m2));
        if (!(direction != 0)) return Double.NaN;
        double peak = Double.NaN;
        for (double v : columns_A_per_m2) if (!(direction * v <= direction * peak)) peak = v;
        return peak;
    }

    /** The peak column current over the mean ({@link #peak_A_per_m2}): 1 for a uniform front; NaN without a current. */
    public static double constriction(double[] columns_A_per_m2) {
        return peak_A_per_m2(columns_A_per_m2) / mean(columns_A_per_m2);
    }

    private static double mean(double[] columns_A_per_m2) {
        double sum = 0;
        for (double v : columns_A_per_m2) sum += v;
        return sum / columns_A_per_m2.length;
    }
}
