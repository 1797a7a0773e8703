// LiPF OpenCL kernels: shared definitions and per-cell math.
// The functions carry the names of the Java static methods they mirror (Class_method), with the
// same arithmetic in the same order: FP_CONTRACT is off so no fused multiply-add changes a result.
//
// Build options (set by OpenClProgram): REAL (double or float), the grid (NX, NY, NZ, SX, SY, GY,
// STRIDE_Y, STRIDE_Z, CELLS, WG) and the model constants as hexadecimal literals.
#pragma OPENCL FP_CONTRACT OFF
#if REAL_IS_DOUBLE
#pragma OPENCL EXTENSION cl_khr_fp64 : enable
#endif
typedef REAL real;
#define R(x) ((real)(x))

// the material table: one row of NPROP properties per material id
#define T_FREE 0
#define T_LETA 1
#define T_NUC 2
#define T_DIFF 3
#define T_SIGMA_ION 4
#define T_SIGMA_EL 5
#define T_MOBILE 6
#define T_I0 7
#define NPROP 8
#define TAB(m, prop) table[(m) * NPROP + (prop)]

#define XI_MIN R(-0.1)
#define XI_MAX R(1.1)
#define TINY R(1e-30)            /* c below it is set to zero (AllenCahnUpdate.TINY) */
#define XI_RESOLUTION R(0x1p-53) /* |xi| below it is set to zero (AllenCahnUpdate.XI_RESOLUTION) */
#define GATE_CLOSED R(30)

/** Padded index of the interior cell with linear number g (x fastest), or -1 beyond the grid. */
inline int cellIndex(int g, int* i, int* j, int* k) {
    if (g >= CELLS) return -1;
    *i = g % NX;
    int t = g / NX;
    *j = t % NY;
    *k = t / NY;
    return ((*k + 1) * SY + (*j + GY)) * SX + (*i + 1);
}

inline real DoubleWell_dg(real xi) { return R(2) * xi * (R(1) - xi) * (R(1) - R(2) * xi); }

inline real DoubleWell_d2g(real xi) { return R(2) - R(12) * xi + R(12) * xi * xi; }

inline real Interpolation_h(real xi) { return xi * xi * xi * (xi * (R(6) * xi - R(15)) + R(10)); }

inline real Interpolation_dh(real xi) {
    real a = xi * (R(1) - xi);
    return R(30) * a * a;
}
#define DH_MAX R(1.875)

inline real ButlerVolmer_depositionFactor(real eta, real c, real alpha, real f) {
    return c * exp(-alpha * f * eta) - exp((R(1) - alpha) * f * eta);
}

inline real ButlerVolmer_depositionFactorSlope(real eta, real c, real alpha, real f) {
    return -f * (alpha * c * exp(-alpha * f * eta) + (R(1) - alpha) * exp((R(1) - alpha) * f * eta));
}

inline real ScharfetterGummel_bernoulli(real x) {
    real ax = fabs(x);
    if (ax < R(0.1)) {
        real x2 = x * x;
        return R(1) - R(0.5) * x + x2 * (R(1.0 / 12) + x2 * (R(-1.0 / 720) + x2 * (R(1.0 / 30240) - x2 / R(1209600))));
    }
    if (x > R(700)) return x * exp(-x);
    return x / expm1(x);
}

inline real Anisotropy_kappa3D(real gx, real gy, real gz, real delta) {
    if (delta == R(0)) return R(1);
    real g2 = gx * gx + gy * gy + gz * gz;
    // g2 * g2, not g2, tested against zero: in single precision the square of a tiny gradient
    // underflows while g2 does not (0 / 0); in double both vanish together for any real gradient
    real g4 = g2 * g2;
    if (g4 == R(0)) return R(1);
    real q = (gx * gx * gx * gx + gy * gy * gy * gy + gz * gz * gz * gz) / g4;
    return R(1) + delta * (R(4) * q - R(3));
}

/** SplitMix64 hash of (seed, step, cell), uniform in [-0.5, 0.5): LangevinNoise.uniform. */
inline real LangevinNoise_uniform(long seed, long step, int cell) {
    ulong z = (ulong) seed * 0x9E3779B97F4A7C15UL + (ulong) step * 0xBF58476D1CE4E5B9UL + (ulong) (long) cell * 0x94D049BB133111EBUL;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
    z = z ^ (z >> 31);
    return (real) (z >> 11) * R(0x1.0p-53) - R(0.5);
}

/** xi as a step leaves it: 0 where |xi| is below XI_RESOLUTION (AllenCahnUpdate.resolved). */
inline real AllenCahnUpdate_resolved(real xi) {
    return fabs(xi) < XI_RESOLUTION ? R(0) : xi;
}

/** Harmonic mean of the cell values on either side of a face, HarmonicMean.of (docs/MODEL.md 5.1): a itself wherever b equals it. */
inline real harmonic(real a, real b) {
    real s = a + b;
    return a == b ? a : s > R(0) ? R(2) * a * b / s : R(0);
}

/** Overpotential of cell P, V: phi_s - phi_l - E_eq (single potential: phi - E_eq). */
inline real overpotential(__global const real* phiL, __global const real* phiS, int P) {
#if SINGLE_POTENTIAL
    return phiL[P] - E_EQ;
#else
    return phiS[P] - phiL[P] - E_EQ;
#endif
}

// FilmButlerVolmer: x = k BV(eta + r x, c) behind a film of drop r = R_film i0 (V) and kinetics
// k = i0_film / i0, i.e. k y with y = BV(eta + r k y), solved for s = ln|u - eta| by Newton safeguarded
// by bisection; r = 0 returns k bv
#if REAL_IS_DOUBLE
#define FILM_TOLERANCE R(1e-12)
#else
#define FILM_TOLERANCE R(1e-6)
#endif
#define FILM_MAX_ITERATIONS 100

inline real FilmButlerVolmer_root(real eta, real c, real alpha, real f, real bv, real r) {
    const real sign = bv > R(0) ? R(1) : R(-1);
    const real sMax = log(sign * (log(c) / f - eta));
    real lo = -INFINITY, hi = sMax;
    const real s0 = log(r * sign * bv);
    real s = s0 < sMax ? s0 : isfinite(sMax) ? sMax - log(R(2)) : log(fabs(eta));
    for (int it = 0; it < FILM_MAX_ITERATIONS; it++) {
        const real e = exp(s), u = eta + sign * e;
        const real b = sign * ButlerVolmer_depositionFactor(u, c, alpha, f);
        real next;
        if (!(b > R(0))) {
            hi = s;
            next = isinf(lo) ? s - R(1) : R(0.5) * (lo + hi);
        } else {
            const real phi = log(r * b) - s;
            if (phi > R(0)) lo = s; else hi = s;
            const real slope = e * ButlerVolmer_depositionFactorSlope(u, c, alpha, f) / b - R(1);
            next = s - phi / slope;
            if (!(next > lo && next < hi)) next = isinf(lo) ? hi - R(1) : R(0.5) * (lo + hi);
        }
        const bool done = fabs(next - s) <= FILM_TOLERANCE * fmax(R(1), fabs(s));
        s = next;
        if (done) break;
    }
    return sign * exp(s) / r;
}

inline real FilmButlerVolmer_factor(real eta, real c, real alpha, real f, real bv, real r, real k) {
    if (r == R(0) || bv == R(0) || isnan(bv)) return k * bv;
    if (isinf(r)) return R(0);
    return k * FilmButlerVolmer_root(eta, c, alpha, f, bv, r * k);
}

inline real FilmButlerVolmer_interfaceOverpotential(real eta, real r, real x) {
    return r == R(0) ? eta : eta + r * x;
}

inline real FilmButlerVolmer_slope(real eta, real c, real alpha, real f, real r, real k, real x) {
    if (r == R(0)) return k * ButlerVolmer_depositionFactorSlope(eta, c, alpha, f);
    if (isinf(r)) return R(0);
    const real d = k * ButlerVolmer_depositionFactorSlope(eta + r * x, c, alpha, f);
    return d / (R(1) - r * d);
}

/** AllenCahnUpdate.filmDrop_V: r = R_film i0 / theta of cell P (film per padded lateral position P % STRIDE_Z, the contact fraction theta after the resistances and the i0s). */
inline real AllenCahnUpdate_filmDrop(__global const real* table, __global const real* film, int P, int m) {
    const real Rf = film[P % STRIDE_Z], i0 = TAB(m, T_I0);
    return Rf == R(0) || i0 == R(0) ? R(0) : Rf * i0 / film[2 * STRIDE_Z + P % STRIDE_Z];
}

/** AllenCahnUpdate.filmKinetics: k = theta i0_film / i0 of cell P (the film's i0 per lateral position after the resistances, theta after those), theta without a film. */
inline real AllenCahnUpdate_filmKinetics(__global const real* table, __global const real* film, int P, int m) {
    const real i0f = film[STRIDE_Z + P % STRIDE_Z], i0 = TAB(m, T_I0);
    return (i0f == R(0) || i0 == R(0) ? R(1) : i0f / i0) * film[2 * STRIDE_Z + P % STRIDE_Z];
}

/** AllenCahnUpdate.growthFactor: x behind the film at the interface, 0 elsewhere in a covered column, k bv without a film. */
inline real AllenCahnUpdate_growthFactor(real film, real k, real xi, real eta, real c, real bv) {
    if (film == R(0)) return k * bv;
    return Interpolation_dh(xi) > R(1e-12) ? FilmButlerVolmer_factor(eta, c, ALPHA, F_PER_V, bv, film, k) : R(0);
}

/** AllenCahnUpdate.reactionStiffness_per_s: stiffness of the reaction terms in xi and in c, 1/s. */
inline real AllenCahnUpdate_reactionStiffness(__global const real* table, int m, real dh, real eta, real bv, real film, real k, real bvFilm) {
    const real nuc = TAB(m, T_NUC), sink = SITE_RATIO * TAB(m, T_FREE);
    if (film == R(0) && k == R(1)) {
        const real kinetic = TAB(m, T_LETA) * (dh + nuc);
        return fmax(R(5.78) * kinetic * fabs(bv), sink * kinetic * exp(-ALPHA * F_PER_V * eta));
    }
    // behind an ionic insulator the growth neither reacts nor takes ions (x = 0 at every c)
    const real growthSink = isinf(film) ? R(0) : dh * k * exp(-ALPHA * F_PER_V * FilmButlerVolmer_interfaceOverpotential(eta, film, bvFilm));
    return TAB(m, T_LETA) * fmax(R(5.78) * (dh * fabs(bvFilm) + nuc * fabs(bv)), sink * (growthSink + nuc * exp(-ALPHA * F_PER_V * eta)));
}

/** AllenCahnUpdate.nucleationRate: gated nucleation, 1/s. */
inline real AllenCahnUpdate_nucleationRate(__global const real* table, real xi, int m, real eta, real bv) {
    real nuc = TAB(m, T_NUC);
    if (!(nuc > R(0) && bv > R(0) && F_PER_V * (eta + NUC_BARRIER) < GATE_CLOSED)) return R(0);
    real gate = R(1) / (R(1) + exp(F_PER_V * (eta + NUC_BARRIER)));
    return TAB(m, T_LETA) * nuc * (R(1) - Interpolation_h(xi)) * bv * gate;
}

/** AllenCahnUpdate.reactionRate: Butler-Volmer growth at the surface (behind its film) plus gated nucleation, 1/s. */
inline real AllenCahnUpdate_reactionRate(__global const real* table, real xi, int m, real eta, real bv, real bvFilm) {
    return TAB(m, T_LETA) * Interpolation_dh(xi) * bvFilm + AllenCahnUpdate_nucleationRate(table, xi, m, eta, bv);
}

/** AllenCahnUpdate.reactionSlope: d(reactionRate)/d eta with the nucleation gate held, 1/(s V). */
inline real AllenCahnUpdate_reactionSlope(__global const real* table, real xi, int m, real eta, real bv, real bvSlope, real bvFilmSlope) {
    const real growth = TAB(m, T_LETA) * Interpolation_dh(xi) * bvFilmSlope;
    return bv != R(0) ? growth + AllenCahnUpdate_nucleationRate(table, xi, m, eta, bv) / bv * bvSlope : growth;
}

/** GalvanostaticControl.reaction: the reaction rate of cell P at overpotential e behind its column's film, 1/s. */
inline real GalvanostaticControl_reaction(__global const real* table, __global const real* film, real x, int m, int P, real e, real c) {
    const real bv = ButlerVolmer_depositionFactor(e, c, ALPHA, F_PER_V);
    return AllenCahnUpdate_reactionRate(table, x, m, e, bv, AllenCahnUpdate_growthFactor(AllenCahnUpdate_filmDrop(table, film, P, m), AllenCahnUpdate_filmKinetics(table, film, P, m), x, e, c, bv));
}

/** AllenCahnUpdate.reactive: whether the galvanostatic control must visit the cell. */
inline bool AllenCahnUpdate_reactive(__global const real* table, real xi, int m) {
    return TAB(m, T_MOBILE) != R(0) && (Interpolation_dh(xi) > R(1e-12) || TAB(m, T_NUC) > R(0));
}

// ---- deterministic reductions: a fixed tree over one work-group of WG items ----

inline real groupSum(__local real* s, real v) {
    int l = get_local_id(0);
    s[l] = v;
    barrier(CLK_LOCAL_MEM_FENCE);
    for (int h = WG / 2; h > 0; h >>= 1) {
        if (l < h) s[l] = s[l] + s[l + h];
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    real r = s[0];
    barrier(CLK_LOCAL_MEM_FENCE);
    return r;
}

inline real groupMax(__local real* s, real v) {
    int l = get_local_id(0);
    s[l] = v;
    barrier(CLK_LOCAL_MEM_FENCE);
    for (int h = WG / 2; h > 0; h >>= 1) {
        if (l < h) s[l] = fmax(s[l], s[l + h]);
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    real r = s[0];
    barrier(CLK_LOCAL_MEM_FENCE);
    return r;
}

/** Item 0 of a work-group writes its results of one to three quantities into rows 0, 1, 2 of partial. */
inline void writeRows(__global real* partial, int rows, real a, real b, real c) {
    if (get_local_id(0) != 0) return;
    const int G = get_num_groups(0), q = get_group_id(0);
    partial[q] = a;
    if (rows > 1) partial[G + q] = b;
    if (rows > 2) partial[2 * G + q] = c;
}

/**
 * Second stage: work-group q reduces partial[(first + q) * n .. (first + q) * n + n) into out[q]; items sum strided
 * runs in index order, then the tree (a fixed order, so the result does not depend on timing).
 * isMax selects max instead of sum.
 */
__kernel void finishReduction(__global const real* partial, int n, __global real* out, int isMax, int first) {
    __local real s[WG];
    int q = get_group_id(0), l = get_local_id(0);
    __global const real* p = partial + (long) (first + q) * n;
    real acc = isMax ? -INFINITY : R(0);
    for (int i = l; i < n; i += WG) acc = isMax ? fmax(acc, p[i]) : acc + p[i];
    real r = isMax ? groupMax(s, acc) : groupSum(s, acc);
    if (l == 0) out[q] = r;
}
