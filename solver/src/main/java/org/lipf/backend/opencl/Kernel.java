package org.lipf.backend.opencl;

import org.jocl.CL;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;
import org.jocl.cl_program;

/** One kernel of the program with typed argument setters and a launch over work-groups of {@code wg} items. */
final class Kernel {
    private final OpenClContext ctx;
    private final cl_kernel kernel;
    private final int wg;

    Kernel(OpenClContext ctx, cl_program program, String name, int wg) {
        this.ctx = ctx;
        this.kernel = CL.clCreateKernel(program, name, null);
        this.wg = wg;
    }

    Kernel arg(int i, cl_mem m) {
        CL.clSetKernelArg(kernel, i, Sizeof.cl_mem, Pointer.to(m));
        return this;
    }

    /** A {@code real} argument, converted to the device precision. */
    Kernel real(int i, double v) {
        if (ctx.precision == Precision.DOUBLE) CL.clSetKernelArg(kernel, i, Sizeof.cl_double, Pointer.to(new double[] {v}));
        else CL.clSetKernelArg(kernel, i, Sizeof.cl_float, Pointer.to(new float[] {(float) v}));
        return this;
    }

    Kernel arg(int i, long v) {
        CL.clSetKernelArg(kernel, i, Sizeof.cl_long, Pointer.to(new long[] {v}));
        return this;
    }

    Kernel arg(int i, int v) {
        CL.clSetKernelArg(kernel, i, Sizeof.cl_int, Pointer.to(new int[] {v}));
        return this;
    }

    /** Enqueues at least {@code items} work-items, rounded up to whole work-groups. */
    void run(long items) {
        long global = (items + wg - 1) / wg * wg;
        CL.clEnqueueNDRangeKernel(ctx.queue, kernel, 1, null, new long[] {Math.max(global, wg)}, new long[] {wg}, 0, null, null);
    }

    void release() {
        CL.clReleaseKernel(kernel);
    }
}
