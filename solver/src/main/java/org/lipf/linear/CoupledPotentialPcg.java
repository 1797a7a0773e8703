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
 * preconditioner is one multigrid V-cycle per block (block Jacobi). Its condition number grows with
 * a L^2 / sigma (L the extent of the reacting region), which the reaction's own bound keeps moderate.
 * The stopping rule is PcgSolver's, on the Jacobi-scaled residual of both blocks together.
 */
public final class CoupledPotentialPcg {
    private final VariableCoefficientPoisson opL, opS;
    private final MultigridPreconditioner mgL, mgS;
    private final Grid g;
    private final Parallel parallel;
    private final int maxIterations;
    private final double[] rl, rs, zl, zs, pl, ps, ql, qs;

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
        final double bNorm = norm(bl, bs);
        apply(xl, xs, rl, rs);
        axpy(-1, rl, bl, rl);
        axpy(-1, rs, bs, rs);
        double rNorm = norm(rl, rs);
        final double r0 = rNorm, target = relTol * bNorm;
        if (!Double.isFinite(rNorm)) throw new SolverDivergedException("coupled PCG: initial residual is not finite", 0, rNorm);
        if (rNorm <= target) return new SolveStats(0, r0, rNorm, bNorm, true);
        precondition();
        copy(zl, pl);
        copy(zs, ps);
        double rz = opL.dot(rl, zl) + opS.dot(rs, zs);
        for (int it = 1; it <= maxIterations; it++) {
            apply(pl, ps, ql, qs);
            final double pq = opL.dot(pl, ql) + opS.dot(ps, qs);
            if (!(pq > 0)) throw new SolverDivergedException(String.format("coupled PCG broke down at iteration %d: p.Ap = %g", it, pq), it, rNorm);
            final double alpha = rz / pq;
            axpy(alpha, pl, xl, xl);
            axpy(alpha, ps, xs, xs);
            axpy(-alpha, ql, rl, rl);
            axpy(-alpha, qs, rs, rs);
            rNorm = norm(rl, rs);
            if (!Double.isFinite(rNorm)) throw new SolverDivergedException("coupled PCG: residual became " + rNorm + " at iteration " + it, it, rNorm);
            if (rNorm <= target) return new SolveStats(it, r0, rNorm, bNorm, true);
            precondition();
            final double rzNew = opL.dot(rl, zl) + opS.dot(rs, zs);
            axpy(rzNew / rz, pl, zl, pl);
            axpy(rzNew / rz, ps, zs, ps);
            rz = rzNew;
        }
        throw new SolverDivergedException(String.format("coupled PCG did not converge in %d iterations: residual %.3e (initial %.3e, target %.3e)",
                maxIterations, rNorm, r0, target), maxIterations, rNorm);
    }

    private void precondition() {
        mgL.apply(rl, zl);
        mgS.apply(rs, zs);
    }

    /** (outL, outS) = the block operator applied to (xl, xs). */
    private void apply(double[] xl, double[] xs, double[] outL, double[] outS) {
        opL.apply(xl, outL);
        opS.apply(xs, outS);
        final double[] a = opL.shift();
        forInterior(c -> {
            outL[c] -= a[c] * xs[c];
            outS[c] -= a[c] * xl[c];
        });
    }

    /** out = s x + y over the interior (out may alias y). */
    private void axpy(double s, double[] x, double[] y, double[] out) {
        forInterior(c -> out[c] = s * x[c] + y[c]);
    }

    private void copy(double[] from, double[] to) {
        forInterior(c -> to[c] = from[c]);
    }

    private double norm(double[] l, double[] s) {
        final double nl = opL.scaledNorm(l), ns = opS.scaledNorm(s);
        return Math.sqrt(nl * nl + ns * ns);
    }

    private void forInterior(java.util.function.IntConsumer body) {
        parallel.forInteriorCells(g, body);
    }
}
