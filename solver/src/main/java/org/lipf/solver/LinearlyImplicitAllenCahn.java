package org.lipf.solver;

import org.lipf.grid.Grid;
import org.lipf.grid.Parallel;
import org.lipf.kernels.cpu.AllenCahnUpdate;
import org.lipf.linear.LatticeDeflation;
import org.lipf.model.Anisotropy;
import org.lipf.model.DoubleWell;
import org.lipf.model.Interpolation;
import org.lipf.model.FieldSet;
import org.lipf.model.MaterialTable;
import org.lipf.model.ModelParameters;

/**
 * The Allen-Cahn half of a semi-implicit step (docs/MODEL.md section 5.3.2). The explicit rate r
 * of section 3.1 (every term, evaluated at xi^n, galvanostatically corrected) is passed through the
 * linearised capillary force, a linearly implicit (Rosenbrock-Euler) step:
 *
 * <pre>
 *   (1 + dt L_sigma W g''(xi^n)) r_eff - div( dt L_sigma kappa(theta^n) grad r_eff ) = r + lambda' h'(xi^n),
 *   xi^(n+1) = xi^n + dt r_eff
 * </pre>
 *
 * kappa(theta^n) is the anisotropic gradient coefficient at the cell's current normal, so that a
 * flat front at any angle translates unchanged: its translation mode is (nearly) in the kernel of
 * the operator, and only the fast capillary modes are damped. Frozen cells (f_free = 0) keep
 * r_eff = 0 and close their faces, as in the explicit stencil. The multiplier lambda' keeps the
 * metal volume the rates r deposit; it is part of the implicit step (r_eff = A^-1 r + lambda' A^-1 h'),
 * as a multiple of h' added after the filter would distort the profile at every large step.
 */
final class LinearlyImplicitAllenCahn {
    private final Grid g;
    private final ModelParameters p;
    private final AllenCahnUpdate allenCahn;
    private final Parallel parallel;
    private final boolean[] mobile;
    private final double[] free;
    private final ImplicitSolve solve;
    private final double[] cellBeta, rhs, dh, filteredDh, translation;
    private final double[] planeMax, planeBad;
    private double lastMaxChange;
    /** sum u r and sum u^2 over the mobile cells of the last filter (u filtered, r raw, multiplier term included), 1/s^2. */
    private double filteredDotRaw, filteredSquared;

    /** @param deflate whether the solves deflate the front's translation modes (docs/MODEL.md section 5.3.2) */
    LinearlyImplicitAllenCahn(Grid g, ModelParameters p, MaterialTable table, AllenCahnUpdate allenCahn, Parallel parallel, boolean deflate) {
        this.g = g;
        this.allenCahn = allenCahn;
        this.p = p;
        this.parallel = parallel;
        this.mobile = new boolean[table.size()];
        for (int m = 0; m < table.size(); m++) mobile[m] = table.freeFraction[m] > 0;
        this.free = table.freeFraction.clone();
        this.solve = new ImplicitSolve(g, parallel, false);
        this.cellBeta = g.newField();
        this.rhs = g.newField();
        this.dh = g.newField();
        this.filteredDh = g.newField();
        this.translation = deflate ? g.newField() : null;
        this.planeMax = new double[g.nz];
        this.planeBad = new double[g.nz];
    }

    /** Sets the operator of the step dt around the current xi. */
    private void setOperator(FieldSet f, double dt) {
        final double[] xi = f.xi, alpha = solve.alpha();
        final byte[] mat = f.material;
        final double ls = dt * p.Lsigma_m3_per_J_s(), lsW = ls * p.W_J_per_m3(), lsKappa = ls * p.kappa0_J_per_m();
        final double delta = p.anisotropyStrength(), theta0 = p.anisotropyAngle_rad();
        final int omega = p.anisotropyMode(), sy = g.strideY, sz = g.strideZ;
        final double[] mode = translation != null && LatticeDeflation.frontWorthDeflating(lsKappa / (g.dx_m * g.dx_m), g.is3D()) ? translation : null;
        parallel.forSlabs(g.nz, (k0, k1) -> {
            for (int k = k0; k < k1; k++)
                for (int j = 0; j < g.ny; j++) {
                    final int start = g.rowStart(j, k);
                    for (int P = start; P < start + g.nx; P++) {
                        if (!mobile[mat[P]]) {
                            alpha[P] = 1;
                            cellBeta[P] = 0;
                            if (mode != null) mode[P] = 0;
                            continue;
                        }
                        // the profile derivative of a front: the operator's slow modes, deflated
                        if (mode != null) mode[P] = xi[P] * (1 - xi[P]);
                        // the well's curvature and the reaction's damping of xi (its stiff, decaying part)
                        alpha[P] = 1 + lsW * DoubleWell.d2g(xi[P]) + dt * allenCahn.reactionXiDamping_per_s(f, P);
                        // central differences suffice for the orientation (their scale cancels)
                        final double gx = xi[P + 1] - xi[P - 1], gz = xi[P + sz] - xi[P - sz];
                        final double a = sy == 0 ? Anisotropy.kappa2D(gx, gz, delta, omega, theta0)
                                : Anisotropy.kappa3D(gx, xi[P + sy] - xi[P - sy], gz, delta);
                        cellBeta[P] = lsKappa * a;
                    }
                }
        });
        solve.setFaces(cellBeta);
        if (mode != null) solve.deflate(mode, LatticeDeflation.FRONT_SPACING_CELLS);
    }

    /** Sets the operator of a step dt around the current xi (xi and its ghosts hold xi^n). */
    void prepare(FieldSet f, double dt) {
        setOperator(f, dt);
    }

    /**
     * u := A^-1 (u + lambda h'(xi)) over the mobile cells (u is its own initial guess), lambda such that
     * integral(f_free u) dV / area equals {@code volume_m_per_s}: the filtered rates change the metal
     * volume as the unfiltered ones do. Then measures whether the filter amplified the rates
     * ({@link #amplified}). Two solves: A^-1 u and A^-1 h'.
     */
    void filterKeepingVolume(FieldSet f, double[] u, double volume_m_per_s) {
        final double[] xi = f.xi;
        final byte[] mat = f.material;
        System.arraycopy(u, 0, rhs, 0, rhs.length);
        solve.solve(u, rhs);
        parallel.forSlabs(g.nz, (k0, k1) -> {
            for (int k = k0; k < k1; k++)
                for (int j = 0; j < g.ny; j++) {
                    final int start = g.rowStart(j, k);
                    for (int P = start; P < start + g.nx; P++) dh[P] = mobile[mat[P]] ? Interpolation.dh(xi[P]) : 0;
                }
        });
        System.arraycopy(dh, 0, filteredDh, 0, dh.length);
        solve.solve(filteredDh, dh);
        final double sum = parallel.sumOverPlanes(g.nz, planeMax, k -> freeSum(mat, k, u));
        final double weight = parallel.sumOverPlanes(g.nz, planeBad, k -> freeSum(mat, k, filteredDh));
        // A^-1 h' without a positive volume (a nearly singular or indefinite A): no lambda keeps the volume, reject
        final double lambda = weight > 0 ? (volume_m_per_s / (g.cellVolume_m3() / g.lateralArea()) - sum) / weight : 0;
        parallel.forSlabs(g.nz, (k0, k1) -> {
            for (int k = k0; k < k1; k++)
                for (int j = 0; j < g.ny; j++) {
                    final int start = g.rowStart(j, k);
                    for (int P = start; P < start + g.nx; P++) {
                        u[P] += lambda * filteredDh[P];
                        rhs[P] += lambda * dh[P];
                    }
                }
        });
        filteredDotRaw = weight > 0 ? parallel.sumOverPlanes(g.nz, planeMax, k -> mobileDot(mat, k, u, rhs)) : Double.NaN;
        filteredSquared = parallel.sumOverPlanes(g.nz, planeBad, k -> mobileDot(mat, k, u, u));
    }

    /** Whether the last {@link #filterKeepingVolume} amplified the rates: the step must be retried smaller ({@link FilterAmplification}). */
    boolean amplified() {
        return FilterAmplification.amplified(filteredDotRaw, filteredSquared);
    }

    /** The Rayleigh quotient (u, r) / (u, u) of the last {@link #filterKeepingVolume}'s operator at its result. */
    double rayleighQuotient() {
        return filteredDotRaw / filteredSquared;
    }

    /** sum over plane k of f_free a(P) over the mobile cells. */
    private double freeSum(byte[] mat, int k, double[] a) {
        double s = 0;
        for (int j = 0; j < g.ny; j++) {
            final int start = g.rowStart(j, k);
            for (int P = start; P < start + g.nx; P++) if (mobile[mat[P]]) s += free[mat[P]] * a[P];
        }
        return s;
    }

    /** sum over plane k of a(P) b(P) over the mobile cells. */
    private double mobileDot(byte[] mat, int k, double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < g.ny; j++) {
            final int start = g.rowStart(j, k);
            for (int P = start; P < start + g.nx; P++) if (mobile[mat[P]]) s += a[P] * b[P];
        }
        return s;
    }

    /** xiNext = xi + dt rate; tracks the largest change and bound violations. */
    boolean writeNext(FieldSet f, double dt) {
        final double[] xi = f.xi, rate = f.rate, next = f.xiNext;
        parallel.forSlabs(g.nz, (k0, k1) -> {
            for (int k = k0; k < k1; k++) {
                double max = 0;
                boolean bad = false;
                for (int j = 0; j < g.ny; j++) {
                    final int start = g.rowStart(j, k);
                    for (int P = start; P < start + g.nx; P++) {
                        final double change = dt * rate[P], x = xi[P] + change;
                        final double xn = AllenCahnUpdate.resolved(x);
                        next[P] = xn;
                        max = Math.max(max, Math.abs(change));
                        if (!(xn >= AllenCahnUpdate.XI_MIN && xn <= AllenCahnUpdate.XI_MAX)) bad = true;
                    }
                }
                planeMax[k] = max;
                planeBad[k] = bad ? 1 : 0;
            }
        });
        lastMaxChange = Parallel.maxOf(planeMax);
        return Parallel.maxOf(planeBad) != 0 || !Double.isFinite(lastMaxChange);
    }

    /** PCG iterations of all its solves so far. */
    long solveIterations() {
        return solve.iterations();
    }

    /** Largest |xi^(n+1) - xi^n| of the last step. */
    double lastMaxChange() {
        return lastMaxChange;
    }
}
