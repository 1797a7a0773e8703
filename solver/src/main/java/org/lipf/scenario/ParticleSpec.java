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
 * @param diameterMin_m with {@code diameterMax_m}: diameters uniform in [min, max] instead of
 *     normal (e.g. 5-8 um micro particles); NaN for the normal distribution. The mean and standard
 *     deviation of the uniform distribution are then (min + max) / 2 and (max - min) / sqrt(12).
 * @param arrangement where the particles sit: at random, or coating the grains of the layer's host
 */
public record ParticleSpec(String material, int layer, double meanDiameter_m, double diameterStd_m,
        double volumeFraction, double weightFraction, long seed, double minGap_m, double diameterMin_m, double diameterMax_m, Arrangement arrangement) {
    /** Where the particles of a set sit in their layer. */
    public enum Arrangement {
        /** Random sequential addition, non-overlapping (GeometryBuilder). */
        RANDOM,
        /**
         * A shell one particle diameter thick along the boundaries of a Voronoi tessellation of the layer: nanoparticles
         * that coat the grains of the host (paper B's LLZTO on soft carbon), a network connected at any fraction; the
         * grain count is set by the volume fraction.
         */
        GRAIN_BOUNDARIES;

        public String yamlName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Largest packing fraction accepted up front, counting each particle with its min_gap shell:
     * phi * ((d + gap) / d)^dim. Random sequential placement jams near 0.547 (discs) and 0.38
     * (spheres), so higher targets cannot be reached without overlap.
     */
    public static final double MAX_PACKING_2D = 0.50, MAX_PACKING_3D = 0.35;

    public ParticleSpec {
        Checks.notNull("material", material);
        Checks.notNull("arrangement", arrangement);
        if (arrangement == Arrangement.GRAIN_BOUNDARIES && (diameterStd_m != 0 || minGap_m != 0 || !Double.isNaN(diameterMin_m)))
            throw new IllegalArgumentException("grain_boundaries particles take one diameter (the shell's thickness): no diameter_std, diameter_min/max or min_gap");
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
        if (Double.isNaN(diameterMin_m) != Double.isNaN(diameterMax_m)) throw new IllegalArgumentException("give both diameter_min and diameter_max");
        if (!Double.isNaN(diameterMin_m)) {
            Checks.positive("diameter_min", diameterMin_m);
            if (!(diameterMax_m >= diameterMin_m)) throw new IllegalArgumentException("diameter_max must be >= diameter_min");
            if (Math.abs(meanDiameter_m - (diameterMin_m + diameterMax_m) / 2) > 1e-9 * diameterMax_m)
                throw new IllegalArgumentException("the mean diameter of a uniform distribution is (min + max) / 2");
        }
    }

    /** Normally distributed diameters, N(mean, std) truncated. */
    public ParticleSpec(String material, int layer, double meanDiameter_m, double diameterStd_m, double volumeFraction, double weightFraction, long seed,
            double minGap_m) {
        this(material, layer, meanDiameter_m, diameterStd_m, volumeFraction, weightFraction, seed, minGap_m, Double.NaN, Double.NaN, Arrangement.RANDOM);
    }

    /** Coating the grains of the layer's host, a shell of thickness {@code diameter_m} (see {@link Arrangement#GRAIN_BOUNDARIES}). */
    public static ParticleSpec onGrainBoundaries(String material, int layer, double diameter_m, double volumeFraction, double weightFraction, long seed) {
        return new ParticleSpec(material, layer, diameter_m, 0, volumeFraction, weightFraction, seed, 0, Double.NaN, Double.NaN, Arrangement.GRAIN_BOUNDARIES);
    }

    /** Uniformly distributed diameters in [min, max]. */
    public static ParticleSpec uniform(String material, int layer, double min_m, double max_m, double volumeFraction, double weightFraction, long seed,
            double minGap_m) {
        return new ParticleSpec(material, layer, (min_m + max_m) / 2, (max_m - min_m) / Math.sqrt(12), volumeFraction, weightFraction, seed, minGap_m, min_m,
                max_m, Arrangement.RANDOM);
    }

    public boolean isUniform() {
        return !Double.isNaN(diameterMin_m);
    }
}
