package org.lipf.grid;

import org.lipf.scenario.CoatingSpec;
import org.lipf.scenario.Scenario;
import org.lipf.scenario.SubcellCoating;

/**
 * The area resistance of the interface films carried by the metal surface ({@code on_metal}
 * coatings, docs/MODEL.md section 1.2), per lateral column:
 *
 * <pre>
 *   R_film(x, y) = sum over on-metal coatings of t(x, y) / sigma_ion(film)      (ohm m^2)
 * </pre>
 *
 * with t the coating's local thickness ({@link MicrostructureBuilder#columnThickness_m}: thickness
 * field, coverage, pinholes, cracks; t = 0 gives R = 0). Several films on one column add in
 * series; an ionic insulator gives an infinite resistance where it covers. The array is indexed by
 * the padded lateral position of a cell, {@code P % grid.strideZ} for a padded cell index P, so the
 * stencils find the value of a cell's column without further index arithmetic.
 */
public final class FilmResistance {
    private FilmResistance() {
    }

    /** R_film per padded lateral position (length {@code g.strideZ}), ohm m^2; all zero without on-metal films. */
    public static double[] perColumn_ohm_m2(Scenario s, Grid g) {
        double[] R = new double[g.strideZ];
        for (CoatingSpec co : s.geometry().microstructure().coatings()) {
            if (!co.onMetal()) continue;
            double sigma = s.material(co.material()).sigmaIon_S_per_m();
            double[] t = MicrostructureBuilder.columnThickness_m(co, g);
            for (int j = 0; j < g.ny; j++)
                for (int i = 0; i < g.nx; i++) {
                    double tq = t[j * g.nx + i];
                    if (tq > 0) R[g.index(i, j, 0) % g.strideZ] += SubcellCoating.interfaceResistance_ohm_m2(tq, sigma);
                }
        }
        return R;
    }
}
