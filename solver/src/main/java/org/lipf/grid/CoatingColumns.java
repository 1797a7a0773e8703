package org.lipf.grid;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.lipf.scenario.CoatingSpec;

/**
 * A coating per lateral column ({@link CoatingSpec}, docs/MODEL.md section 1): its local thickness,
 * index {@code j * nx + i}, m (0 where bare): the seeded thickness field clipped at 0, coverage
 * patches, pinholes and cracks; and which way its cracks ran, for the geometry report. A pure
 * function of the coating and the grid, so a restarted run rebuilds the same film.
 *
 * @param thickness_m local thickness per column, m
 * @param cracksAlongX cracks that run along x (a strip of columns at one y; 3D only)
 * @param cracksAlongY cracks that run along y (a strip of columns at one x; every 2D crack)
 */
record CoatingColumns(double[] thickness_m, int cracksAlongX, int cracksAlongY) {
    static CoatingColumns of(CoatingSpec co, Grid g) {
        int nx = g.nx, ny = g.ny, cols = nx * ny;
        double dx = g.dx_m;
        SplittableRandom rng = new SplittableRandom(co.seed());
        long thicknessSeed = rng.nextLong(), patchSeed = rng.nextLong();
        double[] t = new double[cols];
        double[] field = co.thicknessRsd() > 0 ? LateralRandomField.sample(nx, ny, dx, co.correlationLength_m(), thicknessSeed) : new double[cols];
        for (int q = 0; q < cols; q++) t[q] = Math.max(0, co.thickness_m() * (1 + co.thicknessRsd() * field[q]));
        if (co.coverage() < 1) bareOutsidePatches(t, LateralRandomField.sample(nx, ny, dx, co.patchSize_m(), patchSeed), co.coverage());
        double W = nx * dx, D = ny * dx;
        for (int p = 0; p < co.pinholes(); p++) {
            double x = rng.nextDouble() * W, y = g.is3D() ? rng.nextDouble() * D : 0, r = co.pinholeDiameter_m() / 2 * (1 + 1e-9);
            for (int q = 0; q < cols; q++) {
                double ddx = GeometryBuilder.periodicDistance((q % nx + 0.5) * dx, x, W);
                double ddy = g.is3D() ? GeometryBuilder.periodicDistance((q / nx + 0.5) * dx, y, D) : 0;
                if (ddx * ddx + ddy * ddy <= r * r) t[q] = 0;
            }
        }
        int alongYCount = 0;
        for (int p = 0; p < co.cracks(); p++) {
            // drawn also where the key fixes it, so that fixing the direction moves no crack (CoatingSpec)
            boolean drawnAlongY = g.is3D() && rng.nextBoolean();
            boolean alongY = !g.is3D() || co.crackDirection() == CoatingSpec.CrackDirection.Y // a 2D crack is a gap in x
                    || (co.crackDirection() == CoatingSpec.CrackDirection.RANDOM && drawnAlongY);
            if (alongY) alongYCount++;
            double pos = rng.nextDouble() * (alongY ? W : D), hw = co.crackWidth_m() / 2 * (1 + 1e-9);
            for (int q = 0; q < cols; q++) {
                double centre = ((alongY ? q % nx : q / nx) + 0.5) * dx;
                if (GeometryBuilder.periodicDistance(centre, pos, alongY ? W : D) <= hw) t[q] = 0;
            }
        }
        return new CoatingColumns(t, co.cracks() - alongYCount, alongYCount);
    }

    /** Sets t = 0 outside the round(coverage * columns) columns of highest patch field value (ties to the lower index). */
    static void bareOutsidePatches(double[] t, double[] patch, double coverage) {
        int n = t.length;
        Integer[] order = new Integer[n];
        for (int q = 0; q < n; q++) order[q] = q;
        Arrays.sort(order, (a, b) -> patch[a] != patch[b] ? Double.compare(patch[b], patch[a]) : Integer.compare(a, b));
        long keep = Math.round(coverage * n);
        for (int r = (int) keep; r < n; r++) t[order[r]] = 0;
    }
}
