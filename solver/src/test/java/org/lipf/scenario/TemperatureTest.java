package org.lipf.scenario;

import static org.junit.jupiter.api.Assertions.*;
import static org.lipf.scenario.ScenarioLoaderTest.assertError;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lipf.grid.GeometryReport;
import org.lipf.model.PhysicalConstants;

/**
 * A scenario's temperature scales the ion transport of the materials that give an activation energy
 * (docs/MODEL.md section 1.3): sigma_ion and D by exp(-E_a / R (1/T - 1/T_ref)), D through Nernst-Einstein at T
 * where the library derives it; the rest is used as given, and the start-of-run report says so.
 */
class TemperatureTest {
    /** The electrolyte of {@link #CELL} as written there, for tests that put a library entry in its place. */
    private static final String CELL_EL = "{diffusivity: nernst-einstein, ionic_conductivity: 0.25 S/m, electronic_conductivity: 0 S/m, exchange_current_density: 2.91 A/m^2, }";

    private static final String CELL = """
            name: temperature
            grid: {dimensions: 2, width: 4 um, height: 4 um, spacing: 0.25 um}
            model: {form: mixed_conductor, interface_width: 0.5 um, temperature: %s}
            materials:
              li: {library: li-metal}
              el: {diffusivity: nernst-einstein, ionic_conductivity: 0.25 S/m, electronic_conductivity: 0 S/m, exchange_current_density: 2.91 A/m^2, %s}
              host: {library: soft-carbon}
            geometry:
              background: el
              layers:
                - {material: li, thickness: 1 um, xi: 1, c: 1}
                - {material: host, thickness: 1 um, c: 0}
                - {material: el, thickness: rest, c: 1}
            control: {mode: galvanostatic, current_density: 1 mA/cm^2}
            time: {end: 1 s, output_interval: 1 s}
            """;

    private static Scenario at(String temperature, String keys) {
        return ScenarioLoader.parse(CELL.formatted(temperature, keys), "test.yaml", Map.of());
    }

    @Test
    void theIonTransportFollowsArrheniusFromItsReferenceTemperature() {
        double ea_J_per_mol = 0.3 * PhysicalConstants.FARADAY_C_PER_MOL; // 0.3 eV per ion
        Scenario hot = at("330 K", "activation_energy: 0.3 eV, reference_temperature: 300 K");
        MaterialSpec el = hot.material("el");
        double factor = Math.exp(-ea_J_per_mol / PhysicalConstants.GAS_CONSTANT_J_PER_MOL_K * (1 / 330.0 - 1 / 300.0));
        assertEquals(2.87, factor, 0.01, "0.3 eV from 300 to 330 K");
        assertEquals(0.25 * factor, el.sigmaIon_S_per_m(), 1e-12 * 0.25 * factor);
        // D by Nernst-Einstein at 330 K from the scaled conductivity
        assertEquals(NernstEinstein.diffusivity(0.25 * factor, 330, 1, ScenarioLoader.DEFAULT_BULK_CONCENTRATION), el.diffusivity_m2_per_s(),
                1e-12 * el.diffusivity_m2_per_s());
        assertEquals(330, el.referenceTemperature_K(), 0, "the values now hold at the scenario's temperature");
        // the resolved scenario carries the scaled values at 330 K: read again, the same
        assertEquals(hot, ScenarioLoader.parse(ScenarioWriter.toYaml(hot), "resolved.yaml", Map.of()), "round trip");
        // at the reference temperature nothing changes; per mole as per particle
        assertEquals(0.25, at("300 K", "activation_energy: 0.3 eV, reference_temperature: 300 K").material("el").sigmaIon_S_per_m(), 1e-15);
        assertEquals(el.sigmaIon_S_per_m(), at("330 K", "activation_energy: 28.9456 kJ/mol, reference_temperature: 300 K").material("el").sigmaIon_S_per_m(),
                1e-6 * el.sigmaIon_S_per_m(), "0.3 eV is 28.9456 kJ/mol");
    }

    @Test
    void theExchangeCurrentFollowsArrheniusFromTheTemperatureItWasMeasuredAt() {
        // paper B's Tafel fits are at -5 C: i0 measured at 268.15 K, used at 300 K
        double ea_J_per_mol = 0.3 * PhysicalConstants.FARADAY_C_PER_MOL;
        double factor = Math.exp(-ea_J_per_mol / PhysicalConstants.GAS_CONSTANT_J_PER_MOL_K * (1 / 300.0 - 1 / 268.15));
        assertEquals(3.97, factor, 0.01, "0.3 eV from 268.15 to 300 K");
        Scenario warm = at("300 K", "exchange_current_activation_energy: 0.3 eV, exchange_current_reference_temperature: 268.15 K");
        MaterialSpec el = warm.material("el");
        assertEquals(2.91 * factor, el.exchangeCurrentDensity_A_per_m2(), 1e-12 * 2.91 * factor);
        assertEquals(0.25, el.sigmaIon_S_per_m(), 0, "the transport has no activation energy: as given");
        assertEquals(300, el.exchangeCurrentReferenceTemperature_K(), 0, "i0 now holds at the scenario's temperature");
        assertTrue(el.source().contains("exchange current density scaled by Arrhenius from 268.15 K to 300.00 K"), el.source());
        assertEquals(warm, ScenarioLoader.parse(ScenarioWriter.toYaml(warm), "resolved.yaml", Map.of()), "round trip");
        // the resolved scenario read at another temperature gives what the original gives there
        Scenario back = ScenarioLoader.parse(ScenarioWriter.toYaml(warm), "resolved.yaml", Map.of("model.temperature", "310 K"));
        double direct = at("310 K", "exchange_current_activation_energy: 0.3 eV, exchange_current_reference_temperature: 268.15 K")
                .material("el").exchangeCurrentDensity_A_per_m2();
        assertEquals(direct, back.material("el").exchangeCurrentDensity_A_per_m2(), 1e-12 * direct);
        // without its own reference temperature i0 holds at the material's, with the transport scaled alongside
        MaterialSpec both = at("330 K", "activation_energy: 0.3 eV, reference_temperature: 300 K, exchange_current_activation_energy: 0.3 eV").material("el");
        double to330 = Math.exp(-ea_J_per_mol / PhysicalConstants.GAS_CONSTANT_J_PER_MOL_K * (1 / 330.0 - 1 / 300.0));
        assertEquals(2.91 * to330, both.exchangeCurrentDensity_A_per_m2(), 1e-12 * 2.91 * to330);
        assertEquals(0.25 * to330, both.sigmaIon_S_per_m(), 1e-12 * 0.25 * to330);
        // a transport scaled alone leaves i0 at the temperature it holds at, which the resolved scenario keeps
        MaterialSpec transportOnly = at("330 K", "activation_energy: 0.3 eV, reference_temperature: 300 K").material("el");
        assertEquals(2.91, transportOnly.exchangeCurrentDensity_A_per_m2(), 0);
        assertEquals(300, transportOnly.exchangeCurrentTemperature_K(), 0);
        assertEquals(300, ScenarioLoader.parse(ScenarioWriter.toYaml(at("330 K", "activation_energy: 0.3 eV, reference_temperature: 300 K")), "resolved.yaml",
                Map.of()).material("el").exchangeCurrentTemperature_K(), 0);
    }

    @Test
    void anExchangeCurrentTheScenarioWritesOverALibraryEntryThatScalesNeedsTheTemperatureItHoldsAt() {
        double ea = 0.3 * PhysicalConstants.FARADAY_C_PER_MOL;
        // without it a change of temperature would leave the value unscaled: refused, naming the value's key and line
        String own = CELL.formatted("300 K", "").replace(CELL_EL, "{library: lpscl-pellet, exchange_current_density: 3 A/m^2, exchange_current_activation_energy: 0.3 eV}");
        assertError(assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(own, "test.yaml", Map.of())), "test.yaml",
                "materials.el.exchange_current_density", 6, "give exchange_current_reference_temperature too");
        // with it, scaled from there, and the resolved scenario read at another temperature gives what the original gives there
        String ownAt = CELL.formatted("300 K", "").replace(CELL_EL,
                "{library: lpscl-pellet, exchange_current_density: 3 A/m^2, exchange_current_activation_energy: 0.3 eV, exchange_current_reference_temperature: 280 K}");
        Scenario s = ScenarioLoader.parse(ownAt, "test.yaml", Map.of());
        assertEquals(3 * Arrhenius.factor(ea, 280, 300), s.material("el").exchangeCurrentDensity_A_per_m2(), 1e-12);
        double at310 = ScenarioLoader.parse(ownAt, "test.yaml", Map.of("model.temperature", "310 K")).material("el").exchangeCurrentDensity_A_per_m2();
        assertEquals(3 * Arrhenius.factor(ea, 280, 310), at310, 1e-12);
        assertEquals(at310, ScenarioLoader.parse(ScenarioWriter.toYaml(s), "resolved.yaml", Map.of("model.temperature", "310 K")).material("el")
                .exchangeCurrentDensity_A_per_m2(), 1e-12 * at310);
        // the library's own i0 with an activation energy the scenario adds, written or set: from the temperature paper B measured it at
        String lib = CELL.formatted("300 K", "").replace(CELL_EL, "{library: lpscl-pellet, exchange_current_activation_energy: 0.3 eV}");
        assertEquals(2.91 * Arrhenius.factor(ea, 268.15, 300), ScenarioLoader.parse(lib, "test.yaml", Map.of()).material("el").exchangeCurrentDensity_A_per_m2(), 1e-12);
        String plain = CELL.formatted("300 K", "").replace(CELL_EL, "{library: lpscl-pellet}");
        assertEquals(2.91 * Arrhenius.factor(ea, 268.15, 300), ScenarioLoader.parse(plain, "test.yaml",
                Map.of("materials.el.exchange_current_activation_energy", "0.3 eV")).material("el").exchangeCurrentDensity_A_per_m2(), 1e-12);
        // the library's own activation energy asks for it too
        String overLibrary = CELL.formatted("300 K", "").replace(CELL_EL, "{library: lpscl-pellet, exchange_current_density: 3 A/m^2}");
        assertError(assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(overLibrary, "test.yaml", Map.of())), "test.yaml",
                "materials.el.exchange_current_density", 6, "give exchange_current_reference_temperature too");
        // a value written with the activation energy switched off holds at the scenario's temperature: the report does not name it
        String asGiven = CELL.formatted("330 K", "").replace(CELL_EL, "{library: lpscl-pellet, exchange_current_density: 3 A/m^2, exchange_current_activation_energy: 0 eV}");
        MaterialSpec el = ScenarioLoader.parse(asGiven, "test.yaml", Map.of()).material("el");
        assertEquals(3, el.exchangeCurrentDensity_A_per_m2(), 0);
        assertEquals(330, el.exchangeCurrentTemperature_K(), 0);
    }

    @Test
    void anExchangeCurrentKeepsTheTemperatureItWasMeasuredAtUnlessTheScenarioSaysOtherwise() {
        // the library gives i0 its own temperature: the material's reference_temperature does not vouch for a written i0
        String wrongKey = CELL.formatted("300 K", "").replace(CELL_EL, "{library: lpscl-pellet, exchange_current_density: 3 A/m^2, reference_temperature: 303.15 K}");
        assertError(assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(wrongKey, "test.yaml", Map.of())), "test.yaml",
                "materials.el.exchange_current_density", 6, "give exchange_current_reference_temperature too");
        // without an activation energy a written value holds at the scenario's temperature and is not named
        Scenario plain = ScenarioLoader.parse(CELL.formatted("330 K", "").replace(CELL_EL,
                "{library: lpscl-pellet, exchange_current_density: 3 A/m^2, exchange_current_activation_energy: null}"), "test.yaml", Map.of());
        assertEquals(3, plain.material("el").exchangeCurrentDensity_A_per_m2(), 0);
        assertEquals(330, plain.material("el").exchangeCurrentTemperature_K(), 0);
        assertTrue(warnings(plain).stream().noneMatch(w -> w.contains("el (")), warnings(plain).toString());
        // an activation energy of 0 leaves the library's i0 at -5 C, and the report says so
        Scenario zero = ScenarioLoader.parse(CELL.formatted("330 K", "").replace(CELL_EL, "{library: lpscl-pellet, exchange_current_activation_energy: 0 eV}"),
                "test.yaml", Map.of());
        assertEquals(2.91, zero.material("el").exchangeCurrentDensity_A_per_m2(), 0);
        assertEquals(268.15, zero.material("el").exchangeCurrentTemperature_K(), 0);
        assertTrue(warnings(zero).stream().anyMatch(w -> w.contains("the exchange current density of el (268.15 K) is taken at the temperature it holds at")),
                warnings(zero).toString());
        assertEquals(zero, ScenarioLoader.parse(ScenarioWriter.toYaml(zero), "resolved.yaml", Map.of()), "round trip");
    }

    @Test
    void aTemperatureOutsideTheModelsRangeOrAnImplausibleFactorIsNamedWhereItWasWritten(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        assertError(assertThrows(ScenarioException.class, () -> at("3 K", "")), "test.yaml", "model.temperature", 3, "outside 200-453.65 K");
        assertError(assertThrows(ScenarioException.class, () -> at("500 K", "")), "test.yaml", "model.temperature", 3, "it melts at 453.65 K");
        // a user library's reference temperature of 20 K: a factor of 4e70 at 300 K, blamed on the scenario's temperature
        java.nio.file.Files.writeString(dir.resolve("lib.yaml"), """
                cold:
                  description: "measured cold"
                  diffusivity: {value: nernst-einstein, source: "x"}
                  ionic_conductivity: {value: 0.1 S/m, source: "x"}
                  electronic_conductivity: {value: 0 S/m, source: "x"}
                  exchange_current_density: {value: 1 mA/cm^2, source: "x"}
                  free_fraction: {value: 1, source: "x"}
                  activation_energy: {value: 0.3 eV, source: "x"}
                  reference_temperature: {value: 20 K, source: "x"}
                """);
        java.nio.file.Path f = dir.resolve("case.yaml");
        java.nio.file.Files.writeString(f, "materials_library: lib.yaml\n" + CELL.formatted("300 K", "").replace(
                "{diffusivity: nernst-einstein, ionic_conductivity: 0.25 S/m, electronic_conductivity: 0 S/m, exchange_current_density: 2.91 A/m^2, }",
                "{library: cold}"));
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(f, Map.of()));
        assertEquals("model.temperature", e.keyPath(), e.getMessage());
        assertTrue(e.getMessage().contains("materials.el: Arrhenius from reference_temperature's 20.00 K to the scenario's 300.00 K"), e.getMessage());
    }

    @Test
    void theResolvedScenarioReadAtAnotherTemperatureGivesWhatTheOriginalGivesThere() {
        // the resolved scenario keeps D as nernst-einstein: at another temperature it is derived anew from the scaled sigma
        String keys = "activation_energy: 0.3 eV, reference_temperature: 300 K";
        Scenario hot = at("330 K", keys);
        String resolved = ScenarioWriter.toYaml(hot);
        assertTrue(resolved.contains("diffusivity: \"nernst-einstein\"") || resolved.contains("diffusivity: nernst-einstein"), resolved);
        Scenario back = ScenarioLoader.parse(resolved, "resolved.yaml", Map.of("model.temperature", "310 K"));
        MaterialSpec direct = at("310 K", keys).material("el"), again = back.material("el");
        assertEquals(direct.sigmaIon_S_per_m(), again.sigmaIon_S_per_m(), 1e-12 * direct.sigmaIon_S_per_m());
        assertEquals(direct.diffusivity_m2_per_s(), again.diffusivity_m2_per_s(), 1e-12 * direct.diffusivity_m2_per_s());
        // the source says what was scaled
        assertTrue(hot.material("el").source().contains("ion transport scaled by Arrhenius from 300.00 K to 330.00 K"), hot.material("el").source());
    }

    @Test
    void aTransportValueTheScenarioWritesOverALibraryEntryThatScalesNeedsTheTemperatureItHoldsAt() {
        String own = CELL.formatted("300 K", "").replace(CELL_EL, "{library: lpscl-pellet, ionic_conductivity: 3 mS/cm}");
        assertError(assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(own, "test.yaml", Map.of())), "test.yaml",
                "materials.el.ionic_conductivity", 6, "give reference_temperature too");
        // set on the command line alike
        String lib = CELL.formatted("300 K", "").replace(CELL_EL, "{library: lpscl-pellet}");
        assertError(assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(lib, "test.yaml", Map.of("materials.el.ionic_conductivity", "3 mS/cm"))),
                ScenarioLoader.OVERRIDE_FILE, "materials.el.ionic_conductivity", -1, "give reference_temperature too");
        // with its own reference temperature it is scaled from there
        String ownAt = CELL.formatted("300 K", "").replace(CELL_EL, "{library: lpscl-pellet, ionic_conductivity: 3 mS/cm, reference_temperature: 303.15 K}");
        assertEquals(0.3 * Arrhenius.factor(0.28 * PhysicalConstants.FARADAY_C_PER_MOL, 303.15, 300),
                ScenarioLoader.parse(ownAt, "test.yaml", Map.of()).material("el").sigmaIon_S_per_m(), 1e-15);
        // the library's own value is scaled from its 30 C
        assertEquals(0.25 * Arrhenius.factor(0.28 * PhysicalConstants.FARADAY_C_PER_MOL, 303.15, 300),
                ScenarioLoader.parse(lib, "test.yaml", Map.of()).material("el").sigmaIon_S_per_m(), 1e-15);
    }

    @Test
    void theLibrarysValuesHoldAtTheirPapersTemperatures() {
        // paper C's 2.5 mS/cm at 30 C, with paper A's 0.28 eV of its argyrodite
        MaterialSpec at30C = ScenarioLoader.parse(CELL.formatted("303.15 K", "").replace("{diffusivity: nernst-einstein, ionic_conductivity: 0.25 S/m, "
                + "electronic_conductivity: 0 S/m, exchange_current_density: 2.91 A/m^2, }", "{library: lpscl-pellet}"), "test.yaml", Map.of()).material("el");
        assertEquals(0.25, at30C.sigmaIon_S_per_m(), 1e-15);
        MaterialSpec at55C = ScenarioLoader.parse(CELL.formatted("328.15 K", "").replace("{diffusivity: nernst-einstein, ionic_conductivity: 0.25 S/m, "
                + "electronic_conductivity: 0 S/m, exchange_current_density: 2.91 A/m^2, }", "{library: lpscl-pellet}"), "test.yaml", Map.of()).material("el");
        double ea = 0.28 * PhysicalConstants.FARADAY_C_PER_MOL;
        assertEquals(0.25 * Math.exp(-ea / PhysicalConstants.GAS_CONSTANT_J_PER_MOL_K * (1 / 328.15 - 1 / 303.15)), at55C.sigmaIon_S_per_m(), 1e-12);
        // i0 from paper B's -5 C at the estimated 0.28 eV
        assertEquals(2.91 * Arrhenius.factor(ea, 268.15, 303.15), at30C.exchangeCurrentDensity_A_per_m2(), 1e-12);
        assertEquals(2.91 * Arrhenius.factor(ea, 268.15, 328.15), at55C.exchangeCurrentDensity_A_per_m2(), 1e-12);
    }

    @Test
    void theReportWarnsWhereTheTemperatureLeavesMaterialsWithoutAnActivationEnergyBehind() {
        String scaled = "activation_energy: 0.3 eV, reference_temperature: 298.15 K";
        List<String> near = warnings(at("300 K", scaled));
        assertTrue(near.stream().noneMatch(w -> w.startsWith("model.temperature")), near.toString());
        // the library's soft carbon has no transport activation energy (paper B gives none); el's transport scales, its i0
        // (written by hand, no activation energy) holds at its 298.15 K; the library's Li and soft carbon scale their i0
        String hot = hot(scaled);
        assertTrue(hot.contains("the ion transport of host (298.15 K) is taken at its reference temperature"), hot);
        assertTrue(hot.contains("the exchange current density of el (298.15 K) is taken at the temperature it holds at"), hot);
        assertTrue(hot.contains("above those temperatures kinetic overpotentials come out too large"), hot);
        // with its activation energy el's i0 is not named
        String kinetics = hot("exchange_current_activation_energy: 0.3 eV, " + scaled);
        assertFalse(kinetics.contains("exchange current densit"), kinetics);
        assertTrue(kinetics.contains("the ion transport of host (298.15 K)"), kinetics);
        // an i0 measured at another temperature is named, though the transport's reference is near
        List<String> cold = warnings(at("300 K", "exchange_current_reference_temperature: 268.15 K, " + scaled)).stream()
                .filter(w -> w.startsWith("model.temperature")).toList();
        assertEquals(1, cold.size(), cold.toString());
        assertTrue(cold.get(0).contains("the exchange current density of el (268.15 K) is taken at the temperature it holds at"), cold.get(0));
        assertFalse(cold.get(0).contains("ion transport"), cold.get(0));
        // two of them, the library's Li with its activation energy switched off
        Scenario both = ScenarioLoader.parse(CELL.formatted("300 K", "exchange_current_reference_temperature: 268.15 K, " + scaled)
                .replace("li: {library: li-metal}", "li: {library: li-metal, exchange_current_activation_energy: null}"), "test.yaml", Map.of());
        assertTrue(warnings(both).stream().anyMatch(w -> w.contains("the exchange current densities of li (268.15 K), el (268.15 K) are taken at the "
                + "temperatures they hold at")), warnings(both).toString());
    }

    private static String hot(String keys) {
        return warnings(at("328.15 K", keys)).stream().filter(w -> w.startsWith("model.temperature")).findFirst().orElseThrow();
    }

    /** A scenario at this temperature with these keys on its material is refused at line 6, naming key, with message. */
    private static void refused(String temperature, String keys, String key, String message) {
        assertError(assertThrows(ScenarioException.class, () -> at(temperature, keys)), "test.yaml", key, 6, message);
    }

    @Test
    void badTemperatureDataIsNamedWithItsKey() {
        refused("300 K", "activation_energy: 0.3 eV", "materials.el.activation_energy", "needs reference_temperature");
        refused("300 K", "activation_energy: 0.3 V, reference_temperature: 300 K", "materials.el.activation_energy", "expected an activation energy");
        refused("300 K", "activation_energy: -0.3 eV, reference_temperature: 300 K", "materials.el.activation_energy", "must be >= 0");
        refused("300 K", "activation_energy: 0.3 eV, reference_temperature: 0 K", "materials.el.reference_temperature", "must be > 0");
        // a value per mole written for one per particle
        refused("300 K", "activation_energy: 0.3 J/mol, reference_temperature: 300 K", "materials.el.activation_energy", "below 0.01 eV (1 kJ/mol)");
        assertEquals(0.25, at("330 K", "activation_energy: 0 eV, reference_temperature: 300 K").material("el").sigmaIon_S_per_m(), 0, "none");
        refused("300 K", "exchange_current_activation_energy: 0.3 eV", "materials.el.exchange_current_activation_energy", "needs exchange_current_reference_temperature (or reference_temperature)");
        refused("300 K", "exchange_current_activation_energy: 0.3 V, exchange_current_reference_temperature: 300 K", "materials.el.exchange_current_activation_energy", "expected an activation energy");
        refused("300 K", "exchange_current_activation_energy: -0.3 eV, exchange_current_reference_temperature: 300 K", "materials.el.exchange_current_activation_energy", "must be >= 0");
        refused("300 K", "exchange_current_activation_energy: 0.3 J/mol, exchange_current_reference_temperature: 300 K", "materials.el.exchange_current_activation_energy", "below 0.01 eV (1 kJ/mol)");
        refused("300 K", "exchange_current_reference_temperature: -3 K", "materials.el.exchange_current_reference_temperature", "must be > 0");
        // a slip of units the other way, and temperatures that overflow the Arrhenius factor
        refused("300 K", "activation_energy: 5 eV, reference_temperature: 300 K", "materials.el.activation_energy", "above 3 eV (289 kJ/mol)");
        refused("300 K", "exchange_current_activation_energy: 0.3 eV, exchange_current_reference_temperature: 2 K", "materials.el.exchange_current_reference_temperature", "check the temperatures and the activation energy");
        refused("300 K", "activation_energy: 0.3 eV, reference_temperature: 2 K", "materials.el.reference_temperature", "check the temperatures and the activation energy");
    }

    private static List<String> warnings(Scenario s) {
        GeometryReport r = org.lipf.grid.GeometryBuilder.build(s, s.grid().toGrid()).report();
        return r.warnings();
    }
}
