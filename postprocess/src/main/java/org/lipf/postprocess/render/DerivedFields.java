package org.lipf.postprocess.render;

import java.util.Arrays;
import java.util.List;
import org.lipf.cli.RunDriver;
import org.lipf.grid.Grid;
import org.lipf.grid.Parallel;
import org.lipf.kernels.cpu.PotentialCoefficients;
import org.lipf.model.FieldSet;
import org.lipf.model.MaterialTable;
import org.lipf.model.ModelParameters;
import org.lipf.output.Snapshot;
import org.lipf.postprocess.RunFolderException;
import org.lipf.postprocess.metrics.CellBlock;
import org.lipf.scenario.Scenario;

/**
 * The fields of {@link FieldKind} from one snapshot and the run's scenario, in SI units, compact C
 * order like the snapshot's arrays.
 *
 * <ul>
 * <li>eta: the solver's overpotential {@code phi_s - phi_l - E_eq} (single-potential form:
 * {@code phi - E_eq}), {@code AllenCahnUpdate.overpotential}. It drives deposition only at the
 * metal surface; elsewhere it is the local potential difference.
 * <li>current: the magnitude of the total current density {@code |i_l + i_s|}, A/m^2, with
 * {@code i = -sigma grad phi} per potential (single form: the one potential). Cell conductivities
 * come from the solver's own {@link PotentialCoefficients} (same mixing rules, the metal's ion path
 * and floors; the metal fraction f_free (h(xi) + delta) counts the dispersed metal of a host's pores,
 * docs/MODEL.md section 3.6, which carries a host's current), face conductivities are harmonic means of the two cells and the boundary faces carry
 * the boundary values of docs/MODEL.md section 4 (phi_s or phi = the cell voltage at the
 * collector, phi_l = 0 at the counter boundary), as in {@code VariableCoefficientPoisson}; the cell
 * value averages the fluxes through its two faces on each axis. In the electrolyte it is the ionic
 * current, in the metal the electronic one. It is exact to the discrete fluxes of the solve that
 * wrote the snapshot, except that the reaction term of that solve (d xi/dt) is not stored, which
 * does not enter the fluxes.
 * <li>dispersed_li: the snapshot's {@code dispersed_li}, the fill of a host's pores by its dispersed metal (docs/MODEL.md
 * section 3.6), 0 to 1.
 * <li>film_resistance: the snapshot's {@code film_resistance_ohm_m2}, each column's value repeated along z; NaN where the
 * film blocks the ions (a run written before 2026-12-08 holds Infinity there, read as NaN).
 * </ul>
 */
public final class DerivedFields {
    private DerivedFields() {
    }

    /** The field of {@code kind} (not the morphology), SI units. */
    public static double[] si(FieldKind kind, Snapshot s, Scenario scenario) throws RunFolderException {
        return switch (kind) {
            case C -> s.field("c");
            case PHI_L -> s.field("phi_l");
            case PHI_S -> s.field("phi_s");
            case ETA -> overpotential_V(s, scenario);
            case CURRENT -> currentDensity_A_per_m2(s, scenario);
            case FILM_RESISTANCE -> filmResistance_ohm_m2(s);
            case XI -> s.field("xi");
            case DISPERSED_LI -> dispersedLi(s);
        };
    }

    /** The dispersed metal of a host's pores, delta: the fraction of the free volume it fills. */
    static double[] dispersedLi(Snapshot s) throws RunFolderException {
        if (!s.fields().containsKey(RunDriver.DISPERSED_FIELD))
            throw new RunFolderException("--field " + FieldKind.DISPERSED_LI.key + ": the run holds no dispersed metal (its scenario has no "
                    + "model.nucleation.into: dispersed, docs/MODEL.md section 3.6)");
        return s.field(RunDriver.DISPERSED_FIELD);
    }

    /**
     * The Li finer than the grid per cell, as a volume fraction of the cell: a host's dispersed metal f_free delta
     * (docs/MODEL.md section 3.6) and the Li at its faces, counted in the ion conductor's cell next to the face (section
     * 3.6.1), as the metrics count them; null where the snapshot has neither.
     *
     * @param freeFraction f_free per material id of the snapshot
     */
    public static double[] subgridLi(Snapshot s, double[] freeFraction) {
        if (!hasSubgridLi(s)) return null;
        boolean dispersed = s.fields().containsKey(RunDriver.DISPERSED_FIELD), faces = s.fields().containsKey(RunDriver.FACE_LI_FIELD);
        byte[] material = s.material();
        double[] li = new double[material.length];
        if (dispersed) {
            double[] delta = s.field(RunDriver.DISPERSED_FIELD);
            for (int P = 0; P < li.length; P++) li[P] = freeFraction[material[P]] * delta[P];
        }
        if (faces) {
            double[] atFaces = s.field(RunDriver.FACE_LI_FIELD);
            for (int P = 0; P < li.length; P++) li[P] += atFaces[P];
        }
        return li;
    }

    /** Whether the snapshot holds Li finer than the grid (dispersed metal or Li at host faces: {@link #subgridLi}). */
    public static boolean hasSubgridLi(Snapshot s) {
        return s.fields().containsKey(RunDriver.DISPERSED_FIELD) || s.fields().containsKey(RunDriver.FACE_LI_FIELD);
    }

    /** The area resistance of the films on the metal per cell, ohm m^2: NaN where a film blocks the ions. */
    static double[] filmResistance_ohm_m2(Snapshot s) throws RunFolderException {
        if (!s.fields().containsKey(RunDriver.FILM_FIELD))
            throw new RunFolderException("--field film_resistance: the snapshots hold no " + RunDriver.FILM_FIELD
                    + " (the scenario has no film on the metal, a coating with on_metal: true, or none that covers a column)");
        return Arrays.stream(s.field(RunDriver.FILM_FIELD)).map(R -> Double.isInfinite(R) ? Double.NaN : R).toArray();
    }

    /** eta per cell, V. */
    public static double[] overpotential_V(Snapshot s, Scenario scenario) {
        ModelParameters p = ModelParameters.from(scenario);
        double[] phiL = s.field("phi_l"), phiS = s.field("phi_s"), eta = new double[phiL.length];
        for (int P = 0; P < eta.length; P++) eta[P] = (p.singlePotential() ? phiL[P] : phiS[P] - phiL[P]) - p.equilibriumPotential_V();
        return eta;
    }

    /** |i_l + i_s| per cell, A/m^2. */
    public static double[] currentDensity_A_per_m2(Snapshot s, Scenario scenario) throws RunFolderException {
        double[][] i = currentVector_A_per_m2(s, scenario);
        double[] mag = new double[i[0].length];
        for (int P = 0; P < mag.length; P++) mag[P] = Math.sqrt(i[0][P] * i[0][P] + i[1][P] * i[1][P] + i[2][P] * i[2][P]);
        return mag;
    }

    /**
     * The total current density i_l + i_s per cell, A/m^2, as {@code {i_x, i_y, i_z}} (i_y = 0 in 2D;
     * i_z &lt; 0 where current flows towards the collector, as in deposition).
     */
    public static double[][] currentVector_A_per_m2(Snapshot s, Scenario scenario) throws RunFolderException {
        if (!List.copyOf(s.materialNames()).equals(scenario.materialNames()))
            throw new RunFolderException("snapshot materials " + s.materialNames() + " differ from the scenario's " + scenario.materialNames());
        CellBlock b = CellBlock.of(s.shape(), s.dx_m());
        Grid g = new Grid(b.nx(), b.ny(), b.nz(), b.dx_m());
        ModelParameters p = ModelParameters.from(scenario);
        boolean single = p.singlePotential();
        // the snapshot's fields as a restart reads them: the metal fraction counts the dispersed metal of a host's pores
        FieldSet f = RunDriver.fieldsOf(g, single, s);
        double[] sigmaL = g.newField(), sigmaS = single ? null : g.newField(), source = g.newField();
        try (Parallel serial = Parallel.serial()) {
            new PotentialCoefficients(g, p, new MaterialTable(scenario, p), serial).compute(f, sigmaL, sigmaS, source);
        }
        double[][] i = new double[3][b.cellCount()];
        double v = s.cellVoltage_V();
        if (single) {
            addCurrent(b, g.interior(sigmaL), s.field("phi_l"), v, 0, i);
        } else {
            addCurrent(b, g.interior(sigmaL), s.field("phi_l"), Double.NaN, 0, i);
            addCurrent(b, g.interior(sigmaS), s.field("phi_s"), v, Double.NaN, i);
        }
        return i;
    }

    /**
     * Adds {@code -sigma grad phi} at the cell centres to {@code i[axis][cell]} (x, y, z).
     *
     * @param bottom_V phi on the collector face, NaN for zero flux
     * @param top_V phi on the counter-boundary face, NaN for zero flux
     */
    static void addCurrent(CellBlock b, double[] sigma, double[] phi, double bottom_V, double top_V, double[][] i) {
        double h = b.dx_m();
        for (int k = 0; k < b.nz(); k++)
            for (int j = 0; j < b.ny(); j++)
                for (int x = 0; x < b.nx(); x++) {
                    int P = b.index(x, j, k);
                    int E = b.index((x + 1) % b.nx(), j, k), W = b.index((x + b.nx() - 1) % b.nx(), j, k);
                    i[0][P] += 0.5 * (faceFlux(sigma, phi, P, E, h) + faceFlux(sigma, phi, W, P, h));
                    if (b.is3D()) {
                        int N = b.index(x, (j + 1) % b.ny(), k), S = b.index(x, (j + b.ny() - 1) % b.ny(), k);
                        i[1][P] += 0.5 * (faceFlux(sigma, phi, P, N, h) + faceFlux(sigma, phi, S, P, h));
                    }
                    double up = k < b.nz() - 1 ? faceFlux(sigma, phi, P, b.index(x, j, k + 1), h)
                            : Double.isNaN(top_V) ? 0 : -sigma[P] * (top_V - phi[P]) / (h / 2);
                    double down = k > 0 ? faceFlux(sigma, phi, b.index(x, j, k - 1), P, h)
                            : Double.isNaN(bottom_V) ? 0 : -sigma[P] * (phi[P] - bottom_V) / (h / 2);
                    i[2][P] += 0.5 * (up + down);
                }
    }

    /** Current density from cell a to cell b (the next one along the axis), harmonic-mean face conductivity. */
    private static double faceFlux(double[] sigma, double[] phi, int a, int b, double h) {
        double face = 2 * sigma[a] * sigma[b] / (sigma[a] + sigma[b]);
        return -face * (phi[b] - phi[a]) / h;
    }
}
