package org.lipf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lipf.backend.opencl.OpenClTestDevice;

/** The semi-implicit step runs on the CPU backend only; the OpenCL backend says so instead of failing mid-run. */
class SemiImplicitBackendTest {
    @TempDir
    Path tmp;

    @Test
    void openClBackendRefusesSemiImplicitScenariosWithTheAlternative() throws IOException {
        OpenClTestDevice.require();
        Path scenario = CliTestSupport.write(tmp, "cell.yaml", CliTestSupport.CELL_2D.replace("time: {", "time: {integrator: semi_implicit, "));
        CliTestSupport.Result r = CliTestSupport.lipf("run", scenario.toString(), "-o", tmp.resolve("run").toString(), "--backend", "opencl", "--max-steps", "2");
        assertEquals(Lipf.EXIT_BAD_INPUT, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("semi_implicit") && r.stderr().contains("--backend cpu"), r.stderr());
        assertFalse(r.stderr().contains("\tat "), "no stack trace: " + r.stderr());
    }
}
