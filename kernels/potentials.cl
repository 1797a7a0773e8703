// The potential solves on the device: the operator A phi = -div(beta grad phi) of
// VariableCoefficientPoisson / Level on any multigrid level, the W-cycle's smoother and transfers
// (MultigridPreconditioner) and PCG's vector operations (PcgSolver), with the host's arithmetic.
// Levels differ in size, so their geometry is passed as arguments: GEOM and DERIVED below.
// The implicit steps' operator alpha u - div(beta grad u) adds a diagonal term per cell (Level.shift):
// kernels that read the diagonal take the buffer and a flag (SHIFT below; 0 without one).

#define GEOM int nx, int ny, int nz, int gy
#define DERIVED const int sx = nx + 2, sy = ny + 2 * gy, sY = gy ? sx : 0, sZ = sx * sy
/** Padded index of cell g of a level (x fastest), or -1 beyond it; sets i, j, k. */
#define LEVEL_CELL(g) ((g) < nx * ny * nz ? (((g) / nx / ny + 1) * sy + ((g) / nx % ny + gy)) * sx + ((g) % nx + 1) : -1)
#define LEVEL_IJK(g) const int i = (g) % nx, j = (g) / nx % ny, k = (g) / nx / ny
/** The diagonal term of cell c, or 0 (adding 0 leaves the pure diffusion operator's sums unchanged). */
#define SHIFT(c) (hasShift ? shift[c] : R(0))

/**
 * VariableCoefficientPoisson.setCellCoefficients (ImplicitSolve.setFaces): face conductivities from cell
 * values, harmonic means that vanish where either cell's value does.
 */
__kernel void setFaceCoefficients(__global const real* sigma, __global real* bx, __global real* by, __global real* bz, GEOM) {
    DERIVED;
    const int g = get_global_id(0), c = LEVEL_CELL(g);
    if (c < 0) return;
    LEVEL_IJK(g);
    const int s = c - i;
    const real a = sigma[c];
    const int east = c + 1 == s + nx ? s : c + 1;
    bx[c] = harmonic(a, sigma[east]);
    if (gy) by[c] = harmonic(a, sigma[c + (j == ny - 1 ? -(ny - 1) * sY : sY)]);
    bz[c] = k == nz - 1 ? a : harmonic(a, sigma[c + sZ]);
    if (k == 0) bz[c - sZ] = a;
}

/** Level.updateTransmissibilities, first loop: t = beta / h^2 with the boundary factors (fBottom, fTop already times 1/h^2). */
__kernel void transmissibilities(__global const real* bx, __global const real* by, __global const real* bz,
                                 __global real* tx, __global real* ty, __global real* tz, real inv, real fBottom, real fTop, GEOM) {
    DERIVED;
    const int g = get_global_id(0), c = LEVEL_CELL(g);
    if (c < 0) return;
    LEVEL_IJK(g);
    const real fUp = k == nz - 1 ? fTop : inv;
    const real t = nx == 1 ? R(0) : bx[c] * inv;
    tx[c] = t;
    tz[c] = bz[c] * fUp;
    if (i == nx - 1) tx[c - i - 1] = t;
    if (gy) ty[c] = by[c] * inv;
    if (k == 0) tz[c - sZ] = bz[c - sZ] * fBottom;
}

/** Level.updateTransmissibilities, second loop: 1 / diag(A)^2. */
__kernel void inverseDiagonalSquared(__global const real* tx, __global const real* ty, __global const real* tz, __global real* invDiagSq,
                                     __global const real* shift, int hasShift, GEOM) {
    DERIVED;
    const int g = get_global_id(0), c = LEVEL_CELL(g);
    if (c < 0) return;
    LEVEL_IJK(g);
    const int os = j == 0 ? (ny - 1) * sY : -sY;
    real d = tx[c - 1] + tx[c] + tz[c - sZ] + tz[c] + (gy ? ty[c + os] + ty[c] : R(0));
    if (hasShift) d += shift[c];
    invDiagSq[c] = R(1) / (d * d);
}

/** Level.wrapRow for every row: the periodic x-ghosts. */
__kernel void wrapRows(__global real* x, GEOM) {
    DERIVED;
    const int r = get_global_id(0);
    if (r >= ny * nz) return;
    const int s = ((r / ny + 1) * sy + (r % ny + gy)) * sx + 1;
    x[s - 1] = x[s + nx - 1];
    x[s + nx] = x[s];
}

/** (A x)_c with homogeneous boundary values (zero beyond the bottom and top), sh the diagonal term; the host's term order. */
inline real applyCell(__global const real* x, __global const real* tx, __global const real* ty, __global const real* tz, real sh,
                      int c, int j, int k, int nx, int ny, int nz, int gy, int sY, int sZ) {
    const real xd = k > 0 ? x[c - sZ] : R(0), xu = k < nz - 1 ? x[c + sZ] : R(0);
    const real tw = tx[c - 1], te = tx[c], td = tz[c - sZ], tu = tz[c];
    if (!gy) return (tw + te + td + tu + sh) * x[c] - tw * x[c - 1] - te * x[c + 1] - td * xd - tu * xu;
    const int os = j == 0 ? (ny - 1) * sY : -sY, on = j == ny - 1 ? -(ny - 1) * sY : sY;
    const real ts = ty[c + os], tn = ty[c];
    return (tw + te + ts + tn + td + tu + sh) * x[c] - tw * x[c - 1] - te * x[c + 1] - ts * x[c + os] - tn * x[c + on] - td * xd - tu * xu;
}

/**
 * LatticeDeflation's projection at the cells of its support (interior indices cells[n], mode weights w[n]):
 * values[n] = w (r - A z), or w r without z (z's x-ghosts refreshed before).
 */
__kernel void deflationValues(__global const int* cells, __global const real* w, __global const real* r, __global const real* z, int withZ,
                              __global const real* tx, __global const real* ty, __global const real* tz, __global real* values, int count,
                              __global const real* shift, int hasShift, GEOM) {
    DERIVED;
    const int n = get_global_id(0);
    if (n >= count) return;
    const int g = cells[n], c = LEVEL_CELL(g);
    LEVEL_IJK(g);
    values[n] = w[n] * (withZ ? r[c] - applyCell(z, tx, ty, tz, SHIFT(c), c, j, k, nx, ny, nz, gy, sY, sZ) : r[c]);
}

/** LatticeDeflation's correction: v += corrections[n] at support cell cells[n] (the x-ghosts are left stale). */
__kernel void deflationAdd(__global const int* cells, __global const real* corrections, __global real* v, int count, GEOM) {
    DERIVED;
    const int n = get_global_id(0);
    if (n >= count) return;
    v[LEVEL_CELL(cells[n])] += corrections[n];
}

/** Level.residual: r = b - A x; partial = sum r^2 / diag^2 (x-ghosts refreshed before). */
__kernel void residual(__global const real* x, __global const real* b, __global real* r, __global const real* tx, __global const real* ty,
                       __global const real* tz, __global const real* invDiagSq, __global real* partial, __global const real* shift, int hasShift,
                       GEOM) {
    __local real scratch[WG];
    DERIVED;
    const int g = get_global_id(0), c = LEVEL_CELL(g);
    real sum = R(0);
    if (c >= 0) {
        LEVEL_IJK(g);
        const real rc = b[c] - applyCell(x, tx, ty, tz, SHIFT(c), c, j, k, nx, ny, nz, gy, sY, sZ);
        r[c] = rc;
        sum = rc * rc * invDiagSq[c];
    }
    sum = groupSum(scratch, sum);
    if (get_local_id(0) == 0) partial[get_group_id(0)] = sum;
}

/** Level.applyDot: out = A x; partial = sum x . A x (x-ghosts refreshed before). */
__kernel void applyDot(__global const real* x, __global real* out, __global const real* tx, __global const real* ty, __global const real* tz,
                       __global real* partial, __global const real* shift, int hasShift, GEOM) {
    __local real scratch[WG];
    DERIVED;
    const int g = get_global_id(0), c = LEVEL_CELL(g);
    real sum = R(0);
    if (c >= 0) {
        LEVEL_IJK(g);
        const real ax = applyCell(x, tx, ty, tz, SHIFT(c), c, j, k, nx, ny, nz, gy, sY, sZ);
        out[c] = ax;
        sum = x[c] * ax;
    }
    sum = groupSum(scratch, sum);
    if (get_local_id(0) == 0) partial[get_group_id(0)] = sum;
}

/** Level.smooth: one red-black Gauss-Seidel half-sweep over the cells with (i + j + k + colour) even. */
__kernel void smooth(__global real* x, __global const real* b, __global const real* tx, __global const real* ty, __global const real* tz,
                     int colour, __global const real* shift, int hasShift, GEOM) {
    DERIVED;
    const int g = get_global_id(0), c = LEVEL_CELL(g);
    if (c < 0) return;
    LEVEL_IJK(g);
    if (((i + j + k + colour) & 1) != 0) return;
    const real xd = k > 0 ? x[c - sZ] : R(0), xu = k < nz - 1 ? x[c + sZ] : R(0);
    const real tw = tx[c - 1], te = tx[c], td = tz[c - sZ], tu = tz[c], sh = SHIFT(c);
    real v;
    if (!gy) {
        v = (b[c] + tw * x[c - 1] + te * x[c + 1] + td * xd + tu * xu) / (tw + te + td + tu + sh);
    } else {
        const int os = j == 0 ? (ny - 1) * sY : -sY, on = j == ny - 1 ? -(ny - 1) * sY : sY;
        const real ts = ty[c + os], tn = ty[c];
        v = (b[c] + tw * x[c - 1] + te * x[c + 1] + ts * x[c + os] + tn * x[c + on] + td * xd + tu * xu) / (tw + te + ts + tn + td + tu + sh);
    }
    x[c] = v;
    // with nx even the row's two ends have different colours, so no cell of this half-sweep reads
    // the ghost an end writes: the periodic ghosts are refreshed here (odd nx: by wrapRows after)
    if ((nx & 1) == 0) {
        if (i == nx - 1) x[c - nx] = v;
        if (i == 0) x[c + nx] = v;
    }
}

/** MultigridPreconditioner.restrict: coarse b = average of the 2^d fine children (geometry of the coarse level). */
__kernel void restrictResidual(__global const real* rf, __global real* bc, GEOM) {
    DERIVED;
    const int g = get_global_id(0), cc = LEVEL_CELL(g);
    if (cc < 0) return;
    LEVEL_IJK(g);
    const int fnx = 2 * nx, fny = gy ? 2 * ny : 1, fsx = fnx + 2, fsy = fny + 2 * gy, fsY = gy ? fsx : 0, fsZ = fsx * fsy;
    const int f = ((2 * k + 1) * fsy + ((gy ? 2 * j : 0) + gy)) * fsx + 1 + 2 * i;
    real sum = rf[f] + rf[f + 1] + rf[f + fsZ] + rf[f + fsZ + 1];
    if (gy) sum += rf[f + fsY] + rf[f + fsY + 1] + rf[f + fsZ + fsY] + rf[f + fsZ + fsY + 1];
    bc[cc] = (gy ? R(0.125) : R(0.25)) * sum;
}

/** MultigridPreconditioner.prolongAdd: fine x += parent's value (geometry of the fine level), ghosts included. */
__kernel void prolongAdd(__global const real* xc, __global real* xf, GEOM) {
    DERIVED;
    const int g = get_global_id(0), c = LEVEL_CELL(g);
    if (c < 0) return;
    LEVEL_IJK(g);
    const int cnx = nx / 2, cny = gy ? ny / 2 : 1, csx = cnx + 2, csy = cny + 2 * gy;
    const real v = xf[c] + xc[((k / 2 + 1) * csy + ((gy ? j / 2 : 0) + gy)) * csx + 1 + i / 2];
    xf[c] = v;
    // the periodic ghosts of the row (no cell here reads them)
    if (i == nx - 1) xf[c - nx] = v;
    if (i == 0) xf[c + nx] = v;
}

/** MultigridPreconditioner.coarsenCoefficients: coarse faces = mean of the fine faces that form them (coarse geometry). */
__kernel void coarsenCoefficients(__global const real* fx, __global const real* fy, __global const real* fz,
                                  __global real* cx, __global real* cy, __global real* cz, GEOM) {
    DERIVED;
    const int g = get_global_id(0), cc = LEVEL_CELL(g);
    if (cc < 0) return;
    LEVEL_IJK(g);
    const int fnx = 2 * nx, fny = gy ? 2 * ny : 1, fsx = fnx + 2, fsy = fny + 2 * gy;
    const int i0 = 2 * i, j0 = gy ? 2 * j : 0, k0 = 2 * k, nj = gy ? 2 : 1;
    const real w = gy ? R(0.25) : R(0.5);
    real sx_ = R(0), sy_ = R(0), sz_ = R(0), sb = R(0);
    for (int dk = 0; dk < 2; dk++)
        for (int dj = 0; dj < nj; dj++) {
            sx_ += fx[((k0 + dk + 1) * fsy + (j0 + dj + gy)) * fsx + (i0 + 1 + 1)];
            if (gy) sy_ += fy[((k0 + dk + 1) * fsy + (j0 + 1 + gy)) * fsx + (i0 + dj + 1)];
            sz_ += fz[((k0 + 1 + 1) * fsy + (j0 + dj + gy)) * fsx + (i0 + dk + 1)];
            if (k == 0) sb += fz[((-1 + 1) * fsy + (j0 + dj + gy)) * fsx + (i0 + dk + 1)];
        }
    cx[cc] = w * sx_;
    if (gy) cy[cc] = w * sy_;
    cz[cc] = w * sz_;
    if (k == 0) cz[cc - sZ] = w * sb;
}

/**
 * MultigridPreconditioner.coarseShift: a coarse cell's diagonal term is the mean of its children's, negative
 * ones counted as 0, so that coarse levels stay positive definite (coarse geometry).
 */
__kernel void coarsenShift(__global const real* fine, __global real* coarse, GEOM) {
    DERIVED;
    const int g = get_global_id(0), cc = LEVEL_CELL(g);
    if (cc < 0) return;
    LEVEL_IJK(g);
    const int fsx = 2 * nx + 2, fsy = (gy ? 2 * ny : 1) + 2 * gy;
    const int i0 = 2 * i, j0 = gy ? 2 * j : 0, k0 = 2 * k, nj = gy ? 2 : 1;
    real sum = R(0);
    for (int dk = 0; dk < 2; dk++)
        for (int dj = 0; dj < nj; dj++)
            for (int di = 0; di < 2; di++) sum += fmax(R(0), fine[((k0 + dk + 1) * fsy + (j0 + dj + gy)) * fsx + (i0 + di + 1)]);
    coarse[cc] = sum / (gy ? R(8) : R(4));
}

/** Right-hand side of div(sigma grad phi) = sign q as A phi = f: f = -sign q plus the Dirichlet boundary terms. */
__kernel void potentialRhs(__global const real* q, __global real* rhs, __global const real* tz, real s, real bottomV, real topV, GEOM) {
    DERIVED;
    const int g = get_global_id(0), c = LEVEL_CELL(g);
    if (c < 0) return;
    LEVEL_IJK(g);
    real v = s * q[c];
    if (k == 0) v += tz[c - sZ] * bottomV;
    if (k == nz - 1) v += tz[c] * topV;
    rhs[c] = v;
}

/** PotentialSolver.currentIntoTop before the average: partial = sum over the top cells of 2 sigma (topV - phi) / dx. */
__kernel void currentIntoTop(__global const real* sigma, __global const real* phi, real topV, real dx, __global real* partial, GEOM) {
    __local real scratch[WG];
    DERIVED;
    const int g = get_global_id(0), c = LEVEL_CELL(g);
    real sum = R(0);
    if (c >= 0 && g / nx / ny == nz - 1) sum = R(2) * sigma[c] * (topV - phi[c]) / dx;
    sum = groupSum(scratch, sum);
    if (get_local_id(0) == 0) partial[get_group_id(0)] = sum;
}

/** Level.scaledNorm2 / dot / copyDot: partial = sum a . w (w = b, or 1/diag^2 times a); dst = a when copy != 0. */
__kernel void weightedDot(__global const real* a, __global const real* w, __global real* dst, int copy, int squareWeights,
                          __global real* partial, GEOM) {
    __local real scratch[WG];
    DERIVED;
    const int g = get_global_id(0), c = LEVEL_CELL(g);
    real sum = R(0);
    if (c >= 0) {
        if (copy) dst[c] = a[c];
        sum = squareWeights ? a[c] * a[c] * w[c] : a[c] * w[c];
    }
    sum = groupSum(scratch, sum);
    if (get_local_id(0) == 0) partial[get_group_id(0)] = sum;
}

/** Level.updateXR: x += alpha p; r -= alpha q; partial = sum r^2 / diag^2. */
__kernel void updateXR(__global real* x, __global real* r, __global const real* p, __global const real* q, real alpha,
                       __global const real* invDiagSq, __global real* partial, GEOM) {
    __local real scratch[WG];
    DERIVED;
    const int g = get_global_id(0), c = LEVEL_CELL(g);
    real sum = R(0);
    if (c >= 0) {
        x[c] += alpha * p[c];
        const real rc = r[c] - alpha * q[c];
        r[c] = rc;
        sum = rc * rc * invDiagSq[c];
    }
    sum = groupSum(scratch, sum);
    if (get_local_id(0) == 0) partial[get_group_id(0)] = sum;
}

/** Level.updateP: p = z + beta p. */
__kernel void updateP(__global real* p, __global const real* z, real beta, GEOM) {
    DERIVED;
    const int g = get_global_id(0), c = LEVEL_CELL(g);
    if (c >= 0) p[c] = z[c] + beta * p[c];
}
