package org.lipf.scenario;

/**
 * Randomly placed inclusions (discs in 2D, spheres in 3D) inside one layer, non-overlapping and
 * fully inside the layer vertically, periodic laterally. Exactly one of {@code volumeFraction} and
 * {@code weightFraction} is a number, the other {@code NaN}; use
 * {@link Scenario#particleVolumeFraction(int)} for the volume fraction in either case.
 *
 * @param layer index into {@link GeometrySpec#layers()} (0 = bottom)
 * @param meanDiameter_m mean of the diameter distribution (normal, truncated, see GeometryBuilder)
 * @param diameterStd_m standard deviation (0 = monodisperse)
 * @param seed seed of the placement RNG
 * @param minGap_m minimum surface-to-surface distance between particles
 */
public record ParticleSpec(String material, int layer, double meanDiameter_m, double diameterStd_m,
        double volumeFraction, double weightFraction, long seed, double minGap_m) {
    /**
     * Largest packing fraction accepted up front, counting each particle with its min_gap shell:
     * phi * ((d + gap) / d)^dim. Random sequential placement jams near 0.547 (discs) and 0.38
     * (spheres), so higher targets cannot be reached without overlap.
     */
    public static final double MAX_PACKING_2D = 0.50, MAX_PACKING_3D = 0.35;

    public ParticleSpec {
        Checks.notNull("material", material);
        if (layer < 0) throw new IllegalArgumentException("layer must be >= 0, got " + layer);
        Checks.positive("diameter", meanDiameter_m);
        Checks.nonNegative("diameter_std", diameterStd_m);
        Checks.nonNegative("min_gap", minGap_m);
        if (Double.isNaN(volumeFraction) == Double.isNaN(weightFraction))
            throw new IllegalArgumentException("give exactly one of volume_fraction and weight_fraction");
        if (!Double.isNaN(volumeFraction) && !(volumeFraction > 0 && volumeFraction < 1))
            throw new IllegalArgumentException("volume_fraction must be in (0, 1), got " + volumeFraction);
        if (!Double.isNaN(weightFraction) && !(weightFraction > 0 && weightFraction < 1))
            throw new IllegalArgumentException("weight_fraction must be in (0, 1), got " + weightFraction);
    }

    /** vf = (w / rho_p) / (w / rho_p + (1 - w) / rho_host). */
    public static double volumeFractionFromWeight(double w, double rhoParticle, double rhoHost) {
        double vp = w / rhoParticle;
        return vp / (vp + (1 - w) / rhoHost);
    }
}
