package org.lipf.postprocess.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntBinaryOperator;
import org.lipf.postprocess.metrics.CellBlock;

/**
 * Cuts a snapshot into the planes a picture shows: a 2D snapshot is one plane; a 3D snapshot gives
 * three orthogonal slices (x-z and y-z at the {@link SlicePositions}, by default mid y and mid x; x-y through the
 * metal front).
 */
public final class Planes {
    /** The axes of a vertical section along x (a 2D run's cross-section) and of a horizontal plane. */
    static final PanelAxes XZ = new PanelAxes("x", "z"), XY = new PanelAxes("x", "y");

    private Planes() {
    }

    /**
     * The planes of a snapshot: 2D the cross-section; 3D the x-z and y-z slices at {@code at} and the x-y
     * slice {@code xy} (both ignored in 2D).
     *
     * @param values the field in colour (display units), or null for the morphology
     */
    public static List<Plane> of(CellBlock b, double[] xi, byte[] material, double[] values, SlicePositions at, FrontSlice xy) {
        List<Plane> out = new ArrayList<>();
        if (!b.is3D()) {
            out.add(new Plane(b.nx(), b.nz(), b.dx_m(), xi, material, values, false, "x-z cross-section", XZ));
            return out;
        }
        int j = at.j(b), i = at.i(b);
        out.add(cut(b, b.nx(), b.nz(), (c, r) -> b.index(c, j, r), xi, material, values, false,
                (Double.isNaN(at.y_m()) ? "x-z mid-slice" : "x-z slice") + ", y = " + um(b, j), XZ));
        out.add(cut(b, b.ny(), b.nz(), (c, r) -> b.index(i, c, r), xi, material, values, false,
                (Double.isNaN(at.x_m()) ? "y-z mid-slice" : "y-z slice") + ", x = " + um(b, i), new PanelAxes("y", "z")));
        out.add(cut(b, b.nx(), b.ny(), (c, r) -> b.index(c, r, xy.k()), xi, material, values, true, xy.caption(), XY));
        return out;
    }

    /** The centre of a cell's row, column or plane {@code cell}, in um for captions. */
    static String um(CellBlock b, int cell) {
        return String.format(Locale.ROOT, "%.3g \u00b5m", (cell + 0.5) * b.dx_m() * 1e6);
    }

    private static Plane cut(CellBlock b, int cols, int rows, IntBinaryOperator cell, double[] xi, byte[] material, double[] values,
            boolean rowsPeriodic, String caption, PanelAxes axes) {
        double[] x = xi == null ? null : new double[cols * rows];
        byte[] m = material == null ? null : new byte[cols * rows];
        double[] v = values == null ? null : new double[cols * rows];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++) {
                int P = cell.applyAsInt(c, r), p = r * cols + c;
                if (x != null) x[p] = xi[P];
                if (m != null) m[p] = material[P];
                if (v != null) v[p] = values[P];
            }
        return new Plane(cols, rows, b.dx_m(), x, m, v, rowsPeriodic, caption, axes);
    }
}
