package org.lipf.postprocess.render;

/**
 * A 2D picture's worth of cells: the whole of a 2D snapshot, or one slice or projection of a 3D
 * one. Arrays have {@code cols * rows} entries, index {@code row * cols + col}, row 0 at the bottom
 * (the lowest z, or the lowest y of a horizontal slice). Columns are periodic (a lateral axis);
 * rows are periodic only for horizontal slices.
 *
 * @param cols cells across
 * @param rows cells up
 * @param dx_m cell size, m
 * @param xi order parameter, or null (a projection without metal)
 * @param material material ids, or null
 * @param subgridLi Li finer than the grid, as a volume fraction of each cell: a host's dispersed metal f_free delta
 *        and the Li at its faces (docs/MODEL.md sections 3.6, 3.6.1); null where the run has none
 * @param values the field shown in colour, display units, or null (morphology only)
 * @param rowsPeriodic whether the rows wrap around
 * @param caption what the plane is, e.g. "x-z mid-slice, y = 2.0 um"
 * @param axes the axes along its columns and rows, e.g. x and z
 */
public record Plane(int cols, int rows, double dx_m, double[] xi, byte[] material, double[] subgridLi, double[] values, boolean rowsPeriodic, String caption,
        PanelAxes axes) {
    public Plane {
        int n = cols * rows;
        if (cols < 1 || rows < 1) throw new IllegalArgumentException("plane needs at least one cell: " + cols + "x" + rows);
        if ((xi != null && xi.length != n) || (material != null && material.length != n)
                || (subgridLi != null && subgridLi.length != n) || (values != null && values.length != n))
            throw new IllegalArgumentException("plane arrays need " + n + " values");
    }

    /** Bilinear interpolation between cell centres at (x, y) in cell units (cell (c, r) has its centre at (c, r)). */
    static double sample(double[] a, int cols, int rows, boolean rowsPeriodic, double x, double y) {
        int c0 = (int) Math.floor(x), r0 = (int) Math.floor(y);
        double fx = x - c0, fy = y - r0;
        int ca = Math.floorMod(c0, cols), cb = Math.floorMod(c0 + 1, cols);
        int ra, rb;
        if (rowsPeriodic) {
            ra = Math.floorMod(r0, rows);
            rb = Math.floorMod(r0 + 1, rows);
        } else {
            ra = Math.max(0, Math.min(rows - 1, r0));
            rb = Math.max(0, Math.min(rows - 1, r0 + 1));
        }
        double bottom = a[ra * cols + ca] * (1 - fx) + a[ra * cols + cb] * fx;
        double top = a[rb * cols + ca] * (1 - fx) + a[rb * cols + cb] * fx;
        return bottom * (1 - fy) + top * fy;
    }

    /** Bilinear value of an array of this plane at (x, y) in cell units. */
    double sample(double[] a, double x, double y) {
        return sample(a, cols, rows, rowsPeriodic, x, y);
    }

    /** The cell that contains (x, y), cell units. */
    int cellAt(double x, double y) {
        int c = Math.max(0, Math.min(cols - 1, (int) Math.floor(x + 0.5)));
        int r = Math.max(0, Math.min(rows - 1, (int) Math.floor(y + 0.5)));
        return r * cols + c;
    }
}
