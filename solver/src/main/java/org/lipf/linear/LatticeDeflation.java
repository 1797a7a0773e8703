package org.lipf.linear;

import org.lipf.grid.Grid;
import org.lipf.grid.Parallel;

/**
 * A deflation space for {@link PcgSolver} (Saad, Yeung, Erhel &amp; Guyomarc'h, SIAM J. Sci. Comput. 21
 * (2000) 1909; Tang, Nabben, Vuik &amp; Erlangga, J. Sci. Comput. 39 (2009) 340): a given mode field w
 * modulated by the bilinear (trilinear in 3D) hat functions of a coarse lattice, one vector per lattice
 * node, {@code z_a = w phi_a}. Deflated CG keeps its search directions A-orthogonal to Z and solves the
 * small system {@code E = Z^T A Z} exactly, so modes of A that the multigrid cycle cannot reach, but that
 * w times a function varying slowly on the lattice spans, no longer slow the iteration.
 *
 * <p>The case it is built for (docs/MODEL.md section 5.3.2): the linearly implicit Allen-Cahn operator
 * {@code 1 + dt L W g''(xi) - div(dt L kappa grad)} has a negative diagonal inside the diffuse interface
 * that cancels the gradient term for a translation of the front: its smallest eigenvalues (about 1,
 * against a diagonal of thousands at long steps) belong to the profile derivative, xi (1 - xi),
 * modulated along the front. Piecewise-constant coarse grids cannot represent a profile a few cells
 * wide, and PCG took 40-50 iterations (15 with the lattice below, nodes every 8 cells).
 *
 * <p>Lattice nodes sit every {@code spacing} cells on each axis (periodic on the lateral axes, the last
 * interval shorter where the size is not a multiple); the hats form a partition of unity. Cells with w
 * below {@link #RELATIVE_CUTOFF} of the largest w are left out (the tanh tails reach far and carry
 * nothing), and only nodes whose hats touch the rest are used. Sums over cells run per plane in index
 * order and add the planes in order, so results do not depend on the thread count. E is factored by
 * Cholesky, dropping a vector whose pivot vanishes (where the support near a node is a cell or two, its
 * vectors are multiples of each other and E is singular); if a pivot is clearly negative (an indefinite
 * operator), {@link #build} returns false and the caller solves without deflation.
 */
public final class LatticeDeflation {
    /** w below this fraction of its maximum counts as zero (1e-6 took the same iterations on a support three times as thick). */
    static final double RELATIVE_CUTOFF = 1e-3;
    /**
     * Most deflation vectors: E is dense (k^2 memory, k^3 / 3 flops per build); a larger front doubles the
     * lattice spacing until it fits.
     */
    static final int MAX_VECTORS = 800;
    /** Spacing of the lattice on which a front's translation modes are deflated, cells (4 took fewer iterations but no less time). */
    public static final int FRONT_SPACING_CELLS = 8;
    /**
     * dt L_sigma kappa0 / dx^2 from which the semi-implicit Allen-Cahn solves are deflated in 2D: below it the operator
     * is dominated by its unit diagonal and plain multigrid-PCG takes few iterations. Implicit iterations a step and
     * run time, undeflated against deflated: SC-micro at 7 and 18, 23 -> 18 and 30 -> 20, the same time; SC-micro at 35,
     * 35 -> 22, 7 % less; SC and SC-nano at 89, 30 -> 21 and 54 -> 31, 9 and 14 % less; at 1860 42 -> 15 per solve,
     * a third of the time.
     */
    private static final double FRONT_MIN_STIFFNESS_2D = 30;
    /** As {@link #FRONT_MIN_STIFFNESS_2D} in 3D, where the build and projection cost more (8 hats per cell; at 74: 14 -> 9 iterations, the same run time). */
    private static final double FRONT_MIN_STIFFNESS_3D = 100;

    /** Whether a front's solves are deflated at this dt L_sigma kappa0 / dx^2 (both backends ask). */
    public static boolean frontWorthDeflating(double stiffness, boolean is3D) {
        return stiffness >= (is3D ? FRONT_MIN_STIFFNESS_3D : FRONT_MIN_STIFFNESS_2D);
    }

    /** A pivot below this fraction of its diagonal entry drops its vector (a dependent one); below minus it, E is indefinite. */
    static final double PIVOT_TOLERANCE = 1e-12;

    private final Level L;
    private final Grid g;
    private final Parallel par;
    private final int dims, requestedSpacing;
    /** Lattice spacing of the last build, cells, and nodes per axis (x and y periodic, z with a node at or beyond the top). */
    private int spacing, nodesX, nodesY, nodesZ;
    /** Position of each cell in the support (-1 outside), padded field. */
    private final int[] supportIndex;
    /** The (cut) mode field: zero outside the support. */
    private final double[] w;
    /** The support in index order: cell, its row j and plane k; per cell 2^d (active node, hat weight) pairs. */
    private int[] cells = new int[0], rowOf = new int[0], planeOf = new int[0], node = new int[0];
    private double[] hat = new double[0];
    /** Per support cell, the projected value w (r - A z) (or w r) of the last projection. */
    private double[] values = new double[0];
    private int supportSize, k;
    /** Where each plane's cells begin in the support (nz + 1 entries). */
    private final int[] planeStart;
    /** Per plane, its cells' part of Z^T v (summed over the planes in order). */
    private final double[][] planePartial;
    /** E's lower Cholesky factor, row by row (E = F F^T over the kept vectors); E itself before the factorisation. */
    private double[][] factor = new double[0][];
    /** Vectors dropped as dependent on earlier ones (their coefficient stays 0). */
    private boolean[] dropped = new boolean[0];
    private double[] coeff = new double[0];

    /** A deflation for op (its coefficients as they are at each {@link #build}), lattice nodes every {@code spacing} cells. */
    public static LatticeDeflation forOperator(VariableCoefficientPoisson op, int spacing) {
        return new LatticeDeflation(op, spacing);
    }

    private LatticeDeflation(VariableCoefficientPoisson op, int spacing) {
        if (spacing < 1) throw new IllegalArgumentException("lattice spacing must be >= 1 cell, got " + spacing);
        this.L = op.level;
        this.g = op.grid();
        this.par = op.parallel();
        this.requestedSpacing = spacing;
        this.planeStart = new int[g.nz + 1];
        this.planePartial = new double[g.nz][];
        this.dims = g.is3D() ? 3 : 2;
        this.supportIndex = new int[g.paddedLength()];
        java.util.Arrays.fill(supportIndex, -1);
        this.w = g.newField();
    }

    /** Number of deflation vectors of the last {@link #build}. */
    public int size() {
        return k;
    }

    /** Lattice spacing of the last {@link #build}, cells (the requested one, or a multiple where the front is large). */
    public int spacing() {
        return spacing;
    }

    private void setSpacing(int s) {
        spacing = s;
        nodesX = (g.nx + s - 1) / s;
        nodesY = g.is3D() ? (g.ny + s - 1) / s : 1;
        nodesZ = (g.nz - 1 + s - 1) / s + 1;
    }

    /**
     * Builds Z from the mode field (padded, interior read) and factors E for the operator's current
     * coefficients. Returns false (and deflates nothing) if no cell carries the mode or E is not
     * positive definite.
     */
    public boolean build(double[] mode) {
        final int nx = g.nx, ny = g.ny, nz = g.nz, pairs = 1 << dims;
        double max = 0;
        for (int kk = 0; kk < nz; kk++)
            for (int j = 0; j < ny; j++) {
                final int s = g.rowStart(j, kk);
                for (int c = s; c < s + nx; c++) max = Math.max(max, Math.abs(mode[c]));
            }
        // clear the last support only (two passes over the whole grid per step otherwise)
        for (int n = 0; n < supportSize; n++) {
            supportIndex[cells[n]] = -1;
            w[cells[n]] = 0;
        }
        k = 0;
        supportSize = 0;
        if (!(max > 0) || !Double.isFinite(max)) return false;
        final double cutoff = RELATIVE_CUTOFF * max;
        for (setSpacing(requestedSpacing); !collect(mode, cutoff); setSpacing(2 * spacing)) {}
        if (coeff.length < k) {
            coeff = new double[k];
            dropped = new boolean[k];
            factor = new double[k][k];
        }
        final double[][] e = factor;
        for (int a = 0; a < k; a++) java.util.Arrays.fill(e[a], 0, k, 0.0);
        // E_ab = z_a . A z_b: each cell's diagonal term, and each face inside the support once, added to
        // both orders of the pair
        for (int n = 0; n < supportSize; n++) {
            final int c = cells[n], j = rowOf[n], kk = planeOf[n];
            couple(e, n, n, w[c] * w[c] * diagonal(c, j), pairs);
            final int i = c - g.rowStart(j, kk);
            face(e, n, i == nx - 1 ? c - (nx - 1) : c + 1, L.tx[c], pairs);
            if (L.is3D) face(e, n, c + L.offN(j), L.ty[c], pairs);
            if (kk < nz - 1) face(e, n, c + g.strideZ, L.tz[c], pairs);
        }
        // the two orders of a pair round differently: factor the mean
        for (int a = 0; a < k; a++)
            for (int b = 0; b < a; b++) e[a][b] = 0.5 * (e[a][b] + e[b][a]);
        if (!factorInPlace(e)) {
            k = 0;
            return false;
        }
        return true;
    }

    /**
     * Cholesky factorisation of the lower triangle of e in place, dropping a vector whose pivot is below
     * {@link #PIVOT_TOLERANCE} of its diagonal entry (its row and column of the factor become zero); false
     * if a diagonal entry or a pivot is clearly negative.
     */
    private boolean factorInPlace(double[][] e) {
        for (int a = 0; a < k; a++) {
            final double[] row = e[a];
            final double diagonal = row[a];
            if (!(diagonal > 0)) return false;
            double d = diagonal;
            for (int b = 0; b < a; b++) d -= row[b] * row[b];
            dropped[a] = !(d > PIVOT_TOLERANCE * diagonal);
            if (d < -PIVOT_TOLERANCE * diagonal) return false;
            if (dropped[a]) {
                java.util.Arrays.fill(row, 0, a + 1, 0.0);
                for (int i = a + 1; i < k; i++) e[i][a] = 0;
                continue;
            }
            final double pivot = Math.sqrt(d);
            row[a] = pivot;
            for (int i = a + 1; i < k; i++) {
                final double[] other = e[i];
                double s = other[a];
                for (int b = 0; b < a; b++) s -= other[b] * row[b];
                other[a] = s / pivot;
            }
        }
        return true;
    }

    /**
     * Collects the support (cells with |mode| >= cutoff) and its lattice nodes at the current spacing;
     * false if that takes more than {@link #MAX_VECTORS} nodes (the spacing must grow).
     */
    private boolean collect(double[] mode, double cutoff) {
        final int nx = g.nx, ny = g.ny, nz = g.nz, pairs = 1 << dims;
        k = 0;
        supportSize = 0;
        final int[] active = new int[nodesX * nodesY * nodesZ];
        java.util.Arrays.fill(active, -1);
        final int[] lo = new int[3], hi = new int[3];
        final double[] up = new double[3];
        for (int kk = 0; kk < nz; kk++)
            for (int j = 0; j < ny; j++)
                for (int i = 0; i < nx; i++) {
                    final int c = g.index(i, j, kk);
                    if (!(Math.abs(mode[c]) >= cutoff)) continue;
                    if (supportSize == cells.length) grow(pairs);
                    interval(i, nx, nodesX, true, lo, hi, up, 0);
                    interval(j, ny, nodesY, true, lo, hi, up, 1);
                    interval(kk, nz, nodesZ, false, lo, hi, up, 2);
                    for (int m = 0; m < pairs; m++) {
                        // corner m of the cell's lattice interval: bit 0 x, bit 1 z, bit 2 y (3D)
                        final int bx = m & 1, bz = (m >> 1) & 1, by = (m >> 2) & 1;
                        final int id = (bx == 0 ? lo[0] : hi[0]) + nodesX * ((by == 0 ? lo[1] : hi[1]) + nodesY * (bz == 0 ? lo[2] : hi[2]));
                        final double weight = (bx == 0 ? 1 - up[0] : up[0]) * (bz == 0 ? 1 - up[2] : up[2]) * (dims == 2 ? 1 : by == 0 ? 1 - up[1] : up[1]);
                        // a node is used only where its hat is positive somewhere (else E has a zero row)
                        if (weight > 0 && active[id] < 0) active[id] = k++;
                        node[supportSize * pairs + m] = weight > 0 ? active[id] : 0;
                        hat[supportSize * pairs + m] = weight;
                    }
                    supportIndex[c] = supportSize;
                    w[c] = mode[c];
                    cells[supportSize] = c;
                    rowOf[supportSize] = j;
                    planeOf[supportSize] = kk;
                    supportSize++;
                }
        for (int kk = 0, n = 0; kk <= nz; kk++) {
            while (n < supportSize && planeOf[n] < kk) n++;
            planeStart[kk] = n;
        }
        return k <= MAX_VECTORS || spacing >= Math.max(g.nx, Math.max(g.ny, g.nz));
    }

    /**
     * The lattice interval of cell index i on an axis of n cells with the given node count: its lower and
     * upper node and the upper hat's weight (periodic axes wrap the last interval to node 0).
     */
    private void interval(int i, int n, int nodes, boolean periodic, int[] lo, int[] hi, double[] up, int axis) {
        if (n == 1) {
            lo[axis] = hi[axis] = 0;
            up[axis] = 0;
            return;
        }
        final int a = Math.min(i / spacing, nodes - (periodic ? 1 : 2));
        final int start = a * spacing, length = periodic && a == nodes - 1 ? n - start : spacing;
        lo[axis] = a;
        hi[axis] = periodic && a == nodes - 1 ? 0 : a + 1;
        up[axis] = (double) (i - start) / length;
    }

    /** The face between support cell n and cell nb (transmissibility t), if nb carries the mode. */
    private void face(double[][] e, int n, int nb, double t, int pairs) {
        final int m = supportIndex[nb];
        if (m < 0 || m == n || t == 0) return; // m == n: a one-cell periodic axis couples a cell to itself
        final double v = -t * w[cells[n]] * w[nb];
        couple(e, n, m, v, pairs);
        couple(e, m, n, v, pairs);
    }

    /** E_ab += v phi_a(cell n) phi_b(cell m) over the nodes of both cells. */
    private void couple(double[][] e, int n, int m, double v, int pairs) {
        for (int p = 0; p < pairs; p++) {
            final double[] row = e[node[n * pairs + p]];
            final double vp = v * hat[n * pairs + p];
            for (int q = 0; q < pairs; q++) row[node[m * pairs + q]] += vp * hat[m * pairs + q];
        }
    }

    private void grow(int pairs) {
        final int n = Math.max(1024, 2 * cells.length);
        cells = java.util.Arrays.copyOf(cells, n);
        rowOf = java.util.Arrays.copyOf(rowOf, n);
        planeOf = java.util.Arrays.copyOf(planeOf, n);
        node = java.util.Arrays.copyOf(node, n * pairs);
        hat = java.util.Arrays.copyOf(hat, n * pairs);
        values = new double[n];
    }

    /** Diagonal of A at cell c of row j: its face transmissibilities (boundary factors included) and shift. */
    private double diagonal(int c, int j) {
        double d = L.tx[c - 1] + L.tx[c] + L.tz[c - L.sZ] + L.tz[c];
        if (L.is3D) d += L.ty[c + L.offS(j)] + L.ty[c];
        return L.shift == null ? d : d + L.shift[c];
    }

    /** (A v)_c of the homogeneous operator (v's x-ghosts valid). */
    private double applyAt(double[] v, int c, int j, int kk) {
        double av = diagonal(c, j) * v[c] - L.tx[c - 1] * v[c - 1] - L.tx[c] * v[c + 1];
        if (kk > 0) av -= L.tz[c - L.sZ] * v[c - L.sZ];
        if (kk < L.nz - 1) av -= L.tz[c] * v[c + L.sZ];
        if (L.is3D) av -= L.ty[c + L.offS(j)] * v[c + L.offS(j)] + L.ty[c] * v[c + L.offN(j)];
        return av;
    }

    /** x += Z E^-1 Z^T r: the correction that makes the residual of x orthogonal to Z. */
    void correct(double[] x, double[] r) {
        project(r, null);
        addZ(x);
    }

    /**
     * z := z + Z E^-1 Z^T (r - A z), z = M^-1 r on entry (x-ghosts valid): the A-DEF2 preconditioner of Tang
     * et al. (2009), P^T M^-1 + Q. Its - Z E^-1 Z^T A z makes the search direction A-orthogonal to Z; its
     * + Z E^-1 Z^T r is zero while r stays orthogonal to Z, and removes what rounding leaves of r in Z (with
     * the projection alone the residual stalled at that part: 1.4e-16 against a 1.2e-16 target on a nearly
     * singular operator).
     */
    void precondition(double[] z, double[] r) {
        project(r, z);
        addZ(z);
    }

    /** coeff = E^-1 Z^T (r - A z) (z null: E^-1 Z^T r). */
    private void project(double[] r, double[] z) {
        par.forSlabs(g.nz, (k0, k1) -> {
            for (int n = planeStart[k0]; n < planeStart[k1]; n++) {
                final int c = cells[n];
                values[n] = w[c] * (z == null ? r[c] : r[c] - applyAt(z, c, rowOf[n], planeOf[n]));
            }
        });
        coefficientsFromValues();
    }

    /**
     * Cells in the support of the last {@link #build}, in order, for a device that projects itself ({@link #corrections}):
     * their interior index i + nx (j + ny k) into {@code interior} and w there into {@code weight}; returns their number.
     */
    public int support(int[] interior, double[] weight) {
        for (int n = 0; n < supportSize; n++) {
            final int c = cells[n], j = rowOf[n], kk = planeOf[n];
            interior[n] = c - g.rowStart(j, kk) + g.nx * (j + g.ny * kk);
            weight[n] = w[c];
        }
        return supportSize;
    }

    /**
     * The projection of {@link #precondition} (or {@link #correct}) from the values w (r - A z) (or w r) at the
     * support cells of {@link #support}, computed elsewhere: out[n] = the correction its cell's entry of z (or x)
     * takes, Z E^-1 Z^T (r - A z) there, summed as this class sums it for its own fields.
     */
    public void corrections(double[] in, double[] out) {
        System.arraycopy(in, 0, values, 0, supportSize);
        coefficientsFromValues();
        for (int n = 0; n < supportSize; n++) out[n] = correctionAt(n);
    }

    /** coeff = E^-1 Z^T v from the values v of the support cells: per plane, the planes added in order. */
    private void coefficientsFromValues() {
        final int pairs = 1 << dims;
        par.forSlabs(g.nz, (k0, k1) -> {
            for (int kk = k0; kk < k1; kk++) {
                if (planeStart[kk] == planeStart[kk + 1]) continue;
                if (planePartial[kk] == null || planePartial[kk].length < k) planePartial[kk] = new double[coeff.length];
                final double[] part = planePartial[kk];
                java.util.Arrays.fill(part, 0, k, 0.0);
                for (int n = planeStart[kk]; n < planeStart[kk + 1]; n++) {
                    final double val = values[n];
                    for (int p = 0; p < pairs; p++) part[node[n * pairs + p]] += hat[n * pairs + p] * val;
                }
            }
        });
        java.util.Arrays.fill(coeff, 0, k, 0.0);
        for (int kk = 0; kk < g.nz; kk++) {
            if (planeStart[kk] == planeStart[kk + 1]) continue;
            final double[] part = planePartial[kk];
            for (int a = 0; a < k; a++) coeff[a] += part[a];
        }
        // E^-1 by the two triangular solves with the factor (rows), in place; dropped vectors keep 0
        for (int a = 0; a < k; a++) {
            if (dropped[a]) {
                coeff[a] = 0;
                continue;
            }
            final double[] row = factor[a];
            double s = coeff[a];
            for (int b = 0; b < a; b++) s -= row[b] * coeff[b];
            coeff[a] = s / row[a];
        }
        for (int a = k - 1; a >= 0; a--) {
            if (dropped[a]) continue;
            final double[] row = factor[a];
            final double x = coeff[a] / row[a];
            coeff[a] = x;
            for (int b = 0; b < a; b++) coeff[b] -= row[b] * x;
        }
    }

    /** (Z coeff) at support cell n: w times the hats' sum of the coefficients. */
    private double correctionAt(int n) {
        final int pairs = 1 << dims;
        double sum = 0;
        for (int p = 0; p < pairs; p++) sum += hat[n * pairs + p] * coeff[node[n * pairs + p]];
        return w[cells[n]] * sum;
    }

    /** v += Z coeff; refreshes the x-ghosts of the rows it touched (the support is in index order: rows come together). */
    private void addZ(double[] v) {
        par.forSlabs(g.nz, (k0, k1) -> {
            for (int n = planeStart[k0]; n < planeStart[k1]; n++) {
                final int c = cells[n];
                v[c] += correctionAt(n);
                final int s = g.rowStart(rowOf[n], planeOf[n]);
                if (n + 1 == planeStart[k1] || g.rowStart(rowOf[n + 1], planeOf[n + 1]) != s) Level.wrapRow(v, s, g.nx);
            }
        });
    }
}
