package org.lipf.kernels.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.lipf.cli.RunDriver;
import org.lipf.grid.GhostCells;
import org.lipf.grid.Grid;
import org.lipf.grid.Parallel;
import org.lipf.linear.HarmonicMean;
import org.lipf.model.FieldSet;
import org.lipf.model.MaterialTable;
import org.lipf.model.ModelParameters;
import org.lipf.scenario.Scenario;
import org.lipf.scenario.ScenarioLoader;
import org.lipf.solver.Simulation;

/**
 * The Nernst-Planck update (docs/MODEL.md sections 3.2 and 5.2) against the stencil written out cell by cell:
 * D_eff from each cell's own xi and material, harmonic face means, Scharfetter-Gummel fluxes through the
 * periodic sides, none through the collector, the reservoir half a cell above the top row, and the sink. The
 * update keeps D_eff for a few planes per slab and carries faces between rows and planes; with xi and the
 * materials random in every cell (D_eff differs across every face), a face that reads the wrong cell's D_eff,
 * a missing ghost or a wrong plane shows here, at any thread count, with and without the SIMD lanes.
 */
class NernstPlanckStencilTest {
    @Test
    void updateFollowsTheStencilIn3D() {
        // 9 x 5 x 12 cells: unequal lateral extents, rows that are not a multiple of the lanes
        assertFollowsStencil("{dimensions: 3, width: 2.25 um, depth: 1.25 um, height: 3 um, spacing: 0.25 um}", "{x: 1 um, y: 0.5 um, radius: 0.5 um}");
    }

    @Test
    void updateFollowsTheStencilIn2D() {
        assertFollowsStencil("{dimensions: 2, width: 9.75 um, height: 3 um, spacing: 0.25 um}", "{x: 4 um, radius: 0.5 um}");
    }

    private static void assertFollowsStencil(String grid, String nucleus) {
        Scenario scenario = ScenarioLoader.parse(ExplicitUpdateSlabTest.CELL.formatted(grid, nucleus), "stencil.yaml", Map.of());
        try (Parallel serial = Parallel.serial(); Simulation sim = RunDriver.fresh(scenario, serial)) {
            sim.advance(Double.POSITIVE_INFINITY);
            FieldSet f = sim.fields();
            Grid g = f.grid;
            ModelParameters p = ModelParameters.from(scenario);
            MaterialTable table = new MaterialTable(scenario, p);
            SplittableRandom random = new SplittableRandom(17);
            for (int P = 0; P < f.xi.length; P++) {
                int pick = random.nextInt(4);
                f.xi[P] = pick == 0 ? 0 : pick == 1 ? 1 : random.nextDouble();
                f.material[P] = (byte) random.nextInt(table.size());
                f.c[P] = 0.5 + random.nextDouble();
                f.phiL[P] = 2e-3 * random.nextDouble();
                f.rate[P] = 1e-3 * (random.nextDouble() - 0.5);
            }
            GhostCells.fill(g, f.xi);
            GhostCells.fill(g, f.material);
            GhostCells.fill(g, f.c);
            GhostCells.fill(g, f.phiL);
            double dt = 1e-6;
            double[] expected = stencil(f, p, table, dt);
            double scale = 0;
            for (int k = 0; k < g.nz; k++)
                for (int j = 0; j < g.ny; j++)
                    for (int i = 0; i < g.nx; i++) scale = Math.max(scale, Math.abs(expected[g.index(i, j, k)] - f.c[g.index(i, j, k)]));
            assertTrue(scale > 1e-6, "the step changes c: " + scale);
            for (boolean simd : new boolean[] {false, Simd.ENABLED})
                for (int threads : new int[] {1, 3}) {
                    try (Parallel parallel = new Parallel(threads)) {
                        new NernstPlanckUpdate(g, p, table, parallel, simd).compute(f, dt, false);
                    }
                    for (int k = 0; k < g.nz; k++)
                        for (int j = 0; j < g.ny; j++)
                            for (int i = 0; i < g.nx; i++) {
                                int P = g.index(i, j, k);
                                // the update and the stencil add the same terms in other orders: 1e-12 of the change
                                assertEquals(expected[P], f.cNext[P], 1e-12 * scale,
                                        "cell (" + i + ", " + j + ", " + k + "), " + threads + " threads, SIMD " + simd);
                            }
                }
        }
    }

    /** c + dt (sum of the fluxes into the cell / dx^2 - sink) for every interior cell, written out face by face. */
    private static double[] stencil(FieldSet f, ModelParameters p, MaterialTable table, double dt) {
        Grid g = f.grid;
        NernstPlanckUpdate dEff;
        try (Parallel serial = Parallel.serial()) {
            dEff = new NernstPlanckUpdate(g, p, table, serial);
        }
        double fF = p.f_per_V(), invDx2 = 1 / (g.dx_m * g.dx_m);
        double[] out = new double[f.c.length];
        for (int k = 0; k < g.nz; k++)
            for (int j = 0; j < g.ny; j++)
                for (int i = 0; i < g.nx; i++) {
                    int P = g.index(i, j, k);
                    double dP = dEff.diffusivity_m2_per_s(f, P), in = 0;
                    int[] lateral = g.is3D() ? new int[] {1, -1, g.strideY, -g.strideY} : new int[] {1, -1};
                    for (int s : lateral) in += flux(f, fF, P, HarmonicMean.of(dP, dEff.diffusivity_m2_per_s(f, P + s)), f.c[P + s], f.phiL[P + s]);
                    if (k > 0) in += flux(f, fF, P, HarmonicMean.of(dP, dEff.diffusivity_m2_per_s(f, P - g.strideZ)), f.c[P - g.strideZ], f.phiL[P - g.strideZ]);
                    // the reservoir, c = 1 and phi_l = 0 half a cell above the top row
                    if (k < g.nz - 1) in += flux(f, fF, P, HarmonicMean.of(dP, dEff.diffusivity_m2_per_s(f, P + g.strideZ)), f.c[P + g.strideZ], f.phiL[P + g.strideZ]);
                    else in += flux(f, fF, P, 2 * dP, 1, 0);
                    double sink = p.siteRatio() * table.freeFraction[f.material[P]] * f.rate[P];
                    out[P] = f.c[P] + dt * (in * invDx2 - sink);
                }
        return out;
    }

    /** Flux into cell P from a neighbour of concentration cN and potential phiN through a face of diffusivity Df. */
    private static double flux(FieldSet f, double fF, int P, double Df, double cN, double phiN) {
        double psi = fF * (phiN - f.phiL[P]);
        return Df * (ScharfetterGummel.bernoulli(-psi) * cN - ScharfetterGummel.bernoulli(psi) * f.c[P]);
    }
}
