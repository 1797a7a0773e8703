package org.lipf.postprocess.metrics;

/**
 * The metal front height per column (x, y), as the solver defines it (docs/MODEL.md section 7): in
 * each column, the highest point where the metal fraction f_free xi crosses 1/2, interpolated
 * linearly between the cell centres; a column with metal in its top cell reaches the full height; a
 * column without metal has height 0. Heights in m from the current collector.
 */
public final class FrontProfile {
    private FrontProfile() {
    }

    /** Front height of every column, index {@code j * nx + i}, m. */
    public static double[] columnHeights_m(MetalDistribution d) {
        CellBlock b = d.cells();
        double[] h = new double[b.columnCount()];
        for (int j = 0; j < b.ny(); j++)
            for (int i = 0; i < b.nx(); i++) h[j * b.nx() + i] = columnHeight_m(d, i, j);
        return h;
    }

    private static double columnHeight_m(MetalDistribution d, int i, int j) {
        CellBlock b = d.cells();
        for (int k = b.nz() - 1; k >= 0; k--) {
            double m = d.metalFraction(b.index(i, j, k));
            if (m < 0.5) continue;
            if (k == b.nz() - 1) return b.height_m();
            double above = d.metalFraction(b.index(i, j, k + 1));
            return (k + 0.5) * b.dx_m() + b.dx_m() * (m - 0.5) / (m - above);
        }
        return 0;
    }

    /** The highest front over all columns, m (0 without metal). */
    public static double maxHeight_m(double[] columnHeights_m) {
        double best = 0;
        for (double h : columnHeights_m) best = Math.max(best, h);
        return best;
    }

    /** Root-mean-square deviation of the column heights from their mean, m (0 for a flat front). */
    public static double roughness_m(double[] columnHeights_m) {
        double mean = 0;
        for (double h : columnHeights_m) mean += h;
        mean /= columnHeights_m.length;
        double var = 0;
        for (double h : columnHeights_m) var += (h - mean) * (h - mean);
        return Math.sqrt(var / columnHeights_m.length);
    }
}
