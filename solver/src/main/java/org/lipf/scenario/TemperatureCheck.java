package org.lipf.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a scenario's temperature leaves as given (docs/MODEL.md section 1.3): the ion transport of materials without an
 * activation energy, and every material's exchange current density, electronic conductivity and fracture data.
 */
public final class TemperatureCheck {
    /** How far the scenario's temperature may lie from a material's reference temperature without a warning, K. */
    public static final double TOLERANCE_K = 5;

    private TemperatureCheck() {}

    /**
     * The start-of-run report's warning where the temperature lies more than {@link #TOLERANCE_K} from the reference
     * temperature of a material it cannot scale, else null.
     */
    public static String warning(Scenario s) {
        double T = s.model().temperature_K();
        List<String> unscaled = new ArrayList<>();
        boolean away = false;
        for (MaterialSpec m : s.materials()) {
            double tRef = m.referenceTemperature_K();
            if (Double.isNaN(tRef) || m.hasActivationEnergy() || Math.abs(T - tRef) <= TOLERANCE_K) continue;
            away = true;
            if (m.sigmaIon_S_per_m() > 0) unscaled.add(String.format(Locale.ROOT, "%s (%.2f K)", m.name(), tRef));
        }
        if (!away) return null;
        return String.format(Locale.ROOT, "model.temperature: %.2f K; %sexchange current densities, electronic conductivities and fracture data are "
                + "used as given at any temperature, so at fixed exchange currents kinetic overpotentials grow with the temperature (f = nF/RT falls) "
                + "and kinetics-limited critical currents fall: give them at the scenario's temperature (docs/MODEL.md section 1.3)", T,
                unscaled.isEmpty() ? "" : "the ion transport of " + String.join(", ", unscaled) + " is taken at its reference temperature (no activation_energy); ");
    }
}
