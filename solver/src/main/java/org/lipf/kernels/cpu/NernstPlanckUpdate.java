package org.lipf.kernels.cpu;

import org.lipf.grid.GhostCells;
import org.lipf.grid.Grid;
import org.lipf.grid.Parallel;
import org.lipf.model.FieldSet;
import org.lipf.model.Interpolation;
import org.lipf.model.MaterialTable;
import org.lipf.model.ModelParameters;

/**
 * Explicit update of the normalised Li+ concentration (docs/MODEL.md section 3.2):
 *
 * <pre>
 *   dc/dt = div( D_eff (grad c + c f grad phi_l) ) - (c_s / c0) f_free d xi/dt
 *   D_eff = D(material) (1 - m) + D_metal m,   m = f_free h(xi)
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
 */
public final class NernstPlanckUpdate {
    /** A step that gives c below this (or NaN) is rejected; see the ion-availability limiter in {@link #row}. */
    public static final double C_MIN = 0;

    private final Grid g;
    private final ModelParameters p;
    private final MaterialTable table;
    private final Parallel parallel;
    private final double[] planeDiag, planeBad;
    /** D_eff per cell, computed once per call (each cell's value is needed by up to seven stencils). */
    private final double[] dEff;
    /** Row buffers of each slab, by the plane the slab begins with (created on first use). */
    private final RowBuffers[] buffers;
    private double lastMaxRate_per_s;
    private boolean lastOutOfBounds;

    public NernstPlanckUpdate(Grid g, ModelParameters p, MaterialTable table, Parallel parallel) {
        this.g = g;
        this.p = p;
        this.table = table;
        this.parallel = parallel;
        this.planeDiag = new double[g.nz];
        this.planeBad = new double[g.nz];
        this.dEff = g.newField();
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
            for (int k = k0; k < k1; k++)
                for (int j = 0; j < g.ny; j++) {
                    final int start = g.rowStart(j, k);
                    for (int P = start; P < start + g.nx; P++) dEff[P] = diffusivity_m2_per_s(f, P);
                }
        });
        GhostCells.fill(g, dEff);
        parallel.forSlabs(g.nz, (k0, k1) -> {
            if (buffers[k0] == null) buffers[k0] = new RowBuffers(g.nx, g.strideZ);
            final RowBuffers b = buffers[k0];
            for (int k = k0; k < k1; k++) {
                planeDiag[k] = 0;
                planeBad[k] = 0;
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

    /**
     * D_eff = D(material) (1 - m) + D_metal m of cell P, m^2/s, with m its metal fraction
     * {@link PotentialCoefficients#metalFraction} (resolved and dispersed metal).
     */
    public double diffusivity_m2_per_s(FieldSet f, int P) {
        final int material = f.material[P];
        final double metal = PotentialCoefficients.metalFraction(table.freeFraction[material], f.xi[P], f.dispersed[P]);
        return table.diffusivity_m2_per_s[material] * (1 - metal) + p.metalDiffusivity_m2_per_s() * metal;
    }

    /** Face terms of one row, per slab. */
    private static final class RowBuffers {
        /** x faces: face i lies between cells i - 1 and i of the row. */
        final double[] xInLower, xDiagLower, xDiagUpper;
        /** Faces to the cell below (computed here in a slab's first plane) and above. */
        final double[] belowIn, belowDiag, topDiag;
        /**
         * Top faces of a plane, kept for the plane above: the flux into the cell and the diagonal
         * term of the upper cell, by the offset in the plane; two planes, by parity. A plane, not a
         * field: it stays in the cache.
         */
        final double[][] topIn, topDiagUpper;
        /** y faces (3D): north of this row, south of the first row, and the north faces of the row before (two rows, by parity). */
        final double[] northIn, northDiag, southIn, southDiag, unused;
        final double[][] carriedIn, carriedDiag;

        RowBuffers(int nx, int planeLength) {
            topIn = new double[][] {new double[planeLength], new double[planeLength]};
            topDiagUpper = new double[][] {new double[planeLength], new double[planeLength]};
            xInLower = new double[nx + 1];
            xDiagLower = new double[nx + 1];
            xDiagUpper = new double[nx + 1];
            belowIn = new double[nx];
            belowDiag = new double[nx];
            topDiag = new double[nx];
            northIn = new double[nx];
            northDiag = new double[nx];
            southIn = new double[nx];
            southDiag = new double[nx];
            unused = new double[nx];
            carriedIn = new double[][] {new double[nx], new double[nx]};
            carriedDiag = new double[][] {new double[nx], new double[nx]};
        }
    }

    /**
     * Scharfetter-Gummel terms of n faces, face i between the lower cell L = lo + i and the upper
     * cell U = L + stride (psi = f (phi_U - phi_L)): the flux into L, D_f [B(-psi) c_U - B(psi) c_L],
     * written to inLower[out + i]; the flux into U is its negative. Diagonal terms D_f B(-psi) of U
     * and D_f B(psi) of L go to diagUpper[out + i] and diagLower[outLower + i]. B(-psi) = B(psi) + psi.
     */
    private void faces(double[] c, double[] phi, int lo, int stride, int n, double[] inLower, double[] diagUpper, int out,
            double[] diagLower, int outLower) {
        final double fF = p.f_per_V();
        for (int i = 0; i < n; i++) {
            final int L = lo + i, U = L + stride;
            final double Df = harmonic(dEff[L], dEff[U]), psi = fF * (phi[U] - phi[L]);
            final double b = ScharfetterGummel.bernoulli(psi);
            inLower[out + i] = Df * ((b + psi) * c[U] - b * c[L]);
            diagLower[outLower + i] = Df * b;
            diagUpper[out + i] = Df * (b + psi);
        }
    }

    /**
     * The north (+y) faces of a row in 3D: the flux into and diagonal term of each cell, and, for
     * the next row, those of the cell above, evaluated as that cell would with psi of the other
     * sign (its B(-psi) from the same series evaluation: the same bits as a separate call).
     */
    private void northFaces(double[] c, double[] phi, int start, int n, RowBuffers b, double[] upperIn, double[] upperDiag) {
        final double fF = p.f_per_V();
        final int sy = g.strideY;
        for (int i = 0; i < n; i++) {
            final int P = start + i, N = P + sy;
            final double Df = harmonic(dEff[P], dEff[N]), psi = fF * (phi[N] - phi[P]);
            final double bPos, bNeg;
            if (Math.abs(psi) < ScharfetterGummel.SERIES_LIMIT) {
                final double even = ScharfetterGummel.seriesEvenPart(psi * psi), half = 0.5 * psi;
                bPos = 1 - half + even;
                bNeg = 1 + half + even;
            } else {
                bPos = ScharfetterGummel.bernoulli(psi);
                bNeg = ScharfetterGummel.bernoulli(-psi);
            }
            b.northIn[i] = Df * ((bPos + psi) * c[N] - bPos * c[P]);
            b.northDiag[i] = Df * bPos;
            upperIn[i] = Df * ((bNeg - psi) * c[P] - bNeg * c[N]);
            upperDiag[i] = Df * bNeg;
        }
    }

    private void row(FieldSet f, double dt, int j, int k, boolean belowCached, RowBuffers b, boolean limitAtZero) {
        final double[] c = f.c, phi = f.phiL, rate = f.rate, cNext = f.cNext;
        // the dispersed metal's deposition takes ions too (docs/MODEL.md section 3.6)
        final double[] dispersedRate = p.dispersedNucleation() ? f.dispersedRate : null;
        final byte[] mat = f.material;
        final double invDx2 = 1.0 / (g.dx_m * g.dx_m), fF = p.f_per_V(), siteRatio = p.siteRatio();
        final boolean top = k == g.nz - 1, bottom = k == 0, is3D = g.is3D();
        final int sz = g.strideZ, nx = g.nx;
        final int start = g.rowStart(j, k), inPlane = start - (k + 1) * sz;
        final double[] topIn = b.topIn[k & 1];

        faces(c, phi, start - 1, 1, nx + 1, b.xInLower, b.xDiagUpper, 0, b.xDiagLower, 0);
        if (!top) faces(c, phi, start, sz, nx, topIn, b.topDiagUpper[k & 1], inPlane, b.topDiag, 0);
        final double[] belowIn, belowDiag;
        final int below;
        if (belowCached) {
            belowIn = b.topIn[(k + 1) & 1];
            belowDiag = b.topDiagUpper[(k + 1) & 1];
            below = inPlane;
        } else {
            if (!bottom) faces(c, phi, start - sz, sz, nx, b.belowIn, b.belowDiag, 0, b.unused, 0);
            belowIn = b.belowIn;
            belowDiag = b.belowDiag;
            below = 0;
        }
        double[] southIn = b.southIn, southDiag = b.southDiag;
        if (is3D) {
            if (j == 0) {
                // the south faces seen from this row: lower cell P, upper cell P - sy
                faces(c, phi, start, -g.strideY, nx, b.southIn, b.unused, 0, b.southDiag, 0);
            } else {
                southIn = b.carriedIn[(j + 1) & 1];
                southDiag = b.carriedDiag[(j + 1) & 1];
            }
            northFaces(c, phi, start, nx, b, b.carriedIn[j & 1], b.carriedDiag[j & 1]);
        }

        final double[] xIn = b.xInLower, xDiagL = b.xDiagLower, xDiagU = b.xDiagUpper, topDiag = b.topDiag;
        final double[] northIn = b.northIn, northDiag = b.northDiag;
        double maxDiag = 0;
        boolean bad = false;
        for (int i = 0; i < nx; i++) {
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
                final double DfR = 2 * dEff[P], psiR = -fF * phi[P], bR = ScharfetterGummel.bernoulli(psiR);
                in += DfR * ((bR + psiR) - bR * cP);
                diag += DfR * bR;
            }
            // Ion-availability limiter (docs/MODEL.md section 3.2): the sink consumes at most the ions
            // present. The capillary part of d xi/dt (filling a concave corner of the metal) converts
            // xi to metal whether or not ions are there, and c_s/c0 ~ 76 would drive c negative.
            final double deposition = dispersedRate == null ? rate[P] : rate[P] + dispersedRate[P];
            final double cu = cP + dt * (in * invDx2 - siteRatio * table.freeFraction[mat[P]] * deposition);
            final double cn = (limitAtZero ? cu : Math.abs(cu)) < AllenCahnUpdate.TINY ? 0 : cu; // also flushes subnormals
            cNext[P] = cn;
            maxDiag = Math.max(maxDiag, diag * invDx2);
            if (!(limitAtZero ? cn >= C_MIN : Double.isFinite(cn))) bad = true;
        }
        planeDiag[k] = Math.max(planeDiag[k], maxDiag);
        if (bad) planeBad[k] = 1;
    }

    private static double harmonic(double a, double b) {
        final double s = a + b;
        return s > 0 ? 2 * a * b / s : 0;
    }
}
