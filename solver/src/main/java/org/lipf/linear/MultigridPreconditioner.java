package org.lipf.linear;

import java.util.ArrayList;
import java.util.List;
import org.lipf.grid.Grid;
import org.lipf.grid.Parallel;

/**
 * Matrix-free geometric multigrid W-cycle for {@link VariableCoefficientPoisson}, used as the
 * preconditioner of {@link PcgSolver} (and, for diagnostics, as a stand-alone solver).
 *
 * <p>Cycle: each level below the finest visits its coarser level twice (a W-cycle). With the
 * piecewise-constant transfers below, a V-cycle's convergence factor degrades with the number of
 * levels at high contrast (0.38 at 128^2 on a dendrite at 1e7 : 1, PCG iterations 8 -> 11 from 64^2
 * to 1024^2); the W-cycle gives 0.13 and 5-6 PCG iterations at every size for the same time per
 * solve, because small coarse levels run on the calling thread (see {@code Level}).
 *
 * <p>Components (cell-centred multigrid, cf. Wesseling, <i>An Introduction to Multigrid Methods</i>,
 * 1992, ch. 5, and Khalil &amp; Wesseling, J. Comput. Phys. 98 (1992) 1):
 * <ul>
 *   <li><b>Hierarchy:</b> the grid is coarsened by 2 on every axis while {@link Grid#canCoarsen()}.
 *   <li><b>Smoother:</b> red-black Gauss-Seidel, {@code preSweeps} sweeps red then black before the
 *       coarse correction and {@code postSweeps} sweeps black then red after it. Cells of one colour
 *       only read cells of the other colour, so the result does not depend on the thread count.
 *   <li><b>Restriction:</b> average of the 4 (2D) / 8 (3D) children (the operator is per unit
 *       volume). <b>Prolongation:</b> piecewise constant (the transpose of the restriction up to the
 *       factor 2^d), so the cycle is a symmetric positive definite preconditioner, as PCG requires.
 *   <li><b>Coarse operator:</b> re-discretisation on the coarse grid with each coarse face
 *       conductivity the arithmetic (parallel) mean of the fine face conductivities that make up
 *       that coarse face (as AMReX MLABecLaplacian averages face coefficients down). Fine faces are
 *       harmonic means of cells, so across a jump the flux through each fine face is continuous and
 *       the coarse face adds the fine faces in parallel. In transmissibilities this is exactly half
 *       the Galerkin operator {@code R A P} for these R and P (the classic factor-2 over-correction
 *       that piecewise-constant interpolation needs): the coarse-grid correction is
 *       {@code I - 2 Pi} with Pi the A-orthogonal projection onto the coarse space, whose A-norm is 1
 *       at any contrast. A "series along the normal"
 *       combination (harmonic mean of the fine faces along the coarse centre-to-centre path) was
 *       tried first: where a metal-metal fine face sits between two resistive faces it makes the
 *       coarse face far weaker than Galerkin, the correction overshoots by up to the contrast and the
 *       V-cycle diverges at 1e3 contrast. The 5/7-point stencil is kept on all levels, so red-black
 *       smoothing stays valid. At high contrast with interfaces that do not align with coarse faces
 *       the plain V-cycle converges slowly (a few near-constant modes of metal islands are
 *       over-corrected); PCG removes those few eigenvalues.
 *   <li><b>Coarsest level:</b> band Cholesky (exact) when affordable, which copes with any
 *       non-power-of-two coarsest size (e.g. 25x13); otherwise a fixed number of symmetric
 *       red-black sweeps (still a fixed symmetric operator, but weaker).
 * </ul>
 * At least one vertical end must be Dirichlet (the pure-Neumann problem is singular).
 *
 * <p>The hierarchy is rebuilt lazily (in {@link #update()}, called by every entry point) when the
 * fine operator's {@link VariableCoefficientPoisson#coefficientVersion()} changed. All work arrays are
 * allocated in the constructor.
 */
public final class MultigridPreconditioner {
    /** Largest band-Cholesky factorisation cost (flops) accepted for the coarsest level. */
    static final double MAX_DIRECT_COST = 3e8;

    private final VariableCoefficientPoisson op;
    private final Parallel par;
    private final Level[] levels;
    private final double[][] xs, bs, rs;
    private final int preSweeps, postSweeps;
    private final BandedCholesky direct;
    private final int coarseSweeps;
    private long builtVersion = -1;

    /** Default smoothing: 3 pre- and 3 post-sweeps (fewer PCG iterations at the same cost as 2+2). */
    public MultigridPreconditioner(VariableCoefficientPoisson op) {
        this(op, 3, 3);
    }

    public MultigridPreconditioner(VariableCoefficientPoisson op, int preSweeps, int postSweeps) {
        if (preSweeps < 0 || postSweeps < 0 || preSweeps + postSweeps == 0) throw new IllegalArgumentException("need at least one smoothing sweep: " + preSweeps + "+" + postSweeps);
        if (!op.bottom().isDirichlet() && !op.top().isDirichlet() && op.shift() == null)
            throw new IllegalArgumentException("multigrid needs a Dirichlet condition at the bottom or the top, or a diagonal term (the pure-Neumann problem is singular)");
        this.op = op;
        this.par = op.parallel();
        this.preSweeps = preSweeps;
        this.postSweeps = postSweeps;
        List<Level> list = new ArrayList<>();
        list.add(op.level);
        Grid g = op.grid();
        while (g.canCoarsen()) {
            g = g.coarsen();
            list.add(new Level(g, par, op.bottom().kind(), op.top().kind(), op.shift() != null, op.level.lanes));
        }
        levels = list.toArray(new Level[0]);
        int nl = levels.length;
        xs = new double[nl][];
        bs = new double[nl][];
        rs = new double[nl][];
        for (int l = 0; l < nl; l++) {
            int n = levels[l].g.paddedLength();
            if (l > 0) {
                xs[l] = new double[n];
                bs[l] = new double[n];
            }
            if (l < nl - 1) rs[l] = new double[n];
        }
        Grid coarsest = levels[nl - 1].g;
        if (BandedCholesky.factorCost(coarsest) <= MAX_DIRECT_COST) {
            direct = new BandedCholesky(levels[nl - 1]);
            coarseSweeps = 0;
        } else {
            direct = null;
            coarseSweeps = 4 * Math.max(coarsest.nx, Math.max(coarsest.ny, coarsest.nz));
        }
    }

    public int levelCount() {
        return levels.length;
    }

    public Grid coarsestGrid() {
        return levels[levels.length - 1].g;
    }

    /** Whether the coarsest level is solved exactly (band Cholesky) rather than by sweeps. */
    public boolean coarsestSolvedDirectly() {
        return direct != null;
    }

    /** Rebuilds coarse coefficients and the coarse factorisation if the fine coefficients changed. */
    public void update() {
        long v = op.coefficientVersion();
        if (v == builtVersion) return;
        for (int l = 1; l < levels.length; l++) {
            coarsenCoefficients(levels[l - 1], levels[l]);
            levels[l].updateTransmissibilities();
        }
        if (direct != null) direct.factor();
        builtVersion = v;
    }

    /** z = M^-1 r: one V-cycle from a zero initial guess (a fixed SPD linear operator). */
    public void apply(double[] r, double[] z) {
        update();
        vCycle(0, z, r, true);
    }

    /**
     * One cycle on {@code A x = b} from this operator's level down, from a zero guess or from x:
     * the lower part of a cycle whose finer levels run elsewhere (the OpenCL backend).
     */
    public void cycle(double[] x, double[] b, boolean zeroGuess) {
        update();
        vCycle(0, x, b, zeroGuess);
    }

    /**
     * Plain multigrid as a solver: {@code cycles} V-cycles on {@code A x = b} starting from x
     * (homogeneous A; fold Dirichlet values into b with
     * {@link VariableCoefficientPoisson#rhsWithBoundary}).
     *
     * @return per-cycle residual reduction factors ||r_n|| / ||r_(n-1)|| (2-norm over the interior);
     *     not allocation-free, meant for tests and diagnostics
     */
    public double[] solveByVCycles(double[] x, double[] b, int cycles) {
        update();
        double[] factors = new double[cycles];
        Level f = levels[0];
        double[] r = new double[f.g.paddedLength()];
        double prev = Math.sqrt(f.residual(x, b, r));
        for (int c = 0; c < cycles; c++) {
            vCycle(0, x, b, false);
            double now = Math.sqrt(f.residual(x, b, r));
            factors[c] = prev == 0 ? 0 : now / prev;
            prev = now;
        }
        return factors;
    }

    private void vCycle(int l, double[] x, double[] b, boolean zeroGuess) {
        Level L = levels[l];
        if (l == levels.length - 1) {
            coarsestSolve(L, x, b, zeroGuess);
            return;
        }
        if (zeroGuess) L.zero(x);
        else L.fillGhosts(x);
        for (int s = 0; s < preSweeps; s++) L.sweep(x, b, 0);
        L.residualOnly(x, b, rs[l]);
        restrict(L, levels[l + 1], rs[l], bs[l + 1]);
        vCycle(l + 1, xs[l + 1], bs[l + 1], true);
        if (l + 2 < levels.length) vCycle(l + 1, xs[l + 1], bs[l + 1], false); // second visit: W-cycle
        prolongAdd(L, levels[l + 1], xs[l + 1], x);
        for (int s = 0; s < postSweeps; s++) L.sweep(x, b, 1);
    }

    private void coarsestSolve(Level L, double[] x, double[] b, boolean zeroGuess) {
        if (direct != null) {
            direct.solve(x, b);
            return;
        }
        if (zeroGuess) L.zero(x);
        else L.fillGhosts(x);
        for (int s = 0; s < coarseSweeps; s++) L.sweep(x, b, 0);
        for (int s = 0; s < coarseSweeps; s++) L.sweep(x, b, 1);
    }

    /** bc = average of the 2^d fine children of each coarse cell. */
    private void restrict(Level F, Level C, double[] rf, double[] bc) {
        final Grid fg = F.g, cg = C.g;
        final int sZ = fg.strideZ, sY = fg.strideY;
        final boolean is3D = cg.is3D();
        final double w = is3D ? 0.125 : 0.25;
        par.forSlabs(cg.nz, (k0, k1) -> {
            for (int K = k0; K < k1; K++)
                for (int J = 0; J < cg.ny; J++) {
                    int cs = cg.rowStart(J, K), fs = fg.rowStart(is3D ? 2 * J : 0, 2 * K);
                    for (int I = 0; I < cg.nx; I++) {
                        int f = fs + 2 * I;
                        double sum = rf[f] + rf[f + 1] + rf[f + sZ] + rf[f + sZ + 1];
                        if (is3D) sum += rf[f + sY] + rf[f + sY + 1] + rf[f + sZ + sY] + rf[f + sZ + sY + 1];
                        bc[cs + I] = w * sum;
                    }
                }
        });
    }

    /** xf += xc(parent) (piecewise-constant prolongation); refreshes the x-ghosts of xf. */
    private void prolongAdd(Level F, Level C, double[] xc, double[] xf) {
        final Grid fg = F.g, cg = C.g;
        final boolean is3D = fg.is3D();
        final int nx = fg.nx;
        par.forSlabs(fg.nz, (k0, k1) -> {
            for (int k = k0; k < k1; k++)
                for (int j = 0; j < fg.ny; j++) {
                    int fs = fg.rowStart(j, k), cs = cg.rowStart(is3D ? j >> 1 : 0, k >> 1);
                    for (int i = 0; i < nx; i++) xf[fs + i] += xc[cs + (i >> 1)];
                    Level.wrapRow(xf, fs, nx);
                }
        });
    }

    /**
     * Coarse face conductivities: arithmetic mean of the 2 (2D) / 4 (3D) fine faces that make up the
     * coarse face. With t = beta / h^2 this is exactly half the Galerkin operator R A P (R = average,
     * P = constant), i.e. the coarse correction is over-weighted by 2, the standard remedy for
     * piecewise-constant interpolation; scales 0.9 ... 2 were measured and 1 was best.
     */
    private void coarsenCoefficients(Level F, Level C) {
        final Grid fg = F.g, cg = C.g;
        final boolean is3D = cg.is3D();
        final int fnx = fg.nx, fny = fg.ny;
        final double[] fx = F.betaX, fy = F.betaY, fz = F.betaZ, cx = C.betaX, cy = C.betaY, cz = C.betaZ;
        final int nj = is3D ? 2 : 1;
        final double w = is3D ? 0.25 : 0.5;
        par.forSlabs(cg.nz, (k0, k1) -> {
            for (int K = k0; K < k1; K++)
                for (int J = 0; J < cg.ny; J++)
                    for (int I = 0; I < cg.nx; I++) {
                        int cc = cg.index(I, J, K);
                        int i0 = 2 * I, j0 = is3D ? 2 * J : 0, k0f = 2 * K;
                        double sx = 0, sy = 0, sz = 0, sb = 0;
                        for (int dk = 0; dk < 2; dk++)
                            for (int dj = 0; dj < nj; dj++) {
                                sx += fx[fg.index(i0 + 1, j0 + dj, k0f + dk)];
                                if (is3D) sy += fy[fg.index(i0 + dj, j0 + 1, k0f + dk)];
                                sz += fz[fg.index(i0 + dk, j0 + dj, k0f + 1)];
                                if (K == 0) sb += fz[fg.index(i0 + dk, j0 + dj, -1)];
                            }
                        cx[cc] = w * sx;
                        if (is3D) cy[cc] = w * sy;
                        cz[cc] = w * sz;
                        if (K == 0) cz[cc - cg.strideZ] = w * sb;
                        if (C.shift != null) C.shift[cc] = coarseShift(F, i0, j0, k0f);
                    }
        });
    }

    /**
     * Diagonal term of a coarse cell: the mean of its children's (the Galerkin value: piecewise-constant
     * transfers carry a mass term exactly), with negative children counted as 0. A fine operator that is
     * positive definite through its faces may have negative diagonal terms in a few cells (the double
     * well of the implicit Allen-Cahn step); averaged onto coarse cells, whose face terms are 4 times
     * weaker, they could make a coarse level indefinite, and the preconditioner must stay SPD.
     */
    private static double coarseShift(Level F, int i0, int j0, int k0) {
        final Grid fg = F.g;
        final boolean is3D = fg.is3D();
        double sum = 0;
        for (int dk = 0; dk < 2; dk++)
            for (int dj = 0; dj < (is3D ? 2 : 1); dj++)
                for (int di = 0; di < 2; di++) sum += Math.max(0.0, F.shift[fg.index(i0 + di, j0 + dj, k0 + dk)]);
        return sum / (is3D ? 8 : 4);
    }
}
