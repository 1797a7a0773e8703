package org.lipf.backend.opencl;

import java.util.ArrayList;
import java.util.List;
import org.jocl.cl_mem;
import org.lipf.grid.Grid;
import org.lipf.grid.Parallel;
import org.lipf.linear.BoundaryCondition;
import org.lipf.linear.LatticeDeflation;
import org.lipf.linear.MultigridPreconditioner;
import org.lipf.linear.SolverDivergedException;
import org.lipf.linear.VariableCoefficientPoisson;

/**
 * One potential equation {@code div(sigma grad phi) = sign q} on the device, or the linear solve of
 * an implicit step {@code alpha u - div(beta grad u) = r} ({@code solver.ImplicitSolve}: with a
 * diagonal term, coarse levels taking the mean of their children's clipped at 0, and both ends
 * possibly zero-flux), solved as the CPU solves it ({@code solver.PotentialSolver}, {@code linear.PcgSolver}, {@code linear.MultigridPreconditioner}):
 * harmonic face conductivities, PCG with one multigrid W-cycle (3 + 3 red-black Gauss-Seidel
 * sweeps, averaging restriction, constant prolongation, arithmetic-mean coarse faces) as the
 * preconditioner, stopping at {@code ||D^-1 r|| <= relTol ||D^-1 b||}. The cycle runs on the
 * device down to the first level of at most {@link #HOST_CELLS} cells; from there the CPU's own
 * cycle ({@link MultigridPreconditioner#cycle}) runs on the host, on the device's coefficients of
 * that level: each visit copies its right-hand side (and guess) to the host and the correction
 * back. Small levels would cost a launch per cell row on a device, and the W-cycle visits them
 * often.
 */
final class DevicePotentialSolver {
    private static final int PRE_SWEEPS = 3, POST_SWEEPS = 3;
    /** Levels of at most this many cells run on the host. */
    static final int HOST_CELLS = 1024;

    private final OpenClContext ctx;
    private final DeviceKernels k;
    private final Reducer reducer;
    private final DeviceLevel[] levels;
    private final cl_mem[] xs, bs, rs;
    private final cl_mem r, z, p, q, rhs;
    private final boolean withShift;
    private final double factorBottom, factorTop, relTol;
    private final int maxIterations;
    /** The first host level: its operator (coefficients from the device) and the CPU cycle below it. */
    private final int hostLevel;
    private final VariableCoefficientPoisson hostOp;
    private final MultigridPreconditioner hostCycle;
    private final double[] hostX, hostB;
    /** Levels of the whole hierarchy, device and host (the W-cycle's second visit depends on it). */
    private final int levelCount;
    /**
     * Deflation of the finest operator ({@link #deflate}): built on the host from the device's coefficients by
     * the CPU's {@link LatticeDeflation}, on a host copy of the finest level; null until the first call.
     */
    private VariableCoefficientPoisson hostFine;
    private LatticeDeflation deflation;
    private boolean deflated;
    /** The deflation's support on the device (interior indices, mode weights) and its values and corrections, host and device. */
    private cl_mem supportCells, supportWeights, supportValues, supportCorrections;
    private int supportSize;
    private int[] interior;
    private double[] values, corrections;
    private final List<cl_mem> owned;

    /** The potential equation's solver: no diagonal term, at least one Dirichlet end. */
    DevicePotentialSolver(OpenClContext ctx, DeviceKernels kernels, Reducer reducer, Grid grid, boolean bottomDirichlet, boolean topDirichlet,
                          double relTol, int maxIterations, List<cl_mem> owned) {
        this(ctx, kernels, reducer, grid, bottomDirichlet, topDirichlet, false, relTol, maxIterations, owned);
    }

    /** @param withShift whether the operator has a diagonal term (set it in {@link #shift()}) */
    DevicePotentialSolver(OpenClContext ctx, DeviceKernels kernels, Reducer reducer, Grid grid, boolean bottomDirichlet, boolean topDirichlet,
                          boolean withShift, double relTol, int maxIterations, List<cl_mem> owned) {
        this.ctx = ctx;
        this.owned = owned;
        this.withShift = withShift;
        this.k = kernels;
        this.reducer = reducer;
        this.relTol = relTol;
        this.maxIterations = maxIterations;
        this.factorBottom = bottomDirichlet ? 2.0 : 0.0;
        this.factorTop = topDirichlet ? 2.0 : 0.0;
        List<DeviceLevel> list = new ArrayList<>();
        Grid g = grid;
        list.add(new DeviceLevel(ctx, g, withShift, owned));
        while (g.cellCount() > HOST_CELLS && g.canCoarsen()) {
            g = g.coarsen();
            list.add(new DeviceLevel(ctx, g, withShift, owned));
        }
        levels = list.toArray(new DeviceLevel[0]);
        int nl = levels.length;
        xs = new cl_mem[nl];
        bs = new cl_mem[nl];
        rs = new cl_mem[nl];
        for (int l = 0; l < nl; l++) {
            long n = levels[l].g.paddedLength();
            if (l > 0) {
                xs[l] = DeviceLevel.field(ctx, n, owned);
                bs[l] = DeviceLevel.field(ctx, n, owned);
            }
            if (l < nl - 1) rs[l] = DeviceLevel.field(ctx, n, owned);
        }
        long n = grid.paddedLength();
        r = DeviceLevel.field(ctx, n, owned);
        z = DeviceLevel.field(ctx, n, owned);
        p = DeviceLevel.field(ctx, n, owned);
        q = DeviceLevel.field(ctx, n, owned);
        rhs = DeviceLevel.field(ctx, n, owned);
        hostLevel = nl - 1;
        Grid hostGrid = levels[hostLevel].g;
        hostOp = new VariableCoefficientPoisson(hostGrid, Parallel.serial(),
                bottomDirichlet ? BoundaryCondition.dirichlet(0) : BoundaryCondition.zeroFlux(),
                topDirichlet ? BoundaryCondition.dirichlet(0) : BoundaryCondition.zeroFlux(), withShift);
        hostCycle = new MultigridPreconditioner(hostOp);
        levelCount = hostLevel + hostCycle.levelCount();
        hostX = new double[hostGrid.paddedLength()];
        hostB = new double[hostGrid.paddedLength()];
    }

    /** Solves for phi in place (warm start); returns the PCG iterations. */
    int solve(cl_mem sigma, cl_mem source, int sign, double bottom_V, double top_V, cl_mem phi) {
        setFaces(sigma);
        DeviceLevel f = levels[0];
        f.geom(k.get("potentialRhs").arg(0, source).arg(1, rhs).arg(2, f.tz).real(3, -sign).real(4, bottom_V).real(5, top_V), 6).run(f.cells);
        return pcg(phi, rhs);
    }

    /**
     * The live diagonal term alpha of the finest level (units of beta / h^2), for an operator with
     * one; set it before {@link #solveShifted}.
     */
    cl_mem shift() {
        return levels[0].shift;
    }

    /**
     * Solves {@code alpha u - div(beta grad u) = b} for u in place (u holds the initial guess), faces
     * the harmonic means of the cell values {@code cellBeta} (zero where either vanishes), alpha from
     * {@link #shift()}; b is not modified. Returns the PCG iterations.
     */
    int solveShifted(cl_mem cellBeta, cl_mem b, cl_mem u) {
        setFaces(cellBeta);
        return pcg(u, b);
    }

    /** Solves with the operator of the last {@link #solveShifted} or {@link #setShiftedOperator} again, for another right-hand side b. Returns the PCG iterations. */
    int solveAgain(cl_mem b, cl_mem u) {
        return pcg(u, b);
    }

    /** Sets the operator of {@link #solveShifted} (faces from {@code cellBeta}, alpha from {@link #shift()}) without solving. */
    void setShiftedOperator(cl_mem cellBeta) {
        setFaces(cellBeta);
    }

    /**
     * Deflates the modes of the current operator that {@code mode} (a host field, padded) spans on a lattice of
     * {@code spacingCells} (docs/MODEL.md section 5.3.2), as the CPU's {@code ImplicitSolve.deflate}: E is built on
     * the host (on {@code hostThreads}, those of the first call) from the device's finest coefficients; each PCG iteration computes w (r - A z) on the support's cells
     * on the device, and the host turns those values into the corrections that a kernel adds. Until the next operator.
     */
    void deflate(double[] mode, int spacingCells, Parallel hostThreads) {
        if (!withShift) throw new IllegalStateException("deflation is for the implicit steps' operators");
        Grid g = levels[0].g;
        int n = g.paddedLength();
        if (hostFine == null) {
            hostFine = new VariableCoefficientPoisson(g, hostThreads, factorBottom != 0 ? BoundaryCondition.dirichlet(0) : BoundaryCondition.zeroFlux(),
                    factorTop != 0 ? BoundaryCondition.dirichlet(0) : BoundaryCondition.zeroFlux(), true);
            deflation = LatticeDeflation.forOperator(hostFine, spacingCells);
            // the support is at most the grid
            int cells = g.cellCount();
            supportCells = ctx.ints(cells);
            supportWeights = DeviceLevel.field(ctx, cells, owned);
            supportValues = DeviceLevel.field(ctx, cells, owned);
            supportCorrections = DeviceLevel.field(ctx, cells, owned);
            owned.add(supportCells);
            interior = new int[cells];
            values = new double[cells];
            corrections = new double[cells];
        }
        DeviceLevel f = levels[0];
        ctx.read(f.bx, hostFine.betaX(), n);
        if (g.is3D()) ctx.read(f.by, hostFine.betaY(), n);
        ctx.read(f.bz, hostFine.betaZ(), n);
        ctx.read(f.shift, hostFine.shift(), n);
        hostFine.coefficientsChanged();
        deflated = deflation.build(mode);
        if (!deflated) return;
        supportSize = deflation.support(interior, values);
        ctx.writeInts(supportCells, interior, supportSize);
        ctx.write(supportWeights, values, supportSize);
    }

    /** v += Z E^-1 Z^T (r - A z) (z null: Z E^-1 Z^T r) on the device, the small solve on the host ({@link LatticeDeflation#corrections}). */
    private void deflationCorrection(cl_mem r, cl_mem z, cl_mem v) {
        DeviceLevel L = levels[0];
        if (z != null) wrap(L, z);
        L.geom(L.shift(k.get("deflationValues").arg(0, supportCells).arg(1, supportWeights).arg(2, r).arg(3, z != null ? z : r).arg(4, z != null ? 1 : 0)
                .arg(5, L.tx).arg(6, L.ty).arg(7, L.tz).arg(8, supportValues).arg(9, supportSize), 10), 12).run(supportSize);
        ctx.read(supportValues, values, supportSize);
        deflation.corrections(values, corrections);
        ctx.write(supportCorrections, corrections, supportSize);
        L.geom(k.get("deflationAdd").arg(0, supportCells).arg(1, supportCorrections).arg(2, v).arg(3, supportSize), 4).run(supportSize);
    }

    /** Faces of the finest level from cell values, then the whole hierarchy. */
    private void setFaces(cl_mem cellValues) {
        deflated = false;
        DeviceLevel f = levels[0];
        f.geom(k.get("setFaceCoefficients").arg(0, cellValues).arg(1, f.bx).arg(2, f.by).arg(3, f.bz), 4).run(f.cells);
        updateHierarchy();
    }

    /** Current density through the top faces into the domain, A/m^2 (PotentialSolver.currentIntoTop). */
    double currentIntoTop(cl_mem sigma, cl_mem phi, double top_V) {
        DeviceLevel f = levels[0];
        f.geom(k.get("currentIntoTop").arg(0, sigma).arg(1, phi).real(2, top_V).real(3, f.g.dx_m).arg(4, reducer.partial), 5).run(f.cells);
        return reducer.sum(f.groups) / (f.g.nx * f.g.ny);
    }

    /** Transmissibilities of every level and the coarse factorisation for the new fine coefficients. */
    private void updateHierarchy() {
        for (int l = 0; l < levels.length; l++) {
            DeviceLevel L = levels[l];
            if (l > 0) {
                DeviceLevel F = levels[l - 1];
                L.geom(k.get("coarsenCoefficients").arg(0, F.bx).arg(1, F.by).arg(2, F.bz).arg(3, L.bx).arg(4, L.by).arg(5, L.bz), 6).run(L.cells);
                if (withShift) L.geom(k.get("coarsenShift").arg(0, F.shift).arg(1, L.shift), 2).run(L.cells);
            }
            double inv = 1.0 / (L.g.dx_m * L.g.dx_m);
            L.geom(k.get("transmissibilities").arg(0, L.bx).arg(1, L.by).arg(2, L.bz).arg(3, L.tx).arg(4, L.ty).arg(5, L.tz)
                    .real(6, inv).real(7, factorBottom * inv).real(8, factorTop * inv), 9).run(L.cells);
            L.geom(L.shift(k.get("inverseDiagonalSquared").arg(0, L.tx).arg(1, L.ty).arg(2, L.tz).arg(3, L.invDiagSq), 4), 6).run(L.cells);
        }
        DeviceLevel h = levels[hostLevel];
        int n = h.g.paddedLength();
        ctx.read(h.bx, hostOp.betaX(), n);
        if (h.g.is3D()) ctx.read(h.by, hostOp.betaY(), n);
        ctx.read(h.bz, hostOp.betaZ(), n);
        if (withShift) ctx.read(h.shift, hostOp.shift(), n);
        hostOp.coefficientsChanged();
    }

    private int pcg(cl_mem x, cl_mem b) {
        DeviceLevel L = levels[0];
        double bNorm = Math.sqrt(dot(b, L.invDiagSq, null, true));
        double target = relTol * bNorm;
        wrap(L, x);
        double rNorm = Math.sqrt(residual(L, x, b, r, true));
        double r0 = rNorm;
        if (deflated && Double.isFinite(rNorm) && rNorm > target) {
            // PcgSolver's deflated start: x corrected so that its residual is orthogonal to the deflation space
            deflationCorrection(r, null, x);
            rNorm = Math.sqrt(residual(L, x, b, r, true));
        }
        if (!Double.isFinite(rNorm)) throw new SolverDivergedException("PCG: initial residual is not finite (" + rNorm + ")", 0, rNorm);
        if (rNorm <= target) return 0;
        precondition(z, r);
        double rz = dot(z, r, p, false);
        for (int it = 1; it <= maxIterations; it++) {
            wrap(L, p);
            L.geom(L.shift(k.get("applyDot").arg(0, p).arg(1, q).arg(2, L.tx).arg(3, L.ty).arg(4, L.tz).arg(5, reducer.partial), 6), 8).run(L.cells);
            double pq = reducer.sum(L.groups);
            if (!(pq > 0)) throw new SolverDivergedException(String.format("PCG broke down at iteration %d: p.Ap = %g (operator or preconditioner not SPD), residual %.3e (target %.3e)", it, pq, rNorm, target), it, rNorm);
            double alpha = rz / pq;
            L.geom(k.get("updateXR").arg(0, x).arg(1, r).arg(2, p).arg(3, q).real(4, alpha).arg(5, L.invDiagSq).arg(6, reducer.partial), 7).run(L.cells);
            rNorm = Math.sqrt(reducer.sum(L.groups));
            if (!Double.isFinite(rNorm)) throw new SolverDivergedException(String.format("PCG: residual became %s at iteration %d", rNorm, it), it, rNorm);
            if (rNorm <= target) return it;
            precondition(z, r);
            double rzNew = dot(r, z, null, false);
            L.geom(k.get("updateP").arg(0, p).arg(1, z).real(2, rzNew / rz), 3).run(L.cells);
            rz = rzNew;
        }
        throw new SolverDivergedException(String.format("PCG did not converge in %d iterations: residual %.3e (initial %.3e, target %.3e = %.1e * ||b|| = %.3e)",
                maxIterations, rNorm, r0, target, relTol, bNorm), maxIterations, rNorm);
    }

    /** z = M^-1 r by one W-cycle, then, where deflated, the A-DEF2 correction of LatticeDeflation.precondition. */
    private void precondition(cl_mem z, cl_mem r) {
        cycle(0, z, r, true);
        if (deflated) deflationCorrection(r, z, z);
    }

    /** sum a . w over the fine interior (a . a . w with squareWeights); copies a into dst if not null. */
    private double dot(cl_mem a, cl_mem w, cl_mem dst, boolean squareWeights) {
        DeviceLevel L = levels[0];
        L.geom(k.get("weightedDot").arg(0, a).arg(1, w).arg(2, dst != null ? dst : a).arg(3, dst != null ? 1 : 0).arg(4, squareWeights ? 1 : 0)
                .arg(5, reducer.partial), 6).run(L.cells);
        return reducer.sum(L.groups);
    }

    private void wrap(DeviceLevel L, cl_mem x) {
        L.geom(k.get("wrapRows").arg(0, x), 1).run((long) L.g.ny * L.g.nz);
    }

    /** r = b - A x after refreshing x's ghosts; returns ||D^-1 r||^2 when wanted (else NaN, no copy back). */
    private double residual(DeviceLevel L, cl_mem x, cl_mem b, cl_mem out, boolean wanted) {
        wrap(L, x);
        L.geom(L.shift(k.get("residual").arg(0, x).arg(1, b).arg(2, out).arg(3, L.tx).arg(4, L.ty).arg(5, L.tz).arg(6, L.invDiagSq)
                .arg(7, reducer.partial), 8), 10).run(L.cells);
        return wanted ? reducer.sum(L.groups) : Double.NaN;
    }

    private void smooth(DeviceLevel L, cl_mem x, cl_mem b, int colour) {
        L.geom(L.shift(k.get("smooth").arg(0, x).arg(1, b).arg(2, L.tx).arg(3, L.ty).arg(4, L.tz).arg(5, colour), 6), 8).run(L.cells);
        if (L.g.nx % 2 != 0) wrap(L, x); // even rows refresh their ghosts in the kernel
    }

    /** MultigridPreconditioner.vCycle: the W-cycle from level l. */
    private void cycle(int l, cl_mem x, cl_mem b, boolean zeroGuess) {
        DeviceLevel L = levels[l];
        if (l == hostLevel) {
            onHost(L, x, b, zeroGuess);
            return;
        }
        if (zeroGuess) ctx.zero(x, L.g.paddedLength());
        else wrap(L, x);
        for (int s = 0; s < PRE_SWEEPS; s++) {
            smooth(L, x, b, 0);
            smooth(L, x, b, 1);
        }
        residual(L, x, b, rs[l], false);
        DeviceLevel C = levels[l + 1];
        C.geom(k.get("restrictResidual").arg(0, rs[l]).arg(1, bs[l + 1]), 2).run(C.cells);
        cycle(l + 1, xs[l + 1], bs[l + 1], true);
        if (l + 2 < levelCount) cycle(l + 1, xs[l + 1], bs[l + 1], false); // second visit: W-cycle
        L.geom(k.get("prolongAdd").arg(0, xs[l + 1]).arg(1, x), 2).run(L.cells);
        for (int s = 0; s < POST_SWEEPS; s++) {
            smooth(L, x, b, 1);
            smooth(L, x, b, 0);
        }
    }

    /** The cycle from the host level down, on the host. */
    private void onHost(DeviceLevel L, cl_mem x, cl_mem b, boolean zeroGuess) {
        int n = L.g.paddedLength();
        ctx.read(b, hostB, n);
        if (!zeroGuess) ctx.read(x, hostX, n);
        hostCycle.cycle(hostX, hostB, zeroGuess);
        ctx.write(x, hostX, n);
    }
}
