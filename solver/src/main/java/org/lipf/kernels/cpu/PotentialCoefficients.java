package org.lipf.kernels.cpu;

import org.lipf.grid.Grid;
import org.lipf.grid.Parallel;
import org.lipf.model.FieldSet;
import org.lipf.model.Interpolation;
import org.lipf.model.MaterialTable;
import org.lipf.model.ModelParameters;

/**
 * Cell conductivities and the reaction charge source of the quasi-static potential equations
 * (docs/MODEL.md section 3.4), m = f_free h(xi) being the local metal fraction:
 *
 * <pre>
 *   single potential:  sigma   = sigma_metal m + sigma_ion (1 - m)
 *   mixed conductor:   sigma_l = sigma_ion (1 - m) + lambda sigma_ion,max m,  sigma_s = sigma_metal m + sigma_el (1 - m)
 *   source            q        = n F c_s f_free d xi/dt            (A/m^3, deposition positive)
 * </pre>
 *
 * The metal phase keeps an ionic conductivity lambda sigma_ion,max (lambda = {@link #ION_PATH_FRACTION},
 * sigma_ion,max the best ion conductor of the scenario) so that the metal side of the diffuse
 * interface conducts ions: the reaction is spread over the interface (h'(xi) is symmetric about
 * xi = 1/2, and half of it lies in cells of the anode's material, which conducts no ions), and
 * without it the ions consumed where m is close to 1 would have to cross a near-insulator, which
 * raised phi_l there by volts and drove eta, and the step, unstable. Inside bulk metal no reaction
 * consumes ions, so this path carries no net current there.
 * Conductivities are floored at {@link #FLOOR_RELATIVE} times the largest value of their problem,
 * so that phases that carry none of that charge (the metal for ions, insulators for electrons)
 * leave a well-posed problem; the floor carries no current where there is no source.
 */
public final class PotentialCoefficients {
    public static final double FLOOR_RELATIVE = MaterialTable.CONDUCTIVITY_FLOOR_RELATIVE;
    /** Fraction of the host's ionic conductivity kept inside the metal phase (docs/MODEL.md section 3.3). */
    public static final double ION_PATH_FRACTION = 0.1;

    private final Grid g;
    private final ModelParameters p;
    private final MaterialTable table;
    private final Parallel parallel;
    private final double floorL, floorS, metalIonic;
    /** Fraction of the ion path that dispersed metal keeps (model.nucleation.dispersed_ion_path). */
    private final double dispersedIonPath;

    public PotentialCoefficients(Grid g, ModelParameters p, MaterialTable table, Parallel parallel) {
        this.g = g;
        this.p = p;
        this.table = table;
        this.parallel = parallel;
        double maxIon = 0, maxEl = p.metalConductivity_S_per_m();
        for (int m = 0; m < table.size(); m++) {
            maxIon = Math.max(maxIon, table.sigmaIon_S_per_m[m]);
            maxEl = Math.max(maxEl, table.sigmaEl_S_per_m[m]);
        }
        this.floorL = FLOOR_RELATIVE * (p.singlePotential() ? Math.max(maxIon, maxEl) : maxIon);
        this.floorS = FLOOR_RELATIVE * maxEl;
        this.metalIonic = ION_PATH_FRACTION * maxIon;
        this.dispersedIonPath = p.dispersedIonPath();
    }

    /** Floor of sigma_l (single potential: of the one conductivity), S/m. */
    public double floorL_S_per_m() { return floorL; }

    /** Floor of sigma_s, S/m. */
    public double floorS_S_per_m() { return floorS; }

    /** Ionic conductivity kept inside the metal phase, lambda sigma_ion,max, S/m. */
    public double metalIonic_S_per_m() { return metalIonic; }

    /**
     * Fills sigmaL (single potential: the one conductivity), sigmaS (mixed only; may be null for
     * single) and the source q from the current xi and rate.
     */
    public void compute(FieldSet f, double[] sigmaL, double[] sigmaS, double[] source) {
        final boolean single = p.singlePotential();
        final double sigmaMetal = p.metalConductivity_S_per_m(), charge = p.chargeDensity_C_per_m3();
        final boolean dispersed = p.dispersedNucleation();
        parallel.forSlabs(g.nz, (k0, k1) -> {
            for (int k = k0; k < k1; k++)
                for (int j = 0; j < g.ny; j++) {
                    final int start = g.rowStart(j, k);
                    for (int P = start; P < start + g.nx; P++) {
                        final int id = f.material[P];
                        final double free = table.freeFraction[id];
                        final double m = metalFraction(free, f.xi[P], f.dispersed[P]);
                        final double sigmaIon = table.sigmaIon_S_per_m[id];
                        if (single) {
                            sigmaL[P] = Math.max(sigmaMetal * m + sigmaIon * (1 - m), floorL);
                        } else {
                            sigmaL[P] = Math.max(sigmaIon * (1 - m) + metalIonic * ionPathFraction(free, f.xi[P], m, dispersedIonPath), floorL);
                            sigmaS[P] = Math.max(sigmaMetal * m + table.sigmaEl_S_per_m[id] * (1 - m), floorS);
                        }
                        source[P] = charge * free * (dispersed ? f.rate[P] + f.dispersedRate[P] : f.rate[P]);
                    }
                }
        });
    }

    /**
     * Metal fraction of a cell, f_free (h(xi) + delta) (docs/MODEL.md sections 3.3 and 3.6), at most 1
     * where a resolved front has reached dispersed metal.
     */
    public static double metalFraction(double freeFraction, double xi, double dispersed) {
        return dispersed == 0 ? freeFraction * Interpolation.h(xi) : Math.min(1, freeFraction * (Interpolation.h(xi) + dispersed));
    }

    /**
     * The part of a cell's metal fraction {@code metal} that carries the metal's ion path (lambda sigma_ion,max here,
     * D_metal in Nernst-Planck; docs/MODEL.md section 3.3): the resolved metal f_free h(xi) and the fraction
     * {@code dispersedPath} of the dispersed metal, all of {@code metal} at 1 (the default).
     */
    public static double ionPathFraction(double freeFraction, double xi, double metal, double dispersedPath) {
        if (dispersedPath == 1) return metal;
        final double resolved = freeFraction * Interpolation.h(xi);
        return resolved + dispersedPath * (metal - resolved);
    }
}
