package org.lipf.postprocess.metrics;

/**
 * Connected pieces of Li metal (cells with f_free xi &gt; 1/2) under face connectivity: 4 neighbours
 * in 2D, 6 in 3D, periodic across the lateral sides like the solver's grid. A piece that touches the
 * collector plane ({@code k = 0}) is attached to the anode; the others are isolated nuclei or
 * dead Li. The cell is shorted when one piece reaches from the collector plane into the top band,
 * the cells {@code k >= nz - 1 - band} within one interface width of the counter boundary (the
 * solver's {@code ShortCircuitDetector}, docs/MODEL.md section 4).
 *
 * @param components number of connected metal pieces
 * @param isolated pieces that do not touch the collector plane
 * @param shorted whether a piece joins the collector plane to the top band
 */
public record MetalClusters(int components, int isolated, boolean shorted) {

    /**
     * Labels the metal pieces.
     *
     * @param topBandCells {@code band = max(1, ceil(interface width / dx))}, see {@link #topBandCells}
     */
    public static MetalClusters of(MetalDistribution d, int topBandCells) {
        CellBlock b = d.cells();
        int bandStart = Math.max(0, b.nz() - 1 - topBandCells);
        int[] label = new int[b.cellCount()];
        int[] queue = new int[b.cellCount()];
        int components = 0, isolated = 0;
        boolean shorted = false;
        for (int seed = 0; seed < label.length; seed++) {
            if (label[seed] != 0 || !d.isMetal(seed)) continue;
            components++;
            label[seed] = components;
            int head = 0, tail = 0;
            queue[tail++] = seed;
            boolean bottom = false, top = false;
            while (head < tail) {
                int P = queue[head++];
                int i = P % b.nx(), j = (P / b.nx()) % b.ny(), k = P / (b.nx() * b.ny());
                bottom |= k == 0;
                top |= k >= bandStart;
                int[] neighbours = {
                    b.index((i + 1) % b.nx(), j, k), b.index((i + b.nx() - 1) % b.nx(), j, k),
                    b.is3D() ? b.index(i, (j + 1) % b.ny(), k) : -1, b.is3D() ? b.index(i, (j + b.ny() - 1) % b.ny(), k) : -1,
                    k > 0 ? b.index(i, j, k - 1) : -1, k < b.nz() - 1 ? b.index(i, j, k + 1) : -1};
                for (int N : neighbours) {
                    if (N < 0 || label[N] != 0 || !d.isMetal(N)) continue;
                    label[N] = components;
                    queue[tail++] = N;
                }
            }
            if (!bottom) isolated++;
            shorted |= bottom && top;
        }
        return new MetalClusters(components, isolated, shorted);
    }

    /** The solver's top band: {@code max(1, ceil(interfaceWidth / dx))} cells. */
    public static int topBandCells(double interfaceWidth_m, double dx_m) {
        return Math.max(1, (int) Math.ceil(interfaceWidth_m / dx_m));
    }
}
