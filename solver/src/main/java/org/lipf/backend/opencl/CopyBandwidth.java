package org.lipf.backend.opencl;

import org.jocl.CL;
import org.jocl.cl_mem;
import org.jocl.cl_program;

/**
 * The device's attainable memory bandwidth, measured with a copy kernel (kernels/bandwidth.cl) on
 * two buffers far larger than any cache: 2 x size bytes per copy, best of ten.
 */
public final class CopyBandwidth {
    private CopyBandwidth() {}

    /** Bytes per second of dst = src on the device. */
    public static double measure_bytes_per_s(OpenClDevices.Device device, Precision precision) {
        OpenClContext ctx = OpenClContext.of(device, precision);
        cl_program program = ctx.program(KernelSources.BANDWIDTH, "-DREAL=" + precision.typeName + " -DREAL_IS_DOUBLE=" + (precision == Precision.DOUBLE ? 1 : 0));
        long bytes = Math.min(256L << 20, Math.min(device.maxAllocation_bytes(), device.globalMemory_bytes() / 8));
        int n = (int) Math.min(Integer.MAX_VALUE / 2, bytes / precision.bytes);
        cl_mem src = ctx.reals(n), dst = ctx.reals(n);
        Kernel copy = new Kernel(ctx, program, "copy", OpenClBackend.WG);
        try {
            ctx.zero(src, n);
            copy.arg(0, src).arg(1, dst).arg(2, n);
            copy.run(n);
            ctx.finish();
            double best = Double.MAX_VALUE;
            for (int rep = 0; rep < 10; rep++) {
                long t0 = System.nanoTime();
                copy.run(n);
                ctx.finish();
                best = Math.min(best, (System.nanoTime() - t0) * 1e-9);
            }
            return 2.0 * n * precision.bytes / best;
        } finally {
            copy.release();
            CL.clReleaseMemObject(src);
            CL.clReleaseMemObject(dst);
        }
    }
}
