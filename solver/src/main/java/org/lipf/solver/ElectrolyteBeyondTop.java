package org.lipf.solver;

import org.lipf.grid.Grid;
import org.lipf.model.MaterialTable;

/**
 * The electrolyte between the window's top and the counter electrode that the window does not hold
 * ({@code geometry.electrolyte_beyond_top}, docs/MODEL.md section 4.2) as an ohmic resistor: the current crosses it
 * uniformly, so its area resistance is its thickness over the ionic conductivity of the window's top row (the
 * row's columns in parallel: the mean of its cells' sigma_ion, at the scenario's temperature). Its drop added to the
 * cell voltage gives the voltage across the whole pellet (docs/MODEL.md section 7).
 */
public final class ElectrolyteBeyondTop {
    private ElectrolyteBeyondTop() {}

    /** Area resistance, ohm m^2: 0 without electrolyte beyond the top, NaN where the top row conducts no ions. */
    public static double resistance_ohm_m2(Grid g, MaterialTable table, byte[] material, double thickness_m) {
        if (thickness_m == 0) return 0;
        double sum = 0;
        for (int j = 0; j < g.ny; j++)
            for (int i = 0; i < g.nx; i++) sum += table.sigmaIon_S_per_m[material[g.index(i, j, g.nz - 1)]];
        final double sigma = sum / (g.nx * g.ny);
        return sigma > 0 ? thickness_m / sigma : Double.NaN;
    }
}
