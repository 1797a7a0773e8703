package org.lipf.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.lipf.cli.RunDriver;
import org.lipf.grid.Parallel;
import org.lipf.scenario.Scenario;
import org.lipf.scenario.ScenarioException;
import org.lipf.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Metal that no electron conductor joins to the collector needs the coupled solve (docs/MODEL.md section 5.4.1): with
 * the lagged source such a piece went to -6.6 V and a flaw beside it "shorted"; the run is now refused as bad input.
 */
class FloatingMetalTest {
    /** The relaxation test's cell with a second Li layer 1 um above the first: it floats in the LPSCl. */
    private static final Map<String, String> FLOATING_LAYER = Map.of("geometry.layers",
            "[{material: li, thickness: 2 um, xi: 1, c: 1}, {material: lpscl, thickness: 1 um, c: 1}, {material: li, thickness: 1 um, xi: 1, c: 1},"
                    + " {material: lpscl, thickness: rest, c: 1}]");

    private static Scenario cell(Map<String, String> overrides) {
        Map<String, String> all = new java.util.HashMap<>(InterfaceRelaxationTest.PIECES);
        all.putAll(overrides);
        return ScenarioLoader.parse(org.lipf.cli.CliTestSupport.CELL_2D, "pieces.yaml", all);
    }

    @ParameterizedTest(name = "LPSCl sigma_el {0}")
    @ValueSource(strings = {"1.6e-6 S/m", "1e-2 S/m"}) // the pellet's, and a leaky electrolyte's (the library's reduced LAGP)
    void floatingMetalUnderTheLaggedCouplingIsBadInputNamingTheFix(String electronic) {
        try (Parallel serial = Parallel.serial()) {
            Map<String, String> leaky = new java.util.HashMap<>(FLOATING_LAYER);
            leaky.put("materials.lpscl.electronic_conductivity", electronic);
            ScenarioException e = assertThrows(ScenarioException.class, () -> RunDriver.fresh(cell(leaky), serial).close());
            assertEquals("solver.reaction_coupling", e.keyPath());
            assertTrue(e.getMessage().contains("600 cell(s) of metal, the first at x = 0.05 um, z = 3.05 um")
                    && e.getMessage().contains("set solver: {reaction_coupling: implicit}, which runs on the CPU backend"), e.getMessage());
        }
    }

    @Test
    void theCoupledSolveOrAMetallicConductorBetweenCarriesIt() {
        try (Parallel serial = Parallel.serial()) {
            Map<String, String> coupled = new java.util.HashMap<>(FLOATING_LAYER);
            coupled.put("solver.reaction_coupling", "implicit");
            RunDriver.fresh(cell(coupled), serial).close();
            // a metallic conductor between the layers (1e-2 of the metal's sigma, above FloatingMetal.METALLIC) joins them
            Map<String, String> joined = new java.util.HashMap<>(FLOATING_LAYER);
            joined.put("materials.lpscl.electronic_conductivity", "1.1e5 S/m");
            RunDriver.fresh(cell(joined), serial).close();
            RunDriver.fresh(cell(Map.of()), serial).close();
        }
    }
}
