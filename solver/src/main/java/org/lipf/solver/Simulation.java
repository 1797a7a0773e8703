package org.lipf.solver;

import org.lipf.grid.SurfaceFilms;
import org.lipf.grid.Grid;
import org.lipf.grid.Parallel;
import org.lipf.kernels.cpu.AllenCahnUpdate;
import org.lipf.grid.GhostCells;
import org.lipf.kernels.cpu.NernstPlanckUpdate;
import org.lipf.model.FieldSet;
import org.lipf.model.LeakageFilledPore;
import org.lipf.model.LiFilledCrack;
import org.lipf.model.MaterialTable;
import org.lipf.model.ModelParameters;
import org.lipf.scenario.ControlMode;
import org.lipf.scenario.CurrentProgram;
import org.lipf.scenario.Integrator;
import org.lipf.scenario.ReactionCoupling;
import org.lipf.linear.SolverDivergedException;
import org.lipf.scenario.Scenario;

/**
 * One simulation on a {@link Backend} (the multithreaded CPU by default): the state of docs/MODEL.md section 2 and the time step
 * of section 5. A step is: Allen-Cahn rate with the current potentials, galvanostatic voltage
 * correction, Nernst-Planck update, bound check (rejected steps are retried at half the step),
 * then the quasi-static potential solves with the new conductivities and the step's reaction
 * source, warm-started from the previous potentials.
 */
public final class Simulation implements AutoCloseable {
    private static final int MAX_RETRIES = 30;

    private final Scenario scenario;
    private final Grid grid;
    private final ModelParameters params;
    private final MaterialTable table;
    /** Area resistance of the electrolyte beyond the window's top, ohm m^2 ({@link ElectrolyteBeyondTop}). */
    private final double beyondTopResistance_ohm_m2;
    private final FieldSet fields;
    private final Backend backend;
    private final boolean galvanostatic;
    private final boolean semiImplicit;
    /** Whether the potentials are solved with the reaction source (solver.reaction_coupling: implicit). */
    private final boolean implicitReactions;
    /** Set current over time (galvanostatic runs; the driver keeps each step inside one segment). */
    private final CurrentProgram program;
    private final InterphaseGrowth interphases;
    private final ElectrolyteFollowsMetal follower;
    private final LiIntrusion intrusion;
    /** The electronic area resistance of the films on the metal per column (section 4.2.1); null without pores. */
    private final double[] filmElectronResistance_ohm_m2;
    /** Voids at the stripping metal surface (docs/MODEL.md section 4.3); null where the metal forms none. */
    private final StrippingVoids voids;
    /** The Li intrusion whose crack reached the counter electrode at the last step (a short), or null. */
    private ShortCircuitDetector.Short intruded;
    /** The result of the last {@link #checkShort}: a snapshot written then records it. */
    private ShortCircuitDetector.Short lastShort;
    private final DepositMetrics metrics;
    /** The reaction terms evaluated on the host (the snapshots' reaction rate, the voids' surface current). */
    private final AllenCahnUpdate reactions;
    private final double allenCahnLimit_s;
    /** Whether the last accepted step was a retry at a smaller step. */
    private boolean retried;
    /** Whether the host fields hold the backend's current state. */
    private boolean hostCurrent = true;

    private final SimulationState state;
    private final Parallel parallel;

    public Simulation(Scenario scenario, Grid grid, FieldSet fields, SimulationState state, Parallel parallel, double electrolyteBase_m) {
        this(scenario, grid, fields, state, parallel, electrolyteBase_m, BackendFactory.CPU);
    }

    public Simulation(Scenario scenario, Grid grid, FieldSet fields, SimulationState state, Parallel parallel, double electrolyteBase_m,
                      BackendFactory backendFactory) {
        this.scenario = scenario;
        this.grid = grid;
        this.params = ModelParameters.from(scenario);
        this.table = new MaterialTable(scenario, params);
        this.fields = fields;
        this.state = state;
        this.parallel = parallel;
        this.metrics = new DepositMetrics(grid, table, parallel, electrolyteBase_m, params.dispersedNucleation());
        this.galvanostatic = scenario.control().mode() == ControlMode.GALVANOSTATIC;
        this.semiImplicit = scenario.time().integrator() == Integrator.SEMI_IMPLICIT;
        this.implicitReactions = scenario.solver().reactionCoupling() == ReactionCoupling.IMPLICIT;
        this.program = galvanostatic ? CurrentProgram.of(scenario.control()) : null;
        this.interphases = new InterphaseGrowth(scenario, grid, table);
        this.follower = new ElectrolyteFollowsMetal(scenario, grid, table);
        this.intrusion = new LiIntrusion(grid, params, table, parallel, scenario.geometry().electrolyteBeyondTop_m());
        this.beyondTopResistance_ohm_m2 = ElectrolyteBeyondTop.resistance_ohm_m2(scenario);
        this.filmElectronResistance_ohm_m2 = java.util.Arrays.stream(table.pore).anyMatch(java.util.Objects::nonNull)
                ? SurfaceFilms.electronicResistancePerColumn_ohm_m2(scenario, grid) : null;
        this.reactions = new AllenCahnUpdate(grid, params, table, parallel);
        this.voids = StrippingVoids.of(scenario, grid, params, table, reactions);
        if (voids != null) {
            if (state.voidVolume_m == null) state.voidVolume_m = new double[voids.columns()];
            voids.applyContact(fields, state.voidVolume_m);
        } else state.voidVolume_m = null;
        this.allenCahnLimit_s = AllenCahnUpdate.stableStep_s(grid, params);
        GhostCells.fill(grid, fields.material);
        // the films on the metal surface are static and follow from the scenario (also on restart)
        System.arraycopy(SurfaceFilms.resistancePerColumn_ohm_m2(scenario, grid), 0, fields.filmResistance_ohm_m2, 0, grid.strideZ);
        System.arraycopy(SurfaceFilms.exchangeCurrentPerColumn_A_per_m2(scenario, grid), 0, fields.filmExchangeCurrent_A_per_m2, 0, grid.strideZ);
        this.backend = backendFactory.create(scenario, fields, parallel);
        backend.upload();
        // the host's reaction terms react at the backend's faces (section 3.6.1), which its upload keeps up to date
        if (backend.hostFaces() != null) reactions.reactAtHostFaces(backend.hostFaces());
        backend.assumeStep(state.nextStep_s); // a restored run's potentials were solved for this step
        recordExtremes(); // the starting state counts, as its time-series row does
    }

    public Scenario scenario() { return scenario; }
    public Grid grid() { return grid; }
    public SimulationState state() { return state; }
    public ModelParameters parameters() { return params; }
    public DepositMetrics metrics() { return metrics; }
    /** The set current over time; null under potentiostatic control. */
    public CurrentProgram currentProgram() { return program; }
    public Backend backend() { return backend; }

    /** The host fields, brought up to date from the backend first if it ran ahead of them. */
    public FieldSet fields() {
        if (!hostCurrent) {
            backend.download();
            hostCurrent = true;
        }
        return fields;
    }

    /**
     * Relaxes the sharp initial metal surfaces to the equilibrium tanh profile by capillarity, each piece of metal
     * keeping its volume ({@link InterfaceRelaxation}), for five interface relaxation times 1 / (L_sigma W).
     * Without it, the first steps would convert a large fraction of an electrolyte cell to metal
     * by capillarity and consume far more Li+ than the cell holds (the sink is c_s / c0 ~ 76 d xi).
     */
    public void relaxInterfaces() {
        relaxInterfaces(scenario.time().stabilitySafety() * AllenCahnUpdate.stableStep_s(grid, params.withoutNoise()),
                5 / (params.Lsigma_m3_per_J_s() * params.W_J_per_m3()));
    }

    /**
     * Where metal lies that no metallic conductor joins to the collector ({@link FloatingMetal}), or null: only the
     * coupled solve of the mixed form can carry it (docs/MODEL.md section 5.4.1).
     */
    public String floatingMetal() {
        return FloatingMetal.find(grid, fields(), table, params.metalConductivity_S_per_m());
    }

    /** As {@link #relaxInterfaces()} with steps of dt until the duration is covered. */
    public void relaxInterfaces(double dt_s, double duration_s) {
        InterfaceRelaxation.relax(grid, params, table, parallel, fields(), dt_s, duration_s);
        backend.upload();
    }

    /** Solves the potentials for the current fields and rate (used at start-up). */
    public void solvePotentials() {
        backend.fillGhosts();
        backend.computeCoefficients();
        solvePotentialsNow();
        hostCurrent = false;
    }

    /** The potential solves at the current time: the reaction lagged, or solved with them (and the voltage). */
    private void solvePotentialsNow() {
        // the next step takes at most state.nextStep_s: dispersed metal's rate is averaged over it (section 3.6)
        backend.assumeStep(state.nextStep_s);
        if (implicitReactions)
            state.cellVoltage_V = backend.solvePotentialsWithReactions(state.cellVoltage_V,
                    galvanostatic ? program.currentAt_A_per_m2(state.time_s) : Double.NaN, state);
        else backend.solvePotentials(state.cellVoltage_V, state);
    }

    /**
     * Advances one accepted step no longer than {@code maxStep_s}.
     *
     * @throws NumericalInstabilityException if the step fails at every retry
     */
    public void advance(double maxStep_s) {
        try {
            step(maxStep_s);
        } catch (MetalUsedUpException e) {
            throw e;
        } catch (RuntimeException e) {
            // a stripping whose metal is nearly gone (less than an interface width) or whose contact is lost to voids
            // fails in the control or a solve as the last metal goes: it says so (section 3.7)
            final double left = metalLeft_m(), contact = minContactFraction();
            if (strippingNow() && (left < scenario.model().interfaceWidth_m() || contact < MetalUsedUpException.CONTACT_LOST))
                throw new MetalUsedUpException(state.time_s, state.initialMetalVolume_m, left, contact, e);
            throw e;
        }
    }

    /** The metal per area the cell holds by Faraday's law: the starting metal plus the passed charge over n F c_s, m. */
    private double metalLeft_m() {
        return state.initialMetalVolume_m + state.passedCharge_C_per_m2 / params.chargeDensity_C_per_m3();
    }

    /**
     * The cell voltage of the time-series row after the last step, V: the state's, except where that step ended on a
     * change of the set current and the coupled solve (section 5.4.1) has since aimed at the next current: then the
     * voltage the step ran at, as the lagged control's rows give (a plating's last row read the stripping's voltage).
     */
    public double rowVoltage_V() {
        return Double.isNaN(switchedStepVoltage_V) ? state.cellVoltage_V : switchedStepVoltage_V;
    }

    /** The counter current of the time-series row after the last step, A/m^2: as {@link #rowVoltage_V}, the step's own. */
    public double rowCounterCurrent_A_per_m2() {
        return Double.isNaN(switchedStepVoltage_V) ? state.counterCurrent_A_per_m2 : switchedStepCurrent_A_per_m2;
    }

    /** Takes up the row values of a restored step that ended on a change of the set current ({@link #rowVoltage_V}). */
    public void resumeSwitchedStep(double voltage_V, double counterCurrent_A_per_m2) {
        switchedStepVoltage_V = voltage_V;
        switchedStepCurrent_A_per_m2 = counterCurrent_A_per_m2;
    }

    /** Whether the control strips now: a negative set current, or a potentiostatic voltage above E_eq. */
    private boolean strippingNow() {
        return galvanostatic ? program.currentAt_A_per_m2(state.time_s) < 0 : state.cellVoltage_V > params.equilibriumPotential_V();
    }

    /** The voltage and counter current of a step that ended on a change of the set current under the coupled solve ({@link #rowVoltage_V}). */
    private double switchedStepVoltage_V = Double.NaN, switchedStepCurrent_A_per_m2 = Double.NaN;

    private void step(double maxStep_s) {
        hostCurrent = false;
        backend.fillGhosts();
        double dt = Math.min(state.nextStep_s, maxStep_s);
        final double target = galvanostatic ? program.currentAt_A_per_m2(state.time_s) : Double.NaN;
        final long implicitBefore = backend.implicitIterations();
        for (int attempt = 0; ; attempt++) {
            boolean bad = backend.allenCahn(dt, state.step);
            // with dispersed nucleation the coupled potentials alone hold the current (their source is the
            // step's rates); the control's per-cell correction would have to split growth from nucleation
            if (galvanostatic && !params.dispersedNucleation()) {
                // the control corrects the rates first: bounds are judged on the corrected step
                state.cellVoltage_V += backend.enforceCurrent(target, dt);
                bad = backend.xiOutOfBounds();
            }
            if (semiImplicit) bad = semiImplicitStep(dt);
            else if (!bad) bad = backend.nernstPlanck(dt);
            if (!bad) {
                retried = attempt > 0;
                break;
            }
            if (attempt == MAX_RETRIES) throw instability(dt);
            dt *= 0.5;
            state.rejectedSteps++;
            if (galvanostatic) backend.fillGhosts(); // the shifted potential needs fresh ghosts
        }
        state.lastImplicitIterations = backend.implicitIterations() - implicitBefore;
        backend.swapNext();
        // rare (the interphase passed a further half cell): material ids change on the host before the
        // coefficients are computed from them, and the backend takes the host fields
        boolean relabelled = interphases.due(state.time_s, state.time_s + dt) && interphases.update(state.time_s, state.time_s + dt, fields());
        // where the metal stripped out of its own layer's cells the electrolyte takes their place (section 3.7); only
        // in a stripping step, so that a plating run (on the OpenCL backend: without reading the fields back) is untouched
        final boolean stripping = strippingNow();
        if (stripping && follower.active()) relabelled |= follower.update(fields());
        // which host faces react follows the new map (section 3.6.1): the upload finds them, for the backend and the host
        if (relabelled) backend.upload();
        // fields() brought the host up to date above; the solves below run ahead of it again
        hostCurrent = false;
        state.time_s += dt;
        state.step++;
        state.lastStep_s = dt;
        // the crack and the voids advance over the step at the overpotentials of its end, solved below for its
        // current (implicit in time: a nucleation spike at the start of a plating relaxes within the step);
        // across a switch of the program that solve aims at the next step's current, and the potentials that
        // drove the step, solved at its start, stand in (docs/MODEL.md section 4.2)
        final boolean switching = galvanostatic && program.currentAt_A_per_m2(state.time_s) != target;
        // the solve below aims at the next current: the row keeps the voltage this step ran at
        final boolean aimedAhead = switching && implicitReactions;
        switchedStepVoltage_V = aimedAhead ? state.cellVoltage_V : Double.NaN;
        switchedStepCurrent_A_per_m2 = aimedAhead ? state.counterCurrent_A_per_m2 : Double.NaN;
        if (switching) advanceBelowGrid(dt);
        backend.computeCoefficients();
        state.reactionCurrent_A_per_m2 = params.chargeDensity_C_per_m3() * backend.growthVelocity_m_per_s();
        // the current that flowed in this step: the coupled solve's at its start (the solve below already
        // aims at the set current of the next step, which differs across a change of the program)
        final double coupledCurrent = state.counterCurrent_A_per_m2, stepVoltage = state.cellVoltage_V;
        state.nextStep_s = stableStep(); // before the solve, whose source depends on it
        solvePotentialsNow();
        // before the crack and the voids take the overpotentials from it (they read the host fields each step anyway);
        // the lagged phi_l comes from the step's sources alone, which ran at the step's voltage
        if (!implicitReactions && (intrusion.active() || voids != null))
            LaggedCouplingCheck.requireBounded(grid, fields().phiL, fields().xi, stepVoltage, params.equilibriumPotential_V());
        final double flowed = params.singlePotential() ? state.reactionCurrent_A_per_m2
                : implicitReactions ? coupledCurrent : state.counterCurrent_A_per_m2;
        state.passedCharge_C_per_m2 += flowed * dt;
        if (stripping && metalLeft_m() <= 0)
            throw new MetalUsedUpException(state.time_s, state.initialMetalVolume_m);
        if (!switching) {
            advanceBelowGrid(dt);
            // the voids shrank the contact the coupled source was solved with: without the control's correction of the
            // rates (dispersed form) the next step would deposit less than the set current (section 5.4.1)
            if (voids != null && implicitReactions && galvanostatic && params.dispersedNucleation())
                state.cellVoltage_V += backend.correctVoltageForCurrent(program.currentAt_A_per_m2(state.time_s));
        }
        recordExtremes();
    }

    /** Takes the state now into the run's extremes (an unknown one, NaN, stays unknown: Math.max and min keep NaN). */
    private void recordExtremes() {
        state.peakIntrusionRatio = Math.max(state.peakIntrusionRatio, intrusionRatio());
        state.minContactFraction = Math.min(state.minContactFraction, minContactFraction());
    }

    /** The sub-grid state that follows the overpotentials over a step: the Li-filled crack (section 4.2) and the voids (4.3). */
    private void advanceBelowGrid(double dt) {
        if (intrusion.active()) growCrack(dt);
        if (voids != null) {
            voids.advance(fields(), state.voidVolume_m, dt);
            backend.uploadContact();
        }
    }

    /**
     * Li intrusion (docs/MODEL.md section 4.2): the contact that presses a brittle electrolyte hardest
     * plates Li into the leading crack over the step (or strips it), which grows once its Li reaches the
     * flaws' fracture pressure; the run shorts when the crack reaches the counter electrode.
     */
    private void growCrack(double dt) {
        final LiIntrusion.Contact contact = intrusion.hardest(fields());
        if (contact == null) return;
        final int m = fields.material[contact.cell()];
        final LiFilledCrack crack = table.crack[m];
        final double distance = intrusion.distanceToCounter_m(contact);
        if (crack.advance(state.crack, dt, etaP -> intrusion.wallCurrent_A_per_m2(contact, etaP), distance)) {
            final boolean fromPore = state.crackFromPore && table.pore[m] != null;
            intruded = contact.asShort(grid, fromPore ? table.pore[m].criticalOverpotential_V() : crack.limit_V(), distance, fromPore);
        } else fillPore(crack, contact, dt);
    }

    /**
     * The pore that the electrolyte's electronic leakage fills over the step (docs/MODEL.md section 4.2.1): an empty
     * pore lies at the contact that presses hardest; one that holds Li stays in its lateral column and follows the
     * overpotential of the contact there (it keeps its Li where the metal touches no brittle electrolyte in that
     * column, or another one). Once its Li cracks the electrolyte it is a flaw of its radius that the crack grows
     * from, at the pressure that cracked it. A pore no larger than the crack cannot lead it.
     */
    private void fillPore(LiFilledCrack crack, LiIntrusion.Contact hardest, double dt) {
        // an empty pore, or one from a snapshot that did not say where it lies, is placed at the hardest contact
        if (state.pore.liVolume_m3 == 0 || state.poreColumn < 0 || state.poreMaterial < 0) {
            state.poreColumn = intrusion.columnIndex(hardest.cell());
            state.poreMaterial = fields.material[hardest.cell()];
        }
        final LeakageFilledPore pore = table.pore[state.poreMaterial];
        if (pore == null) return;
        if (crack.radiusOf(state.crack) >= pore.radius_m()) {
            state.pore.liVolume_m3 = 0;
            return;
        }
        final LiIntrusion.Contact contact = intrusion.inColumn(fields(), state.poreColumn);
        if (contact == null || fields.material[contact.cell()] != state.poreMaterial) return;
        final double film = filmElectronResistance_ohm_m2[contact.cell() % grid.strideZ];
        if (!pore.advance(state.pore, dt, contact.overpotential_V(), film)) return;
        state.crack.radius_m = pore.radius_m();
        state.crack.liVolume_m3 = Math.max(state.crack.liVolume_m3, crack.criticalVolume_m3(pore.radius_m()));
        state.pore.liVolume_m3 = 0;
        state.crackFromPore = true;
    }

    /**
     * The ohmic drop across the electrolyte beyond the window's top at the counter current, V, with the cell voltage's
     * sign (negative while plating): their sum is the voltage across the whole pellet (docs/MODEL.md section 7).
     */
    public double beyondTopDrop_V() {
        return beyondTopResistance_ohm_m2 == 0 ? 0 : 0.0 - state.counterCurrent_A_per_m2 * beyondTopResistance_ohm_m2;
    }

    /** The leading pore's Li over its void volume (docs/MODEL.md section 4.2.1), 0 where no electrolyte has such pores. */
    public double poreFill() {
        return state.poreMaterial >= 0 && table.pore[state.poreMaterial] != null ? table.pore[state.poreMaterial].fillFraction(state.pore) : 0;
    }

    /**
     * The implicit parts of a semi-implicit step (docs/MODEL.md section 5.3.2) after the explicit rates
     * and the control; returns whether the step must be retried smaller (bounds, or a linear solve that
     * failed: halving the step makes its operator more diagonally dominant).
     */
    private boolean semiImplicitStep(double dt) {
        try {
            return backend.implicitAllenCahn(dt) || backend.implicitNernstPlanck(dt);
        } catch (SolverDivergedException e) {
            return true;
        }
    }

    /** The next step, s: the stability limit (explicit) or the step that keeps the xi change per step in bounds (semi-implicit). */
    public double stableStep() {
        if (semiImplicit) {
            // the change of xi grows with the step: aim at the scenario's largest change, at most doubling
            double change = backend.lastXiChange();
            double dt = change > 0 ? state.lastStep_s * scenario.time().maxXiChange() / change : Double.POSITIVE_INFINITY;
            // a step that had to be retried smaller is not grown again at once
            dt = Math.min(dt, retried ? state.lastStep_s : 2 * state.nextStep_s);
            // nor into the filter's amplification (a front crossing a Peierls maximum, section 5.3.2)
            dt = Math.min(dt, FilterAmplification.stepLimit_s(state.lastStep_s, backend.filterRayleighQuotient()));
            return Math.min(dt, scenario.time().maxStep_s());
        }
        return explicitStep();
    }

    /** Largest stable explicit step for the current state, s (scenario safety factor applied). */
    private double explicitStep() {
        double dt = allenCahnLimit_s;
        if (backend.nernstPlanckRate_per_s() > 0) dt = Math.min(dt, 1 / backend.nernstPlanckRate_per_s());
        if (backend.reactionStiffness_per_s() > 0) dt = Math.min(dt, 1 / backend.reactionStiffness_per_s());
        return Math.min(scenario.time().stabilitySafety() * dt, scenario.time().maxStep_s());
    }

    /** Initial explicit step before any rates are known: diffusion of the fastest material. */
    public double initialStep() {
        double dMax = params.metalDiffusivity_m2_per_s();
        for (double d : table.diffusivity_m2_per_s) dMax = Math.max(dMax, d);
        double dt = allenCahnLimit_s;
        if (dMax > 0) dt = Math.min(dt, grid.dx_m * grid.dx_m / (2 * grid.dimensions * dMax));
        return Math.min(scenario.time().stabilitySafety() * dt, scenario.time().maxStep_s());
    }

    /** Li metal volume per unit lateral area, m, computed where the fields live. */
    public double metalVolumePerArea_m() {
        return backend.metalVolumePerArea_m();
    }

    /** Height of the highest metal front above the collector, m, computed where the fields live. */
    public double frontHeight_m() {
        return backend.frontHeight_m();
    }

    /**
     * The Li pressure on the brittle electrolytes over their flaws' critical pressure after the last step,
     * max of -eta / eta_c over the Li contacts (docs/MODEL.md section 4.2; 0 before a step or without
     * such contacts).
     */
    public double intrusionRatio() {
        return intrusion.lastPeakRatio();
    }

    /**
     * The electrochemical part of d xi/dt per cell at the fields now, 1/s, with ghost cells (docs/MODEL.md
     * section 3.1): where the reaction deposits Li, before capillarity moves it.
     */
    public double[] reactionRate() {
        FieldSet f = fields();
        double[] r = new double[grid.paddedLength()];
        for (int k = 0; k < grid.nz; k++)
            for (int j = 0; j < grid.ny; j++)
                for (int i = 0; i < grid.nx; i++) {
                    final int P = grid.index(i, j, k);
                    r[P] = reactions.reactionRate(f, P);
                }
        return r;
    }

    /** The coupled solve's voltage response, the start of its next solve (padded phi_l, phi_s; section 5.4.1), or null. */
    public double[][] voltageResponse() {
        return backend.voltageResponse();
    }

    /** Whether the potentials are solved with the reaction under galvanostatic control, which solves a voltage response. */
    public boolean solvesVoltageResponse() {
        return implicitReactions && galvanostatic;
    }

    /** Takes up a voltage response saved in a snapshot (interior cells), so that the next solve starts where the run's did. */
    public void restoreVoltageResponse(double[] interiorL, double[] interiorS) {
        backend.restoreVoltageResponse(interiorL, interiorS);
    }

    /** The smallest contact fraction of the metal surface over the columns (docs/MODEL.md section 4.3); 1 without voids. */
    public double minContactFraction() {
        if (voids == null) return 1;
        double min = 1;
        for (double v : state.voidVolume_m) min = Math.min(min, voids.contactFraction(v));
        return min;
    }

    /** The radius of the leading Li-filled crack while it holds Li, m (docs/MODEL.md section 4.2); 0 without one. */
    public double crackRadius_m() {
        return state.crack.liVolume_m3 > 0 ? state.crack.radius_m : 0;
    }

    /** A short: metal bridging the cell, or Li intruding into a solid electrolyte's flaws (docs/MODEL.md section 4.2); null if none. */
    public ShortCircuitDetector.Short checkShort() {
        ShortCircuitDetector.Short bridge = backend.checkShort();
        lastShort = bridge != null ? bridge : intruded;
        return lastShort;
    }

    /** The short the last {@link #checkShort} found, or null. */
    public ShortCircuitDetector.Short lastShort() {
        return lastShort;
    }

    private NumericalInstabilityException instability(double dt) {
        backend.downloadNext();
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

    /** Releases the backend's resources (device buffers). */
    @Override
    public void close() {
        backend.close();
    }
}
