package org.lipf.kernels.cpu;

import org.lipf.grid.GhostCells;
import org.lipf.grid.Grid;
import org.lipf.grid.Parallel;
import org.lipf.model.FieldSet;
import org.lipf.model.MaterialTable;
import org.lipf.model.ModelParameters;

/**
 * Explicit update of the normalised Li+ concentration (docs/MODEL.md section 3.2):
 *
 * <pre>
 *   dc/dt = div( D_eff (grad c + c f grad phi_l) ) - (c_s / c0) f_free d xi/dt
 *   D_eff = D(material) (1 - m) + D_metal m_path,   m = f_free h(xi) (+ dispersed metal), m_path its part in the ion path
 * </pre>
 *
 * Faces use the harmonic mean of D_eff and the Scharfetter-Gummel flux. Boundaries: zero flux at
 * the current collector, c = 1 and phi_l = 0 on the counter boundary face (half a cell away).
 * Reads {@code c, phiL, xi, rate}; writes {@code cNext}.
 *
 * <p>Each row is done in passes: the faces of each direction in a short loop of their own, then
 * one loop that sums them per cell. Short loop bodies let the processor overlap many faces; one
 * loop over everything was bound by the latency of each cell's long chain of operations. Every
 * face is computed once (the lower cell in index order computes it, the upper cell takes its
 * share), except the lower faces of the first row and plane of a slab, which that slab computes
 * itself with the same arithmetic, so the result does not depend on the thread count.
 *
 * <p>D_eff is computed a plane ahead into a ring of three planes per slab and the sink a row at a time,
 * both in the cache: as fields of their own each was written, read for ownership and read back, 48 bytes
 * per cell together, almost as much again as the rest of the update's traffic.
 */
public final class NernstPlanckUpdate {
    /** A step that gives c below this (or NaN) is rejected; see the ion-availability limiter in {@link #cells}. */
    public static final double C_MIN = 0;

    private final Grid g;
    private final ModelParameters p;
    private final MaterialTable table;
    private final Parallel parallel;
    private final double[] planeDiag, planeBad;
    /** Whether the faces and cells run in SIMD lanes ({@link Simd}). */
    private final boolean simd;
    /** Row buffers of each slab, by the plane the slab begins with (created on first use). */
    private final RowBuffers[] buffers;
    private double lastMaxRate_per_s;
    private boolean lastOutOfBounds;

    public NernstPlanckUpdate(Grid g, ModelParameters p, MaterialTable table, Parallel parallel) {
        this(g, p, table, parallel, Simd.ENABLED);
    }

    /** @param simd whether to run the SIMD loops (they need the Vector API module; the bits are the same) */
    NernstPlanckUpdate(Grid g, ModelParameters p, MaterialTable table, Parallel parallel, boolean simd) {
        this.g = g;
        this.simd = simd;
        this.p = p;
        this.table = table;
        this.parallel = parallel;
        this.planeDiag = new double[g.nz];
        this.planeBad = new double[g.nz];
        this.buffers = new RowBuffers[g.nz];
    }

    public void compute(FieldSet f, double dt_s) {
        compute(f, dt_s, true);
    }

    /**
     * @param limitAtZero whether to apply the ion-availability limiter (clamp at 0); without it cNext
     *     is the plain explicit update, which a semi-implicit step filters before clamping
     */
    public void compute(FieldSet f, double dt_s, boolean limitAtZero) {
        parallel.forSlabs(g.nz, (k0, k1) -> {
            if (buffers[k0] == null) buffers[k0] = new RowBuffers(g.nx, g.strideZ);
            final RowBuffers b = buffers[k0];
            // a slab's first plane computes its faces below itself
            if (k0 > 0) diffusivityPlane(f, k0 - 1, b.dEff(k0 - 1));
            diffusivityPlane(f, k0, b.dEff(k0));
            for (int k = k0; k < k1; k++) {
                planeDiag[k] = 0;
                planeBad[k] = 0;
                if (k < g.nz - 1) diffusivityPlane(f, k + 1, b.dEff(k + 1));
                for (int j = 0; j < g.ny; j++) row(f, dt_s, j, k, k > k0, b, limitAtZero);
            }
        });
        lastMaxRate_per_s = Parallel.maxOf(planeDiag);
        lastOutOfBounds = Parallel.maxOf(planeBad) != 0;
    }

    /** Largest diagonal coefficient sum(D_f B(psi)) / dx^2 of the last call, 1/s: dt must stay below its inverse. */
    public double lastMaxRate_per_s() {
        return lastMaxRate_per_s;
    }

    public boolean lastOutOfBounds() {
        return lastOutOfBounds;
    }

    /** D_eff of plane k's cells into d (a plane on its own, by the offset in the plane) with its lateral ghosts. */
    private void diffusivityPlane(FieldSet f, int k, double[] d) {
        final int base = (k + 1) * g.strideZ;
        for (int j = 0; j < g.ny; j++) {
            final int start = g.rowStart(j, k);
            int done = 0;
            if (simd && Rows.oneMaterial(f.material, start, g.nx)) {
                final int m = f.material[start];
                done = NernstPlanckLanes.diffusivities(f.xi, f.dispersed, start, g.nx, table.freeFraction[m], table.diffusivity_m2_per_s[m],
                        p.metalDiffusivity_m2_per_s(), p.dispersedIonPath(), d, start - base);
            }
            for (int P = start + done; P < start + g.nx; P++) d[P - base] = diffusivity_m2_per_s(f, P);
        }
        GhostCells.fillLateral(g, d, 0);
    }

    /**
     * The reaction's sink (c_s / c0) f_free d xi/dt of the row's cells, 1/s, into sink: the dispersed metal's
     * deposition takes ions too (docs/MODEL.md section 3.6).
     */
    private void sinkRow(FieldSet f, int start, double[] sink) {
        final double[] rate = f.rate, dispersedRate = p.dispersedNucleation() ? f.dispersedRate : null;
        final double siteRatio = p.siteRatio();
        final int done = simd && dispersedRate == null && Rows.oneMaterial(f.material, start, g.nx)
                ? NernstPlanckLanes.sinks(rate, start, g.nx, siteRatio * table.freeFraction[f.material[start]], sink) : 0;
        for (int i = done; i < g.nx; i++) {
            final int P = start + i;
            final double deposition = dispersedRate == null ? rate[P] : rate[P] + dispersedRate[P];
            sink[i] = siteRatio * table.freeFraction[f.material[P]] * deposition;
        }
    }

    /**
     * D_eff = D(material) (1 - m) + D_metal m_path of cell P, m^2/s, with m its metal fraction
     * {@link PotentialCoefficients#metalFraction} (resolved and dispersed metal) and m_path the part of it that
     * carries the metal's ion path ({@link PotentialCoefficients#ionPathFraction}; m itself by default).
     */
    public double diffusivity_m2_per_s(FieldSet f, int P) {
        final int material = f.material[P];
        final double free = table.freeFraction[material], xi = f.xi[P];
        final double metal = PotentialCoefficients.metalFraction(free, xi, f.dispersed[P]);
        return table.diffusivity_m2_per_s[material] * (1 - metal)
                + p.metalDiffusivity_m2_per_s() * PotentialCoefficients.ionPathFraction(free, xi, metal, p.dispersedIonPath());
    }

    /** Face terms of one row, per slab, and which of them the cells of the current row read. */
    static final class RowBuffers {
        /** x faces: face i lies between cells i - 1 and i of the row. */
        final double[] xInLower, xDiagLower, xDiagUpper;
        /** Faces to the cell below as a slab's first plane computes them, and the diagonal term of the face above. */
        final double[] firstBelowIn, firstBelowDiag, topDiag;
        /**
         * Top faces of a plane, kept for the plane above: the flux into the cell and the diagonal
         * term of the upper cell, by the offset in the plane; two planes, by parity. A plane, not a
         * field: it stays in the cache.
         */
        final double[][] topInPlanes, topDiagUpper;
        /** y faces (3D): north of this row, south of a slab's first row, and the north faces of the row before (two rows, by parity). */
        final double[] northIn, northDiag, firstSouthIn, firstSouthDiag, unused;
        final double[][] carriedIn, carriedDiag;
        /** D_eff of three planes, plane k in dEffPlanes[k % 3] by the offset in the plane (lateral ghosts included). */
        final double[][] dEffPlanes;
        /** The sink of the current row's cells, 1/s. */
        final double[] sink;
        /** The harmonic mean diffusivities of a row's faces in lanes ({@link NernstPlanckLanes#faces}), m^2/s. */
        final double[] meanD;
        /** The current row's faces below (from belowAt), above (from topAt) and south. */
        double[] belowIn, belowDiag, topIn, southIn, southDiag;
        int belowAt, topAt;
        /** The row's largest diagonal term, 1/s, and whether a cell left its bounds, so far. */
        double maxDiag;
        boolean bad;

        RowBuffers(int nx, int planeLength) {
            topInPlanes = new double[][] {new double[planeLength], new double[planeLength]};
            topDiagUpper = new double[][] {new double[planeLength], new double[planeLength]};
            xInLower = new double[nx + 1];
            xDiagLower = new double[nx + 1];
            xDiagUpper = new double[nx + 1];
            firstBelowIn = new double[nx];
            firstBelowDiag = new double[nx];
            topDiag = new double[nx];
            northIn = new double[nx];
            northDiag = new double[nx];
            firstSouthIn = new double[nx];
            firstSouthDiag = new double[nx];
            unused = new double[nx];
            carriedIn = new double[][] {new double[nx], new double[nx]};
            carriedDiag = new double[][] {new double[nx], new double[nx]};
            southIn = firstSouthIn;
            southDiag = firstSouthDiag;
            dEffPlanes = new double[][] {new double[planeLength], new double[planeLength], new double[planeLength]};
            sink = new double[nx];
            meanD = new double[nx + 1];
        }

        double[] dEff(int k) {
            return dEffPlanes[k % 3];
        }
    }

    private void row(FieldSet f, double dt, int j, int k, boolean belowCached, RowBuffers b, boolean limitAtZero) {
        final double[] c = f.c, phi = f.phiL;
        final boolean top = k == g.nz - 1, bottom = k == 0, is3D = g.is3D();
        final int sz = g.strideZ, nx = g.nx;
        final int start = g.rowStart(j, k), inPlane = start - (k + 1) * sz;

        final double[] d = b.dEff(k);
        faces(d, inPlane - 1, d, inPlane, c, phi, start - 1, 1, nx + 1, b.xInLower, b.xDiagUpper, 0, b.xDiagLower, 0, b.meanD);
        b.topIn = b.topInPlanes[k & 1];
        b.topAt = inPlane;
        if (!top) faces(d, inPlane, b.dEff(k + 1), inPlane, c, phi, start, sz, nx, b.topIn, b.topDiagUpper[k & 1], inPlane, b.topDiag, 0, b.meanD);
        if (belowCached) {
            b.belowIn = b.topInPlanes[(k + 1) & 1];
            b.belowDiag = b.topDiagUpper[(k + 1) & 1];
            b.belowAt = inPlane;
        } else {
            if (!bottom) faces(b.dEff(k - 1), inPlane, d, inPlane, c, phi, start - sz, sz, nx, b.firstBelowIn, b.firstBelowDiag, 0, b.unused, 0, b.meanD);
            b.belowIn = b.firstBelowIn;
            b.belowDiag = b.firstBelowDiag;
            b.belowAt = 0;
        }
        if (is3D) {
            if (j == 0) {
                // the south faces seen from this row: lower cell P, upper cell P - sy
                faces(d, inPlane, d, inPlane - g.strideY, c, phi, start, -g.strideY, nx, b.firstSouthIn, b.unused, 0, b.firstSouthDiag, 0, b.meanD);
                b.southIn = b.firstSouthIn;
                b.southDiag = b.firstSouthDiag;
            } else {
                b.southIn = b.carriedIn[(j + 1) & 1];
                b.southDiag = b.carriedDiag[(j + 1) & 1];
            }
            northFaces(d, inPlane, c, phi, start, nx, b.northIn, b.northDiag, b.carriedIn[j & 1], b.carriedDiag[j & 1], b.meanD);
        }
        sinkRow(f, start, b.sink);
        b.maxDiag = 0;
        b.bad = false;
        // the reservoir face of the top row is left to the scalar loop
        final int done = simd && !top ? NernstPlanckLanes.cells(b, c, f.cNext, start, nx, dt, 1.0 / (g.dx_m * g.dx_m), bottom, is3D, limitAtZero) : 0;
        cells(f, b, start, done, nx, dt, bottom, top, is3D, limitAtZero);
        planeDiag[k] = Math.max(planeDiag[k], b.maxDiag);
        if (b.bad) planeBad[k] = 1;
    }

    /**
     * The Scharfetter-Gummel terms of n faces, {@link ScharfetterGummel#faces} on D_eff (of the lower cells from
     * dLower[dLo], of the upper ones from dUpper[dUp]), in SIMD lanes where they run.
     */
    private void faces(double[] dLower, int dLo, double[] dUpper, int dUp, double[] c, double[] phi, int lo, int stride, int n,
            double[] inLower, double[] diagUpper, int out, double[] diagLower, int outLower, double[] meanD) {
        if (simd) NernstPlanckLanes.faces(dLower, dLo, dUpper, dUp, c, phi, p.f_per_V(), lo, stride, n, inLower, diagUpper, out, diagLower, outLower, meanD);
        else ScharfetterGummel.faces(dLower, dLo, dUpper, dUp, c, phi, p.f_per_V(), lo, stride, n, inLower, diagUpper, out, diagLower, outLower);
    }

    /**
     * {@link ScharfetterGummel#facesBothWays} of the north faces of a 3D row (D_eff of its plane in d, the row's
     * first cell at dAt), in SIMD lanes where they run.
     */
    private void northFaces(double[] d, int dAt, double[] c, double[] phi, int start, int n, double[] in, double[] diag, double[] upperIn,
            double[] upperDiag, double[] meanD) {
        final int sy = g.strideY;
        if (simd) NernstPlanckLanes.facesBothWays(d, dAt, dAt + sy, c, phi, p.f_per_V(), start, sy, n, in, diag, upperIn, upperDiag, meanD);
        else ScharfetterGummel.facesBothWays(d, dAt, dAt + sy, c, phi, p.f_per_V(), start, sy, n, in, diag, upperIn, upperDiag, 0);
    }

    /**
     * Cells from..nx-1 of the row at start: their faces summed, c updated to cNext, the largest diagonal
     * and bound violations folded into b. {@link NernstPlanckLanes#cells} does the same in SIMD lanes.
     */
    private void cells(FieldSet f, RowBuffers b, int start, int from, int nx, double dt, boolean bottom, boolean top, boolean is3D,
            boolean limitAtZero) {
        final double[] c = f.c, phi = f.phiL, cNext = f.cNext;
        final double invDx2 = 1.0 / (g.dx_m * g.dx_m), fF = p.f_per_V();
        final double[] xIn = b.xInLower, xDiagL = b.xDiagLower, xDiagU = b.xDiagUpper, topIn = b.topIn, topDiag = b.topDiag;
        final double[] belowIn = b.belowIn, belowDiag = b.belowDiag, southIn = b.southIn, southDiag = b.southDiag;
        final double[] northIn = b.northIn, northDiag = b.northDiag, sink = b.sink, dTop = b.dEff(g.nz - 1);
        final int below = b.belowAt, inPlane = b.topAt;
        double maxDiag = b.maxDiag;
        boolean bad = b.bad;
        for (int i = from; i < nx; i++) {
            final int P = start + i;
            final double cP = c[P];
            // the same order of additions as one pass over the faces west, east, below, above, north, south
            double in = -xIn[i] + xIn[i + 1], diag = xDiagU[i] + xDiagL[i + 1];
            if (!bottom) {
                in -= belowIn[below + i];
                diag += belowDiag[below + i];
            }
            if (!top) {
                in += topIn[inPlane + i];
                diag += topDiag[i];
            }
            if (is3D) {
                in += northIn[i];
                diag += northDiag[i];
                in += southIn[i];
                diag += southDiag[i];
            }
            if (top) {
                // reservoir face half a cell above: c = 1, phi_l = 0, conductance doubled
                final double DfR = 2 * dTop[inPlane + i], psiR = -fF * phi[P], bR = ScharfetterGummel.bernoulli(psiR);
                in += DfR * ((bR + psiR) - bR * cP);
                diag += DfR * bR;
            }
            // Ion-availability limiter (docs/MODEL.md section 3.2): the sink consumes at most the ions
            // present. The capillary part of d xi/dt (filling a concave corner of the metal) converts
            // xi to metal whether or not ions are there, and c_s/c0 ~ 76 would drive c negative.
            final double cu = cP + dt * (in * invDx2 - sink[i]);
            final double cn = (limitAtZero ? cu : Math.abs(cu)) < AllenCahnUpdate.TINY ? 0 : cu; // also flushes subnormals
            cNext[P] = cn;
            maxDiag = Math.max(maxDiag, diag * invDx2);
            if (!(limitAtZero ? cn >= C_MIN : Double.isFinite(cn))) bad = true;
        }
        b.maxDiag = maxDiag;
        b.bad = bad;
    }
}
