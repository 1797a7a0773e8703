package org.lipf.grid;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class LateralRandomFieldTest {
    static double autocorrelation(double[] f, int lag) {
        double s = 0;
        for (int i = 0; i < f.length; i++) s += f[i] * f[(i + lag) % f.length];
        return s / f.length; // mean 0, variance 1
    }

    @Test
    void sampleHasMeanZeroAndStandardDeviationOneExactly() {
        double[] f = LateralRandomField.sample(60, 40, 1e-7, 5e-7, 9);
        double m = 0, v = 0;
        for (double x : f) m += x;
        m /= f.length;
        for (double x : f) v += (x - m) * (x - m);
        assertEquals(0, m, 1e-14);
        assertEquals(1, Math.sqrt(v / f.length), 1e-12);
    }

    @Test
    void correlationFallsToOneOverEAtTheCorrelationLength() {
        // 65536 columns, l = 16 cells: ~4000 independent stretches, sampling error ~0.02
        double[] f = LateralRandomField.sample(65536, 1, 1.0, 16.0, 3);
        assertEquals(Math.exp(-1), autocorrelation(f, 16), 0.05);
        assertEquals(Math.exp(-0.25), autocorrelation(f, 8), 0.05);
        assertEquals(Math.exp(-4), autocorrelation(f, 32), 0.05);
    }

    @Test
    void zeroCorrelationLengthLeavesWhiteNoise() {
        double[] f = LateralRandomField.sample(65536, 1, 1.0, 0.0, 3);
        assertEquals(0, autocorrelation(f, 1), 0.02);
    }

    @Test
    void sameSeedSameFieldOtherSeedAnother() {
        assertArrayEquals(LateralRandomField.sample(30, 30, 1, 4, 5), LateralRandomField.sample(30, 30, 1, 4, 5));
        assertNotEquals(LateralRandomField.sample(30, 30, 1, 4, 5)[0], LateralRandomField.sample(30, 30, 1, 4, 6)[0]);
    }
}
