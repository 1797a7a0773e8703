package org.lipf.backend.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * PoCL's LLVM installs its own SIGSEGV, SIGBUS and SIGILL handlers, replacing the JVM's, on which
 * compiled Java code relies (implicit null checks, safepoint polls): the process then died at random
 * with exit code 139 and no hs_err file (seen twice in test runs). The JVM's signal-chaining library
 * (libjsig, preloaded by the lipf launcher and by the test configuration) keeps the JVM's handlers
 * and chains the library's. Checked in a child JVM with -Xcheck:jni, which reports replaced handlers.
 */
class SignalChainingTest {
    /**
     * The child: loads OpenCL and opens a context on its first double-precision device, as a run does,
     * then stays a second, long enough for -Xcheck:jni's periodic check of the handlers (a child that
     * exits at once is never checked).
     */
    public static void main(String[] args) throws InterruptedException {
        OpenClDevices.Device d = OpenClDevices.firstWithDoublePrecision(OpenClDevices.list());
        if (d != null) OpenClContext.of(d, Precision.DOUBLE);
        Thread.sleep(1000);
        System.out.println("child done");
    }

    @Test
    void preloadedSignalChainingKeepsTheJvmHandlersWhenOpenClLoads() throws Exception {
        OpenClTestDevice.require();
        Path jsig = Path.of(System.getProperty("java.home"), "lib", "libjsig.so");
        Assumptions.assumeTrue(Files.isRegularFile(jsig), "no " + jsig + " in this JDK");
        String without = child(null);
        Assumptions.assumeTrue(without.contains("handler modified") || without.contains("Handler was modified"),
                "this OpenCL driver leaves the JVM's signal handlers alone: nothing to check");
        String with = child(jsig.toString());
        assertTrue(with.contains("child done"), with);
        assertFalse(with.contains("handler modified") || with.contains("Handler was modified"), with);
    }

    /** Runs {@link #main} in a child JVM with -Xcheck:jni and the given LD_PRELOAD (null: none); its output. */
    private static String child(String preload) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xcheck:jni",
                "-cp", System.getProperty("java.class.path"), SignalChainingTest.class.getName()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (preload == null) pb.environment().remove("LD_PRELOAD");
        else pb.environment().put("LD_PRELOAD", preload);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }
}
