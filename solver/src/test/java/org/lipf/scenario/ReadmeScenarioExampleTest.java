package org.lipf.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /** README's "3D runs" command turns a shipped 2D scenario into a 3D one that loads and builds, its nucleus placed in y. */
    @Test
    void theThreeDimensionalRunCommandLoadsAndBuilds() throws Exception {
        List<String> lines = Files.readAllLines(README);
        int start = lines.indexOf("### 3D runs");
        assertTrue(start >= 0, "README.md has no heading '### 3D runs'");
        while (!lines.get(start).equals("```bash")) start++;
        StringBuilder command = new StringBuilder();
        for (int n = start + 1; !lines.get(n).equals("```"); n++) command.append(lines.get(n).replace("\\", " "));
        Matcher m = Pattern.compile("--set ([^=\\s]+)=(\"[^\"]*\"|\\S+)").matcher(command);
        Map<String, String> overrides = new LinkedHashMap<>();
        while (m.find()) overrides.put(m.group(1), m.group(2).replace("\"", ""));
        Matcher file = Pattern.compile("\\./lipf run (\\S+\\.yaml)").matcher(command);
        assertTrue(file.find(), command.toString());
        Scenario s = ScenarioLoader.load(Path.of("..").resolve(file.group(1)), overrides);
        GeometryReport r = GeometryBuilder.build(s, s.grid().toGrid()).report();
        assertTrue(s.grid().is3D(), overrides.toString());
        assertEquals(List.of(), r.warnings(), r.summary());
        assertEquals(5e-6, s.geometry().nuclei().get(0).y_m(), 1e-12);
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
