package org.lipf.postprocess.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MetricsTest {
    static final double DX = 1e-6;
    static final CellBlock FLAT = new CellBlock(4, 1, 10, DX);

    /** xi = 1 below k = 3, 0.75 at k = 3, 0.25 at k = 4, 0 above, in every column. */
    static double[] flatFront() {
        double[] xi = new double[FLAT.cellCount()];
        for (int i = 0; i < 4; i++) {
            for (int k = 0; k < 3; k++) xi[FLAT.index(i, 0, k)] = 1;
            xi[FLAT.index(i, 0, 3)] = 0.75;
            xi[FLAT.index(i, 0, 4)] = 0.25;
        }
        return xi;
    }

    static MetalDistribution metal(CellBlock b, double[] xi) {
        return new MetalDistribution(b, xi, new byte[b.cellCount()], new double[] {1});
    }

    @Test
    void flatFrontHasItsThicknessAsVolumeAndHeightAndUnitInterfaceArea() {
        MetalDistribution d = metal(FLAT, flatFront());
        // per column 1 + 1 + 1 + 0.75 + 0.25 = 4 cells of metal: 4 dx of dense Li
        assertEquals(4 * DX, DepositVolume.metalVolumePerArea_m(d), 1e-20);
        // front between k = 3 (0.75) and k = 4 (0.25): 3.5 dx + dx (0.75 - 0.5) / (0.75 - 0.25) = 4 dx
        double[] h = FrontProfile.columnHeights_m(d);
        assertArrayEquals(new double[] {4 * DX, 4 * DX, 4 * DX, 4 * DX}, h, 1e-18);
        assertEquals(0, FrontProfile.roughness_m(h), 1e-20);
        assertEquals(1.0, InterfaceArea.perLateralArea(d), 1e-12);
        assertEquals(new MetalClusters(1, 0, false), MetalClusters.of(d, 1));
    }

    @Test
    void roughnessIsTheRmsDeviationOfTheColumnFronts() {
        double[] xi = flatFront();
        // column 0 full up to k = 5, empty above: front at 5.5 dx + dx (1 - 0.5) / (1 - 0) = 6 dx
        for (int k = 3; k <= 5; k++) xi[FLAT.index(0, 0, k)] = 1;
        double[] h = FrontProfile.columnHeights_m(metal(FLAT, xi));
        assertArrayEquals(new double[] {6 * DX, 4 * DX, 4 * DX, 4 * DX}, h, 1e-18);
        assertEquals(6 * DX, FrontProfile.maxHeight_m(h), 1e-18);
        // mean 4.5 dx; deviations 1.5, -0.5 x 3: rms sqrt((2.25 + 3 * 0.25) / 4) dx
        assertEquals(Math.sqrt(0.75) * DX, FrontProfile.roughness_m(h), 1e-18);
    }

    @Test
    void isolatedNucleusIsASecondPieceAndAColumnToTheTopIsAShort() {
        double[] xi = flatFront();
        xi[FLAT.index(2, 0, 7)] = 1; // a detached nucleus, below the top band (k >= 8 with band 1)
        MetalClusters c = MetalClusters.of(metal(FLAT, xi), 1);
        assertEquals(new MetalClusters(2, 1, false), c);
        xi[FLAT.index(0, 0, 3)] = 1; // column 0 bridges the cell, k = 0 .. 9
        for (int k = 4; k < 10; k++) xi[FLAT.index(0, 0, k)] = 1;
        assertEquals(new MetalClusters(2, 1, true), MetalClusters.of(metal(FLAT, xi), 1));
    }

    @Test
    void metalCountsOnlyWhereFreeFractionTimesXiExceedsOneHalf() {
        double[] xi = flatFront();
        byte[] material = new byte[FLAT.cellCount()];
        xi[FLAT.index(1, 0, 7)] = 1;
        material[FLAT.index(1, 0, 7)] = 1; // a host with f_free 0.4: m = 0.4, not metal
        MetalDistribution d = new MetalDistribution(FLAT, xi, material, new double[] {1, 0.4});
        assertEquals(1, MetalClusters.of(d, 1).components());
        assertEquals((4 * 4 + 0.4) * DX * DX / (4 * DX), DepositVolume.metalVolumePerArea_m(d), 1e-20);
    }

    @Test
    void faceConnectivityIsPeriodicAcrossTheSidesButNotDiagonalIn3D() {
        CellBlock b = new CellBlock(4, 4, 4, DX);
        double[] xi = new double[b.cellCount()];
        xi[b.index(0, 0, 2)] = 1;
        xi[b.index(1, 1, 2)] = 1; // diagonal neighbour: a separate piece
        assertEquals(new MetalClusters(2, 2, false), MetalClusters.of(metal(b, xi), 1));
        xi[b.index(3, 0, 2)] = 1; // joins (0, 0) across the periodic x side
        xi[b.index(1, 3, 2)] = 1; // a third piece: its y neighbours (1, 0) and (1, 2) are empty
        assertEquals(new MetalClusters(3, 3, false), MetalClusters.of(metal(b, xi), 1));
    }

    @Test
    void depositSharesSplitTheDepositByLayerAndByMaterial() {
        double[] xi0 = flatFront();
        double[] xi = flatFront();
        xi[FLAT.index(0, 0, 4)] = 1; // +0.75 in layer 2 (cells 4..9)
        xi[FLAT.index(1, 0, 3)] = 1; // +0.25 in layer 1 (cells 0..3)
        double[] s = DepositShares.byLayer(metal(FLAT, xi), xi0, new int[][] {{0, 4}, {4, 10}});
        assertArrayEquals(new double[] {0.25, 0.75}, s, 1e-15);
        assertTrue(Double.isNaN(DepositShares.byLayer(metal(FLAT, xi0), xi0, new int[][] {{0, 10}})[0]));
        // the same deposit, the first cell in a host of f_free 0.5: 0.125 there, 0.75 elsewhere
        byte[] material = new byte[FLAT.cellCount()];
        material[FLAT.index(1, 0, 3)] = 1;
        MetalDistribution d = new MetalDistribution(FLAT, xi, material, new double[] {1, 0.5});
        assertArrayEquals(new double[] {0.75 / 0.875, 0.125 / 0.875}, DepositShares.byMaterial(d, xi0), 1e-15);
    }

    /**
     * Li at host faces (solver docs/MODEL.md section 3.6.1) lies in the ion conductor's cells: it counts in the volume
     * and in the layer and material of that cell, and it is no front (a layer that pushes the conductor away).
     */
    @Test
    void liAtHostFacesCountsInTheVolumeAndTheSharesButNotInTheFront() {
        double[] xi0 = flatFront();
        double[] xi = flatFront();
        xi[FLAT.index(1, 0, 3)] = 1; // +0.25 in layer 1 (cells 0..3)
        double[] faceLi = new double[FLAT.cellCount()];
        faceLi[FLAT.index(2, 0, 6)] = 0.75; // in layer 2, more than half a cell
        MetalDistribution plain = metal(FLAT, xi), withFaces = new MetalDistribution(FLAT, xi, new byte[FLAT.cellCount()], new double[] {1}, faceLi);
        assertArrayEquals(new double[] {0.25, 0.75}, DepositShares.byLayer(withFaces, xi0, new int[][] {{0, 4}, {4, 10}}), 1e-15);
        assertEquals(DepositVolume.metalVolumePerArea_m(plain) + 0.75 * DX * DX / (4 * DX), DepositVolume.metalVolumePerArea_m(withFaces), 1e-20);
        assertArrayEquals(FrontProfile.columnHeights_m(plain), FrontProfile.columnHeights_m(withFaces), 0.0, "the fronts");
    }

    @Test
    void aLayerThatLostMetalHasNoShareAndTheSharesStayFractions() {
        // a nucleus in layer 2 flattens: 0.6 of a cell leaves it and 0.9 arrives in layer 1 (0.3 deposited net);
        // net change over net total would give 300 % and -200 %
        double[] xi0 = flatFront();
        xi0[FLAT.index(0, 0, 5)] = 0.6;
        double[] xi = flatFront();
        xi[FLAT.index(0, 0, 3)] = 1; // +0.25
        xi[FLAT.index(1, 0, 3)] = 1; // +0.25
        xi[FLAT.index(2, 0, 3)] = 1; // +0.25
        xi[FLAT.index(3, 0, 3)] = 0.9; // +0.15
        double[] s = DepositShares.byLayer(metal(FLAT, xi), xi0, new int[][] {{0, 4}, {4, 10}});
        assertArrayEquals(new double[] {1, 0}, s, 1e-15);
        // a third layer that gained too shares the gain with the first
        xi[FLAT.index(0, 0, 9)] = 0.3;
        s = DepositShares.byLayer(metal(FLAT, xi), xi0, new int[][] {{0, 4}, {4, 8}, {8, 10}});
        assertArrayEquals(new double[] {0.9 / 1.2, 0, 0.3 / 1.2}, s, 1e-15);
        // everything stripped: no share
        assertTrue(Double.isNaN(DepositShares.byLayer(metal(FLAT, new double[xi0.length]), xi0, new int[][] {{0, 4}, {4, 10}})[0]));
        // stripped on net while the nucleus's metal moved down: gains, but no deposit to share
        double[] stripped = xi.clone();
        stripped[FLAT.index(0, 0, 9)] = 0;
        for (int i = 0; i < 4; i++) stripped[FLAT.index(i, 0, 2)] = 0.5; // -2 cells below the gains of 0.9
        for (double share : DepositShares.byLayer(metal(FLAT, stripped), xi0, new int[][] {{0, 4}, {4, 10}})) assertTrue(Double.isNaN(share));
    }

    @Test
    void snapshotMetricsCombineTheMeasures() {
        SnapshotMetrics m = SnapshotMetrics.of(5, 0.5, metal(FLAT, flatFront()), flatFront(), 3 * DX, 2.5 * DX, 0, 1, new int[][] {{0, 10}}, null, 1, false);
        assertEquals(DX, m.depositedVolume_m(), 1e-20);
        assertEquals(1.5 * DX, m.penetration_m(), 1e-18);
        // a Li-filled crack from the front reaches its radius further into the electrolyte
        SnapshotMetrics cracked = SnapshotMetrics.of(5, 0.5, metal(FLAT, flatFront()), flatFront(), 3 * DX, 2.5 * DX, 4 * DX, 1, new int[][] {{0, 10}}, null, 1, false);
        assertEquals(5.5 * DX, cracked.penetration_m(), 1e-18);
        assertFalse(m.shorted());
        assertTrue(Double.isNaN(m.currentConstriction()), "no rate, no constriction");
    }

    @Test
    void currentConstrictionIsMaxOverMeanOfTheColumnCurrents() {
        MetalDistribution d = metal(FLAT, flatFront());
        double[] rate = new double[FLAT.cellCount()];
        double charge = 7.4e9; // n F c_s of Li, C/m^3
        // a uniform deposition rate of 1e-3 /s in the front cells: every column carries n F c_s 1e-3 dx
        for (int i = 0; i < FLAT.nx(); i++) rate[FLAT.index(i, 0, 3)] = 1e-3;
        double[] cols = DepositionCurrent.columns_A_per_m2(d, rate, charge);
        for (double c : cols) assertEquals(charge * 1e-3 * DX, c, 1e-12 * charge * 1e-3 * DX);
        assertEquals(1, DepositionCurrent.constriction(cols), 1e-12);
        // all of it through one column (a crack): max / mean = the number of columns
        java.util.Arrays.fill(rate, 0);
        rate[FLAT.index(2, 0, 3)] = 1e-3;
        SnapshotMetrics m = SnapshotMetrics.of(5, 0.5, d, flatFront(), 3 * DX, 2.5 * DX, 0, 1, new int[][] {{0, 10}}, rate, charge, false);
        assertEquals(FLAT.nx(), m.currentConstriction(), 1e-12);
        assertEquals(charge * 1e-3 * DX, m.maxLocalCurrent_A_per_m2(), 1e-12 * charge * 1e-3 * DX);
        // stripping: taken in the mean's direction, the column that strips fastest (a third of the columns at twice the rate)
        java.util.Arrays.fill(rate, 0);
        for (int i = 0; i < FLAT.nx(); i++) rate[FLAT.index(i, 0, 3)] = i % 3 == 0 ? -2e-3 : -1e-3;
        double[] stripping = DepositionCurrent.columns_A_per_m2(d, rate, charge);
        double mean = java.util.Arrays.stream(stripping).average().orElseThrow();
        assertEquals(-2e-3 * charge * DX, DepositionCurrent.peak_A_per_m2(stripping), 1e-12 * charge * 2e-3 * DX);
        assertEquals(-2e-3 * charge * DX / mean, DepositionCurrent.constriction(stripping), 1e-12);
        assertTrue(DepositionCurrent.constriction(stripping) > 1);
        // no current at all: none
        java.util.Arrays.fill(rate, 0);
        assertTrue(Double.isNaN(DepositionCurrent.constriction(DepositionCurrent.columns_A_per_m2(d, rate, charge))));
        assertTrue(Double.isNaN(DepositionCurrent.peak_A_per_m2(DepositionCurrent.columns_A_per_m2(d, rate, charge))));
    }

    /** A deposited volume of -1e-12 m (rounding at the start of a run) reads 0, not -0.0000, in the table; the CSV keeps it. */
    @Test
    void summaryPrintsAZeroWithoutSign() {
        SnapshotMetrics start = new SnapshotMetrics(0, 0, 2e-6, -1e-12, 2e-6, 0, 0, 1, 1, 0, false, new double[] {Double.NaN},
                new double[] {Double.NaN}, Double.NaN, Double.NaN);
        RunMetrics m = new RunMetrics("cell", java.util.List.of("layer1_li"), java.util.List.of("li"), 0, java.util.List.of(start));
        String row = m.summary().lines().skip(1).findFirst().orElseThrow();
        assertFalse(row.contains("-0.0"), row);
        assertTrue(row.contains(" 0.0000 "), row);
        assertTrue(m.csv().contains(",-1.0E-12,"), m.csv());
    }

    /**
     * The table gives the peak column current in mA/cm^2 and the constriction (a coating's cracks draw the current:
     * the number a coated cell is run for; it was only in the CSV), a dash where a snapshot has none (the first).
     */
    @Test
    void summaryShowsThePeakColumnCurrentAndTheConstriction() {
        SnapshotMetrics start = new SnapshotMetrics(0, 0, 5e-6, 0, 5e-6, 0, 0, 1, 1, 0, false, new double[] {Double.NaN},
                new double[] {Double.NaN}, Double.NaN, Double.NaN);
        SnapshotMetrics later = new SnapshotMetrics(49, 20, 5.03e-6, 2.7e-8, 5.03e-6, 5.6e-5, 1e-9, 1, 1, 0, false, new double[] {1},
                new double[] {1}, 86.463, 8.6462);
        RunMetrics m = new RunMetrics("lif", java.util.List.of("layer1_li"), java.util.List.of("li"), 0, java.util.List.of(start, later));
        java.util.List<String> lines = m.summary().lines().toList();
        String header = lines.get(0);
        int peak = header.indexOf("i max [mA/cm2]") + "i max [mA/cm2]".length(), constriction = header.indexOf("constr") + "constr".length();
        assertTrue(peak > 0 && constriction > peak, header);
        // right-aligned under their headers (the penetration's header is 11 wide: the columns after it stood one left of theirs)
        int penetration = header.indexOf("penetr [um]") + "penetr [um]".length();
        assertEquals("56.000", lines.get(2).substring(penetration - 6, penetration), lines.get(2));
        assertEquals("8.646", lines.get(2).substring(peak - 5, peak), lines.get(2));
        assertEquals("8.65", lines.get(2).substring(constriction - 4, constriction), lines.get(2));
        assertEquals("-", lines.get(1).substring(peak - 1, peak), lines.get(1));
        assertEquals("-", lines.get(1).substring(constriction - 1, constriction), lines.get(1));
    }

    /**
     * isColumn is what sweep files' metrics are checked against: it knows every column a run's table has;
     * shareMaterial, what their share columns' materials are checked with against the sweep's scenarios.
     */
    @Test
    void isColumnKnowsEveryColumnOfARunAndNoMisspeltOne() {
        RunMetrics run = new RunMetrics("cell", java.util.List.of("layer1_li", "layer2_soft_carbon"), java.util.List.of("li", "lpscl"), 0, java.util.List.of());
        for (String c : run.columns()) assertTrue(RunMetrics.isColumn(c), c);
        for (String c : new String[] {"penetraton_m", "share_layer0_li", "share_layer_li", "share_li", "share_material_"}) assertFalse(RunMetrics.isColumn(c), c);
        java.util.List<String> shares = run.columns().subList(RunMetrics.FIXED_COLUMNS.size(), run.columns().size());
        assertEquals(java.util.List.of("li", "soft_carbon", "li", "lpscl"), shares.stream().map(RunMetrics::shareMaterial).toList());
        for (String c : RunMetrics.FIXED_COLUMNS) assertNull(RunMetrics.shareMaterial(c), c);
        assertNull(RunMetrics.shareMaterial("share_layer0_li"));
    }
}
