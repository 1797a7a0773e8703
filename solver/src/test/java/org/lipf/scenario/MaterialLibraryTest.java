package org.lipf.scenario;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaterialLibraryTest {
    /** Materials section at line 4; tests below refer to its lines. */
    static String scenario(String materials) {
        return """
                grid: {dimensions: 2, width: 4 um, height: 8 um, spacing: 0.5 um}
                model: {temperature: 300 K, bulk_concentration: 1.8e4 mol/m^3, metal: li}
                control: {mode: galvanostatic, current_density: 1 mA/cm^2}
                materials:
                """ + materials + """
                geometry:
                  layers:
                    - {material: li, thickness: 2 um, xi: 1, c: 0}
                    - {material: el, thickness: rest}
                time: {end: 1 s}
                """;
    }

    static Scenario parse(String materials) {
        return ScenarioLoader.parse(scenario(materials), "test.yaml", Map.of());
    }

    /** D = sigma R T / (F^2 c0) at 300 K and c0 = 1.8e4 mol/m^3, by hand: R T = 2494.339 J/mol, F^2 c0 = 1.675696e14 C^2/m^3. */
    static double nernstEinstein(double sigma) {
        return sigma * 2494.3388 / 1.675696e14;
    }

    @Test
    void everyMaterialTheIssueAsksForIsInTheLibraryWithAllParametersCited() {
        MaterialLibrary lib = MaterialLibrary.builtIn();
        List<String> required = List.of("li-metal", "lpscl-pellet", "e-lpscl-film", "p-lpscl-film", "p-lpscl-reduced", "soft-carbon", "llzto-cubic-nano",
                "llzto-cubic-micro", "li3n", "lif-intact", "lif-cracked", "lixmg", "lif-lixmg-nanograin", "lagp", "lagp-reduced", "peo-spe");
        assertTrue(lib.names().containsAll(required), lib.names().toString());
        for (String name : lib.names()) {
            MaterialLibrary.Material m = lib.get(name);
            assertFalse(m.description().isBlank(), name);
            boolean brittle = m.parameters().containsKey("fracture_toughness");
            assertEquals(List.of("lpscl-pellet", "e-lpscl-film", "p-lpscl-film", "p-lpscl-reduced", "lagp", "lagp-reduced").contains(name), brittle,
                    name + ": the brittle solid electrolytes, and only they, have an intrusion limit");
            // the metal gives both void parameters (docs/MODEL.md section 4.3), a film on it at most the stripping current
            boolean metal = name.equals("li-metal"), supplies = m.parameters().containsKey("critical_stripping_current");
            assertTrue(!metal || supplies, "the Li metal forms voids");
            // the cold-pressed sulfides have closed pores their leakage fills (section 4.2.1); sintered LAGP is taken as dense
            boolean porous = name.contains("lpscl");
            List<String> activated = List.of("lpscl-pellet", "e-lpscl-film", "p-lpscl-film", "p-lpscl-reduced", "lagp", "peo-spe");
            List<String> expected = MaterialLibrary.PARAMETERS.stream()
                    .filter(k -> brittle || !MaterialLibrary.INTRUSION_PARAMETERS.contains(k))
                    .filter(k -> porous || !k.equals(MaterialLibrary.PORE_PARAMETER))
                    // an activation energy only where a paper gives one (or its film's value): the ion conductors of papers A and E
                    .filter(k -> activated.contains(name) || !k.equals("activation_energy"))
                    .filter(k -> !k.equals("critical_stripping_current") || supplies)
                    .filter(k -> !k.equals("void_depth") || metal).toList();
            assertEquals(expected, List.copyOf(m.parameters().keySet()), name + ": every parameter, in order");
            for (MaterialLibrary.Parameter p : m.parameters().values()) {
                assertFalse(p.source().isBlank(), name + "." + p.key());
                assertTrue(!p.estimate() || !p.reasoning().isBlank(), name + "." + p.key());
            }
        }
    }

    @Test
    void everyLibraryEntryResolvesToAValidMaterialWithItsDensity() {
        StringBuilder b = new StringBuilder("  li: {library: li-metal}\n  el: {library: lpscl-pellet}\n");
        for (String name : MaterialLibrary.builtIn().names()) b.append("  m-").append(name).append(": {library: ").append(name).append("}\n");
        Scenario s = parse(b.toString());
        for (String name : MaterialLibrary.builtIn().names()) {
            MaterialSpec m = s.material("m-" + name);
            assertTrue(m.hasDensity(), name);
            assertTrue(m.source().contains("library '" + name + "'"), m.source());
        }
    }

    @Test
    void publishedValuesArriveInSI() {
        Scenario s = parse("  li: {library: li-metal}\n  el: {library: lpscl-pellet}\n  a: {library: lif-intact}\n  b: {library: lif-cracked}\n"
                + "  c: {library: p-lpscl-reduced}\n  d: {library: lagp}\n  e: {library: peo-spe}\n  f: {library: llzto-cubic-micro}\n");
        assertEquals(1.7e-9, s.material("a").sigmaIon_S_per_m(), 1e-24);
        assertEquals(5.0e-7, s.material("b").sigmaIon_S_per_m(), 1e-22);
        assertEquals(7.1e-5, s.material("c").sigmaEl_S_per_m(), 1e-20);
        // the ion conductors with an activation energy arrive at the scenario's 300 K from the papers' RT (298.15 K)
        double eV = org.lipf.model.PhysicalConstants.FARADAY_C_PER_MOL;
        assertEquals(3.25e-2 * Arrhenius.factor(0.36 * eV, 298.15, 300), s.material("d").sigmaIon_S_per_m(), 1e-15);
        assertEquals(0.125 * Arrhenius.factor(0.228 * eV, 298.15, 300), s.material("e").sigmaIon_S_per_m(), 1e-14);
        assertEquals(1.09, Arrhenius.factor(0.36 * eV, 298.15, 300), 0.005, "LAGP: 9 % more at 300 K than at 25 C");
        assertEquals(0.06, s.material("f").sigmaIon_S_per_m(), 1e-15);
        assertEquals(5100, s.material("f").density_kg_per_m3(), 1e-9);
        // paper B's 0.291 mA/cm^2, a Tafel fit at -5 C, scaled to 300 K at 0.28 eV: 3.62 times as large
        assertEquals(2.91 * Arrhenius.factor(0.28 * eV, 268.15, 300), s.material("li").exchangeCurrentDensity_A_per_m2(), 1e-12);
        assertEquals(3.62, Arrhenius.factor(0.28 * eV, 268.15, 300), 0.005);
        assertEquals(0.0, s.material("f").freeFraction());
    }

    @Test
    void nernstEinsteinGivesDFromSigmaAndSigmaFromDAtTheScenariosC0() {
        Scenario s = parse("  li: {library: li-metal}\n  el: {library: lpscl-pellet}\n  sc: {library: soft-carbon}\n");
        // paper C's 2.5 mS/cm at 30 C, at the scenario's 300 K (0.28 eV): 0.894 times that
        double sigma = 0.25 * Arrhenius.factor(0.28 * org.lipf.model.PhysicalConstants.FARADAY_C_PER_MOL, 303.15, 300);
        assertEquals(0.894, sigma / 0.25, 0.001);
        assertEquals(3.7213e-12 * sigma / 0.25, s.material("el").diffusivity_m2_per_s(), 1e-4 * 3.7213e-12);
        assertEquals(nernstEinstein(sigma), s.material("el").diffusivity_m2_per_s(), 1e-6 * 3.7e-12);
        // soft carbon: D = 1e-11 cm^2/s from paper B, sigma_ion the other way round
        assertEquals(1e-15, s.material("sc").diffusivity_m2_per_s(), 1e-27);
        assertEquals(1e-15 * 1.675696e14 / 2494.3388, s.material("sc").sigmaIon_S_per_m(), 1e-6 * 6.7e-5);
        // another c0 gives proportionally smaller D
        Scenario s2 = ScenarioLoader.parse(scenario("  li: {library: li-metal}\n  el: {library: lpscl-pellet}\n").replace("1.8e4 mol/m^3", "3.6e4 mol/m^3"),
                "test.yaml", Map.of());
        assertEquals(s.material("el").diffusivity_m2_per_s() / 2, s2.material("el").diffusivity_m2_per_s(), 1e-25);
    }

    @Test
    void scenarioValuesOverrideTheLibraryAndTheSourceSaysSo() {
        Scenario s = parse("  li: {library: li-metal}\n  el: {library: lif-intact, ionic_conductivity: 5e-9 S/cm, source: \"my film\"}\n");
        MaterialSpec el = s.material("el");
        assertEquals(5e-7, el.sigmaIon_S_per_m(), 1e-22);
        assertEquals(nernstEinstein(5e-7), el.diffusivity_m2_per_s(), 1e-6 * nernstEinstein(5e-7));
        assertEquals(1e-8, el.sigmaEl_S_per_m(), 1e-23);
        assertTrue(el.source().startsWith("my film; library 'lif-intact' (materials/library.yaml)"), el.source());
        assertTrue(el.source().contains("ionic_conductivity: set in the scenario"), el.source());
        assertTrue(el.source().contains("density: CRC Handbook"), el.source());
    }

    @Test
    void unknownLibraryNameNamesFileKeyLineAndTheKnownNames() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> parse("  li: {library: li-metal}\n  el: {library: foo}\n"));
        assertTrue(e.getMessage().startsWith("test.yaml:6: materials.el.library: unknown material 'foo' (known: li-metal, lpscl-pellet, "), e.getMessage());
    }

    @Test
    void aMisspeltLibraryNameGetsTheNearestOne() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> parse("  li: {library: li-metl}\n  el: {library: lpscl-pellet}\n"));
        assertTrue(e.getMessage().startsWith("test.yaml:5: materials.li.library: unknown material 'li-metl'; did you mean 'li-metal'? (known: li-metal, "),
                e.getMessage());
    }

    @Test
    void badOverrideAndBothNernstEinsteinAreErrorsAtTheScenarioLine() {
        ScenarioException unit = assertThrows(ScenarioException.class, () -> parse("  li: {library: li-metal}\n  el: {library: lagp, ionic_conductivity: 3 um}\n"));
        assertEquals("materials.el.ionic_conductivity", unit.keyPath());
        assertEquals(6, unit.line());
        ScenarioException both = assertThrows(ScenarioException.class,
                () -> parse("  li: {library: li-metal}\n  el: {library: lagp, diffusivity: nernst-einstein, ionic_conductivity: nernst-einstein}\n"));
        assertTrue(both.getMessage().contains("cannot both be nernst-einstein"), both.getMessage());
        ScenarioException key = assertThrows(ScenarioException.class, () -> parse("  li: {library: li-metal}\n  el: {library: lagp, densty: 3 g/cm^3}\n"));
        assertTrue(key.getMessage().contains("did you mean 'density'"), key.getMessage());
        // the value as written, with its unit, not its SI number (-5.0E-7)
        ScenarioException negative = assertThrows(ScenarioException.class,
                () -> parse("  li: {library: li-metal}\n  el: {library: lif-intact, ionic_conductivity: -5e-9 S/cm}\n"));
        assertTrue(negative.getMessage().endsWith("materials.el.ionic_conductivity: must be >= 0 and finite, got -5e-9 S/cm"), negative.getMessage());
    }

    @Test
    void resolvedScenarioHoldsTheValuesAndReadsBackEqualWithoutTheLibrary() {
        Scenario s = parse("  li: {library: li-metal}\n  el: {library: lif-cracked, electronic_conductivity: 1e-9 S/cm}\n");
        String yaml = ScenarioWriter.toYaml(s);
        assertFalse(yaml.contains("library:"), yaml);
        assertTrue(yaml.contains("library 'lif-cracked'"), yaml);
        assertTrue(yaml.contains("ionic_conductivity: 5.0E-7 S/m"), yaml);
        assertEquals(s, ScenarioLoader.parse(yaml, "resolved.yaml", Map.of()));
    }

    @Test
    void userLibraryNextToTheScenarioAddsAndReplacesEntries(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("libs"));
        Files.writeString(dir.resolve("libs/mine.yaml"), """
                my-electrolyte:
                  description: "a test electrolyte"
                  diffusivity: {value: nernst-einstein, source: "NE"}
                  ionic_conductivity: {value: 1 mS/cm, source: "my measurement"}
                  electronic_conductivity: {value: 0 S/m, source: "assumed", estimate: true, reasoning: "an insulator"}
                  exchange_current_density: {value: 1 mA/cm^2, source: "my Tafel fit"}
                  free_fraction: {value: 1, source: "electrolyte"}
                lif-intact:
                  description: "LiF remeasured"
                  ionic_conductivity: {value: 2e-11 S/cm, source: "my film"}
                """);
        Path f = dir.resolve("case.yaml");
        Files.writeString(f, "materials_library: libs/mine.yaml\n"
                + scenario("  li: {library: li-metal}\n  el: {library: my-electrolyte}\n  lif: {library: lif-intact, diffusivity: 1e-16 m^2/s, electronic_conductivity: 0 S/m, "
                        + "exchange_current_density: 1 mA/cm^2, free_fraction: 1}\n"));
        Scenario s = ScenarioLoader.load(f, Map.of());
        assertEquals(0.1, s.material("el").sigmaIon_S_per_m(), 1e-15);
        assertEquals(10.0, s.material("el").exchangeCurrentDensity_A_per_m2(), 1e-12);
        assertTrue(s.material("el").source().contains("electronic_conductivity: assumed (estimate: an insulator)"), s.material("el").source());
        assertEquals(2e-9, s.material("lif").sigmaIon_S_per_m(), 1e-24);
        assertFalse(s.material("lif").hasDensity(), "the user's entry replaces the shipped one whole");
    }

    @Test
    void errorsInsideALibraryNameTheLibraryFileAndLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("lib.yaml"), """
                bad:
                  description: "x"
                  ionic_conductivity: {value: 1 um, source: "typo"}
                """);
        Path f = dir.resolve("case.yaml");
        Files.writeString(f, "materials_library: lib.yaml\n" + scenario("  li: {library: li-metal}\n  el: {library: bad, diffusivity: 1e-12 m^2/s}\n"));
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(f, Map.of()));
        assertEquals(dir.resolve("lib.yaml").toString(), e.file());
        assertEquals(3, e.line());
        assertEquals("materials.el.ionic_conductivity", e.keyPath());
        Files.writeString(dir.resolve("lib.yaml"), "bad:\n  ionic_conductivity: {value: 1 S/m}\n");
        ScenarioException noSource = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(f, Map.of()));
        assertTrue(noSource.getMessage().endsWith("bad.ionic_conductivity.source: every library parameter needs a source"), noSource.getMessage());
    }
}
