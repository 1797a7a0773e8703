package org.lipf.linear;

import org.lipf.grid.Grid;
import org.lipf.grid.Parallel;

/**
 * Preconditioned CG for two potentials coupled through a conductance a per cell (A/(m^3 V)), the
 * linearised reaction of docs/MODEL.md section 5.4.1:
 *
 * <pre>
 *   (A_l + a) x_l -      a  x_s = b_l
 *        -a  x_l + (A_s + a) x_s = b_s
 * </pre>
 *
 * A_l, A_s the homogeneous operators -div(sigma grad) of two {@link VariableCoefficientPoisson}s
 * built with a diagonal term, whose shifts both hold a. The block matrix is symmetric, and positive
 * definite when either block has a Dirichlet end (its quadratic form is
 * sum sigma_l |grad x_l|^2 + sigma_s |grad x_s|^2 + a (x_s - x_l)^2), so CG applies; the
 * preconditioner is one multigrid cycle per block (block Jacobi; {@link MultigridPreconditioner}'s W-cycle). Its condition number grows with
 * a L^2 / sigma (L the extent of the reacting region), which the reaction's own bound keeps moderate.
 * The stopping rule is PcgSolver's, on the Jacobi-scaled residual of both blocks together.
 */
public final class CoupledPotentialPcg {
    private final VariableCoefficientPoisson opL, opS;
    private final MultigridPreconditioner mgL, mgS;
    private final Grid g;
    private final Parallel parallel;
    private final int maxIterations;
    private final double[] rl, rs, zl, zs, pl, ps, ql, qs, planeSums;

    public CoupledPotentialPcg(VariableCoefficientPoisson opL, VariableCoefficientPoisson opS, int maxIterations) {
        if (opL.shift() == null || opS.shift() == null) throw new IllegalArgumentException("both operators need a diagonal term (the coupling)");
        this.opL = opL;
        this.opS = opS;
        this.mgL = new MultigridPreconditioner(opL);
        this.mgS = new MultigridPreconditioner(opS);
        this.g = opL.grid();
        this.parallel = opL.parallel();
        this.maxIterations = maxIterations;
        rl = g.newField();
        rs = g.newField();
        zl = g.newField();
        zs = g.newField();
        pl = g.newField();
        ps = g.newField();
        ql = g.newField();
        qs = g.newField();
        planeSums = new double[g.nz];
    }

    /**
     * Solves for (xl, xs) in place (they hold the initial guess); bl, bs carry the Dirichlet values
     * already ({@link VariableCoefficientPoisson#rhsWithBoundary}).
     *
     * @throws SolverDivergedException if the tolerance is not reached or CG breaks down
     */
    public SolveStats solve(double[] xl, double[] xs, double[] bl, double[] bs, double relTol) {
        mgL.update();
        mgS.update();
        final Level L = opL.level, S = opS.level;
        final double bNorm = Math.sqrt(L.scaledNorm2(bl) + S.scaledNorm2(bs));
        // r = b - (A + a) x + a x_other: each block's residual with its shift, then the coupling
        L.residualOnly(xl, bl, rl);
        S.residualOnly(xs, bs, rs);
        double rNorm = Math.sqrt(addCoupling(xl, xs, rl, rs, 1));
        final double r0 = rNorm, target = relTol * bNorm;
        if (!Double.isFinite(rNorm)) throw new SolverDivergedException("coupled PCG: initial residual is not finite", 0, rNorm);
        if (rNorm <= target) return new SolveStats(0, r0, rNorm, bNorm, true);
        precondition();
        double rz = L.copyDot(zl, pl, rl) + S.copyDot(zs, ps, rs);
        for (int it = 1; it <= maxIterations; it++) {
            // q = (A + a) p - a p_other, and p . q
            final double pq = L.applyDot(pl, ql) + S.applyDot(ps, qs) - 2 * addCoupling(pl, ps, ql, qs, -1);
            if (!(pq > 0)) throw new SolverDivergedException(String.format("coupled PCG broke down at iteration %d: p.Ap = %g", it, pq), it, rNorm);
            final double alpha = rz / pq;
            rNorm = Math.sqrt(L.updateXR(xl, rl, pl, ql, alpha) + S.updateXR(xs, rs, ps, qs, alpha));
            if (!Double.isFinite(rNorm)) throw new SolverDivergedException("coupled PCG: residual became " + rNorm + " at iteration " + it, it, rNorm);
            if (rNorm <= target) return new SolveStats(it, r0, rNorm, bNorm, true);
            precondition();
            final double rzNew = L.dot(rl, zl) + S.dot(rs, zs);
            L.updateP(pl, zl, rzNew / rz);
            S.updateP(ps, zs, rzNew / rz);
            rz = rzNew;
        }
        throw new SolverDivergedException(String.format("coupled PCG did not converge in %d iterations: residual %.3e (initial %.3e, target %.3e)",
                maxIterations, rNorm, r0, target), maxIterations, rNorm);
    }

    private void precondition() {
        mgL.apply(rl, zl);
        mgS.apply(rs, zs);
    }

    /**
     * The blocks' coupling in one pass: outL += sign a xs, outS += sign a xl. Returns, for sign +1 (residuals), their
     * Jacobi-scaled norm squared, ||D_l^-1 outL||^2 + ||D_s^-1 outS||^2; for sign -1 (the operator), sum a xl xs.
     * Sums by row, then plane, then planes in order, as the levels' own (independent of the thread count).
     */
    private double addCoupling(double[] xl, double[] xs, double[] outL, double[] outS, int sign) {
        final double[] a = opL.shift(), dl = opL.level.invDiagSq, ds = opS.level.invDiagSq;
        final double sa = sign;
        return parallel.sumOverPlanes(g.nz, planeSums, k -> {
            double sum = 0;
            for (int j = 0; j < g.ny; j++) {
                final int s = g.rowStart(j, k);
                double row = 0;
                if (sign > 0)
                    for (int c = s; c < s + g.nx; c++) {
                        final double l = outL[c] + sa * a[c] * xs[c], r = outS[c] + sa * a[c] * xl[c];
                        outL[c] = l;
                        outS[c] = r;
                        row += l * l * dl[c] + r * r * ds[c];
                    }
                else
                    for (int c = s; c < s + g.nx; c++) {
                        outL[c] += sa * a[c] * xs[c];
                        outS[c] += sa * a[c] * xl[c];
                        row += a[c] * xl[c] * xs[c];
                    }
                sum += row;
            }
            return sum;
        });
    }
}
