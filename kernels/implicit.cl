// The semi-implicit step (docs/MODEL.md section 5.3.2; LinearlyImplicitAllenCahn, ImplicitNernstPlanck):
// the operators and right-hand sides of its two linear solves (solved by potentials.cl's multigrid-PCG
// with a diagonal term), the volume restoring of the filtered rates and the new fields. Reductions
// write one row of partial results per quantity (row q at partial[q * groups + group]).

/** Anisotropy.kappa2D: kappa / kappa0 = 1 + delta cos(omega (theta - theta0)), theta the angle of (gx, gz). */
inline real Anisotropy_kappa2D(real gx, real gz) {
    if (ANISO_STRENGTH == R(0) || (gx == R(0) && gz == R(0))) return R(1);
    return R(1) + ANISO_STRENGTH * cos(ANISO_MODE * (atan2(gz, gx) - ANISO_ANGLE));
}

/**
 * LinearlyImplicitAllenCahn.setOperator and the filter's right-hand side: in the mobile cells
 * alpha = 1 + dt Ls W g''(xi) and the cell beta = dt Ls kappa0 kappa(theta), theta from central
 * differences (their scale cancels); frozen cells alpha = 1, beta = 0; rhs = rate. Rows: the raw
 * rates' sum f_free rate (their metal volume), and max |rate| over the mobile cells.
 */
__kernel void implicitAllenCahnOperator(__global const real* xi, __global const uchar* mat, __global const real* table, __global const real* rate,
                                        __global real* alpha, __global real* cellBeta, __global real* rhs, real lsW, real lsKappa,
                                        __global real* partial) {
    __local real scratch[WG];
    int i, j, k;
    const int P = cellIndex(get_global_id(0), &i, &j, &k);
    real volume = R(0), rawMax = R(0);
    if (P >= 0) {
        const int m = mat[P];
        const real r = rate[P];
        rhs[P] = r;
        volume = TAB(m, T_FREE) * r;
        if (TAB(m, T_MOBILE) == R(0)) {
            alpha[P] = R(1);
            cellBeta[P] = R(0);
        } else {
            alpha[P] = R(1) + lsW * DoubleWell_d2g(xi[P]);
            const real gx = xi[P + 1] - xi[P - 1], gz = xi[P + STRIDE_Z] - xi[P - STRIDE_Z];
#if STRIDE_Y == 0
            const real a = Anisotropy_kappa2D(gx, gz);
#else
            const real a = Anisotropy_kappa3D(gx, xi[P + STRIDE_Y] - xi[P - STRIDE_Y], gz, ANISO_STRENGTH);
#endif
            cellBeta[P] = lsKappa * a;
            rawMax = fabs(r);
        }
    }
    volume = groupSum(scratch, volume);
    writeRows(partial, 2, volume, groupMax(scratch, rawMax), R(0));
}

/** LinearlyImplicitAllenCahn.restoreVolume's sums over the mobile cells of the filtered rates u: rows sum f_free u, sum f_free h'(xi). */
__kernel void filteredRateSums(__global const real* xi, __global const uchar* mat, __global const real* table, __global const real* rate,
                               __global real* partial) {
    __local real scratch[WG];
    int i, j, k;
    const int P = cellIndex(get_global_id(0), &i, &j, &k);
    const real free = P >= 0 && TAB(mat[P], T_MOBILE) != R(0) ? TAB(mat[P], T_FREE) : R(0);
    const real sum = groupSum(scratch, free != R(0) ? free * rate[P] : R(0));
    writeRows(partial, 2, sum, groupSum(scratch, free != R(0) ? free * Interpolation_dh(xi[P]) : R(0)), R(0));
}

/**
 * LinearlyImplicitAllenCahn.restoreVolume's correction u += lambda h'(xi) in the mobile cells, then
 * writeNext: xiNext = xi + dt u. Rows: max |dt u|, 1 where xiNext left [XI_MIN, XI_MAX], and max |u|
 * over the mobile cells (the filtered rates the step applies).
 */
__kernel void restoreVolumeAndWriteNext(__global const real* xi, __global const uchar* mat, __global const real* table, __global real* rate,
                                        __global real* xiNext, real lambda, real dt, __global real* partial) {
    __local real scratch[WG];
    int i, j, k;
    const int P = cellIndex(get_global_id(0), &i, &j, &k);
    real change = R(0), bad = R(0), filteredMax = R(0);
    if (P >= 0) {
        const real x = xi[P];
        real u = rate[P];
        if (TAB(mat[P], T_MOBILE) != R(0)) {
            u += lambda * Interpolation_dh(x);
            rate[P] = u;
            filteredMax = fabs(u);
        }
        change = dt * u;
        const real xu = x + change, xn = fabs(xu) < TINY ? R(0) : xu;
        xiNext[P] = xn;
        change = fabs(change);
        if (!(xn >= XI_MIN && xn <= XI_MAX)) bad = R(1);
    }
    change = groupMax(scratch, change);
    bad = groupMax(scratch, bad);
    writeRows(partial, 3, change, bad, groupMax(scratch, filteredMax));
}

/**
 * ImplicitNernstPlanck.step before its solve: the cell beta = dt D_eff, and rhs = increment = the
 * explicit increment cNext - c (cNext from nernstPlanck without the limiter).
 */
__kernel void implicitNernstPlanckOperator(__global const real* c, __global const real* cNext, __global const real* xi, __global const uchar* mat,
                                           __global const real* table, __global real* cellBeta, __global real* rhs, __global real* increment,
                                           real dt) {
    int i, j, k;
    const int P = cellIndex(get_global_id(0), &i, &j, &k);
    if (P < 0) return;
    cellBeta[P] = dt * dEff(xi, mat, table, P);
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
