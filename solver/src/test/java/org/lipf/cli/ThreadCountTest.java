package org.lipf.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lipf.cli.CliTestSupport.FIELDS;
import static org.lipf.cli.CliTestSupport.lastSnapshot;
import static org.lipf.cli.CliTestSupport.lipfOk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lipf.output.Snapshot;

/** The number of worker threads does not change a single bit of the result. */
class ThreadCountTest {
    @TempDir
    Path tmp;

    @Test
    void oneAndTwoThreadsGiveIdenticalArrays() throws IOException {
        assertThreadCountsAgree(CliTestSupport.CELL_2D, "0.03", 2, 1, 2, 3);
    }

    @Test
    void oneAndTwoThreadsGiveIdenticalArraysIn3D() throws IOException {
        assertThreadCountsAgree(CliTestSupport.CELL_3D, "0.02", 3, 1, 2, 3);
    }

    @Test
    void oneAndTwoThreadsGiveIdenticalArraysWithSemiImplicitSteps() throws IOException {
        // the multigrid solves of the implicit parts are thread-count independent too
        assertThreadCountsAgree(CliTestSupport.CELL_2D.replace("time: {", "time: {integrator: semi_implicit, "), "0.1", 2, 1, 2);
    }

    @Test
    void identicalArraysWhereTheMultigridLevelsAndTheDispersedMetalSplitAcrossThreads() throws IOException {
        // 129 x 131 cells: large enough that the multigrid's finer levels run on the threads too (small levels run
        // on one); a leaky electrolyte that takes up dispersed metal (nucleation and DispersedMerge on the threads)
        String yaml = CliTestSupport.CELL_2D.replace("width: 4 um, height: 8 um", "width: 32.25 um, height: 32.75 um")
                .replace("{x: 2 um, radius: 1 um}", "{x: 16 um, radius: 2 um}")
                .replace("time: {", "time: {integrator: semi_implicit, ")
                .replace("seed: 5}}", "seed: 5}, nucleation: {into: dispersed}}")
                .replace("electronic_conductivity: 1.6e-6 S/m", "electronic_conductivity: 1 S/m") + "solver: {reaction_coupling: implicit}\n";
        Snapshot reference = assertThreadCountsAgree(yaml, "0.01", 2, 1, 3);
        assertTrue(java.util.Arrays.stream(reference.field("dispersed_li")).max().orElse(0) > 1e-6, "the electrolyte took up dispersed metal");
    }

    @Test
    void identicalArraysWithLiAtHostFaces() throws IOException {
        // the host faces' reaction and the gather of their Li into the LPSCl cells (docs/MODEL.md section 3.6.1)
        Snapshot reference = assertThreadCountsAgree(CliTestSupport.hostFaceCell(), "0.16", 2, 1, 2, 3);
        assertTrue(java.util.Arrays.stream(reference.field("face_li")).max().orElse(0) > 0, "Li collected at the host's face");
    }

    /** Runs the cell at each thread count and compares every array with the first run's; returns that run's last snapshot. */
    private Snapshot assertThreadCountsAgree(String yaml, String endTime, int dimensions, int... threads) throws IOException {
        Path scenario = CliTestSupport.write(tmp, "cell.yaml", yaml);
        Snapshot reference = null;
        String referenceSeries = null;
        for (int n : threads) {
            Path run = tmp.resolve("threads-" + n);
            lipfOk("run", scenario.toString(), "-o", run.toString(), "--threads", Integer.toString(n), "--end-time", endTime);
            Snapshot s = lastSnapshot(run);
            assertEquals(dimensions, s.dimensions());
            assertTrue(s.step() > 10, "ran some steps: " + s.step());
            String series = Files.readString(run.resolve("timeseries.csv"));
            if (reference == null) {
                reference = s;
                referenceSeries = series;
                continue;
            }
            assertEquals(reference.step(), s.step(), n + " threads: final step");
            assertEquals(reference.time_s(), s.time_s(), 0.0, n + " threads: final time");
            for (String f : FIELDS) assertArrayEquals(reference.field(f), s.field(f), 0.0, n + " threads vs " + threads[0] + ": " + f);
            for (String sub : new String[] {"dispersed_li", "face_li"})
                if (reference.fields().containsKey(sub)) assertArrayEquals(reference.field(sub), s.field(sub), 0.0, n + " threads: " + sub);
            assertArrayEquals(reference.material(), s.material(), n + " threads: material");
            assertEquals(reference.extras(), s.extras(), n + " threads: state attributes");
            assertEquals(referenceSeries, series, n + " threads: timeseries.csv");
        }
        return reference;
    }
}
