package org.lipf.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Writes sample run folders {@code target/output-sample/run2d} and {@code run3d} (snapshots,
 * fields.xdmf, timeseries.csv, run.json) for the external checks {@code .ci/check_snapshots.sh}
 * and {@code .ci/check_paraview.py}.
 */
class SampleRunTest {
    static final Path ROOT = Path.of("target", "output-sample");

    static Path writeSampleRun(String name, int... shape) throws IOException {
        Path run = ROOT.resolve(name);
        Path snaps = run.resolve(SnapshotInfo.SNAPSHOT_DIR);
        AtomicFiles.deleteStaleTemporaries(snaps);
        RunInfo info = RunInfo.start(run, "cpu", 2);
        SnapshotWriter w = new SnapshotWriter();
        List<SnapshotInfo> infos = new ArrayList<>();
        try (TimeSeriesWriter ts = TimeSeriesWriter.create(run.resolve(TimeSeriesWriter.FILE_NAME), TimeSeriesWriter.DEFAULT_COLUMNS)) {
            for (int k = 0; k < 3; k++) {
                Snapshot s = SnapshotTestData.snapshot(100L * k, 1e-3 * k, shape);
                w.write(snaps, s);
                infos.add(SnapshotInfo.of(s));
                XdmfWriter.write(run, infos);
                ts.append(s.time_s(), s.step(), s.cellVoltage_V(), s.appliedCurrent_A_per_m2(), 1e-3 * k, 1e-9 * k, 1e-6, 0, 0);
            }
        }
        info.finish(RunInfo.Status.FINISHED, "end time reached");
        return run;
    }

    @Test
    void sampleRunsAreWrittenForExternalChecks() throws IOException {
        assertEquals(3, SnapshotReader.list(writeSampleRun("run2d", 12, 8).resolve("snapshots")).size());
        assertEquals(3, SnapshotReader.list(writeSampleRun("run3d", 10, 6, 8).resolve("snapshots")).size());
    }
}
