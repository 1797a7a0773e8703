package org.lipf.solver;

import org.lipf.grid.Grid;
import org.lipf.grid.Percolation;
import org.lipf.kernels.cpu.PotentialCoefficients;
import org.lipf.model.FieldSet;
import org.lipf.model.MaterialTable;

/**
 * Metal that no path of metallic conductors joins to the current collector (docs/MODEL.md section 5.4.1): a piece of
 * Li placed in an electrolyte, or behind a poor electron conductor. Its electrons have (almost) no way out, so it can
 * only plate on one side what it strips on the other, and its phi_s is set by that balance: a solve with the reaction
 * source lagged by a step cannot find it (a 1 um block went to -6.6 V against a cell voltage of -0.05 V, and a flaw
 * next to it "shorted"; behind an electrolyte of 1e-2 S/m it still went to -0.35 V), the coupled solve can. A
 * conductor is metal (metal fraction at least 1/2) or a material whose sigma_el is at least {@link #METALLIC} of the
 * metal's (a current collector such as Cu); the collector is the bottom face.
 */
final class FloatingMetal {
    private FloatingMetal() {}

    /** The share of the metal's electronic conductivity from which a material joins metal to the collector as metal does. */
    static final double METALLIC = 1e-3;

    /** Where metal floats: "N cells of metal, the first at x = ... um, z = ... um", or null where none does. */
    static String find(Grid g, FieldSet f, MaterialTable table, double metalConductivity_S_per_m) {
        final int nx = g.nx, ny = g.ny, planeCells = nx * ny;
        final double floor = METALLIC * metalConductivity_S_per_m;
        final int[] cluster = Percolation.clusters(nx, ny, g.nz, c -> {
            final int P = g.index(c % nx, (c / nx) % ny, c / planeCells), m = f.material[P];
            return metal(table, f, P) || table.sigmaEl_S_per_m[m] >= floor;
        });
        final boolean[] onCollector = new boolean[cluster.length];
        for (int c = 0; c < planeCells; c++)
            if (cluster[c] >= 0) onCollector[cluster[c]] = true;
        long floating = 0;
        int first = -1;
        for (int c = 0; c < cluster.length; c++) {
            if (cluster[c] < 0 || onCollector[cluster[c]] || !metal(table, f, g.index(c % nx, (c / nx) % ny, c / planeCells))) continue;
            if (floating++ == 0) first = c;
        }
        if (floating == 0) return null;
        final double um = g.dx_m * 1e6;
        final int i = first % nx, j = (first / nx) % ny, k = first / planeCells;
        return floating + " cell(s) of metal, the first at x = " + micrometres((i + 0.5) * um) + (g.is3D() ? ", y = " + micrometres((j + 0.5) * um) : "")
                + ", z = " + micrometres((k + 0.5) * um);
    }

    /** "0.05 um": three digits at most, no trailing zeros. */
    private static String micrometres(double value) {
        return new java.math.BigDecimal(String.format(java.util.Locale.ROOT, "%.3g", value)).stripTrailingZeros().toPlainString() + " um";
    }

    private static boolean metal(MaterialTable table, FieldSet f, int P) {
        return PotentialCoefficients.metalFraction(table.freeFraction[f.material[P]], f.xi[P], f.dispersed[P]) >= 0.5;
    }
}
