package org.lipf.backend.opencl;

/**
 * OpenCL cannot be used as asked: no OpenCL library, no platform (ICD), no such device, no double
 * precision, or a kernel that does not build. The message names the cause and the fix; the
 * command line prints it in one line and exits with the bad-input code.
 */
public final class OpenClUnavailableException extends RuntimeException {
    /** How to get a working OpenCL installation. */
    public static final String FIX = "install an OpenCL driver: Debian/Ubuntu CPU: apt-get install -y pocl-opencl-icd ocl-icd-libopencl1; "
            + "NVIDIA GPU: the driver's OpenCL part, and /etc/OpenCL/vendors/nvidia.icd must name libnvidia-opencl.so.1 "
            + "(often missing inside containers: echo libnvidia-opencl.so.1 > /etc/OpenCL/vendors/nvidia.icd); "
            + "check with clinfo, or run with --backend cpu";

    public OpenClUnavailableException(String message) {
        super(message);
    }
}
