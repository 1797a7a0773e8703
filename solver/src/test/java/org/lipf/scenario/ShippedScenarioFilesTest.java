package org.lipf.scenario;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.lipf.grid.GeometryBuilder;
import org.lipf.grid.GeometryReport;

/** Every scenario file shipped under scenarios/ (examples included) loads and builds its geometry. */
class ShippedScenarioFilesTest {
    @Test
    void everyShippedScenarioLoadsAndBuilds() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of("..", "scenarios"))) {
            files = s.filter(p -> p.toString().endsWith(".yaml") && !p.toString().contains("sweeps")).sorted().toList(); // sweep files are not scenarios
        }
        assertTrue(files.stream().anyMatch(p -> p.endsWith(Path.of("examples", "microstructures.yaml"))), files.toString());
        for (Path f : files) {
            Scenario s = ScenarioLoader.load(f, Map.of());
            GeometryReport r = GeometryBuilder.build(s, s.grid().toGrid()).report();
            assertEquals(s.geometry().layers().size(), r.layers().size(), f.toString());
        }
    }

    @Test
    void theThreeDimensionalExampleIsACoatingWithCracksBothWaysAndPinholes() {
        Scenario s = ScenarioLoader.load(Path.of("..", "scenarios", "examples", "lif-50nm-3d.yaml"), Map.of());
        assertTrue(s.grid().is3D());
        GeometryReport.CoatingResult film = GeometryBuilder.build(s, s.grid().toGrid()).report().coatings().get(0);
        assertEquals(1, film.cracksAlongX());
        assertEquals(1, film.cracksAlongY());
        // the two 2-cell cracks across 40 x 40 columns leave 1 - 156/1600 = 0.9025 covered; the pinholes open more
        assertTrue(film.coveredFraction() < 0.9025 - 0.01, "covered " + film.coveredFraction());
    }

    @Test
    void theMicrostructureExampleUsesEveryGenerator() {
        Scenario s = ScenarioLoader.load(Path.of("..", "scenarios", "examples", "microstructures.yaml"), Map.of());
        MicrostructureSpec m = s.geometry().microstructure();
        assertEquals(1, m.gradients().size());
        assertEquals(1, m.grainMixtures().size());
        assertEquals(2, m.coatings().size());
        assertTrue(m.coatings().get(0).subcell());
        assertEquals(1, m.images().size());
        assertEquals(1, s.geometry().particles().size());
    }
}
