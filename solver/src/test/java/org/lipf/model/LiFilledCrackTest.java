package org.lipf.model;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/**
 * The Li-filled penny crack of docs/MODEL.md section 4.2 against its closed forms, with the library's
 * argyrodite (K_Ic 0.23 MPa m^1/2, flaw 0.1 um, E 18.5 GPa) and Li (n F c_s = F 7.64e4 mol/m^3).
 */
class LiFilledCrackTest {
    private static final double RHO = PhysicalConstants.FARADAY_C_PER_MOL * 7.64e4;
    private final LiFilledCrack crack = new LiFilledCrack(0.23e6, 18.5e9, 0.1e-6, RHO);

    @Test
    void theFlawsLimitAndFillingChargeAreThoseOfAPennyCrackAtItsFracturePressure() {
        // eta_c = K_Ic / (sqrt(pi a) n F c_s): 55.7 mV
        assertEquals(0.23e6 / Math.sqrt(Math.PI * 0.1e-6) / RHO, crack.limit_V(), 1e-12);
        assertEquals(0.0557, crack.limit_V(), 0.0005);
        // the volume a penny crack holds open at p_c, through its two walls: n F c_s delta_c / 3 of plating,
        // delta_c = 8 (1 - nu^2) p_c a / (pi E) = 5.1 nm: 12.6 C/m^2
        double a0 = 0.1e-6, charge = RHO * crack.criticalVolume_m3(a0) / (2 * Math.PI * a0 * a0);
        double opening = 8 * 0.91 * crack.criticalPressure_Pa(a0) * a0 / (Math.PI * 18.5e9);
        assertEquals(RHO * opening / 3, charge, 1e-9 * charge);
        assertEquals(12.6, charge, 0.1);
    }

    @Test
    void atAConstantWallCurrentTheFlawFillsAndTheCrackGrowsAsTheSquareRootLaw() {
        // constant wall current i: the flaw fills in rho V_c(a0) / (2 pi a0^2 i); then V = C a^(5/2) grows
        // through the walls 2 pi a^2 i / rho, so sqrt(a) - sqrt(a0) = 2 pi i (t - t_fill) / (5 rho C)
        double i = 10, a0 = 0.1e-6;
        double fill = RHO * crack.criticalVolume_m3(a0) / (2 * Math.PI * a0 * a0 * i);
        double c = crack.criticalVolume_m3(1.0);
        LiFilledCrack.State s = new LiFilledCrack.State();
        assertFalse(crack.advance(s, 0.999 * fill, eta -> i, 1));
        assertEquals(a0, crack.radiusOf(s), 0, "no growth before the flaw is full");
        assertEquals(crack.limit_V() * 0.999, crack.pressureOverpotential_V(s), 1e-9 * crack.limit_V(), "elastic loading");
        double t = 60;
        assertFalse(crack.advance(s, 0.001 * fill + t, eta -> i, 1));
        double expected = Math.pow(Math.sqrt(a0) + 2 * Math.PI * i * t / (5 * RHO * c), 2);
        assertEquals(expected, s.radius_m, 0.005 * expected, "radius after " + t + " s of growth");
        assertTrue(expected > 20 * a0);
        // at its critical pressure, which falls as a^(-1/2)
        assertEquals(crack.criticalOverpotential_V(s.radius_m), crack.pressureOverpotential_V(s), 1e-9);
        assertEquals(crack.limit_V() * Math.sqrt(a0 / s.radius_m), crack.pressureOverpotential_V(s), 1e-9);
    }

    @Test
    void belowTheLimitTheFlawFillsOnlyToThePressureTheOverpotentialHolds() {
        // a wall current linear in the overpotential, k (-eta - eta_p): V / V_c tends to -eta / eta_c and
        // the crack never grows
        double k = 500, eta = -0.8 * crack.limit_V();
        LiFilledCrack.State s = new LiFilledCrack.State();
        assertFalse(crack.advance(s, 1e4, etaP -> k * (-eta - etaP), 1));
        assertEquals(0.1e-6, s.radius_m, 0);
        assertEquals(0.8 * crack.criticalVolume_m3(0.1e-6), s.liVolume_m3, 1e-6 * s.liVolume_m3);
        // just beyond it, the crack runs: the pressure it needs falls as it grows
        double beyond = -1.02 * crack.limit_V();
        assertTrue(crack.advance(s, 1e5, etaP -> k * (-beyond - etaP), 40e-6), "reaches 40 um");
        assertTrue(s.radius_m >= 40e-6);
    }

    @Test
    void anAnodicWallCurrentStripsTheCracksLiAndTheCrackStays() {
        LiFilledCrack.State s = new LiFilledCrack.State();
        crack.advance(s, 30, eta -> 10, 1);
        double radius = s.radius_m;
        assertTrue(radius > 1e-6, "grown: " + radius);
        crack.advance(s, 1e4, eta -> -10, 1);
        assertEquals(0, s.liVolume_m3, 0);
        assertEquals(radius, s.radius_m, 0, "a crack does not heal");
        assertEquals(0, crack.pressureOverpotential_V(s), 0);
    }
}
