package org.lipf.kernels.cpu;

import static jdk.incubator.vector.VectorOperators.LSHL;
import static org.lipf.model.Exponential.LN2_HIGH;
import static org.lipf.model.Exponential.LN2_LOW;
import static org.lipf.model.Exponential.LOG2_E;
import static org.lipf.model.Exponential.MAX_ARGUMENT;
import static org.lipf.model.Exponential.MIN_ARGUMENT;
import static org.lipf.model.Exponential.SHIFTER;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link org.lipf.model.Exponential#exp} in SIMD lanes: the same operations in the same order, so the same bits.
 */
final class ExponentialLanes {
    private ExponentialLanes() {}

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    // every operator of the Vector API run once before any loop here (Java 17's compiler: see VectorWarmUp)
    static {
        VectorWarmUp.ensure();
    }

    private static final long SHIFTER_BITS = Double.doubleToRawLongBits(SHIFTER);
    private static final double[] COEFFICIENTS = org.lipf.model.Exponential.seriesCoefficients();

    /**
     * a[i] = e^a[i] for i &lt; n (a multiple of the lanes). Over an array, not a vector: see {@link AllenCahnLanes} on
     * vectors passed between methods.
     */
    static void exp(double[] a, int n) {
        final double[] b = COEFFICIENTS;
        for (int i = 0; i < n; i += S.length()) {
            final DoubleVector y = DoubleVector.fromArray(S, a, i).min(MAX_ARGUMENT).max(MIN_ARGUMENT);
            final DoubleVector m = y.mul(LOG2_E).add(SHIFTER).sub(SHIFTER);
            final DoubleVector r = y.sub(m.mul(LN2_HIGH)).sub(m.mul(LN2_LOW));
            final DoubleVector r2 = r.mul(r), r4 = r2.mul(r2), r8 = r4.mul(r4);
            final DoubleVector s0 = r.mul(b[1]).add(b[0]).add(r.mul(b[3]).add(b[2]).mul(r2));
            final DoubleVector s1 = r.mul(b[5]).add(b[4]).add(r.mul(b[7]).add(b[6]).mul(r2));
            final DoubleVector s2 = r.mul(b[9]).add(b[8]).add(r.mul(b[11]).add(b[10]).mul(r2));
            final DoubleVector p = s0.add(s1.mul(r4)).add(s2.mul(r8)).mul(r).add(1.0).mul(r).add(1.0);
            final DoubleVector half = m.mul(0.5).add(SHIFTER).sub(SHIFTER);
            // 2^half 2^(m - half) from their exponent bits, as Exponential.powerOfTwo
            final DoubleVector high = half.add(SHIFTER).reinterpretAsLongs().sub(SHIFTER_BITS).add(1023L).lanewise(LSHL, 52L).reinterpretAsDoubles();
            final DoubleVector low = m.sub(half).add(SHIFTER).reinterpretAsLongs().sub(SHIFTER_BITS).add(1023L).lanewise(LSHL, 52L).reinterpretAsDoubles();
            p.mul(high).mul(low).intoArray(a, i);
        }
    }
}
