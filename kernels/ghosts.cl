// Ghost layers (GhostCells.fill) of the four fields xi, c, phi_l and phi_s at once (phi_s may be
// phi_l): periodic in x (and y in 3D), copies of the adjacent interior plane at the bottom and
// top. Three launches in this order, as the host code's three loops.

inline void wrapX(__global real* f, int s) {
    f[s - 1] = f[s + NX - 1];
    f[s + NX] = f[s];
}

/** x-ghosts of every interior row: one item per row (ny * nz items). */
__kernel void fillGhostsX(__global real* a, __global real* b, __global real* c, __global real* d) {
    int r = get_global_id(0);
    if (r >= NY * NZ) return;
    int j = r % NY, k = r / NY;
    int s = ((k + 1) * SY + (j + GY)) * SX + 1;
    wrapX(a, s);
    wrapX(b, s);
    wrapX(c, s);
    wrapX(d, s);
}

inline void wrapY(__global real* f, int lo, int hi) {
    f[lo - STRIDE_Y] = f[hi];
    f[hi + STRIDE_Y] = f[lo];
}

/** y-ghost rows of every interior plane (3D only): one item per padded x position and plane. */
__kernel void fillGhostsY(__global real* a, __global real* b, __global real* c, __global real* d) {
    int g = get_global_id(0);
    if (g >= SX * NZ) return;
    int x = g % SX, k = g / SX;
    int lo = ((k + 1) * SY + 1) * SX + x, hi = ((k + 1) * SY + NY) * SX + x;
    wrapY(a, lo, hi);
    wrapY(b, lo, hi);
    wrapY(c, lo, hi);
    wrapY(d, lo, hi);
}

inline void copyZ(__global real* f, int g) {
    f[g] = f[STRIDE_Z + g];
    f[STRIDE_Z * (NZ + 1) + g] = f[STRIDE_Z * NZ + g];
}

/** Bottom and top ghost planes: copies of the first and last interior planes. */
__kernel void fillGhostsZ(__global real* a, __global real* b, __global real* c, __global real* d) {
    int g = get_global_id(0);
    if (g >= STRIDE_Z) return;
    copyZ(a, g);
    copyZ(b, g);
    copyZ(c, g);
    copyZ(d, g);
}
