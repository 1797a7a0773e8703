package org.lipf.kernels.cpu;

import org.lipf.grid.GhostCells;
import org.lipf.grid.Grid;
import org.lipf.grid.Parallel;
import org.lipf.model.FieldSet;
import org.lipf.model.Interpolation;
import org.lipf.model.MaterialTable;
import org.lipf.model.ModelParameters;

/**
 * Explicit update of the normalised Li+ concentration (docs/MODEL.md section 3.3):
 *
 * <pre>
 *   dc/dt = div( D_eff (grad c + c f grad phi_l) ) - (c_s / c0) f_free d xi/dt
 *   D_eff = D(material) (1 - m) + D_metal m,   m = f_free h(xi)
 * </pre>
 *
 * Faces use the harmonic mean of D_eff and the Scharfetter-Gummel flux. Boundaries: zero flux at
 * the current collector, c = 1 and phi_l = 0 on the counter boundary face (half a cell away).
 * Reads {@code c, phiL, xi, rate}; writes {@code cNext}.
 */
public final class NernstPlanckUpdate {
    /** A step that gives c below this (or NaN) is rejected; see the ion-availability limiter in {@link #row}. */
    public static final double C_MIN = 0;

    private final Grid g;
    private final ModelParameters p;
    private final MaterialTable table;
    private final Parallel parallel;
    private final double[] planeDiag, planeBad;
    /** Offsets of the +-y neighbours (3D; none in 2D): x and z faces are handled with carries. */
    private final int[] yNeighbours;
    /**
     * Top face of each cell, kept for the plane above: the flux into the cell and the diagonal term
     * of the upper cell. The first plane of a slab computes its bottom faces itself, so slabs that
     * run on different threads never read each other's entries.
     */
    private final double[] topIn, topDiagUpper;
    /** D_eff per cell, computed once per call (each cell's value is needed by up to seven stencils). */
    private final double[] dEff;
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
        this.yNeighbours = g.is3D() ? new int[] {g.strideY, -g.strideY} : new int[] {};
        this.topIn = g.newField();
        this.topDiagUpper = g.newField();
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
                    for (int P = start; P < start + g.nx; P++) dEff[P] = dEff(f.xi, f.material, P);
                }
        });
        GhostCells.fill(g, dEff);
        parallel.forSlabs(g.nz, (k0, k1) -> {
            for (int k = k0; k < k1; k++) {
                planeDiag[k] = 0;
                planeBad[k] = 0;
                for (int j = 0; j < g.ny; j++) row(f, dt_s, j, k, k > k0, limitAtZero);
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

    /** D_eff of one cell, m^2/s. */
    private double dEff(double[] xi, byte[] mat, int P) {
        return diffusivity_m2_per_s(xi[P], mat[P]);
    }

    /** D_eff = D(material) (1 - m) + D_metal m, m = f_free h(xi): the Li+ diffusivity of a cell, m^2/s. */
    public double diffusivity_m2_per_s(double xi, int material) {
        final double metal = table.freeFraction[material] * Interpolation.h(xi);
        return table.diffusivity_m2_per_s[material] * (1 - metal) + p.metalDiffusivity_m2_per_s() * metal;
    }

    private void row(FieldSet f, double dt, int j, int k, boolean belowCached, boolean limitAtZero) {
        final double[] c = f.c, phi = f.phiL, rate = f.rate, cNext = f.cNext;
        final byte[] mat = f.material;
        final double invDx2 = 1.0 / (g.dx_m * g.dx_m), fF = p.f_per_V(), siteRatio = p.siteRatio();
        final boolean top = k == g.nz - 1;
        final int[] neighbours = yNeighbours;
        final int nNeighbours = neighbours.length, sz = g.strideZ;
        final int start = g.rowStart(j, k);
        double maxDiag = 0;
        boolean bad = false;
        // The west face of a cell is the east face of its neighbour: its flux and diagonal term are
        // carried. For the east face of L, psi = f (phi_(L+1) - phi_L): the flux into L is
        // D_f [B(-psi) c_(L+1) - B(psi) c_L] and into L+1 its negative; B(-psi) = B(psi) + psi.
        double Df = harmonic(dEff[start - 1], dEff[start]), psi = fF * (phi[start] - phi[start - 1]);
        double b = ScharfetterGummel.bernoulli(psi);
        double westIn = -Df * ((b + psi) * c[start] - b * c[start - 1]), westDiag = Df * (b + psi);
        for (int i = 0; i < g.nx; i++) {
            final int P = start + i;
            final double DP = dEff[P];
            final double cP = c[P], phP = phi[P];
            Df = harmonic(DP, dEff[P + 1]);
            psi = fF * (phi[P + 1] - phP);
            b = ScharfetterGummel.bernoulli(psi);
            final double eastIn = Df * ((b + psi) * c[P + 1] - b * cP);
            double in = westIn + eastIn, diag = westDiag + Df * b;
            westIn = -eastIn;
            westDiag = Df * (b + psi);
            if (k > 0) {
                if (belowCached) {
                    in -= topIn[P - sz];
                    diag += topDiagUpper[P - sz];
                } else {
                    // the same arithmetic as the plane below would do for its top face, so that the
                    // result does not depend on where the slabs (thread count) begin
                    final int L = P - sz;
                    final double DfB = harmonic(dEff[L], DP), psiB = fF * (phP - phi[L]);
                    final double bB = ScharfetterGummel.bernoulli(psiB);
                    in -= DfB * ((bB + psiB) * cP - bB * c[L]);
                    diag += DfB * (bB + psiB);
                }
            }
            if (!top) {
                final double DfT = harmonic(DP, dEff[P + sz]), psiT = fF * (phi[P + sz] - phP);
                final double bT = ScharfetterGummel.bernoulli(psiT);
                final double inT = DfT * ((bT + psiT) * c[P + sz] - bT * cP);
                in += inT;
                diag += DfT * bT;
                topIn[P] = inT;
                topDiagUpper[P] = DfT * (bT + psiT);
            }
            // y neighbours (3D) N: in += D_f [B(-psi) c_N - B(psi) c_P], diag += D_f B(psi)
            for (int q = 0; q < nNeighbours; q++) {
                final int N = P + neighbours[q];
                final double DfN = harmonic(DP, dEff[N]), psiN = fF * (phi[N] - phP);
                final double bN = ScharfetterGummel.bernoulli(psiN);
                in += DfN * ((bN + psiN) * c[N] - bN * cP);
                diag += DfN * bN;
            }
            if (top) {
                // reservoir face half a cell above: c = 1, phi_l = 0, conductance doubled
                final double DfR = 2 * DP, psiR = -fF * phP, bR = ScharfetterGummel.bernoulli(psiR);
                in += DfR * ((bR + psiR) - bR * cP);
                diag += DfR * bR;
            }
            // Ion-availability limiter (docs/MODEL.md section 3.2): the sink consumes at most the ions
            // present. The capillary part of d xi/dt (filling a concave corner of the metal) converts
            // xi to metal whether or not ions are there, and c_s/c0 ~ 76 would drive c negative.
            final double cu = cP + dt * (in * invDx2 - siteRatio * table.freeFraction[mat[P]] * rate[P]);
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
