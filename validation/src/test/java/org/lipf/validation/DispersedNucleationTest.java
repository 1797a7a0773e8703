package org.lipf.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lipf.grid.Grid;
import org.lipf.grid.Parallel;
import org.lipf.model.FieldSet;
import org.lipf.model.Interpolation;
import org.lipf.solver.ShortCircuitDetector;
import org.lipf.solver.Simulation;

/**
 * docs/MODEL.md section 3.6: metal that nucleates in an electron-conducting host goes into the
 * dispersed field, which has no interface energy. On the Li / host / LPSCl cell of
 * {@link ImplicitReactionCouplingTest} (a 0.05 V barrier) the current holds at every step, Faraday's
 * law holds with the dispersed metal counted, and the host keeps what it reduced where it reduced
 * it (with the resolved form the double well dissolved such sub-critical metal and the volume
 * constraint moved it to the Li front: section 10.2). Reversing the current oxidises it.
 */
class DispersedNucleationTest {
    private static final Map<String, String> DISPERSED = Map.of("model.nucleation.into", "dispersed");

    @Test
    void theHostKeepsTheMetalItReducesAndFaradayHolds() {
        try (Parallel parallel = new Parallel(2);
             Simulation sim = Cases.start(ImplicitReactionCouplingTest.HOST_CELL, DISPERSED, parallel)) {
            double v0 = sim.metrics().metalVolumePerArea_m(sim.fields());
            double previous = 0;
            for (int i = 0; i < 30; i++) {
                sim.advance(Double.POSITIVE_INFINITY);
                // the coupled solve alone holds the current (0.1 %): the control is not needed with dispersed metal
                assertEquals(50.0, sim.state().counterCurrent_A_per_m2, 0.05, "counter current, step " + i);
                assertEquals(50.0, sim.state().reactionCurrent_A_per_m2, 0.5, "deposition current, step " + i);
                double dispersed = dispersedPerArea_m(sim);
                assertTrue(dispersed >= previous * (1 - 1e-9), "the dispersed metal only grows while plating: step " + i);
                previous = dispersed;
            }
            double deposited = sim.metrics().metalVolumePerArea_m(sim.fields()) - v0;
            double charge = sim.state().passedCharge_C_per_m2;
            assertEquals(charge, deposited * sim.parameters().chargeDensity_C_per_m3(), 0.01 * charge, "Faraday");
            // the host reduces part of the charge itself, and keeps it: at least a tenth of what was deposited
            assertTrue(previous > 0.1 * deposited, "dispersed " + previous + " m of " + deposited + " m deposited");
            // LPSCl's electronic conductivity (1.6e-6 S/m) lies below the floor of sigma_s: it does not nucleate
            double inHost = dispersedPerArea_m(sim, "host"::equals);
            assertEquals(previous, inHost, 0.0, "all of it in the host");
        }
    }

    /**
     * At the long steps of the validation runs (seconds) the dispersed metal is still the charge that passed:
     * the potentials carry the rate the update applies, its backward-Euler average over the step; with the rate
     * at delta in the potentials each step deposited 1 / (1 + dt B) of the charge, 3 % less on the SC cells at
     * 6 s steps.
     */
    @Test
    void atLongStepsTheDispersedMetalIsTheChargeThatPassed() {
        Map<String, String> longSteps = new java.util.HashMap<>(DISPERSED);
        longSteps.put("time.max_step", "10 s");
        longSteps.put("time.max_xi_change", "0.05");
        depositsTheSetCurrent(longSteps, 40, 0, 50.0, 0.05, 0.001, 1, sim -> { });
    }

    @Test
    void lithiumNucleatedAgainstTheElectrolyteIntrudesIntoIt() {
        // a weak LPSCl with a low limit, K_Ic / (sqrt(pi a) n F c_s) = 5.6 mV: the host's metal at the LPSCl
        // interface, 6 um above the Li front, presses the flaws, and a crack grows from them through the 4 um of
        // LPSCl to the top (docs/MODEL.md sections 3.6, 4.2)
        Map<String, String> weak = new java.util.HashMap<>(DISPERSED);
        weak.put("materials.lpscl.fracture_toughness", "0.023 MPa*m^(1/2)");
        try (Parallel parallel = new Parallel(2);
             Simulation sim = Cases.start(ImplicitReactionCouplingTest.HOST_CELL, weak, parallel)) {
            ShortCircuitDetector.Short s = null;
            for (int i = 0; i < 1000 && s == null; i++) {
                sim.advance(Double.POSITIVE_INFINITY);
                s = sim.checkShort();
            }
            assertTrue(s != null, "no intrusion within 1000 steps (t = " + sim.state().time_s + " s, crack " + sim.crackRadius_m() + " m)");
            assertTrue(s.cause().startsWith("Li intrusion into lpscl"), s.cause());
            // the first LPSCl cell above the host (8 um = Li 2 um + host 6 um, cells of 0.1 um)
            assertEquals(8.05e-6, s.z_m(), 1e-9, s.toString());
        }
    }

    @Test
    void aHostFilledUpToTheElectrolyteBecomesResolvedMetalThatPlatesOn() {
        // a 0.5 um host (free fraction 0.3: room for 0.15 um of Li, 1113 C/m^2, 111 s at 1 mA/cm^2) under an
        // LPSCl made too tough to crack (100 MPa m^1/2): once the host's cells are full their metal is resolved
        // (DispersedMerge) and its surface against the LPSCl plates on into it; before, the Li front grew on
        // through the host's dispersed metal and counted its cells twice over (xi ~ 1 with delta 0.11)
        String thin = ImplicitReactionCouplingTest.HOST_CELL
                .replace("width: 1 um, height: 12 um", "width: 0.5 um, height: 6 um")
                .replace("{material: host, thickness: 6 um, xi: 0, c: 1}", "{material: host, thickness: 0.5 um, xi: 0, c: 1}")
                .replace("current_density: 5 mA/cm^2", "current_density: 1 mA/cm^2")
                .replace("max_step: 0.05 s", "max_step: 2 s, max_xi_change: 0.05");
        Map<String, String> tough = new java.util.HashMap<>(DISPERSED);
        tough.put("materials.lpscl.fracture_toughness", "100 MPa*m^(1/2)");
        try (Parallel parallel = new Parallel(2);
             Simulation sim = Cases.start(thin, tough, parallel)) {
            double v0 = sim.metrics().metalVolumePerArea_m(sim.fields());
            double chargeDensity = sim.parameters().chargeDensity_C_per_m3();
            double fill = 0.3 * 0.5e-6 * chargeDensity;
            double chargeFull = Double.NaN, lpsclFull = Double.NaN;
            while (sim.state().passedCharge_C_per_m2 < 3 * fill) {
                sim.advance(Double.POSITIVE_INFINITY);
                assertEquals(10.0, sim.state().counterCurrent_A_per_m2, 0.01, "counter current at t = " + sim.state().time_s);
                assertTrue(sim.checkShort() == null, "short at t = " + sim.state().time_s);
                if (Double.isNaN(chargeFull) && sim.state().passedCharge_C_per_m2 > 2 * fill) {
                    chargeFull = sim.state().passedCharge_C_per_m2;
                    lpsclFull = metalPerArea_m(sim, "lpscl");
                }
            }
            double charge = sim.state().passedCharge_C_per_m2;
            assertEquals(charge, (sim.metrics().metalVolumePerArea_m(sim.fields()) - v0) * chargeDensity, 0.01 * charge, "Faraday");
            // every host cell holds resolved metal (its dispersed metal merged into xi) but the top one, which the
            // diffuse interface of the new surface straddles with the first LPSCl cell
            FieldSet f = sim.fields();
            for (int k = 20; k < 24; k++) {
                int P = sim.grid().index(0, 0, k);
                assertTrue(f.xi[P] > 0.9 && f.dispersed[P] < 0.01, "host cell " + k + ": xi " + f.xi[P] + ", delta " + f.dispersed[P]);
            }
            // with the host full and the new surface a diffuse width into the LPSCl, the LPSCl takes all the further plating (5 %)
            double expected = (charge - chargeFull) / chargeDensity;
            assertEquals(expected, metalPerArea_m(sim, "lpscl") - lpsclFull, 0.05 * expected, "Li grown into the LPSCl, m");
        }
    }

    /** integral(f_free (xi + delta)) dV / area over the cells of one material, m. */
    private static double metalPerArea_m(Simulation sim, String material) {
        FieldSet f = sim.fields();
        Grid g = sim.grid();
        double s = 0;
        for (int k = 0; k < g.nz; k++)
            for (int j = 0; j < g.ny; j++)
                for (int i = 0; i < g.nx; i++) {
                    int P = g.index(i, j, k);
                    if (sim.materials().names[f.material[P]].equals(material)) s += sim.materials().freeFraction[f.material[P]] * (f.xi[P] + f.dispersed[P]);
                }
        return s * g.cellVolume_m3() / g.lateralArea();
    }

    @Test
    void strippingOxidisesTheDispersedMetal() {
        String cycle = ImplicitReactionCouplingTest.HOST_CELL.replace("control: {mode: galvanostatic, current_density: 5 mA/cm^2}",
                "control: {mode: galvanostatic, protocol: {type: cycling, current_density: 5 mA/cm^2, capacity: 10 C/m^2, cycles: 1}}");
        try (Parallel parallel = new Parallel(2);
             Simulation sim = Cases.start(cycle, DISPERSED, parallel)) {
            double v0 = sim.metrics().metalVolumePerArea_m(sim.fields());
            double peak = 0;
            while (sim.state().time_s < 0.2 * (1 - 1e-9)) {
                sim.advance(0.2 - sim.state().time_s);
                peak = Math.max(peak, dispersedPerArea_m(sim));
            }
            assertTrue(peak > 0, "plating filled the host");
            double last = dispersedPerArea_m(sim);
            while (sim.state().time_s < 0.4 * (1 - 1e-9)) {
                sim.advance(0.4 - sim.state().time_s);
                assertEquals(-50.0, sim.state().counterCurrent_A_per_m2, 0.05, "stripping current");
                double now = dispersedPerArea_m(sim);
                assertTrue(now < last, "stripping oxidises the dispersed metal at every step: " + now + " after " + last);
                last = now;
            }
            // plated and stripped the same charge: the metal is back where it started (Faraday over the cycle)
            assertEquals(0, sim.state().passedCharge_C_per_m2, 0.01 * 10, "net charge");
            assertEquals(v0, sim.metrics().metalVolumePerArea_m(sim.fields()), 0.01 * 10 / sim.parameters().chargeDensity_C_per_m3(), "metal volume");
        }
    }

    /**
     * Stripping the Li under the host at 5 mA/cm^2 opens voids at its surface (section 4.3), which advance after
     * each step's coupled solve: the next step reacts at a smaller contact than its source was solved with. The
     * voltage's correction along the solve's response (section 5.4.1) keeps the metal dissolved to the set current:
     * at 0.5 s steps it fell 0.3 % short without it (the contact shrinking by 0.6 % per second).
     */
    @Test
    void strippingIntoVoidsDissolvesTheSetCurrent() {
        Map<String, String> stripping = new java.util.HashMap<>(DISPERSED);
        stripping.put("control.current_density", "-5 mA/cm^2");
        stripping.put("time.max_step", "0.5 s");
        stripping.put("time.end", "10 s");
        depositsTheSetCurrent(stripping, 20, 1, -50.0, 50e-5, 1e-4, 0.1,
                sim -> assertTrue(sim.minContactFraction() < 0.97, "the voids shrink the contact: " + sim.minContactFraction()));
        // voids 200 times shallower: the contact halves within a step, and the source's exponential response to the
        // voltage is far from linear over the correction (one linear step dissolved 65 instead of 50 A/m^2)
        stripping.put("materials.li.void_depth", "0.005 um");
        depositsTheSetCurrent(stripping, 20, 1, -50.0, 50e-5, 1e-4, 0.1,
                sim -> assertTrue(sim.minContactFraction() < 0.1, "the voids shrink the contact: " + sim.minContactFraction()));
    }

    /**
     * The host cell with the overrides for a number of steps: the deposition current of each step from the one numbered
     * {@code from} is the set one to {@code tolerance} (A/m^2), the steps grew past {@code minLastStep_s}, and the metal
     * deposited is the charge that passed to the fraction {@code faraday} of it; then the run's own checks.
     */
    private static void depositsTheSetCurrent(Map<String, String> overrides, int steps, int from, double current_A_per_m2, double tolerance,
            double faraday, double minLastStep_s, java.util.function.Consumer<Simulation> checks) {
        try (Parallel parallel = new Parallel(2);
             Simulation sim = Cases.start(ImplicitReactionCouplingTest.HOST_CELL, overrides, parallel)) {
            double v0 = sim.metrics().metalVolumePerArea_m(sim.fields());
            for (int i = 0; i < steps; i++) {
                sim.advance(Double.POSITIVE_INFINITY);
                if (i >= from)
                    assertEquals(current_A_per_m2, sim.state().reactionCurrent_A_per_m2, tolerance, "deposition current, step " + i + ", dt " + sim.state().lastStep_s + " s");
            }
            assertTrue(sim.state().lastStep_s > minLastStep_s, "long steps: " + sim.state().lastStep_s + " s");
            double deposited = sim.metrics().metalVolumePerArea_m(sim.fields()) - v0;
            double charge = sim.state().passedCharge_C_per_m2;
            assertEquals(charge, deposited * sim.parameters().chargeDensity_C_per_m3(), faraday * Math.abs(charge), "Faraday");
            checks.accept(sim);
        }
    }

    /** integral(f_free delta) dV / area, m. */
    private static double dispersedPerArea_m(Simulation sim) {
        return dispersedPerArea_m(sim, name -> true);
    }

    /** integral(f_free delta) dV / area over the cells of the materials named, m; checks 0 <= delta <= 1 - h(xi) everywhere. */
    private static double dispersedPerArea_m(Simulation sim, java.util.function.Predicate<String> material) {
        FieldSet f = sim.fields();
        Grid g = sim.grid();
        double s = 0;
        for (int k = 0; k < g.nz; k++)
            for (int i = 0; i < g.nx; i++) {
                int P = g.index(i, 0, k);
                double delta = f.dispersed[P];
                // a merged cell (xi = 1) keeps what a resolved front's tail had overlapped (DispersedMerge)
                double room = f.xi[P] == 1 ? 0.146 : 1 - Interpolation.h(f.xi[P]);
                assertTrue(delta >= 0 && delta <= room + 1e-12, "delta " + delta + " at (" + i + "," + k + ")");
                if (material.test(sim.materials().names[f.material[P]])) s += sim.materials().freeFraction[f.material[P]] * delta;
            }
        return s * g.cellVolume_m3() / g.lateralArea();
    }
}
