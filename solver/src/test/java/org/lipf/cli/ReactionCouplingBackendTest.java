package org.lipf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lipf.backend.opencl.OpenClTestDevice;

/**
 * The Newton solve of the potentials with the reaction, and the dispersed metal that needs it, run on the CPU; the
 * OpenCL backend says so before it starts.
 */
class ReactionCouplingBackendTest {
    @TempDir
    Path tmp;

    @Test
    void openClBackendRefusesImplicitReactionCouplingWithTheAlternative() throws IOException {
        OpenClTestDevice.require();
        Path scenario = CliTestSupport.write(tmp, "cell.yaml", CliTestSupport.CELL_2D + "solver: {reaction_coupling: implicit}\n");
        CliTestSupport.Result r = CliTestSupport.lipf("run", scenario.toString(), "-o", tmp.resolve("run").toString(), "--backend", "opencl", "--max-steps", "2");
        assertEquals(Lipf.EXIT_BAD_INPUT, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("reaction_coupling") && r.stderr().contains("--backend cpu"), r.stderr());
        assertFalse(r.stderr().contains("\tat "), "no stack trace: " + r.stderr());
    }

    @Test
    void openClBackendRefusesDispersedNucleationNamingIt() throws IOException {
        OpenClTestDevice.require();
        Path scenario = CliTestSupport.write(tmp, "host.yaml", CliTestSupport.hostFaceCell());
        CliTestSupport.Result r = CliTestSupport.lipf("run", scenario.toString(), "-o", tmp.resolve("run").toString(), "--backend", "opencl", "--max-steps", "2");
        assertEquals(Lipf.EXIT_BAD_INPUT, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("into: dispersed with face_reaction") && r.stderr().contains("--backend cpu"), r.stderr());
        assertFalse(r.stderr().contains("\tat "), "no stack trace: " + r.stderr());
    }

    /**
     * --backend auto runs a scenario that the device cannot run on the CPU, saying why, rather than picking a GPU and
     * stopping at its refusal (the test machine has no GPU for auto to pick: the note shows the choice was the scenario's).
     */
    @Test
    void autoRunsACpuOnlyScenarioOnTheCpuAndSaysWhy() throws IOException {
        Path scenario = CliTestSupport.write(tmp, "host.yaml", CliTestSupport.hostFaceCell());
        CliTestSupport.Result r = CliTestSupport.lipf("run", scenario.toString(), "-o", tmp.resolve("run").toString(), "--backend", "auto", "--max-steps", "2");
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("--backend auto runs this scenario on the CPU: model.nucleation.into: dispersed"), r.stderr());
        assertTrue(java.nio.file.Files.readString(tmp.resolve("run").resolve("run.json")).contains("\"backend\" : \"cpu\""),
                java.nio.file.Files.readString(tmp.resolve("run").resolve("run.json")));
        // also where a device is named (a sweep per GPU passes --device N to every run)
        CliTestSupport.Result named = CliTestSupport.lipf("run", scenario.toString(), "-o", tmp.resolve("named").toString(), "--backend", "auto", "--device", "0", "--max-steps", "2");
        assertEquals(0, named.exitCode(), named.stderr());
        assertTrue(named.stderr().contains("--backend auto runs this scenario on the CPU"), named.stderr());
    }

    @Test
    void cpuRunRecordsTheCouplingInTheResolvedScenario() throws IOException {
        Path scenario = CliTestSupport.write(tmp, "cell.yaml", CliTestSupport.CELL_2D + "solver: {reaction_coupling: implicit}\n");
        CliTestSupport.Result r = CliTestSupport.lipf("run", scenario.toString(), "-o", tmp.resolve("run").toString(), "--max-steps", "3");
        assertEquals(0, r.exitCode(), r.stderr());
        String resolved = java.nio.file.Files.readString(tmp.resolve("run").resolve("scenario.yaml"));
        assertTrue(resolved.contains("reaction_coupling: implicit"), resolved);
    }
}
