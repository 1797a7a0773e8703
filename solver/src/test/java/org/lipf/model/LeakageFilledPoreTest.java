package org.lipf.model;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/**
 * The pore filled by electronic leakage of docs/MODEL.md section 4.2.1 against its closed forms, with the library's
 * argyrodite (K_Ic 0.23 MPa m^1/2, E 18.5 GPa, pores of 0.3 um) reduced by Li (sigma_e 7.1e-7 S/cm, paper A).
 */
class LeakageFilledPoreTest {
    private static final double RHO = PhysicalConstants.FARADAY_C_PER_MOL * 7.64e4, A = 0.3e-6, SIGMA = 7.1e-5;
    private final LiFilledCrack crack = new LiFilledCrack(0.23e6, 18.5e9, 0.1e-6, RHO);
    private final LeakageFilledPore pore = new LeakageFilledPore(A, SIGMA, 18.5e9, crack, RHO);

    /** n F c_s a^2 / (3 sigma_e |eta|): the void (4/3) pi a^3 over the current 4 pi a sigma_e |eta| of a sphere. */
    private static double fillTime_s(double eta_V) {
        return RHO * A * A / (3 * SIGMA * Math.abs(eta_V));
    }

    @Test
    void theVoidFillsLinearlyInTheTimeOfASphericalConductorAndCracksAsAFlawOfItsSize() {
        assertEquals(crack.criticalOverpotential_V(A), pore.criticalOverpotential_V(), 0);
        assertEquals(0.0557 / Math.sqrt(3), pore.criticalOverpotential_V(), 0.0005, "a flaw three times larger: 32 mV");
        double eta = -0.040, fill = fillTime_s(eta);
        assertEquals(78, fill, 1, "the reduced P-LPSCl fills its pores in about a minute at 40 mV");
        LeakageFilledPore.State s = new LeakageFilledPore.State();
        assertFalse(pore.advance(s, 0.25 * fill, eta, 0));
        assertEquals(0.25, pore.fillFraction(s), 1e-12);
        assertFalse(pore.advance(s, 0.7499 * fill, eta, 0));
        assertEquals(0.9999, pore.fillFraction(s), 1e-12, "no pressure before the void is full");
        // beyond the void the Li is compressed against the electrolyte (a cavity's compliance 3 / (4 G)): u = V - V0
        // relaxes at the rate A k towards the u its overpotential holds, and the pore cracks where it reaches p_c(a),
        // at t = ln(u_eta / (u_eta - u_c)) / (A k) after the void filled (4 s of its 78 s)
        double shear = 18.5e9 / 2.6, voidVolume = 4.0 / 3 * Math.PI * A * A * A;
        double ak = 4 * Math.PI * A * SIGMA / RHO * (4 * shear / (3 * voidVolume * RHO));
        double toCrack = 0.0001 * fill + Math.log(-eta / (-eta - pore.criticalOverpotential_V())) / ak;
        assertTrue(toCrack > 0.02 * fill && toCrack < 0.1 * fill, "elastic loading: " + toCrack);
        assertFalse(pore.advance(s, toCrack - 0.01, eta, 0));
        assertTrue(pore.advance(s, 0.02, eta, 0));
        assertEquals(1 + 3 * crack.criticalPressure_Pa(A) / (4 * shear), pore.fillFraction(s), 1e-9, "cracked at p_c(a)");
    }

    @Test
    void belowItsLimitTheFilledPoreRestsAtThePressureTheOverpotentialHolds() {
        double eta = -0.020; // below the pore's 32 mV
        LeakageFilledPore.State s = new LeakageFilledPore.State();
        assertFalse(pore.advance(s, 50 * fillTime_s(eta), eta, 0));
        // n F |eta| = V_m p: p = n F c_s |eta| compresses the Li by 3 p / (4 G) of the void
        double p = RHO * Math.abs(eta), shear = 18.5e9 / 2.6;
        assertEquals(1 + 3 * p / (4 * shear), pore.fillFraction(s), 1e-9);
    }

    @Test
    void aFilmOnTheMetalAddsItsElectronicResistanceOverThePoresCrossSection() {
        double eta = -0.020, fill = fillTime_s(eta);
        // r over pi a^2 in series with the sphere's 1 / (4 pi a sigma_e): the filling slows by 1 + 4 sigma_e r / a
        double r = 1e-2; // ohm m^2: 10 nm of a film conducting electrons at 1e-6 S/m
        LeakageFilledPore.State s = new LeakageFilledPore.State();
        double slower = 1 + 4 * SIGMA * r / A;
        assertEquals(10.5, slower, 0.1);
        assertFalse(pore.advance(s, 0.5 * fill * slower, eta, r));
        assertEquals(0.5, pore.fillFraction(s), 1e-12);
        // a film that blocks electrons (infinite resistance) stops it; so does an unknown overpotential
        assertFalse(pore.advance(s, 100 * fill, eta, Double.POSITIVE_INFINITY));
        assertFalse(pore.advance(s, 100 * fill, Double.NaN, 0));
        assertEquals(0.5, pore.fillFraction(s), 1e-12);
    }

    @Test
    void aPoreAlreadyBeyondItsCriticalPressureCracksAtOnce() {
        // as after a restart that made the pores smaller: Li compressed past p_c(a) cracks whatever the overpotential
        double shear = 18.5e9 / 2.6;
        LeakageFilledPore.State s = new LeakageFilledPore.State();
        s.liVolume_m3 = pore.voidVolume_m3() * (1 + 2 * 3 * crack.criticalPressure_Pa(A) / (4 * shear));
        assertTrue(pore.advance(s, 1e-3, -0.005, 0));
        assertEquals(1 + 3 * crack.criticalPressure_Pa(A) / (4 * shear), pore.fillFraction(s), 1e-9);
    }

    @Test
    void strippingDissolvesThePoresLiAtTheSameRateAndAnyStepSizeGivesTheSameState() {
        double eta = -0.020, fill = fillTime_s(eta);
        LeakageFilledPore.State once = new LeakageFilledPore.State(), steps = new LeakageFilledPore.State();
        pore.advance(once, 3 * fill, eta, 0);
        pore.advance(once, 0.5 * fill, -eta, 0);
        for (int i = 0; i < 3000; i++) pore.advance(steps, 3 * fill / 3000, eta, 0);
        for (int i = 0; i < 500; i++) pore.advance(steps, 0.5 * fill / 500, -eta, 0);
        // the compressed Li decompresses first, relaxing at the rate A k towards the pressure -eta would hold
        // (u from +u_eta through 0: ln 2 / (A k)), then the void empties as it filled
        double shear = 18.5e9 / 2.6, voidVolume = 4.0 / 3 * Math.PI * A * A * A;
        double ak = 4 * Math.PI * A * SIGMA / RHO * (4 * shear / (3 * voidVolume * RHO));
        double decompression = Math.log(2) / ak;
        assertTrue(decompression < 0.02 * fill, "a fraction of the filling: " + decompression);
        assertEquals(0.5 + decompression / fill, pore.fillFraction(once), 1e-9);
        assertEquals(pore.fillFraction(once), pore.fillFraction(steps), 1e-9);
        pore.advance(once, fill, -eta, 0);
        assertEquals(0, pore.fillFraction(once), 0, "empty, not negative");
    }
}
