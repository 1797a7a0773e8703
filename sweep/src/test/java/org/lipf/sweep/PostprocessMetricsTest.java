package org.lipf.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lipf.output.RunInfo;

/**
 * Source (d) of the summary, the post-processor's measures of the last snapshot: with the
 * post-processor on the class path they agree with the run's own time series; without it they are
 * absent and nothing fails. One of the two tests runs, depending on the build.
 */
class PostprocessMetricsTest {
    @TempDir
    Path dir;
    private Path run;

    @BeforeEach
    void tinyRun() throws IOException {
        Path cell = SweepTestSupport.tinyCell(dir);
        run = dir.resolve("run");
        SweepTestSupport.Result r = SweepTestSupport.lipf("run", cell.toString(), "-o", run.toString(), "--threads", "1", "--end-time", "0.01");
        assertEquals(0, r.exitCode(), r.stderr());
    }

    private Map<String, String> metrics(List<String> wanted) throws IOException {
        return RunMetrics.read(run, RunInfo.read(run.resolve(RunInfo.FILE_NAME)).data(), wanted);
    }

    @Test
    void lastSnapshotMeasuresAgreeWithTheTimeSeries() throws IOException {
        assumeTrue(PostprocessMetrics.available(), "the post-processor's metrics are not on the class path");
        Map<String, String> m = metrics(List.of("snapshot.front_height_m"));
        // the run ends with a snapshot, so the last snapshot and the last time-series row are one state
        assertEquals(Double.parseDouble(m.get("timeseries.front_height_m")), Double.parseDouble(m.get("snapshot.front_height_m")), 1e-15);
        assertEquals(Double.parseDouble(m.get("timeseries.step")), Double.parseDouble(m.get("snapshot.step")), 0);
        assertEquals(m.get("timeseries.front_height_m"), m.get("front_height_m"), "a plain name prefers the time series");
    }

    @Test
    void withoutThePostProcessorSnapshotMeasuresAreAbsent() throws IOException {
        assumeFalse(PostprocessMetrics.available(), "the post-processor's metrics are on the class path");
        Map<String, String> m = metrics(List.of("roughness_m"));
        assertFalse(m.keySet().stream().anyMatch(k -> k.startsWith("snapshot.")), m.toString());
        assertEquals("0.01", m.get("time_s"));
    }
}
