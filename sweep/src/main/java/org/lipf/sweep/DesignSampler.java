package org.lipf.sweep;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.SobolSequenceGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.util.MathArrays;

/**
 * Points of a sampled design in the unit cube [0, 1)^d.
 *
 * <p>Sobol: the first {@code n} points of the Sobol sequence (Joe-Kuo direction numbers, Commons
 * Math {@link SobolSequenceGenerator}), starting with the origin; for {@code n = 2^m} every
 * one-dimensional projection has exactly one point in each interval [k/n, (k+1)/n). Latin
 * hypercube: in each dimension the {@code n} strata [k/n, (k+1)/n) are permuted at random and each
 * point sits at a uniform random place inside its stratum (McKay, Beckman and Conover 1979), from
 * a {@link Well19937c} generator with the given seed, so the same seed gives the same design.
 */
final class DesignSampler {
    private DesignSampler() {
    }

    /** {@code n} Sobol points in {@code d} dimensions. */
    static double[][] sobol(int n, int d) {
        SobolSequenceGenerator g = new SobolSequenceGenerator(d);
        double[][] points = new double[n][];
        for (int i = 0; i < n; i++) points[i] = g.nextVector();
        return points;
    }

    /** {@code n} Latin-hypercube points in {@code d} dimensions from {@code seed}. */
    static double[][] latinHypercube(int n, int d, long seed) {
        RandomGenerator random = new Well19937c(seed);
        double[][] points = new double[n][d];
        int[] strata = MathArrays.natural(n);
        for (int j = 0; j < d; j++) {
            MathArrays.shuffle(strata, random);
            for (int i = 0; i < n; i++) points[i][j] = (strata[i] + random.nextDouble()) / n;
        }
        return points;
    }
}
