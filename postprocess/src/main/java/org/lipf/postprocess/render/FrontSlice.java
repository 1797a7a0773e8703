package org.lipf.postprocess.render;

import java.util.Arrays;
import java.util.DoubleSummaryStatistics;
import org.lipf.postprocess.metrics.CellBlock;

/**
 * Which cell plane the x-y slice of a 3D picture shows: the one that cuts the metal front. The front
 * of a column is where f_free xi crosses 1/2 ({@link org.lipf.postprocess.metrics.FrontProfile}, the
 * solver's definition), so a plane of cells shows metal in the columns whose front lies above its
 * centres and none in the rest. The slice is the plane whose centres are nearest the middle of the
 * front's range (halfway between its lowest and highest column), but below its highest point: a
 * front flatter than a cell has no plane of centres inside its range, and the plane just above it
 * would show no metal at all, so it shows the metal's top plane instead. Without metal, mid-height.
 *
 * @param k the plane's cell index up from the collector
 * @param caption what the picture shows: where the plane lies against the front, and its height
 */
public record FrontSlice(int k, String caption) {
    /** The slice of a block whose columns have the front heights {@code front_m} (0: no metal in the column), m. */
    public static FrontSlice of(CellBlock b, double[] front_m) {
        DoubleSummaryStatistics h = Arrays.stream(front_m).summaryStatistics();
        if (!(h.getMax() > 0)) {
            int k = b.nz() / 2;
            return new FrontSlice(k, "x-y mid-slice, z = " + Planes.um(b, k) + " (no metal)");
        }
        double dx = b.dx_m();
        int nearestMiddle = (int) Math.floor(0.5 * (h.getMin() + h.getMax()) / dx);
        int belowTop = (int) Math.ceil(h.getMax() / dx - 0.5) - 1; // the highest plane whose centres lie below the highest front
        int k = Math.max(0, Math.min(b.nz() - 1, Math.min(nearestMiddle, belowTop)));
        double z = (k + 0.5) * dx;
        // the caption says which case the plane is: through the front, or its top cells under a flat one
        String where = z >= h.getMin() && z < h.getMax() ? "through the front" : "just under the front";
        return new FrontSlice(k, "x-y slice " + where + ", z = " + Planes.um(b, k));
    }
}
