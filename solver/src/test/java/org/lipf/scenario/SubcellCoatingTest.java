package org.lipf.scenario;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** A sub-cell coating's cell carries the coating's interface resistance in series with the host. */
class SubcellCoatingTest {
    // paper C (Lim et al. 2024): LPSCl 2.5 mS/cm; cracked LiF 5.0e-9 S/cm ionic, ~1e-10 S/cm electronic
    private static final MaterialSpec LPSCL = new MaterialSpec("lpscl", 1e-12, 0.25, 1.6e-6, 2.91, 1, 1860, "");
    private static final MaterialSpec LIF = new MaterialSpec("lif", 2e-20, 5.0e-7, 1e-8, 2.91, 0, 2640, "");

    @Test
    void cellResistanceIsCoatingPlusHostRemainder() {
        double h = 0.5e-6, t = 50e-9;
        MaterialSpec cell = SubcellCoating.effective("cell", LIF, LPSCL, t, h);
        // resistance per area across the cell: h / sigma_cell = t / sigma_LiF + (h - t) / sigma_LPSCl
        double expected = t / 5.0e-7 + (h - t) / 0.25;
        assertEquals(expected, h / cell.sigmaIon_S_per_m(), 1e-12 * expected);
        assertEquals(0.1, SubcellCoating.interfaceResistance_ohm_m2(t, 5.0e-7) / 1.0, 1e-12, "50 nm at 5e-9 S/cm is 0.1 ohm m^2 = 1000 ohm cm^2");
        // the coating dominates: 0.1 ohm m^2 against 1.8e-6 ohm m^2 of LPSCl
        assertTrue(cell.sigmaIon_S_per_m() < 1e-4 * LPSCL.sigmaIon_S_per_m(), "the film dominates the cell");
        assertEquals(0, cell.freeFraction(), "Li does not grow through the film");
        assertEquals(LIF.exchangeCurrentDensity_A_per_m2(), cell.exchangeCurrentDensity_A_per_m2());
    }

    @Test
    void diffusivityFollowsTheSameSeriesRuleAsConductivity() {
        MaterialSpec cell = SubcellCoating.effective("cell", LIF, LPSCL, 20e-9, 0.25e-6);
        double f = 20e-9 / 0.25e-6;
        assertEquals(1 / (f / LIF.diffusivity_m2_per_s() + (1 - f) / LPSCL.diffusivity_m2_per_s()), cell.diffusivity_m2_per_s(), 1e-30);
        assertEquals(1 / (f / LIF.sigmaEl_S_per_m() + (1 - f) / LPSCL.sigmaEl_S_per_m()), cell.sigmaEl_S_per_m(), 1e-18);
    }

    @Test
    void insulatingCoatingBlocksItsCarrier() {
        MaterialSpec blocking = new MaterialSpec("mgf2", 1e-20, 1e-9, 0, 1, 0, 3150, "");
        assertEquals(0, SubcellCoating.effective("cell", blocking, LPSCL, 50e-9, 0.5e-6).sigmaEl_S_per_m());
        assertEquals(Double.POSITIVE_INFINITY, SubcellCoating.interfaceResistance_ohm_m2(50e-9, 0));
    }

    @Test
    void aCoatingThickerThanTheCellIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SubcellCoating.effective("cell", LIF, LPSCL, 0.6e-6, 0.5e-6));
    }
}
