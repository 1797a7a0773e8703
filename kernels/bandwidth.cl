// Bandwidth probe for lipf bench, built on its own (no grid): dst = src, one read and one write
// per element, the device's attainable streaming bandwidth.
#if REAL_IS_DOUBLE
#pragma OPENCL EXTENSION cl_khr_fp64 : enable
#endif
typedef REAL real;

__kernel void copy(__global const real* src, __global real* dst, int n) {
    int g = get_global_id(0);
    if (g < n) dst[g] = src[g];
}
