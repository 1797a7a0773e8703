package org.lipf.linear;

import org.lipf.grid.Grid;

/** Conductivity fields and helpers shared by the linear-solver tests. */
final class TestProblems {
    static final double SIGMA_LI_S_PER_M = 1.1e7;
    static final double SIGMA_ELECTROLYTE_S_PER_M = 1.19;

    private TestProblems() {}

    /**
     * A dendritic lithium deposit in electrolyte on the unit square (x periodic, z up), the same
     * physical shape at any resolution: a base film (z &lt; 0.08), five vertical fingers with
     * slanted sides, different heights and rounded tips, a side branch, and one floating lithium
     * blob. Interfaces are not aligned with any coarse grid.
     */
    static boolean inDendrite(double x, double z) {
        if (z < 0.08) return true;
        double[] cx = {0.11, 0.29, 0.47, 0.68, 0.86};
        double[] top = {0.55, 0.31, 0.72, 0.44, 0.63};
        double[] w = {0.035, 0.05, 0.028, 0.061, 0.04};
        for (int f = 0; f < cx.length; f++) {
            double centre = cx[f] + 0.07 * (z - 0.08) * (f % 2 == 0 ? 1 : -1); // slanted finger
            double half = w[f] * (1 - 0.4 * z / top[f]); // tapering
            if (z < top[f] && Math.abs(x - centre) < half) return true;
            double tz = top[f], tx = cx[f] + 0.07 * (tz - 0.08) * (f % 2 == 0 ? 1 : -1);
            if (sq(x - tx) + sq(z - tz) < sq(w[f] * 0.7)) return true; // rounded tip
        }
        if (z > 0.3 && z < 0.33 && x > 0.47 && x < 0.62 - 0.3 * (z - 0.3)) return true; // side branch
        return sq(x - 0.2) + sq(z - 0.82) < sq(0.045); // floating blob
    }

    static double sq(double v) {
        return v * v;
    }

    /** Cell conductivities of the dendrite geometry on an nx x nz grid of the unit square (2D). */
    static double[] dendriteSigma(Grid g) {
        double[] s = g.newField();
        for (int k = 0; k < g.nz; k++)
            for (int j = 0; j < g.ny; j++)
                for (int i = 0; i < g.nx; i++) {
                    double x = (i + 0.5) / g.nx, z = (k + 0.5) / g.nz;
                    double y = (j + 0.5) / g.ny;
                    boolean metal = g.is3D() ? inDendrite((x + 0.3 * y) % 1.0, z) && inDendrite(y, z) || z < 0.08 : inDendrite(x, z);
                    s[g.index(i, j, k)] = metal ? SIGMA_LI_S_PER_M : SIGMA_ELECTROLYTE_S_PER_M;
                }
        return s;
    }

    /** Fills the interior with a deterministic pseudo-random function of (i, j, k). */
    static void fillPseudoRandom(Grid g, double[] f, long seed, double scale) {
        java.util.Random rnd = new java.util.Random(seed);
        for (int k = 0; k < g.nz; k++)
            for (int j = 0; j < g.ny; j++)
                for (int i = 0; i < g.nx; i++) f[g.index(i, j, k)] = scale * (rnd.nextDouble() - 0.5);
    }

    static double maxAbsDiff(Grid g, double[] a, double[] b) {
        double m = 0;
        for (int k = 0; k < g.nz; k++)
            for (int j = 0; j < g.ny; j++)
                for (int i = 0; i < g.nx; i++) m = Math.max(m, Math.abs(a[g.index(i, j, k)] - b[g.index(i, j, k)]));
        return m;
    }
}
