package org.lipf.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lipf.grid.Grid;
import org.lipf.grid.Parallel;
import org.lipf.model.FieldSet;
import org.lipf.model.Interpolation;
import org.lipf.solver.Simulation;

/**
 * docs/MODEL.md section 3.6.1: where an electron-conducting host meets a dense ion conductor, Li+ meets the host's
 * electrons at the face, which carries the host's exchange current per area. On the Li / host / LPSCl cell of
 * {@link ImplicitReactionCouplingTest} with a host that barely conducts ions (1e-4 S/m) and a nucleation barrier of
 * 0.5 V that keeps its volume shut, the current goes through the host / LPSCl face at the overpotential Butler-Volmer
 * gives for it (the inverse of i = i0 BV(eta, c), within 2 %); the face's Li fills the host's top cells and,
 * once they are full, collects at the face (in the LPSCl cells above it) while Faraday's law holds with it counted
 * (0.1 %); stripping oxidises the face's Li before the host's.
 */
class FaceReactionTest {
    /** Soft carbon that conducts ions 1e4 times less than the test cell's host: the face carries the current. */
    private static final String CELL = ImplicitReactionCouplingTest.HOST_CELL
            .replace("ionic_conductivity: 0.01 S/m", "ionic_conductivity: 1e-4 S/m")
            .replace("nucleation: {barrier: 0.05 V, gating_conductivity: 1e-3 S/m}",
                    "nucleation: {barrier: 0.5 V, gating_conductivity: 1e-3 S/m, into: dispersed, dispersed_ion_path: 0, face_reaction: true}")
            .replace("current_density: 5 mA/cm^2", "current_density: 1 mA/cm^2")
            .replace("max_step: 0.05 s", "max_step: 2 s, max_xi_change: 0.05");
    private static final double CURRENT_A_PER_M2 = 10;
    /** The host's top row of cells (Li 0-2 um, host 2-8 um, cells of 0.1 um) and the first LPSCl row above it. */
    private static final int HOST_TOP = 79, LPSCL_FIRST = 80;

    @Test
    void theFaceCarriesTheHostsButlerVolmerCurrent() {
        try (Parallel parallel = new Parallel(2);
             Simulation sim = Cases.start(CELL, Map.of(), parallel)) {
            for (int i = 0; i < 5; i++) sim.advance(Double.POSITIVE_INFINITY);
            assertEquals(CURRENT_A_PER_M2, sim.state().counterCurrent_A_per_m2, 0.01, "counter current");
            FieldSet f = sim.fields();
            Grid g = sim.grid();
            int host = f.material[g.index(0, 0, HOST_TOP)];
            double i0 = sim.materials().i0_A_per_m2[host], fF = sim.parameters().f_per_V();
            for (int i = 0; i < g.nx; i++) {
                int P = g.index(i, 0, HOST_TOP);
                // alpha = 1/2: i / i0 = c x - 1 / x with x = exp(-f eta / 2), a quadratic in x
                double c = f.c[P], ratio = CURRENT_A_PER_M2 / i0;
                double expected = -2 / fF * Math.log((ratio + Math.sqrt(ratio * ratio + 4 * c)) / (2 * c));
                double eta = f.phiS[P] - f.phiL[P] - sim.parameters().equilibriumPotential_V();
                assertEquals(expected, eta, 0.02 * Math.abs(expected), "overpotential at the face, column " + i + " (c " + c + ")");
            }
            // the top row takes the current: what reached the Li front and the host's volume below is a few per cent at most
            assertTrue(dispersedPerArea_m(sim, HOST_TOP, HOST_TOP + 1) > 0.95 * dispersedPerArea_m(sim, 0, g.nz),
                    "the face's row holds the host's Li");
        }
    }

    @Test
    void theHostYieldsToTheLiItsFacesDepositAndFaradayHolds() {
        try (Parallel parallel = new Parallel(2);
             Simulation sim = Cases.start(CELL, Map.of(), parallel)) {
            double chargeDensity = sim.parameters().chargeDensity_C_per_m3();
            // the top row's pores (0.3 of 0.1 um) hold 0.03 um of Li: 223 C/m^2; plate three times that
            double topRow = 0.3 * 0.1e-6 * chargeDensity;
            double v0 = sim.metrics().metalVolumePerArea_m(sim.fields());
            while (sim.state().passedCharge_C_per_m2 < 3 * topRow) {
                sim.advance(Double.POSITIVE_INFINITY);
                assertEquals(CURRENT_A_PER_M2, sim.state().reactionCurrent_A_per_m2, 0.01, "deposition current at t = " + sim.state().time_s);
            }
            double charge = sim.state().passedCharge_C_per_m2;
            assertEquals(charge, (sim.metrics().metalVolumePerArea_m(sim.fields()) - v0) * chargeDensity, 0.001 * charge, "Faraday");
            FieldSet f = sim.fields();
            Grid g = sim.grid();
            for (int i = 0; i < g.nx; i++) {
                int P = g.index(i, 0, HOST_TOP);
                assertEquals(1 - Interpolation.h(f.xi[P]), f.dispersed[P], 1e-3, "the face's host cell is full, column " + i);
            }
            // the rest lies at the face, in the LPSCl cells right above the host, and nowhere else
            double atFace = faceLiPerArea_m(sim, LPSCL_FIRST, LPSCL_FIRST + 1);
            assertEquals(faceLiPerArea_m(sim, 0, g.nz), atFace, 0, "face Li only above the host");
            double inHost = dispersedPerArea_m(sim, 0, g.nz);
            assertEquals(charge / chargeDensity, atFace + inHost, 0.01 * charge / chargeDensity, "face and host hold the deposit");
            assertTrue(atFace > 0.5 * charge / chargeDensity, "most of it at the face: " + atFace + " m");
        }
    }

    @Test
    void strippingOxidisesTheFacesLiFirst() {
        String cycle = CELL.replace("control: {mode: galvanostatic, current_density: 1 mA/cm^2}",
                "control: {mode: galvanostatic, protocol: {type: cycling, current_density: 1 mA/cm^2, capacity: 600 C/m^2, cycles: 1}}");
        try (Parallel parallel = new Parallel(2);
             Simulation sim = Cases.start(cycle, Map.of(), parallel)) {
            double v0 = sim.metrics().metalVolumePerArea_m(sim.fields());
            while (sim.state().time_s < 60 * (1 - 1e-9)) sim.advance(60 - sim.state().time_s);
            double face = faceLiPerArea_m(sim, 0, sim.grid().nz), host = dispersedPerArea_m(sim, 0, sim.grid().nz);
            assertTrue(face > 0, "plating laid Li at the face");
            // strip a third of the face's Li: the host keeps its own
            double stripTo = 60 + face / 3 * sim.parameters().chargeDensity_C_per_m3() / CURRENT_A_PER_M2;
            while (sim.state().time_s < stripTo * (1 - 1e-9)) {
                sim.advance(stripTo - sim.state().time_s);
                if (sim.state().time_s > 60) assertEquals(-CURRENT_A_PER_M2, sim.state().counterCurrent_A_per_m2, 0.01, "stripping current");
            }
            assertEquals(2.0 / 3 * face, faceLiPerArea_m(sim, 0, sim.grid().nz), 0.02 * face, "the face's Li after stripping a third of it");
            assertEquals(host, dispersedPerArea_m(sim, 0, sim.grid().nz), 0.01 * host, "the host's Li while the face still has some");
            while (sim.state().time_s < 120 * (1 - 1e-9)) sim.advance(120 - sim.state().time_s);
            // plated and stripped the same charge: the metal is back where it started
            assertEquals(v0, sim.metrics().metalVolumePerArea_m(sim.fields()), 0.01 * 600 / sim.parameters().chargeDensity_C_per_m3(), "metal volume");
        }
    }

    /** integral(f_free delta) dV / area over the rows [k0, k1), m. */
    private static double dispersedPerArea_m(Simulation sim, int k0, int k1) {
        FieldSet f = sim.fields();
        Grid g = sim.grid();
        double s = 0;
        for (int k = k0; k < k1; k++)
            for (int i = 0; i < g.nx; i++) {
                int P = g.index(i, 0, k);
                s += sim.materials().freeFraction[f.material[P]] * f.dispersed[P];
            }
        return s * g.cellVolume_m3() / g.lateralArea();
    }

    /** The Li at host faces per area over the rows [k0, k1), m. */
    private static double faceLiPerArea_m(Simulation sim, int k0, int k1) {
        FieldSet f = sim.fields();
        Grid g = sim.grid();
        double s = 0;
        for (int k = k0; k < k1; k++)
            for (int i = 0; i < g.nx; i++) s += f.faceLi[g.index(i, 0, k)];
        return s * g.cellVolume_m3() / g.lateralArea();
    }
}
