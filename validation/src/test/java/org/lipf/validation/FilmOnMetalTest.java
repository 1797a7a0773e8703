package org.lipf.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.DoubleStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lipf.grid.Grid;
import org.lipf.grid.Parallel;
import org.lipf.model.ButlerVolmer;
import org.lipf.model.FieldSet;
import org.lipf.model.MaterialTable;
import org.lipf.solver.BackendFactory;
import org.lipf.solver.Simulation;

/**
 * A film carried by the metal surface (an {@code on_metal} coating, docs/MODEL.md sections 1.2 and
 * 3.1) puts its area resistance R in series with the Butler-Volmer reaction, i = i0 BV(eta + R i).
 * Measured on the flat front of {@link Cases#flatFront} (its electrolyte conducts so well that
 * eta is the applied voltage), on every backend.
 */
class FilmOnMetalTest {
    private static final double I0_A_PER_M2 = 2.91;
    /** Diffuse-interface and time-discretisation error allowed on the current, as in ButlerVolmerTest. */
    private static final double TOLERANCE = 0.03;
    private static final double FILM_NM = 50;

    /** The flat front under a uniform 50 nm film of the given ionic conductivity (R = 50 nm / sigma). */
    private static String filmFront(String control, double sigma_S_per_m, String coatingExtras) {
        return Cases.flatFront(control)
                .replace("geometry:", "  film: {diffusivity: 1e-16 m^2/s, ionic_conductivity: " + sigma_S_per_m
                        + " S/m, electronic_conductivity: 0 S/m, exchange_current_density: 2.91 A/m^2, free_fraction: 0}\ngeometry:")
                .replace("\ncontrol:", "\n  coatings: [{material: film, layer: 0, thickness: " + FILM_NM + " nm, on_metal: true" + coatingExtras + "}]\ncontrol:");
    }

    /** Two film resistances (0.01 and 0.05 ohm m^2, the second that of paper C's MgF2-derived layer) at two overpotentials. */
    static Stream<Arguments> cases() {
        return Backends.names().flatMap(b -> DoubleStream.of(0.01, 0.05)
                .boxed().flatMap(R -> DoubleStream.of(-0.1, -0.05).mapToObj(eta -> Arguments.of(b, R, eta))));
    }

    @ParameterizedTest(name = "{0}: R = {1} ohm m^2, eta = {2} V")
    @MethodSource("cases")
    void flatFrontCurrentFollowsButlerVolmerBehindTheFilm(String backend, double R_ohm_m2, double eta_V) {
        BackendFactory factory = Backends.of(backend);
        double sigma = FILM_NM * 1e-9 / R_ohm_m2;
        try (Parallel parallel = new Parallel(2)) {
            double measured = Cases.volumeCurrent(filmFront(potentiostatic(eta_V), sigma, ""), parallel, factory)
                    - Cases.volumeCurrent(filmFront(potentiostatic(0), sigma, ""), parallel, factory);
            double f = Cases.start(Cases.flatFront(potentiostatic(0)), Map.of(), parallel).parameters().f_per_V();
            double expected = seriesRoot(eta_V, R_ohm_m2, f);
            // the film must matter: well below the bare-metal current
            assertTrue(expected < 0.7 * I0_A_PER_M2 * ButlerVolmer.depositionFactor(eta_V, 1, 0.5, f));
            assertEquals(expected, measured, TOLERANCE * expected, () -> "flat-front current behind R = " + R_ohm_m2 + " ohm m^2 at eta = " + eta_V + " V");
        }
    }

    /** The root of i = i0 BV(eta + R i) (c = 1, alpha = 1/2) by bisection: i - i0 BV(eta + R i) increases with i. */
    private static double seriesRoot(double eta_V, double R, double f) {
        double lo = 0, hi = I0_A_PER_M2 * ButlerVolmer.depositionFactor(eta_V, 1, 0.5, f);
        for (int i = 0; i < 200; i++) {
            double mid = 0.5 * (lo + hi);
            if (mid - I0_A_PER_M2 * ButlerVolmer.depositionFactor(eta_V + R * mid, 1, 0.5, f) > 0) hi = mid; else lo = mid;
        }
        return 0.5 * (lo + hi);
    }

    private static String potentiostatic(double V) {
        return "{mode: potentiostatic, voltage: " + V + " V}";
    }

    /**
     * A 2 um crack through a 0.05 ohm m^2 film on an 8 um wide front at 1 mA/cm^2. The crack (area
     * fraction a) and the film carry their currents in parallel at the same eta: i_c = i0 BV(eta)
     * in the crack, i_f = i0 BV(eta + R i_f) under the film, so i_f &lt;= |eta| / R and i_f &lt;= i_c.
     * With c = 1 and alpha = 1/2, |eta| = (2/f) asinh(i_c / (2 i0)), and the mean i = a i_c + (1 - a) i_f
     * gives the constriction bound
     * <pre>
     *   i_c / i &gt;= 1 / (a + (1 - a) (2/f) asinh(i / (2 i0)) / (R i))     (i_c &gt;= i, asinh(x)/x decreasing)
     * </pre>
     * 2.85 here (at most 1 / a = 4, all the current in the crack). Measured from the reaction rate
     * ({@link Simulation#reactionRate}) 2 ms after the start, while the front is still flat, and after
     * 0.2 s, when capillarity (a mean-curvature flow of coefficient L_sigma kappa0 ~ 1e-11 m^2/s) has
     * spread the deposit sideways over sqrt(L_sigma kappa0 t) ~ 1.4 um: the front's motion d xi/dt then
     * holds that spreading, the reaction still runs through the crack.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.lipf.validation.Backends#names")
    void crackInAResistiveFilmCarriesMostOfTheCurrent(String backend) {
        double R = 0.05, i = 10, a = 0.25;
        String yaml = filmFront("{mode: galvanostatic, current_density: 1 mA/cm^2}", FILM_NM * 1e-9 / R, ", cracks: 1, crack_width: 2 um, seed: 2");
        try (Parallel parallel = new Parallel(2);
             Simulation sim = Cases.start(yaml, Map.of("grid.width", "8 um"), parallel, Backends.of(backend))) {
            double f = sim.parameters().f_per_V();
            double bound = 1 / (a + (1 - a) * (2 / f) * asinh(i / (2 * I0_A_PER_M2)) / (R * i));
            for (double t : new double[] {0.002, 0.2}) {
                Cases.runTo(sim, t);
                double[] column = columnCurrents_A_per_m2(sim);
                double mean = 0, max = 0;
                for (double c : column) {
                    mean += c / column.length;
                    max = Math.max(max, c);
                }
                // the control holds the step's current; the fields at its end differ by the step's change
                assertEquals(i, mean, 1e-2 * i, "the set current at t = " + t + " s");
                assertTrue(max / mean > bound, "constriction " + max / mean + " at t = " + t + " s, bound " + bound);
                assertTrue(max / mean < 1 / a * 1.05, "constriction " + max / mean + " at t = " + t + " s beyond the crack's share 1/a");
            }
        }
    }

    private static double asinh(double x) {
        return Math.log(x + Math.sqrt(x * x + 1));
    }

    /** Deposition current density of each column from the reaction rate R: n F c_s sum_k f_free R dx, A/m^2. */
    private static double[] columnCurrents_A_per_m2(Simulation sim) {
        FieldSet fields = sim.fields();
        double[] reaction = sim.reactionRate();
        Grid g = sim.grid();
        MaterialTable table = new MaterialTable(sim.scenario(), sim.parameters());
        double[] out = new double[g.nx];
        for (int i = 0; i < g.nx; i++)
            for (int k = 0; k < g.nz; k++) {
                int P = g.index(i, 0, k);
                out[i] += table.freeFraction[fields.material[P]] * reaction[P] * g.dx_m * sim.parameters().chargeDensity_C_per_m3();
            }
        return out;
    }
}
