package org.lipf.backend.opencl;

import java.util.IdentityHashMap;
import java.util.Map;
import org.jocl.CL;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;
import org.jocl.cl_program;

/**
 * One kernel of the program with typed argument setters and a launch over work-groups of {@code wg}
 * items. Argument values go through arrays and pointers kept per argument index, so setting
 * arguments and launching allocate nothing in the time loop.
 */
final class Kernel {
    private static final int MAX_ARGS = 16;

    private final OpenClContext ctx;
    private final cl_kernel kernel;
    private final int wg;
    private final double[][] doubles = new double[MAX_ARGS][1];
    private final float[][] floats = new float[MAX_ARGS][1];
    private final long[][] longs = new long[MAX_ARGS][1];
    private final int[][] ints = new int[MAX_ARGS][1];
    private final Pointer[] doublePointers = new Pointer[MAX_ARGS], floatPointers = new Pointer[MAX_ARGS],
            longPointers = new Pointer[MAX_ARGS], intPointers = new Pointer[MAX_ARGS];
    private final Map<cl_mem, Pointer> buffers = new IdentityHashMap<>();
    private final long[] global = new long[1], local;

    Kernel(OpenClContext ctx, cl_program program, String name, int wg) {
        this.ctx = ctx;
        this.kernel = CL.clCreateKernel(program, name, null);
        this.wg = wg;
        this.local = new long[] {wg};
        for (int i = 0; i < MAX_ARGS; i++) {
            doublePointers[i] = Pointer.to(doubles[i]);
            floatPointers[i] = Pointer.to(floats[i]);
            longPointers[i] = Pointer.to(longs[i]);
            intPointers[i] = Pointer.to(ints[i]);
        }
    }

    Kernel arg(int i, cl_mem m) {
        CL.clSetKernelArg(kernel, i, Sizeof.cl_mem, buffers.computeIfAbsent(m, Pointer::to));
        return this;
    }

    /** A {@code real} argument, converted to the device precision. */
    Kernel real(int i, double v) {
        if (ctx.precision == Precision.DOUBLE) {
            doubles[i][0] = v;
            CL.clSetKernelArg(kernel, i, Sizeof.cl_double, doublePointers[i]);
        } else {
            floats[i][0] = (float) v;
            CL.clSetKernelArg(kernel, i, Sizeof.cl_float, floatPointers[i]);
        }
        return this;
    }

    Kernel arg(int i, long v) {
        longs[i][0] = v;
        CL.clSetKernelArg(kernel, i, Sizeof.cl_long, longPointers[i]);
        return this;
    }

    Kernel arg(int i, int v) {
        ints[i][0] = v;
        CL.clSetKernelArg(kernel, i, Sizeof.cl_int, intPointers[i]);
        return this;
    }

    /** Enqueues at least {@code items} work-items, rounded up to whole work-groups. */
    void run(long items) {
        global[0] = Math.max((items + wg - 1) / wg * wg, wg);
        CL.clEnqueueNDRangeKernel(ctx.queue, kernel, 1, null, global, local, 0, null, null);
    }

    void release() {
        CL.clReleaseKernel(kernel);
    }
}
