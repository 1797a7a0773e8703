package org.lipf.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HarmonicMeanTest {
    @Test
    void equalValuesGiveThemselvesExactlyWhereTheFormulaMissesByARounding() {
        SplittableRandom random = new SplittableRandom(11);
        int missed = 0;
        for (int n = 0; n < 100_000; n++) {
            double a = Math.scalb(1 + random.nextDouble(), random.nextInt(-60, 20));
            if (2 * a * a / (a + a) != a) missed++;
            assertEquals(a, HarmonicMean.of(a, a), 0.0);
        }
        // the formula alone is off by one rounding for some values (about 8 % of them)
        assertTrue(missed > 1000, "values the formula misses: " + missed);
    }

    @Test
    void unequalValuesGiveTheSeriesMeanAndZeroWhereBothVanish() {
        // a conductor of 1e7 S/m next to one of 1 S/m: the face conducts as the two half cells in series
        assertEquals(2e7 / (1e7 + 1), HarmonicMean.of(1e7, 1), 1e-15 * 2);
        assertEquals(HarmonicMean.of(3, 5), HarmonicMean.of(5, 3), 0.0);
        assertEquals(2 * 3.0 * 5.0 / 8.0, HarmonicMean.of(3, 5), 0.0);
        assertEquals(0, HarmonicMean.of(0, 0), 0.0);
        assertEquals(0, HarmonicMean.of(0, 2.5), 0.0);
    }
}
