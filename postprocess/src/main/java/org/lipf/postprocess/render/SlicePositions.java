package org.lipf.postprocess.render;

import org.lipf.postprocess.Decimals;
import org.lipf.postprocess.RunFolderException;
import org.lipf.postprocess.metrics.CellBlock;

/**
 * Where the slices of a 3D picture cut ({@code lipf render --slice-x/--slice-y/--slice-z}, {@code lipf compare
 * --slice-y/--slice-z}): the y-z slice at x = {@code x_m}, the x-z slice at y = {@code y_m}, the x-y slice at the height
 * z = {@code z_m} above the current collector, each the plane of cells that holds that position; NaN for the default:
 * the mid-planes across, the plane through the metal front ({@link FrontSlice}) along z. A crack or pinhole off the
 * middle of the window shows in a slice only where the slice is put through it; a plane at a fixed height shows the
 * metal inside an interlayer, or just above the Li, whatever the front does.
 *
 * @param x_m where the y-z slice cuts x, m from the domain's corner, or NaN
 * @param y_m where the x-z slice cuts y, m from the domain's corner, or NaN
 * @param z_m where the x-y slice cuts z, m above the current collector, or NaN
 */
public record SlicePositions(double x_m, double y_m, double z_m) {
    /** The vertical slices through the middle of the window, the x-y slice through the front. */
    public static final SlicePositions MID = new SlicePositions(Double.NaN, Double.NaN, Double.NaN);

    /** The plane index i of the y-z slice. */
    int i(CellBlock b) {
        return cell(x_m, b.nx(), b.dx_m());
    }

    /** The plane index j of the x-z slice. */
    int j(CellBlock b) {
        return cell(y_m, b.ny(), b.dx_m());
    }

    /** Whether the x-y slice is put at a height (rather than through the front). */
    public boolean atHeight() {
        return !Double.isNaN(z_m);
    }

    /** The plane index k of an x-y slice {@link #atHeight}. */
    int k(CellBlock b) {
        return cell(z_m, b.nz(), b.dx_m());
    }

    private static int cell(double at_m, int n, double dx_m) {
        // a position on a face between two cells is the upper one's, also where the division rounds below (123.25 um / 0.25 um = 492.99...)
        return Double.isNaN(at_m) ? n / 2 : Math.min(n - 1, (int) Math.floor(at_m / dx_m * (1 + 1e-12)));
    }

    /** Refuses a position outside the window of {@code what} (a run's folder), which is 0 to n dx along each axis. */
    public void check(CellBlock b, Object what) throws RunFolderException {
        check("--slice-x", "x", x_m, b.nx() * b.dx_m(), what);
        check("--slice-y", "y", y_m, b.ny() * b.dx_m(), what);
        check("--slice-z", "z", z_m, b.nz() * b.dx_m(), what);
    }

    private static void check(String option, String axis, double at_m, double width_m, Object what) throws RunFolderException {
        if (Double.isNaN(at_m) || at_m >= 0 && at_m <= width_m * (1 + 1e-12)) return;
        throw new RunFolderException(option + " " + um(at_m) + ": outside the window of " + what + ", " + axis + " from 0 to " + um(width_m));
    }

    private static String um(double m) {
        return Images.trim(Decimals.format("%.4g", m * 1e6)) + " \u00b5m";
    }
}
