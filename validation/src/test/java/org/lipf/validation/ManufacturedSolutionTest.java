package org.lipf.validation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lipf.grid.Grid;
import org.lipf.grid.Parallel;
import org.lipf.grid.GhostCells;
import org.lipf.model.DoubleWell;
import org.lipf.model.FieldSet;
import org.lipf.model.Interpolation;
import org.lipf.model.MaterialTable;
import org.lipf.model.ModelParameters;
import org.lipf.solver.Backend;
import org.lipf.scenario.Scenario;
import org.lipf.scenario.ScenarioLoader;

/**
 * MODEL.md section 8.5: the discrete operators converge at second order. Smooth fields are put on
 * three grids (32 to 256 cells per side), one explicit update with dt = 1 evaluates the discrete
 * operator, and its largest error against the continuous operator (evaluated by fine central
 * differences of the manufactured functions) must fall by 4x per refinement (observed order
 * above 1.9). Rows next to the collector and counter boundaries are excluded: there the
 * cell-centred boundary stencils have the usual O(1) truncation error of Dirichlet faces half a
 * cell away, which does not spoil second-order convergence of the solution.
 */
class ManufacturedSolutionTest {
    private static final double L = 10e-6;
    private static final double MIN_ORDER = 1.9;

    private static String scenario(int n, String form, double anisotropy) {
        return """
                name: mms
                grid: {dimensions: 2, width: 10 um, height: 10 um, spacing: %s um}
                model: {form: %s, interface_width: 2 um, anisotropy: {strength: %s, mode: 4, angle: 10 deg}}
                materials:
                  li: {diffusivity: 3e-11 m^2/s, ionic_conductivity: 0 S/m, electronic_conductivity: 1e7 S/m, exchange_current_density: 0 A/m^2, free_fraction: 1}
                  electrolyte: {diffusivity: 1e-10 m^2/s, ionic_conductivity: 1 S/m, electronic_conductivity: 0 S/m, exchange_current_density: 0 A/m^2, free_fraction: 1}
                geometry: {background: electrolyte, layers: [{material: electrolyte, thickness: rest}]}
                control: {mode: potentiostatic, voltage: 0 V}
                time: {end: 1 s, output_interval: 1 s}
                """.formatted(Double.toString(10.0 / n), form, anisotropy);
    }

    /** Order of convergence observed between the two finest grids, checked between every pair. */
    private static void assertSecondOrder(double[] errors, String what) {
        for (int i = 1; i < errors.length; i++) {
            double order = Math.log(errors[i - 1] / errors[i]) / Math.log(2);
            final int level = i;
            assertTrue(order > MIN_ORDER, () -> what + ": order " + order + " between grids " + (level - 1) + " and " + level
                    + ", errors " + java.util.Arrays.toString(errors));
        }
    }

    private static void fill(Grid g, double[] field, DoubleBinaryOperator f) {
        for (int k = 0; k < g.nz; k++)
            for (int i = 0; i < g.nx; i++) field[g.index(i, 0, k)] = f.applyAsDouble((i + 0.5) * g.dx_m, (k + 0.5) * g.dx_m);
        GhostCells.fill(g, field);
    }

    private static double d(DoubleBinaryOperator f, double x, double z, boolean alongX) {
        double h = 1e-4 * L;
        return alongX ? (f.applyAsDouble(x + h, z) - f.applyAsDouble(x - h, z)) / (2 * h)
                : (f.applyAsDouble(x, z + h) - f.applyAsDouble(x, z - h)) / (2 * h);
    }

    private static double divergence(DoubleBinaryOperator fx, DoubleBinaryOperator fz, double x, double z) {
        double h = 1e-3 * L;
        return (fx.applyAsDouble(x + h, z) - fx.applyAsDouble(x - h, z)) / (2 * h)
                + (fz.applyAsDouble(x, z + h) - fz.applyAsDouble(x, z - h)) / (2 * h);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.lipf.validation.Backends#names")
    void nernstPlanckOperatorIsSecondOrder(String backend) {
        DoubleBinaryOperator xi = (x, z) -> 0.5 + 0.4 * Math.sin(2 * Math.PI * x / L) * Math.cos(Math.PI * z / L);
        DoubleBinaryOperator c = (x, z) -> 1 + 0.3 * Math.cos(2 * Math.PI * x / L) * Math.cos(Math.PI * z / (2 * L));
        DoubleBinaryOperator phi = (x, z) -> 0.02 * Math.sin(2 * Math.PI * x / L + 0.3) * Math.cos(Math.PI * z / (2 * L));
        int[] sizes = {32, 64, 128};
        double[] errors = new double[sizes.length];
        for (int s = 0; s < sizes.length; s++) {
            Scenario sc = ScenarioLoader.parse(scenario(sizes[s], "single_potential", 0), "mms", Map.of());
            ModelParameters p = ModelParameters.from(sc);
            MaterialTable t = new MaterialTable(sc, p);
            Grid g = sc.grid().toGrid();
            FieldSet f = new FieldSet(g, new byte[g.paddedLength()], true);
            java.util.Arrays.fill(f.material, (byte) sc.materialId("electrolyte"));
            fill(g, f.xi, xi);
            fill(g, f.c, c);
            fill(g, f.phiL, phi);
            double fF = p.f_per_V(), dE = t.diffusivity_m2_per_s[sc.materialId("electrolyte")], dM = p.metalDiffusivity_m2_per_s();
            DoubleBinaryOperator D = (x, z) -> {
                double m = Interpolation.h(xi.applyAsDouble(x, z));
                return dE * (1 - m) + dM * m;
            };
            DoubleBinaryOperator fluxX = (x, z) -> D.applyAsDouble(x, z) * (d(c, x, z, true) + c.applyAsDouble(x, z) * fF * d(phi, x, z, true));
            DoubleBinaryOperator fluxZ = (x, z) -> D.applyAsDouble(x, z) * (d(c, x, z, false) + c.applyAsDouble(x, z) * fF * d(phi, x, z, false));
            // a small step keeps c positive (the update clamps at 0); the operator is (cNext - c) / dt
            final double dt = 1e-6;
            try (Parallel par = Parallel.serial(); Backend b = Backends.of(backend).create(sc, f, par)) {
                b.upload();
                b.nernstPlanck(dt);
                b.downloadNext();
            }
            double err = 0;
            for (int k = 0; k < g.nz - 1; k++)
                for (int i = 0; i < g.nx; i++) {
                    int P = g.index(i, 0, k);
                    double exact = divergence(fluxX, fluxZ, (i + 0.5) * g.dx_m, (k + 0.5) * g.dx_m);
                    err = Math.max(err, Math.abs((f.cNext[P] - f.c[P]) / dt - exact));
                }
            errors[s] = err;
        }
        assertSecondOrder(errors, "Nernst-Planck operator");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.lipf.validation.Backends#names")
    void anisotropicAllenCahnOperatorIsSecondOrder(String backend) {
        DoubleBinaryOperator xi = (x, z) -> 0.3 + 0.2 * z / L + 0.05 * Math.sin(2 * Math.PI * x / L) * Math.cos(Math.PI * z / L);
        int[] sizes = {64, 128, 256}; // the cos(4 theta) anisotropy is pre-asymptotic below 64 cells
        double[] errors = new double[sizes.length];
        for (int s = 0; s < sizes.length; s++) {
            Scenario sc = ScenarioLoader.parse(scenario(sizes[s], "mixed_conductor", 0.05), "mms", Map.of());
            ModelParameters p = ModelParameters.from(sc);
            Grid g = sc.grid().toGrid();
            FieldSet f = new FieldSet(g, new byte[g.paddedLength()], false);
            java.util.Arrays.fill(f.material, (byte) sc.materialId("electrolyte"));
            fill(g, f.xi, xi);
            double delta = p.anisotropyStrength(), theta0 = p.anisotropyAngle_rad();
            int omega = p.anisotropyMode();
            // J / kappa0 = (a xi_x - a'/2 xi_z, a xi_z + a'/2 xi_x), a = 1 + delta cos(omega (theta - theta0))
            DoubleBinaryOperator jx = (x, z) -> {
                double gx = d(xi, x, z, true), gz = d(xi, x, z, false), th = Math.atan2(gz, gx);
                return (1 + delta * Math.cos(omega * (th - theta0))) * gx + 0.5 * delta * omega * Math.sin(omega * (th - theta0)) * gz;
            };
            DoubleBinaryOperator jz = (x, z) -> {
                double gx = d(xi, x, z, true), gz = d(xi, x, z, false), th = Math.atan2(gz, gx);
                return (1 + delta * Math.cos(omega * (th - theta0))) * gz - 0.5 * delta * omega * Math.sin(omega * (th - theta0)) * gx;
            };
            double lambda;
            try (Parallel par = Parallel.serial(); Backend b = Backends.of(backend).create(sc, f, par)) {
                b.upload();
                b.allenCahn(1.0, 0);
                b.download();
                lambda = b.volumeMultiplier_per_s();
            }
            double err = 0;
            for (int k = 1; k < g.nz - 1; k++)
                for (int i = 0; i < g.nx; i++) {
                    int P = g.index(i, 0, k);
                    double x = f.xi[P];
                    // the rate holds the volume multiplier's lambda h'(xi) too (docs/MODEL.md section 3.1)
                    double capillary = f.rate[P] - lambda * Interpolation.dh(x);
                    double discreteDiv = capillary / p.Lsigma_m3_per_J_s() + p.W_J_per_m3() * DoubleWell.dg(x);
                    double exact = p.kappa0_J_per_m() * divergence(jx, jz, (i + 0.5) * g.dx_m, (k + 0.5) * g.dx_m);
                    err = Math.max(err, Math.abs(discreteDiv - exact));
                }
            errors[s] = err;
        }
        assertSecondOrder(errors, "anisotropic Allen-Cahn gradient operator");
    }
}
