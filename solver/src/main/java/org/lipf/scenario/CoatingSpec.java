package org.lipf.scenario;

/**
 * A thin coating on top of layer {@code layer}, growing into the layer above it (replacing its
 * lowest cells), with a locally varying thickness, partial coverage, pinholes and cracks
 * (GeometryBuilder, docs/MODEL.md section 1). The local thickness of column (x, y) is
 * {@code t = thickness (1 + thickness_rsd g(x, y))}, clipped at 0 (bare spots), where g is a
 * seeded unit Gaussian random field with correlation length {@code correlationLength_m}; columns
 * outside the covered patches (a second field thresholded so that exactly {@code coverage} of
 * the columns are covered, patch size {@code patchSize_m}), inside a pinhole or on a crack have
 * t = 0.
 *
 * <p>Random streams: {@code new SplittableRandom(seed)} gives, in order, the seed of the
 * thickness field, the seed of the patch field, then the pinhole centres, then per crack (in 3D)
 * a direction and its position. The direction is drawn also where {@code crackDirection} fixes it,
 * so that fixing it turns cracks without moving any.
 *
 * <p>A {@code subcell} coating (thinner than a cell) is drawn as one effective cell per covered
 * column, the film in series with the host above it ({@link SubcellCoating}, docs/MODEL.md section 1.2).
 *
 * <p>An {@code onMetal} coating is an interface film carried by the metal surface of its column
 * (the MgF2-derived LiF + LixMg layer that stays at the Li surface as Li plates): it creates no
 * cells; its per-column area resistance {@code R = t / sigma_ion} acts in series with the
 * Butler-Volmer reaction wherever the metal surface of that column is
 * ({@code org.lipf.grid.SurfaceFilms}, {@code org.lipf.model.FilmButlerVolmer}, docs/MODEL.md section 1.2).
 *
 * @param thickness_m mean thickness before clipping
 * @param thicknessRsd relative standard deviation of the thickness (0 = uniform)
 * @param correlationLength_m lateral correlation length of the thickness (ignored if thicknessRsd = 0)
 * @param coverage covered fraction of the columns, (0, 1]
 * @param patchSize_m correlation length of the covered patches (ignored if coverage = 1)
 * @param pinholes number of round holes (discs in 3D, gaps in 2D) at random positions
 * @param pinholeDiameter_m their diameter
 * @param cracks number of straight cracks through the coating at random positions, each a strip of
 *     columns across the whole domain: in 2D a gap in x; in 3D along {@code crackDirection}
 * @param crackWidth_m their width
 * @param crackDirection which way the cracks run in 3D (2D: always a gap in x, as {@link CrackDirection#Y})
 * @param subcell drawn as one effective cell per covered column (cannot be combined with onMetal)
 * @param onMetal an interface film riding on the metal surface: a per-column series resistance, no cells
 * @param c initial concentration in the coating; NaN = that of the layer above
 */
public record CoatingSpec(String material, int layer, double thickness_m, double thicknessRsd, double correlationLength_m, double coverage,
        double patchSize_m, int pinholes, double pinholeDiameter_m, int cracks, double crackWidth_m, CrackDirection crackDirection, long seed,
        boolean subcell, boolean onMetal, double c) {
    /** Which way a coating's cracks run across a 3D domain. */
    public enum CrackDirection {
        /** Each crack along x or along y, drawn from the coating's seed (a film cracked both ways). */
        RANDOM,
        /** Along x: a strip of columns at one y. */
        X,
        /** Along y: a strip of columns at one x, as a 2D crack extruded in depth. */
        Y
    }

    public CoatingSpec {
        Checks.notNull("material", material);
        if (layer < 0) throw new IllegalArgumentException("layer must be >= 0, got " + layer);
        Checks.positive("thickness", thickness_m);
        Checks.nonNegative("thickness_rsd", thicknessRsd);
        Checks.nonNegative("correlation_length", correlationLength_m);
        if (!(coverage > 0 && coverage <= 1)) throw new IllegalArgumentException("coverage must be in (0, 1], got " + coverage);
        Checks.nonNegative("patch_size", patchSize_m);
        if (pinholes < 0 || cracks < 0) throw new IllegalArgumentException("pinhole and crack counts must be >= 0");
        Checks.nonNegative("pinhole diameter", pinholeDiameter_m);
        Checks.nonNegative("crack width", crackWidth_m);
        Checks.notNull("crack_direction", crackDirection);
        if (!Double.isNaN(c)) Checks.nonNegative("c", c);
        if (subcell && onMetal) throw new IllegalArgumentException("a coating is either subcell or on_metal, not both");
    }
}
