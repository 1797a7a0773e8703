package org.lipf.postprocess.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntBinaryOperator;
import org.lipf.postprocess.metrics.CellBlock;

/**
 * Cuts a snapshot into the planes a picture shows: a 2D snapshot is one plane; a 3D snapshot gives
 * three orthogonal slices at the {@link SlicePositions} (x-z and y-z, by default mid y and mid x; x-y, by default
 * through the metal front), in that order.
 */
public final class Planes {
    /** The axes of a vertical section along x (a 2D run's cross-section) and of a horizontal plane. */
    static final PanelAxes XZ = new PanelAxes("x", "z"), XY = new PanelAxes("x", "y");
    /** Where {@link #of} lists a 3D snapshot's x-y slice (its x-z slice comes first, as a 2D snapshot's one plane). */
    static final int XY_SLICE = 2;

    private Planes() {
    }

    /**
     * The planes of a snapshot: 2D the cross-section; 3D the x-z, y-z and x-y slices at {@code at}, the x-y slice
     * {@code front} where {@code at} puts it at no height (both ignored in 2D).
     *
     * @param subgridLi the Li finer than the grid per cell ({@link Plane#subgridLi}), or null
     * @param values the field in colour (display units), or null for the morphology
     */
    public static List<Plane> of(CellBlock b, double[] xi, byte[] material, double[] subgridLi, double[] values, SlicePositions at, FrontSlice front) {
        List<Plane> out = new ArrayList<>();
        if (!b.is3D()) {
            out.add(new Plane(b.nx(), b.nz(), b.dx_m(), xi, material, subgridLi, values, false, "x-z cross-section", XZ));
            return out;
        }
        int j = at.j(b), i = at.i(b);
        out.add(cut(b, b.nx(), b.nz(), (c, r) -> b.index(c, j, r), xi, material, subgridLi, values, false,
                (Double.isNaN(at.y_m()) ? "x-z mid-slice" : "x-z slice") + ", y = " + um(b, j), XZ));
        out.add(cut(b, b.ny(), b.nz(), (c, r) -> b.index(i, c, r), xi, material, subgridLi, values, false,
                (Double.isNaN(at.x_m()) ? "y-z mid-slice" : "y-z slice") + ", x = " + um(b, i), new PanelAxes("y", "z")));
        int k = at.atHeight() ? at.k(b) : front.k();
        out.add(cut(b, b.nx(), b.ny(), (c, r) -> b.index(c, r, k), xi, material, subgridLi, values, true,
                at.atHeight() ? "x-y slice, z = " + um(b, k) : front.caption(), XY));
        return out;
    }

    /** The centre of a cell's row, column or plane {@code cell}, in um for captions. */
    static String um(CellBlock b, int cell) {
        return String.format(Locale.ROOT, "%.3g \u00b5m", (cell + 0.5) * b.dx_m() * 1e6);
    }

    private static Plane cut(CellBlock b, int cols, int rows, IntBinaryOperator cell, double[] xi, byte[] material, double[] subgridLi,
            double[] values, boolean rowsPeriodic, String caption, PanelAxes axes) {
        byte[] m = null;
        if (material != null) {
            m = new byte[cols * rows];
            for (int r = 0; r < rows; r++)
                for (int c = 0; c < cols; c++) m[r * cols + c] = material[cell.applyAsInt(c, r)];
        }
        return new Plane(cols, rows, b.dx_m(), cut(xi, cols, rows, cell), m, cut(subgridLi, cols, rows, cell), cut(values, cols, rows, cell),
                rowsPeriodic, caption, axes);
    }

    /** The plane's values of a cell array, row r and column c at {@code r cols + c}; null for null. */
    private static double[] cut(double[] a, int cols, int rows, IntBinaryOperator cell) {
        if (a == null) return null;
        double[] out = new double[cols * rows];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++) out[r * cols + c] = a[cell.applyAsInt(c, r)];
        return out;
    }
}
