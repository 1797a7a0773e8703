package org.lipf.postprocess.metrics;

/**
 * Where the deposited Li went: the share of the metal gained since the start that lies in each layer of
 * the scenario (horizontal bands of cells, {@code GeometrySpec.layerCells}) or in each material. A group's
 * gain is {@code G = sum_{cells in the group} f_free (xi - xi_0)} with xi_0 the run's first snapshot, and its
 * share {@code max(0, G) / sum_groups max(0, G)}: a group that lost metal (stripped, or a nucleus whose metal
 * capillarity carried into the layer below) counts 0, so shares stay within [0, 1] and add up to 1, where the
 * net change divided by the net total went far outside them while metal moved between groups. The shares are
 * NaN while no Li has been deposited: a net deposit ({@code sum_groups G}) below {@link #MIN_DEPOSIT_CELLS} of a
 * cell's volume (a stripping run whose nucleus capillarity moves has gains, but no deposit to share).
 */
public final class DepositShares {
    /** Deposits below this many cell volumes count as none (noise and interface relaxation). */
    public static final double MIN_DEPOSIT_CELLS = 1e-6;

    private DepositShares() {
    }

    /**
     * Shares per layer.
     *
     * @param xiInitial xi of the first snapshot, same layout
     * @param layerCells {@code [k0, k1)} per layer, from the bottom up
     */
    public static double[] byLayer(MetalDistribution d, double[] xiInitial, int[][] layerCells) {
        CellBlock b = d.cells();
        int plane = b.nx() * b.ny();
        double[] perLayer = new double[layerCells.length];
        for (int l = 0; l < layerCells.length; l++)
            for (int P = layerCells[l][0] * plane; P < layerCells[l][1] * plane; P++) perLayer[l] += deposit(d, xiInitial, P);
        return normalised(perLayer);
    }

    /** Shares per material id (index into the snapshot's material names). */
    public static double[] byMaterial(MetalDistribution d, double[] xiInitial) {
        double[] perMaterial = new double[d.freeFraction().length];
        for (int P = 0; P < d.xi().length; P++) perMaterial[d.material()[P]] += deposit(d, xiInitial, P);
        return normalised(perMaterial);
    }

    /** Metal deposited in cell P since the start, in cell volumes (Li at host faces included: there is none at the start). */
    private static double deposit(MetalDistribution d, double[] xiInitial, int P) {
        final double resolved = d.freeFraction()[d.material()[P]] * (d.xi()[P] - xiInitial[P]);
        return d.faceLi() == null ? resolved : resolved + d.faceLi()[P];
    }

    /** The groups' gains as shares of the total gain, losses counting 0; NaN without a net deposit. */
    private static double[] normalised(double[] parts) {
        double net = 0, gained = 0;
        for (int n = 0; n < parts.length; n++) {
            net += parts[n];
            parts[n] = Math.max(0, parts[n]);
            gained += parts[n];
        }
        for (int n = 0; n < parts.length; n++) parts[n] = net > MIN_DEPOSIT_CELLS ? parts[n] / gained : Double.NaN;
        return parts;
    }
}
