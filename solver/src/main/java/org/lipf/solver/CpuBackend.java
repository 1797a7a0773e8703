package org.lipf.solver;

import org.lipf.grid.GhostCells;
import org.lipf.grid.Grid;
import org.lipf.grid.Parallel;
import org.lipf.kernels.cpu.AllenCahnUpdate;
import org.lipf.kernels.cpu.DispersedMerge;
import org.lipf.kernels.cpu.HostFaces;
import org.lipf.kernels.cpu.NernstPlanckUpdate;
import org.lipf.kernels.cpu.PotentialCoefficients;
import org.lipf.model.FieldSet;
import org.lipf.model.MaterialTable;
import org.lipf.model.ModelParameters;
import org.lipf.scenario.ControlMode;
import org.lipf.scenario.Integrator;
import org.lipf.scenario.ReactionCoupling;
import org.lipf.scenario.Scenario;

/**
 * The multithreaded CPU backend: the stencils of {@code org.lipf.kernels.cpu} and the
 * multigrid-preconditioned CG of {@code org.lipf.linear} on the host fields themselves.
 */
public final class CpuBackend implements Backend {
    private final Grid grid;
    private final ModelParameters params;
    private final MaterialTable table;
    private final Parallel parallel;
    private final FieldSet fields;
    private final AllenCahnUpdate allenCahn;
    private final NernstPlanckUpdate nernstPlanck;
    private final PotentialCoefficients coefficients;
    private final PotentialSolves potentials;
    /** The Newton solve of the potentials with the reaction (null where the scenario lags the source). */
    private final ImplicitReactionPotentials implicitPotentials;
    private final GalvanostaticControl galvanostatic;
    private final DepositMetrics metrics;
    private final ShortCircuitDetector shorts;
    /** The semi-implicit parts (null for explicit scenarios: they hold multigrid hierarchies). */
    private final LinearlyImplicitAllenCahn implicitAllenCahn;
    private final ImplicitNernstPlanck implicitNernstPlanck;
    /** The explicit step at the stability limit: semi-implicit steps scale the noise to its variance per unit time. */
    private final double noiseReferenceStep_s;
    /** Full cells of dispersed metal become resolved metal after each step (null without dispersed nucleation). */
    private final DispersedMerge dispersedMerge;
    /** The faces where hosts meet ion conductors, whose reaction lays Li there (null unless model.nucleation.face_reaction). */
    private final HostFaces hostFaces;

    public CpuBackend(Scenario scenario, FieldSet fields, Parallel parallel) {
        this.grid = fields.grid;
        this.params = ModelParameters.from(scenario);
        this.table = new MaterialTable(scenario, params);
        this.parallel = parallel;
        this.fields = fields;
        this.allenCahn = new AllenCahnUpdate(grid, params, table, parallel);
        this.hostFaces = params.faceReaction() ? new HostFaces(grid, table, fields.material, parallel) : null;
        if (hostFaces != null) allenCahn.reactAtHostFaces(hostFaces);
        this.nernstPlanck = new NernstPlanckUpdate(grid, params, table, parallel);
        this.coefficients = new PotentialCoefficients(grid, params, table, parallel);
        this.potentials = new PotentialSolves(scenario, params, grid, parallel);
        this.implicitPotentials = scenario.solver().reactionCoupling() == ReactionCoupling.IMPLICIT
                ? new ImplicitReactionPotentials(grid, params, table, allenCahn, parallel, scenario.solver().potentialRelTol(), scenario.solver().potentialMaxIterations())
                : null;
        this.dispersedMerge = params.dispersedNucleation() ? new DispersedMerge(grid, parallel) : null;
        this.metrics = new DepositMetrics(grid, table, parallel, 0, params.dispersedNucleation());
        this.galvanostatic = scenario.control().mode() == ControlMode.GALVANOSTATIC
                ? new GalvanostaticControl(grid, params, table, allenCahn, metrics, parallel) : null;
        this.shorts = new ShortCircuitDetector(grid, table, params.interfaceWidth_m());
        boolean semiImplicit = scenario.time().integrator() == Integrator.SEMI_IMPLICIT;
        this.implicitAllenCahn = semiImplicit ? new LinearlyImplicitAllenCahn(grid, params, table, allenCahn, parallel, scenario.solver().frontDeflation()) : null;
        this.implicitNernstPlanck = semiImplicit ? new ImplicitNernstPlanck(grid, parallel, nernstPlanck, allenCahn) : null;
        this.noiseReferenceStep_s = scenario.time().stabilitySafety() * allenCahn.stableStep_s();
    }

    @Override public String name() { return "cpu"; }
    /** The fields are the host's; the faces that react follow from the material ids, which a relabel changed. */
    @Override
    public void upload() {
        if (hostFaces != null) hostFaces.update(fields.material);
    }

    @Override public HostFaces hostFaces() { return hostFaces; }

    @Override public void download() {}
    @Override public void downloadNext() {}

    @Override
    public void fillGhosts() {
        // the dispersed metal for D_eff's periodic faces; phi_s where it is a field of its own
        final double[] dispersed = params.dispersedNucleation() ? fields.dispersed : null, phiS = fields.singlePotential() ? null : fields.phiS;
        GhostCells.fill(grid, parallel, java.util.stream.Stream.of(fields.xi, dispersed, fields.c, fields.phiL, phiS).filter(java.util.Objects::nonNull)
                .toArray(double[][]::new));
    }

    @Override
    public boolean allenCahn(double dt_s, long step) {
        if (implicitAllenCahn != null) allenCahn.setNoiseScale(Math.sqrt(Math.min(1, noiseReferenceStep_s / dt_s)));
        allenCahn.compute(fields, dt_s, step);
        boolean bad = allenCahn.conserveMetalVolume(fields, dt_s);
        return allenCahn.lastOutOfBounds() || bad;
    }

    @Override public double reactionStiffness_per_s() { return allenCahn.lastReactionStiffness_per_s(); }
    @Override public double volumeMultiplier_per_s() { return allenCahn.lastVolumeMultiplier_per_s(); }

    @Override
    public double enforceCurrent(double target_A_per_m2, double dt_s) {
        return galvanostatic.enforce(fields, target_A_per_m2, dt_s);
    }

    @Override public boolean xiOutOfBounds() { return allenCahn.outOfBounds(fields); }

    @Override
    public boolean implicitAllenCahn(double dt_s) {
        // the filter does not keep the volume exactly: restore the raw rates' (their electrochemical part's,
        // as the rest conserves the metal), so the control's current stays the deposited one
        double volume = metrics.resolvedGrowthVelocity_m_per_s(fields);
        implicitAllenCahn.prepare(fields, dt_s);
        implicitAllenCahn.filterKeepingVolume(fields, fields.rate, volume);
        boolean bad = implicitAllenCahn.writeNext(fields, dt_s);
        // a front between lattice positions has a negative mode, which a nearly singular operator amplifies
        return bad || implicitAllenCahn.amplified();
    }

    @Override
    public long implicitIterations() {
        return implicitAllenCahn == null ? 0 : implicitAllenCahn.solveIterations() + implicitNernstPlanck.solveIterations();
    }

    @Override public double lastXiChange() { return Math.max(implicitAllenCahn.lastMaxChange(), allenCahn.lastDispersedChange()); }

    @Override public double filterRayleighQuotient() { return implicitAllenCahn.rayleighQuotient(); }

    @Override public void assumeStep(double dt_s) { allenCahn.assumeStep(dt_s); }

    @Override
    public boolean implicitNernstPlanck(double dt_s) {
        return implicitNernstPlanck.step(fields, dt_s);
    }

    @Override
    public boolean nernstPlanck(double dt_s) {
        nernstPlanck.compute(fields, dt_s);
        return nernstPlanck.lastOutOfBounds();
    }

    @Override public double nernstPlanckRate_per_s() { return nernstPlanck.lastMaxRate_per_s(); }
    @Override
    public void swapNext() {
        fields.swapNext();
        if (dispersedMerge != null) {
            fields.swapDispersed();
            if (hostFaces != null) hostFaces.collect(fields);
            dispersedMerge.apply(fields);
        }
    }
    @Override public void computeCoefficients() { coefficients.compute(fields, potentials.sigmaL, potentials.sigmaS, potentials.source); }
    @Override public double growthVelocity_m_per_s() { return metrics.growthVelocity_m_per_s(fields); }

    @Override
    public void solvePotentials(double V, SimulationState state) {
        potentials.solve(fields, V, state);
    }

    @Override
    public double solvePotentialsWithReactions(double V, double target_A_per_m2, SimulationState state) {
        return implicitPotentials.solve(fields, potentials.sigmaL, potentials.sigmaS, V, target_A_per_m2, state);
    }

    @Override
    public double correctVoltageForCurrent(double target_A_per_m2) {
        return implicitPotentials.correctVoltage(fields, target_A_per_m2);
    }

    @Override
    public double[][] voltageResponse() {
        return implicitPotentials == null ? null : implicitPotentials.voltageResponse();
    }

    @Override
    public void restoreVoltageResponse(double[] interiorL, double[] interiorS) {
        implicitPotentials.restoreVoltageResponse(interiorL, interiorS);
    }

    @Override public double metalVolumePerArea_m() { return metrics.metalVolumePerArea_m(fields); }
    @Override public double frontHeight_m() { return metrics.frontHeight_m(fields); }
    @Override public ShortCircuitDetector.Short checkShort() { return shorts.check(fields); }
    @Override public void close() {}
}
