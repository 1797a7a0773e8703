// Explicit Allen-Cahn update (AllenCahnUpdate): one item per interior cell, fused with the
// reductions of the reaction stiffness (max) and the bound check.

inline real mobileAt(__global const real* table, __global const uchar* mat, int P) {
    return TAB(mat[P], T_MOBILE);
}

/** AllenCahnUpdate.bulk: xi exactly 0 or 1 at P and all face neighbours. */
inline bool bulk(__global const real* xi, real x, int P) {
#if STRIDE_Y == 0
    const bool yEqual = true;
#else
    const bool yEqual = xi[P + STRIDE_Y] == x && xi[P - STRIDE_Y] == x;
#endif
    return (x == R(0) || x == R(1)) && xi[P + 1] == x && xi[P - 1] == x && xi[P + STRIDE_Z] == x && xi[P - STRIDE_Z] == x && yEqual;
}

inline bool nucleating(__global const real* table, int m, real eta) {
    return TAB(m, T_NUC) > R(0) && F_PER_V * (eta + NUC_BARRIER) < GATE_CLOSED;
}

/** AllenCahnUpdate.faceFlux2D: J / kappa0 through the face between L and L + sn (Kobayashi torque term). */
inline real faceFlux2D(__global const real* xi, int L, int sn, int st, real invDx, bool xFace) {
    real gn = (xi[L + sn] - xi[L]) * invDx;
    real gt = R(0.25) * invDx * (xi[L + st] + xi[L + sn + st] - xi[L - st] - xi[L + sn - st]);
    real gx = xFace ? gn : gt, gz = xFace ? gt : gn;
    real r2 = gx * gx + gz * gz;
    if (r2 < R(1e-16) * invDx * invDx) return gn;
    real inv = R(1) / sqrt(r2);
    real bre = gx * inv, bim = gz * inv, re = R(1), im = R(0);
    for (int n = ANISO_MODE; n > 0; n >>= 1) {
        if ((n & 1) != 0) {
            real t = re * bre - im * bim;
            im = re * bim + im * bre;
            re = t;
        }
        real t = bre * bre - bim * bim;
        bim = R(2) * bre * bim;
        bre = t;
    }
    real cosA = re * ROT_COS + im * ROT_SIN, sinA = im * ROT_COS - re * ROT_SIN;
    real a = R(1) + ANISO_STRENGTH * cosA;
    real da = -ANISO_STRENGTH * ANISO_MODE * sinA;
    return xFace ? a * gx - R(0.5) * da * gz : a * gz + R(0.5) * da * gx;
}

/** AllenCahnUpdate.faceFlux3D: kappa(n) g_n with the cubic anisotropy. */
inline real faceFlux3D(__global const real* xi, int L, int sn, int s1, int s2, real invDx) {
    real gn = (xi[L + sn] - xi[L]) * invDx;
    real g1 = R(0.25) * invDx * (xi[L + s1] + xi[L + sn + s1] - xi[L - s1] - xi[L + sn - s1]);
    real g2 = R(0.25) * invDx * (xi[L + s2] + xi[L + sn + s2] - xi[L - s2] - xi[L + sn - s2]);
    return Anisotropy_kappa3D(gn, g1, g2, ANISO_STRENGTH) * gn;
}

inline real xFaceFlux(__global const real* xi, int L, real invDx) {
#if STRIDE_Y == 0
    return faceFlux2D(xi, L, 1, STRIDE_Z, invDx, true);
#else
    return faceFlux3D(xi, L, 1, STRIDE_Y, STRIDE_Z, invDx);
#endif
}

/**
 * rate and xiNext from xi, c and the potentials; partial[group] = max reaction stiffness,
 * partial[groups + group] = 1 if a cell left [XI_MIN, XI_MAX]. noise = 0 and a table without
 * reactions give the capillarity-only relaxation.
 */
__kernel void allenCahn(__global const real* xi, __global const real* c, __global const real* phiL, __global const real* phiS,
                        __global const uchar* mat, __global const real* table, __global real* rate, __global real* xiNext,
                        real dt, long step, real noise, __global real* partial, __global const real* film) {
    __local real scratch[WG];
    int i, j, k;
    int P = cellIndex(get_global_id(0), &i, &j, &k);
    real stiff = R(0), bad = R(0), capillary = R(0), weight = R(0);
    if (P >= 0) {
        const real invDx = R(1) / DX, invDx2 = invDx * invDx;
        const real x = xi[P];
        const int m = mat[P];
        // the potentials are read only where a term can act (most cells are bulk)
        if (TAB(m, T_MOBILE) == R(0) || (bulk(xi, x, P) && !nucleating(table, m, overpotential(phiL, phiS, P)))) {
            rate[P] = R(0);
            xiNext[P] = x;
        } else {
            const real zLo = k > 0 ? R(1) : R(0), zHi = k < NZ - 1 ? R(1) : R(0);
            const real wE = mobileAt(table, mat, P + 1), wW = mobileAt(table, mat, P - 1);
            const real wN = mobileAt(table, mat, P + STRIDE_Z) * zHi, wS = mobileAt(table, mat, P - STRIDE_Z) * zLo;
            real div;
#if !ANISO
            div = KAPPA0 * invDx2 * (wE * (xi[P + 1] - x) + wW * (xi[P - 1] - x) + wN * (xi[P + STRIDE_Z] - x) + wS * (xi[P - STRIDE_Z] - x));
#if STRIDE_Y != 0
            div += KAPPA0 * invDx2 * (mobileAt(table, mat, P + STRIDE_Y) * (xi[P + STRIDE_Y] - x) + mobileAt(table, mat, P - STRIDE_Y) * (xi[P - STRIDE_Y] - x));
#endif
#else
            const real west = xFaceFlux(xi, P - 1, invDx), east = xFaceFlux(xi, P, invDx);
            real sum = wE * east - wW * west;
#if STRIDE_Y == 0
            sum += wN * faceFlux2D(xi, P, STRIDE_Z, 1, invDx, false) - wS * faceFlux2D(xi, P - STRIDE_Z, STRIDE_Z, 1, invDx, false);
#else
            sum += mobileAt(table, mat, P + STRIDE_Y) * faceFlux3D(xi, P, STRIDE_Y, 1, STRIDE_Z, invDx)
                    - mobileAt(table, mat, P - STRIDE_Y) * faceFlux3D(xi, P - STRIDE_Y, STRIDE_Y, 1, STRIDE_Z, invDx)
                    + wN * faceFlux3D(xi, P, STRIDE_Z, 1, STRIDE_Y, invDx) - wS * faceFlux3D(xi, P - STRIDE_Z, STRIDE_Z, 1, STRIDE_Y, invDx);
#endif
            div = KAPPA0 * invDx * sum;
#endif
            real r = -LSIGMA * (W * DoubleWell_dg(x) - div);
            const real eta = overpotential(phiL, phiS, P);
            const real dh = Interpolation_dh(x);
            real echem = R(0);
            if (dh > R(1e-12) || nucleating(table, m, eta)) {
                const real bv = ButlerVolmer_depositionFactor(eta, c[P], ALPHA, F_PER_V);
                const real filmDrop = AllenCahnUpdate_filmDrop(table, film, P, m);
                const real filmK = AllenCahnUpdate_filmKinetics(table, film, P, m);
                const real bvFilm = AllenCahnUpdate_growthFactor(filmDrop, filmK, x, eta, c[P], bv);
                echem = AllenCahnUpdate_reactionRate(table, x, m, eta, bv, bvFilm);
                r += echem;
                stiff = AllenCahnUpdate_reactionStiffness(table, m, dh, eta, bv, filmDrop, filmK, bvFilm);
                if (noise != R(0)) r += noise * LangevinNoise_uniform(SEED, step, P) * dh / DH_MAX;
            }
            rate[P] = r;
            capillary = TAB(m, T_FREE) * (r - echem);
            weight = TAB(m, T_FREE) * dh;
            const real xn = AllenCahnUpdate_resolved(x + dt * r);
            xiNext[P] = xn;
            if (!(xn >= XI_MIN && xn <= XI_MAX)) bad = R(1);
        }
    }
    stiff = groupMax(scratch, stiff);
    bad = groupMax(scratch, bad);
    capillary = groupSum(scratch, capillary);
    weight = groupSum(scratch, weight);
    if (get_local_id(0) == 0) {
        const int G = get_num_groups(0), q = get_group_id(0);
        partial[q] = stiff;
        partial[G + q] = bad;
        partial[2 * G + q] = capillary;
        partial[3 * G + q] = weight;
    }
}

/**
 * Volume-conserving capillarity (docs/MODEL.md section 3.1): rate += lambda h'(xi) in the mobile
 * cells, lambda = -sum f_free (rate - R_echem) / sum f_free h' from the allenCahn partials;
 * xiNext recomputed; partial[group] = 1 if a cell left [XI_MIN, XI_MAX].
 */
__kernel void addVolumeMultiplier(__global const real* xi, __global const uchar* mat, __global const real* table, __global real* rate,
                                  __global real* xiNext, real lambda, real dt, __global real* partial) {
    __local real scratch[WG];
    int i, j, k;
    int P = cellIndex(get_global_id(0), &i, &j, &k);
    real bad = R(0);
    if (P >= 0) {
        const real x = xi[P], dh = Interpolation_dh(x);
        if (TAB(mat[P], T_MOBILE) != R(0) && dh != R(0)) {
            const real r = rate[P] + lambda * dh, xu = x + dt * r;
            rate[P] = r;
            const real xn = AllenCahnUpdate_resolved(xu);
            xiNext[P] = xn;
            if (!(xn >= XI_MIN && xn <= XI_MAX)) bad = R(1);
        }
    }
    bad = groupMax(scratch, bad);
    if (get_local_id(0) == 0) partial[get_group_id(0)] = bad;
}

/** Bound check of xiNext after the galvanostatic correction: partial[group] = 1 if out of bounds. */
__kernel void xiOutOfBounds(__global const real* xiNext, __global real* partial) {
    __local real scratch[WG];
    int i, j, k;
    int P = cellIndex(get_global_id(0), &i, &j, &k);
    real bad = R(0);
    if (P >= 0) {
        real x = xiNext[P];
        if (!(x >= XI_MIN && x <= XI_MAX)) bad = R(1);
    }
    bad = groupMax(scratch, bad);
    if (get_local_id(0) == 0) partial[get_group_id(0)] = bad;
}
