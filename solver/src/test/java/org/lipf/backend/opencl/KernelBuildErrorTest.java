package org.lipf.backend.opencl;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A kernel that does not compile reports the OpenCL compiler's build log, naming the problem. */
class KernelBuildErrorTest {
    @Test
    void buildErrorCarriesTheBuildLog() {
        OpenClContext ctx = OpenClContext.of(OpenClTestDevice.require(), Precision.DOUBLE);
        OpenClUnavailableException e = assertThrows(OpenClUnavailableException.class,
                () -> ctx.program(KernelSources.BANDWIDTH, "-DREAL=no_such_type -DREAL_IS_DOUBLE=1"));
        assertTrue(e.getMessage().contains("build log:"), e.getMessage());
        assertTrue(e.getMessage().contains("no_such_type"), "the log names the unknown type: " + e.getMessage());
        assertTrue(e.getMessage().contains("bandwidth.cl"), "the log names the file: " + e.getMessage());
    }
}
