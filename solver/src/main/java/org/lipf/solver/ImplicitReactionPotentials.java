package org.lipf.solver;

import org.lipf.grid.Grid;
import org.lipf.grid.Parallel;
import org.lipf.kernels.cpu.AllenCahnUpdate;
import org.lipf.linear.BoundaryCondition;
import org.lipf.linear.CoupledPotentialPcg;
import org.lipf.linear.SolverDivergedException;
import org.lipf.linear.VariableCoefficientPoisson;
import org.lipf.model.FieldSet;
import org.lipf.model.MaterialTable;
import org.lipf.model.ModelParameters;

/**
 * The two potentials solved together with the reaction they drive (docs/MODEL.md section 5.4.1,
 * {@code solver: {reaction_coupling: implicit}}): Newton's method on
 *
 * <pre>
 *   div(sigma_l grad phi_l) =  q(eta),   div(sigma_s grad phi_s) = -q(eta),   eta = phi_s - phi_l - E_eq,
 *   q = n F c_s f_free R(eta)                       (R the electrochemical part of d xi/dt, section 3.1)
 *   integral(q) dV / area = i_set                    (galvanostatic: closes the collector voltage V)
 * </pre>
 *
 * at the current xi and c. Each Newton step linearises q = q_k - a (eta - eta_k), a = -n F c_s f_free
 * dR/d eta >= 0, solves the symmetric coupled system ({@link CoupledPotentialPcg}) at the old V, and
 * under galvanostatic control adds the response w to a unit change of V (the same system with a unit
 * collector value and no source) times the change that makes the linearised current the set one.
 * With the reaction lagged by a step instead, a reaction whose conductance a exceeds
 * sigma / L^2 over the reacting region (nucleation in an electron-conducting host, a leaky
 * electrolyte) makes the fixed point diverge.
 */
final class ImplicitReactionPotentials {
    /**
     * Newton steps before giving up. A step moves no overpotential by more than {@link #MAX_ETA_STEP_V}, so 40
     * steps capped the move at 2 V: too little where the voltage must climb by volts within a step (SC-micro
     * stripping at 5 mA/cm^2 as its host's Li runs out; it failed there and converges within 200).
     */
    private static final int MAX_NEWTON_STEPS = 200;
    /** Newton has converged when no overpotential moved by more than this, V. */
    private static final double ETA_TOLERANCE_V = 1e-7;
    /** Largest change of any overpotential in one Newton step, V: the exponential rates overshoot beyond a few RT/F. */
    private static final double MAX_ETA_STEP_V = 0.05;
    /**
     * Relative tolerance of the voltage response w. w only picks a Newton step's voltage change dV: the
     * linearised current equals the set one after phi += dV w whatever w's error, and that error enters
     * the potentials times dV, which vanishes as Newton converges (the next step's solve removes it).
     * Solving w to the potentials' 1e-8 took as many iterations as the potentials themselves; 1e-4 saves
     * 40 % of a coupled step's iterations (docs/MODEL.md section 5.4.1).
     */
    private static final double RESPONSE_REL_TOL = 1e-4;
    /**
     * Relative tolerance of the first Newton step's solve (inexact Newton): the later steps, solved to the
     * potentials' tolerance, correct what it leaves (Newton never stops after it); it saves another 25 % of
     * the iterations.
     */
    private static final double FIRST_NEWTON_REL_TOL = 1e-4;

    private final Grid g;
    private final ModelParameters p;
    private final MaterialTable table;
    private final AllenCahnUpdate allenCahn;
    private final Parallel parallel;
    private final VariableCoefficientPoisson opL, opS;
    private final CoupledPotentialPcg pcg;
    private final double relTol;
    private final double[] q, rhsL, rhsS, wL, wS, oldL, oldS, planeA, planeB;
    private final double perArea;
    /** Whether wL, wS hold the response of the last galvanostatic solve ({@link #voltageResponse}). */
    private boolean responseKnown;

    ImplicitReactionPotentials(Grid g, ModelParameters p, MaterialTable table, AllenCahnUpdate allenCahn, Parallel parallel, double relTol, int maxIterations) {
        this.g = g;
        this.p = p;
        this.table = table;
        this.allenCahn = allenCahn;
        this.parallel = parallel;
        // phi_l fixed at the counter boundary, phi_s at the collector (as the lagged solves)
        this.opL = new VariableCoefficientPoisson(g, parallel, BoundaryCondition.zeroFlux(), BoundaryCondition.dirichlet(0), true);
        this.opS = new VariableCoefficientPoisson(g, parallel, BoundaryCondition.dirichlet(0), BoundaryCondition.zeroFlux(), true);
        this.pcg = new CoupledPotentialPcg(opL, opS, maxIterations);
        this.relTol = relTol;
        this.q = g.newField();
        this.rhsL = g.newField();
        this.rhsS = g.newField();
        this.wL = g.newField();
        this.wS = g.newField();
        this.oldL = g.newField();
        this.oldS = g.newField();
        this.planeA = new double[g.nz];
        this.planeB = new double[g.nz];
        this.perArea = g.cellVolume_m3() / g.lateralArea();
    }

    /**
     * Solves phi_l and phi_s of f in place. Returns the collector voltage: {@code V_V} itself, or under
     * galvanostatic control (target a number) the voltage that carries the target current density.
     *
     * @throws SolverDivergedException if Newton or a linear solve does not converge
     */
    double solve(FieldSet f, double[] sigmaL, double[] sigmaS, double V_V, double target_A_per_m2, SimulationState state) {
        opL.setCellCoefficients(sigmaL);
        opS.setCellCoefficients(sigmaS);
        final boolean galvanostatic = !Double.isNaN(target_A_per_m2);
        // the voltage response starts from the last step's (a third of a coupled step's iterations were its first
        // solve from the uniform shift); snapshots keep it, so that a restart repeats the run bit for bit
        if (!responseKnown) startResponseFromUniformShift();
        // a call that fails part-way leaves no response to start from
        responseKnown = false;
        double V = V_V, maxChange = Double.NaN;
        int iterations = 0;
        for (int step = 0; step < MAX_NEWTON_STEPS; step++) {
            linearise(f);
            copyInterior(f.phiL, oldL);
            copyInterior(f.phiS, oldS);
            // (A_l + a) phi_l - a phi_s = -q_k - a (phi_s - phi_l)_k, and the negative of it for phi_s
            forInterior(c -> {
                final double r = q[c] + opL.shift()[c] * (f.phiS[c] - f.phiL[c]);
                rhsL[c] = -r;
                rhsS[c] = r;
            });
            opL.rhsWithBoundary(rhsL, 0.0, 0.0, rhsL);
            opS.rhsWithBoundary(rhsS, V, 0.0, rhsS);
            iterations += pcg.solve(f.phiL, f.phiS, rhsL, rhsS, step == 0 ? Math.max(relTol, FIRST_NEWTON_REL_TOL) : relTol).iterations();
            double dV = 0;
            if (galvanostatic) {
                opL.rhsWithBoundary(null, 0.0, 0.0, rhsL);
                opS.rhsWithBoundary(null, 1.0, 0.0, rhsS);
                iterations += pcg.solve(wL, wS, rhsL, rhsS, Math.max(relTol, RESPONSE_REL_TOL)).iterations();
                final double current = linearCurrent(f), response = responseCurrent();
                if (!(response < 0))
                    throw new SolverDivergedException(String.format("implicit potentials: the current does not respond to the cell voltage (%.3g A/m^2 per V): "
                            + "is there a metal surface or a nucleating host in contact with an ion conductor? (a material of free_fraction 0, such as the library's LLZTO particles, has no room for metal: a dense electrolyte takes free_fraction 1)", response), step, Double.NaN);
                dV = (target_A_per_m2 - current) / response;
                final double shift = dV;
                forInterior(c -> {
                    f.phiL[c] += shift * wL[c];
                    f.phiS[c] += shift * wS[c];
                });
            }
            maxChange = maxOverpotentialChange(f);
            if (!Double.isFinite(maxChange)) throw new SolverDivergedException("implicit potentials: the overpotential is not finite at Newton step " + step, step, maxChange);
            dV *= capOverpotentialStep(f, maxChange);
            V += dV;
            // only a step solved to the potentials' tolerance may end Newton
            if (maxChange < ETA_TOLERANCE_V && step > 0) {
                responseKnown = galvanostatic;
                state.lastIterations = iterations;
                state.counterCurrent_A_per_m2 = PotentialSolver.currentIntoTop(g, sigmaL, f.phiL, 0.0);
                return V;
            }
        }
        throw new SolverDivergedException(String.format("implicit potentials: Newton did not converge in %d steps (last overpotential change %.3g V)",
                MAX_NEWTON_STEPS, maxChange), MAX_NEWTON_STEPS, maxChange);
    }

    /**
     * The response of phi_l and phi_s to a unit change of the collector voltage (padded fields), as the last
     * galvanostatic {@link #solve} left it, the next one's start; null before one has succeeded.
     */
    double[][] voltageResponse() {
        return responseKnown ? new double[][] {wL, wS} : null;
    }

    /** Takes up a response saved from {@link #voltageResponse} (interior cells, C order), as the next solve's start. */
    void restoreVoltageResponse(double[] interiorL, double[] interiorS) {
        startResponseFromUniformShift(); // the ghosts as a fresh start has them
        g.setInterior(wL, interiorL);
        g.setInterior(wS, interiorS);
        responseKnown = true;
    }

    /** w = the response without reactions: phi_s shifts with the collector voltage, phi_l stays. */
    private void startResponseFromUniformShift() {
        java.util.Arrays.fill(wL, 0);
        java.util.Arrays.fill(wS, 1);
    }

    /** q = n F c_s f_free R(eta) and the coupling a = -n F c_s f_free dR/d eta (both operators' shifts) at the current potentials. */
    private void linearise(FieldSet f) {
        final double[] aL = opL.shift(), aS = opS.shift();
        final double charge = p.chargeDensity_C_per_m3();
        parallel.forSlabs(g.nz, (k0, k1) -> {
            final double[] linear = new double[3];
            for (int k = k0; k < k1; k++)
                for (int j = 0; j < g.ny; j++)
                    for (int c = g.rowStart(j, k), end = c + g.nx; c < end; c++) {
                        final int m = f.material[c];
                        final double x = f.xi[c];
                        double rate = 0, slope = 0;
                        if (allenCahn.reactive(x, m)) {
                            allenCahn.linearisedReaction(x, f.dispersed[c], m, allenCahn.overpotential(f, c), f.c[c], allenCahn.filmDrop_V(f, c, m),
                                    allenCahn.filmKinetics(f, c, m), allenCahn.openFaces(f, c), allenCahn.faceLi(f, c), linear);
                            rate = linear[0];
                            slope = linear[1] + linear[2];
                        }
                        final double free = table.freeFraction[m];
                        q[c] = charge * free * rate;
                        aL[c] = Math.max(0, -charge * free * slope);
                        aS[c] = aL[c];
                    }
        });
        opL.coefficientsChanged();
        opS.coefficientsChanged();
    }

    /**
     * Newton in the voltage alone, along the last {@link #solve}'s response w: after the contact fractions changed
     * under the solved potentials (the voids advance at the overpotentials of a step's end), the source no longer
     * carries the set current, and the dispersed form has no control that corrects the rates. Shifts the potentials by
     * dV w until the source, re-evaluated at each shift, carries {@code target_A_per_m2} (no linear solve: the
     * potentials' fields keep their shape; each shift moves no overpotential by more than the solve's cap, as the
     * exponential rates overshoot). Returns the voltage shift, V.
     *
     * @throws SolverDivergedException if it does not converge
     */
    double correctVoltage(FieldSet f, double target_A_per_m2) {
        double shifted = 0;
        for (int step = 0; step < MAX_NEWTON_STEPS; step++) {
            linearise(f);
            copyInterior(f.phiL, oldL);
            copyInterior(f.phiS, oldS);
            final double response = responseCurrent();
            if (!(response < 0)) return shifted;
            final double wanted = (target_A_per_m2 - linearCurrent(f)) / response;
            forInterior(c -> {
                f.phiL[c] += wanted * wL[c];
                f.phiS[c] += wanted * wS[c];
            });
            final double change = maxOverpotentialChange(f);
            if (!Double.isFinite(change)) throw new SolverDivergedException("implicit potentials: the voltage's correction for the voids' contact is not finite", step, change);
            shifted += wanted * capOverpotentialStep(f, change);
            if (change < ETA_TOLERANCE_V) return shifted;
        }
        throw new SolverDivergedException("implicit potentials: the voltage's correction for the voids' contact did not converge in "
                + MAX_NEWTON_STEPS + " steps", MAX_NEWTON_STEPS, Double.NaN);
    }

    /**
     * Takes the potentials' change since oldL, oldS back to the fraction that moves no overpotential by more than
     * {@link #MAX_ETA_STEP_V} where {@code change} (the largest move) exceeds it; returns that fraction (1 if none).
     */
    private double capOverpotentialStep(FieldSet f, double change) {
        if (!(change > MAX_ETA_STEP_V)) return 1;
        final double s = MAX_ETA_STEP_V / change;
        forInterior(c -> {
            f.phiL[c] = oldL[c] + s * (f.phiL[c] - oldL[c]);
            f.phiS[c] = oldS[c] + s * (f.phiS[c] - oldS[c]);
        });
        return s;
    }

    /** integral of the linearised source at the new potentials, per area, A/m^2. */
    private double linearCurrent(FieldSet f) {
        final double[] a = opL.shift();
        return perArea * sumInterior(c -> q[c] - a[c] * ((f.phiS[c] - f.phiL[c]) - (oldS[c] - oldL[c])));
    }

    /** d(current)/dV of the linearised source, A/(m^2 V) (negative: a higher collector voltage plates less). */
    private double responseCurrent() {
        final double[] a = opL.shift();
        return -perArea * sumInterior(c -> a[c] * (wS[c] - wL[c]));
    }

    /** Largest |change of phi_s - phi_l| over the cells that react, V. */
    private double maxOverpotentialChange(FieldSet f) {
        final double[] a = opL.shift();
        parallel.forSlabs(g.nz, (k0, k1) -> {
            for (int k = k0; k < k1; k++) {
                double max = 0;
                for (int j = 0; j < g.ny; j++) {
                    final int s = g.rowStart(j, k);
                    for (int c = s; c < s + g.nx; c++)
                        if (a[c] > 0 || q[c] != 0) max = Math.max(max, Math.abs((f.phiS[c] - f.phiL[c]) - (oldS[c] - oldL[c])));
                }
                planeA[k] = max;
            }
        });
        return Parallel.maxOf(planeA);
    }

    private double sumInterior(java.util.function.IntToDoubleFunction value) {
        return parallel.sumOverPlanes(g.nz, planeB, k -> {
            double sum = 0;
            for (int j = 0; j < g.ny; j++) {
                final int s = g.rowStart(j, k);
                for (int c = s; c < s + g.nx; c++) sum += value.applyAsDouble(c);
            }
            return sum;
        });
    }

    private void copyInterior(double[] from, double[] to) {
        forInterior(c -> to[c] = from[c]);
    }

    private void forInterior(java.util.function.IntConsumer body) {
        parallel.forInteriorCells(g, body);
    }
}
