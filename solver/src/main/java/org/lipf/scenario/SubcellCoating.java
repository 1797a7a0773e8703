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
 *   f_free     = f_free,host (h - t) / h                          (no metal inside the coating)
 *   i0         = i0 of the coating                                (the reaction at Li | coating)
 * </pre>
 *
 * An insulating coating (sigma = 0) gives a cell that blocks that carrier, as the film does.
 */
public final class SubcellCoating {
    private SubcellCoating() {
    }

    /**
     * The effective material of a cell of size {@code cell_m} holding {@code thickness_m} of
     * {@code coating} under {@code host}.
     */
    public static MaterialSpec effective(MaterialSpec coating, MaterialSpec host, double thickness_m, double cell_m) {
        if (!(thickness_m > 0 && thickness_m <= cell_m)) throw new IllegalArgumentException("a sub-cell coating must be thinner than the cell ("
                + thickness_m + " m in " + cell_m + " m)");
        double t = thickness_m / cell_m; // coating fraction of the cell height
        String name = String.format(Locale.ROOT, "%s-%.0fnm-in-%s", coating.name(), thickness_m * 1e9, host.name());
        String source = String.format(Locale.ROOT, "effective cell: %.4g nm of %s in series with %.4g nm of %s (SubcellCoating)",
                thickness_m * 1e9, coating.name(), (cell_m - thickness_m) * 1e9, host.name());
        return new MaterialSpec(name,
                series(coating.diffusivity_m2_per_s(), host.diffusivity_m2_per_s(), t),
                series(coating.sigmaIon_S_per_m(), host.sigmaIon_S_per_m(), t),
                series(coating.sigmaEl_S_per_m(), host.sigmaEl_S_per_m(), t),
                coating.exchangeCurrentDensity_A_per_m2(),
                host.freeFraction() * (1 - t),
                host.hasDensity() && coating.hasDensity() ? t * coating.density_kg_per_m3() + (1 - t) * host.density_kg_per_m3() : Double.NaN,
                source);
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
