package org.lipf.linear;

import org.lipf.grid.Grid;

/**
 * Direct solver for the coarsest multigrid level: the operator of a {@link Level} assembled as a
 * symmetric positive definite band matrix (cells in C order, x fastest; half bandwidth
 * {@code nx * ny}, which covers the periodic wrap couplings) and factored by band Cholesky,
 * {@code A = L L^T}. Serial (it is small), so deterministic.
 */
final class BandedCholesky {
    private final Level level;
    private final int n, bw;
    /** Lower band, row p holds columns p - bw .. p at positions 0 .. bw. */
    private final double[] band;
    private final double[] work;

    BandedCholesky(Level level) {
        this.level = level;
        Grid g = level.g;
        this.n = g.cellCount();
        this.bw = Math.min(g.nx * g.ny, Math.max(n - 1, 0));
        this.band = new double[n * (bw + 1)];
        this.work = new double[n];
    }

    /** Flops of a factorisation, to decide whether a direct solve is affordable. */
    static double factorCost(Grid g) {
        double n = g.cellCount(), b = Math.min((double) g.nx * g.ny, n);
        return n * b * b / 2;
    }

    /** Assembles the matrix from the level's transmissibilities and factors it. */
    void factor() {
        java.util.Arrays.fill(band, 0.0);
        Grid g = level.g;
        final int nx = g.nx, ny = g.ny, nz = g.nz, sZ = g.strideZ;
        final double[] tx = level.tx, ty = level.ty, tz = level.tz;
        for (int k = 0; k < nz; k++)
            for (int j = 0; j < ny; j++)
                for (int i = 0; i < nx; i++) {
                    int c = g.index(i, j, k), p = (k * ny + j) * nx + i;
                    int iw = i == 0 ? nx - 1 : i - 1, ie = i == nx - 1 ? 0 : i + 1;
                    double tw = tx[c - 1], te = tx[c], td = tz[c - sZ], tu = tz[c];
                    double diag = tw + te + td + tu + (level.shift == null ? 0.0 : level.shift[c]);
                    couple(p, (k * ny + j) * nx + iw, tw);
                    couple(p, (k * ny + j) * nx + ie, te);
                    if (k > 0) couple(p, p - nx * ny, td);
                    if (ty != null) {
                        int js = j == 0 ? ny - 1 : j - 1, jn = j == ny - 1 ? 0 : j + 1;
                        double ts = ty[c + level.offS(j)], tn = ty[c];
                        diag += ts + tn;
                        couple(p, (k * ny + js) * nx + i, ts);
                        couple(p, (k * ny + jn) * nx + i, tn);
                    }
                    band[p * (bw + 1) + bw] += diag;
                }
        for (int i = 0; i < n; i++) {
            int j0 = Math.max(0, i - bw);
            for (int j = j0; j <= i; j++) {
                double s = band[i * (bw + 1) + (j - i + bw)];
                int kk0 = Math.max(j0, j - bw);
                int ri = i * (bw + 1) - i + bw, rj = j * (bw + 1) - j + bw; // entry (r, col) at r*(bw+1) + col - r + bw
                for (int kk = kk0; kk < j; kk++) s -= band[ri + kk] * band[rj + kk];
                if (i == j) {
                    if (!(s > 0)) throw new IllegalStateException("coarse operator is not positive definite (pivot " + s + " at " + i + "); a Dirichlet end or a positive diagonal term is required");
                    band[ri + i] = Math.sqrt(s);
                } else {
                    band[ri + j] = s / band[rj + j];
                }
            }
        }
    }

    /** Adds -t at (p, q) when q is below the diagonal (each coupling is visited from both ends). */
    private void couple(int p, int q, double t) {
        if (q < p) band[p * (bw + 1) + (q - p + bw)] -= t;
    }

    /** x = A^-1 b on the level's grid (padded fields); refreshes x-ghosts. */
    void solve(double[] x, double[] b) {
        Grid g = level.g;
        int p = 0;
        for (int k = 0; k < g.nz; k++)
            for (int j = 0; j < g.ny; j++) {
                int s = g.rowStart(j, k);
                for (int i = 0; i < g.nx; i++) work[p++] = b[s + i];
            }
        for (int i = 0; i < n; i++) { // L y = b
            int ri = i * (bw + 1) - i + bw;
            double s = work[i];
            for (int kk = Math.max(0, i - bw); kk < i; kk++) s -= band[ri + kk] * work[kk];
            work[i] = s / band[ri + i];
        }
        for (int i = n - 1; i >= 0; i--) { // L^T x = y
            int ri = i * (bw + 1) - i + bw;
            double xi = work[i] / band[ri + i];
            work[i] = xi;
            for (int kk = Math.max(0, i - bw); kk < i; kk++) work[kk] -= band[ri + kk] * xi;
        }
        p = 0;
        for (int k = 0; k < g.nz; k++)
            for (int j = 0; j < g.ny; j++) {
                int s = g.rowStart(j, k);
                for (int i = 0; i < g.nx; i++) x[s + i] = work[p++];
                Level.wrapRow(x, s, g.nx);
            }
    }
}
