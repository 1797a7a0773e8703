package org.lipf.scenario;

import java.util.Locale;

/**
 * A coating thinner than a grid cell (a 50 nm LiF film under 0.5 um cells), represented by the
 * one cell it sits in: the cell holds {@code t} of coating in series with {@code h - t} of the
 * host above it, so across the growth axis it has the coating's interface resistance
 * {@code R = t / sigma} (ohm m^2) plus the host's remainder (docs/MODEL.md section 1.2):
 *
 * <pre>
 *   sigma_cell = h / (t / sigma_coat + (h - t) / sigma_host)     (ions and electrons alike)
 *   D_cell     = h / (t / D_coat     + (h - t) / D_host)         (the same series rule, so the
 *                                                                 Nernst-Planck flux and the ionic
 *                                                                 current see the same resistance)
 *   f_free     = 0                                                (Li does not pass the film: it
 *                                                                 grows through its gaps, cracks and
 *                                                                 bare spots, or plates beneath it)
 *   i0         = i0 of the coating                                (the reaction at Li | coating)
 * </pre>
 *
 * An insulating coating (sigma = 0) gives a cell that blocks that carrier, as the film does.
 */
public final class SubcellCoating {
    private SubcellCoating() {
    }

    /** Number of thickness classes a coating of non-uniform thickness is represented by. */
    public static final int THICKNESS_CLASSES = 8;

    /**
     * The effective material, named {@code name}, of a cell of size {@code cell_m} holding
     * {@code thickness_m} of {@code coating} under {@code host}.
     */
    public static MaterialSpec effective(String name, MaterialSpec coating, MaterialSpec host, double thickness_m, double cell_m) {
        if (!(thickness_m > 0 && thickness_m <= cell_m)) throw new IllegalArgumentException("a sub-cell coating must be thinner than the cell ("
                + thickness_m + " m in " + cell_m + " m)");
        double t = thickness_m / cell_m; // coating fraction of the cell height
        String source = String.format(Locale.ROOT, "effective cell: %.4g nm of %s in series with %.4g nm of %s (SubcellCoating)",
                thickness_m * 1e9, coating.name(), (cell_m - thickness_m) * 1e9, host.name());
        return new MaterialSpec(name,
                series(coating.diffusivity_m2_per_s(), host.diffusivity_m2_per_s(), t),
                series(coating.sigmaIon_S_per_m(), host.sigmaIon_S_per_m(), t),
                series(coating.sigmaEl_S_per_m(), host.sigmaEl_S_per_m(), t),
                coating.exchangeCurrentDensity_A_per_m2(),
                0,
                host.hasDensity() && coating.hasDensity() ? t * coating.density_kg_per_m3() + (1 - t) * host.density_kg_per_m3() : Double.NaN,
                source);
    }

    /**
     * Thickness of class n (0-based) of a coating: one class at the nominal thickness when it is
     * uniform; else {@link #THICKNESS_CLASSES} classes at the centres of equal bins over
     * (0, t_max], t_max = min(cell, thickness (1 + 3 rsd)).
     */
    public static double classThickness_m(CoatingSpec c, double cell_m, int n) {
        if (c.thicknessRsd() == 0) return Math.min(c.thickness_m(), cell_m);
        return (n + 0.5) / THICKNESS_CLASSES * maxThickness_m(c, cell_m);
    }

    /** Number of thickness classes of a coating. */
    public static int classes(CoatingSpec c) {
        return c.thicknessRsd() == 0 ? 1 : THICKNESS_CLASSES;
    }

    /** The class of a column of local thickness t &gt; 0. */
    public static int classOf(CoatingSpec c, double cell_m, double thickness_m) {
        if (c.thicknessRsd() == 0) return 0;
        return Math.min(THICKNESS_CLASSES - 1, (int) (thickness_m / maxThickness_m(c, cell_m) * THICKNESS_CLASSES));
    }

    private static double maxThickness_m(CoatingSpec c, double cell_m) {
        return Math.min(cell_m, c.thickness_m() * (1 + 3 * c.thicknessRsd()));
    }

    /** Name of the effective material of class n of coating number {@code index}. */
    public static String className(CoatingSpec c, int index, int n) {
        return String.format(Locale.ROOT, "%s-subcell%d-%d", c.material(), index, n);
    }

    /** Series (harmonic, thickness-weighted) mean of two conductances; 0 if either layer blocks. */
    static double series(double coat, double host, double coatFraction) {
        if (coat == 0 || (host == 0 && coatFraction < 1)) return 0;
        return 1 / (coatFraction / coat + (1 - coatFraction) / host);
    }

    /** Interface resistance per area of a coating, ohm m^2 (infinite for an insulator). */
    public static double interfaceResistance_ohm_m2(double thickness_m, double sigma_S_per_m) {
        return sigma_S_per_m == 0 ? Double.POSITIVE_INFINITY : thickness_m / sigma_S_per_m;
    }
}
