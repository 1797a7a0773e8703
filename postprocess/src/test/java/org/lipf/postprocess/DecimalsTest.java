package org.lipf.postprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DecimalsTest {
    @Test
    void aNegativeValueThatRoundsToZeroHasNoSign() {
        assertEquals("0.0000", Decimals.format("%.4f", -1e-12));
        assertEquals("    0.0000", Decimals.format("%10.4f", -1e-12), "the column width is kept");
        assertEquals("0.000", Decimals.format("%.3f", -0.0));
    }

    @Test
    void otherValuesKeepTheirSign() {
        assertEquals("-0.0010", Decimals.format("%.4f", -1e-3));
        assertEquals("-1.000e-12", Decimals.format("%.4g", -1e-12));
        assertEquals("-Infinity", Decimals.format("%.4f", Double.NEGATIVE_INFINITY));
        assertEquals("NaN", Decimals.format("%.1f", Double.NaN));
    }
}
