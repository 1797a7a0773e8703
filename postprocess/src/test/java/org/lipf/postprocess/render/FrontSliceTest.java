package org.lipf.postprocess.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.lipf.postprocess.metrics.CellBlock;
import org.lipf.postprocess.metrics.FrontProfile;
import org.lipf.postprocess.metrics.MetalDistribution;

class FrontSliceTest {
    /** 4 x 2 columns of 40 cells of 0.5 um, as the 3D bare Li / LPSCl window at 0.5 um cells. */
    static final CellBlock B = new CellBlock(4, 2, 40, 0.5e-6);

    /** A flat front at {@code front_m}: xi falls linearly from 1 to 0 over two cells around it (an interface two spacings wide). */
    static MetalDistribution flatFront(double front_m) {
        double[] xi = new double[B.cellCount()];
        for (int k = 0; k < B.nz(); k++) {
            double z = (k + 0.5) * B.dx_m();
            double x = Math.max(0, Math.min(1, 0.5 - (z - front_m) / (2 * B.dx_m())));
            for (int j = 0; j < B.ny(); j++)
                for (int i = 0; i < B.nx(); i++) xi[B.index(i, j, k)] = x;
        }
        return new MetalDistribution(B, xi, new byte[B.cellCount()], new double[] {1});
    }

    @Test
    void aFrontFlatterThanACellIsShownByTheMetalsTopPlaneNotTheEmptyPlaneAboveIt() {
        // the tester's front at 5.171 um: the cell plane holding that height has its centres at 5.25 um, above the metal
        MetalDistribution d = flatFront(5.171e-6);
        double[] front = FrontProfile.columnHeights_m(d);
        assertEquals(5.171e-6, front[0], 1e-12);
        FrontSlice s = FrontSlice.of(B, front);
        assertEquals(9, s.k()); // centres at 4.75 um
        for (int j = 0; j < B.ny(); j++)
            for (int i = 0; i < B.nx(); i++) assertTrue(d.isMetal(B.index(i, j, s.k())), "metal in every column of the slice");
        assertEquals("x-y slice just under the front, z = 4.75 \u00b5m", s.caption());
    }

    @Test
    void aRoughFrontIsCutNearTheMiddleOfItsRange() {
        double[] front = new double[B.columnCount()];
        java.util.Arrays.fill(front, 4.1e-6);
        front[3] = 8.1e-6; // a protrusion: the middle of the range is 6.1 um
        FrontSlice s = FrontSlice.of(B, front);
        assertEquals(12, s.k()); // centres at 6.25 um, between the lowest and the highest column
        assertEquals("x-y slice through the front, z = 6.25 \u00b5m", s.caption());
    }

    @Test
    void withoutMetalTheSliceIsAtMidHeightAndWithMetalAtTheTopItIsTheTopPlane() {
        FrontSlice none = FrontSlice.of(B, new double[B.columnCount()]);
        assertEquals(20, none.k());
        assertTrue(none.caption().endsWith("(no metal)"), none.caption());
        double[] full = new double[B.columnCount()];
        java.util.Arrays.fill(full, B.height_m());
        assertEquals(39, FrontSlice.of(B, full).k());
    }
}
