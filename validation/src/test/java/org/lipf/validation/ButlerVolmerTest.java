package org.lipf.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.stream.DoubleStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lipf.grid.Parallel;
import org.lipf.model.ButlerVolmer;
import org.lipf.model.ModelParameters;
import org.lipf.model.PhysicalConstants;
import org.lipf.solver.BackendFactory;

/**
 * MODEL.md section 8.4: the current of a flat front follows i0 BV(eta) with the set exchange
 * current density, i.e. the Faraday calibration of L_eta holds on the discrete grid. The current
 * is measured from the rate of change of the metal volume (not from the rate field) between 0.2
 * and 0.4 s, after the interface profile has settled, minus the same measurement at eta = 0 (the
 * discrete front's creep, about 0.2 A/m^2, docs/MODEL.md section 3.1).
 */
class ButlerVolmerTest {
    private static final double I0_A_PER_M2 = 2.91;
    /** Diffuse-interface and time-discretisation error allowed on the current. */
    private static final double TOLERANCE = 0.03;

    /** Every overpotential on every backend. */
    static Stream<Arguments> overpotentials() {
        return Backends.names().flatMap(b -> DoubleStream.of(-0.15, -0.1, -0.05, -0.02, 0.02, 0.05).mapToObj(eta -> Arguments.of(b, eta)));
    }

    @ParameterizedTest(name = "{0}: eta = {1} V")
    @MethodSource("overpotentials")
    void flatFrontCurrentFollowsButlerVolmer(String backend, double eta_V) {
        BackendFactory factory = Backends.of(backend);
        try (Parallel parallel = new Parallel(2)) {
            double measured = volumeCurrent(eta_V, parallel, factory) - volumeCurrent(0, parallel, factory);
            ModelParameters p = Cases.start(Cases.flatFront("{mode: potentiostatic, voltage: 0 V}"), Map.of(), parallel).parameters();
            double expected = I0_A_PER_M2 * ButlerVolmer.depositionFactor(eta_V, 1.0, 0.5, p.f_per_V());
            assertEquals(expected, measured, TOLERANCE * Math.abs(expected),
                    () -> "flat-front current at eta = " + eta_V + " V");
            assertEquals(PhysicalConstants.FARADAY_C_PER_MOL / (PhysicalConstants.GAS_CONSTANT_J_PER_MOL_K * 300), p.f_per_V(), 1e-12);
        }
    }

    private static double volumeCurrent(double eta_V, Parallel parallel, BackendFactory backend) {
        return Cases.volumeCurrent(Cases.flatFront("{mode: potentiostatic, voltage: " + eta_V + " V}"), parallel, backend);
    }

    @ParameterizedTest(name = "c = {0}")
    @ValueSource(doubles = {0.25, 1.0, 4.0})
    void butlerVolmerVanishesAtNernstPotential(double c) {
        double f = 38.68;
        double eta = ButlerVolmer.nernstOverpotential_V(c, f);
        assertEquals(0, ButlerVolmer.depositionFactor(eta, c, 0.5, f), 1e-12);
        assertEquals(0, ButlerVolmer.depositionFactor(eta, c, 0.3, f), 1e-12);
    }
}
