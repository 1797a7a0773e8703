package org.lipf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lipf.scenario.Scenario;
import org.lipf.scenario.ScenarioLoader;

/**
 * A failed run says what probably made it fail: an electrolyte that conducts ions and electrons (above the electronic
 * floor, 1e-10 of the metal's) with the reaction source lagged (the setting that solves it), or films on the metal that
 * the set current cannot cross.
 */
class RunFailureHintTest {
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

    /**
     * A film on the metal that resists in every column (50 nm at 1e-9 S/m: 50 ohm m^2, 25 kV at the cell's 50 mA/cm^2) is
     * named when the control fails; one that conducts, or that leaves a column open, is not.
     */
    @Test
    void aFilmOnTheMetalThatNeedsVoltsIsNamed() {
        String hint = RunCommand.filmDropHint(filmCell("1e-9 S/m", ""));
        assertTrue(hint.contains("resist at least 50.0 ohm m^2") && hint.contains("50.0 mA/cm^2 needs 2.50e+04 V"), hint);
        assertEquals("", RunCommand.filmDropHint(filmCell("1 S/m", "")));
        assertEquals("", RunCommand.filmDropHint(filmCell("1e-9 S/m", ", coverage: 0.5")));
    }

    private static Scenario filmCell(String ionic, String coatingExtra) {
        String yaml = CliTestSupport.CELL_2D
                .replace("  lpscl: {", "  film: {diffusivity: 1e-16 m^2/s, ionic_conductivity: " + ionic
                        + ", electronic_conductivity: 1e-8 S/m, exchange_current_density: 2.91 A/m^2, free_fraction: 1}\n  lpscl: {")
                .replace("  nuclei: [", "  coatings: [{material: film, layer: 0, thickness: 50 nm, on_metal: true" + coatingExtra + "}]\n  nuclei: [");
        return ScenarioLoader.parse(yaml, "cell.yaml", Map.of());
    }

    /** {@link CliTestSupport#CELL_2D} with the electrolyte's electronic conductivity. */
    private static Scenario cell(String electronic, String extra) {
        String yaml = CliTestSupport.CELL_2D.replace("electronic_conductivity: 1.6e-6 S/m", "electronic_conductivity: " + electronic) + extra;
        return ScenarioLoader.parse(yaml, "cell.yaml", Map.of());
    }
}
