package org.lipf.validation;

import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.lipf.backend.opencl.OpenClBackend;
import org.lipf.backend.opencl.OpenClDevices;
import org.lipf.backend.opencl.OpenClUnavailableException;
import org.lipf.backend.opencl.Precision;
import org.lipf.solver.BackendFactory;

/**
 * The backends every validation case runs on: the CPU and OpenCL in double precision (on the
 * first device with doubles; PoCL in CI). OpenCL cases are skipped, with the reason, only where
 * this machine has no OpenCL platform.
 */
final class Backends {
    private Backends() {}

    /** Names for {@code @MethodSource}. */
    static Stream<String> names() {
        return Stream.of("cpu", "opencl");
    }

    static BackendFactory of(String name) {
        if (name.equals("cpu")) return BackendFactory.CPU;
        OpenClDevices.Device d = null;
        try {
            d = OpenClDevices.firstWithDoublePrecision(OpenClDevices.list());
        } catch (OpenClUnavailableException e) {
            Assumptions.abort("no OpenCL platform on this machine, OpenCL case skipped: " + e.getMessage());
        }
        Assumptions.assumeTrue(d != null, "no OpenCL device with double precision, OpenCL case skipped");
        return OpenClBackend.factory(d, Precision.DOUBLE);
    }
}
