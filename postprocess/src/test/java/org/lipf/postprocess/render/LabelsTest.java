package org.lipf.postprocess.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LabelsTest {
    @Test
    void colourBarTicksAreRoundNumbersInsideTheRange() {
        assertEquals(List.of(-0.1, -0.08, -0.06, -0.04, -0.02, 0.0), ColorBar.ticks(-0.1, 0).stream().map(t -> Math.round(t * 1e12) / 1e12).toList());
        assertEquals(List.of(0.0, 2.0, 4.0, 6.0), ColorBar.ticks(0, 6.6));
        assertEquals("-0.08", ColorBar.format(-0.08));
        assertEquals("6000", ColorBar.format(6000));
    }

    @Test
    void scaleBarIsTheLargestOneTwoOrFiveBelowFortyPercentOfTheWidth() {
        assertEquals(20e-6, Frame.scaleBarLength_m(100e-6), 1e-18); // 40 um -> 20
        assertEquals(1e-6, Frame.scaleBarLength_m(4e-6), 1e-18); // 1.6 um -> 1
        assertEquals(5e-6, Frame.scaleBarLength_m(15e-6), 1e-18); // 6 um -> 5
        assertEquals("20 \u00b5m", Frame.lengthLabel(20e-6));
        assertEquals("0.5 \u00b5m", Frame.lengthLabel(0.5e-6));
    }

    @Test
    void simulatedTimeIsWrittenWithFourDigitsAndAFittingUnit() {
        assertEquals("4 s", Images.time(4.0));
        assertEquals("0.05 s", Images.time(0.05));
        assertEquals("2.935 ms", Images.time(0.0029349));
        assertEquals("12 \u00b5s", Images.time(12e-6));
        assertEquals("0 s", Images.time(0));
    }

    @Test
    void colourMapsRunFromDarkToBright() {
        assertEquals(0x440154, ColorMap.VIRIDIS.rgb(0), 0x030303); // matplotlib's viridis ends, to the fit's accuracy
        int top = ColorMap.VIRIDIS.rgb(1);
        assertEquals(0xFD, top >> 16, 3);
        assertEquals(0xE7, top >> 8 & 0xFF, 3);
        assertEquals(0x25, top & 0xFF, 12);
    }
}
