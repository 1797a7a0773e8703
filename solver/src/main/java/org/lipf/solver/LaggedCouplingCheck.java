package org.lipf.solver;

import org.lipf.grid.Grid;
import org.lipf.linear.SolverDivergedException;

/**
 * Whether the lagged coupling of the reaction and the potentials (docs/MODEL.md section 5.4.1) has diverged. With
 * sources consistent with the potentials the electrolyte and its interfaces are passive (Ohm's law, Butler-Volmer:
 * monotone), so the ionic potential stays between the terminals' values, 0 at the counter face and the collector's V
 * at which the step's sources ran, widened by the equilibrium potential E_eq (the lagged phi_l follows from those
 * sources alone, so a galvanostatic switch of the current does not move its bounds). A source lagged by a step overshoots where
 * the cell's resistance times the reaction's conductance exceeds about 1 (large overpotentials, large exchange
 * currents) and drives it beyond: the next step then plated or stripped at volts of overpotential, opened millimetres
 * of voids or ran a crack through the pellet (a false short) before anything failed.
 */
final class LaggedCouplingCheck {
    /**
     * How far beyond the terminals' range, as a fraction of it (at least 50 mV), the lagged potential may stray: the
     * lagged source also carries the capillary redistribution of the metal and the noise, sources of both signs
     * that move phi_l locally by some 10 mV (14 mV next to bare-li-lpscl.yaml's nucleus at -0.03 V, which a 10 mV
     * slack took for a divergence); a diverging source overshoots by the applied voltage and more.
     */
    static final double SLACK = 0.5, SLACK_MIN_V = 0.05;
    /** Cells below this xi count as electrolyte here (h' below 3e-3 of its peak: no capillary source to speak of). */
    static final double ELECTROLYTE_XI = 0.01;

    private LaggedCouplingCheck() {}

    /**
     * Throws if phi (the ionic potential, or the single potential) leaves [min(V, 0), max(V, 0)], widened by |E_eq| and
     * the slack, in a cell of the electrolyte away from the interface (xi &lt; {@link #ELECTROLYTE_XI}): the capillary
     * sources sit in the interface (excursions of 25-31 mV at xi 0.36-0.5 next to bare-li-lpscl.yaml's nucleus), and
     * the passive electrolyte beyond them carries the bound; a diverging source moves the whole electrolyte.
     */
    static void requireBounded(Grid g, double[] phi, double[] xi, double V, double equilibrium_V) {
        final double slack = Math.max(SLACK * Math.abs(V), SLACK_MIN_V) + Math.abs(equilibrium_V);
        final double lo = Math.min(V, 0) - slack, hi = Math.max(V, 0) + slack;
        for (int k = 0; k < g.nz; k++)
            for (int j = 0; j < g.ny; j++) {
                final int start = g.rowStart(j, k);
                for (int P = start; P < start + g.nx; P++)
                    if (xi[P] < ELECTROLYTE_XI && !(phi[P] >= lo && phi[P] <= hi))
                        throw new SolverDivergedException(String.format(java.util.Locale.ROOT,
                                "the potentials solved with the reaction lagged by a step diverged: the ionic potential reached %.3g V at cell "
                                        + "(%d,%d,%d) of the electrolyte, outside %.3g .. %.3g V (the cell's terminals at %.3g and 0 V, with a slack for "
                                        + "the capillary sources), which a consistent solution cannot leave: this happens where the reaction's conductance "
                                        + "is large against the electrolyte's (large overpotentials, large exchange currents, or a stripping crowded into "
                                        + "a small contact by voids): set solver: {reaction_coupling: implicit} (docs/MODEL.md section 5.4.1)", phi[P], P - start, j, k, lo, hi, V), 0, phi[P]);
            }
    }
}
