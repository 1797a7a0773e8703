package org.lipf.postprocess.metrics;

/**
 * Li metal volume per unit collector area, {@code V/A = sum_cells (f_free xi + face Li) dV / A}, in m^3/m^2 (m
 * of dense Li; 1 um of dense Li carries 0.2 mAh/cm^2). The same sum as the solver's
 * {@code metal_volume_m3_per_m2}; the deposited volume is its increase since the start of the run.
 */
public final class DepositVolume {
    private DepositVolume() {
    }

    /** Metal volume per lateral area, m. */
    public static double metalVolumePerArea_m(MetalDistribution d) {
        double s = 0;
        for (int P = 0; P < d.xi().length; P++) s += d.liVolume(P);
        return s * d.cells().cellVolume() / d.cells().lateralArea();
    }
}
