package org.lipf.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lipf.cli.RunDriver;
import org.lipf.grid.Grid;
import org.lipf.grid.Parallel;
import org.lipf.model.DoubleWell;
import org.lipf.model.FieldSet;
import org.lipf.model.Interpolation;
import org.lipf.model.MaterialTable;
import org.lipf.model.ModelParameters;
import org.lipf.scenario.Scenario;
import org.lipf.scenario.ScenarioLoader;

/**
 * The retry test of the semi-implicit step (docs/MODEL.md section 5.3.2, item 3) on a flat front
 * two cells wide (delta = 2 dx), relaxed to its discrete equilibrium centred on a face or on a cell:
 * one of the two is the Peierls maximum and has a negative translation mode mu, computed here
 * from the discrete Hessian W g''(xi) - kappa0 d^2/dz^2 of the relaxed column. At the step where
 * dt L_sigma |mu| = 0.9 the filter passes the deposit ten times amplified and the test rejects the
 * step; at half that step it accepts. On the stable front the same large step, with rates that are
 * noise plus a deposit 200 times weaker (a low current), is accepted: the filter damps the noise.
 */
class FilterAmplificationTest {
    private static final String CELL = """
            name: peierls
            grid: {dimensions: 2, width: 4 um, height: %s, spacing: 0.25 um}
            model: {form: mixed_conductor, interface_width: 0.5 um, noise: {amplitude: 0}}
            materials: {li: {library: li-metal}, lpscl: {library: lpscl-pellet}}
            geometry: {background: lpscl, layers: [{material: li, thickness: 5 um, xi: 1, c: 0}, {material: lpscl, thickness: rest, c: 1}]}
            control: {mode: galvanostatic, current_density: 1 mA/cm^2}
            time: {end: 1 s, output_interval: 1 s, integrator: semi_implicit}
            """;

    /** A relaxed flat front and the semi-implicit filter on its grid. */
    private record Front(Simulation sim, LinearlyImplicitAllenCahn filter, double lowestMode_J_per_m3) implements AutoCloseable {
        FieldSet fields() { return sim.fields(); }
        Grid grid() { return sim.grid(); }
        double Lsigma() { return sim.parameters().Lsigma_m3_per_J_s(); }
        @Override public void close() { sim.close(); }
    }

    /**
     * A front centred at z0 = 5 um in a column symmetric about it (40 cells: on a face, 41 cells: on
     * the middle cell's centre), relaxed by capillarity for 50 relaxation times 1 / (L_sigma W): the
     * symmetry xi(z0 + s) = 1 - xi(z0 - s) holds on the way, so the front cannot slide off its centre.
     */
    private static Front front(boolean onFace, Parallel parallel) {
        Scenario scenario = ScenarioLoader.parse(CELL.formatted(onFace ? "10 um" : "10.25 um"), "peierls.yaml", Map.of());
        Simulation sim = RunDriver.fresh(scenario, parallel);
        Grid g = sim.grid();
        ModelParameters p = sim.parameters();
        double z0 = 0.5 * g.nz * g.dx_m, halfWidth = 0.25e-6;
        FieldSet f = sim.fields();
        for (int k = 0; k < g.nz; k++)
            for (int i = 0; i < g.nx; i++) f.xi[g.index(i, 0, k)] = 0.5 * (1 - Math.tanh(((k + 0.5) * g.dx_m - z0) / halfWidth));
        double explicitStep = 0.5 * org.lipf.kernels.cpu.AllenCahnUpdate.stableStep_s(g, p);
        sim.relaxInterfaces(explicitStep, 50 / (p.Lsigma_m3_per_J_s() * p.W_J_per_m3()));
        for (int k = 0; k < g.nz; k++)
            assertEquals(1 - f.xi[g.index(0, 0, g.nz - 1 - k)], f.xi[g.index(0, 0, k)], 1e-12, "symmetric front, cell " + k);
        org.lipf.grid.GhostCells.fill(g, f.xi);
        MaterialTable table = new MaterialTable(scenario, p);
        var filter = new LinearlyImplicitAllenCahn(g, p, table, new org.lipf.kernels.cpu.AllenCahnUpdate(g, p, table, parallel), parallel, true);
        return new Front(sim, filter, lowestEigenvalue(f, g, p));
    }

    /**
     * Lowest eigenvalue of the column's Hessian (laterally uniform modes: lateral ones add kappa0 q^2),
     * tridiagonal with zero-flux ends, by bisection on the Sturm count (negative pivots of H - x).
     */
    private static double lowestEigenvalue(FieldSet f, Grid g, ModelParameters p) {
        int n = g.nz;
        double c = p.kappa0_J_per_m() / (g.dx_m * g.dx_m);
        double[] diag = new double[n];
        for (int k = 0; k < n; k++) diag[k] = p.W_J_per_m3() * DoubleWell.d2g(f.xi[g.index(0, 0, k)]) + c * (k == 0 || k == n - 1 ? 1 : 2);
        double lo = -2 * p.W_J_per_m3(), hi = 2 * p.W_J_per_m3() + 4 * c;
        for (int it = 0; it < 200; it++) {
            double x = 0.5 * (lo + hi), pivot = diag[0] - x;
            int negative = pivot < 0 ? 1 : 0;
            for (int k = 1; k < n; k++) {
                pivot = diag[k] - x - c * c / pivot;
                if (pivot < 0) negative++;
            }
            if (negative > 0) hi = x;
            else lo = x;
        }
        return 0.5 * (lo + hi);
    }

    /** The deposit rate v h'(xi) in every cell, 1/s. */
    private static double[] deposit(Front front, double v_per_s) {
        double[] r = front.grid().newField(), xi = front.fields().xi;
        Grid g = front.grid();
        for (int k = 0; k < g.nz; k++)
            for (int i = 0; i < g.nx; i++) r[g.index(i, 0, k)] = v_per_s * Interpolation.dh(xi[g.index(i, 0, k)]);
        return r;
    }

    /** Filters a copy of r at step dt, keeping the volume of r; returns the filter (its verdict and Rayleigh quotient). */
    private static LinearlyImplicitAllenCahn filtered(Front front, double[] r, double dt_s) {
        front.filter().prepare(front.fields(), dt_s);
        front.filter().filterKeepingVolume(front.fields(), r.clone(), volume_m_per_s(front.grid(), r));
        return front.filter();
    }

    /** integral(r) dV / area over the interior cells (f_free = 1), m/s. */
    private static double volume_m_per_s(Grid g, double[] r) {
        double sum = 0;
        for (int k = 0; k < g.nz; k++)
            for (int i = 0; i < g.nx; i++) sum += r[g.index(i, 0, k)];
        return sum * g.cellVolume_m3() / g.lateralArea();
    }

    /** Largest |r| over the interior cells. */
    private static double max(Grid g, double[] r) {
        double max = 0;
        for (int k = 0; k < g.nz; k++)
            for (int i = 0; i < g.nx; i++) max = Math.max(max, Math.abs(r[g.index(i, 0, k)]));
        return max;
    }

    @Test
    void aFrontBetweenLatticePositionsHasANegativeModeWhoseAmplificationIsRejectedAndHalvingTheStepPasses() {
        try (Parallel serial = Parallel.serial(); Front onFace = front(true, serial); Front onCell = front(false, serial)) {
            // the Peierls barrier: one centring is a maximum (negative translation mode), the other a minimum
            double muFace = onFace.lowestMode_J_per_m3(), muCell = onCell.lowestMode_J_per_m3();
            assertTrue(Math.min(muFace, muCell) < 0 && Math.max(muFace, muCell) > 0, "lowest modes " + muFace + ", " + muCell + " J/m^3");
            Front pinned = muFace < 0 ? onFace : onCell;
            double mu = pinned.lowestMode_J_per_m3();
            // the mode is small against the well's curvature 2 W: the front is nearly free to translate
            assertTrue(-mu < 0.1 * pinned.sim().parameters().W_J_per_m3(), "mu = " + mu + " J/m^3");

            double dt = 0.9 / (pinned.Lsigma() * -mu);
            double[] r = deposit(pinned, 1e-3);
            LinearlyImplicitAllenCahn amplifying = filtered(pinned, r, dt);
            // the deposit projects on the translation mode: the Rayleigh quotient is its eigenvalue 1 - z of A
            assertEquals(0.1, amplifying.rayleighQuotient(), 0.01, "rho at z = 0.9");
            assertTrue(amplifying.amplified(), "z = 0.9 rejected");
            // the retry at dt / 2 (z = 0.45: gain 1.8 on the mode) is accepted
            LinearlyImplicitAllenCahn halved = filtered(pinned, r, dt / 2);
            assertEquals(0.55, halved.rayleighQuotient(), 0.01, "rho at z = 0.45");
            assertFalse(halved.amplified(), "z = 0.45 accepted");
        }
    }

    @Test
    void theNextStepIsSizedFromTheRayleighQuotientWhereTheDoubledStepWouldBeRejected() {
        try (Parallel serial = Parallel.serial(); Front onFace = front(true, serial); Front onCell = front(false, serial)) {
            Front pinned = onFace.lowestMode_J_per_m3() < 0 ? onFace : onCell;
            double zPerSecond = pinned.Lsigma() * -pinned.lowestMode_J_per_m3();
            double[] r = deposit(pinned, 1e-3);
            // an accepted step at z = 0.45; doubling it (as the step size rule allows) would reach z = 0.9 and be rejected
            double dt = 0.45 / zPerSecond;
            double rho = filtered(pinned, r, dt).rayleighQuotient();
            assertTrue(filtered(pinned, r, 2 * dt).amplified(), "the doubled step is rejected");
            double next = FilterAmplification.stepLimit_s(dt, rho);
            // rho = 1 - z where the mode dominates: the limit brings z to 1 - 0.6 = 0.4 (to the 1 % of rho's estimate)
            assertEquals(0.4 / zPerSecond, next, 0.01 * next, "next step, s");
            LinearlyImplicitAllenCahn aimed = filtered(pinned, r, next);
            assertEquals(FilterAmplification.TARGET_RAYLEIGH_QUOTIENT, aimed.rayleighQuotient(), 0.01, "rho at the aimed step");
            assertFalse(aimed.amplified(), "the aimed step is accepted");
        }
        // no negative mode (rho >= 1) or no rates (NaN): no limit
        assertEquals(Double.POSITIVE_INFINITY, FilterAmplification.stepLimit_s(1, 1.0));
        assertEquals(Double.POSITIVE_INFINITY, FilterAmplification.stepLimit_s(1, 30));
        assertEquals(Double.POSITIVE_INFINITY, FilterAmplification.stepLimit_s(1, Double.NaN));
    }

    /**
     * Trend 5's Li / LAGP cell (0.05 mA/cm^2, 0.5 um cells) for 4 h, its front crossing Peierls maxima: with the steps
     * sized from the quotient fewer than one in ten is retried (64 retries in 162 steps when the step after an accepted one
     * could double into the rejection, as until 2026-12-07).
     */
    @Test
    void aFrontCrossingPeierlsMaximaRetriesFewSteps() throws Exception {
        Scenario s = ScenarioLoader.load(java.nio.file.Path.of("..", "scenarios", "li-lagp.yaml"), Map.of("control.current_density", "0.05 mA/cm^2",
                "grid.spacing", "0.5 um", "model.interface_width", "1 um", "time.integrator", "semi_implicit", "time.max_step", "600 s"));
        try (Parallel parallel = new Parallel(2); Simulation sim = RunDriver.fresh(s, parallel)) {
            // steps end at the time-series rows (every 720 s), as in lipf run
            for (int row = 1; row <= 20; row++)
                while (sim.state().time_s < row * 720.0 * (1 - 1e-12)) sim.advance(row * 720.0 - sim.state().time_s);
            long steps = sim.state().step, retried = sim.state().rejectedSteps;
            assertTrue(steps > 100, steps + " steps");
            assertTrue(retried < 0.1 * steps, retried + " of " + steps + " steps retried");
        }
    }

    @Test
    void noiseAtLowCurrentIsDampedNotAmplifiedAndItsVolumeDoesNotRejectTheStep() {
        try (Parallel serial = Parallel.serial(); Front onFace = front(true, serial); Front onCell = front(false, serial)) {
            Front pinned = onFace.lowestMode_J_per_m3() < 0 ? onFace : onCell;
            Front stable = pinned == onFace ? onCell : onFace;
            double dt = 0.9 / (pinned.Lsigma() * -pinned.lowestMode_J_per_m3());
            Grid g = stable.grid();
            double[] xi = stable.fields().xi;
            // the explicit rates at a low current: uniform noise of amplitude 200 v (the Langevin term, scaled
            // by h'(xi) / max h'), its volume removed by a multiple of h' (capillarity conserves the metal),
            // and the deposit v h'(xi)
            double v = 5e-4;
            double[] r = deposit(stable, v), noise = g.newField();
            Random random = new Random(7);
            double noiseSum = 0, weight = 0;
            for (int k = 0; k < g.nz; k++)
                for (int i = 0; i < g.nx; i++) {
                    int P = g.index(i, 0, k);
                    noise[P] = 200 * v * (2 * random.nextDouble() - 1) * Interpolation.dh(xi[P]) / Interpolation.DH_MAX;
                    noiseSum += noise[P];
                    weight += Interpolation.dh(xi[P]);
                }
            for (int k = 0; k < g.nz; k++)
                for (int i = 0; i < g.nx; i++) {
                    int P = g.index(i, 0, k);
                    r[P] += noise[P] - noiseSum / weight * Interpolation.dh(xi[P]);
                }
            double[] u = r.clone();
            stable.filter().prepare(stable.fields(), dt);
            stable.filter().filterKeepingVolume(stable.fields(), u, volume_m_per_s(g, r));
            // no negative mode: the Rayleigh quotient is at least 1 (to the solver's tolerance)
            assertTrue(stable.filter().rayleighQuotient() >= 1 - 1e-6, "rho = " + stable.filter().rayleighQuotient());
            assertFalse(stable.filter().amplified(), "noise at a low current accepted");
            // the raw rates would move xi by more than 1 in this step, the filtered ones by about max_xi_change
            assertTrue(max(g, r) * dt > 1, "raw change " + max(g, r) * dt);
            assertTrue(max(g, u) * dt < 0.05, "filtered change " + max(g, u) * dt);
        }
    }

    @Test
    void rayleighQuotientBelowOneHalfOrSumsNotFiniteRejectTheStep() {
        assertFalse(FilterAmplification.amplified(0.5, 1), "rho = 1/2 accepted");
        assertTrue(FilterAmplification.amplified(0.499, 1), "rho < 1/2 rejected");
        assertTrue(FilterAmplification.amplified(-2, 1), "past the singularity (rho < 0) rejected");
        assertFalse(FilterAmplification.amplified(0, 0), "no rates: nothing amplified");
        assertTrue(FilterAmplification.amplified(Double.NaN, 1), "NaN rejected");
        assertTrue(FilterAmplification.amplified(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY), "overflow rejected");
    }
}
