package org.lipf.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lipf.output.RunInfo;

/**
 * Source (d) of the summary, the post-processor's measures of the last snapshot: they agree with
 * the run's own time series.
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
        Map<String, String> m = metrics(List.of("snapshot.front_height_m"));
        // the run ends with a snapshot, so the last snapshot and the last time-series row are one state
        assertEquals(Double.parseDouble(m.get("timeseries.front_height_m")), Double.parseDouble(m.get("snapshot.front_height_m")), 1e-15);
        assertEquals(Double.parseDouble(m.get("timeseries.step")), Double.parseDouble(m.get("snapshot.step")), 0);
        assertEquals(m.get("timeseries.front_height_m"), m.get("front_height_m"), "a plain name prefers the time series");
    }
}
