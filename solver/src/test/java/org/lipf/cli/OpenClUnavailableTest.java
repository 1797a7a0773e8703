package org.lipf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without an OpenCL platform (the ICD loader pointed at an empty vendor folder, in a child JVM),
 * asking for OpenCL stops with one line naming the fix and exit code 2, never a stack trace or a
 * native crash; --backend auto runs on the CPU.
 */
class OpenClUnavailableTest {
    @TempDir
    Path tmp;

    private record Outcome(int exitCode, String stderr) {}

    private Outcome lipfWithoutOpenCl(String... args) throws IOException, InterruptedException {
        Path vendors = Files.createDirectories(tmp.resolve("no-vendors"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.lipf.cli.Lipf"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("OCL_ICD_VENDORS", vendors.toString());
        Process p = pb.start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Outcome(p.waitFor(), err);
    }

    @Test
    void openClBackendWithoutPlatformStopsWithTheFix() throws Exception {
        Path scenario = CliTestSupport.write(tmp, "cell.yaml", CliTestSupport.CELL_2D);
        Outcome o = lipfWithoutOpenCl("run", scenario.toString(), "-o", tmp.resolve("run").toString(), "--backend", "opencl", "--max-steps", "2");
        assertEquals(Lipf.EXIT_BAD_INPUT, o.exitCode(), o.stderr());
        assertTrue(o.stderr().contains("pocl-opencl-icd ocl-icd-libopencl1"), o.stderr());
        assertTrue(o.stderr().contains("nvidia.icd"), o.stderr());
        assertFalse(o.stderr().contains("\tat "), "no stack trace: " + o.stderr());
        assertEquals(1, o.stderr().strip().lines().count(), "one line: " + o.stderr());
    }

    @Test
    void devicesWithoutPlatformStopsWithTheFix() throws Exception {
        Outcome o = lipfWithoutOpenCl("devices");
        assertEquals(Lipf.EXIT_BAD_INPUT, o.exitCode(), o.stderr());
        assertTrue(o.stderr().contains("pocl-opencl-icd"), o.stderr());
        assertFalse(o.stderr().contains("\tat "), "no stack trace: " + o.stderr());
    }

    @Test
    void autoFallsBackToTheCpu() throws Exception {
        Path scenario = CliTestSupport.write(tmp, "cell.yaml", CliTestSupport.CELL_2D);
        Path run = tmp.resolve("auto");
        Outcome o = lipfWithoutOpenCl("run", scenario.toString(), "-o", run.toString(), "--backend", "auto", "--max-steps", "2");
        assertEquals(0, o.exitCode(), o.stderr());
        assertTrue(Files.readString(run.resolve("run.json")).contains("\"backend\" : \"cpu\""), Files.readString(run.resolve("run.json")));
    }
}
