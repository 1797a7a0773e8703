package org.lipf.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

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
