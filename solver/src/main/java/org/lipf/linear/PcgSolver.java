package org.lipf.linear;

/**
 * Preconditioned conjugate gradients for {@code A x = b} with A the (homogeneous) operator of a
 * {@link VariableCoefficientPoisson} and one multigrid V-cycle ({@link MultigridPreconditioner}) as
 * the preconditioner M.
 *
 * <p>Algorithm (Saad, <i>Iterative Methods for Sparse Linear Systems</i>, 2nd ed., alg. 9.1):
 * {@code r = b - A x; z = M^-1 r; p = z}; repeat {@code q = A p; alpha = (r.z)/(p.q); x += alpha p;
 * r -= alpha q; z = M^-1 r; beta = (r.z)_new/(r.z)_old; p = z + beta p}.
 *
 * <p>Stopping rule: {@code ||D^-1 r||_2 <= max(relTol * ||D^-1 b||_2, absTol)}, D the diagonal of
 * A, norms over the interior cells. The Jacobi scaling turns residuals into volts (the change a
 * Jacobi sweep would make to each cell): without it, the metal's cells, whose rows are 1e7 times
 * larger, dominate the plain norm, and a solve stops while the electrolyte, where the currents
 * are decided, is still far from converged. r is the recursively updated residual. If that is
 * not reached within {@code maxIterations}, or a non-finite value or a non-positive curvature
 * {@code p.Ap} appears, {@link SolverDivergedException} is thrown.
 *
 * <p>x is the initial guess (warm start) and receives the solution. All work vectors are allocated
 * in the constructor; {@link #solve} allocates no arrays. Dot products are deterministic
 * (plane sums added in plane order), so results are bit-identical for any thread count.
 */
public final class PcgSolver {
    public static final int DEFAULT_MAX_ITERATIONS = 100;

    private final VariableCoefficientPoisson op;
    private final MultigridPreconditioner mg;
    private final int maxIterations;
    private final double[] r, z, p, q;

    public PcgSolver(VariableCoefficientPoisson op) {
        this(op, new MultigridPreconditioner(op), DEFAULT_MAX_ITERATIONS);
    }

    public PcgSolver(VariableCoefficientPoisson op, MultigridPreconditioner mg, int maxIterations) {
        if (maxIterations < 1) throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
        this.op = op;
        this.mg = mg;
        this.maxIterations = maxIterations;
        int n = op.grid().paddedLength();
        r = new double[n];
        z = new double[n];
        p = new double[n];
        q = new double[n];
    }

    public MultigridPreconditioner preconditioner() {
        return mg;
    }

    public int maxIterations() {
        return maxIterations;
    }

    /**
     * Solves {@code A x = rhs} (homogeneous A: Dirichlet values must already be folded into rhs by
     * {@link VariableCoefficientPoisson#rhsWithBoundary}).
     *
     * @param x initial guess on entry, solution on return (padded field; its x-ghosts are refreshed)
     * @param rhs right-hand side (A/m^3), padded field, not modified
     * @param relTol relative tolerance on ||D^-1 r|| / ||D^-1 rhs||
     * @param absTol absolute tolerance on ||D^-1 r|| (V)
     * @throws SolverDivergedException if the tolerance is not reached
     */
    public SolveStats solve(double[] x, double[] rhs, double relTol, double absTol) {
        return solve(x, rhs, relTol, absTol, null);
    }

    /**
     * {@link #solve(double[], double[], double, double)} as deflated CG when {@code deflation} is given
     * (built for the current coefficients): x is first corrected so that its residual is orthogonal to the
     * deflation space, and every preconditioned residual is made A-orthogonal to it, with the deflation
     * space's own correction added (A-DEF2 of Tang et al. 2009, see {@link LatticeDeflation}).
     */
    public SolveStats solve(double[] x, double[] rhs, double relTol, double absTol, LatticeDeflation deflation) {
        int n = op.grid().paddedLength();
        if (x.length != n || rhs.length != n) throw new IllegalArgumentException("fields must have length " + n);
        if (!(relTol >= 0) || !(absTol >= 0) || relTol + absTol == 0) throw new IllegalArgumentException("tolerances must be >= 0 and not both 0: " + relTol + ", " + absTol);
        final Level L = op.level;
        mg.update();
        double bNorm = Math.sqrt(L.scaledNorm2(rhs));
        double target = Math.max(relTol * bNorm, absTol);
        double rNorm = Math.sqrt(L.residual(x, rhs, r));
        double r0 = rNorm;
        if (deflation != null && Double.isFinite(rNorm) && rNorm > target) {
            deflation.correct(x, r);
            rNorm = Math.sqrt(L.residual(x, rhs, r));
        }
        if (!Double.isFinite(rNorm)) throw new SolverDivergedException("PCG: initial residual is not finite (" + rNorm + ")", 0, rNorm);
        if (rNorm <= target) return new SolveStats(0, r0, rNorm, bNorm, true);
        mg.apply(r, z);
        if (deflation != null) deflation.precondition(z, r);
        double rz = L.copyDot(z, p, r);
        for (int it = 1; it <= maxIterations; it++) {
            double pq = L.applyDot(p, q);
            if (!(pq > 0)) throw new SolverDivergedException(String.format("PCG broke down at iteration %d: p.Ap = %g (operator or preconditioner not SPD), residual %.3e (target %.3e)", it, pq, rNorm, target), it, rNorm);
            double alpha = rz / pq;
            rNorm = Math.sqrt(L.updateXR(x, r, p, q, alpha));
            if (!Double.isFinite(rNorm)) throw new SolverDivergedException(String.format("PCG: residual became %s at iteration %d", rNorm, it), it, rNorm);
            if (rNorm <= target) return new SolveStats(it, r0, rNorm, bNorm, true);
            mg.apply(r, z);
            if (deflation != null) deflation.precondition(z, r);
            double rzNew = L.dot(r, z);
            L.updateP(p, z, rzNew / rz);
            rz = rzNew;
        }
        throw new SolverDivergedException(String.format("PCG did not converge in %d iterations: residual %.3e (initial %.3e, target %.3e = max(%.1e * ||b|| = %.3e, %.1e))",
                maxIterations, rNorm, r0, target, relTol, bNorm, absTol), maxIterations, rNorm);
    }
}
