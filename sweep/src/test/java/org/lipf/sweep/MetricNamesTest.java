package org.lipf.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lipf.scenario.ScenarioException;
import org.lipf.scenario.ScenarioLoader;

/** Which metric names a sweep file may ask for: those summary.csv can fill. */
class MetricNamesTest {
    @Test
    void namesOfEverySourceAndThePickedSourcesAreKnown() {
        for (String name : List.of("ccd_A_per_m2", "cycles_completed", "short_cause", "wall_time_s", "restarted_from", "implicit_iterations",
                "roughness_m", "share_layer2_soft_carbon", "share_material_lpscl", "results.ccd_A_per_m2", "run.short_time_s",
                "timeseries.penetration_m", "snapshot.penetration_m", "snapshot.share_layer1_li"))
            assertNull(MetricNames.problem(name), name);
        for (String name : SweepSummary.DEFAULT_METRICS) assertNull(MetricNames.problem(name), name);
    }

    @Test
    void aMisspeltNameIsUnknownWithTheNearestKnownOne() {
        String p = MetricNames.problem("penetraton_m");
        assertTrue(p.startsWith("unknown metric 'penetraton_m' (did you mean 'penetration_m'?); known: "), p);
        assertTrue(p.contains("ccd_A_per_m2") && p.contains("share_layer<N>_<material>") && p.contains("timeseries.NAME"), p);
        // a source has only its own names
        String q = MetricNames.problem("run.penetration_m");
        assertTrue(q.startsWith("unknown metric 'run.penetration_m'; known: run.short_time_s, "), q);
        assertTrue(MetricNames.problem("voltage").startsWith("unknown metric 'voltage'; known: "), "no guess that far off");
    }

    @Test
    void aShareColumnMustNameAMaterialOfTheSweepsScenarios() {
        Supplier<Set<String>> materials = () -> new LinkedHashSet<>(List.of("li", "lpscl", "soft_carbon"));
        for (String name : List.of("share_layer2_soft_carbon", "share_material_li", "snapshot.share_layer3_lpscl"))
            assertNull(MetricNames.materialProblem(name, materials), name);
        assertEquals("unknown material 'soft_carbn' in 'snapshot.share_layer2_soft_carbn' (did you mean 'snapshot.share_layer2_soft_carbon'?);"
                + " the materials of the sweep's scenarios: li, lpscl, soft_carbon", MetricNames.materialProblem("snapshot.share_layer2_soft_carbn", materials));
        assertTrue(MetricNames.materialProblem("share_material_graphite", materials).startsWith("unknown material 'graphite' in 'share_material_graphite'; the"));
        Supplier<Set<String>> unasked = () -> {
            throw new AssertionError("the scenarios are loaded only for a share column");
        };
        for (String name : List.of("penetration_m", "results.ccd_A_per_m2")) assertNull(MetricNames.materialProblem(name, unasked), name);
    }

    /** The materials are those of every scenario file of the sweep and those an axis adds by an override. */
    @Test
    void shareColumnsMayNameTheMaterialsOfEveryScenarioOfTheSweep(@TempDir Path dir) throws IOException {
        Path cell = SweepTestSupport.tinyCell(dir);
        SweepTestSupport.write(dir, "carbon.yaml", Files.readString(cell).replace("materials:\n",
                "materials:\n  soft_carbon: {library: soft-carbon}\n"));
        Path sweep = SweepTestSupport.write(dir, "sweep.yaml", """
                base: cell.yaml
                axes:
                  cell:
                    plain: {control.current_density: 30 mA/cm^2}
                    carbon: {base: carbon.yaml}
                  coating: {lif: {materials.lif.library: lif-intact}}
                metrics: [share_layer2_lpscl, snapshot.share_material_soft_carbon, share_material_lif]
                plot: {metric: share_material_li, x: cell}
                """);
        assertEquals(List.of("share_layer2_lpscl", "snapshot.share_material_soft_carbon", "share_material_lif"), SweepFileReader.read(sweep).metrics());
        Files.writeString(sweep, Files.readString(sweep).replace("metric: share_material_li", "metric: share_material_lpcl"));
        ScenarioException e = assertThrows(ScenarioException.class, () -> SweepFileReader.read(sweep));
        assertEquals(sweep + ":8: plot.metric: unknown material 'lpcl' in 'share_material_lpcl' (did you mean 'share_material_lpscl'?);"
                + " the materials of the sweep's scenarios: li, lpscl, soft_carbon, lif", e.getMessage());
    }

    /** A base scenario complete only with an axis's override (its current density) still gives its materials. */
    @Test
    void shareColumnsOfABaseCompleteOnlyWithAnAxisOverride(@TempDir Path dir) throws IOException {
        Path cell = SweepTestSupport.tinyCell(dir);
        Files.writeString(cell, Files.readString(cell).replace("control: {mode: galvanostatic, current_density: 50 mA/cm^2}", "control: {mode: galvanostatic}"));
        assertThrows(ScenarioException.class, () -> ScenarioLoader.load(cell, Map.of()), "the base alone is incomplete");
        Path sweep = SweepTestSupport.write(dir, "sweep.yaml", """
                base: cell.yaml
                axes:
                  control.current_density: [30 mA/cm^2, 50 mA/cm^2]
                metrics: [share_layer2_lpscl]
                plot: {metric: share_material_li, x: control.current_density}
                """);
        SweepSpec spec = SweepFileReader.read(sweep);
        assertEquals(List.of("share_layer2_lpscl"), spec.metrics());
        assertEquals(2, ScenarioCheck.load(spec, SweepExpander.expand(spec), dir.resolve("out")).size(), "every run's scenario loads with its overrides");
        Files.writeString(sweep, Files.readString(sweep).replace("share_layer2_lpscl", "share_layer2_lpcl"));
        ScenarioException e = assertThrows(ScenarioException.class, () -> SweepFileReader.read(sweep));
        assertTrue(e.getMessage().contains("the materials of the sweep's scenarios: li, lpscl"), e.getMessage());
    }

    /** The shipped sweep files and validation trends ask for metrics that exist. */
    @Test
    void shippedSweepFilesAreRead() throws IOException {
        for (String folder : List.of("../scenarios/sweeps", "../validation/trends"))
            try (Stream<Path> files = Files.list(Path.of(folder))) {
                List<Path> sweeps = files.filter(f -> f.toString().endsWith(".yaml")).toList();
                assertTrue(sweeps.size() >= 4, folder);
                for (Path f : sweeps) assertEquals(f, SweepFileReader.read(f).file());
            }
    }
}
