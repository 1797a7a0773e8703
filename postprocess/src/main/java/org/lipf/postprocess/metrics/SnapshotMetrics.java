package org.lipf.postprocess.metrics;

/**
 * The measures of one snapshot (a row of {@code metrics.csv}). Volumes and areas are per unit
 * collector area (in 2D per unit width): a volume per area is a thickness of dense Li.
 *
 * @param step time-step index
 * @param time_s simulated time, s
 * @param metalVolume_m Li metal volume per area {@code sum f_free xi dV / A}, m ({@link DepositVolume})
 * @param depositedVolume_m increase of the metal volume since the start of the run, m
 * @param frontHeight_m highest metal front above the current collector, m ({@link FrontProfile})
 * @param penetration_m how far the metal reaches into the electrolyte (the topmost layer): the front above its base, plus
 *     the radius of the Li-filled crack that grows from it (solver docs/MODEL.md section 4.2), m
 * @param roughness_m rms deviation of the column front heights from their mean, m
 * @param interfaceArea metal surface area per collector area ({@link InterfaceArea}), 1
 * @param metalComponents connected metal pieces ({@link MetalClusters})
 * @param isolatedComponents pieces not attached to the collector plane
 * @param shorted the cell is shorted: metal bridges collector and counter boundary, or the solver recorded a short in the
 *     snapshot (a Li-filled crack through the electrolyte, docs/MODEL.md section 4.2, which no metal field shows)
 * @param layerShares share of the deposited Li in each layer, bottom up ({@link DepositShares}), 1
 * @param materialShares share of the deposited Li in each material, by material id, 1
 * @param maxLocalCurrent_A_per_m2 the column current density farthest in the mean's direction ({@link DepositionCurrent#peak_A_per_m2}:
 *     the largest deposition current, or where the metal strips the fastest stripping, negative), NaN without a rate or a current
 * @param currentConstriction its ratio to the mean (1 = uniform), NaN without a rate or a current
 */
public record SnapshotMetrics(
        long step,
        double time_s,
        double metalVolume_m,
        double depositedVolume_m,
        double frontHeight_m,
        double penetration_m,
        double roughness_m,
        double interfaceArea,
        int metalComponents,
        int isolatedComponents,
        boolean shorted,
        double[] layerShares,
        double[] materialShares,
        double maxLocalCurrent_A_per_m2,
        double currentConstriction) {

    public SnapshotMetrics {
        layerShares = layerShares.clone();
        materialShares = materialShares.clone();
    }

    @Override
    public double[] layerShares() {
        return layerShares.clone();
    }

    @Override
    public double[] materialShares() {
        return materialShares.clone();
    }

    /**
     * Measures a metal distribution.
     *
     * @param xiInitial xi of the run's first snapshot (for the layer shares)
     * @param initialMetalVolume_m metal volume per area at the start of the run, m
     * @param electrolyteBase_m height of the bottom of the topmost layer, m
     * @param crackRadius_m radius of the snapshot's Li-filled crack while it holds Li, m (0 without one)
     * @param topBandCells the short-circuit band, {@link MetalClusters#topBandCells}
     * @param layerCells {@code [k0, k1)} per layer, bottom up
     * @param rate where the reaction deposits Li per cell, 1/s ({@link RunMetrics#depositionRate}), or null if the snapshot has none
     * @param chargeDensity_C_per_m3 n F c_s of the run
     * @param shortRecorded whether the solver recorded a short at this snapshot
     */
    public static SnapshotMetrics of(long step, double time_s, MetalDistribution d, double[] xiInitial, double initialMetalVolume_m,
            double electrolyteBase_m, double crackRadius_m, int topBandCells, int[][] layerCells, double[] rate, double chargeDensity_C_per_m3,
            boolean shortRecorded) {
        double metal = DepositVolume.metalVolumePerArea_m(d);
        double[] heights = FrontProfile.columnHeights_m(d);
        double front = FrontProfile.maxHeight_m(heights);
        MetalClusters clusters = MetalClusters.of(d, topBandCells);
        double[] columns = rate == null ? null : DepositionCurrent.columns_A_per_m2(d, rate, chargeDensity_C_per_m3);
        double maxCurrent = columns == null ? Double.NaN : DepositionCurrent.peak_A_per_m2(columns);
        return new SnapshotMetrics(step, time_s, metal, metal - initialMetalVolume_m, front, Math.max(0, front - electrolyteBase_m) + crackRadius_m,
                FrontProfile.roughness_m(heights), InterfaceArea.perLateralArea(d), clusters.components(), clusters.isolated(),
                clusters.shorted() || shortRecorded, DepositShares.byLayer(d, xiInitial, layerCells),
                DepositShares.byMaterial(d, xiInitial), maxCurrent, columns == null ? Double.NaN : DepositionCurrent.constriction(columns));
    }
}
