package org.lipf.backend.opencl;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jocl.CL;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_device_id;
import org.jocl.cl_platform_id;

/**
 * The OpenCL devices of this machine, found through JOCL (which loads the system's
 * libOpenCL.so.1 and through it the installed ICDs), numbered across platforms in the order the
 * ICD loader reports them. Every failure to reach OpenCL becomes an {@link OpenClUnavailableException}
 * with the fix, never a native crash.
 */
public final class OpenClDevices {
    private static final int CL_PLATFORM_NOT_FOUND_KHR = -1001;

    /** One device: its number for {@code --device}, what it is, and what it supports. */
    public record Device(int index, String platform, String name, String version, boolean gpu, long globalMemory_bytes,
                         long maxAllocation_bytes, boolean fp64, cl_platform_id platformId, cl_device_id id) {
        public String describe() {
            return String.format("%d: %s [%s] %s, %.1f GiB, double %s, %s", index, name, platform, gpu ? "GPU" : "CPU/other",
                    globalMemory_bytes / (double) (1L << 30), fp64 ? "yes" : "no", version);
        }
    }

    private OpenClDevices() {}

    /** All devices of all platforms; an empty platform list is an error with the fix. */
    public static List<Device> list() {
        try {
            CL.setExceptionsEnabled(true);
            int[] count = new int[1];
            try {
                CL.clGetPlatformIDs(0, null, count);
            } catch (CLException e) {
                if (e.getStatus() == CL_PLATFORM_NOT_FOUND_KHR) count[0] = 0;
                else throw e;
            }
            if (count[0] == 0) throw new OpenClUnavailableException("OpenCL: no platform found (no ICD installed); " + OpenClUnavailableException.FIX);
            cl_platform_id[] platforms = new cl_platform_id[count[0]];
            CL.clGetPlatformIDs(platforms.length, platforms, null);
            List<Device> devices = new ArrayList<>();
            for (cl_platform_id platform : platforms) {
                String platformName = platformString(platform, CL.CL_PLATFORM_NAME);
                int[] n = new int[1];
                try {
                    CL.clGetDeviceIDs(platform, CL.CL_DEVICE_TYPE_ALL, 0, null, n);
                } catch (CLException e) {
                    continue; // CL_DEVICE_NOT_FOUND: a platform without devices
                }
                cl_device_id[] ids = new cl_device_id[n[0]];
                CL.clGetDeviceIDs(platform, CL.CL_DEVICE_TYPE_ALL, ids.length, ids, null);
                for (cl_device_id id : ids) {
                    long type = deviceLong(id, CL.CL_DEVICE_TYPE);
                    boolean fp64 = deviceString(id, CL.CL_DEVICE_EXTENSIONS).contains("cl_khr_fp64")
                            || deviceLong(id, CL.CL_DEVICE_DOUBLE_FP_CONFIG) != 0;
                    devices.add(new Device(devices.size(), platformName, deviceString(id, CL.CL_DEVICE_NAME).trim(),
                            deviceString(id, CL.CL_DEVICE_VERSION).trim(), (type & CL.CL_DEVICE_TYPE_GPU) != 0,
                            deviceLong(id, CL.CL_DEVICE_GLOBAL_MEM_SIZE), deviceLong(id, CL.CL_DEVICE_MAX_MEM_ALLOC_SIZE), fp64, platform, id));
                }
            }
            if (devices.isEmpty()) throw new OpenClUnavailableException("OpenCL: the platforms report no device; " + OpenClUnavailableException.FIX);
            return devices;
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            throw new OpenClUnavailableException("OpenCL: the OpenCL library (libOpenCL.so.1) could not be loaded (" + e.getMessage() + "); "
                    + OpenClUnavailableException.FIX);
        } catch (CLException e) {
            throw new OpenClUnavailableException("OpenCL: " + e.getMessage() + "; " + OpenClUnavailableException.FIX);
        }
    }

    /** The first device with double precision (the one tests run on), or null. */
    public static Device firstWithDoublePrecision(List<Device> devices) {
        for (Device d : devices) if (d.fp64()) return d;
        return null;
    }

    /** The device {@code auto} picks: the first GPU (with double support if needed), or null (use the CPU backend). */
    public static Device autoPick(List<Device> devices, Precision precision) {
        for (Device d : devices) if (d.gpu() && (d.fp64() || precision == Precision.FLOAT)) return d;
        return null;
    }

    /** Device number {@code index}, checked against the list and the precision. */
    public static Device select(List<Device> devices, int index, Precision precision) {
        if (index < 0 || index >= devices.size())
            throw new OpenClUnavailableException("--device " + index + ": no such OpenCL device (there are " + devices.size() + "; see lipf devices)");
        Device d = devices.get(index);
        if (precision == Precision.DOUBLE && !d.fp64())
            throw new OpenClUnavailableException("OpenCL device " + index + " (" + d.name() + ") has no double precision (cl_khr_fp64): "
                    + "run with --precision float, choose another --device, or --backend cpu");
        return d;
    }

    private static String platformString(cl_platform_id p, int param) {
        long[] size = new long[1];
        CL.clGetPlatformInfo(p, param, 0, null, size);
        byte[] b = new byte[(int) size[0]];
        CL.clGetPlatformInfo(p, param, b.length, Pointer.to(b), null);
        return cString(b);
    }

    private static String deviceString(cl_device_id d, int param) {
        long[] size = new long[1];
        CL.clGetDeviceInfo(d, param, 0, null, size);
        byte[] b = new byte[(int) size[0]];
        CL.clGetDeviceInfo(d, param, b.length, Pointer.to(b), null);
        return cString(b);
    }

    private static long deviceLong(cl_device_id d, int param) {
        long[] v = new long[1];
        CL.clGetDeviceInfo(d, param, Sizeof.cl_long, Pointer.to(v), null);
        return v[0];
    }

    private static String cString(byte[] b) {
        int n = b.length;
        while (n > 0 && b[n - 1] == 0) n--;
        return new String(b, 0, n, StandardCharsets.UTF_8);
    }
}
