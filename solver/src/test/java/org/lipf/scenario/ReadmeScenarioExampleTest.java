package org.lipf.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lipf.grid.GeometryBuilder;
import org.lipf.grid.GeometryReport;

/**
 * The example under README's "Scenario file" is a complete scenario: it loads as written and builds its geometry
 * without warnings, so the README cannot drift from what the loader accepts.
 */
class ReadmeScenarioExampleTest {
    private static final Path README = Path.of("..", "README.md");

    @Test
    void theScenarioFileExampleLoadsAndBuildsWithoutWarnings() throws Exception {
        Scenario s = ScenarioLoader.parse(yamlBlockAfter("### Scenario file"), README.toString(), Map.of());
        GeometryReport r = GeometryBuilder.build(s, s.grid().toGrid()).report();
        assertEquals(List.of(), r.warnings(), r.summary());
        assertEquals(s.geometry().layers().size(), r.layers().size());
        assertEquals(1, r.particles().size(), r.summary());
    }

    /**
     * The first ```yaml block after the heading, preceded by blank lines so that a loader error names its line in
     * README.md.
     */
    private static String yamlBlockAfter(String heading) throws Exception {
        List<String> lines = Files.readAllLines(README);
        int start = lines.indexOf(heading);
        assertTrue(start >= 0, "README.md has no heading '" + heading + "'");
        while (!lines.get(start).equals("```yaml")) start++;
        int end = start + 1;
        while (!lines.get(end).equals("```")) end++;
        return "\n".repeat(start + 1) + String.join("\n", lines.subList(start + 1, end)) + "\n";
    }
}
