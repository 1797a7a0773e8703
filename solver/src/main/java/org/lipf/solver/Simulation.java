package org.lipf.solver;

import org.lipf.grid.Grid;
import org.lipf.grid.Parallel;
import org.lipf.kernels.cpu.AllenCahnUpdate;
import org.lipf.grid.GhostCells;
import org.lipf.kernels.cpu.NernstPlanckUpdate;
import org.lipf.kernels.cpu.PotentialCoefficients;
import org.lipf.model.FieldSet;
import org.lipf.model.MaterialTable;
import org.lipf.model.ModelParameters;
import org.lipf.scenario.ControlMode;
import org.lipf.scenario.CurrentProgram;
import org.lipf.scenario.Scenario;

/**
 * One simulation on the multithreaded CPU: the state of docs/MODEL.md section 2 and the time step
 * of section 5. A step is: Allen-Cahn rate with the current potentials, galvanostatic voltage
 * correction, Nernst-Planck update, bound check (rejected steps are retried at half the step),
 * then the quasi-static potential solves with the new conductivities and the step's reaction
 * source, warm-started from the previous potentials.
 */
public final class Simulation {
    private static final int MAX_RETRIES = 30;

    private final Scenario scenario;
    private final Grid grid;
    private final ModelParameters params;
    private final MaterialTable table;
    private final Parallel parallel;
    private final FieldSet fields;
    private final AllenCahnUpdate allenCahn;
    private final NernstPlanckUpdate nernstPlanck;
    private final PotentialCoefficients coefficients;
    private final PotentialSolver ionic, electronic;
    private final GalvanostaticControl galvanostatic;
    /** Set current over time (galvanostatic runs; the driver keeps each step inside one segment). */
    private final CurrentProgram program;
    private final InterphaseGrowth interphases;
    private final DepositMetrics metrics;
    private final ShortCircuitDetector shorts;
    private final double[] sigmaL, sigmaS, source;

    private final SimulationState state;

    public Simulation(Scenario scenario, Grid grid, FieldSet fields, SimulationState state, Parallel parallel, double electrolyteBase_m) {
        this.scenario = scenario;
        this.grid = grid;
        this.params = ModelParameters.from(scenario);
        this.table = new MaterialTable(scenario, params);
        this.parallel = parallel;
        this.fields = fields;
        this.state = state;
        this.allenCahn = new AllenCahnUpdate(grid, params, table, parallel);
        this.nernstPlanck = new NernstPlanckUpdate(grid, params, table, parallel);
        this.coefficients = new PotentialCoefficients(grid, params, table, parallel);
        double tol = scenario.solver().potentialRelTol();
        int maxIt = scenario.solver().potentialMaxIterations();
        // single potential: Dirichlet at both ends; mixed: phi_l fixed at the counter boundary, phi_s at the collector
        this.ionic = new PotentialSolver(grid, parallel, params.singlePotential(), true, tol, maxIt);
        this.electronic = params.singlePotential() ? null : new PotentialSolver(grid, parallel, true, false, tol, maxIt);
        this.metrics = new DepositMetrics(grid, table, parallel, electrolyteBase_m);
        this.interphases = new InterphaseGrowth(scenario, grid, table);
        this.program = scenario.control().mode() == ControlMode.GALVANOSTATIC ? CurrentProgram.of(scenario.control()) : null;
        this.galvanostatic = scenario.control().mode() == ControlMode.GALVANOSTATIC
                ? new GalvanostaticControl(grid, params, table, allenCahn, metrics, parallel) : null;
        this.shorts = new ShortCircuitDetector(grid, table, params.interfaceWidth_m());
        this.sigmaL = grid.newField();
        this.sigmaS = params.singlePotential() ? null : grid.newField();
        this.source = grid.newField();
        GhostCells.fill(grid, fields.material);
    }

    public Scenario scenario() { return scenario; }
    public Grid grid() { return grid; }
    public FieldSet fields() { return fields; }
    public SimulationState state() { return state; }
    public ModelParameters parameters() { return params; }
    public DepositMetrics metrics() { return metrics; }

    /**
     * Relaxes the sharp initial metal surfaces to the equilibrium tanh profile by capillarity alone
     * (no reaction, no noise, c untouched) for five interface relaxation times 1 / (L_sigma W).
     * Without it, the first steps would convert a large fraction of an electrolyte cell to metal
     * by capillarity and consume far more Li+ than the cell holds (the sink is c_s / c0 ~ 76 d xi).
     */
    public void relaxInterfaces() {
        AllenCahnUpdate capillarity = new AllenCahnUpdate(grid, params.withoutNoise(), table.withoutReactions(), parallel);
        double dt = scenario.time().stabilitySafety() * capillarity.stableStep_s();
        double duration = 5 / (params.Lsigma_m3_per_J_s() * params.W_J_per_m3());
        for (double t = 0; t < duration; t += dt) {
            GhostCells.fill(grid, fields.xi);
            capillarity.compute(fields, dt, 0);
            fields.swapXi();
        }
        java.util.Arrays.fill(fields.rate, 0);
    }

    /** Solves the potentials for the current fields and rate (used at start-up). */
    public void solvePotentials() {
        fillGhosts();
        coefficients.compute(fields, sigmaL, sigmaS, source);
        solveWithCurrentCoefficients();
    }

    /**
     * Advances one accepted step no longer than {@code maxStep_s}.
     *
     * @throws NumericalInstabilityException if the step fails at every retry
     */
    public void advance(double maxStep_s) {
        fillGhosts();
        double dt = Math.min(state.nextStep_s, maxStep_s);
        final double target = galvanostatic != null ? program.currentAt_A_per_m2(state.time_s) : Double.NaN;
        for (int attempt = 0; ; attempt++) {
            allenCahn.compute(fields, dt, state.step);
            boolean bad = allenCahn.lastOutOfBounds();
            if (galvanostatic != null) {
                // the control corrects the rates first: bounds are judged on the corrected step
                state.cellVoltage_V += galvanostatic.enforce(fields, target, dt);
                bad = allenCahn.outOfBounds(fields);
            }
            if (!bad) {
                nernstPlanck.compute(fields, dt);
                bad = nernstPlanck.lastOutOfBounds();
            }
            if (!bad) break;
            if (attempt == MAX_RETRIES) throw instability(dt);
            dt *= 0.5;
            state.rejectedSteps++;
            if (galvanostatic != null) fillGhosts(); // the shifted potential needs fresh ghosts
        }
        fields.swapNext();
        if (interphases.due(state.time_s, state.time_s + dt)) interphases.update(state.time_s, state.time_s + dt, fields); // before the coefficients: they read the material ids
        state.time_s += dt;
        state.step++;
        state.lastStep_s = dt;
        coefficients.compute(fields, sigmaL, sigmaS, source);
        state.reactionCurrent_A_per_m2 = params.chargeDensity_C_per_m3() * metrics.growthVelocity_m_per_s(fields);
        solveWithCurrentCoefficients();
        state.passedCharge_C_per_m2 += (params.singlePotential() ? state.reactionCurrent_A_per_m2 : state.counterCurrent_A_per_m2) * dt;
        state.nextStep_s = stableStep();
    }

    /** Largest stable explicit step for the current state, s (scenario safety factor applied). */
    public double stableStep() {
        double dt = allenCahn.stableStep_s();
        if (nernstPlanck.lastMaxRate_per_s() > 0) dt = Math.min(dt, 1 / nernstPlanck.lastMaxRate_per_s());
        if (allenCahn.lastReactionStiffness_per_s() > 0) dt = Math.min(dt, 1 / allenCahn.lastReactionStiffness_per_s());
        return Math.min(scenario.time().stabilitySafety() * dt, scenario.time().maxStep_s());
    }

    /** Initial explicit step before any rates are known: diffusion of the fastest material. */
    public double initialStep() {
        double dMax = params.metalDiffusivity_m2_per_s();
        for (double d : table.diffusivity_m2_per_s) dMax = Math.max(dMax, d);
        double dt = allenCahn.stableStep_s();
        if (dMax > 0) dt = Math.min(dt, grid.dx_m * grid.dx_m / (2 * grid.dimensions * dMax));
        return Math.min(scenario.time().stabilitySafety() * dt, scenario.time().maxStep_s());
    }

    public ShortCircuitDetector.Short checkShort() {
        return shorts.check(fields);
    }

    private void solveWithCurrentCoefficients() {
        final double V = state.cellVoltage_V;
        if (params.singlePotential()) {
            // div(sigma grad phi) = q  (Chen 2015), phi = V at the collector, 0 at the counter boundary
            state.lastIterations = ionic.solve(sigmaL, source, +1, V, 0.0, fields.phiL);
            state.counterCurrent_A_per_m2 = ionic.currentIntoTop(sigmaL, fields.phiL, 0.0);
        } else {
            // div(sigma_l grad phi_l) = q and div(sigma_s grad phi_s) = -q (docs/MODEL.md section 3.4)
            int itL = ionic.solve(sigmaL, source, +1, 0.0, 0.0, fields.phiL);
            int itS = electronic.solve(sigmaS, source, -1, V, 0.0, fields.phiS);
            state.lastIterations = itL + itS;
            state.counterCurrent_A_per_m2 = ionic.currentIntoTop(sigmaL, fields.phiL, 0.0);
        }
    }

    private void fillGhosts() {
        GhostCells.fill(grid, fields.xi);
        GhostCells.fill(grid, fields.c);
        GhostCells.fill(grid, fields.phiL);
        if (!fields.singlePotential()) GhostCells.fill(grid, fields.phiS);
    }

    private NumericalInstabilityException instability(double dt) {
        for (int k = 0; k < grid.nz; k++)
            for (int j = 0; j < grid.ny; j++)
                for (int i = 0; i < grid.nx; i++) {
                    int P = grid.index(i, j, k);
                    double x = fields.xiNext[P], c = fields.cNext[P];
                    if (!(x >= AllenCahnUpdate.XI_MIN && x <= AllenCahnUpdate.XI_MAX))
                        return new NumericalInstabilityException(state.step, "xi", P, String.format("xi = %g at cell (%d,%d,%d) with dt = %g s", x, i, j, k, dt));
                    if (!(c >= NernstPlanckUpdate.C_MIN))
                        return new NumericalInstabilityException(state.step, "c", P, String.format("c = %g at cell (%d,%d,%d) with dt = %g s", c, i, j, k, dt));
                }
        return new NumericalInstabilityException(state.step, "?", -1, "dt = " + dt + " s");
    }

    public MaterialTable materials() {
        return table;
    }
}
