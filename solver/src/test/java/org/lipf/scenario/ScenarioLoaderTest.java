package org.lipf.scenario;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioLoaderTest {
    /** Line numbers matter: tests below refer to them. */
    static final String BASE = """
            name: chen2015
            description: "Chen et al., J. Power Sources 300 (2015) 376"
            grid: {dimensions: 2, width: 200 um, height: 200 um, spacing: 0.5 um}
            model:
              form: single_potential
              temperature: 300 K
              symmetry_factor: 0.5
              interface_width: 1 um
              allen_cahn_mobility: 2.5e-6 m^3/(J*s)
              anisotropy: {strength: 0.05, mode: 4, angle: 0 deg}
              noise: {amplitude: 0.04, seed: 42}
            materials:
              li:          {diffusivity: 7.5e-13 m^2/s, ionic_conductivity: 0 S/m, electronic_conductivity: 1e7 S/m, exchange_current_density: 30 A/m^2, density: 0.534 g/cm^3}
              electrolyte: {diffusivity: 7.5e-10 m^2/s, ionic_conductivity: 1.19 S/m, electronic_conductivity: 0 S/m, exchange_current_density: 30 A/m^2, density: 1.2 g/cm^3}
              llzto:       {diffusivity: 1e-8 cm^2/s, ionic_conductivity: 1 mS/cm, electronic_conductivity: 1e-8 S/m, exchange_current_density: 0 A/m^2, free_fraction: 0, density: 5.1 g/cm^3}
            geometry:
              background: electrolyte
              layers:
                - {material: li, thickness: 10 um, xi: 1, c: 0}
                - {material: electrolyte, thickness: rest}
              particles: [ {material: llzto, layer: 1, diameter: 2 um, diameter_std: 0.2 um, weight_fraction: 20 %, seed: 7} ]
              cracks: [ {layer: 0, x: 20 um, width: 1 um, fill: electrolyte} ]
              nuclei: [ {x: 100 um, radius: 5 um} ]
            control: {mode: potentiostatic, voltage: -0.45 V}
            time: {end: 100 s, output_interval: 10 s}
            """;

    static Scenario parse(String yaml) {
        return ScenarioLoader.parse(yaml, "test.yaml", Map.of());
    }

    static ScenarioException fails(String yaml) {
        return assertThrows(ScenarioException.class, () -> parse(yaml));
    }

    static ScenarioException failsWith(Map<String, String> overrides) {
        return assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(BASE, "test.yaml", overrides));
    }

    static void assertError(ScenarioException e, String file, String key, int line, String fragment) {
        assertEquals(file, e.file(), e.getMessage());
        assertEquals(key, e.keyPath(), e.getMessage());
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), "message: " + e.getMessage());
    }

    @Test
    void readsFullScenarioWithDefaultsInSI() {
        Scenario s = parse(BASE);
        assertEquals("chen2015", s.name());
        assertEquals(400, s.grid().nx());
        assertEquals(1, s.grid().ny());
        assertEquals(400, s.grid().nz());
        assertEquals(ModelForm.SINGLE_POTENTIAL, s.model().form());
        assertEquals(1, s.model().chargeNumber());
        assertEquals(7.64e4, s.model().metalSiteDensity_mol_per_m3());
        assertEquals(1.18, s.model().interfaceEnergy_J_per_m2());
        assertEquals(42, s.model().seed());
        assertEquals("li", s.model().metalMaterial());
        assertEquals(0, s.materialId("li"));
        assertEquals(2, s.materialId("llzto"));
        assertEquals(1e-12, s.material("llzto").diffusivity_m2_per_s(), 1e-24);
        assertEquals(0.1, s.material("llzto").sigmaIon_S_per_m(), 1e-15);
        assertEquals(1.0, s.material("li").freeFraction());
        assertEquals(190e-6, s.geometry().layers().get(1).thickness_m(), 1e-15);
        assertEquals(1.0, s.geometry().layers().get(1).c());
        assertEquals(0.0, s.geometry().layers().get(1).xi());
        assertTrue(Double.isNaN(s.control().currentDensity_A_per_m2()));
        assertEquals(-0.45, s.control().voltage_V());
        assertEquals(10.0, s.time().maxStep_s());
        assertEquals(1e-8, s.solver().potentialRelTol());
        assertThrows(IllegalArgumentException.class, () -> s.materialId("nope"));
    }

    @Test
    void interfaceWidthDefaultsToTwoSpacings() {
        Scenario s = parse(BASE.replace("  interface_width: 1 um\n", ""));
        assertEquals(1e-6, s.model().interfaceWidth_m(), 1e-18);
    }

    @Test
    void weightFractionConvertsToVolumeFractionWithDensities() {
        Scenario s = parse(BASE);
        double expected = (0.2 / 5100) / (0.2 / 5100 + 0.8 / 1200);
        assertEquals(expected, s.particleVolumeFraction(0), 1e-12);
    }

    /**
     * Sets of one layer given by weight are converted together (each alone counted the others' mass as the host's): 20 wt% LLZTO
     * (5.1 g/cm^3) + 20 wt% LiF (2.635) in soft carbon (2.0) are 0.0945 and 0.1828 by volume, not 0.0893 and 0.1595; a set given
     * by volume takes its volume first.
     */
    @Test
    void weightFractionsOfOneLayerConvertJointly() {
        String two = BASE.replace("density: 1.2 g/cm^3", "density: 2.0 g/cm^3")
                .replace("  llzto: ", "  lif:         {diffusivity: 1e-16 m^2/s, ionic_conductivity: 1e-9 S/m, electronic_conductivity: 0 S/m, exchange_current_density: 3 A/m^2, "
                        + "free_fraction: 0, density: 2.635 g/cm^3}\n  llzto: ")
                .replace("weight_fraction: 20 %, seed: 7} ]", "weight_fraction: 20 %, seed: 7},\n"
                        + "                {material: lif, layer: 1, diameter: 2 um, weight_fraction: 20 %, seed: 8} ]");
        Scenario s = parse(two);
        double specificVolume = 0.2 / 5.1 + 0.2 / 2.635 + 0.6 / 2.0;
        assertEquals(0.2 / 5.1 / specificVolume, s.particleVolumeFraction(0), 1e-12);
        assertEquals(0.2 / 2.635 / specificVolume, s.particleVolumeFraction(1), 1e-12);
        assertEquals(0.0945, s.particleVolumeFraction(0), 5e-5);
        assertEquals(0.1828, s.particleVolumeFraction(1), 5e-5);
        // a set in another layer, or given by volume in this one (which takes its 10 % first), is counted accordingly
        Scenario withVolume = parse(two.replace("seed: 8} ]", "seed: 8},\n                {material: llzto, layer: 1, diameter: 2 um, volume_fraction: 10 %, seed: 9} ]"));
        assertEquals(0.9 * 0.2 / 5.1 / specificVolume, withVolume.particleVolumeFraction(0), 1e-12);
        assertEquals(0.1, withVolume.particleVolumeFraction(2), 0);
        // the layer's weight-given sets must leave the host some mass
        ScenarioException full = fails(two.replace("weight_fraction: 20 %, seed: 8", "weight_fraction: 80 %, seed: 8"));
        assertEquals("geometry.particles[1].weight_fraction", full.keyPath(), full.getMessage());
        assertTrue(full.getMessage().contains("given by weight add up to 1"), full.getMessage());
    }

    /**
     * A layer that a grain mixture draws is the particles' host: its density is the mixture's, volume-weighted, 0.5 x 1.2 + 0.5 x 2.0 =
     * 1.6 g/cm^3 (the layer's own electrolyte alone, 1.2, gave 0.0556 instead of 0.0727 for 20 wt% LLZTO), and every one of its
     * materials needs a density.
     */
    @Test
    void weightFractionInAGrainMixtureTakesTheMixturesDensity() {
        String mixed = BASE.replace("  llzto: ", "  carbon:      {diffusivity: 1e-12 m^2/s, ionic_conductivity: 0.1 S/m, electronic_conductivity: 10 S/m, "
                + "exchange_current_density: 3 A/m^2, density: 2.0 g/cm^3}\n  llzto: ")
                .replace("  cracks:", "  grain_mixtures: [{layer: 1, materials: [electrolyte, carbon], fractions: [0.5, 0.5], grain_size: 1 um}]\n  cracks:");
        Scenario s = parse(mixed);
        assertEquals((0.2 / 5.1) / (0.2 / 5.1 + 0.8 / 1.6), s.particleVolumeFraction(0), 1e-12);
        assertEquals(0.0727, s.particleVolumeFraction(0), 5e-5);
        ScenarioException e = fails(mixed.replace(", density: 2.0 g/cm^3", ""));
        assertError(e, "test.yaml", "geometry.particles[0].weight_fraction", 22, "the materials of layer 1's grain mixture (electrolyte, carbon); missing: materials.carbon.density");
    }

    /** Cells of the metal's own material without metal block the ions and are no Li (the runs diverged at their first step): refused. */
    @Test
    void theMetalsMaterialWithoutMetalIsAnError() {
        assertError(fails(BASE.replace("{material: li, thickness: 10 um, xi: 1, c: 0}", "{material: li, thickness: 10 um, c: 0}")), "test.yaml",
                "geometry.layers[0].xi", 19, "a layer of the metal's own material (li) at xi = 0.0 would hold no metal");
        assertError(fails(BASE.replace("{material: li, thickness: 10 um, xi: 1, c: 0}", "{material: li, thickness: 10 um, xi: 0.5, c: 0}")), "test.yaml",
                "geometry.layers[0].xi", 19, "would hold only part metal");
        assertError(fails(BASE.replace("{material: llzto, layer: 1", "{material: li, layer: 1")), "test.yaml", "geometry.particles[0].material", 21,
                "particles take their layer's xi, 0.0");
        // in the metal's layer they are metal
        parse(BASE.replace("{material: llzto, layer: 1", "{material: li, layer: 0"));
    }

    /** A grid whose fields would not fit one array (2^31 entries) was an OutOfMemoryError with a stack trace. */
    @Test
    void aGridBeyondOneArrayIsAnError() {
        assertError(fails(BASE.replace("width: 200 um, height: 200 um", "width: 5 cm, height: 5 cm")), "test.yaml", "grid.spacing", 3,
                "the grid has 1.00e+10 cells (with its ghost layer), more than a field array holds");
    }

    @Test
    void weightFractionWithoutHostDensityIsAnError() {
        ScenarioException e = fails(BASE.replace(", density: 1.2 g/cm^3", ""));
        assertError(e, "test.yaml", "geometry.particles[0].weight_fraction", 21, "materials.electrolyte.density");
    }

    @Test
    void unknownKeySuggestsTheClosestValidOne() {
        ScenarioException e = fails(BASE.replace("  temperature: 300 K", "  temprature: 300 K"));
        assertError(e, "test.yaml", "model.temprature", 6, "did you mean 'temperature'?");
        assertTrue(e.getMessage().startsWith("test.yaml:6: model.temprature: unknown key"), e.getMessage());
        ScenarioException top = fails(BASE + "sovler: {}\n");
        assertError(top, "test.yaml", "sovler", 26, "did you mean 'solver'?");
        ScenarioException inList = fails(BASE.replace("{layer: 0, x: 20 um,", "{layer: 0, xx: 20 um,"));
        assertError(inList, "test.yaml", "geometry.cracks[0].xx", 22, "unknown key 'xx'");
    }

    @Test
    void wrongDimensionNamesKeyAndLine() {
        ScenarioException e = fails(BASE.replace("thickness: 10 um", "thickness: 5 mA/cm^2"));
        assertError(e, "test.yaml", "geometry.layers[0].thickness", 19, "expected a length, got '5 mA/cm^2'");
    }

    @Test
    void dimensionalValueWithoutUnitIsAnError() {
        ScenarioException e = fails(BASE.replace("width: 200 um", "width: 200"));
        assertError(e, "test.yaml", "grid.width", 3, "needs a unit, e.g. '30 um'");
    }

    @Test
    void missingRequiredValuesAreNamed() {
        assertError(fails(BASE.replace(", spacing: 0.5 um", "")), "test.yaml", "grid.spacing", 3, "missing required key 'spacing'");
        assertError(fails(BASE.replace("control: {mode: potentiostatic, voltage: -0.45 V}", "control: {mode: potentiostatic}")),
                "test.yaml", "control.voltage", 24, "missing required key 'voltage'");
        assertError(fails(BASE.replace("control: {mode: potentiostatic, voltage: -0.45 V}", "control: {mode: galvanostatic, voltage: 0 V}")),
                "test.yaml", "control.current_density", 24, "missing required key 'current_density'");
        assertError(fails(BASE.replace("control: {mode: potentiostatic, ", "control: {")), "test.yaml", "control.mode", 24, "missing required key 'mode'");
        assertError(fails(BASE.replace("time: {end: 100 s, output_interval: 10 s}", "time: {output_interval: 10 s}")), "test.yaml", "time.end", 25, "missing");
        assertError(fails(BASE.replace("time: {end: 100 s, output_interval: 10 s}\n", "")), "test.yaml", "time", 1, "missing required key 'time'");
        assertError(fails(BASE.replace("    - {material: li, thickness: 10 um, xi: 1, c: 0}\n    - {material: electrolyte, thickness: rest}\n", "")
                .replace("  layers:\n", "")), "test.yaml", "geometry.layers", 16, "missing required key 'layers'");
    }

    @Test
    void unknownMaterialReferenceIsAnError() {
        ScenarioException e = fails(BASE.replace("fill: electrolyte", "fill: electrolite"));
        assertError(e, "test.yaml", "geometry.cracks[0].fill", 22, "unknown material 'electrolite'; did you mean 'electrolyte'?");
        assertError(fails(BASE.replace("background: electrolyte", "background: lpscl")), "test.yaml", "geometry.background", 17, "unknown material 'lpscl'");
    }

    /** A crack's cells hold no metal (xi = 0): filled with the metal's own material they would block ions and hold no Li. */
    @Test
    void aCrackFilledWithTheMetalsMaterialIsAnError() {
        assertError(fails(BASE.replace("fill: electrolyte", "fill: li")), "test.yaml", "geometry.cracks[0].fill", 22, "the metal's own material (li) holds no metal there");
    }

    /** An interphase's cells hold no metal either, and a second reaction of one reactant would compete for its cells. */
    @Test
    void anInterphaseOfTheMetalsMaterialOrOfAReactantTwiceIsAnError() {
        assertError(fails(BASE + "interphases: [{material: electrolyte, product: li, rate_constant: 1e-12 m^2/s}]\n"),
                "test.yaml", "interphases[0].product", 26, "the metal's own material (li) holds no metal there");
        assertError(fails(BASE + "interphases:\n  - {material: electrolyte, product: llzto, rate_constant: 1e-12 m^2/s}\n"
                        + "  - {material: electrolyte, product: llzto, rate_constant: 1e-14 m^2/s}\n"),
                "test.yaml", "interphases[1].material", 28, "'electrolyte' already reacts in interphases[0] (to llzto)");
    }

    @Test
    void layersThickerThanTheDomainAreAnError() {
        ScenarioException e = fails(BASE.replace("thickness: rest", "thickness: 195 um"));
        assertError(e, "test.yaml", "geometry.layers[1].thickness", 20, "more than the grid height");
        ScenarioException twoRest = fails(BASE.replace("thickness: 10 um", "thickness: rest"));
        assertError(twoRest, "test.yaml", "geometry.layers[1].thickness", 20, "only one layer may have thickness 'rest'");
    }

    /** Without an ion conductor, or with a metal that conducts no electrons, the potentials have no solution: refused at load. */
    @Test
    void aCellWithoutAnIonConductorOrAnElectronConductingMetalIsAnError() {
        ScenarioException noIons = fails(BASE.replace("ionic_conductivity: 1.19 S/m", "ionic_conductivity: 0 S/m").replace("ionic_conductivity: 1 mS/cm", "ionic_conductivity: 0 S/m"));
        assertError(noIons, "test.yaml", "materials", 13, "no material conducts ions");
        ScenarioException metal = fails(BASE.replace("electronic_conductivity: 1e7 S/m", "electronic_conductivity: 0 S/m"));
        assertError(metal, "test.yaml", "materials.li.electronic_conductivity", 13, "the metal (model.metal) must conduct electrons");
    }

    /** A problem found after loading gets its key's line; a key the file does not hold (a default) keeps no line. */
    @Test
    void aProblemFoundAfterLoadingIsLocatedAtItsKey(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("s.yaml"), BASE);
        ScenarioException crack = ScenarioLoader.located(file, Map.of(), new ScenarioException("chen2015", "geometry.cracks[0].width", -1, "covers no cell"));
        assertError(crack, file.toString(), "geometry.cracks[0].width", 22, "covers no cell");
        ScenarioException set = ScenarioLoader.located(file, Map.of("geometry.cracks[0].width", "0.1 um"), new ScenarioException("chen2015", "geometry.cracks[0].width", -1, "x"));
        assertEquals(ScenarioLoader.OVERRIDE_FILE, set.file(), set.getMessage());
        ScenarioException absent = new ScenarioException("chen2015", "solver.reaction_coupling", -1, "needs implicit");
        assertEquals(absent, ScenarioLoader.located(file, Map.of(), absent), "no line for a key the file lacks");
    }

    @Test
    void layerThinnerThanTheGridIsAnError() {
        ScenarioException e = fails(BASE.replace("thickness: 10 um", "thickness: 100 nm"));
        assertError(e, "test.yaml", "geometry.layers[0].thickness", 19, "contains no cell centre");
    }

    @Test
    void particlesThatCannotFitAreRejectedBeforePlacement() {
        ScenarioException big = fails(BASE.replace("diameter: 2 um, diameter_std", "diameter: 250 um, diameter_std"));
        assertError(big, "test.yaml", "geometry.particles[0].diameter", 21, "do not fit in layer 1");
        ScenarioException dense = fails(BASE.replace("weight_fraction: 20 %", "volume_fraction: 0.7"));
        assertError(dense, "test.yaml", "geometry.particles[0].volume_fraction", 21, "above the random-placement limit");
        ScenarioException both = fails(BASE.replace("weight_fraction: 20 %", "weight_fraction: 20 %, volume_fraction: 0.1"));
        assertError(both, "test.yaml", "geometry.particles[0].weight_fraction", 21, "not both");
    }

    @Test
    void spacingMustDivideTheExtents() {
        ScenarioException e = fails(BASE.replace("spacing: 0.5 um", "spacing: 0.7 um"));
        assertError(e, "test.yaml", "grid.spacing", 3, "does not divide the width");
    }

    @Test
    void outOfRangeValuesAreErrors() {
        assertError(fails(BASE.replace("symmetry_factor: 0.5", "symmetry_factor: 1.5")), "test.yaml", "model.symmetry_factor", 7, "(0, 1)");
        assertError(fails(BASE.replace("free_fraction: 0,", "free_fraction: 1.2,")), "test.yaml", "materials.llzto.free_fraction", 15, "[0, 1]");
        assertError(fails(BASE.replace("xi: 1, c: 0", "xi: 2, c: 0")), "test.yaml", "geometry.layers[0].xi", 19, "[0, 1]");
        assertError(fails(BASE.replace("ionic_conductivity: 1.19 S/m", "ionic_conductivity: -1.19 S/m")),
                "test.yaml", "materials.electrolyte.ionic_conductivity", 14, ">= 0");
        assertError(fails(BASE.replace("form: single_potential", "form: single")), "test.yaml", "model.form", 5, "single_potential");
        assertError(fails(BASE.replace("dimensions: 2", "dimensions: 4")), "test.yaml", "grid.dimensions", 3, "[2, 3]");
    }

    /** The scenario BASE with {@code keys} added to its electrolyte material (line 14). */
    private static String electrolyteWith(String keys) {
        return BASE.replace("electronic_conductivity: 0 S/m,", "electronic_conductivity: 0 S/m, " + keys);
    }

    @Test
    void intrusionLimitNeedsFractureToughnessFlawSizeAndYoungsModulus() {
        String both = "fracture_toughness: 0.23 MPa*m^(1/2), flaw_size: 0.1 um, youngs_modulus: 18.5 GPa,";
        Scenario s = parse(electrolyteWith(both));
        MaterialSpec e = s.materials().get(1);
        assertEquals(0.23e6, e.fractureToughness_Pa_sqrt_m(), 1e-6);
        assertEquals(0.1e-6, e.flawSize_m(), 1e-18);
        assertEquals(18.5e9, e.youngsModulus_Pa(), 1e-3);
        assertEquals(s, ScenarioLoader.parse(ScenarioWriter.toYaml(s), "resolved.yaml", Map.of()), "round trip");
        assertError(fails(electrolyteWith("flaw_size: 0.1 um,")),
                "test.yaml", "materials.electrolyte.flaw_size", 14, "give all three or none");
        assertError(fails(electrolyteWith(both.replace("18.5 GPa", "18.5 GPa*m"))),
                "test.yaml", "materials.electrolyte.youngs_modulus", 14, "expected a pressure");
        assertError(fails(electrolyteWith(both.replace("0.1 um", "-0.1 um"))),
                "test.yaml", "materials.electrolyte.flaw_size", 14, "must be > 0");
        assertError(fails(electrolyteWith(both.replace("MPa*m^(1/2)", "MPa"))),
                "test.yaml", "materials.electrolyte.fracture_toughness", 14, "m^(1/2)");
    }

    @Test
    void poresFilledByLeakageNeedTheIntrusionLimitsParameters() {
        String intrusion = "fracture_toughness: 0.23 MPa*m^(1/2), flaw_size: 0.1 um, youngs_modulus: 18.5 GPa,";
        Scenario s = parse(electrolyteWith(intrusion + " pore_size: 0.3 um,"));
        MaterialSpec e = s.materials().get(1);
        assertEquals(0.3e-6, e.poreSize_m(), 1e-18);
        assertTrue(e.hasLeakagePores());
        assertFalse(parse(electrolyteWith(intrusion)).materials().get(1).hasLeakagePores(), "optional");
        assertEquals(s, ScenarioLoader.parse(ScenarioWriter.toYaml(s), "resolved.yaml", Map.of()), "round trip");
        assertError(fails(electrolyteWith("pore_size: 0.3 um,")),
                "test.yaml", "materials.electrolyte.pore_size", 14, "needs fracture_toughness, flaw_size and youngs_modulus");
        assertError(fails(electrolyteWith(intrusion + " pore_size: 0 um,")),
                "test.yaml", "materials.electrolyte.pore_size", 14, "must be > 0");
        assertError(fails(electrolyteWith(intrusion + " pore_size: 0.3 S/m,")),
                "test.yaml", "materials.electrolyte.pore_size", 14, "expected a length");
        assertError(fails(electrolyteWith(intrusion + " pore_size: 0.1 um,")),
                "test.yaml", "materials.electrolyte.pore_size", 14, "must exceed flaw_size (0.1 um)");
        // a library argyrodite with its intrusion switched off loses its pores with it; written pores need the keys
        Map<String, String> off = Map.of("materials.electrolyte", "{library: lpscl-pellet, fracture_toughness: null, flaw_size: null, youngs_modulus: null}");
        assertFalse(ScenarioLoader.parse(BASE, "test.yaml", off).material("electrolyte").hasLeakagePores());
        Map<String, String> written = Map.of("materials.electrolyte", "{library: lpscl-pellet, fracture_toughness: null, flaw_size: null, youngs_modulus: null, pore_size: 0.3 um}");
        assertEquals("materials.electrolyte.pore_size", assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(BASE, "test.yaml", written)).keyPath());
    }

    @Test
    void voidsNeedTheCriticalStrippingCurrentAndAPositiveVoidDepth() {
        String both = "critical_stripping_current: 0.2 mA/cm^2, void_depth: 1 um,";
        Scenario s = parse(electrolyteWith(both));
        MaterialSpec e = s.materials().get(1);
        assertEquals(2, e.criticalStrippingCurrent_A_per_m2(), 1e-12);
        assertEquals(1e-6, e.voidDepth_m(), 1e-18);
        assertTrue(e.formsVoids());
        assertEquals(s, ScenarioLoader.parse(ScenarioWriter.toYaml(s), "resolved.yaml", Map.of()), "round trip");
        assertError(fails(electrolyteWith("void_depth: 1 um,")),
                "test.yaml", "materials.electrolyte.void_depth", 14, "needs critical_stripping_current");
        assertError(fails(electrolyteWith(both.replace("1 um", "0 um"))),
                "test.yaml", "materials.electrolyte.void_depth", 14, "must be > 0");
        assertError(fails(electrolyteWith(both.replace("0.2 mA/cm^2", "0.2 mA"))),
                "test.yaml", "materials.electrolyte.critical_stripping_current", 14, "expected a current density");
    }

    @Test
    void theElectrolyteBeyondTheWindowIsALengthAtLeastZero() {
        assertEquals(0, parse(BASE).geometry().electrolyteBeyondTop_m(), 0, "default: the window's top is the counter electrode");
        Scenario s = parse(BASE.replace("  background: electrolyte\n", "  background: electrolyte\n  electrolyte_beyond_top: 715 um\n"));
        assertEquals(715e-6, s.geometry().electrolyteBeyondTop_m(), 1e-15);
        assertEquals(s, ScenarioLoader.parse(ScenarioWriter.toYaml(s), "resolved.yaml", Map.of()), "round trip");
        assertError(fails(BASE.replace("  background: electrolyte\n", "  background: electrolyte\n  electrolyte_beyond_top: -5 um\n")),
                "test.yaml", "geometry.electrolyte_beyond_top", 18, ">= 0");
        assertError(fails(BASE.replace("  background: electrolyte\n", "  background: electrolyte\n  electrolyte_beyond_top: 5 S/m\n")),
                "test.yaml", "geometry.electrolyte_beyond_top", 18, "expected a length");
    }

    @Test
    void dispersedNucleationNeedsTheMixedFormAndTheCoupledPotentials() {
        String mixed = BASE.replace("form: single_potential", "form: mixed_conductor");
        String dispersed = mixed.replace("  noise: {amplitude: 0.04, seed: 42}\n", "  noise: {amplitude: 0.04, seed: 42}\n  nucleation: {into: dispersed}\n");
        assertNotEquals(mixed, dispersed);
        assertError(fails(dispersed), "test.yaml", "model.nucleation.into", 12, "reaction_coupling: implicit");
        Scenario ok = parse(dispersed + "solver: {reaction_coupling: implicit}\n");
        assertEquals(NucleationForm.DISPERSED, ok.model().nucleationForm());
        assertEquals(ok, ScenarioLoader.parse(ScenarioWriter.toYaml(ok), "resolved.yaml", Map.of()), "round trip");
        assertError(fails(dispersed.replace("form: mixed_conductor", "form: single_potential") + "solver: {reaction_coupling: implicit}\n"),
                "test.yaml", "model.nucleation.into", 12, "mixed_conductor");
        assertError(fails(dispersed.replace("into: dispersed", "into: cloud")), "test.yaml", "model.nucleation.into", 12, "dispersed");
    }

    @Test
    void theDispersedMetalsIonPathIsAFractionAndNeedsDispersedMetal() {
        String mixed = BASE.replace("form: single_potential", "form: mixed_conductor") + "solver: {reaction_coupling: implicit}\n";
        String dispersed = mixed.replace("  noise: {amplitude: 0.04, seed: 42}\n", "  noise: {amplitude: 0.04, seed: 42}\n  nucleation: {into: dispersed}\n");
        assertEquals(1.0, parse(dispersed).model().dispersedIonPath(), "default: the whole path");
        Scenario part = parse(dispersed.replace("into: dispersed", "into: dispersed, dispersed_ion_path: 0.25"));
        assertEquals(0.25, part.model().dispersedIonPath());
        assertEquals(part, ScenarioLoader.parse(ScenarioWriter.toYaml(part), "resolved.yaml", Map.of()), "round trip");
        assertError(fails(dispersed.replace("into: dispersed", "into: dispersed, dispersed_ion_path: 1.5")),
                "test.yaml", "model.nucleation.dispersed_ion_path", 12, "[0, 1]");
        assertError(fails(dispersed.replace("into: dispersed", "into: dispersed, dispersed_ion_path: 0.2 S/m")),
                "test.yaml", "model.nucleation.dispersed_ion_path", 12, "dimension");
        assertError(fails(dispersed.replace("into: dispersed", "dispersed_ion_path: 0")),
                "test.yaml", "model.nucleation.dispersed_ion_path", 12, "into: dispersed");
        // the host faces' reaction (docs/MODEL.md section 3.6.1): off by default, a true/false key, for dispersed metal only
        assertEquals(false, parse(dispersed).model().faceReaction(), "default: no face reaction");
        Scenario faces = parse(dispersed.replace("into: dispersed", "into: dispersed, face_reaction: true"));
        assertEquals(true, faces.model().faceReaction());
        assertEquals(faces, ScenarioLoader.parse(ScenarioWriter.toYaml(faces), "resolved.yaml", Map.of()), "round trip");
        assertError(fails(dispersed.replace("into: dispersed", "into: dispersed, face_reaction: yes please")),
                "test.yaml", "model.nucleation.face_reaction", 12, "true or false");
        assertError(fails(dispersed.replace("into: dispersed", "face_reaction: true")),
                "test.yaml", "model.nucleation.face_reaction", 12, "into: dispersed");
        // an interphase relabels cells during the run: the faces that react follow it (HostFaces.update)
        Scenario withInterphase = parse(dispersed.replace("into: dispersed", "into: dispersed, face_reaction: true")
                + "interphases: [{material: electrolyte, product: llzto, rate_constant: 1e-12 m^2/s}]\n");
        assertEquals(true, withInterphase.model().faceReaction());
        assertEquals(1, withInterphase.interphases().size());
    }

    @Test
    void implicitReactionCouplingNeedsTheMixedConductorForm() {
        String yaml = BASE + "solver: {reaction_coupling: implicit}\n";
        assertError(fails(yaml), "test.yaml", "solver.reaction_coupling", 26, "mixed_conductor");
        assertError(fails(BASE + "solver: {reaction_coupling: newton}\n"), "test.yaml", "solver.reaction_coupling", 26, "implicit");
        Scenario mixed = parse(yaml.replace("form: single_potential", "form: mixed_conductor"));
        assertEquals(ReactionCoupling.IMPLICIT, mixed.solver().reactionCoupling());
        assertEquals(ReactionCoupling.LAGGED, parse(BASE).solver().reactionCoupling());
    }

    @Test
    void frontDeflationIsOnByDefaultAndTakesTrueOrFalse() {
        assertTrue(parse(BASE).solver().frontDeflation());
        Scenario off = parse(BASE + "solver: {front_deflation: false}\n");
        assertFalse(off.solver().frontDeflation());
        assertEquals(off, ScenarioLoader.parse(ScenarioWriter.toYaml(off), "resolved.yaml", Map.of()), "round trip");
        assertError(fails(BASE + "solver: {front_deflation: maybe}\n"), "test.yaml", "solver.front_deflation", 26, "true or false");
    }

    @Test
    void yamlSyntaxErrorsAndDuplicateKeysGiveALine() {
        ScenarioException e = fails(BASE.replace("  temperature: 300 K\n", "  temperature: 300 K\n  temperature: 310 K\n"));
        assertError(e, "test.yaml", "temperature", 7, "duplicate key");
        ScenarioException syn = fails("name: x\ngrid: {dimensions: 2\n");
        assertTrue(syn.line() > 0, syn.getMessage());
    }

    @Test
    void overridesReplaceValuesBeforeValidation() {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("control.mode", "galvanostatic");
        o.put("control.voltage", "");
        o.put("control.current_density", "2 mA/cm^2");
        o.put("grid.spacing", "1 um");
        o.put("model.interface_width", "2 um");
        o.put("geometry.layers[0].thickness", "30 um");
        o.put("geometry.nuclei[1]", "{x: 50 um, radius: 3 um}");
        Scenario s = ScenarioLoader.parse(BASE, "test.yaml", o);
        assertEquals(ControlMode.GALVANOSTATIC, s.control().mode());
        assertEquals(20.0, s.control().currentDensity_A_per_m2(), 1e-12);
        assertEquals(200, s.grid().nx());
        assertEquals(30e-6, s.geometry().layers().get(0).thickness_m(), 1e-18);
        assertEquals(170e-6, s.geometry().layers().get(1).thickness_m(), 1e-15);
        assertEquals(2, s.geometry().nuclei().size());
    }

    @Test
    void errorsInOverridesNameTheSetFile() {
        ScenarioException e = failsWith(Map.of("control.voltage", "2 mA/cm^2"));
        assertError(e, "--set", "control.voltage", -1, "expected a potential");
        assertTrue(e.getMessage().startsWith("--set: control.voltage: "), e.getMessage());
        assertError(failsWith(Map.of("control.curent_density", "2 mA/cm^2")), "--set", "control.curent_density", -1, "did you mean 'current_density'?");
        assertError(failsWith(Map.of("geometry.layers[5].thickness", "3 um")), "--set", "geometry.layers[5]", -1, "the list has 2");
        assertError(failsWith(Map.of("grid..width", "3 um")), "--set", "grid..width", -1, "malformed key path");
    }

    @Test
    void loadsFromAFileNamingItInErrors(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("case.yaml");
        Files.writeString(f, BASE.replace("name: chen2015\n", ""));
        assertEquals("case", ScenarioLoader.load(f, Map.of()).name());
        Files.writeString(f, BASE.replace("300 K", "300 V"));
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(f, Map.of()));
        assertEquals(f.toString(), e.file());
        assertEquals(6, e.line());
    }

    @Test
    void resolvedScenarioRoundTripsToAnEqualScenario() {
        Scenario s = parse(BASE);
        String yaml = ScenarioWriter.toYaml(s);
        Scenario back = ScenarioLoader.parse(yaml, "resolved.yaml", Map.of());
        assertEquals(s, back, yaml);
        assertTrue(yaml.contains("thickness: 1.0E-5 m"), yaml);
        assertEquals(yaml, ScenarioWriter.toYaml(back));
    }

    @Test
    void threeDimensionalScenarioRoundTrips() {
        String yaml3 = BASE.replace("grid: {dimensions: 2, width: 200 um, height: 200 um, spacing: 0.5 um}",
                        "grid: {dimensions: 3, width: 20 um, depth: 10 um, height: 40 um, spacing: 1 um}")
                .replace("thickness: 10 um", "thickness: 4 um")
                .replace("{layer: 0, x: 20 um, width: 1 um, fill: electrolyte}", "{layer: 0, x: 5 um, y: 5 um, length: 2 um, width: 1 um, fill: electrolyte, c: 0.5}")
                .replace("{x: 100 um, radius: 5 um}", "{x: 10 um, y: 5 um, radius: 3 um}")
                .replace("control: {mode: potentiostatic, voltage: -0.45 V}", "control: {mode: galvanostatic, current_density: 5 mA/cm^2}");
        Scenario s = parse(yaml3);
        assertEquals(10, s.grid().ny());
        assertEquals(2e-6, s.geometry().cracks().get(0).length_m(), 1e-18);
        Scenario back = ScenarioLoader.parse(ScenarioWriter.toYaml(s), "resolved.yaml", Map.of());
        assertEquals(s, back);
    }
}
