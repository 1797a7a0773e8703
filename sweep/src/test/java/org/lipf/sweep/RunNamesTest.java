package org.lipf.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunNamesTest {
    private static Map<String, String> params(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m;
    }

    @Test
    void namesAreMadeFromShortAxisNamesAndSanitisedValues() {
        List<String> axes = List.of("control.current_density", "geometry.layers[1].thickness", "seed");
        List<String> names = RunNames.names(List.of(params("control.current_density", "5 mA/cm^2", "geometry.layers[1].thickness", "20 nm", "seed", "3"),
                params("control.current_density", "1 mA/cm^2", "geometry.layers[1].thickness", "40 nm", "seed", "4")), axes);
        assertEquals("current_density-5mA_per_cm2__thickness-20nm__seed-3", names.get(0));
        assertEquals("20pct", RunNames.sanitise("20 %"));
        assertEquals("_x_y_", RunNames.sanitise("{x:y}"));
        assertEquals("_.hidden", RunNames.sanitise(".hidden"));
    }

    @Test
    void axesSharingTheirLastKeyPartKeepTheWholeKey() {
        Map<String, String> s = RunNames.shortAxisNames(List.of("geometry.layers[1].thickness", "geometry.layers[2].thickness", "seed"));
        assertEquals("geometry.layers1.thickness", s.get("geometry.layers[1].thickness"));
        assertEquals("geometry.layers2.thickness", s.get("geometry.layers[2].thickness"));
        assertEquals("seed", s.get("seed"));
    }

    @Test
    void valuesThatSanitiseAlikeGetDistinctStableHashSuffixes() {
        List<Map<String, String>> sets = List.of(params("a", "1 um"), params("a", "1um"), params("a", "2 um"));
        List<String> names = RunNames.names(sets, List.of("a"));
        assertEquals("a-2um", names.get(2));
        assertNotEquals(names.get(0), names.get(1));
        assertTrue(names.get(0).matches("a-1um-[0-9a-f]{8}"), names.get(0));
        assertEquals(names, RunNames.names(sets, List.of("a")), "the same parameters give the same names");
    }

    @Test
    void longNamesAreCutAndStayUnique() {
        String longValue = "x".repeat(200);
        List<String> names = RunNames.names(List.of(params("a", longValue + "1"), params("a", longValue + "2")), List.of("a"));
        assertEquals(2, new HashSet<>(names).size());
        for (String n : names) assertEquals(RunNames.MAX_LENGTH, n.length(), n);
    }

    /** The axes of validation/trends/e-lagp.yaml: one with two values, seven with one. */
    private static final List<String> E_LAGP_AXES = List.of("electrolyte", "control.current_density", "grid.spacing", "model.interface_width",
            "time.end", "time.integrator", "time.max_step", "time.output_interval");

    private static Map<String, String> eLagp(String electrolyte) {
        return params("electrolyte", electrolyte, "control.current_density", "0.05 mA/cm^2", "grid.spacing", "0.5 um", "model.interface_width", "1 um",
                "time.end", "24 h", "time.integrator", "semi_implicit", "time.max_step", "600 s", "time.output_interval", "2 h");
    }

    @Test
    void singleValuedAxesAreLeftOutOfNames() {
        List<Map<String, String>> sets = List.of(eLagp("li-lagp"), eLagp("li-spe-lagp"));
        assertEquals(List.of("electrolyte-li-lagp", "electrolyte-li-spe-lagp"), RunNames.names(sets, E_LAGP_AXES));
    }

    @Test
    void aRunOfSingleValuedAxesOnlyIsBase() {
        assertEquals(List.of("base"), RunNames.names(List.of(eLagp("li-lagp")), E_LAGP_AXES));
        assertEquals(List.of("base"), RunNames.names(List.of(params()), List.of()));
    }

    @Test
    void aShortNameIsTakenAmongTheNamedAxesOnly() {
        List<String> axes = List.of("geometry.layers[1].thickness", "geometry.layers[2].thickness");
        List<Map<String, String>> sets = List.of(params(axes.get(0), "1 um", axes.get(1), "5 um"), params(axes.get(0), "2 um", axes.get(1), "5 um"));
        assertEquals(List.of("thickness-1um", "thickness-2um"), RunNames.names(sets, axes));
    }

    /** The shipped sweep's runs: short names, and every axis still in their parameters and overrides. */
    @Test
    void eLagpRunsHaveShortNamesAndEveryParameter() {
        List<SweepRun> runs = SweepExpander.expand(SweepFileReader.read(Path.of("../validation/trends/e-lagp.yaml")));
        assertEquals(List.of("electrolyte-li-lagp", "electrolyte-li-spe-lagp"), runs.stream().map(SweepRun::id).toList());
        for (SweepRun r : runs) {
            assertEquals(E_LAGP_AXES, List.copyOf(r.parameters().keySet()));
            assertEquals("24 h", r.overrides().get("time.end"));
        }
    }
}
