package org.lipf.scenario;

import java.util.List;

/**
 * Initial structure. Applied in this order: layers (bottom up; cells above the last layer get
 * {@code background} with xi = 0, c = 1), depth gradients, grain mixtures, particles, coatings,
 * voxel images, cracks, nuclei.
 *
 * @param electrolyteBeyondTop_m electrolyte between the window's top and the counter electrode that the
 *     grid does not resolve, m: the distance a Li-filled crack must run beyond the window to short
 *     (docs/MODEL.md section 4.2); 0: the window's top is the counter electrode
 */
public record GeometrySpec(String background, List<LayerSpec> layers, List<ParticleSpec> particles,
        List<CrackSpec> cracks, List<NucleusSpec> nuclei, MicrostructureSpec microstructure, double electrolyteBeyondTop_m) {
    public GeometrySpec {
        Checks.notNull("background", background);
        layers = List.copyOf(Checks.notNull("layers", layers));
        if (layers.isEmpty()) throw new IllegalArgumentException("at least one layer is needed");
        particles = particles == null ? List.of() : List.copyOf(particles);
        cracks = cracks == null ? List.of() : List.copyOf(cracks);
        nuclei = nuclei == null ? List.of() : List.copyOf(nuclei);
        if (microstructure == null) microstructure = MicrostructureSpec.NONE;
        if (!(electrolyteBeyondTop_m >= 0 && Double.isFinite(electrolyteBeyondTop_m)))
            throw new IllegalArgumentException("electrolyte_beyond_top must be >= 0");
    }

    /** Without microstructure generators. */
    public GeometrySpec(String background, List<LayerSpec> layers, List<ParticleSpec> particles, List<CrackSpec> cracks, List<NucleusSpec> nuclei) {
        this(background, layers, particles, cracks, nuclei, MicrostructureSpec.NONE, 0);
    }

    /** Height of the bottom of layer {@code l} (sum of the thicknesses below it). */
    public double layerBottom_m(int l) {
        double z = 0;
        for (int i = 0; i < l; i++) z += layers.get(i).thickness_m();
        return z;
    }

    /** Index of the topmost layer with xi == 1, or -1. */
    public int metalLayer() {
        for (int l = layers.size() - 1; l >= 0; l--)
            if (layers.get(l).xi() == 1.0) return l;
        return -1;
    }

    /**
     * Cells {@code [k0, k1)} of layer {@code l}: those whose centre {@code (k + 0.5) dx} lies in
     * {@code [bottom, top)} of the layer (a centre exactly on a boundary belongs to the upper layer).
     */
    public int[] layerCells(int l, double dx_m, int nz) {
        double zb = layerBottom_m(l), zt = zb + layers.get(l).thickness_m();
        return new int[] {firstCellAbove(zb, dx_m, nz), firstCellAbove(zt, dx_m, nz)};
    }

    /** Smallest k with (k + 0.5) dx >= z, clamped to [0, nz]. */
    static int firstCellAbove(double z_m, double dx_m, int nz) {
        int k = (int) Math.ceil(z_m / dx_m - 0.5 - 1e-9);
        return Math.max(0, Math.min(nz, k));
    }
}
