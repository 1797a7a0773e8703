package org.lipf.solver;

import org.lipf.grid.Grid;
import org.lipf.grid.Parallel;
import org.lipf.model.FieldSet;
import org.lipf.model.ModelParameters;
import org.lipf.scenario.Scenario;

/**
 * The quasi-static potential solves of one step on the host (docs/MODEL.md section 3.4):
 * multigrid-preconditioned CG on the conductivities and source held in {@link #sigmaL},
 * {@link #sigmaS} and {@link #source}, warm-started from the fields' potentials.
 */
public final class PotentialSolves {
    /** Cell conductivities (single potential: the one conductivity), S/m; sigmaS is null in the single form. */
    public final double[] sigmaL, sigmaS;
    /** Reaction charge source q, A/m^3. */
    public final double[] source;
    private final boolean single;
    private final Grid grid;
    private final PotentialSolver ionic, electronic;

    public PotentialSolves(Scenario scenario, ModelParameters params, Grid grid, Parallel parallel) {
        this.single = params.singlePotential();
        this.grid = grid;
        double tol = scenario.solver().potentialRelTol();
        int maxIt = scenario.solver().potentialMaxIterations();
        // single potential: Dirichlet at both ends; mixed: phi_l fixed at the counter boundary, phi_s at the collector
        this.ionic = new PotentialSolver(grid, parallel, single, true, tol, maxIt);
        this.electronic = single ? null : new PotentialSolver(grid, parallel, true, false, tol, maxIt);
        this.sigmaL = grid.newField();
        this.sigmaS = single ? null : grid.newField();
        this.source = grid.newField();
    }

    /** Solves phi_l (and phi_s) of f in place, collector at V; writes the iterations and the counter current into the state. */
    public void solve(FieldSet f, double V, SimulationState state) {
        if (single) {
            // div(sigma grad phi) = q  (Chen 2015), phi = V at the collector, 0 at the counter boundary
            state.lastIterations = ionic.solve(sigmaL, source, +1, V, 0.0, f.phiL);
        } else {
            // div(sigma_l grad phi_l) = q and div(sigma_s grad phi_s) = -q (docs/MODEL.md section 3.4)
            int itL = ionic.solve(sigmaL, source, +1, 0.0, 0.0, f.phiL);
            int itS = electronic.solve(sigmaS, source, -1, V, 0.0, f.phiS);
            state.lastIterations = itL + itS;
        }
        state.counterCurrent_A_per_m2 = PotentialSolver.currentIntoTop(grid, sigmaL, f.phiL, 0.0);
    }
}
