package org.lipf.backend.opencl;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jocl.CL;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_device_id;
import org.jocl.cl_mem;
import org.jocl.cl_program;

/**
 * A context and in-order command queue on one device, shared by all simulations of the process
 * on that device and precision (creating a context costs more than a short run). Programs are
 * cached by their build options. Transfers convert between the host's double[] and the device's
 * {@code real}.
 */
final class OpenClContext {
    private static final Map<String, OpenClContext> SHARED = new ConcurrentHashMap<>();

    final OpenClDevices.Device device;
    final Precision precision;
    final cl_context context;
    final cl_command_queue queue;
    private final Map<String, cl_program> programs = new ConcurrentHashMap<>();

    private OpenClContext(OpenClDevices.Device device, Precision precision) {
        this.device = device;
        this.precision = precision;
        this.context = CL.clCreateContext(null, 1, new cl_device_id[] {device.id()}, null, null, null);
        this.queue = CL.clCreateCommandQueue(context, device.id(), 0, null);
    }

    /** The shared context of a device and precision. */
    static synchronized OpenClContext of(OpenClDevices.Device device, Precision precision) {
        return SHARED.computeIfAbsent(device.index() + "/" + precision, k -> new OpenClContext(device, precision));
    }

    /**
     * The program built from {@link KernelSources} with these options.
     *
     * @throws OpenClUnavailableException with the OpenCL build log if a kernel does not compile
     */
    synchronized cl_program program(String options) {
        return program(KernelSources.FILES, options);
    }

    /** The program built from the given kernel files with these options. */
    synchronized cl_program program(String[] files, String options) {
        String key = String.join(",", files) + " " + options;
        cl_program p = programs.get(key);
        if (p != null) return p;
        String[] sources = KernelSources.load(files);
        p = CL.clCreateProgramWithSource(context, sources.length, sources, null, null);
        try {
            CL.clBuildProgram(p, 1, new cl_device_id[] {device.id()}, options, null, null);
        } catch (CLException e) {
            throw new OpenClUnavailableException("OpenCL: the kernels in kernels/*.cl did not build on " + device.name() + " (" + e.getMessage()
                    + "); build log:\n" + buildLog(p) + "\nbuild options: " + options);
        }
        programs.put(key, p);
        return p;
    }

    private String buildLog(cl_program p) {
        long[] size = new long[1];
        CL.clGetProgramBuildInfo(p, device.id(), CL.CL_PROGRAM_BUILD_LOG, 0, null, size);
        byte[] b = new byte[(int) size[0]];
        CL.clGetProgramBuildInfo(p, device.id(), CL.CL_PROGRAM_BUILD_LOG, b.length, Pointer.to(b), null);
        return new String(b, StandardCharsets.UTF_8).trim();
    }

    /** A device buffer of {@code n} reals. */
    cl_mem reals(long n) {
        return CL.clCreateBuffer(context, CL.CL_MEM_READ_WRITE, Math.max(1, n) * precision.bytes, null, null);
    }

    /** A device buffer of {@code n} ints. */
    cl_mem ints(long n) {
        return CL.clCreateBuffer(context, CL.CL_MEM_READ_WRITE, Math.max(1, n) * 4, null, null);
    }

    /** Writes the first n ints of host into the buffer (blocking). */
    void writeInts(cl_mem m, int[] host, int n) {
        CL.clEnqueueWriteBuffer(queue, m, true, 0, (long) n * 4, Pointer.to(host), 0, null, null);
    }

    /** A device buffer of {@code n} bytes. */
    cl_mem bytes(long n) {
        return CL.clCreateBuffer(context, CL.CL_MEM_READ_WRITE, Math.max(1, n), null, null);
    }

    /** Single-precision staging for transfers, grown to the largest field (no allocation per step). */
    private float[] staging = new float[0];

    private float[] staging(int n) {
        if (staging.length < n) staging = new float[n];
        return staging;
    }

    /** Writes the first n values of host into the buffer (blocking). */
    synchronized void write(cl_mem m, double[] host, int n) {
        if (precision == Precision.DOUBLE) {
            CL.clEnqueueWriteBuffer(queue, m, true, 0, (long) n * 8, Pointer.to(host), 0, null, null);
        } else {
            float[] f = staging(n);
            for (int i = 0; i < n; i++) f[i] = (float) host[i];
            CL.clEnqueueWriteBuffer(queue, m, true, 0, (long) n * 4, Pointer.to(f), 0, null, null);
        }
    }

    /** Reads the first n values of the buffer into host (blocking). */
    synchronized void read(cl_mem m, double[] host, int n) {
        if (precision == Precision.DOUBLE) {
            CL.clEnqueueReadBuffer(queue, m, true, 0, (long) n * 8, Pointer.to(host), 0, null, null);
        } else {
            float[] f = staging(n);
            CL.clEnqueueReadBuffer(queue, m, true, 0, (long) n * 4, Pointer.to(f), 0, null, null);
            for (int i = 0; i < n; i++) host[i] = f[i];
        }
    }

    void writeBytes(cl_mem m, byte[] host) {
        CL.clEnqueueWriteBuffer(queue, m, true, 0, host.length, Pointer.to(host), 0, null, null);
    }

    /** Sets the first n reals of a buffer to zero. */
    void zero(cl_mem m, long n) {
        fill(m, n, 0);
    }

    /** Sets the first n reals of a buffer to a value. */
    void fill(cl_mem m, long n, double value) {
        Pointer pattern = precision == Precision.DOUBLE ? Pointer.to(new double[] {value}) : Pointer.to(new float[] {(float) value});
        CL.clEnqueueFillBuffer(queue, m, pattern, precision.bytes, 0, n * precision.bytes, 0, null, null);
    }

    void finish() {
        CL.clFinish(queue);
    }
}
