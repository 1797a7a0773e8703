package org.lipf.solver;

import org.lipf.grid.Grid;
import org.lipf.grid.Parallel;
import org.lipf.kernels.cpu.AllenCahnUpdate;
import org.lipf.linear.SolverDivergedException;
import org.lipf.model.FieldSet;
import org.lipf.model.Interpolation;
import org.lipf.model.MaterialTable;
import org.lipf.model.ModelParameters;

/**
 * Galvanostatic control (docs/MODEL.md section 4.2): after the Allen-Cahn pass, shifts the applied
 * voltage by dV so that the total deposition current n F c_s integral(f_free d xi/dt) / area equals
 * the set current density to {@link #RELATIVE_TOLERANCE}.
 *
 * <p>A shift of the collector potential moves the electronic potential by dV * w: w = 1 everywhere
 * in the mixed-conductor form (phi_s has no other Dirichlet boundary and the sources are held
 * fixed, so the shifted field is the exact solution), and w = f_free h(xi), the local metal
 * fraction, in the single-potential form. The scalar equation I(dV) = I_set is monotone (the
 * Butler-Volmer factor decreases with eta) and is solved by Newton steps safeguarded by bisection.
 * Only the cells that carry a reaction are visited, from a list built once per step.
 */
public final class GalvanostaticControl {
    public static final double RELATIVE_TOLERANCE = 1e-5;
    private static final int MAX_ITERATIONS = 100;
    private static final double MAX_NEWTON_STEP_V = 0.1;
    /** What the control must hold (docs/MODEL.md section 4): 0.1 %. */
    private static final double REQUIRED_TOLERANCE = 1e-3;
    /** A voltage bracket this narrow has no room left for bisection, V. */
    private static final double BRACKET_V = 1e-12;

    private final Grid g;
    private final ModelParameters p;
    private final MaterialTable table;
    private final AllenCahnUpdate allenCahn;
    private final DepositMetrics metrics;
    private final Parallel parallel;
    private final int planeCells;
    /** Reactive cells of plane k at [k * planeCells, k * planeCells + count[k]). */
    private final int[] cells, count;
    private final double[] eta, weight, reactionOld;
    private final double[] planeSum, planeSlope;
    /** Current density per unit (f_free * rate): n F c_s dV / area. */
    private final double currentPerRate;
    private double sum, slope;
    /** The fields of the running {@link #enforce(FieldSet, double, double)} call. */
    private FieldSet f;

    public GalvanostaticControl(Grid g, ModelParameters p, MaterialTable table, AllenCahnUpdate allenCahn, DepositMetrics metrics, Parallel parallel) {
        this.metrics = metrics;
        this.g = g;
        this.p = p;
        this.table = table;
        this.allenCahn = allenCahn;
        this.parallel = parallel;
        this.planeCells = g.nx * g.ny;
        this.cells = new int[g.cellCount()];
        this.count = new int[g.nz];
        this.eta = new double[g.cellCount()];
        this.weight = new double[g.cellCount()];
        this.reactionOld = new double[g.cellCount()];
        this.planeSum = new double[g.nz];
        this.planeSlope = new double[g.nz];
        this.currentPerRate = currentPerRate(g, p);
    }

    /**
     * Shifts the voltage so the current is {@code target}; corrects rate, xiNext and the
     * potentials in place. Returns the voltage shift dV (V).
     *
     * @throws SolverDivergedException when no voltage reaches the target (e.g. no reactive surface)
     */
    public double enforce(FieldSet f, double target_A_per_m2, double dt_s) {
        this.f = f;
        return enforce(cpuReactions, currentPerRate, p.chargeDensity_C_per_m3(), target_A_per_m2, dt_s);
    }

    /**
     * The reaction sums the control needs, computed where the fields live (this class on the CPU,
     * kernels on a device); {@link #enforce(Reactions, double, double, double, double)} runs the
     * same Newton-bisection on either.
     */
    public interface Reactions {
        /** Records the uncorrected reaction rates R_old of the reactive cells; returns sum f_free |R_old|. */
        double collect();

        /** integral(f_free d xi/dt) dV / area of the uncorrected rates, m/s. */
        double growthVelocity_m_per_s();

        /** Sets {@link #sum()} = sum f_free (R(eta + dV w) - R_old) and {@link #slope()} = its derivative. */
        void evaluate(double dV);

        double sum();

        double slope();

        /** Corrects rate and xiNext by the shift dV and adds dV w to phi_s. */
        void apply(double dV, double dt_s);

        /** Relative rounding error of the sums, times their magnitude the smallest attainable residual. */
        default double sumRelativePrecision() {
            return 1e-14;
        }
    }

    /**
     * Finds the shift dV that makes the deposition current {@code target}, applies it, and returns it.
     *
     * @param currentPerRate current density per unit sum of f_free rates: n F c_s dV / area
     */
    public static double enforce(Reactions reactions, double currentPerRate, double chargeDensity_C_per_m3, double target_A_per_m2, double dt_s) {
        final double oldMagnitude = currentPerRate * reactions.collect();
        final double base = chargeDensity_C_per_m3 * reactions.growthVelocity_m_per_s();
        // base + correction cancels when the uncorrected rates are huge (a large voltage change):
        // the attainable precision is then a few ulps of their magnitude (more in single precision)
        final double tol = Math.max(RELATIVE_TOLERANCE * Math.max(Math.abs(target_A_per_m2), 1e-6), reactions.sumRelativePrecision() * oldMagnitude);
        double lo = Double.NEGATIVE_INFINITY, hi = Double.POSITIVE_INFINITY, dV = 0;
        double best = 0, bestResidual = Double.POSITIVE_INFINITY, previous = Double.POSITIVE_INFINITY;
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            reactions.evaluate(dV);
            final double residual = base + currentPerRate * reactions.sum() - target_A_per_m2;
            if (!Double.isFinite(residual))
                throw new SolverDivergedException(String.format("galvanostatic control: the reaction current is not finite at a voltage shift of %.4g V "
                        + "(overpotentials of tens of volts, e.g. Li+ depleted where Li plates: %.6g A/m^2 is more than the cell's transport can carry)",
                        dV, target_A_per_m2), it, Double.NaN);
            if (Math.abs(residual) < Math.abs(bestResidual)) {
                best = dV;
                bestResidual = residual;
            }
            if (Math.abs(residual) <= tol) {
                reactions.apply(dV, dt_s);
                return dV;
            }
            // a bracket closed to round-off around a jump of I(dV) (a cell's rate hitting a bound):
            // the nearer side holds the current to the required 0.1 %
            if (hi - lo < BRACKET_V && Math.abs(bestResidual) <= REQUIRED_TOLERANCE * Math.abs(target_A_per_m2)) {
                reactions.evaluate(best);
                reactions.apply(best, dt_s);
                return best;
            }
            // I(dV) decreases with dV: too much current means the root lies above dV
            if (residual > 0) lo = dV; else hi = dV;
            final double slope = reactions.slope();
            double next = slope < 0 ? dV - residual / (currentPerRate * slope) : Double.NaN;
            // Newton that does not halve the residual (a kink of I(dV)) gives way to bisection
            boolean slow = Math.abs(residual) > 0.5 * Math.abs(previous);
            previous = residual;
            if (!(next > lo && next < hi) || Math.abs(next - dV) > MAX_NEWTON_STEP_V || (slow && Double.isFinite(lo) && Double.isFinite(hi))) {
                if (Double.isInfinite(lo)) next = hi - MAX_NEWTON_STEP_V;
                else if (Double.isInfinite(hi)) next = lo + MAX_NEWTON_STEP_V;
                else next = 0.5 * (lo + hi);
            }
            dV = next;
        }
        throw new SolverDivergedException(String.format(
                "galvanostatic control could not reach %.6g A/m^2 within %d iterations (last voltage shift %.4g V, closest %.6g A/m^2, "
                        + "bracket %.3g V): is there a metal surface in contact with an ion conductor? (a material of free_fraction 0, such as the library's LLZTO particles, has no room for metal: a dense electrolyte takes free_fraction 1)", target_A_per_m2, MAX_ITERATIONS, dV,
                target_A_per_m2 + bestResidual, hi - lo),
                MAX_ITERATIONS, Double.NaN);
    }

    /** Current density per unit sum of f_free rates on grid g: n F c_s dV / area. */
    public static double currentPerRate(Grid g, ModelParameters p) {
        return p.chargeDensity_C_per_m3() * g.cellVolume_m3() / g.lateralArea();
    }

    /** The CPU reaction sums over the fields of the current {@link #enforce(FieldSet, double, double)} call. */
    private final Reactions cpuReactions = new Reactions() {
        @Override public double collect() { return GalvanostaticControl.this.collect(f); }
        @Override public double growthVelocity_m_per_s() { return metrics.growthVelocity_m_per_s(f); }
        @Override public void evaluate(double dV) { GalvanostaticControl.this.evaluate(f, dV); }
        @Override public double sum() { return sum; }
        @Override public double slope() { return slope; }
        @Override public void apply(double dV, double dt_s) { GalvanostaticControl.this.apply(f, dV, dt_s); }
    };

    /** Lists the reactive cells and their uncorrected reaction rates; returns sum f_free |R_old|. */
    private double collect(FieldSet f) {
        final boolean single = f.singlePotential();
        parallel.forSlabs(g.nz, (k0, k1) -> {
            for (int k = k0; k < k1; k++) {
                int n = k * planeCells;
                double magnitude = 0;
                for (int j = 0; j < g.ny; j++) {
                    final int start = g.rowStart(j, k);
                    for (int P = start; P < start + g.nx; P++) {
                        final double x = f.xi[P];
                        final int m = f.material[P];
                        if (!allenCahn.reactive(x, m)) continue;
                        final double e = allenCahn.overpotential(f, P);
                        cells[n] = P;
                        eta[n] = e;
                        weight[n] = single ? table.freeFraction[m] * Interpolation.h(x) : 1;
                        reactionOld[n] = allenCahn.reactionRateAt(f, P, e);
                        magnitude += table.freeFraction[m] * Math.abs(reactionOld[n]);
                        n++;
                    }
                }
                count[k] = n - k * planeCells;
                planeSum[k] = magnitude;
            }
        });
        double magnitude = 0;
        for (int k = 0; k < g.nz; k++) magnitude += planeSum[k];
        return magnitude;
    }

    /** Sets {@code sum} = sum f_free (R(eta + dV w) - R_old) and {@code slope} = its derivative. */
    private void evaluate(FieldSet f, double dV) {
        parallel.forSlabs(g.nz, (k0, k1) -> {
            final double[] linear = new double[3];
            for (int k = k0; k < k1; k++) {
                double s = 0, d = 0;
                for (int n = k * planeCells, end = n + count[k]; n < end; n++) {
                    final int P = cells[n], m = f.material[P];
                    allenCahn.linearisedReaction(f.xi[P], f.dispersed[P], m, eta[n] + dV * weight[n], f.c[P], allenCahn.filmDrop_V(f, P, m),
                            allenCahn.filmKinetics(f, P, m), allenCahn.openFaces(f, P), allenCahn.faceLi(f, P), linear);
                    final double free = table.freeFraction[m];
                    s += free * (linear[0] - reactionOld[n]);
                    d += free * weight[n] * linear[1];
                }
                planeSum[k] = s;
                planeSlope[k] = d;
            }
        });
        double s = 0, d = 0;
        for (int k = 0; k < g.nz; k++) {
            s += planeSum[k];
            d += planeSlope[k];
        }
        sum = s;
        slope = d;
    }

    private void apply(FieldSet f, double dV, double dt) {
        parallel.forSlabs(g.nz, (k0, k1) -> {
            for (int k = k0; k < k1; k++)
                for (int n = k * planeCells, end = n + count[k]; n < end; n++) {
                    final int P = cells[n];
                    final double dR = allenCahn.reactionRateAt(f, P, eta[n] + dV * weight[n]) - reactionOld[n];
                    f.rate[P] += dR;
                    f.xiNext[P] += dt * dR;
                }
        });
        shiftPotential(f, dV);
    }

    /** phi_s += dV w over the whole grid (ghosts are refilled before the next use). */
    private void shiftPotential(FieldSet f, double dV) {
        if (dV == 0) return;
        final boolean single = f.singlePotential();
        final double[] phi = f.phiS;
        parallel.forSlabs(g.nz, (k0, k1) -> {
            for (int k = k0; k < k1; k++)
                for (int j = 0; j < g.ny; j++) {
                    final int start = g.rowStart(j, k);
                    for (int P = start; P < start + g.nx; P++)
                        phi[P] += single ? dV * table.freeFraction[f.material[P]] * Interpolation.h(f.xi[P]) : dV;
                }
        });
    }
}
