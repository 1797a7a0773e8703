package org.lipf.linear;

import org.lipf.grid.Grid;
import org.lipf.grid.Parallel;

/**
 * One grid level of the operator {@code A phi = -div(beta grad phi)} (plus an optional diagonal
 * term {@code alpha phi}, see {@link #shift}): face conductivities, the
 * derived face transmissibilities and the fused stencil loops shared by the fine operator and the
 * multigrid hierarchy.
 *
 * <p>Per face the transmissibility is {@code t = beta / h^2} (S/m^3), so that
 * {@code (A x)_c = sum_faces t_f (x_c - x_nb)} approximates {@code -div(beta grad x)} per unit volume.
 * At a Dirichlet boundary face {@code t = 2 beta / h^2} (the value sits half a cell away) and the
 * neighbour value is taken as 0 (the homogeneous part; the boundary value goes into the
 * right-hand side); at a zero-flux face {@code t = 0}. The diagonal is the sum of the face
 * transmissibilities: the stencil computes it on the fly, the smoother multiplies by its stored inverse
 * ({@link #invDiag}).
 *
 * <p>Index conventions follow {@link Grid}: {@code tx[c]} is the +x face of cell c; the ghost entry
 * {@code tx[c(-1)]} holds the periodic wrap face (a copy of {@code tx[c(nx-1)]}). {@code ty[c]} is
 * the +y face (the -y face of row 0 is {@code ty} of row ny-1, found by the per-row wrap offset).
 * {@code tz[c]} is the +z face; the bottom boundary face lives in the k = -1 ghost plane and the
 * top one at k = nz-1.
 *
 * <p>Every loop runs over z-planes on {@link Parallel}; every value written depends only on its
 * cell, so results are bit-identical for any thread count. Loops over a field read its x-ghosts:
 * every routine that writes x refreshes the x-ghosts of the rows it wrote.
 */
final class Level {
    private static final int SERIAL_BELOW_CELLS = 16384;
    private static final Parallel SERIAL = Parallel.serial();
    final Grid g;
    final Parallel par;
    final int nx, ny, nz, sY, sZ;
    final boolean is3D;
    final double factorBottom, factorTop;
    /** Face conductivities, S/m. */
    final double[] betaX, betaY, betaZ;
    /** Face transmissibilities beta/h^2 (boundary factors applied), S/m^3. */
    final double[] tx, ty, tz;
    /**
     * Per-cell diagonal term alpha of {@code alpha x - div(beta grad x)} (a Helmholtz operator, the
     * form of the implicit field updates), in the units of t; null for the pure diffusion operator.
     */
    final double[] shift;
    /**
     * 1 / diag(A)^2 per cell: the weights of the Jacobi-scaled residual norm ||D^-1 r||, in volts,
     * which the solvers use to stop (see {@link PcgSolver}).
     */
    final double[] invDiagSq;
    /**
     * 1 / diag(A) per cell, for the smoother: a Gauss-Seidel update that divides by the diagonal it sums from its
     * faces spends a division and four (2D) or six (3D) additions per cell on it; a load instead made paper B's
     * SC-nano cell, where the smoother is half of the time, 5-8 % faster (docs/PERFORMANCE.md).
     */
    final double[] invDiag;
    /** One zero plane: stands in for the neighbour values beyond the bottom and top boundaries. */
    final double[] zeroPlane;
    final double[] planeSums;
    /** Planes whose second colour a {@link #sweep} has done in its first pass (all false between sweeps). */
    private final boolean[] secondDone;
    /** Whether the stencil rows run in SIMD lanes ({@link LevelLanes}; the same numbers). */
    final boolean lanes;

    Level(Grid g, Parallel par, BoundaryCondition.Kind bottom, BoundaryCondition.Kind top, boolean withShift, boolean lanes) {
        this.g = g;
        this.lanes = lanes;
        // small coarse levels run on the calling thread: dispatching them would cost more than the work
        this.par = g.cellCount() < SERIAL_BELOW_CELLS ? SERIAL : par;
        this.nx = g.nx;
        this.ny = g.ny;
        this.nz = g.nz;
        this.sY = g.strideY;
        this.sZ = g.strideZ;
        this.is3D = g.is3D();
        this.factorBottom = bottom == BoundaryCondition.Kind.DIRICHLET ? 2.0 : 0.0;
        this.factorTop = top == BoundaryCondition.Kind.DIRICHLET ? 2.0 : 0.0;
        int n = g.paddedLength();
        betaX = new double[n];
        betaY = is3D ? new double[n] : null;
        betaZ = new double[n];
        tx = new double[n];
        ty = is3D ? new double[n] : null;
        tz = new double[n];
        invDiagSq = new double[n];
        invDiag = new double[n];
        shift = withShift ? new double[n] : null;
        zeroPlane = new double[sZ];
        planeSums = new double[nz];
        secondDone = new boolean[nz];
    }

    /** Offset from a cell in row j to its -y neighbour (periodic). */
    int offS(int j) {
        return j == 0 ? (ny - 1) * sY : -sY;
    }

    /** Offset from a cell in row j to its +y neighbour (periodic). */
    int offN(int j) {
        return j == ny - 1 ? -(ny - 1) * sY : sY;
    }

    /** Array that holds the -z neighbour values of plane k: x itself, or the zero plane at k = 0. */
    double[] below(double[] x, int k) {
        return k == 0 ? zeroPlane : x;
    }

    /** Array that holds the +z neighbour values of plane k: x itself, or the zero plane at the top. */
    double[] above(double[] x, int k) {
        return k == nz - 1 ? zeroPlane : x;
    }

    /** Offset to the +z neighbour of plane k within {@link #above}. */
    int offUp(int k) {
        return k == nz - 1 ? -nz * sZ : sZ;
    }

    /** Recomputes tx, ty, tz from the beta arrays. */
    void updateTransmissibilities() {
        final double inv = 1.0 / (g.dx_m * g.dx_m);
        par.forSlabs(nz, (k0, k1) -> {
            for (int k = k0; k < k1; k++) {
                double fUp = k == nz - 1 ? factorTop * inv : inv;
                for (int j = 0; j < ny; j++) {
                    int s = g.rowStart(j, k);
                    for (int c = s; c < s + nx; c++) {
                        tx[c] = nx == 1 ? 0.0 : betaX[c] * inv;
                        tz[c] = betaZ[c] * fUp;
                    }
                    tx[s - 1] = tx[s + nx - 1];
                    if (is3D) for (int c = s; c < s + nx; c++) ty[c] = betaY[c] * inv;
                    if (k == 0) {
                        double fb = factorBottom * inv;
                        for (int c = s - sZ; c < s - sZ + nx; c++) tz[c] = betaZ[c] * fb;
                    }
                }
            }
        });
        // the diagonal needs the wrapped -x and -y faces and the bottom faces set above
        par.forSlabs(nz, (k0, k1) -> {
            for (int k = k0; k < k1; k++)
                for (int j = 0; j < ny; j++) {
                    int s = g.rowStart(j, k), os = is3D ? offS(j) : 0;
                    for (int c = s; c < s + nx; c++) {
                        double d = tx[c - 1] + tx[c] + tz[c - sZ] + tz[c] + (is3D ? ty[c + os] + ty[c] : 0.0);
                        if (shift != null) d += shift[c];
                        invDiagSq[c] = 1.0 / (d * d);
                        invDiag[c] = 1.0 / d;
                    }
                }
        });
    }

    /** ||D^-1 v||^2 over the interior: the Jacobi-scaled norm, V^2. */
    double scaledNorm2(double[] v) {
        return par.sumOverPlanes(nz, planeSums, k -> {
            double sum = 0;
            for (int j = 0; j < ny; j++) {
                int s = g.rowStart(j, k);
                for (int c = s; c < s + nx; c++) sum += v[c] * v[c] * invDiagSq[c];
            }
            return sum;
        });
    }

    /** Copies the periodic x-ghosts of one row from its interior ends. */
    static void wrapRow(double[] x, int s, int nx) {
        x[s - 1] = x[s + nx - 1];
        x[s + nx] = x[s];
    }

    /** Refreshes the x-ghosts of every row of x. */
    void fillGhosts(double[] x) {
        par.forSlabs(nz, (k0, k1) -> {
            for (int k = k0; k < k1; k++)
                for (int j = 0; j < ny; j++) wrapRow(x, g.rowStart(j, k), nx);
        });
    }

    /** x = 0 everywhere (ghosts included). */
    void zero(double[] x) {
        par.forSlabs(nz + 2, (k0, k1) -> java.util.Arrays.fill(x, k0 * sZ, k1 * sZ, 0.0));
    }

    /**
     * r = b - A x over the interior (homogeneous boundary part only); returns ||D^-1 r||^2. Refreshes
     * the x-ghosts of x first. b == null means b = 0.
     */
    double residual(double[] x, double[] b, double[] r) {
        fillGhosts(x);
        return par.sumOverPlanes(nz, planeSums, k -> {
            double sum = 0;
            for (int j = 0; j < ny; j++) {
                final int s = g.rowStart(j, k);
                stencilRow(x, b, true, r, j, k);
                double row = 0; // a row's sum first, then the plane's: the order the sums have always had
                for (int c = s; c < s + nx; c++) row += r[c] * r[c] * invDiagSq[c];
                sum += row;
            }
            return sum;
        });
    }

    /** r = b - A x over the interior, as {@link #residual(double[], double[], double[])} without the norm (a multigrid cycle's). */
    void residualOnly(double[] x, double[] b, double[] r) {
        fillGhosts(x);
        par.forSlabs(nz, (k0, k1) -> {
            for (int k = k0; k < k1; k++)
                for (int j = 0; j < ny; j++) stencilRow(x, b, true, r, j, k);
        });
    }

    /** out = A x (homogeneous boundary part); returns the dot product x . A x. Refreshes x-ghosts. */
    double applyDot(double[] x, double[] out) {
        return par.sumOverPlanes(nz, planeSums, k -> {
            double sum = 0;
            // x-ghosts of plane k are only read by plane k: refresh them here
            for (int j = 0; j < ny; j++) wrapRow(x, g.rowStart(j, k), nx);
            for (int j = 0; j < ny; j++) {
                final int s = g.rowStart(j, k);
                stencilRow(x, null, false, out, j, k);
                double row = 0;
                for (int c = s; c < s + nx; c++) row += x[c] * out[c];
                sum += row;
            }
            return sum;
        });
    }

    /**
     * One row of the stencil: out = b - A x where {@code residual} (b == null meaning 0), else out = A x. Whole
     * groups of SIMD lanes first where {@link #lanes}, the rest of the row here, with the same operations.
     */
    private void stencilRow(double[] x, double[] b, boolean residual, double[] out, int j, int k) {
        final int s = g.rowStart(j, k), e = s + nx;
        final double[] xd = below(x, k), xu = above(x, k);
        final int od = -sZ, ou = offUp(k);
        final double[] tx = this.tx, tz = this.tz, sh = shift;
        final double[] bIn = residual ? b : null;
        int from = s;
        if (!is3D) {
            if (lanes) {
                LevelLanes.stencil2D(x, bIn, residual && b == null, out, tx, tz, sh, xd, xu, s, nx, sZ, od, ou);
                from = LevelLanes.end(s, nx);
            }
            for (int c = from; c < e; c++) {
                double tw = tx[c - 1], te = tx[c], td = tz[c - sZ], tu = tz[c];
                double ax = (tw + te + td + tu + (sh == null ? 0.0 : sh[c])) * x[c] - tw * x[c - 1] - te * x[c + 1] - td * xd[c + od] - tu * xu[c + ou];
                out[c] = residual ? (b == null ? 0.0 : b[c]) - ax : ax;
            }
        } else {
            final double[] ty = this.ty;
            final int os = offS(j), on = offN(j);
            if (lanes) {
                LevelLanes.stencil3D(x, bIn, residual && b == null, out, tx, ty, tz, sh, xd, xu, s, nx, sZ, os, on, od, ou);
                from = LevelLanes.end(s, nx);
            }
            for (int c = from; c < e; c++) {
                double tw = tx[c - 1], te = tx[c], ts = ty[c + os], tn = ty[c], td = tz[c - sZ], tu = tz[c];
                double ax = (tw + te + ts + tn + td + tu + (sh == null ? 0.0 : sh[c])) * x[c] - tw * x[c - 1] - te * x[c + 1] - ts * x[c + os] - tn * x[c + on]
                        - td * xd[c + od] - tu * xu[c + ou];
                out[c] = residual ? (b == null ? 0.0 : b[c]) - ax : ax;
            }
        }
    }

    /**
     * One Gauss-Seidel sweep: the cells of colour {@code first} ((i + j + k) % 2 == first), then those of the
     * other colour. Cells of one colour depend only on cells of the other colour (except across an odd periodic
     * wrap, where an x-ghost holds the value from before the half-sweep and rows are visited in order), so the result
     * does not depend on the order of the planes or the thread count. It is the result of the two half-sweeps one
     * after the other, in one pass over most planes: the second colour of plane k reads the first colour of planes
     * k-1 to k+1 only, so it follows the first colour of plane k+1 while those planes are in cache (each array is
     * read from memory once per sweep instead of twice). The first and last plane of each slab wait for the
     * neighbouring slabs' first colour.
     * Requires valid x-ghosts; refreshes them.
     */
    void sweep(double[] x, double[] b, int first) {
        final int second = 1 - first;
        par.forSlabs(nz, (k0, k1) -> {
            for (int k = k0; k < k1; k++) {
                smoothPlane(x, b, k, first);
                if (k - 1 > k0) {
                    smoothPlane(x, b, k - 1, second);
                    secondDone[k - 1] = true;
                }
            }
        });
        par.forSlabs(nz, (k0, k1) -> {
            for (int k = k0; k < k1; k++) {
                if (!secondDone[k]) smoothPlane(x, b, k, second);
                secondDone[k] = false;
            }
        });
    }

    /** The half-sweep of one colour over plane k, then the x-ghosts of its rows. */
    private void smoothPlane(double[] x, double[] b, int k, int colour) {
        for (int j = 0; j < ny; j++) smoothRow(x, b, j, k, colour);
        for (int j = 0; j < ny; j++) wrapRow(x, g.rowStart(j, k), nx);
    }

    private void smoothRow(double[] x, double[] b, int j, int k, int colour) {
        final int s = g.rowStart(j, k), e = s + nx;
        final int c0 = s + ((colour + j + k) & 1);
        final double[] xd = below(x, k), xu = above(x, k);
        final int od = -sZ, ou = offUp(k);
        final double[] tx = this.tx, tz = this.tz, inv = invDiag;
        if (!is3D) {
            for (int c = c0; c < e; c += 2)
                x[c] = (b[c] + tx[c - 1] * x[c - 1] + tx[c] * x[c + 1] + tz[c - sZ] * xd[c + od] + tz[c] * xu[c + ou]) * inv[c];
        } else {
            final double[] ty = this.ty;
            final int os = offS(j), on = offN(j);
            for (int c = c0; c < e; c += 2)
                x[c] = (b[c] + tx[c - 1] * x[c - 1] + tx[c] * x[c + 1] + ty[c + os] * x[c + os] + ty[c] * x[c + on] + tz[c - sZ] * xd[c + od]
                        + tz[c] * xu[c + ou]) * inv[c];
        }
    }

    /** a . b over the interior. */
    double dot(double[] a, double[] b) {
        return par.sumOverPlanes(nz, planeSums, k -> {
            double sum = 0;
            for (int j = 0; j < ny; j++) {
                int s = g.rowStart(j, k);
                for (int c = s; c < s + nx; c++) sum += a[c] * b[c];
            }
            return sum;
        });
    }

    /** Copies src into dst (interior) and returns src . w. */
    double copyDot(double[] src, double[] dst, double[] w) {
        return par.sumOverPlanes(nz, planeSums, k -> {
            double sum = 0;
            for (int j = 0; j < ny; j++) {
                int s = g.rowStart(j, k);
                for (int c = s; c < s + nx; c++) {
                    dst[c] = src[c];
                    sum += src[c] * w[c];
                }
            }
            return sum;
        });
    }

    /** x += alpha p; r -= alpha q; returns ||D^-1 r||^2 (interior). */
    double updateXR(double[] x, double[] r, double[] p, double[] q, double alpha) {
        return par.sumOverPlanes(nz, planeSums, k -> {
            double sum = 0;
            for (int j = 0; j < ny; j++) {
                int s = g.rowStart(j, k);
                for (int c = s; c < s + nx; c++) {
                    x[c] += alpha * p[c];
                    double rc = r[c] - alpha * q[c];
                    r[c] = rc;
                    sum += rc * rc * invDiagSq[c];
                }
            }
            return sum;
        });
    }

    /** p = z + beta p (interior). */
    void updateP(double[] p, double[] z, double beta) {
        par.forSlabs(nz, (k0, k1) -> {
            for (int k = k0; k < k1; k++)
                for (int j = 0; j < ny; j++) {
                    int s = g.rowStart(j, k);
                    for (int c = s; c < s + nx; c++) p[c] = z[c] + beta * p[c];
                }
        });
    }
}
