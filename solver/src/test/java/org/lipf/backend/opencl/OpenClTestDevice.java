package org.lipf.backend.opencl;

import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.lipf.solver.BackendFactory;

/**
 * The OpenCL device the tests run on: the first one with double precision. Tests are skipped,
 * with the reason, only where no OpenCL platform exists; CI installs PoCL (.ci/run), so there
 * they always run.
 */
public final class OpenClTestDevice {
    private OpenClTestDevice() {}

    public static OpenClDevices.Device require() {
        List<OpenClDevices.Device> devices;
        try {
            devices = OpenClDevices.list();
        } catch (OpenClUnavailableException e) {
            Assumptions.abort("no OpenCL platform on this machine, OpenCL tests skipped: " + e.getMessage());
            throw e;
        }
        OpenClDevices.Device d = OpenClDevices.firstWithDoublePrecision(devices);
        if (d == null) Assumptions.abort("no OpenCL device with double precision; OpenCL tests skipped");
        return d;
    }

    /** The OpenCL backend on the test device in the given precision. */
    public static BackendFactory backend(Precision precision) {
        return OpenClBackend.factory(require(), precision);
    }
}
