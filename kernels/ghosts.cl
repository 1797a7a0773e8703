// Ghost layers (GhostCells.fill): periodic in x (and y in 3D), copies of the adjacent interior
// plane at the bottom and top. Three launches in this order, as the host code's three loops.

/** x-ghosts of every interior row: one item per row (ny * nz items). */
__kernel void fillGhostsX(__global real* f) {
    int r = get_global_id(0);
    if (r >= NY * NZ) return;
    int j = r % NY, k = r / NY;
    int s = ((k + 1) * SY + (j + GY)) * SX + 1;
    f[s - 1] = f[s + NX - 1];
    f[s + NX] = f[s];
}

/** y-ghost rows of every interior plane (3D only): one item per padded x position and plane. */
__kernel void fillGhostsY(__global real* f) {
    int g = get_global_id(0);
    if (g >= SX * NZ) return;
    int x = g % SX, k = g / SX;
    int lo = ((k + 1) * SY + 1) * SX + x, hi = ((k + 1) * SY + NY) * SX + x;
    f[lo - STRIDE_Y] = f[hi];
    f[hi + STRIDE_Y] = f[lo];
}

/** Bottom and top ghost planes: copies of the first and last interior planes. */
__kernel void fillGhostsZ(__global real* f) {
    int g = get_global_id(0);
    if (g >= STRIDE_Z) return;
    f[g] = f[STRIDE_Z + g];
    f[STRIDE_Z * (NZ + 1) + g] = f[STRIDE_Z * NZ + g];
}

/** Bandwidth probe for lipf bench: dst = src (one read and one write per element). */
__kernel void copy(__global const real* src, __global real* dst, int n) {
    int g = get_global_id(0);
    if (g < n) dst[g] = src[g];
}
