// Explicit Nernst-Planck update (NernstPlanckUpdate) with Scharfetter-Gummel face fluxes: one item
// per interior cell, each face computed with the arithmetic of the host loop (the host carries a
// face between neighbours; recomputing it gives the same numbers), fused with the reductions of
// the largest diagonal rate and the bound check.

/** NernstPlanckUpdate.diffusivity_m2_per_s: D_eff of one cell, m^2/s (ghost cells hold copies of xi and the id). */
inline real dEff(__global const real* xi, __global const uchar* mat, __global const real* table, int P) {
    const int m = mat[P];
    const real metal = TAB(m, T_FREE) * Interpolation_h(xi[P]);
    return TAB(m, T_DIFF) * (R(1) - metal) + METAL_DIFFUSIVITY * metal;
}

/**
 * partial[group] = max diagonal rate, partial[groups + group] = 1 if cNext fell below 0 (limitAtZero) or
 * is not finite (without the limiter: the plain explicit update, which a semi-implicit step filters first).
 */
__kernel void nernstPlanck(__global const real* c, __global const real* phi, __global const real* xi, __global const real* rate,
                           __global const uchar* mat, __global const real* table, __global real* cNext, real dt,
                           __global real* partial, int limitAtZero) {
    __local real scratch[WG];
    int i, j, k;
    int P = cellIndex(get_global_id(0), &i, &j, &k);
    real maxDiag = R(0), bad = R(0);
    if (P >= 0) {
        const real invDx2 = R(1) / (DX * DX), fF = F_PER_V;
        const real DP = dEff(xi, mat, table, P);
        const real cP = c[P], phP = phi[P];
        // west face, as the host's carry from the east face of P - 1
        real Df = harmonic(dEff(xi, mat, table, P - 1), DP), psi = fF * (phP - phi[P - 1]);
        real b = ScharfetterGummel_bernoulli(psi);
        const real westIn = -(Df * ((b + psi) * cP - b * c[P - 1])), westDiag = Df * (b + psi);
        Df = harmonic(DP, dEff(xi, mat, table, P + 1));
        psi = fF * (phi[P + 1] - phP);
        b = ScharfetterGummel_bernoulli(psi);
        const real eastIn = Df * ((b + psi) * c[P + 1] - b * cP);
        real in = westIn + eastIn, diag = westDiag + Df * b;
        if (k > 0) {
            const int L = P - STRIDE_Z;
            const real DfB = harmonic(dEff(xi, mat, table, L), DP), psiB = fF * (phP - phi[L]);
            const real bB = ScharfetterGummel_bernoulli(psiB);
            in -= DfB * ((bB + psiB) * cP - bB * c[L]);
            diag += DfB * (bB + psiB);
        }
        if (k < NZ - 1) {
            const int U = P + STRIDE_Z;
            const real DfT = harmonic(DP, dEff(xi, mat, table, U)), psiT = fF * (phi[U] - phP);
            const real bT = ScharfetterGummel_bernoulli(psiT);
            in += DfT * ((bT + psiT) * c[U] - bT * cP);
            diag += DfT * bT;
        }
#if STRIDE_Y != 0
        for (int q = 0; q < 2; q++) {
            const int N = q == 0 ? P + STRIDE_Y : P - STRIDE_Y;
            const real DfN = harmonic(DP, dEff(xi, mat, table, N)), psiN = fF * (phi[N] - phP);
            const real bN = ScharfetterGummel_bernoulli(psiN);
            in += DfN * ((bN + psiN) * c[N] - bN * cP);
            diag += DfN * bN;
        }
#endif
        if (k == NZ - 1) {
            // reservoir face half a cell above: c = 1, phi_l = 0, conductance doubled
            const real DfR = R(2) * DP, psiR = -fF * phP, bR = ScharfetterGummel_bernoulli(psiR);
            in += DfR * ((bR + psiR) - bR * cP);
            diag += DfR * bR;
        }
        // ion-availability limiter: see NernstPlanckUpdate
        const real cu = cP + dt * (in * invDx2 - SITE_RATIO * TAB(mat[P], T_FREE) * rate[P]);
        const real cn = (limitAtZero ? cu : fabs(cu)) < TINY ? R(0) : cu;
        cNext[P] = cn;
        maxDiag = diag * invDx2;
        if (limitAtZero ? !(cn >= R(0)) : !isfinite(cn)) bad = R(1);
    }
    maxDiag = groupMax(scratch, maxDiag);
    bad = groupMax(scratch, bad);
    if (get_local_id(0) == 0) {
        partial[get_group_id(0)] = maxDiag;
        partial[get_num_groups(0) + get_group_id(0)] = bad;
    }
}
