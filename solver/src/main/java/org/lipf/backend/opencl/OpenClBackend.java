package org.lipf.backend.opencl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jocl.CL;
import org.jocl.cl_mem;
import org.jocl.cl_program;
import org.lipf.grid.Grid;
import org.lipf.grid.Parallel;
import org.lipf.kernels.cpu.AllenCahnUpdate;
import org.lipf.kernels.cpu.PotentialCoefficients;
import org.lipf.linear.LatticeDeflation;
import org.lipf.linear.SolverDivergedException;
import org.lipf.model.FieldSet;
import org.lipf.model.MaterialTable;
import org.lipf.model.ModelParameters;
import org.lipf.scenario.Integrator;
import org.lipf.scenario.NucleationForm;
import org.lipf.scenario.ReactionCoupling;
import org.lipf.scenario.Scenario;
import org.lipf.solver.Backend;
import org.lipf.solver.BackendFactory;
import org.lipf.solver.FilterAmplification;
import org.lipf.solver.GalvanostaticControl;
import org.lipf.solver.ImplicitSolve;
import org.lipf.solver.PotentialSolves;
import org.lipf.solver.ShortCircuitDetector;
import org.lipf.solver.SimulationState;

/**
 * The OpenCL backend: the fields live on the device, the kernels of {@code kernels/*.cl} update
 * them, and only control scalars (reductions of one value per quantity) come back each step;
 * snapshots and time-series rows download the fields. The reductions add per-work-group partial
 * results in a fixed tree and then in index order, so a run is reproducible on a device.
 *
 * <p>The potentials are solved on the device by {@link DevicePotentialSolver}, the CPU's
 * multigrid-preconditioned CG, whose small levels run on the host. In single precision, and on
 * grids of at most 1024 cells, they are solved on the host in double (see {@link #solveOnHost}).
 * The semi-implicit step's two linear solves (docs/MODEL.md section 5.3.2) run on the same device
 * multigrid-PCG with a diagonal term, as {@code CpuBackend} runs them on the host.
 */
public final class OpenClBackend implements Backend {
    /** Work-group size of every kernel (a power of two: the reduction tree halves it). */
    static final int WG = 128;
    /** Properties per material row of the device table (common.cl: T_FREE ... T_I0). */
    private static final int NPROP = 8;
    /** Relative tolerance of the implicit solves in single precision (its rounding is 6e-8 per operation). */
    private static final double FLOAT_IMPLICIT_TOLERANCE = 1e-5;

    private final OpenClContext ctx;
    private final Grid g;
    private final ModelParameters params;
    private final MaterialTable table;
    private final FieldSet fields;
    private final boolean single;
    private final int n, cells, groups;
    private final cl_mem material, tableBuf;
    /**
     * The films on the metal per padded lateral position: R_film (ohm m^2, FieldSet.filmResistance_ohm_m2) and
     * the film interface's i0 (A/m^2, FieldSet.filmExchangeCurrent_A_per_m2), static like the material ids, then
     * the contact fraction (FieldSet.contactFraction), which voids change ({@link #uploadContact}).
     */
    private final cl_mem film;
    private cl_mem xi, xiNext, c, cNext;
    private final cl_mem phiL, phiS, rate, sigmaL, sigmaS, source, reactionOld, partial;
    private final List<cl_mem> owned = new ArrayList<>();
    private final Kernel ghostX, ghostY, ghostZ, allenCahn, xiBounds, volumeMultiplierKernel, nernstPlanck, collect, evaluate, apply, freeSum,
            metalInBand, frontHeight, coefficients;
    private final DeviceKernels kernels;
    private final Reducer reducer;
    private double[] resultHost;
    private final DevicePotentialSolver ionic, electronic;
    /** Host solves in double for single-precision fields and tiny grids (see {@link #solveOnHost}); else null. */
    private final PotentialSolves hostPotentials;
    private final ShortCircuitDetector shorts;
    private final int bandStart;
    private final GalvanostaticControl.Reactions reactions = new DeviceReactions();
    private double volumeMultiplier;
    private double reactionStiffness, nernstPlanckRate;
    /** The semi-implicit step's solves (CpuBackend's ImplicitSolve pair) and their work fields; null for explicit scenarios. */
    private final DevicePotentialSolver capillaryFilter, diffusion;
    private final cl_mem cellBeta, implicitRhs, increment, dh, filteredDh;
    /** Whether the capillary filter's solves deflate the fronts' translation modes (solver.front_deflation), and the mode on the host. */
    private final boolean frontDeflation;
    private double[] hostMode;
    /** The host's threads, for the deflation's set-up and projection (as for the host potential solves). */
    private final Parallel parallel;
    /** The explicit step at the stability limit: semi-implicit steps scale the noise to its variance per unit time (as CpuBackend). */
    private final double noiseReferenceStep_s;
    private double lastXiChange, filterRayleighQuotient = Double.NaN;
    /** PCG iterations of the semi-implicit solves so far. */
    private long implicitIterations;
    /**
     * Largest |rate| over the mobile cells of the last semi-implicit step before and after the
     * capillary filter (after its volume restoring: the rates the step applies), 1/s: the filter's
     * gain, for a retry test on it.
     */

    /**
     * Why the scenario cannot run on this backend, or null where it can: what it asks for that runs on the CPU backend only
     * (docs/MODEL.md section 5.6).
     */
    public static String cpuOnly(Scenario scenario) {
        // named before the coupling it needs, so that the message names what the scenario asks for
        if (scenario.model().nucleationForm() == NucleationForm.DISPERSED)
            return "model.nucleation.into: dispersed" + (scenario.model().faceReaction() ? " with face_reaction" : "")
                    + " runs on the CPU backend only (the dispersed metal, its merge into xi and the hosts' faces are not on the device)";
        if (scenario.solver().reactionCoupling() == ReactionCoupling.IMPLICIT)
            return "solver.reaction_coupling: implicit runs on the CPU backend only (the Newton solve of the "
                    + "potentials with the reaction is not on the device yet)";
        return null;
    }

    /** Refuses a scenario that runs on the CPU backend only ({@link #cpuOnly}), naming the fix. */
    public static void requireDeviceSupport(Scenario scenario) {
        String cpuOnly = cpuOnly(scenario);
        if (cpuOnly != null) throw new OpenClUnavailableException(cpuOnly + "; use --backend cpu");
    }

    public OpenClBackend(Scenario scenario, FieldSet fields, Parallel parallel, OpenClDevices.Device device, Precision precision) {
        requireDeviceSupport(scenario);
        boolean semiImplicit = scenario.time().integrator() == Integrator.SEMI_IMPLICIT;
        this.frontDeflation = semiImplicit && scenario.solver().frontDeflation();
        this.parallel = parallel;
        this.ctx = OpenClContext.of(device, precision);
        this.g = fields.grid;
        this.params = ModelParameters.from(scenario);
        this.table = new MaterialTable(scenario, params);
        this.fields = fields;
        this.single = fields.singlePotential();
        this.n = g.paddedLength();
        this.cells = g.cellCount();
        this.groups = (cells + WG - 1) / WG;
        long need = deviceBytes(g, single, semiImplicit, precision);
        if (need > device.globalMemory_bytes())
            throw new OpenClUnavailableException(String.format("OpenCL device %s has %.1f GiB, the grid %s needs about %.1f GiB", device.name(),
                    device.globalMemory_bytes() / 1073741824.0, g, need / 1073741824.0));
        cl_program program = ctx.program(buildOptions(g, params, table, precision));
        material = own(ctx.bytes(n));
        tableBuf = own(ctx.reals(table.size() * (long) NPROP));
        ctx.write(tableBuf, tableRows(table), table.size() * NPROP);
        film = own(ctx.reals(3L * g.strideZ));
        xi = own(ctx.reals(n));
        xiNext = own(ctx.reals(n));
        c = own(ctx.reals(n));
        cNext = own(ctx.reals(n));
        phiL = own(ctx.reals(n));
        phiS = single ? phiL : own(ctx.reals(n));
        rate = own(ctx.reals(n));
        sigmaL = own(ctx.reals(n));
        sigmaS = single ? sigmaL : own(ctx.reals(n));
        source = own(ctx.reals(n));
        reactionOld = own(ctx.reals(n));
        kernels = new DeviceKernels(ctx, program);
        reducer = new Reducer(ctx, program, groups, owned);
        partial = reducer.partial;
        ghostX = kernel("fillGhostsX");
        ghostY = kernel("fillGhostsY");
        ghostZ = kernel("fillGhostsZ");
        allenCahn = kernel("allenCahn");
        xiBounds = kernel("xiOutOfBounds");
        volumeMultiplierKernel = kernel("addVolumeMultiplier");
        nernstPlanck = kernel("nernstPlanck");
        collect = kernel("collectReactions");
        evaluate = kernel("evaluateShift");
        apply = kernel("applyShift");
        freeSum = kernel("freeSum");
        metalInBand = kernel("metalInBand");
        frontHeight = kernel("frontHeight");
        coefficients = kernel("potentialCoefficients");
        double tol = scenario.solver().potentialRelTol();
        int maxIt = scenario.solver().potentialMaxIterations();
        // single potential: Dirichlet at both ends; mixed: phi_l fixed at the counter boundary, phi_s at the collector
        // tiny grids: a host solve costs a few copies, a device solve dozens of launches per iteration
        boolean onDevice = precision == Precision.DOUBLE && cells > DevicePotentialSolver.HOST_CELLS;
        this.ionic = onDevice ? new DevicePotentialSolver(ctx, kernels, reducer, g, single, true, tol, maxIt, owned) : null;
        this.electronic = onDevice && !single ? new DevicePotentialSolver(ctx, kernels, reducer, g, true, false, tol, maxIt, owned) : null;
        this.hostPotentials = onDevice ? null : new PotentialSolves(scenario, params, g, parallel);
        this.shorts = new ShortCircuitDetector(g, table, params.interfaceWidth_m());
        int band = Math.max(1, (int) Math.ceil(params.interfaceWidth_m() / g.dx_m));
        this.bandStart = Math.max(0, g.nz - 1 - band);
        this.noiseReferenceStep_s = scenario.time().stabilitySafety() * AllenCahnUpdate.stableStep_s(g, params);
        if (semiImplicit) {
            // ImplicitSolve's tolerance is far below single precision's resolution: there the solves stop near its round-off
            double implicitTol = precision == Precision.DOUBLE ? ImplicitSolve.TOLERANCE : FLOAT_IMPLICIT_TOLERANCE;
            capillaryFilter = new DevicePotentialSolver(ctx, kernels, reducer, g, false, false, true, implicitTol, ImplicitSolve.MAX_ITERATIONS, owned);
            diffusion = new DevicePotentialSolver(ctx, kernels, reducer, g, false, true, true, implicitTol, ImplicitSolve.MAX_ITERATIONS, owned);
            cellBeta = own(ctx.reals(n));
            implicitRhs = own(ctx.reals(n));
            increment = own(ctx.reals(n));
            dh = own(ctx.reals(n));
            filteredDh = own(ctx.reals(n));
        } else {
            capillaryFilter = diffusion = null;
            cellBeta = implicitRhs = increment = dh = filteredDh = null;
        }
    }

    /** Device memory an explicit scenario needs on a grid, bytes (see {@link #deviceBytes(Grid, boolean, boolean, Precision)}). */
    public static long deviceBytes(Grid g, boolean singlePotential, Precision precision) {
        return deviceBytes(g, singlePotential, false, precision);
    }

    /**
     * Device memory a grid needs, bytes: 12 fields of the step, per potential solve (double
     * precision only) 15 fields on every multigrid level (faces, transmissibilities, cycle and PCG
     * vectors), the levels adding up to at most 4/3 of the finest; semi-implicit: 3 work fields,
     * two implicit solves of 16 fields per level (the diagonal term added) and the deflation's support
     * (at most the grid: an int and three reals per cell).
     */
    public static long deviceBytes(Grid g, boolean singlePotential, boolean semiImplicit, Precision precision) {
        double deflation = 3 + 4.0 / precision.bytes;
        double fields = 12 + (precision == Precision.DOUBLE ? (singlePotential ? 1 : 2) * 15 * 4.0 / 3 : 0)
                + (semiImplicit ? 5 + 2 * 16 * 4.0 / 3 + deflation : 0);
        return (long) (fields * g.paddedLength() * precision.bytes + g.paddedLength());
    }

    /** A factory for {@link org.lipf.solver.Simulation} on this device and precision. */
    public static BackendFactory factory(OpenClDevices.Device device, Precision precision) {
        return (scenario, fields, parallel) -> new OpenClBackend(scenario, fields, parallel, device, precision);
    }

    private cl_mem own(cl_mem m) {
        owned.add(m);
        return m;
    }

    private Kernel kernel(String name) {
        return kernels.get(name);
    }

    /** The material table as rows of the eight properties that common.cl names T_FREE ... T_I0. */
    private static double[] tableRows(MaterialTable t) {
        double[] rows = new double[t.size() * NPROP];
        for (int m = 0; m < t.size(); m++) {
            double[] r = {t.freeFraction[m], t.Leta_per_s[m], t.nucleationActivity[m], t.diffusivity_m2_per_s[m], t.sigmaIon_S_per_m[m],
                    t.sigmaEl_S_per_m[m], t.freeFraction[m] > 0 ? 1 : 0, t.i0_A_per_m2[m]};
            System.arraycopy(r, 0, rows, NPROP * m, NPROP);
        }
        return rows;
    }

    /** Grid, precision and model constants as preprocessor definitions (hexadecimal: exact). */
    static String buildOptions(Grid g, ModelParameters params, MaterialTable table, Precision precision) {
        int cells = g.cellCount();
        PotentialCoefficients pc = new PotentialCoefficients(g, params, table, Parallel.serial());
        double angle = params.anisotropyMode() * params.anisotropyAngle_rad();
        StringBuilder b = new StringBuilder();
        b.append("-DREAL=").append(precision.typeName).append(" -DREAL_IS_DOUBLE=").append(precision == Precision.DOUBLE ? 1 : 0);
        if (precision == Precision.FLOAT) b.append(" -cl-single-precision-constant");
        b.append(" -DWG=").append(WG).append(" -DNX=").append(g.nx).append(" -DNY=").append(g.ny).append(" -DNZ=").append(g.nz)
                .append(" -DSX=").append(g.sx).append(" -DSY=").append(g.sy).append(" -DGY=").append(g.is3D() ? 1 : 0)
                .append(" -DSTRIDE_Y=").append(g.strideY).append(" -DSTRIDE_Z=").append(g.strideZ).append(" -DCELLS=").append(cells)
                .append(" -DSINGLE_POTENTIAL=").append(params.singlePotential() ? 1 : 0).append(" -DANISO=").append(params.anisotropyStrength() != 0 ? 1 : 0)
                .append(" -DANISO_MODE=").append(params.anisotropyMode()).append(" -DSEED=(").append(params.seed()).append("L)");
        real(b, "DX", g.dx_m);
        real(b, "ANISO_STRENGTH", params.anisotropyStrength());
        real(b, "ROT_COS", Math.cos(angle));
        real(b, "ROT_SIN", Math.sin(angle));
        real(b, "ANISO_ANGLE", params.anisotropyAngle_rad());
        real(b, "KAPPA0", params.kappa0_J_per_m());
        real(b, "LSIGMA", params.Lsigma_m3_per_J_s());
        real(b, "W", params.W_J_per_m3());
        real(b, "ALPHA", params.alpha());
        real(b, "F_PER_V", params.f_per_V());
        real(b, "SITE_RATIO", params.siteRatio());
        real(b, "NUC_BARRIER", params.nucleationBarrier_V());
        real(b, "E_EQ", params.equilibriumPotential_V());
        real(b, "METAL_DIFFUSIVITY", params.metalDiffusivity_m2_per_s());
        real(b, "METAL_CONDUCTIVITY", params.metalConductivity_S_per_m());
        real(b, "METAL_IONIC", pc.metalIonic_S_per_m());
        real(b, "FLOOR_L", pc.floorL_S_per_m());
        real(b, "FLOOR_S", pc.floorS_S_per_m());
        real(b, "CHARGE_DENSITY", params.chargeDensity_C_per_m3());
        return b.toString();
    }

    private static void real(StringBuilder b, String name, double v) {
        if (!Double.isFinite(v)) throw new OpenClUnavailableException("OpenCL: model constant " + name + " is not finite (" + v + ")");
        b.append(" -D").append(name).append("=((real)(").append(Double.toHexString(v)).append("))");
    }

    @Override public String name() { return "opencl"; }

    /** The state's device buffers and the host arrays they mirror, pairwise (phi_s only in the mixed form). */
    private cl_mem[] stateBuffers() {
        return single ? new cl_mem[] {xi, c, phiL, rate} : new cl_mem[] {xi, c, phiL, phiS, rate};
    }

    private double[][] stateArrays() {
        return single ? new double[][] {fields.xi, fields.c, fields.phiL, fields.rate}
                : new double[][] {fields.xi, fields.c, fields.phiL, fields.phiS, fields.rate};
    }

    @Override
    public void upload() {
        ctx.writeBytes(material, fields.material);
        uploadContact();
        cl_mem[] buffers = stateBuffers();
        double[][] arrays = stateArrays();
        for (int i = 0; i < buffers.length; i++) ctx.write(buffers[i], arrays[i], n);
    }

    @Override
    public void uploadContact() {
        double[] films = Arrays.copyOf(fields.filmResistance_ohm_m2, 3 * g.strideZ);
        System.arraycopy(fields.filmExchangeCurrent_A_per_m2, 0, films, g.strideZ, g.strideZ);
        System.arraycopy(fields.contactFraction, 0, films, 2 * g.strideZ, g.strideZ);
        ctx.write(film, films, films.length);
    }

    @Override
    public void download() {
        cl_mem[] buffers = stateBuffers();
        double[][] arrays = stateArrays();
        for (int i = 0; i < buffers.length; i++) ctx.read(buffers[i], arrays[i], n);
    }

    @Override
    public void downloadNext() {
        ctx.read(xiNext, fields.xiNext, n);
        ctx.read(cNext, fields.cNext, n);
    }

    /** Ghost layers of up to four fields in one launch per axis (repeat a field to fill fewer). */
    private void fillGhosts(cl_mem a, cl_mem b, cl_mem c, cl_mem d) {
        ghostX.arg(0, a).arg(1, b).arg(2, c).arg(3, d).run((long) g.ny * g.nz);
        if (g.is3D()) ghostY.arg(0, a).arg(1, b).arg(2, c).arg(3, d).run((long) g.sx * g.nz);
        ghostZ.arg(0, a).arg(1, b).arg(2, c).arg(3, d).run(g.strideZ);
    }

    @Override
    public void fillGhosts() {
        fillGhosts(xi, c, phiL, phiS);
    }

    /** Reduces the {@code quantities} partial rows of the last kernel; results in {@link #resultHost}. */
    private void reduce(int quantities, boolean max) {
        resultHost = reducer.reduce(quantities, groups, max);
    }

    private void runAllenCahn(cl_mem tableRows, double dt, long step, double noise) {
        allenCahn.arg(0, xi).arg(1, c).arg(2, phiL).arg(3, phiS).arg(4, material).arg(5, tableRows).arg(6, rate).arg(7, xiNext)
                .real(8, dt).arg(9, step).real(10, noise).arg(11, partial).arg(12, film).run(cells);
    }

    @Override
    public boolean allenCahn(double dt_s, long step) {
        // semi-implicit steps: the noise keeps its variance per unit time (CpuBackend.allenCahn)
        double noiseScale = capillaryFilter != null ? Math.sqrt(Math.min(1, noiseReferenceStep_s / dt_s)) : 1;
        runAllenCahn(tableBuf, dt_s, step, params.noiseRate_per_s() * noiseScale);
        reduce(2, true);
        reactionStiffness = resultHost[0];
        boolean bad = resultHost[1] != 0;
        // volume-conserving capillarity: the multiplier from the kernel's two sums
        double[] sums = reducer.reduce(2, 2, groups, false);
        double lambda = sums[1] > 0 ? -sums[0] / sums[1] : 0;
        volumeMultiplier = lambda;
        if (lambda != 0) {
            volumeMultiplierKernel.arg(0, xi).arg(1, material).arg(2, tableBuf).arg(3, rate).arg(4, xiNext).real(5, lambda).real(6, dt_s).arg(7, partial).run(cells);
            reduce(1, true);
            bad |= resultHost[0] != 0;
        }
        return bad;
    }

    @Override public double reactionStiffness_per_s() { return reactionStiffness; }
    @Override public double volumeMultiplier_per_s() { return volumeMultiplier; }

    @Override
    public double enforceCurrent(double target_A_per_m2, double dt_s) {
        return GalvanostaticControl.enforce(reactions, GalvanostaticControl.currentPerRate(g, params), params.chargeDensity_C_per_m3(),
                target_A_per_m2, dt_s);
    }

    /**
     * CpuBackend.implicitAllenCahn on the device (LinearlyImplicitAllenCahn.filterKeepingVolume): the
     * rates filtered through the linearised capillary operator A with the multiplier term that keeps
     * the raw rates' metal volume, u = A^-1 r + lambda' A^-1 h' (two solves), xiNext written, and the
     * retry test of {@link FilterAmplification} on the Rayleigh quotient (u, r) / (u, u).
     */
    @Override
    public boolean implicitAllenCahn(double dt_s) {
        double ls = dt_s * params.Lsigma_m3_per_J_s();
        kernel("implicitAllenCahnOperator").arg(0, xi).arg(1, material).arg(2, tableBuf).arg(3, rate).arg(4, capillaryFilter.shift()).arg(5, cellBeta)
                .arg(6, implicitRhs).real(7, ls * params.W_J_per_m3()).real(8, ls * params.kappa0_J_per_m()).arg(9, partial)
                .arg(10, c).arg(11, phiL).arg(12, phiS).arg(13, film).real(14, dt_s).run(cells);
        // the raw rates' metal volume (per cell volume and area), as DepositMetrics.growthVelocity_m_per_s sums it on the CPU
        final double volume = reducer.reduce(0, 1, groups, false)[0];
        capillaryFilter.setShiftedOperator(cellBeta);
        if (frontDeflation && LatticeDeflation.frontWorthDeflating(ls * params.kappa0_J_per_m() / (g.dx_m * g.dx_m), g.is3D())) {
            // the fronts' translation modes, as LinearlyImplicitAllenCahn deflates them (dh serves as scratch until mobileDh)
            kernel("translationMode").arg(0, xi).arg(1, material).arg(2, tableBuf).arg(3, dh).run(cells);
            if (hostMode == null) hostMode = new double[n];
            ctx.read(dh, hostMode, n);
            capillaryFilter.deflate(hostMode, LatticeDeflation.FRONT_SPACING_CELLS, parallel);
        }
        countImplicit(() -> capillaryFilter.solveAgain(implicitRhs, rate));
        kernel("mobileDh").arg(0, xi).arg(1, material).arg(2, tableBuf).arg(3, dh).arg(4, filteredDh).run(cells);
        countImplicit(() -> capillaryFilter.solveAgain(dh, filteredDh));
        kernel("filteredRateSums").arg(0, material).arg(1, tableBuf).arg(2, rate).arg(3, filteredDh).arg(4, partial).run(cells);
        double[] sums = reducer.reduce(0, 2, groups, false);
        final double sum = sums[0], weight = sums[1];
        // A^-1 h' without a positive volume (a nearly singular or indefinite A): no lambda keeps the volume, reject
        final double lambda = weight > 0 ? (volume - sum) / weight : 0;
        kernel("restoreVolumeAndWriteNext").arg(0, xi).arg(1, material).arg(2, tableBuf).arg(3, rate).arg(4, implicitRhs).arg(5, dh).arg(6, filteredDh)
                .arg(7, xiNext).real(8, lambda).real(9, dt_s).arg(10, partial).run(cells);
        double[] maxima = reducer.reduce(0, 2, groups, true);
        lastXiChange = maxima[0];
        final boolean bad = maxima[1] != 0 || !Double.isFinite(lastXiChange);
        double[] dots = reducer.reduce(2, 2, groups, false);
        final double filteredDotRaw = weight > 0 ? dots[0] : Double.NaN;
        filterRayleighQuotient = filteredDotRaw / dots[1];
        return bad || FilterAmplification.amplified(filteredDotRaw, dots[1]);
    }

    @Override public double lastXiChange() { return lastXiChange; }

    @Override public double filterRayleighQuotient() { return filterRayleighQuotient; }

    @Override public long implicitIterations() { return implicitIterations; }

    /** Runs a semi-implicit solve and counts its iterations, a failed solve's included (its step is retried). */
    private void countImplicit(java.util.function.IntSupplier solve) {
        try {
            implicitIterations += solve.getAsInt();
        } catch (SolverDivergedException failed) {
            implicitIterations += failed.iterations();
            throw failed;
        }
    }

    /** ImplicitNernstPlanck.step on the device: explicit increment, implicit diffusion solve, the limiter at 0. */
    @Override
    public boolean implicitNernstPlanck(double dt_s) {
        runNernstPlanck(dt_s, false);
        kernel("implicitNernstPlanckOperator").arg(0, c).arg(1, cNext).arg(2, xi).arg(3, material).arg(4, tableBuf).arg(5, cellBeta).arg(6, implicitRhs)
                .arg(7, increment).real(8, dt_s).arg(9, diffusion.shift()).arg(10, phiL).arg(11, phiS).arg(12, film).run(cells);
        countImplicit(() -> diffusion.solveShifted(cellBeta, implicitRhs, increment));
        kernel("writeImplicitConcentration").arg(0, c).arg(1, increment).arg(2, cNext).arg(3, partial).run(cells);
        reduce(1, true);
        return resultHost[0] != 0;
    }

    @Override
    public boolean xiOutOfBounds() {
        xiBounds.arg(0, xiNext).arg(1, partial).run(cells);
        reduce(1, true);
        return resultHost[0] != 0;
    }

    @Override
    public boolean nernstPlanck(double dt_s) {
        return runNernstPlanck(dt_s, true);
    }

    /** The explicit Nernst-Planck update into cNext, with or without the limiter at 0; returns whether it left its bounds. */
    private boolean runNernstPlanck(double dt_s, boolean limitAtZero) {
        nernstPlanck.arg(0, c).arg(1, phiL).arg(2, xi).arg(3, rate).arg(4, material).arg(5, tableBuf).arg(6, cNext).real(7, dt_s)
                .arg(8, partial).arg(9, limitAtZero ? 1 : 0).run(cells);
        reduce(2, true);
        nernstPlanckRate = resultHost[0];
        return resultHost[1] != 0;
    }

    @Override public double nernstPlanckRate_per_s() { return nernstPlanckRate; }

    @Override
    public void swapNext() {
        cl_mem s = xi;
        xi = xiNext;
        xiNext = s;
        s = c;
        c = cNext;
        cNext = s;
    }

    @Override
    public void computeCoefficients() {
        coefficients.arg(0, xi).arg(1, rate).arg(2, material).arg(3, tableBuf).arg(4, sigmaL).arg(5, sigmaS).arg(6, source).run(cells);
    }

    /** integral(f_free field) dV / area, as DepositMetrics. */
    private double perArea(cl_mem field) {
        freeSum.arg(0, field).arg(1, material).arg(2, tableBuf).arg(3, partial).run(cells);
        reduce(1, false);
        return resultHost[0] * g.cellVolume_m3() / g.lateralArea();
    }

    @Override public double growthVelocity_m_per_s() { return perArea(rate); }

    @Override public double metalVolumePerArea_m() { return perArea(xi); }

    @Override
    public double frontHeight_m() {
        int columns = g.nx * g.ny;
        frontHeight.arg(0, xi).arg(1, material).arg(2, tableBuf).arg(3, partial).run(columns);
        return reducer.reduce(1, (columns + WG - 1) / WG, true)[0];
    }

    @Override
    public void solvePotentials(double V, SimulationState state) {
        if (hostPotentials != null) {
            solveOnHost(V, state);
            return;
        }
        if (single) {
            // div(sigma grad phi) = q  (Chen 2015), phi = V at the collector, 0 at the counter boundary
            state.lastIterations = ionic.solve(sigmaL, source, +1, V, 0.0, phiL);
        } else {
            // div(sigma_l grad phi_l) = q and div(sigma_s grad phi_s) = -q (docs/MODEL.md section 3.4)
            int itL = ionic.solve(sigmaL, source, +1, 0.0, 0.0, phiL);
            int itS = electronic.solve(sigmaS, source, -1, V, 0.0, phiS);
            state.lastIterations = itL + itS;
        }
        state.counterCurrent_A_per_m2 = ionic.currentIntoTop(sigmaL, phiL, 0.0);
    }

    /**
     * The solves on the host in double precision from the device's conductivities and source, the
     * potentials copied back: in single precision, whose range the squared diagonal of the
     * potential operator ((sigma / h^2)^2 ~ 1e40 for the metal) exceeds, and on grids of at most
     * {@link DevicePotentialSolver#HOST_CELLS} cells, which the device multigrid would hand to the
     * host at once anyway.
     */
    private void solveOnHost(double V, SimulationState state) {
        ctx.read(sigmaL, hostPotentials.sigmaL, n);
        if (!single) ctx.read(sigmaS, hostPotentials.sigmaS, n);
        ctx.read(source, hostPotentials.source, n);
        ctx.read(phiL, fields.phiL, n);
        if (!single) ctx.read(phiS, fields.phiS, n);
        hostPotentials.solve(fields, V, state);
        ctx.write(phiL, fields.phiL, n);
        if (!single) ctx.write(phiS, fields.phiS, n);
    }

    @Override
    public ShortCircuitDetector.Short checkShort() {
        metalInBand.arg(0, xi).arg(1, material).arg(2, tableBuf).arg(3, bandStart).arg(4, partial).run(cells);
        reduce(1, true);
        if (resultHost[0] == 0) return null;
        download();
        return shorts.check(fields);
    }

    @Override
    public void close() {
        kernels.release();
        reducer.release();
        for (cl_mem m : owned) CL.clReleaseMemObject(m);
        owned.clear();
    }

    /** The galvanostatic control's sums as kernels over the device fields. */
    private final class DeviceReactions implements GalvanostaticControl.Reactions {
        private double sum, slope;

        @Override
        public double collect() {
            collect.arg(0, xi).arg(1, c).arg(2, phiL).arg(3, phiS).arg(4, material).arg(5, tableBuf).arg(6, reactionOld).arg(7, partial).arg(8, film).run(cells);
            reduce(1, false);
            return resultHost[0];
        }

        @Override public double growthVelocity_m_per_s() { return perArea(rate); }


        @Override
        public void evaluate(double dV) {
            evaluate.arg(0, xi).arg(1, c).arg(2, phiL).arg(3, phiS).arg(4, material).arg(5, tableBuf).arg(6, reactionOld).real(7, dV)
                    .arg(8, partial).arg(9, film).run(cells);
            reduce(2, false);
            sum = resultHost[0];
            slope = resultHost[1];
        }

        @Override public double sum() { return sum; }
        @Override public double slope() { return slope; }

        /** Single precision: sums of many float terms carry about 1e-6 of their magnitude. */
        @Override
        public double sumRelativePrecision() {
            return ctx.precision == Precision.FLOAT ? 1e-6 : GalvanostaticControl.Reactions.super.sumRelativePrecision();
        }

        @Override
        public void apply(double dV, double dt_s) {
            apply.arg(0, xi).arg(1, c).arg(2, phiL).arg(3, phiS).arg(4, material).arg(5, tableBuf).arg(6, reactionOld).real(7, dV).real(8, dt_s)
                    .arg(9, rate).arg(10, xiNext).arg(11, film).run(cells);
        }
    }
}
