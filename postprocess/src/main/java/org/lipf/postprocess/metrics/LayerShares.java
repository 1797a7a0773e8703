package org.lipf.postprocess.metrics;

/**
 * Where the deposited Li went: the share of the deposited metal volume that lies in each layer of
 * the scenario (horizontal bands of cells, {@code GeometrySpec.layerCells}), i.e.
 * {@code sum_{cells in layer} f_free (xi - xi_0) / sum_{all cells} f_free (xi - xi_0)} with xi_0
 * the run's first snapshot. The shares add up to 1; they are NaN while nothing has been deposited
 * (a total below {@link #MIN_DEPOSIT_CELLS} of a cell's volume).
 */
public final class LayerShares {
    /** Deposits below this many cell volumes count as none (noise and interface relaxation). */
    public static final double MIN_DEPOSIT_CELLS = 1e-6;

    private LayerShares() {
    }

    /**
     * @param xiInitial xi of the first snapshot, same layout
     * @param layerCells {@code [k0, k1)} per layer, from the bottom up
     */
    public static double[] shares(MetalDistribution d, double[] xiInitial, int[][] layerCells) {
        CellBlock b = d.cells();
        int plane = b.nx() * b.ny();
        double[] perLayer = new double[layerCells.length];
        double total = 0;
        for (int l = 0; l < layerCells.length; l++) {
            for (int P = layerCells[l][0] * plane; P < layerCells[l][1] * plane; P++)
                perLayer[l] += d.freeFraction()[d.material()[P]] * (d.xi()[P] - xiInitial[P]);
            total += perLayer[l];
        }
        for (int l = 0; l < perLayer.length; l++) perLayer[l] = total > MIN_DEPOSIT_CELLS ? perLayer[l] / total : Double.NaN;
        return perLayer;
    }
}
