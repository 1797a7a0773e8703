package org.lipf.linear;

import org.lipf.grid.Grid;
import org.lipf.grid.Parallel;
import org.lipf.kernels.cpu.Simd;

/**
 * The potential operator {@code A phi = -div(beta grad phi)} on a {@link Grid}, discretised with
 * cell-centred finite volumes and conductivities {@code beta} on the faces; optionally with a
 * diagonal term, {@code A u = alpha u - div(beta grad u)}, the operator of an implicit diffusion
 * step (then both vertical ends may be zero-flux).
 *
 * <p>The model equation {@code div(sigma grad phi) = S} (S in A/m^3) is solved as
 * {@code A phi = f} with {@code f = -S}.
 *
 * <table>
 *   <caption>Symbols</caption>
 *   <tr><th>symbol</th><th>identifier</th><th>unit</th></tr>
 *   <tr><td>phi</td><td>{@code x}, {@code phi}</td><td>V</td></tr>
 *   <tr><td>beta (face), sigma (cell)</td><td>{@code betaX/Y/Z}, {@code sigmaCell}</td><td>S/m</td></tr>
 *   <tr><td>f = -S</td><td>{@code f}, {@code b}</td><td>A/m^3</td></tr>
 *   <tr><td>h</td><td>{@code grid.dx_m}</td><td>m</td></tr>
 * </table>
 *
 * <p>Discretisation, per cell c with faces f and neighbours nb:
 * {@code (A phi)_c = sum_f (beta_f / h^2) (phi_c - phi_nb)}. Faces: {@code betaX[idx]} is the face
 * between cell idx and idx + strideX (the +x face), likewise {@code betaY} (3D only) and
 * {@code betaZ}; the bottom boundary face of column (i, j) is {@code betaZ} at the k = -1 ghost
 * index, the top boundary face is {@code betaZ} at k = nz - 1. The lateral axes are periodic
 * (the +x face of i = nx-1 connects to i = 0). At a Dirichlet end the boundary value sits on the
 * face, half a cell from the centre: the face term is {@code 2 beta_b / h^2 (phi_c - phi_b)}; its
 * constant part {@code 2 beta_b phi_b / h^2} is moved into the right-hand side by
 * {@link #rhsWithBoundary}. At a zero-flux end the face term vanishes. The scheme is second-order
 * for smooth beta and exact for piecewise-linear profiles across layers whose interfaces lie on
 * faces (harmonic face means reproduce the series resistance).
 *
 * <p>{@link #apply}, {@link #residual} (and the solvers) work with the homogeneous (linear) part of
 * A, so a problem with Dirichlet values is solved as {@code A phi = rhsWithBoundary(f)}.
 *
 * <p>Side effect: routines that read a field refresh its periodic x ghost cells.
 */
public final class VariableCoefficientPoisson {
    private final Grid grid;
    private final Parallel parallel;
    private final BoundaryCondition bottom, top;
    final Level level;
    private long version;

    public VariableCoefficientPoisson(Grid grid, Parallel parallel, BoundaryCondition bottom, BoundaryCondition top) {
        this(grid, parallel, bottom, top, false);
    }

    /**
     * @param withShift whether the operator has a diagonal term: {@code A u = alpha u - div(beta grad u)}
     *     (the Helmholtz form of an implicit time step), alpha per cell in {@link #shift()}
     */
    public VariableCoefficientPoisson(Grid grid, Parallel parallel, BoundaryCondition bottom, BoundaryCondition top, boolean withShift) {
        this(grid, parallel, bottom, top, withShift, Simd.ENABLED);
    }

    /** @param simd whether the stencil loops run in SIMD lanes (the same numbers; false for the scalar loops) */
    VariableCoefficientPoisson(Grid grid, Parallel parallel, BoundaryCondition bottom, BoundaryCondition top, boolean withShift, boolean simd) {
        if (grid == null || parallel == null || bottom == null || top == null) throw new IllegalArgumentException("arguments must not be null");
        this.grid = grid;
        this.parallel = parallel;
        this.bottom = bottom;
        this.top = top;
        this.level = new Level(grid, parallel, bottom.kind(), top.kind(), withShift, simd);
    }

    public Grid grid() {
        return grid;
    }

    public Parallel parallel() {
        return parallel;
    }

    public BoundaryCondition bottom() {
        return bottom;
    }

    public BoundaryCondition top() {
        return top;
    }

    /** Live +x face conductivities (S/m); call {@link #coefficientsChanged()} after editing. */
    public double[] betaX() {
        return level.betaX;
    }

    /** Live +y face conductivities (S/m, 3D only, else null); call {@link #coefficientsChanged()} after editing. */
    public double[] betaY() {
        return level.betaY;
    }

    /** Live +z face conductivities (S/m) incl. boundary faces; call {@link #coefficientsChanged()} after editing. */
    public double[] betaZ() {
        return level.betaZ;
    }

    /**
     * Live diagonal term alpha per cell (units of beta / h^2), or null for the operator without one;
     * call {@link #coefficientsChanged()} after editing. A cell where alpha and every face vanish
     * makes the operator singular.
     */
    public double[] shift() {
        return level.shift;
    }

    /** Increases with every coefficient change; the multigrid hierarchy rebuilds when it differs. */
    public long coefficientVersion() {
        return version;
    }

    /**
     * Sets the face conductivities from cell conductivities (S/m, a padded field on the grid; ghosts
     * not read): harmonic means ({@link HarmonicMean}) of the two adjacent cells on interior and
     * periodic faces, the adjacent cell's value on the bottom and top boundary faces.
     *
     * @throws IllegalArgumentException if a cell conductivity is not finite and &gt; 0
     */
    public void setCellCoefficients(double[] sigmaCell) {
        if (sigmaCell.length != grid.paddedLength()) throw new IllegalArgumentException("sigma has length " + sigmaCell.length + ", expected " + grid.paddedLength());
        final int nx = grid.nx, ny = grid.ny, nz = grid.nz, sZ = grid.strideZ;
        final double[] bx = level.betaX, by = level.betaY, bz = level.betaZ;
        parallel.forSlabs(nz, (k0, k1) -> {
            for (int k = k0; k < k1; k++)
                for (int j = 0; j < ny; j++) {
                    int s = grid.rowStart(j, k);
                    int on = level.offN(j);
                    for (int c = s; c < s + nx; c++) {
                        double a = sigmaCell[c];
                        if (!(a > 0 && a < Double.POSITIVE_INFINITY))
                            throw new IllegalArgumentException("cell conductivity must be finite and > 0, got " + a + " at cell " + (c - s) + "," + j + "," + k);
                        int east = c + 1 == s + nx ? s : c + 1;
                        bx[c] = HarmonicMean.of(a, sigmaCell[east]);
                        if (by != null) by[c] = HarmonicMean.of(a, sigmaCell[c + on]);
                        bz[c] = k == nz - 1 ? a : HarmonicMean.of(a, sigmaCell[c + sZ]);
                        if (k == 0) bz[c - sZ] = a;
                    }
                }
        });
        coefficientsChanged();
    }

    /** Recomputes the derived transmissibilities after the beta arrays were edited. */
    public void coefficientsChanged() {
        level.updateTransmissibilities();
        version++;
    }

    /** out = A x with homogeneous boundary values (the linear part of the operator). */
    public void apply(double[] x, double[] out) {
        level.applyDot(x, out);
    }

    /** out = f + boundary terms of the stored boundary values; see {@link #rhsWithBoundary(double[], double, double, double[])}. */
    public void rhsWithBoundary(double[] f, double[] out) {
        rhsWithBoundary(f, bottom.value_V(), top.value_V(), out);
    }

    /**
     * Folds Dirichlet values into the right-hand side: {@code out = f + 2 beta_b phi_b / h^2} in the
     * cells next to each Dirichlet end (values at zero-flux ends are ignored). Then
     * {@code A phi = out} (homogeneous A) is the full problem {@code -div(beta grad phi) = f} with
     * {@code phi = phi_b} on the boundary faces. f == null means f = 0; f may alias out.
     *
     * @param f source term -S (A/m^3), padded field
     * @param bottomValue_V potential on the bottom face (V)
     * @param topValue_V potential on the top face (V)
     */
    public void rhsWithBoundary(double[] f, double bottomValue_V, double topValue_V, double[] out) {
        final int nx = grid.nx, ny = grid.ny, nz = grid.nz, sZ = grid.strideZ;
        final double[] tz = level.tz; // boundary factor (2 or 0) already applied
        parallel.forSlabs(nz, (k0, k1) -> {
            for (int k = k0; k < k1; k++)
                for (int j = 0; j < ny; j++) {
                    int s = grid.rowStart(j, k);
                    for (int c = s; c < s + nx; c++) {
                        double v = f == null ? 0.0 : f[c];
                        if (k == 0) v += tz[c - sZ] * bottomValue_V;
                        if (k == nz - 1) v += tz[c] * topValue_V;
                        out[c] = v;
                    }
                }
        });
    }

    /** r = b - A x (homogeneous A) over the interior; returns the Jacobi-scaled norm ||D^-1 r||_2 (V). */
    public double residual(double[] x, double[] b, double[] r) {
        return Math.sqrt(level.residual(x, b, r));
    }

    /** Jacobi-scaled norm ||D^-1 v||_2 over the interior (V for a residual in A/m^3). */
    public double scaledNorm(double[] v) {
        return Math.sqrt(level.scaledNorm2(v));
    }

    /** Euclidean norm over the interior cells. */
    public double norm(double[] v) {
        return Math.sqrt(level.dot(v, v));
    }

    /** Dot product over the interior cells (deterministic). */
    public double dot(double[] a, double[] b) {
        return level.dot(a, b);
    }
}
