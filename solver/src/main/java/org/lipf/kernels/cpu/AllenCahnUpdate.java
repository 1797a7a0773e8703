package org.lipf.kernels.cpu;

import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.lipf.grid.Grid;
import org.lipf.grid.Parallel;
import org.lipf.model.Anisotropy;
import org.lipf.model.ButlerVolmer;
import org.lipf.model.DoubleWell;
import org.lipf.model.FieldSet;
import org.lipf.model.FilmButlerVolmer;
import org.lipf.model.Interpolation;
import org.lipf.model.LangevinNoise;
import org.lipf.model.MaterialTable;
import org.lipf.model.ModelParameters;

/**
 * Explicit update of the Li order parameter (docs/MODEL.md section 3.1):
 *
 * <pre>
 *   d xi/dt = -L_sigma [ W g'(xi) - div J(grad xi) ]
 *             + L_eta h'(xi) [ c exp(-alpha f eta) - exp((1-alpha) f eta) ]          (Butler-Volmer)
 *             + L_eta a_nuc (1 - h(xi)) max(0, BV) / (1 + exp(f (eta + eta_nuc)))     (nucleation)
 *             + A_noise U(seed, step, cell) h'(xi) / h'(1/2)                          (Langevin)
 * </pre>
 *
 * with J = kappa(theta) grad xi plus the 2D torque term (Kobayashi form), eta = phi_s - phi_l - E_eq
 * (single potential: eta = phi - E_eq). Symbols to identifiers: xi = {@code xi}, c = {@code c},
 * phi_l = {@code phiL}, phi_s = {@code phiS}, -L_sigma, W, kappa0 / dx^2 and kappa0 / dx in {@link Capillary},
 * L_eta = {@code table.Leta_per_s}. Cells of a material with zero free fraction are
 * frozen (zero rate), and no xi flux crosses into them. Writes {@code rate} and {@code xiNext}; with
 * dispersed nucleation (docs/MODEL.md section 3.6) the nucleation term goes to {@code dispersedRate}
 * and {@code dispersedNext} instead of xi, and with {@link #reactAtHostFaces} a host cell's faces against an
 * ion conductor react too (section 3.6.1).
 */
public final class AllenCahnUpdate {
    /** Bounds on xi beyond which a step is rejected and retried with a smaller step. */
    public static final double XI_MIN = -0.1, XI_MAX = 1.1;
    /** Values of c below this are set to zero (subnormal numbers would make its arithmetic a hundred times slower). */
    public static final double TINY = 1e-30;
    /**
     * |xi| below this is set to zero: near 1, xi cannot tell 1 - xi below 2^-53 (the spacing of doubles
     * just below 1) from 0, so the tanh tails at 0 end where those at 1 do instead of decaying through
     * fourteen more decades of cells outside the bulk (docs/MODEL.md section 5.3).
     */
    public static final double XI_RESOLUTION = 0x1p-53;

    /** xi as a step leaves it: 0 where |xi| is below {@link #XI_RESOLUTION}. */
    public static double resolved(double xi) {
        return Math.abs(xi) < XI_RESOLUTION ? 0 : xi;
    }
    /** Chunks of planes per thread in the loops over the interface ({@link #chunkPlanes}). */
    private static final int CHUNKS_PER_THREAD = 8;
    /** h'(xi) above which a cell is at the interface and computes the reaction terms (section 3.1). */
    public static final double INTERFACE_DH = 1e-12;
    /** f (eta + eta_nuc) beyond which the nucleation gate (below e^-30) counts as closed. */
    private static final double GATE_CLOSED = 30;

    private final Grid g;
    private final ModelParameters p;
    private final MaterialTable table;
    /** The kinetic length of the diffuse interface over dx: L_eta times it is a face's rate per cell (section 3.6.1). */
    private final double faceLength;
    /** The faces where hosts meet ion conductors, when they react (section 3.6.1), else null. */
    private HostFaces hostFaces;
    private final Parallel parallel;
    private final double[] mobile;
    /** Whether some material is frozen (zero free fraction: no xi flux crosses into its cells). */
    private final boolean anyFrozen;
    /** Whether any material nucleates ({@link #nucleating} can hold somewhere). */
    private final boolean anyNucleation;
    private final double[] planeStiffness;
    private final double[] planeBad;
    /** Per plane: sum of f_free times the non-electrochemical rate (capillarity, noise), and of f_free h'(xi). */
    private final double[] planeCapillary, planeWeight;
    private final double rotCos, rotSin;
    private final int omega;
    /**
     * Anisotropic 3D faces are each computed once, by the cell below in index order, and kept for
     * the cell above in buffers that a chunk of planes takes from here and returns (at most one per
     * thread is made). The first row and plane of a chunk compute their lower faces themselves, so
     * results do not depend on the chunks.
     */
    private final ConcurrentLinkedDeque<RowBuffers> spareFaces = new ConcurrentLinkedDeque<>();
    /** The constants of the capillary rate, for the scalar loop and {@link AllenCahnLanes#capillaryRates}. */
    private final Capillary capillaryConstants;
    /** Per material: the constants of its reaction for {@link AllenCahnLanes#settle}. */
    private final Reaction[] reactionLanes;
    /**
     * Whether the bulk test, the 3D anisotropic faces, the capillary rates, the settling of rows and their interface
     * reaction run in SIMD lanes ({@link AllenCahnLanes}).
     */
    private final boolean simd;

    private double lastReactionStiffness_per_s;
    private boolean lastOutOfBounds;
    private double lastVolumeMultiplier_per_s;
    /** Factor on the noise rate (1 for explicit steps; see {@link #setNoiseScale}). */
    private double noiseScale = 1;
    /** Whether nucleated metal goes to the dispersed field (docs/MODEL.md section 3.6) rather than xi. */
    private final boolean dispersedForm;
    /** Per row (index k ny + j): whether the last {@link #compute} found an active cell in it. */
    private final boolean[] rowActive;
    /** Per plane: largest change of the dispersed fraction in the last call. */
    private final double[] planeDispersedChange;
    private double lastDispersedChange;
    /** The step the dispersed metal's rates are averaged over, s (see {@link #assumeStep}). */
    private double assumedStep_s;

    public AllenCahnUpdate(Grid g, ModelParameters p, MaterialTable table, Parallel parallel) {
        this(g, p, table, parallel, Simd.ENABLED);
    }

    /** @param simd whether to run the SIMD loops ({@link Simd}; the same bits) */
    AllenCahnUpdate(Grid g, ModelParameters p, MaterialTable table, Parallel parallel, boolean simd) {
        this.g = g;
        this.simd = simd;
        this.p = p;
        this.table = table;
        this.parallel = parallel;
        this.mobile = new double[table.size()];
        for (int m = 0; m < table.size(); m++) mobile[m] = table.freeFraction[m] > 0 ? 1 : 0;
        final double invDx = 1.0 / g.dx_m;
        this.capillaryConstants = new Capillary(-p.Lsigma_m3_per_J_s(), p.W_J_per_m3(), p.kappa0_J_per_m() * (invDx * invDx), p.kappa0_J_per_m() * invDx);
        this.reactionLanes = new Reaction[table.size()];
        for (int m = 0; m < table.size(); m++)
            reactionLanes[m] = new Reaction(p.equilibriumPotential_V(), -p.alpha() * p.f_per_V(), (1 - p.alpha()) * p.f_per_V(), table.Leta_per_s[m],
                    p.siteRatio() * table.freeFraction[m]);
        this.anyFrozen = Arrays.stream(mobile).anyMatch(w -> w == 0);
        this.anyNucleation = Arrays.stream(table.nucleationActivity).anyMatch(a -> a > 0);
        this.planeStiffness = new double[g.nz];
        this.planeBad = new double[g.nz];
        this.planeCapillary = new double[g.nz];
        this.planeWeight = new double[g.nz];
        double a = p.anisotropyMode() * p.anisotropyAngle_rad();
        this.rotCos = Math.cos(a);
        this.rotSin = Math.sin(a);
        this.omega = p.anisotropyMode();
        this.dispersedForm = p.dispersedNucleation();
        this.planeDispersedChange = new double[g.nz];
        this.rowActive = new boolean[g.ny * g.nz];
        this.faceLength = Interpolation.kineticLength_m(p.interfaceWidth_m()) / g.dx_m;
    }

    /**
     * Makes the host cells' faces against ion conductors react (docs/MODEL.md section 3.6.1), the Li they deposit
     * beyond the host's pores going to {@code faces}' records (dispersed form only).
     */
    public void reactAtHostFaces(HostFaces faces) {
        if (!dispersedForm) throw new IllegalStateException("the host faces' reaction needs the dispersed form");
        this.hostFaces = faces;
    }

    /**
     * The faces of cell P against an ion conductor where they react (section 3.6.1), else 0: none where the cell is
     * resolved metal (xi &gt;= 1/2), whose surface reacts as a front.
     */
    public int openFaces(FieldSet f, int P) {
        return hostFaces == null || f.xi[P] >= 0.5 ? 0 : hostFaces.open(P);
    }

    /** Cell P's share of the Li at its reacting faces, in units of its free volume (section 3.6.1), else 0. */
    public double faceLi(FieldSet f, int P) {
        return openFaces(f, P) == 0 ? 0 : hostFaces.available(f.faceLi, P) / table.freeFraction[f.material[P]];
    }

    /**
     * The constants of the capillary rate -L_sigma (W g'(xi) - div J) of section 3.1, for the row loop and its lanes:
     * -L_sigma, W, kappa0 / dx^2 (isotropic div J over the differences to the neighbours) and kappa0 / dx (over the
     * faces' J / kappa0).
     */
    record Capillary(double negLs, double W, double laplacian, double flux) {}

    /**
     * The constants of a material's reaction terms without a film or nucleation as {@link #reaction} computes them:
     * E_eq, -alpha f and (1 - alpha) f (the Butler-Volmer exponents per volt of eta), L_eta, and (c_s / c0) f_free
     * (the sink's factor in the stiffness).
     */
    record Reaction(double equilibrium_V, double cathodic_per_V, double anodic_per_V, double Leta_per_s, double sink) {}

    /**
     * A thread's buffers for one row at a time: the per-cell values the SIMD loops pass on, the row's largest
     * reaction stiffness, and the anisotropic fluxes J / kappa0 of the row, computed in short loops of their own before the
     * cells are updated (one loop over everything was bound by the latency of each cell's long chain
     * of operations): x faces (face i between cells i - 1 and i); in 3D north faces and the north
     * faces of the previous row (its south faces), the bottom faces of a chunk's first plane, and the
     * top faces of the previous and this plane (by parity; by the offset in the plane); in 2D the
     * faces below and above the row.
     */
    static final class RowBuffers {
        final double[] x, south, bottom;
        /**
         * Per cell of the row (SIMD): the capillary rate ({@link AllenCahnLanes#capillaryRates}), h'(xi) and the
         * electrochemical rate ({@link AllenCahnLanes#settle}).
         */
        final double[] capillary, dh, echem;
        /** Per cell of the row (SIMD): the Butler-Volmer exponentials exp(-alpha f eta) and exp((1 - alpha) f eta). */
        final double[] cathodic, anodic;
        /** The row's largest reaction stiffness, 1/s. */
        double stiffness;
        /** The row's volume sums f_free (rate - R_echem) and f_free h' as partial sums ({@link RowSums}). */
        final double[] capillarySums = RowSums.create(), weightSums = RowSums.create();
        /**
         * The largest excess of a reacting cell's next xi over its bounds, per lane ({@link AllenCahnLanes#react}, which
         * runs with at most {@link RowSums#WAYS} lanes).
         */
        final double[] worstExcess = new double[RowSums.WAYS];
        /** North faces of the previous row and of this one; swapped after each row. */
        double[] north, nextNorth;
        /**
         * Per cell of the row: whether it is active (not written where, without frozen or nucleating materials, the bulk
         * flags decide it), and (SIMD) whether it is bulk (1) or not (0).
         */
        final boolean[] active;
        final double[] bulk;
        final double[][] top;
        /**
         * 2D: the faces below and above the row (a plane), the upper ones kept for the next plane while
         * {@link #aboveValid} (swapped, not copied).
         */
        double[] below2D, above2D;
        boolean aboveValid;

        RowBuffers(int nx, int planeLength) {
            below2D = new double[nx];
            above2D = new double[nx];
            top = new double[][] {new double[planeLength], new double[planeLength]};
            x = new double[nx + 1];
            north = new double[nx];
            nextNorth = new double[nx];
            south = new double[nx];
            bottom = new double[nx];
            active = new boolean[nx];
            bulk = new double[nx];
            capillary = new double[nx];
            dh = new double[nx];
            echem = new double[nx];
            cathodic = new double[nx];
            anodic = new double[nx];
        }
    }

    /**
     * Scales the Langevin term of the following calls. A semi-implicit step of length dt uses
     * sqrt(dt_ref / dt), dt_ref the explicit step, so that the noise adds the same variance per unit
     * time as in explicit runs (an increment dt A U per step would grow it with the step).
     */
    public void setNoiseScale(double scale) {
        this.noiseScale = scale;
    }

    /** Computes rate and xiNext from the current fields. */
    public void compute(FieldSet f, double dt_s, long step) {
        if (hostFaces != null) hostFaces.clear();
        // the work lies where the interface is, often in a few planes: chunks taken in turn balance it
        parallel.forChunks(g.nz, chunkPlanes(), (k0, k1) -> {
            RowBuffers faces = spareFaces.poll();
            if (faces == null) faces = new RowBuffers(g.nx, g.is3D() && p.anisotropyStrength() != 0 ? g.strideZ : 0);
            for (int k = k0; k < k1; k++) {
                planeStiffness[k] = 0;
                planeBad[k] = 0;
                planeCapillary[k] = 0;
                planeWeight[k] = 0;
                planeDispersedChange[k] = 0;
                for (int j = 0; j < g.ny; j++) row(f, dt_s, step, j, k, k > k0, faces);
            }
            spareFaces.push(faces);
        });
        lastReactionStiffness_per_s = Parallel.maxOf(planeStiffness);
        lastOutOfBounds = Parallel.maxOf(planeBad) != 0;
        lastDispersedChange = Parallel.maxOf(planeDispersedChange);
    }

    /**
     * Planes per chunk of the loops over the interface ({@link Parallel#forChunks}): all of them on one
     * thread (each chunk computes its first plane's lower faces again).
     */
    private int chunkPlanes() {
        final int threads = parallel.threads();
        return threads == 1 ? g.nz : Math.max(1, g.nz / (CHUNKS_PER_THREAD * threads));
    }

    /**
     * Whether the last {@link #compute} found an active cell in row j of plane k: a row without one has rate 0 and
     * kept its xi (bulk cells, exactly 0 or 1, and frozen ones).
     */
    public boolean rowActive(int j, int k) {
        return rowActive[k * g.ny + j];
    }

    /** Largest |change| of the dispersed fraction delta the last {@link #compute} wrote to dispersedNext. */
    public double lastDispersedChange() {
        return lastDispersedChange;
    }

    /**
     * The step the next {@link #compute} takes at most, s: the dispersed metal's rate is its backward-Euler
     * average over it (docs/MODEL.md section 3.6), in the potentials' source as in the update, so that the metal
     * deposited is the charge that passed. Set before the potentials are solved for a step.
     */
    public void assumeStep(double dt_s) {
        this.assumedStep_s = dt_s;
    }

    /**
     * Largest reaction stiffness of the last call, 1/s: 5.78 L_eta |BV| h-bound in xi (|h''| <= 5.78)
     * and (c_s/c0) f_free L_eta exp(-alpha f eta) in c. The explicit step must stay below its inverse.
     */
    public double lastReactionStiffness_per_s() {
        return lastReactionStiffness_per_s;
    }

    /** Whether the last call produced NaN or xi outside [XI_MIN, XI_MAX]. */
    public boolean lastOutOfBounds() {
        return lastOutOfBounds;
    }

    /** Whether xiNext holds NaN or values outside [XI_MIN, XI_MAX] (after a correction of the rates). */
    public boolean outOfBounds(FieldSet f) {
        parallel.forSlabs(g.nz, (k0, k1) -> {
            for (int k = k0; k < k1; k++) {
                double bad = 0;
                for (int j = 0; j < g.ny; j++) {
                    final int start = g.rowStart(j, k);
                    for (int P = start; P < start + g.nx; P++) {
                        final double x = f.xiNext[P];
                        if (!(x >= XI_MIN && x <= XI_MAX)) bad = 1;
                    }
                }
                planeBad[k] = bad;
            }
        });
        return Parallel.maxOf(planeBad) != 0;
    }

    /** Explicit stability limit of the Allen-Cahn part (double well and gradient term), s. */
    public double stableStep_s() {
        return stableStep_s(g, p);
    }

    /** Explicit stability limit of the Allen-Cahn part on grid g with parameters p, s. */
    public static double stableStep_s(Grid g, ModelParameters p) {
        double aniso = 1 + Math.abs(p.anisotropyStrength()) * Math.max(1, p.anisotropyMode() * p.anisotropyMode());
        double lap = 4.0 * g.dimensions / (g.dx_m * g.dx_m);
        return 1.0 / (p.Lsigma_m3_per_J_s() * (p.W_J_per_m3() * DoubleWell.MAX_CURVATURE + p.kappa0_J_per_m() * aniso * lap));
    }

    /**
     * One row; folds its stiffness and bound violations into the plane's entries. {@code belowCached}:
     * the top faces of the plane below are in {@code faces}.
     */
    private void row(FieldSet f, double dt, long step, int j, int k, boolean belowCached, RowBuffers faces) {
        final double[] xi = f.xi, rate = f.rate, xiNext = f.xiNext;
        final byte[] mat = f.material;
        final double invDx = 1.0 / g.dx_m;
        final Capillary cap = capillaryConstants;
        final boolean noisy = p.noiseRate_per_s() * noiseScale != 0;
        final boolean aniso = p.anisotropyStrength() != 0;
        final int sy = g.strideY, sz = g.strideZ;
        final double zLo = k > 0 ? 1 : 0, zHi = k < g.nz - 1 ? 1 : 0;
        final int start = g.rowStart(j, k);
        final boolean carried3D = aniso && sy != 0;
        final boolean[] active = faces.active;
        final double[] bulk = faces.bulk;
        // a row of bulk cells where no material nucleates (most rows) has no active cell: no test per cell
        final boolean allBulk = simd && AllenCahnLanes.bulk(xi, start, g.nx, sz, sy, bulk);
        // without frozen or nucleating materials a cell is active exactly where it is not bulk: no test per cell either
        final boolean activeWhereNotBulk = simd && !anyFrozen && !anyNucleation;
        boolean anyActive = activeWhereNotBulk && !allBulk;
        if (!activeWhereNotBulk && !(allBulk && !anyNucleation))
            for (int i = 0; i < g.nx; i++) {
                final int P = start + i;
                // frozen cells, and bulk cells (xi exactly 0 or 1 with equal neighbours) where no term acts
                active[i] = mobile[mat[P]] != 0 && !((simd ? bulk[i] != 0 : bulk(xi, xi[P], P, sz, sy)) && !nucleating(mat[P], f, P));
                anyActive |= active[i];
            }
        rowActive[k * g.ny + j] = anyActive;
        final int inPlane = start - (k + 1) * sz;
        final double[] top = faces.top[k & 1];
        final double[] south = j > 0 ? faces.north : faces.south, bottom = belowCached ? faces.top[(k + 1) & 1] : faces.bottom;
        final int bottomAt = belowCached ? inPlane : 0;
        final double[] nextNorth = faces.nextNorth;
        if (carried3D) {
            if (anyActive) {
                faces3D(xi, start - 1, 1, sy, sz, g.nx + 1, invDx, faces.x, 0);
                faces3D(xi, start, sy, 1, sz, g.nx, invDx, nextNorth, 0);
                faces3D(xi, start, sz, 1, sy, g.nx, invDx, top, inPlane);
                if (j == 0) faces3D(xi, start - sy, sy, 1, sz, g.nx, invDx, faces.south, 0);
                if (!belowCached) faces3D(xi, start - sz, sz, 1, sy, g.nx, invDx, faces.bottom, 0);
            } else {
                // all bulk (no gradient normal to the upper faces: kappa g_n = 0) or frozen (their
                // faces are weighted by zero in the neighbours)
                Arrays.fill(nextNorth, 0);
                Arrays.fill(top, inPlane, inPlane + g.nx, 0);
            }
            faces.nextNorth = faces.north;
            faces.north = nextNorth;
        }
        // 2D anisotropic faces in short loops of their own before the cells, as in 3D; those above the row
        // serve the next one as its lower faces
        final boolean rows2D = aniso && sy == 0;
        if (rows2D) {
            if (anyActive) {
                if (belowCached && faces.aboveValid) {
                    final double[] t = faces.below2D;
                    faces.below2D = faces.above2D;
                    faces.above2D = t;
                } else {
                    faces2D(xi, start - sz, sz, 1, g.nx, invDx, false, faces.below2D);
                }
                faces2D(xi, start, sz, 1, g.nx, invDx, false, faces.above2D);
                faces2D(xi, start - 1, 1, sz, g.nx + 1, invDx, true, faces.x);
            }
            faces.aboveValid = anyActive;
        }
        if (!anyActive) {
            Arrays.fill(rate, start, start + g.nx, 0);
            System.arraycopy(xi, start, xiNext, start, g.nx);
            if (dispersedForm) {
                Arrays.fill(f.dispersedRate, start, start + g.nx, 0);
                System.arraycopy(f.dispersed, start, f.dispersedNext, start, g.nx);
            }
            return;
        }
        // where every weight is 1, the capillary rates of the row in lanes first: the gradient term is most of a
        // cell's work outside the interface
        final int laned = !simd || anyFrozen && !mobileAround(mat, start, sz, sy) ? 0
                : !aniso ? AllenCahnLanes.capillaryRates(xi, start, g.nx, sz, sy, zHi, zLo, capillaryConstants, null, null, null, null, 0, null, 0, faces.capillary)
                : rows2D ? AllenCahnLanes.capillaryRates(xi, start, g.nx, sz, sy, zHi, zLo, capillaryConstants, faces.x, null, null, faces.above2D, 0,
                        faces.below2D, 0, faces.capillary)
                : AllenCahnLanes.capillaryRates(xi, start, g.nx, sz, sy, zHi, zLo, capillaryConstants, faces.x, nextNorth, south, top, inPlane, bottom,
                        bottomAt, faces.capillary);
        faces.stiffness = 0;
        // the volume sums, cell i in partial i mod 8 (RowSums: the same bits in lanes)
        final double[] capillary = faces.capillarySums, weight = faces.weightSums;
        RowSums.clear(capillary);
        RowSums.clear(weight);
        boolean bad = false;
        // rows where nothing nucleates: every cell settled in lanes as if it did not react (rate, next xi, h'); then the
        // interface cells' reaction, their noise and the volume sums
        final int settled = anyNucleation || dispersedForm ? 0 : laned;
        final boolean plain = settled > 0 && Rows.oneMaterial(mat, start, g.nx) && Rows.all(f.filmResistance_ohm_m2, inPlane, g.nx, 0)
                && Rows.all(f.filmExchangeCurrent_A_per_m2, inPlane, g.nx, 0) && Rows.all(f.contactFraction, inPlane, g.nx, 1);
        if (settled > 0) bad = AllenCahnLanes.settle(f, start, settled, faces, dt, plain ? reactionLanes[mat[start]] : null);
        // those of one material under no film in lanes as far as whole groups of RowSums.WAYS cells go
        final int summed = plain && AllenCahnLanes.ROW_SUMS ? settled - settled % RowSums.WAYS : 0;
        if (summed > 0) {
            bad |= AllenCahnLanes.react(f, start, summed, faces, dt, noisy ? p.noiseRate_per_s() * noiseScale : 0, p.seed(), step);
            AllenCahnLanes.volumeSums(f, start, summed, faces, table.freeFraction[mat[start]]);
        }
        for (int i = summed; i < settled; i++) {
            final int P = start + i;
            final double dh = faces.dh[i], ff = table.freeFraction[mat[P]];
            // bulk cells add rate 0 and h' 0: a sum never -0 is unchanged by +0
            if (dh > INTERFACE_DH) {
                final double x = xi[P], echem = plain ? faces.echem[i] : reaction(f, P, mat[P], x, dh, dt, k, inPlane + i, faces);
                double r = rate[P] + echem;
                if (noisy) r += noiseRate(step, P, dh);
                rate[P] = r;
                capillary[RowSums.way(i)] += ff * (r - echem);
                final double xn = resolved(x + dt * r);
                xiNext[P] = xn;
                if (!(xn >= XI_MIN && xn <= XI_MAX)) bad = true;
            } else capillary[RowSums.way(i)] += ff * rate[P];
            weight[RowSums.way(i)] += ff * dh;
        }
        for (int i = settled; i < g.nx; i++) {
            final int P = start + i;
            final double x = xi[P];
            final int m = mat[P];
            if (activeWhereNotBulk ? bulk[i] != 0 : !active[i]) {
                rate[P] = 0;
                xiNext[P] = x;
                if (dispersedForm) {
                    f.dispersedRate[P] = 0;
                    f.dispersedNext[P] = f.dispersed[P];
                }
                continue;
            }
            double r;
            if (i < laned) r = faces.capillary[i];
            else {
                final double wE = mobile[mat[P + 1]], wW = mobile[mat[P - 1]];
                final double wN = mobile[mat[P + sz]] * zHi, wS = mobile[mat[P - sz]] * zLo;
                double div;
                if (!aniso) {
                    div = cap.laplacian() * (wE * (xi[P + 1] - x) + wW * (xi[P - 1] - x) + wN * (xi[P + sz] - x) + wS * (xi[P - sz] - x));
                    if (sy != 0) div += cap.laplacian() * (mobile[mat[P + sy]] * (xi[P + sy] - x) + mobile[mat[P - sy]] * (xi[P - sy] - x));
                } else {
                    double sum = wE * faces.x[i + 1] - wW * faces.x[i];
                    if (rows2D) sum += wN * faces.above2D[i] - wS * faces.below2D[i];
                    else sum += mobile[mat[P + sy]] * nextNorth[i] - mobile[mat[P - sy]] * south[i] + wN * top[inPlane + i] - wS * bottom[bottomAt + i];
                    div = cap.flux() * sum;
                }
                r = cap.negLs() * (cap.W() * DoubleWell.dg(x) - div);
            }
            final double dh = Interpolation.dh(x);
            double echem = 0;
            // transcendental work only at the interface, or where the nucleation gate is open
            if (dh > INTERFACE_DH || nucleating(m, f, P)) {
                echem = reaction(f, P, m, x, dh, dt, k, inPlane + i, faces);
                r += echem;
                if (noisy) r += noiseRate(step, P, dh);
            } else if (dispersedForm) {
                f.dispersedRate[P] = 0;
                f.dispersedNext[P] = f.dispersed[P];
            }
            rate[P] = r;
            capillary[RowSums.way(i)] += table.freeFraction[m] * (r - echem);
            weight[RowSums.way(i)] += table.freeFraction[m] * dh;
            final double xn = resolved(x + dt * r);
            xiNext[P] = xn;
            if (!(xn >= XI_MIN && xn <= XI_MAX)) bad = true;
        }
        final double stiff = faces.stiffness;
        planeStiffness[k] = Math.max(planeStiffness[k], stiff);
        planeCapillary[k] += RowSums.total(capillary);
        planeWeight[k] += RowSums.total(weight);
        if (bad) planeBad[k] = 1;
    }

    /**
     * The electrochemical rate of a cell at the interface or nucleating, 1/s (growth behind its column q's film, and
     * nucleation unless it goes to the dispersed metal, which is then advanced over dt); folds the cell's reaction
     * stiffness into faces.stiffness.
     */
    private double reaction(FieldSet f, int P, int m, double x, double dh, double dt, int k, int q, RowBuffers faces) {
        final double alpha = p.alpha(), fF = p.f_per_V(), c = f.c[P];
        final double eta = overpotential(f, P);
        final double cathodic = ButlerVolmer.cathodicExponential(eta, alpha, fF);
        final double bv = ButlerVolmer.depositionFactor(cathodic, eta, c, alpha, fF);
        final double film = columnFilmDrop_V(f, q, m), filmK = columnFilmKinetics(f, q, m);
        final double bvFilm = growthFactor(film, filmK, x, eta, c, bv);
        final double delta = f.dispersed[P];
        final int open = openFaces(f, P);
        final double faceLi = faceLi(f, P);
        // the terms of reactionRate, evaluated once: nucleation goes to xi, or to delta in the dispersed form
        final double nucleation = nucleationTerm(x, delta, m, eta, bv, open, faceLi);
        double echem = growthTerm(x, m, bvFilm);
        if (dispersedForm) planeDispersedChange[k] = Math.max(planeDispersedChange[k], disperse(f, P, x, delta, nucleation, dt, open));
        else echem += nucleation;
        faces.stiffness = Math.max(faces.stiffness, reactionStiffness_per_s(m, dh, eta, bv, cathodic, film, filmK, bvFilm, open));
        return echem;
    }

    /** The Langevin term of cell P at this step, 1/s: A U(seed, step, P) h'(xi) / h'(1/2) (section 3.1). */
    private double noiseRate(long step, int P, double dh) {
        return p.noiseRate_per_s() * noiseScale * LangevinNoise.uniform(p.seed(), step, P) * dh / Interpolation.DH_MAX;
    }

    /**
     * Whether the cells of the row from start, its x ghosts and the face neighbours in the rows around it are all
     * mobile (sy = 0 in 2D).
     */
    private boolean mobileAround(byte[] mat, int start, int sz, int sy) {
        if (!mobile(mat, start - 1, g.nx + 2) || !mobile(mat, start + sz, g.nx) || !mobile(mat, start - sz, g.nx)) return false;
        return sy == 0 || mobile(mat, start + sy, g.nx) && mobile(mat, start - sy, g.nx);
    }

    private boolean mobile(byte[] mat, int from, int n) {
        for (int q = from; q < from + n; q++)
            if (mobile[mat[q]] == 0) return false;
        return true;
    }

    /**
     * Makes the capillary part of the last {@link #compute} conserve the metal volume (docs/MODEL.md
     * section 3.1): adds lambda h'(xi) to the rate, lambda = -sum f_free (rate - R_echem) / sum f_free h',
     * so that only the electrochemical term changes the metal volume (and carries charge). Updates
     * xiNext and returns whether it left [XI_MIN, XI_MAX].
     */
    public boolean conserveMetalVolume(FieldSet f, double dt_s) {
        double capillary = 0, weight = 0;
        for (int k = 0; k < g.nz; k++) {
            capillary += planeCapillary[k];
            weight += planeWeight[k];
        }
        final double lambda = weight > 0 ? -capillary / weight : 0;
        lastVolumeMultiplier_per_s = lambda;
        return lambda != 0 && addToRate(f, dt_s, lambda);
    }

    /** rate += lambda h'(xi) in the mobile cells, xiNext recomputed; returns whether xiNext left its bounds. */
    private boolean addToRate(FieldSet f, double dt, double lambda) {
        final double[] xi = f.xi, rate = f.rate, xiNext = f.xiNext;
        final byte[] mat = f.material;
        // rows without an active cell hold only frozen cells and xi of exactly 0 or 1 (h' = 0): nothing to add
        parallel.forChunks(g.nz, chunkPlanes(), (k0, k1) -> {
            for (int k = k0; k < k1; k++) {
                boolean bad = false;
                for (int j = 0; j < g.ny; j++) {
                    if (!rowActive[k * g.ny + j]) continue;
                    final int start = g.rowStart(j, k);
                    for (int P = start; P < start + g.nx; P++) {
                        final double dh = Interpolation.dh(xi[P]);
                        if (mobile[mat[P]] == 0 || dh == 0) continue;
                        final double r = rate[P] + lambda * dh, x = xi[P] + dt * r;
                        rate[P] = r;
                        final double xn = resolved(x);
                        xiNext[P] = xn;
                        if (!(xn >= XI_MIN && xn <= XI_MAX)) bad = true;
                    }
                }
                planeBad[k] = bad ? 1 : 0;
            }
        });
        return Parallel.maxOf(planeBad) != 0;
    }

    /** The multiplier lambda of the last {@link #conserveMetalVolume} call, 1/s. */
    public double lastVolumeMultiplier_per_s() {
        return lastVolumeMultiplier_per_s;
    }

    /**
     * Whether xi is exactly 0 or 1 at P and its face neighbours: no gradient, no well force, h' = 0.
     * Non-short-circuit operators: one test instead of a branch per neighbour (in 2D the y
     * neighbours are P itself).
     */
    static boolean bulk(double[] xi, double x, int P, int sz, int sy) {
        return (x == 0 | x == 1) & xi[P + 1] == x & xi[P - 1] == x & xi[P + sz] == x & xi[P - sz] == x
                & xi[P + sy] == x & xi[P - sy] == x;
    }

    /**
     * Whether the nucleation term can act in cell P (its material nucleates and the gate is open, or it holds dispersed metal,
     * or its faces react: section 3.6.1).
     */
    private boolean nucleating(int material, FieldSet f, int P) {
        return table.nucleationActivity[material] > 0
                && (p.f_per_V() * (overpotential(f, P) + p.nucleationBarrier_V()) < GATE_CLOSED || f.dispersed[P] > 0 || openFaces(f, P) > 0);
    }

    /**
     * The electrochemical part of d xi/dt, 1/s: Butler-Volmer growth at the metal surface plus
     * nucleation where electrons reach an ion conductor beyond the nucleation barrier.
     *
     * @param delta the cell's dispersed metal fraction (docs/MODEL.md section 3.6; 0 in the resolved form)
     * @param bv {@link ButlerVolmer#depositionFactor} at this cell's eta and c (drives nucleation)
     * @param bvFilm the growth factor behind the film of the cell's column, {@link FilmButlerVolmer#factor}
     *     (equal to bv where there is none)
     */
    public double reactionRate(double xi, double delta, int material, double eta_V, double bv, double bvFilm, int openFaces, double faceLi) {
        return growthTerm(xi, material, bvFilm) + nucleationTerm(xi, delta, material, eta_V, bv, openFaces, faceLi);
    }

    /** The surface growth part of {@link #reactionRate}, L_eta h'(xi) BV (behind the film), 1/s. */
    private double growthTerm(double xi, int material, double bvFilm) {
        return table.Leta_per_s[material] * Interpolation.dh(xi) * bvFilm;
    }

    /**
     * The nucleation part of {@link #reactionRate}, 1/s: averaged over the assumed step in the dispersed form, with
     * the host faces' growth (section 3.6.1).
     */
    private double nucleationTerm(double xi, double delta, int material, double eta_V, double bv, int openFaces, double faceLi) {
        final double gate = gateFor(material, eta_V, bv);
        return nucleationRate(xi, delta, material, eta_V, bv, gate, openFaces, faceLi) * dispersedAveraging(xi, delta, material, bv, gate, openFaces, faceLi)
                + faceGrowth(material, openFaces, bv);
    }

    /**
     * {@link #reactionRate} of cell P at the fields now, 1/s: Butler-Volmer growth behind its column's film
     * and contact plus nucleation. n F c_s f_free times it is the local deposition current per volume: it is
     * where the reaction puts Li, which the front's motion (d xi/dt, capillarity included) blurs.
     */
    public double reactionRate(FieldSet f, int P) {
        return reactionRateAt(f, P, overpotential(f, P));
    }

    /** {@link #reactionRate(FieldSet, int)} at the overpotential eta instead of the fields' (a control's trial potential), 1/s. */
    public double reactionRateAt(FieldSet f, int P, double eta_V) {
        final int m = f.material[P];
        final double x = f.xi[P], c = f.c[P];
        final double bv = ButlerVolmer.depositionFactor(eta_V, c, p.alpha(), p.f_per_V());
        return reactionRate(x, f.dispersed[P], m, eta_V, bv, growthFactor(filmDrop_V(f, P, m), filmKinetics(f, P, m), x, eta_V, c, bv), openFaces(f, P), faceLi(f, P));
    }

    /** The Butler-Volmer growth part of {@link #reactionRate(FieldSet, int)}, 1/s: the metal surface's reaction without nucleation. */
    public double surfaceGrowthRate(FieldSet f, int P) {
        final int m = f.material[P];
        final double x = f.xi[P], dh = Interpolation.dh(x);
        if (dh <= INTERFACE_DH || table.Leta_per_s[m] == 0) return 0;
        final double eta = overpotential(f, P), c = f.c[P];
        final double bv = ButlerVolmer.depositionFactor(eta, c, p.alpha(), p.f_per_V());
        return growthTerm(x, m, growthFactor(filmDrop_V(f, P, m), filmKinetics(f, P, m), x, eta, c, bv));
    }

    /**
     * A cell's reaction linearised in eta, for a Newton step on the potentials or the current: out[0] the rate
     * ({@link #reactionRate(double, double, int, double, double, double)}), out[1] its slope d/d eta with the nucleation gate
     * held, 1/(s V) (it is piecewise linear in BV there: L_eta h' d bvFilm/d eta + (nucleation rate / BV) dBV/d eta, with
     * the film's k BV'/(1 - r k BV') for the growth), out[2] the gate's own slope, -f (1 - G) times the gated nucleation
     * rate (the control's bisection leaves it out, the coupled solve of section 5.4.1 needs it). Each exponential is
     * computed once per call.
     *
     * @param film the film's drop {@link #filmDrop_V}, V
     * @param k the film's kinetics {@link #filmKinetics}
     * @param openFaces the cell's faces against an ion conductor where they react ({@link #openFaces(FieldSet, int)})
     * @param faceLi the cell's share of the Li at those faces ({@link #faceLi})
     */
    public void linearisedReaction(double xi, double delta, int material, double eta_V, double c, double film, double k, int openFaces, double faceLi,
            double[] out) {
        final double alpha = p.alpha(), fF = p.f_per_V();
        final double cathodic = ButlerVolmer.cathodicExponential(eta_V, alpha, fF), anodic = ButlerVolmer.anodicExponential(eta_V, alpha, fF);
        final double bv = ButlerVolmer.depositionFactor(cathodic, anodic, c);
        final double bvSlope = ButlerVolmer.depositionFactorSlope(cathodic, anodic, c, alpha, fF);
        final double bvFilm = growthFactor(film, k, xi, eta_V, c, bv);
        final double gate = gateFor(material, eta_V, bv);
        final double nucleation = nucleationRate(xi, delta, material, eta_V, bv, gate, openFaces, faceLi);
        final double a = dispersedAveraging(xi, delta, material, bv, gate, openFaces, faceLi);
        out[0] = growthTerm(xi, material, bvFilm) + (nucleation * a + faceGrowth(material, openFaces, bv));
        final double growthSlope = growthTerm(xi, material, FilmButlerVolmer.slope(eta_V, c, alpha, fF, film, k, bvFilm, bvSlope))
                + (openFaces > 0 && bv >= 0 ? faceRate_per_s(material, openFaces) * bvSlope : 0);
        out[1] = bv == 0 ? growthSlope : growthSlope + nucleation / bv * bvSlope * a * a;
        // the gated part of the nucleation rate: all of it where it plates (nucleationRate), none where it strips
        final double gated = bv >= 0 ? nucleation : 0;
        out[2] = gated == 0 ? 0 : -fF * (1 - gate) * gated * a * a;
    }

    /** The nucleation barrier gate G(eta) = 1 / (1 + exp(f (eta + eta_nuc))) of section 3.1. */
    private double nucleationGate(double eta_V) {
        return 1 / (1 + Math.exp(p.f_per_V() * (eta_V + p.nucleationBarrier_V())));
    }

    /**
     * G(eta) where a cell's nucleation terms read it (plating in a nucleating material with the gate open, or the
     * dispersed form's averaging), else 0: evaluated once per cell and passed on.
     */
    private double gateFor(int material, double eta_V, double bv) {
        final boolean open = table.nucleationActivity[material] > 0 && p.f_per_V() * (eta_V + p.nucleationBarrier_V()) < GATE_CLOSED;
        return bv > 0 && (open || dispersedForm && assumedStep_s > 0) ? nucleationGate(eta_V) : 0;
    }

    /**
     * The nucleation part of {@link #reactionRate}, 1/s (zero where the material does not nucleate):
     * gated growth where it plates, and in the dispersed form the oxidation of dispersed metal where it
     * strips, L_eta a_nuc delta BV (no barrier: the metal is there); with reacting faces (section 3.6.1) their
     * oxidation joins it, and the Li at them counts with delta, up to a cell's worth: (L_eta a_nuc + faces' rate)
     * min(1, delta + faceLi) BV. {@code gate}: {@link #gateFor}.
     */
    private double nucleationRate(double xi, double delta, int material, double eta_V, double bv, double gate, int openFaces, double faceLi) {
        if (bv >= 0) return gatedNucleationRate(xi, delta, material, eta_V, bv, gate);
        // without Li at faces the stock is delta as it is (it may pass 1 where xi < 0: 1 - h(xi) > 1)
        final double stock = faceLi == 0 ? delta : Math.min(1, delta + faceLi);
        return dispersedForm && stock > 0 ? oxidationRate_per_s(material, openFaces) * stock * bv : 0;
    }

    /** The dispersed metal's oxidation rate per unit of delta and of BV, L_eta a_nuc plus the host faces', 1/s. */
    private double oxidationRate_per_s(int material, int openFaces) {
        return table.Leta_per_s[material] * table.nucleationActivity[material] + faceRate_per_s(material, openFaces);
    }

    /**
     * A host cell's faces against ion conductors (docs/MODEL.md section 3.6.1): each carries the host's i0 BV per area,
     * i0 BV / (n F c_s f_free dx) per cell = L_eta (l_kin / dx) BV, with l_kin the kinetic length L_eta is calibrated
     * with (section 3.1). This is that rate per unit of BV, 1/s.
     */
    private double faceRate_per_s(int material, int openFaces) {
        return openFaces == 0 ? 0 : table.Leta_per_s[material] * faceLength * openFaces;
    }

    /** The host faces' plating, {@link #faceRate_per_s} max(0, BV), 1/s: no barrier (Li+ meets the host's electrons at the face) and no room (the host yields). */
    private double faceGrowth(int material, int openFaces, double bv) {
        return openFaces > 0 && bv > 0 ? faceRate_per_s(material, openFaces) * bv : 0;
    }

    /** L_eta a_nuc (room) max(0, BV) G(eta): room 1 - h(xi), less the dispersed metal in the dispersed form. */
    private double gatedNucleationRate(double xi, double delta, int material, double eta_V, double bv, double gate) {
        final double nuc = table.nucleationActivity[material];
        if (!(nuc > 0 && bv > 0 && p.f_per_V() * (eta_V + p.nucleationBarrier_V()) < GATE_CLOSED)) return 0;
        final double room = 1 - Interpolation.h(xi) - delta;
        if (!(room > 0)) return 0;
        // logistic barrier of thermal width RT/(nF): continuous in eta, so the galvanostatic
        // control always finds a root
        return table.Leta_per_s[material] * nuc * room * bv * gate;
    }

    /**
     * The factor 1 / (1 + dt B) that turns the dispersed metal's rate at delta into its backward-Euler average over
     * the assumed step dt (docs/MODEL.md section 3.6): d delta/dt = A - B delta is linear in delta at the step's
     * potentials (growth into the room 1 - h - delta, oxidation in proportion to delta), and backward Euler stays
     * in [0, 1 - h] at any step. Its slope in eta is the rate's times the factor squared: B is R over the room
     * 1 - h - delta (plating) or -R over delta (stripping), so d/dR [R / (1 + dt B)] = 1 / (1 + dt B)^2. 1 outside
     * the dispersed form.
     */
    private double dispersedAveraging(double xi, double delta, int material, double bv, double gate, int openFaces, double faceLi) {
        if (!dispersedForm || assumedStep_s <= 0) return 1;
        // stripping a stock of more than a cell's worth (Li at the faces) at its full rate, a step takes at most the stock
        final double stock = delta + faceLi;
        final double B = bv > 0 ? table.Leta_per_s[material] * table.nucleationActivity[material] * bv * gate
                : stock > 0 ? oxidationRate_per_s(material, openFaces) * -bv / (faceLi == 0 ? 1 : Math.max(1, stock)) : 0;
        return 1 / (1 + assumedStep_s * B);
    }

    /**
     * The dispersed metal of cell P over a step dt &lt;= the assumed step: delta + dt times the averaged rate the
     * potentials carried as their source (the charge that passed), within [0, 1 - h] (backward Euler over the
     * assumed step keeps it there), or below delta where delta already exceeds 1 - h (section 3.6). Writes
     * dispersedNext and the rate to dispersedRate; returns |change|. A cell whose faces react (section 3.6.1) lays
     * what exceeds its room at its faces, and oxidises the Li there before its
     * own: the rate then stays the one that passed ({@link HostFaces#record}).
     *
     * @param rate the averaged nucleation rate of the cell, 1/s
     * @param openFaces the cell's reacting faces ({@link #openFaces(FieldSet, int)})
     */
    private double disperse(FieldSet f, int P, double xi, double delta, double rate, double dt, int openFaces) {
        final double room = Math.max(0, 1 - Interpolation.h(xi)), wanted = delta + dt * rate;
        // what delta holds beyond its room (a merge's excess over a whole cell, section 3.6) stays, and cannot
        // grow: clipped, its charge was lost (DispersedMergeRunTest)
        final double cap = Math.max(room, delta);
        double next = Math.min(cap, Math.max(0, wanted)), atFaces = 0;
        if (openFaces > 0) {
            final double free = table.freeFraction[f.material[P]];
            if (wanted > cap) {
                // the host yields: the Li its pores cannot hold collects at its faces (what delta holds beyond its
                // room stays there: moved to the faces as well, it was counted twice)
                atFaces = (wanted - cap) * free;
                hostFaces.record(P, atFaces, 0);
            } else if (rate < 0) {
                // what delta holds beyond its room (xi rose) is oxidised first, so that none is clipped away
                final double want = -dt * rate * free, there = hostFaces.available(f.faceLi, P);
                final double taken = Math.min(there, Math.max(0, want - Math.max(0, delta - room) * free));
                hostFaces.record(P, 0, there > 0 ? taken / there : 0);
                atFaces = -taken;
                next = Math.min(cap, Math.max(0, delta - (want - taken) / free));
            }
            atFaces /= free;
        }
        f.dispersedNext[P] = next;
        f.dispersedRate[P] = (next - delta + atFaces) / dt;
        return Math.abs(next - delta);
    }

    /**
     * Stiffness of the reaction terms of a cell, 1/s: in xi through h' (|h''| &lt;= 5.78) and in c
     * (the sink -(c_s/c0) f_free R is linear in c). Behind a film the growth sees the interface
     * overpotential eta + r x at the film's kinetics k, while nucleation sees eta.
     *
     * @param cathodic exp(-alpha f eta), {@link ButlerVolmer#cathodicExponential}
     */
    private double reactionStiffness_per_s(int m, double dh, double eta, double bv, double cathodic, double film, double k, double bvFilm, int openFaces) {
        final double nuc = table.nucleationActivity[m] + faceLength * openFaces, alpha = p.alpha(), fF = p.f_per_V();
        final double sink = p.siteRatio() * table.freeFraction[m];
        if (film == 0 && k == 1) {
            final double kinetic = table.Leta_per_s[m] * (dh + nuc);
            return Math.max(5.78 * kinetic * Math.abs(bv), sink * kinetic * cathodic);
        }
        // behind an ionic insulator the growth neither reacts nor takes ions (x = 0 at every c)
        final double growthSink = film == Double.POSITIVE_INFINITY ? 0
                : dh * k * ButlerVolmer.cathodicExponential(FilmButlerVolmer.interfaceOverpotential_V(eta, film, bvFilm), alpha, fF);
        return table.Leta_per_s[m] * Math.max(5.78 * (dh * Math.abs(bvFilm) + nuc * Math.abs(bv)), sink * (growthSink + nuc * cathodic));
    }

    /**
     * The damping the reaction gives xi in cell P, max(0, -dR/d xi), 1/s, with R the electrochemical
     * rate of section 3.1 at the current fields: L_eta (h''(xi) x - a_nuc h'(xi) BV G). A semi-implicit
     * step treats it implicitly (docs/MODEL.md section 5.3.2); the growing side (dR/d xi > 0) stays
     * explicit, where an Euler step under-predicts growth but does not oscillate.
     */
    public double reactionXiDamping_per_s(FieldSet f, int P) {
        if (!reacting(f, P)) return 0;
        final int m = f.material[P];
        final double x = f.xi[P], dh = Interpolation.dh(x), eta = overpotential(f, P), c = f.c[P];
        final double bv = ButlerVolmer.depositionFactor(eta, c, p.alpha(), p.f_per_V());
        final double bvFilm = growthFactor(filmDrop_V(f, P, m), filmKinetics(f, P, m), x, eta, c, bv);
        final double nucleation = dispersedForm ? 0 : nucleationRate(x, 0, m, eta, bv, gateFor(m, eta, bv), 0, 0);
        final double oneMinusH = 1 - Interpolation.h(x);
        final double slope = table.Leta_per_s[m] * Interpolation.d2h(x) * bvFilm - (oneMinusH > 0 ? nucleation * dh / oneMinusH : 0);
        return Math.max(0, -slope);
    }

    /** Whether cell P carries a reaction now: at the interface (h' &gt; 1e-12), or nucleating. */
    private boolean reacting(FieldSet f, int P) {
        return Interpolation.dh(f.xi[P]) > INTERFACE_DH || nucleating(f.material[P], f, P);
    }

    /**
     * The rate at which the reaction sink of section 3.2 removes Li+ from cell P per unit c,
     * (c_s / c0) f_free dR/dc, 1/s: the cathodic terms of the growth (behind the film,
     * k e^(-alpha f u) / (1 - r k BV'(u))) and of nucleation. A semi-implicit step treats it implicitly.
     */
    public double sinkConcentrationRate_per_s(FieldSet f, int P) {
        if (!reacting(f, P)) return 0;
        final int m = f.material[P];
        final double x = f.xi[P], dh = Interpolation.dh(x), eta = overpotential(f, P), c = f.c[P], alpha = p.alpha(), fF = p.f_per_V();
        final double bv = ButlerVolmer.depositionFactor(eta, c, alpha, fF);
        final double film = filmDrop_V(f, P, m), k = filmKinetics(f, P, m);
        double growth;
        if (film == 0) growth = k * ButlerVolmer.cathodicExponential(eta, alpha, fF);
        // behind an ionic insulator x = 0 at every c
        else if (dh > INTERFACE_DH && film < Double.POSITIVE_INFINITY) {
            final double bvFilm = growthFactor(film, k, x, eta, c, bv);
            final double u = FilmButlerVolmer.interfaceOverpotential_V(eta, film, bvFilm);
            growth = k * ButlerVolmer.cathodicExponential(u, alpha, fF) / (1 - film * k * ButlerVolmer.depositionFactorSlope(u, c, alpha, fF));
        } else growth = 0;
        final int open = openFaces(f, P);
        final double nucleation = bv != 0
                ? (nucleationRate(x, f.dispersed[P], m, eta, bv, gateFor(m, eta, bv), open, faceLi(f, P)) + faceGrowth(m, open, bv)) / bv * ButlerVolmer.cathodicExponential(eta, alpha, fF)
                : 0;
        return p.siteRatio() * table.freeFraction[m] * (table.Leta_per_s[m] * dh * growth + nucleation);
    }

    /**
     * The growth factor x = i / i0 of a cell behind its column's film of drop {@code film}
     * ({@link #filmDrop_V}) and kinetics k ({@link #filmKinetics}): {@link FilmButlerVolmer#factor} at the
     * interface (h' &gt; 1e-12), 0 elsewhere in a covered column (where the growth term vanishes: the root
     * is not needed), and bv itself without a film.
     */
    public double growthFactor(double film, double k, double xi, double eta_V, double c, double bv) {
        if (film == 0) return k * bv;
        return Interpolation.dh(xi) > INTERFACE_DH ? FilmButlerVolmer.factor(eta_V, c, p.alpha(), p.f_per_V(), bv, film, k) : 0;
    }

    /**
     * k = theta i0_film / i0(material) of cell P: the exchange current of the metal / film interface its
     * column's film puts in place of the cell's (docs/MODEL.md section 1.2; 1 without a film), on the fraction
     * theta of the surface still in contact (section 4.3).
     */
    public double filmKinetics(FieldSet f, int P, int material) {
        return columnFilmKinetics(f, P % g.strideZ, material);
    }

    /** {@link #filmKinetics} of a cell in the column q (its index in its plane). */
    private double columnFilmKinetics(FieldSet f, int q, int material) {
        final double film = f.filmExchangeCurrent_A_per_m2[q], i0 = table.i0_A_per_m2[material];
        return (film == 0 || i0 == 0 ? 1 : film / i0) * f.contactFraction[q];
    }

    /**
     * The film's ohmic drop per unit of i / i0 in cell P, r = R_film i0(material) / theta, V: the
     * resistance of the film its column's metal surface carries (docs/MODEL.md section 1.2), through the
     * fraction theta of the surface still in contact (section 4.3: the current per nominal area crosses
     * theta of it).
     */
    public double filmDrop_V(FieldSet f, int P, int material) {
        return columnFilmDrop_V(f, P % g.strideZ, material);
    }

    /** {@link #filmDrop_V} of a cell in the column q (its index in its plane). */
    private double columnFilmDrop_V(FieldSet f, int q, int material) {
        final double R = f.filmResistance_ohm_m2[q], i0 = table.i0_A_per_m2[material];
        return R == 0 || i0 == 0 ? 0 : R * i0 / f.contactFraction[q];
    }

    /** Whether a cell can carry a reaction (so the galvanostatic control must visit it). */
    public boolean reactive(double xi, int material) {
        return mobile[material] != 0 && (Interpolation.dh(xi) > INTERFACE_DH || table.nucleationActivity[material] > 0);
    }

    /** The overpotential of cell P, V. */
    public double overpotential(FieldSet f, int P) {
        return f.singlePotential() ? f.phiL[P] - p.equilibriumPotential_V() : f.phiS[P] - f.phiL[P] - p.equilibriumPotential_V();
    }

    /**
     * Flux J / kappa0 through the face between cell L and L + sn (normal stride sn, tangential
     * stride st) in 2D: J = a(theta) g_n -+ a'(theta) g_t / 2 (Kobayashi torque term).
     */
    private double faceFlux2D(double[] xi, int L, int sn, int st, double invDx, boolean xFace) {
        return faceFlux2D(xi, L, sn, st, invDx, xFace, p.anisotropyStrength(), p.anisotropyMode(), rotCos, rotSin);
    }

    /** {@link #faceFlux2D} with the anisotropy's strength delta, mode omega and the cosine and sine of omega theta0. */
    static double faceFlux2D(double[] xi, int L, int sn, int st, double invDx, boolean xFace, double strength, int omega, double rotCos,
            double rotSin) {
        final double gn = (xi[L + sn] - xi[L]) * invDx;
        final double gt = 0.25 * invDx * (xi[L + st] + xi[L + sn + st] - xi[L - st] - xi[L + sn - st]);
        final double gx = xFace ? gn : gt, gz = xFace ? gt : gn;
        final double r2 = gx * gx + gz * gz;
        // below a change of 1e-8 per cell the flux is negligible and its direction noise: isotropic
        if (r2 < 1e-16 * invDx * invDx) return gn;
        // e^{i omega (theta - theta0)} = (n_x + i n_z)^omega by binary powers: no transcendental calls
        final double inv = 1 / Math.sqrt(r2);
        double bre = gx * inv, bim = gz * inv, re = 1, im = 0;
        for (int n = omega; n > 0; n >>= 1) {
            if ((n & 1) != 0) {
                final double t = re * bre - im * bim;
                im = re * bim + im * bre;
                re = t;
            }
            final double t = bre * bre - bim * bim;
            bim = 2 * bre * bim;
            bre = t;
        }
        final double cosA = re * rotCos + im * rotSin, sinA = im * rotCos - re * rotSin;
        final double a = 1 + strength * cosA;
        final double da = -strength * omega * sinA;
        return xFace ? a * gx - 0.5 * da * gz : a * gz + 0.5 * da * gx;
    }

    /** {@link #faceFlux2D} of n faces, lower cells lo, lo + 1, ..., into out[0], out[1], ..., in SIMD lanes where they run. */
    private void faces2D(double[] xi, int lo, int sn, int st, int n, double invDx, boolean xFace, double[] out) {
        final int done = simd ? AllenCahnLanes.faces2D(xi, lo, sn, st, n, invDx, xFace, p.anisotropyStrength(), omega, rotCos, rotSin, out, 0) : 0;
        for (int i = done; i < n; i++) out[i] = faceFlux2D(xi, lo + i, sn, st, invDx, xFace);
    }

    /** {@link #faceFlux3D} of n faces, lower cells lo, lo + 1, ..., into out[at], out[at + 1], ... */
    private void faces3D(double[] xi, int lo, int sn, int s1, int s2, int n, double invDx, double[] out, int at) {
        if (simd) AllenCahnLanes.faces3D(xi, lo, sn, s1, s2, n, invDx, p.anisotropyStrength(), out, at);
        else for (int i = 0; i < n; i++) out[at + i] = faceFlux3D(xi, lo + i, sn, s1, s2, invDx, p.anisotropyStrength());
    }

    /** Flux J / kappa0 through a face in 3D: kappa(n) g_n with the cubic anisotropy of {@link Anisotropy#kappa3D}. */
    static double faceFlux3D(double[] xi, int L, int sn, int s1, int s2, double invDx, double strength) {
        final double gn = (xi[L + sn] - xi[L]) * invDx;
        final double g1 = 0.25 * invDx * (xi[L + s1] + xi[L + sn + s1] - xi[L - s1] - xi[L + sn - s1]);
        final double g2 = 0.25 * invDx * (xi[L + s2] + xi[L + sn + s2] - xi[L - s2] - xi[L + sn - s2]);
        return Anisotropy.kappa3D(gn, g1, g2, strength) * gn;
    }
}
