package org.lipf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lipf.scenario.Scenario;
import org.lipf.scenario.ScenarioLoader;

/**
 * A failed run whose host conducts ions and electrons (here soft carbon; an E-LPSCl film, 1e-7 S/m, stays below the
 * electronic floor), with the reaction source lagged, names the setting that solves it.
 */
class LaggedNucleationHintTest {
    private static final String CELL = """
            name: host
            grid: {dimensions: 2, width: 2 um, height: 4 um, spacing: 0.1 um}
            model: {form: mixed_conductor, interface_width: 0.2 um}
            materials:
              li: {library: li-metal}
              host: {library: %s}
              lpscl: {library: lpscl-pellet}
            geometry:
              background: lpscl
              layers:
                - {material: li, thickness: 1 um, xi: 1, c: 1}
                - {material: host, thickness: 1 um, c: 1}
                - {material: lpscl, thickness: rest, c: 1}
            control: {mode: galvanostatic, current_density: 2 mA/cm^2}
            time: {end: 1 s}
            """;

    @Test
    void aLaggedSourceInAMixedConductingHostGetsTheHint() {
        String hint = RunCommand.laggedNucleationHint(scenario("soft-carbon", ""));
        assertTrue(hint.contains("host conducts ions and electrons") && hint.contains("reaction_coupling: implicit"), hint);
    }

    @Test
    void noHintWithTheImplicitCouplingOrWithoutAHost() {
        assertEquals("", RunCommand.laggedNucleationHint(scenario("soft-carbon", "solver: {reaction_coupling: implicit}\n")));
        assertEquals("", RunCommand.laggedNucleationHint(scenario("e-lpscl-film", "")));
    }

    private static Scenario scenario(String host, String extra) {
        return ScenarioLoader.parse(CELL.formatted(host) + extra, "host.yaml", Map.of());
    }
}
