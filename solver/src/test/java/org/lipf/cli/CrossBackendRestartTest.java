package org.lipf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lipf.cli.CliTestSupport.FIELDS;
import static org.lipf.cli.CliTestSupport.lastSnapshot;
import static org.lipf.cli.CliTestSupport.lipfOk;
import static org.lipf.cli.CliTestSupport.snapshots;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lipf.backend.opencl.FieldComparison;
import org.lipf.backend.opencl.OpenClTestDevice;
import org.lipf.output.Snapshot;
import org.lipf.output.SnapshotReader;

/**
 * A snapshot written by one backend restarts on the other: a CPU run continued on OpenCL and an
 * OpenCL run continued on the CPU both end where the uninterrupted CPU run ends, to 1e-9 of each
 * field's scale (the parity tolerance of double precision), at the same step; with explicit and
 * with semi-implicit steps (docs/MODEL.md section 5.3.2).
 */
class CrossBackendRestartTest {
    private static final double TOLERANCE = 1e-9;
    private static final String END = "0.04", MIDDLE = "0.02";

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"explicit", "semi_implicit"})
    void cpuSnapshotContinuesOnOpenClAndBack(String integrator) throws IOException {
        int device = OpenClTestDevice.require().index();
        Path scenario = CliTestSupport.write(tmp, "cell.yaml", CliTestSupport.CELL_2D.replace("time: {", "time: {integrator: " + integrator + ", "));
        Path whole = tmp.resolve("whole");
        lipfOk("run", scenario.toString(), "-o", whole.toString(), "--end-time", END);
        String[] opencl = {"--backend", "opencl", "--device", Integer.toString(device)};
        restartAndCompare(scenario, whole, "cpu-then-opencl", new String[0], opencl);
        restartAndCompare(scenario, whole, "opencl-then-cpu", opencl, new String[0]);
    }

    private void restartAndCompare(Path scenario, Path whole, String name, String[] first, String[] second) throws IOException {
        Path split = tmp.resolve(name);
        lipfOk(concat(new String[] {"run", scenario.toString(), "-o", split.toString(), "--end-time", MIDDLE}, first));
        List<Path> snaps = snapshots(split);
        Path middle = snaps.get(snaps.size() - 1);
        assertEquals(0.02, SnapshotReader.read(middle).time_s(), 1e-12);
        lipfOk(concat(new String[] {"run", scenario.toString(), "-o", split.toString(), "--end-time", END, "--restart", middle.toString()}, second));
        assertTrue(Files.readString(split.resolve("run.json")).contains("\"restarted_from\""), name + ": run.json records the restart");
        Snapshot expected = lastSnapshot(whole), actual = lastSnapshot(split);
        assertEquals(expected.step(), actual.step(), name + ": final step");
        assertEquals(expected.time_s(), actual.time_s(), 1e-12 * expected.time_s(), name + ": final time");
        for (String f : FIELDS) {
            double d = FieldComparison.relativeDifference(expected.field(f), actual.field(f));
            assertTrue(d <= TOLERANCE, name + ": " + f + " differs by " + d + " of its scale");
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
