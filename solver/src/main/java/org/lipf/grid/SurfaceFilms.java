package org.lipf.grid;

import org.lipf.scenario.CoatingSpec;
import org.lipf.scenario.MaterialSpec;
import org.lipf.scenario.Scenario;
import org.lipf.scenario.SubcellCoating;

/**
 * The interface films carried by the metal surface ({@code on_metal} coatings, docs/MODEL.md
 * section 1.2), per lateral column: their area resistance
 *
 * <pre>
 *   R_film(x, y) = sum over on-metal coatings of t(x, y) / sigma_ion(film)      (ohm m^2)
 * </pre>
 *
 * with t the coating's local thickness ({@link CoatingColumns}: thickness
 * field, coverage, pinholes, cracks; t = 0 gives R = 0). Several films on one column add in
 * series; an ionic insulator gives an infinite resistance where it covers. And the exchange current
 * of the metal / film interface, where the reaction takes place: the i0 of the first listed on-metal
 * coating that covers the column (the one drawn against the metal). The arrays are indexed by
 * the padded lateral position of a cell, {@code P % grid.strideZ} for a padded cell index P, so the
 * stencils find the value of a cell's column without further index arithmetic.
 */
public final class SurfaceFilms {
    private SurfaceFilms() {
    }

    /** R_film per padded lateral position (length {@code g.strideZ}), ohm m^2; all zero without on-metal films. */
    public static double[] resistancePerColumn_ohm_m2(Scenario s, Grid g) {
        double[] R = new double[g.strideZ];
        forEachCoveredColumn(s, g, (film, q, t) -> R[q] += SubcellCoating.interfaceResistance_ohm_m2(t, film.sigmaIon_S_per_m()));
        return R;
    }

    /**
     * The films' electronic area resistance per padded lateral position, sum of t / sigma_el (infinite where a film
     * blocks electrons), ohm m^2: what electrons leaving the metal into the electrolyte cross (docs/MODEL.md section 4.2.1).
     */
    public static double[] electronicResistancePerColumn_ohm_m2(Scenario s, Grid g) {
        double[] R = new double[g.strideZ];
        forEachCoveredColumn(s, g, (film, q, t) -> R[q] += SubcellCoating.interfaceResistance_ohm_m2(t, film.sigmaEl_S_per_m()));
        return R;
    }

    /** i0 of the metal / film interface per padded lateral position (length {@code g.strideZ}), A/m^2; 0 where no film covers. */
    public static double[] exchangeCurrentPerColumn_A_per_m2(Scenario s, Grid g) {
        double[] i0 = new double[g.strideZ];
        forEachCoveredColumn(s, g, (film, q, t) -> {
            if (i0[q] == 0) i0[q] = film.exchangeCurrentDensity_A_per_m2();
        });
        return i0;
    }

    /**
     * The critical stripping current per lateral column (j * nx + i), A/m^2 (docs/MODEL.md section 4.3): of the
     * first listed on-metal coating that covers the column and gives one (the Li supply to the surface under it),
     * else the metal's.
     */
    public static double[] criticalStrippingCurrentPerColumn_A_per_m2(Scenario s, Grid g, double metal_A_per_m2) {
        double[] supply = new double[g.nx * g.ny];
        java.util.Arrays.fill(supply, Double.NaN);
        for (CoatingSpec co : s.geometry().microstructure().coatings()) {
            MaterialSpec film = s.material(co.material());
            if (!co.onMetal() || !film.hasCriticalStrippingCurrent()) continue;
            double[] t = CoatingColumns.of(co, g).thickness_m();
            for (int q = 0; q < supply.length; q++)
                if (t[q] > 0 && Double.isNaN(supply[q])) supply[q] = film.criticalStrippingCurrent_A_per_m2();
        }
        for (int q = 0; q < supply.length; q++) if (Double.isNaN(supply[q])) supply[q] = metal_A_per_m2;
        return supply;
    }

    private interface CoveredColumn {
        void accept(MaterialSpec film, int q, double thickness_m);
    }

    /** Visits every column (padded lateral position q) an on-metal coating covers (t &gt; 0), coatings in the order listed. */
    private static void forEachCoveredColumn(Scenario s, Grid g, CoveredColumn visit) {
        for (CoatingSpec co : s.geometry().microstructure().coatings()) {
            if (!co.onMetal()) continue;
            MaterialSpec film = s.material(co.material());
            double[] t = CoatingColumns.of(co, g).thickness_m();
            for (int j = 0; j < g.ny; j++)
                for (int i = 0; i < g.nx; i++)
                    if (t[j * g.nx + i] > 0) visit.accept(film, g.index(i, j, 0) % g.strideZ, t[j * g.nx + i]);
        }
    }
}
