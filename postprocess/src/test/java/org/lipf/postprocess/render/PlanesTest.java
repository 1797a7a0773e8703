package org.lipf.postprocess.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lipf.postprocess.RunFolderException;
import org.lipf.postprocess.metrics.CellBlock;

/** Where the slices of a 3D snapshot cut: the mid-planes and the front, or the planes of cells holding given positions. */
class PlanesTest {
    /** 4 x 6 x 3 cells of 0.5 um; each cell's value codes its column and row, 100 j + i. */
    static final CellBlock BLOCK = new CellBlock(4, 6, 3, 0.5e-6);

    static double[] coded() {
        double[] v = new double[BLOCK.cellCount()];
        for (int k = 0; k < BLOCK.nz(); k++)
            for (int j = 0; j < BLOCK.ny(); j++)
                for (int i = 0; i < BLOCK.nx(); i++) v[BLOCK.index(i, j, k)] = 100 * j + i;
        return v;
    }

    /** The j of every cell of the x-z plane and the i of every cell of the y-z plane, each expected to be one value. */
    static void assertCuts(List<Plane> planes, int j, int i) {
        for (double v : planes.get(0).values()) assertEquals(j, (int) v / 100);
        for (double v : planes.get(1).values()) assertEquals(i, (int) v % 100);
    }

    @Test
    void defaultSlicesAreTheMidPlanes() {
        List<Plane> planes = Planes.of(BLOCK, null, null, null, coded(), SlicePositions.MID, new FrontSlice(1, "x-y"));
        assertCuts(planes, 3, 2);
        assertEquals("x-z mid-slice, y = 1.75 \u00b5m", planes.get(0).caption());
        assertEquals("y-z mid-slice, x = 1.25 \u00b5m", planes.get(1).caption());
    }

    @Test
    void placedSlicesCutTheCellsHoldingTheirPositionsAndSaySo() throws RunFolderException {
        // y = 1.2 um lies in cell j = 2 (1.0 to 1.5 um, centre 1.25 um); x = 0.2 um in cell i = 0; the far edges are cells n - 1
        SlicePositions at = new SlicePositions(0.2e-6, 1.2e-6, Double.NaN);
        at.check(BLOCK, "run");
        List<Plane> planes = Planes.of(BLOCK, null, null, null, coded(), at, new FrontSlice(1, "x-y"));
        assertCuts(planes, 2, 0);
        assertEquals("x-z slice, y = 1.25 \u00b5m", planes.get(0).caption());
        assertEquals("y-z slice, x = 0.250 \u00b5m", planes.get(1).caption());
        assertCuts(Planes.of(BLOCK, null, null, null, coded(), new SlicePositions(2e-6, 3e-6, Double.NaN), new FrontSlice(1, "x-y")), 5, 3);
    }

    @Test
    void aHeightPutsTheXySliceInThePlaneOfCellsHoldingItInsteadOfThroughTheFront() throws RunFolderException {
        // values code the plane, k; z = 0.6 um lies in k = 1 (0.5 to 1.0 um), the front's slice is k = 2
        double[] v = new double[BLOCK.cellCount()];
        for (int P = 0; P < v.length; P++) v[P] = P / (BLOCK.nx() * BLOCK.ny());
        FrontSlice front = new FrontSlice(2, "x-y slice through the front, z = 1.25 \u00b5m");
        SlicePositions at = new SlicePositions(Double.NaN, Double.NaN, 0.6e-6);
        at.check(BLOCK, "run");
        Plane xy = Planes.of(BLOCK, null, null, null, v, at, front).get(Planes.XY_SLICE);
        for (double x : xy.values()) assertEquals(1, x);
        assertEquals("x-y slice, z = 0.750 \u00b5m", xy.caption());
        Plane byFront = Planes.of(BLOCK, null, null, null, v, SlicePositions.MID, front).get(Planes.XY_SLICE);
        for (double x : byFront.values()) assertEquals(2, x);
        assertEquals(front.caption(), byFront.caption());
        // a face between two planes is the upper one's, also where dividing by the cell rounds below: 123.25 um / 0.25 um = 492.99...
        double z = org.lipf.scenario.UnitParser.parse("123.25 um", org.lipf.scenario.PhysicalQuantity.LENGTH, "um");
        assertEquals(493, new SlicePositions(Double.NaN, Double.NaN, z).k(new CellBlock(4, 4, 600, 0.25e-6)), "z = " + z + " m");
        // the top face, 1.5 um, is the top plane's
        for (double x : Planes.of(BLOCK, null, null, null, v, new SlicePositions(Double.NaN, Double.NaN, 1.5e-6), front).get(Planes.XY_SLICE).values())
            assertEquals(2, x);
    }

    @Test
    void aPositionOutsideTheWindowIsRefusedNamingTheOptionAndTheRange() {
        RunFolderException e = assertThrows(RunFolderException.class, () -> new SlicePositions(Double.NaN, 3.1e-6, Double.NaN).check(BLOCK, "runs/x"));
        assertEquals("--slice-y 3.1 \u00b5m: outside the window of runs/x, y from 0 to 3 \u00b5m", e.getMessage());
        assertThrows(RunFolderException.class, () -> new SlicePositions(2.01e-6, Double.NaN, Double.NaN).check(BLOCK, "runs/x"));
        RunFolderException z = assertThrows(RunFolderException.class, () -> new SlicePositions(Double.NaN, Double.NaN, 1.6e-6).check(BLOCK, "runs/x"));
        assertEquals("--slice-z 1.6 \u00b5m: outside the window of runs/x, z from 0 to 1.5 \u00b5m", z.getMessage());
    }
}
