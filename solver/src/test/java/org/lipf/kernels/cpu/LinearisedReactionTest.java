package org.lipf.kernels.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lipf.grid.Parallel;
import org.lipf.model.ButlerVolmer;
import org.lipf.model.MaterialTable;
import org.lipf.model.ModelParameters;
import org.lipf.scenario.Scenario;
import org.lipf.scenario.ScenarioLoader;

/**
 * {@link AllenCahnUpdate#linearisedReaction}, the reaction that the galvanostatic control and the coupled potential
 * solve linearise (docs/MODEL.md sections 4 and 5.4.1): its rate is {@link AllenCahnUpdate#reactionRate} to the bit,
 * and its slope with the gate's own slope added is the derivative of that rate in eta, to a central difference
 * (relative 1e-5 at a step of 1e-6 V), on a leaky electrolyte that nucleates (behind its barrier, behind a barrier
 * that keeps the gate closed, and in the dispersed form, plating and stripping, with and without reacting faces against an
 * ion conductor, docs/MODEL.md section 3.6.1) and behind a film of partial contact;
 * the gate's own slope is 0 where nothing nucleates and negative where the gated rate is not; behind an insulating
 * film the growth and its slope vanish.
 */
class LinearisedReactionTest {
    private static final double STEP_V = 1e-6;
    /** The film's kinetics: its exchange current on the contact left, over the cell's (partial contact). */
    private static final double K = 0.7;

    @Test
    void slopeIsTheDerivativeOfTheRateWhereTheElectrolyteNucleates() {
        assertConsistent(Map.of("materials.lpscl.electronic_conductivity", "1 S/m", "model.nucleation", "{barrier: 0.05 V}"), 0, 0, true);
    }

    /** A 1 V barrier: f (eta + barrier) passes the gate's cut-off above eta = -0.22 V, where the gated rate is 0. */
    @Test
    void slopeIsTheDerivativeOfTheRateBehindAClosedGate() {
        assertConsistent(Map.of("materials.lpscl.electronic_conductivity", "1 S/m", "model.nucleation", "{barrier: 1 V}"), 0, 0, false);
    }

    @Test
    void slopeIsTheDerivativeOfTheRateInTheDispersedForm() {
        assertConsistent(Map.of("materials.lpscl.electronic_conductivity", "1 S/m", "model.nucleation", "{barrier: 0.05 V, into: dispersed}",
                "solver", "{reaction_coupling: implicit}"), 0, 0.3, true);
    }

    /**
     * Two of the cell's faces react (section 3.6.1): ungated growth, and oxidation of the Li the cell and its faces hold,
     * with more than a cell's worth at the faces (1.7 of the cell's free volume) and with less (0.2).
     */
    @Test
    void slopeIsTheDerivativeOfTheRateWithReactingFaces() {
        for (double faceLi : new double[] {1.7, 0.2})
            assertConsistent(Map.of("materials.lpscl.electronic_conductivity", "1 S/m", "model.nucleation", "{barrier: 0.05 V, into: dispersed, face_reaction: true}",
                    "solver", "{reaction_coupling: implicit}"), 0, 0.3, true, 2, faceLi);
    }

    /**
     * Behind a shut gate (1 V) an empty cell with two reacting faces plates at i0 BV per face area: L_eta (l_kin / dx) 2 BV
     * in its free volume per second (section 3.6.1), to the last bits.
     */
    @Test
    void twoFacesPlateAtTheHostsExchangeCurrentPerArea() {
        Scenario scenario = ScenarioLoader.parse(ExplicitUpdateSlabTest.CELL.formatted("{dimensions: 2, width: 2 um, height: 4 um, spacing: 0.25 um}",
                "{x: 1 um, radius: 0.5 um}"), "linearised.yaml", Map.of("materials.lpscl.electronic_conductivity", "1 S/m",
                "model.nucleation", "{barrier: 1 V, into: dispersed, face_reaction: true}", "solver", "{reaction_coupling: implicit}"));
        ModelParameters p = ModelParameters.from(scenario);
        MaterialTable table = new MaterialTable(scenario, p);
        int m = java.util.Arrays.asList(table.names).indexOf("lpscl");
        try (Parallel serial = Parallel.serial()) {
            AllenCahnUpdate update = new AllenCahnUpdate(scenario.grid().toGrid(), p, table, serial);
            update.assumeStep(0.5);
            double[] out = new double[3];
            double eta = -0.02, c = 0.9, bv = ButlerVolmer.depositionFactor(eta, c, p.alpha(), p.f_per_V());
            update.linearisedReaction(0, 0, m, eta, c, 0, 1, 2, 0, out);
            // n F c_s f_free dx times the rate is the current per area: 2 i0 BV
            double perArea = p.chargeDensity_C_per_m3() * table.freeFraction[m] * 0.25e-6 * out[0];
            assertEquals(2 * table.i0_A_per_m2[m] * bv, perArea, 1e-12 * perArea, "two faces' current per area");
            update.linearisedReaction(0, 0, m, eta, c, 0, 1, 0, 0, out);
            assertEquals(0, out[0], "without faces nothing plates behind the shut gate");
        }
    }

    @Test
    void slopeIsTheDerivativeOfTheRateBehindAFilm() {
        assertConsistent(Map.of(), 2e-3, 0, false);
    }

    @Test
    void behindAnInsulatingFilmNothingGrows() {
        Scenario scenario = ScenarioLoader.parse(ExplicitUpdateSlabTest.CELL.formatted("{dimensions: 2, width: 2 um, height: 4 um, spacing: 0.25 um}",
                "{x: 1 um, radius: 0.5 um}"), "linearised.yaml", Map.of());
        ModelParameters p = ModelParameters.from(scenario);
        MaterialTable table = new MaterialTable(scenario, p);
        try (Parallel serial = Parallel.serial()) {
            AllenCahnUpdate update = new AllenCahnUpdate(scenario.grid().toGrid(), p, table, serial);
            double[] out = new double[3];
            update.linearisedReaction(0.5, 0, 0, -0.05, 1, Double.POSITIVE_INFINITY, K, 0, 0, out);
            assertEquals(0, out[0]);
            assertEquals(0, out[1]);
            assertEquals(0, out[2]);
        }
    }

    /**
     * Over the metal and electrolyte cells of a small cell, at overpotentials from -0.2 to 0.1 V, with the film's drop
     * {@code film} (V per unit of i / i0) on every cell and dispersed metal {@code delta} in the electrolyte; {@code gated}:
     * whether the gate is open somewhere (then its slope must show).
     */
    private static void assertConsistent(Map<String, String> overrides, double film, double delta, boolean gated) {
        assertConsistent(overrides, film, delta, gated, 0, 0);
    }

    /** {@code openFaces}: the reacting faces of every nucleating cell, {@code faceLi} its share of their Li. */
    private static void assertConsistent(Map<String, String> overrides, double film, double delta, boolean gated, int openFaces, double faceLi) {
        Scenario scenario = ScenarioLoader.parse(ExplicitUpdateSlabTest.CELL.formatted("{dimensions: 2, width: 2 um, height: 4 um, spacing: 0.25 um}",
                "{x: 1 um, radius: 0.5 um}"), "linearised.yaml", overrides);
        ModelParameters p = ModelParameters.from(scenario);
        MaterialTable table = new MaterialTable(scenario, p);
        try (Parallel serial = Parallel.serial()) {
            AllenCahnUpdate update = new AllenCahnUpdate(scenario.grid().toGrid(), p, table, serial);
            update.assumeStep(0.5);
            double[] out = new double[3];
            int checked = 0, gateSlopes = 0;
            for (int m = 0; m < table.freeFraction.length; m++)
                for (double xi : new double[] {0.02, 0.5, 0.97})
                    for (double c : new double[] {0.4, 1})
                        for (double eta = -0.2; eta <= 0.1; eta += 0.0123) {
                            double dispersed = table.nucleationActivity[m] > 0 ? delta : 0;
                            int faces = table.nucleationActivity[m] > 0 ? openFaces : 0;
                            double held = faces > 0 ? faceLi : 0;
                            update.linearisedReaction(xi, dispersed, m, eta, c, film, K, faces, held, out);
                            assertEquals(rate(update, p, xi, dispersed, m, eta, c, film, faces, held), out[0], 0, "rate at eta " + eta);
                            double numeric = (rate(update, p, xi, dispersed, m, eta + STEP_V, c, film, faces, held)
                                    - rate(update, p, xi, dispersed, m, eta - STEP_V, c, film, faces, held)) / (2 * STEP_V);
                            double analytic = out[1] + out[2];
                            String at = "material " + m + ", xi " + xi + ", c " + c + ", eta " + eta;
                            assertEquals(numeric, analytic, 1e-5 * Math.abs(numeric) + 1e-9, "slope at " + at);
                            if (table.nucleationActivity[m] == 0) assertEquals(0, out[2], "gate slope without nucleation at " + at);
                            if (out[2] != 0) {
                                assertTrue(out[2] < 0, "the gate closes as eta rises, at " + at);
                                gateSlopes++;
                            }
                            if (analytic != 0) checked++;
                        }
            assertTrue(checked > 100, checked + " nonzero slopes compared");
            if (gated) assertTrue(gateSlopes > 10, gateSlopes + " cells with the gate's slope");
            else assertEquals(0, gateSlopes, "no gate's slope where the gate is shut");
        }
    }

    private static double rate(AllenCahnUpdate update, ModelParameters p, double xi, double delta, int m, double eta, double c, double film, int faces, double faceLi) {
        double bv = ButlerVolmer.depositionFactor(eta, c, p.alpha(), p.f_per_V());
        return update.reactionRate(xi, delta, m, eta, bv, update.growthFactor(film, K, xi, eta, c, bv), faces, faceLi);
    }
}
