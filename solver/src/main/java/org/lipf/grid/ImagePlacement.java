package org.lipf.grid;

import java.util.ArrayList;
import java.util.List;
import org.lipf.scenario.PhysicalQuantity;
import org.lipf.scenario.ScenarioLoader;

/**
 * Where a voxel image placed at an offset lies against the domain, axis by axis (x, z, and y for a
 * 3D image; a 2D image is extruded along y). Cells sample the image at their centres, so the part
 * outside the domain is dropped: an image that covers no cell centre is an error, and one that
 * reaches past the domain is reported, since a wrong voxel_size or offset otherwise shows only in
 * the run (a 10x voxel_size silently covers the whole cell, the anode included).
 */
public final class ImagePlacement {
    private final List<Axis> axes = new ArrayList<>();

    /** One axis: the image spans [start, start + length), the domain [0, cells dx). */
    private record Axis(String name, double start, double length, int cells, double dx) {
        double end() {
            return start + length;
        }

        double domain() {
            return cells * dx;
        }

        /** Whether [start, end) holds a cell centre (k + 0.5) dx, k in [0, cells). */
        boolean coversACentre() {
            int k = Math.max(0, (int) Math.ceil(start / dx - 0.5));
            return k < cells && (k + 0.5) * dx < end();
        }

        /** Length outside [0, domain), ignoring rounding (a 0.15 um voxel times 40 is not exactly 6 um). */
        double outside() {
            double tol = 1e-9 * Math.max(length, domain());
            double before = Math.max(0, -start), after = Math.max(0, end() - domain());
            return (before > tol ? before : 0) + (after > tol ? after : 0);
        }

        String span() {
            return name + " " + um(start) + " to " + um(end());
        }
    }

    /**
     * @param voxel_m edge of a voxel
     * @param x_m, y_m, z_m where the image's corner (voxel [0][0][0], z up) is
     * @param nx, ny, nz, dx_m the grid
     */
    public ImagePlacement(VoxelImage img, double voxel_m, double x_m, double y_m, double z_m, int nx, int ny, int nz, double dx_m) {
        axes.add(new Axis("x", x_m, img.nx * voxel_m, nx, dx_m));
        if (img.is3D()) axes.add(new Axis("y", y_m, img.ny * voxel_m, ny, dx_m));
        axes.add(new Axis("z", z_m, img.nz * voxel_m, nz, dx_m));
    }

    /** Whether some cell centre lies in the image (along every axis). */
    public boolean coversACell() {
        return axes.stream().allMatch(Axis::coversACentre);
    }

    /** "the image spans x 1 um to 9 um, z 0 um to 1 um; the domain x 0 um to 6 um, z 0 um to 8 um", for messages. */
    public String spans() {
        List<String> image = new ArrayList<>(), domain = new ArrayList<>();
        for (Axis a : axes) {
            image.add(a.span());
            domain.add(a.name + " 0 um to " + um(a.domain()));
        }
        return "the image spans " + String.join(", ", image) + "; the domain " + String.join(", ", domain);
    }

    /** How much of the image lies outside the domain, per axis ("x: 2 um of its 8 um"), or "" if nothing does. */
    public String outside() {
        List<String> parts = new ArrayList<>();
        for (Axis a : axes)
            if (a.outside() > 0) parts.add(a.name + ": " + um(a.outside()) + " of its " + um(a.length));
        return String.join(", ", parts);
    }

    private static String um(double m) {
        return ScenarioLoader.fmt(m, PhysicalQuantity.LENGTH);
    }
}
