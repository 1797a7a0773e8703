package org.lipf.backend.opencl;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jocl.cl_program;

/** The kernels of one built program by name, created on first use and released together. */
final class DeviceKernels {
    private final OpenClContext ctx;
    private final cl_program program;
    private final Map<String, Kernel> kernels = new LinkedHashMap<>();

    DeviceKernels(OpenClContext ctx, cl_program program) {
        this.ctx = ctx;
        this.program = program;
    }

    Kernel get(String name) {
        return kernels.computeIfAbsent(name, n -> new Kernel(ctx, program, n, OpenClBackend.WG));
    }

    void release() {
        for (Kernel k : kernels.values()) k.release();
        kernels.clear();
    }
}
