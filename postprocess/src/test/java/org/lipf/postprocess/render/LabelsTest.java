package org.lipf.postprocess.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.FontMetrics;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelsTest {
    static List<String> labels(double min, double max) {
        return ColorBarTicks.of(min, max).stream().map(ColorBarTicks.Tick::label).toList();
    }

    @Test
    void colourBarTicksAreRoundNumbersInsideTheRange() {
        assertEquals(List.of(-0.1, -0.08, -0.06, -0.04, -0.02, 0.0),
                ColorBarTicks.of(-0.1, 0).stream().map(t -> Math.round(t.value() * 1e12) / 1e12).toList());
        assertEquals(List.of("-0.1", "-0.08", "-0.06", "-0.04", "-0.02", "0"), labels(-0.1, 0));
        assertEquals(List.of(0.0, 2.0, 4.0, 6.0), ColorBarTicks.of(0, 6.6).stream().map(ColorBarTicks.Tick::value).toList());
        assertEquals(List.of("0", "2", "4", "6"), labels(0, 6.6));
        assertEquals(List.of("0", "2000", "4000", "6000"), labels(0, 6000));
        assertEquals(List.of("0", "5e-05", "1e-04", "1.5e-04", "2e-04"), labels(0, 2e-4));
    }

    @Test
    void colourBarTickLabelsOfANarrowRangeHaveTheDigitsToDiffer() {
        // a 3D front height map of a nearly flat front: four significant digits wrote 5.171 at every tick
        assertEquals(List.of("5.1708", "5.1709", "5.171", "5.1711", "5.1712"), labels(5.1708, 5.1712));
        assertEquals(List.of("1.2345e+04", "1.23455e+04", "1.2346e+04", "1.23465e+04"), labels(12345, 12346.5));
        // below what six digits resolve: one value in the middle with its half-span
        List<ColorBarTicks.Tick> flat = ColorBarTicks.of(5.171, 5.171 + 1e-9);
        assertEquals(1, flat.size());
        assertEquals(5.171 + 0.5e-9, flat.get(0).value(), 1e-15);
        assertEquals("5.171 \u00b1 5e-10", flat.get(0).label());
        assertEquals(List.of("5.171"), labels(5.171, 5.171));
    }

    @Test
    void colourBarTicksThinOutOnAShortBarSoThatLabelsDoNotOverlap() {
        FontMetrics fm = Frame.graphics(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB)).getFontMetrics();
        // the front height map of a 3D run 5 um deep in a 50 um tall window: its bar is 20 px, and the four labels
        // 5.08 .. 5.11 stood 6 px apart, written over each other
        ColorBar heightMap = new ColorBar(new ColorScale(ColorMap.VIRIDIS, 5.08, 5.11, "front [\u00b5m]"));
        for (int barPx : new int[] {20, 40, 70}) {
            List<ColorBarTicks.Tick> ticks = heightMap.ticks(barPx, fm);
            assertTrue(!ticks.isEmpty(), "no tick on a bar of " + barPx + " px");
            for (int n = 1; n < ticks.size(); n++) {
                double apart_px = (ticks.get(n).value() - ticks.get(n - 1).value()) / (5.11 - 5.08) * (barPx - 1);
                assertTrue(apart_px >= fm.getAscent(), barPx + " px: labels " + apart_px + " px apart, under a text height " + fm.getAscent());
            }
        }
        assertEquals(List.of("5.1"), heightMap.ticks(20, fm).stream().map(ColorBarTicks.Tick::label).toList());
        // a tall bar keeps every tick of a fifth of the range
        assertEquals(List.of("5.08", "5.09", "5.1", "5.11"), heightMap.ticks(400, fm).stream().map(ColorBarTicks.Tick::label).toList());
        // 0.11 .. 0.14 has ticks every 0.01, then 0.02, but no multiple of 0.05: one of the 0.02 ticks stays
        assertEquals(List.of("0.14"), ColorBarTicks.of(0.11, 0.14, 10, 100).stream().map(ColorBarTicks.Tick::label).toList());
    }

    @Test
    void panelAxesTickRoundMicronsAndThinThemWhereLabelsWouldCrowd() {
        FontMetrics fm = Frame.graphics(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB)).getFontMetrics();
        // the 16 um tall window of a 3D run's slice at 340 px: every 5 um
        assertEquals(List.of("0", "5", "10", "15"), ticks(16, 340, fm, false));
        // 8 um across 240 px: every 2 um
        assertEquals(List.of("0", "2", "4", "6", "8"), ticks(8, 240, fm, true));
        assertEquals(List.of("0", "0.5", "1", "1.5", "2"), ticks(2, 240, fm, true));
        // 100 um squeezed into 60 px: labels three digits wide need more room than 20 um steps give
        List<String> narrow = ticks(100, 60, fm, true);
        assertTrue(narrow.size() < 6 && narrow.size() >= 2, narrow.toString());
        assertEquals("x [\u00b5m]", PanelAxes.title("x"));
    }

    static List<String> ticks(double length_um, int px, FontMetrics fm, boolean alongWidth) {
        return PanelAxes.ticks(length_um, px, fm, alongWidth).stream().map(PanelAxes.Tick::label).toList();
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
