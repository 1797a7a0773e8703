package org.lipf.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        List<String> names = RunNames.names(List.of(params("control.current_density", "5 mA/cm^2", "geometry.layers[1].thickness", "20 nm", "seed", "3")), axes);
        assertEquals(List.of("current_density-5mA_per_cm2__thickness-20nm__seed-3"), names);
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
}
