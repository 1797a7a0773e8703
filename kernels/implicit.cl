// The semi-implicit step (docs/MODEL.md section 5.3.2; LinearlyImplicitAllenCahn, ImplicitNernstPlanck):
// the operators and right-hand sides of its two linear solves (solved by potentials.cl's multigrid-PCG
// with a diagonal term), the volume restoring of the filtered rates and the new fields. Reductions
// write one row of partial results per quantity (row q at partial[q * groups + group]).

/** Anisotropy.kappa2D: kappa / kappa0 = 1 + delta cos(omega (theta - theta0)), theta the angle of (gx, gz). */
inline real Anisotropy_kappa2D(real gx, real gz) {
    if (ANISO_STRENGTH == R(0) || (gx == R(0) && gz == R(0))) return R(1);
    return R(1) + ANISO_STRENGTH * cos(ANISO_MODE * (atan2(gz, gx) - ANISO_ANGLE));
}

/** Whether cell P reacts (at the interface, or nucleating); then its overpotential and Butler-Volmer factor. */
inline bool reactingCell(__global const real* xi, __global const real* c, __global const real* phiL, __global const real* phiS,
                         __global const uchar* mat, __global const real* table, int P, real* eta, real* bv) {
    *eta = overpotential(phiL, phiS, P);
    if (!(Interpolation_dh(xi[P]) > R(1e-12) || nucleating(table, mat[P], *eta))) return false;
    *bv = ButlerVolmer_depositionFactor(*eta, c[P], ALPHA, F_PER_V);
    return true;
}

/** AllenCahnUpdate.reactionXiDamping_per_s: max(0, -dR/d xi) of cell P, 1/s (the reaction's decaying part, implicit). */
inline real reactionXiDamping(__global const real* xi, __global const real* c, __global const real* phiL, __global const real* phiS,
                              __global const uchar* mat, __global const real* table, __global const real* film, int P) {
    real eta, bv;
    if (!reactingCell(xi, c, phiL, phiS, mat, table, P, &eta, &bv)) return R(0);
    const int m = mat[P];
    const real x = xi[P], dh = Interpolation_dh(x);
    const real bvFilm = AllenCahnUpdate_growthFactor(AllenCahnUpdate_filmDrop(table, film, P, m), AllenCahnUpdate_filmKinetics(table, film, P, m), x, eta, c[P], bv);
    const real nucleation = AllenCahnUpdate_nucleationRate(table, x, m, eta, bv);
    const real oneMinusH = R(1) - Interpolation_h(x);
    const real slope = TAB(m, T_LETA) * R(60) * x * (R(1) - x) * (R(1) - R(2) * x) * bvFilm - (oneMinusH > R(0) ? nucleation * dh / oneMinusH : R(0));
    return fmax(R(0), -slope);
}

/** AllenCahnUpdate.sinkConcentrationRate_per_s: (c_s / c0) f_free dR/dc of cell P, 1/s (the sink's stiff part, implicit). */
inline real sinkConcentrationRate(__global const real* xi, __global const real* c, __global const real* phiL, __global const real* phiS,
                                  __global const uchar* mat, __global const real* table, __global const real* film, int P) {
    real eta, bv;
    if (!reactingCell(xi, c, phiL, phiS, mat, table, P, &eta, &bv)) return R(0);
    const int m = mat[P];
    const real x = xi[P], dh = Interpolation_dh(x);
    const real filmDrop = AllenCahnUpdate_filmDrop(table, film, P, m), filmK = AllenCahnUpdate_filmKinetics(table, film, P, m);
    real growth = R(0);
    if (filmDrop == R(0)) growth = filmK * exp(-ALPHA * F_PER_V * eta);
    // behind an ionic insulator x = 0 at every c
    else if (dh > R(1e-12) && !isinf(filmDrop)) {
        const real u = FilmButlerVolmer_interfaceOverpotential(eta, filmDrop, AllenCahnUpdate_growthFactor(filmDrop, filmK, x, eta, c[P], bv));
        growth = filmK * exp(-ALPHA * F_PER_V * u) / (R(1) - filmDrop * filmK * ButlerVolmer_depositionFactorSlope(u, c[P], ALPHA, F_PER_V));
    }
    const real nucleation = bv > R(0) ? AllenCahnUpdate_nucleationRate(table, x, m, eta, bv) / bv * exp(-ALPHA * F_PER_V * eta) : R(0);
    return SITE_RATIO * TAB(m, T_FREE) * (TAB(m, T_LETA) * dh * growth + nucleation);
}

/**
 * LinearlyImplicitAllenCahn.setOperator and the filter's right-hand side: in the mobile cells
 * alpha = 1 + dt Ls W g''(xi) and the cell beta = dt Ls kappa0 kappa(theta), theta from central
 * differences (their scale cancels), plus dt times the reaction's damping of xi; frozen cells
 * alpha = 1, beta = 0; rhs = rate. Row: the raw
 * rates' sum f_free rate (their metal volume per cell volume and area).
 */
__kernel void implicitAllenCahnOperator(__global const real* xi, __global const uchar* mat, __global const real* table, __global const real* rate,
                                        __global real* alpha, __global real* cellBeta, __global real* rhs, real lsW, real lsKappa,
                                        __global real* partial, __global const real* c, __global const real* phiL, __global const real* phiS,
                                        __global const real* film, real dt) {
    __local real scratch[WG];
    int i, j, k;
    const int P = cellIndex(get_global_id(0), &i, &j, &k);
    real volume = R(0);
    if (P >= 0) {
        const int m = mat[P];
        const real r = rate[P];
        rhs[P] = r;
        volume = TAB(m, T_FREE) * r;
        if (TAB(m, T_MOBILE) == R(0)) {
            alpha[P] = R(1);
            cellBeta[P] = R(0);
        } else {
            // the well's curvature and the reaction's damping of xi (its stiff, decaying part)
            alpha[P] = R(1) + lsW * DoubleWell_d2g(xi[P]) + dt * reactionXiDamping(xi, c, phiL, phiS, mat, table, film, P);
            const real gx = xi[P + 1] - xi[P - 1], gz = xi[P + STRIDE_Z] - xi[P - STRIDE_Z];
#if STRIDE_Y == 0
            const real a = Anisotropy_kappa2D(gx, gz);
#else
            const real a = Anisotropy_kappa3D(gx, xi[P + STRIDE_Y] - xi[P - STRIDE_Y], gz, ANISO_STRENGTH);
#endif
            cellBeta[P] = lsKappa * a;
        }
    }
    writeRows(partial, 1, groupSum(scratch, volume), R(0), R(0));
}

/** LinearlyImplicitAllenCahn's deflation mode: xi (1 - xi) in the mobile cells (the fronts' profile derivative, the operator's slow modes), 0 elsewhere. */
__kernel void translationMode(__global const real* xi, __global const uchar* mat, __global const real* table, __global real* mode) {
    int i, j, k;
    const int P = cellIndex(get_global_id(0), &i, &j, &k);
    if (P < 0) return;
    mode[P] = TAB(mat[P], T_MOBILE) != R(0) ? xi[P] * (R(1) - xi[P]) : R(0);
}

/** LinearlyImplicitAllenCahn.filterKeepingVolume's second right-hand side: dh = h'(xi) in the mobile cells (0 elsewhere), and its copy as the guess. */
__kernel void mobileDh(__global const real* xi, __global const uchar* mat, __global const real* table, __global real* dh, __global real* filteredDh) {
    int i, j, k;
    const int P = cellIndex(get_global_id(0), &i, &j, &k);
    if (P < 0) return;
    const real d = TAB(mat[P], T_MOBILE) != R(0) ? Interpolation_dh(xi[P]) : R(0);
    dh[P] = d;
    filteredDh[P] = d;
}

/** LinearlyImplicitAllenCahn.filterKeepingVolume's sums over the mobile cells: rows sum f_free u and sum f_free (A^-1 h'). */
__kernel void filteredRateSums(__global const uchar* mat, __global const real* table, __global const real* rate, __global const real* filteredDh,
                               __global real* partial) {
    __local real scratch[WG];
    int i, j, k;
    const int P = cellIndex(get_global_id(0), &i, &j, &k);
    const real free = P >= 0 && TAB(mat[P], T_MOBILE) != R(0) ? TAB(mat[P], T_FREE) : R(0);
    const real sum = groupSum(scratch, free != R(0) ? free * rate[P] : R(0));
    writeRows(partial, 2, sum, groupSum(scratch, free != R(0) ? free * filteredDh[P] : R(0)), R(0));
}

/**
 * The end of LinearlyImplicitAllenCahn.filterKeepingVolume and writeNext: u += lambda A^-1 h' and
 * r += lambda h', xiNext = xi + dt u. Rows: max |dt u|, 1 where xiNext left [XI_MIN, XI_MAX]
 * (reduced as maxima), then sum u r and sum u u over the mobile cells (FilterAmplification's
 * Rayleigh quotient; reduced as sums).
 */
__kernel void restoreVolumeAndWriteNext(__global const real* xi, __global const uchar* mat, __global const real* table, __global real* rate,
                                        __global const real* rhs, __global const real* dh, __global const real* filteredDh, __global real* xiNext,
                                        real lambda, real dt, __global real* partial) {
    __local real scratch[WG];
    int i, j, k;
    const int P = cellIndex(get_global_id(0), &i, &j, &k);
    real change = R(0), bad = R(0), ur = R(0), uu = R(0);
    if (P >= 0) {
        const real x = xi[P];
        const real u = rate[P] + lambda * filteredDh[P];
        rate[P] = u;
        if (TAB(mat[P], T_MOBILE) != R(0)) {
            ur = u * (rhs[P] + lambda * dh[P]);
            uu = u * u;
        }
        change = dt * u;
        const real xu = x + change, xn = AllenCahnUpdate_resolved(xu);
        xiNext[P] = xn;
        change = fabs(change);
        if (!(xn >= XI_MIN && xn <= XI_MAX)) bad = R(1);
    }
    change = groupMax(scratch, change);
    bad = groupMax(scratch, bad);
    ur = groupSum(scratch, ur);
    uu = groupSum(scratch, uu);
    writeRows(partial, 3, change, bad, ur);
    if (get_local_id(0) == 0) partial[3 * get_num_groups(0) + get_group_id(0)] = uu;
}

/**
 * ImplicitNernstPlanck.step before its solve: the cell beta = dt D_eff, alpha = 1 + dt (the sink's
 * rate per unit c), and rhs = increment = the explicit increment cNext - c (cNext from nernstPlanck
 * without the limiter).
 */
__kernel void implicitNernstPlanckOperator(__global const real* c, __global const real* cNext, __global const real* xi, __global const uchar* mat,
                                           __global const real* table, __global real* cellBeta, __global real* rhs, __global real* increment,
                                           real dt, __global real* alpha, __global const real* phiL, __global const real* phiS,
                                           __global const real* film) {
    int i, j, k;
    const int P = cellIndex(get_global_id(0), &i, &j, &k);
    if (P < 0) return;
    cellBeta[P] = dt * dEff(xi, mat, table, P);
    // the reaction sink's stiff dependence on c, implicit (Rosenbrock-Euler)
    alpha[P] = R(1) + dt * sinkConcentrationRate(xi, c, phiL, phiS, mat, table, film, P);
    const real d = cNext[P] - c[P];
    rhs[P] = d;
    increment[P] = d;
}

/** ImplicitNernstPlanck.step after its solve: cNext = c + increment, the limiter at 0 (also flushes subnormals); row: 1 if not finite. */
__kernel void writeImplicitConcentration(__global const real* c, __global const real* increment, __global real* cNext, __global real* partial) {
    __local real scratch[WG];
    int i, j, k;
    const int P = cellIndex(get_global_id(0), &i, &j, &k);
    real bad = R(0);
    if (P >= 0) {
        const real cn = c[P] + increment[P];
        cNext[P] = cn < TINY ? R(0) : cn;
        if (!isfinite(cn)) bad = R(1);
    }
    writeRows(partial, 1, groupMax(scratch, bad), R(0), R(0));
}
