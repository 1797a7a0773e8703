package org.lipf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lipf.cli.CliTestSupport.lipf;
import static org.lipf.cli.CliTestSupport.lipfOk;
import static org.lipf.cli.CliTestSupport.snapshots;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restart refused because the scenario file is not the run's (a 2D file for a 3D run's snapshot) points to the
 * file that continues it: the run folder's own scenario.yaml, where that one does.
 */
class RestartScenarioHintTest {
    @Test
    void aRefusedRestartPointsToTheRunFoldersOwnScenario(@TempDir Path tmp) throws Exception {
        Path file2d = CliTestSupport.write(tmp, "cell.yaml", CliTestSupport.CELL_2D);
        Path file3d = CliTestSupport.write(tmp, "cell3d.yaml", CliTestSupport.CELL_3D);
        Path run = tmp.resolve("run3d");
        lipfOk("run", file3d.toString(), "-o", run.toString(), "--max-steps", "1", "--threads", "1");
        Path last = snapshots(run).get(snapshots(run).size() - 1);

        CliTestSupport.Result r = lipf("run", file2d.toString(), "--restart", last.toString(), "-o", tmp.resolve("r").toString(), "--threads", "1");
        assertEquals(Lipf.EXIT_BAD_INPUT, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("its grid has shape [16, 8, 8], the scenario's [32, 16]; restart with the scenario the run was made with: "
                + run.toAbsolutePath().normalize().resolve(RunDriver.SCENARIO_FILE)), r.stderr());
        // which does continue it
        lipfOk("run", run.resolve(RunDriver.SCENARIO_FILE).toString(), "--restart", last.toString(), "-o", tmp.resolve("r").toString(),
                "--max-steps", "2", "--threads", "1");

        // no pointer where the run's own file is the one given, or where the snapshot lies outside a run folder
        CliTestSupport.Result own = lipf("run", run.resolve(RunDriver.SCENARIO_FILE).toString(), "--set", "grid.height=5 um", "--restart", last.toString(),
                "-o", tmp.resolve("r2").toString(), "--threads", "1");
        assertEquals(Lipf.EXIT_BAD_INPUT, own.exitCode(), own.stderr());
        assertFalse(own.stderr().contains("restart with the scenario"), own.stderr());
        Path loose = Files.copy(last, tmp.resolve("loose.h5"));
        CliTestSupport.Result outside = lipf("run", file2d.toString(), "--restart", loose.toString(), "-o", tmp.resolve("r3").toString(), "--threads", "1");
        assertEquals(Lipf.EXIT_BAD_INPUT, outside.exitCode(), outside.stderr());
        assertTrue(outside.stderr().contains("its grid has shape") && !outside.stderr().contains("restart with the scenario"), outside.stderr());
    }
}
