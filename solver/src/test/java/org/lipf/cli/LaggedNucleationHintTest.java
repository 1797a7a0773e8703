package org.lipf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lipf.scenario.Scenario;
import org.lipf.scenario.ScenarioLoader;

/**
 * A failed run whose electrolyte conducts ions and electrons (above the electronic floor, 1e-10 of the metal's), with
 * the reaction source lagged, names the setting that solves it.
 */
class LaggedNucleationHintTest {
    @Test
    void aLaggedSourceInAMixedConductorGetsTheHint() {
        String hint = RunCommand.laggedNucleationHint(cell("10 S/m", ""));
        assertTrue(hint.contains("lpscl conducts ions and electrons") && hint.contains("reaction_coupling: implicit"), hint);
    }

    @Test
    void noHintWithTheImplicitCouplingOrBelowTheElectronicFloor() {
        assertEquals("", RunCommand.laggedNucleationHint(cell("10 S/m", "solver: {reaction_coupling: implicit}\n")));
        assertEquals("", RunCommand.laggedNucleationHint(cell("1.6e-6 S/m", "")));
    }

    /** {@link CliTestSupport#CELL_2D} with the electrolyte's electronic conductivity. */
    private static Scenario cell(String electronic, String extra) {
        String yaml = CliTestSupport.CELL_2D.replace("electronic_conductivity: 1.6e-6 S/m", "electronic_conductivity: " + electronic) + extra;
        return ScenarioLoader.parse(yaml, "cell.yaml", Map.of());
    }
}
