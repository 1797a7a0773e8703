package org.lipf.postprocess.metrics;

/**
 * Area of the metal surface per unit collector area (1 for a flat front; 2D: length per width),
 * from the diffuse interface: {@code sum_cells |grad xi| dV / A}. For any profile that goes
 * monotonically from 1 to 0 along z the sum is exactly 1, however sharp or wide, so the value counts
 * interface area, not interface width. Gradients are central differences, periodic in x and y, with
 * the zero-flux (mirror) ghost value at the collector and the counter boundary.
 */
public final class InterfaceArea {
    private InterfaceArea() {
    }

    /** Interface area per lateral area, 1. */
    public static double perLateralArea(MetalDistribution d) {
        CellBlock b = d.cells();
        double[] xi = d.xi();
        double sum = 0;
        for (int k = 0; k < b.nz(); k++) {
            int kd = Math.max(k - 1, 0), ku = Math.min(k + 1, b.nz() - 1);
            for (int j = 0; j < b.ny(); j++) {
                int js = (j + b.ny() - 1) % b.ny(), jn = (j + 1) % b.ny();
                for (int i = 0; i < b.nx(); i++) {
                    int iw = (i + b.nx() - 1) % b.nx(), ie = (i + 1) % b.nx();
                    double gx = xi[b.index(ie, j, k)] - xi[b.index(iw, j, k)];
                    double gy = b.is3D() ? xi[b.index(i, jn, k)] - xi[b.index(i, js, k)] : 0;
                    double gz = xi[b.index(i, j, ku)] - xi[b.index(i, j, kd)];
                    sum += Math.sqrt(gx * gx + gy * gy + gz * gz) / (2 * b.dx_m());
                }
            }
        }
        return sum * b.cellVolume() / b.lateralArea();
    }
}
