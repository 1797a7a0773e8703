package org.lipf.solver;

import org.lipf.grid.Grid;
import org.lipf.grid.Parallel;
import org.lipf.kernels.cpu.AllenCahnUpdate;
import org.lipf.kernels.cpu.NernstPlanckUpdate;
import org.lipf.model.FieldSet;

/**
 * The Nernst-Planck half of a semi-implicit step (docs/MODEL.md section 5.3.2): diffusion implicit,
 * drift and the reaction sink explicit (IMEX Euler). The explicit increment dc_e of section 3.2
 * (Scharfetter-Gummel fluxes, sink with the step's filtered rate, no limiter) is passed through
 *
 * <pre>
 *   dc - div( dt D_eff grad dc ) = dc_e,      c^(n+1) = max(0, c^n + dc)
 * </pre>
 *
 * with zero flux at the collector and dc = 0 on the counter boundary face (c held at 1 there), the
 * faces harmonic means of D_eff as in the explicit stencil. Only then is the ion-availability
 * limiter applied.
 */
final class ImplicitNernstPlanck {
    private final Grid g;
    private final Parallel parallel;
    private final NernstPlanckUpdate explicit;
    private final AllenCahnUpdate allenCahn;
    private final ImplicitSolve solve;
    private final double[] cellBeta, increment, rhs, planeBad;

    ImplicitNernstPlanck(Grid g, Parallel parallel, NernstPlanckUpdate explicit, AllenCahnUpdate allenCahn) {
        this.g = g;
        this.allenCahn = allenCahn;
        this.parallel = parallel;
        this.explicit = explicit;
        this.solve = new ImplicitSolve(g, parallel, true);
        this.cellBeta = g.newField();
        this.increment = g.newField();
        this.rhs = g.newField();
        this.planeBad = new double[g.nz];
    }

    /** Writes cNext from c, xi and rate (ghosts filled); returns whether cNext is not finite. */
    boolean step(FieldSet f, double dt) {
        explicit.compute(f, dt, false);
        final double[] c = f.c, next = f.cNext, alpha = solve.alpha();
        parallel.forSlabs(g.nz, (k0, k1) -> {
            for (int k = k0; k < k1; k++)
                for (int j = 0; j < g.ny; j++) {
                    final int start = g.rowStart(j, k);
                    for (int P = start; P < start + g.nx; P++) {
                        cellBeta[P] = dt * explicit.diffusivity_m2_per_s(f, P);
                        // the reaction sink's stiff dependence on c, implicit (Rosenbrock-Euler)
                        alpha[P] = 1 + dt * allenCahn.sinkConcentrationRate_per_s(f, P);
                        rhs[P] = next[P] - c[P];
                        increment[P] = rhs[P];
                    }
                }
        });
        solve.setFaces(cellBeta);
        solve.solve(increment, rhs);
        parallel.forSlabs(g.nz, (k0, k1) -> {
            for (int k = k0; k < k1; k++) {
                boolean bad = false;
                for (int j = 0; j < g.ny; j++) {
                    final int start = g.rowStart(j, k);
                    for (int P = start; P < start + g.nx; P++) {
                        final double cn = c[P] + increment[P];
                        // the ion-availability limiter of section 3.2 (also flushes subnormals)
                        next[P] = cn < AllenCahnUpdate.TINY ? 0 : cn;
                        if (!Double.isFinite(cn)) bad = true;
                    }
                }
                planeBad[k] = bad ? 1 : 0;
            }
        });
        return Parallel.maxOf(planeBad) != 0;
    }

    /** PCG iterations of all its solves so far. */
    long solveIterations() {
        return solve.iterations();
    }
}
