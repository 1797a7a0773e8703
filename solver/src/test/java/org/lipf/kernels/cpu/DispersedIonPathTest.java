package org.lipf.kernels.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lipf.grid.Grid;
import org.lipf.grid.Parallel;
import org.lipf.model.FieldSet;
import org.lipf.model.Interpolation;
import org.lipf.model.MaterialTable;
import org.lipf.model.ModelParameters;
import org.lipf.scenario.Scenario;
import org.lipf.scenario.ScenarioLoader;

/**
 * How much of the metal's ion path (docs/MODEL.md section 3.3: lambda sigma_ion,max in sigma_l, D_metal in D_eff)
 * the dispersed metal keeps, `model.nucleation.dispersed_ion_path` = s: a cell with metal fraction
 * m = min(1, f_free (h(xi) + delta)) has sigma_l = sigma_ion (1 - m) + lambda sigma_ion,max m_path and
 * D_eff = D (1 - m) + D_metal m_path, m_path = f_free h(xi) + s (m - f_free h(xi)); at s = 0 a host whose pores hold Li
 * conducts ions through its own phase alone. Cells where m reaches its cap are included (a merged cell keeps xi = 1
 * and up to 0.146 of dispersed metal: m_path = 1 there at any s). Checked against these formulas to round-off (1e-15 relative) at s = 0, 0.3 and 1 (the
 * default, the model of before the key); the lanes of D_eff give the scalar bits (`SimdLanesTest`).
 */
class DispersedIonPathTest {
    private static final String HOST_CELL = """
            name: host
            grid: {dimensions: 2, width: 4 um, height: 4 um, spacing: 0.25 um}
            model: {form: mixed_conductor, interface_width: 0.5 um, nucleation: {barrier: 0.05 V, into: dispersed}}
            materials:
              li: {diffusivity: 7.5e-13 m^2/s, ionic_conductivity: 0 S/m, electronic_conductivity: 1.1e7 S/m, exchange_current_density: 2.91 A/m^2, free_fraction: 1}
              host: {diffusivity: 1e-15 m^2/s, ionic_conductivity: 1.4e-4 S/m, electronic_conductivity: 100 S/m, exchange_current_density: 3.98 A/m^2, free_fraction: 0.3}
              lpscl: {diffusivity: 1e-12 m^2/s, ionic_conductivity: 0.22 S/m, electronic_conductivity: 1.6e-6 S/m, exchange_current_density: 2.91 A/m^2, free_fraction: 1}
            geometry:
              background: lpscl
              layers:
                - {material: li, thickness: 1 um, xi: 1, c: 1}
                - {material: host, thickness: 2 um, c: 1}
                - {material: lpscl, thickness: rest, c: 1}
            control: {mode: galvanostatic, current_density: 5 mA/cm^2}
            time: {end: 1 s}
            solver: {reaction_coupling: implicit}
            """;

    @ParameterizedTest(name = "dispersed_ion_path {0}")
    @ValueSource(doubles = {0, 0.3, 1})
    void theDispersedMetalKeepsTheGivenFractionOfTheIonPath(double s) {
        Map<String, String> overrides = s == 1 ? Map.of() : Map.of("model.nucleation.dispersed_ion_path", Double.toString(s));
        Scenario scenario = ScenarioLoader.parse(HOST_CELL, "host.yaml", overrides);
        ModelParameters p = ModelParameters.from(scenario);
        MaterialTable table = new MaterialTable(scenario, p);
        int host = Arrays.asList(table.names).indexOf("host");
        Grid g = Grid.of2D(16, 16, 0.25e-6);
        byte[] material = new byte[g.paddedLength()];
        Arrays.fill(material, (byte) host);
        FieldSet f = new FieldSet(g, material, false);
        // xi and delta varied from cell to cell, a resolved front's tail and full pores included; Li cells in the upper half
        List<Double> xis = List.of(0.0, 0.0, 0.2, 0.5, 0.9, 1.0, 0.0, 0.05);
        for (int k = 0; k < g.nz; k++)
            for (int i = 0; i < g.nx; i++) {
                int P = g.index(i, 0, k);
                f.xi[P] = xis.get((i + k) % xis.size());
                f.dispersed[P] = Math.max(0, Math.min(1 - Interpolation.h(f.xi[P]), 0.07 * ((3 * i + k) % 15)));
                if (k >= g.nz / 2 && i == k % g.nx) material[P] = 0;
                // a Li cell that took up dispersed metal: xi = 1 with the rest left in delta, m capped at 1
                if (k >= g.nz / 2 && i == (k + 3) % g.nx) {
                    material[P] = 0;
                    f.xi[P] = 1;
                    f.dispersed[P] = 0.08;
                }
            }
        double[] sigmaL = g.newField(), sigmaS = g.newField(), source = g.newField();
        try (Parallel parallel = new Parallel(2)) {
            PotentialCoefficients coefficients = new PotentialCoefficients(g, p, table, parallel);
            coefficients.compute(f, sigmaL, sigmaS, source);
            NernstPlanckUpdate nernstPlanck = new NernstPlanckUpdate(g, p, table, parallel);
            double lambdaSigmaMax = 0.1 * 0.22;
            assertEquals(lambdaSigmaMax, coefficients.metalIonic_S_per_m(), 1e-18);
            for (int k = 0; k < g.nz; k++)
                for (int i = 0; i < g.nx; i++) {
                    int P = g.index(i, 0, k), id = material[P];
                    double free = table.freeFraction[id], resolved = free * Interpolation.h(f.xi[P]);
                    double m = Math.min(1, resolved + free * f.dispersed[P]), path = resolved + s * (m - resolved);
                    if (f.xi[P] == 1 && id == 0) assertEquals(1, path, 0, "a full Li cell carries the whole path");
                    String where = "cell " + i + "," + k + " (" + table.names[id] + ", xi " + f.xi[P] + ", delta " + f.dispersed[P] + ")";
                    double expectedSigma = Math.max(table.sigmaIon_S_per_m[id] * (1 - m) + lambdaSigmaMax * path, coefficients.floorL_S_per_m());
                    assertEquals(expectedSigma, sigmaL[P], 1e-15 * expectedSigma, "sigma_l of " + where);
                    double expectedD = table.diffusivity_m2_per_s[id] * (1 - m) + p.metalDiffusivity_m2_per_s() * path;
                    assertEquals(expectedD, nernstPlanck.diffusivity_m2_per_s(f, P), 1e-15 * expectedD, "D_eff of " + where);
                }
        }
    }
}
