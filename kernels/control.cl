// Galvanostatic control (GalvanostaticControl) and the scalar measures of a step: each kernel
// writes one partial result per work-group (fixed tree order), finishReduction adds them.

/** Weight w of a voltage shift in the electronic potential: f_free h(xi) (single potential) or 1. */
inline real shiftWeight(__global const real* table, real x, int m) {
#if SINGLE_POTENTIAL
    return TAB(m, T_FREE) * Interpolation_h(x);
#else
    return R(1);
#endif
}

/** GalvanostaticControl.collect: reactionOld of every reactive cell; partial = sum f_free |R_old|. */
__kernel void collectReactions(__global const real* xi, __global const real* c, __global const real* phiL, __global const real* phiS,
                               __global const uchar* mat, __global const real* table, __global real* reactionOld,
                               __global real* partial, __global const real* film) {
    __local real scratch[WG];
    int i, j, k;
    int P = cellIndex(get_global_id(0), &i, &j, &k);
    real magnitude = R(0);
    if (P >= 0) {
        const real x = xi[P];
        const int m = mat[P];
        if (AllenCahnUpdate_reactive(table, x, m)) {
            const real e = overpotential(phiL, phiS, P);
            const real r = GalvanostaticControl_reaction(table, film, x, m, P, e, c[P]);
            reactionOld[P] = r;
            magnitude = TAB(m, T_FREE) * fabs(r);
        }
    }
    magnitude = groupSum(scratch, magnitude);
    if (get_local_id(0) == 0) partial[get_group_id(0)] = magnitude;
}

/** GalvanostaticControl.evaluate at shift dV: partial = sum f_free (R - R_old), then its derivative. */
__kernel void evaluateShift(__global const real* xi, __global const real* c, __global const real* phiL, __global const real* phiS,
                            __global const uchar* mat, __global const real* table, __global const real* reactionOld, real dV,
                            __global real* partial, __global const real* film) {
    __local real scratch[WG];
    int i, j, k;
    int P = cellIndex(get_global_id(0), &i, &j, &k);
    real s = R(0), d = R(0);
    if (P >= 0) {
        const real x = xi[P];
        const int m = mat[P];
        if (AllenCahnUpdate_reactive(table, x, m)) {
            const real w = shiftWeight(table, x, m), cP = c[P];
            const real e = overpotential(phiL, phiS, P) + dV * w;
            const real bv = ButlerVolmer_depositionFactor(e, cP, ALPHA, F_PER_V);
            const real filmDrop = AllenCahnUpdate_filmDrop(table, film, P, m);
            const real filmK = AllenCahnUpdate_filmKinetics(table, film, P, m);
            const real bvFilm = AllenCahnUpdate_growthFactor(filmDrop, filmK, x, e, cP, bv);
            const real free = TAB(m, T_FREE);
            s = free * (AllenCahnUpdate_reactionRate(table, x, m, e, bv, bvFilm) - reactionOld[P]);
            d = free * w * AllenCahnUpdate_reactionSlope(table, x, m, e, bv, ButlerVolmer_depositionFactorSlope(e, cP, ALPHA, F_PER_V),
                                                          FilmButlerVolmer_slope(e, cP, ALPHA, F_PER_V, filmDrop, filmK, bvFilm));
        }
    }
    s = groupSum(scratch, s);
    d = groupSum(scratch, d);
    if (get_local_id(0) == 0) {
        partial[get_group_id(0)] = s;
        partial[get_num_groups(0) + get_group_id(0)] = d;
    }
}

/** GalvanostaticControl.apply: corrects rate and xiNext by the shift dV, then phi_s += dV w. */
__kernel void applyShift(__global const real* xi, __global const real* c, __global const real* phiL, __global real* phiS,
                         __global const uchar* mat, __global const real* table, __global const real* reactionOld, real dV, real dt,
                         __global real* rate, __global real* xiNext, __global const real* film) {
    int i, j, k;
    int P = cellIndex(get_global_id(0), &i, &j, &k);
    if (P < 0) return;
    const real x = xi[P];
    const int m = mat[P];
    const real w = shiftWeight(table, x, m);
    if (AllenCahnUpdate_reactive(table, x, m)) {
        const real e = overpotential(phiL, phiS, P) + dV * w;
        const real dR = GalvanostaticControl_reaction(table, film, x, m, P, e, c[P]) - reactionOld[P];
        rate[P] += dR;
        xiNext[P] += dt * dR;
    }
    if (dV != R(0)) phiS[P] += dV * w;
}

/** partial = sum f_free field over the interior (DepositMetrics.perArea without the cell volume / area factor). */
__kernel void freeSum(__global const real* field, __global const uchar* mat, __global const real* table, __global real* partial) {
    __local real scratch[WG];
    int i, j, k;
    int P = cellIndex(get_global_id(0), &i, &j, &k);
    real s = P >= 0 ? TAB(mat[P], T_FREE) * field[P] : R(0);
    s = groupSum(scratch, s);
    if (get_local_id(0) == 0) partial[get_group_id(0)] = s;
}

/** ShortCircuitDetector's cheap test: partial = 1 if metal (f_free xi > 1/2) lies in planes k >= bandStart. */
__kernel void metalInBand(__global const real* xi, __global const uchar* mat, __global const real* table, int bandStart,
                          __global real* partial) {
    __local real scratch[WG];
    int i, j, k;
    int P = cellIndex(get_global_id(0), &i, &j, &k);
    real found = P >= 0 && k >= bandStart && TAB(mat[P], T_FREE) * xi[P] > R(0.5) ? R(1) : R(0);
    found = groupMax(scratch, found);
    if (get_local_id(0) == 0) partial[get_group_id(0)] = found;
}

/**
 * PotentialCoefficients.compute: sigma_l (single: the one conductivity), sigma_s (mixed) and the
 * reaction source q = n F c_s f_free rate.
 */
__kernel void potentialCoefficients(__global const real* xi, __global const real* rate, __global const uchar* mat,
                                    __global const real* table, __global real* sigmaL, __global real* sigmaS, __global real* source) {
    int i, j, k;
    int P = cellIndex(get_global_id(0), &i, &j, &k);
    if (P < 0) return;
    const int id = mat[P];
    const real free = TAB(id, T_FREE);
    const real m = free * Interpolation_h(xi[P]);
    const real sigmaIon = TAB(id, T_SIGMA_ION);
#if SINGLE_POTENTIAL
    sigmaL[P] = fmax(METAL_CONDUCTIVITY * m + sigmaIon * (R(1) - m), FLOOR_L);
#else
    sigmaL[P] = fmax(sigmaIon * (R(1) - m) + METAL_IONIC * m, FLOOR_L);
    sigmaS[P] = fmax(METAL_CONDUCTIVITY * m + TAB(id, T_SIGMA_EL) * (R(1) - m), FLOOR_S);
#endif
    source[P] = CHARGE_DENSITY * free * rate[P];
}

/**
 * DepositMetrics.frontHeight_m: one item per column, the highest crossing of f_free xi = 1/2,
 * interpolated between cell centres; partial = the work-group's maximum (0 without metal).
 */
__kernel void frontHeight(__global const real* xi, __global const uchar* mat, __global const real* table, __global real* partial) {
    __local real scratch[WG];
    const int col = get_global_id(0);
    real best = R(0);
    if (col < NX * NY) {
        const int i = col % NX, j = col / NX;
        for (int k = NZ - 1; k >= 0; k--) {
            const int P = ((k + 1) * SY + (j + GY)) * SX + (i + 1);
            const real m = TAB(mat[P], T_FREE) * xi[P];
            if (m < R(0.5)) continue;
            real z = (k + R(0.5)) * DX;
            if (k < NZ - 1) {
                const real above = TAB(mat[P + STRIDE_Z], T_FREE) * xi[P + STRIDE_Z];
                z += DX * (m - R(0.5)) / (m - above);
            } else {
                z = NZ * DX;
            }
            best = z;
            break;
        }
    }
    best = groupMax(scratch, best);
    if (get_local_id(0) == 0) partial[get_group_id(0)] = best;
}
