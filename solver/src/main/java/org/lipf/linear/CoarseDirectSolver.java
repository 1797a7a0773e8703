package org.lipf.linear;

import org.lipf.grid.Grid;
import org.lipf.grid.Parallel;

/**
 * The coarsest-level solve of {@link MultigridPreconditioner} for a multigrid that runs elsewhere
 * (the OpenCL backend): the caller fills the face conductivities of the coarsest grid, then
 * {@link #factor()} computes the transmissibilities and the band Cholesky factors exactly as the
 * CPU cycle does, and {@link #solve} solves on the host (a few hundred values).
 */
public final class CoarseDirectSolver {
    private final Level level;
    private final BandedCholesky cholesky;

    public CoarseDirectSolver(Grid g, BoundaryCondition.Kind bottom, BoundaryCondition.Kind top) {
        this.level = new Level(g, Parallel.serial(), bottom, top);
        this.cholesky = new BandedCholesky(level);
    }

    /** Whether the CPU cycle solves this coarsest grid directly (else it smooths {@link #coarseSweeps} times). */
    public static boolean affordable(Grid coarsest) {
        return BandedCholesky.factorCost(coarsest) <= MultigridPreconditioner.MAX_DIRECT_COST;
    }

    /** Red-black sweeps of each ordering the CPU cycle uses on a coarsest grid that is not solved directly. */
    public static int coarseSweeps(Grid coarsest) {
        return 4 * Math.max(coarsest.nx, Math.max(coarsest.ny, coarsest.nz));
    }

    /** Live face conductivities of the coarsest level (padded fields; betaY is null in 2D). */
    public double[] betaX() { return level.betaX; }
    public double[] betaY() { return level.betaY; }
    public double[] betaZ() { return level.betaZ; }

    /** Transmissibilities and factorisation from the current face conductivities. */
    public void factor() {
        level.updateTransmissibilities();
        cholesky.factor();
    }

    /** x = A^-1 b on the coarsest grid (padded fields; refreshes x's periodic x-ghosts). */
    public void solve(double[] x, double[] b) {
        cholesky.solve(x, b);
    }
}
