package org.lipf.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a scenario's temperature leaves as given (docs/MODEL.md section 1.3): the ion transport of materials without an
 * activation energy, the exchange current densities without theirs, and every material's electronic conductivity and
 * fracture data.
 */
public final class TemperatureCheck {
    /** How far the scenario's temperature may lie from a material's reference temperature without a warning, K. */
    public static final double TOLERANCE_K = 5;

    private TemperatureCheck() {}

    /**
     * The start-of-run report's warning where the temperature lies more than {@link #TOLERANCE_K} from the temperature
     * a material's ion transport or exchange current density holds at and cannot be scaled from, else null.
     */
    public static String warning(Scenario s) {
        double T = s.model().temperature_K();
        List<String> transport = new ArrayList<>(), kinetics = new ArrayList<>();
        boolean away = false;
        for (MaterialSpec m : s.materials()) {
            double tRef = m.referenceTemperature_K(), tI0 = m.exchangeCurrentTemperature_K();
            if (!Double.isNaN(tRef) && !(m.activationEnergy_J_per_mol() > 0) && Math.abs(T - tRef) > TOLERANCE_K) {
                away = true;
                if (m.sigmaIon_S_per_m() > 0) transport.add(String.format(Locale.ROOT, "%s (%.2f K)", m.name(), tRef));
            }
            if (!Double.isNaN(tI0) && !(m.exchangeCurrentActivationEnergy_J_per_mol() > 0) && Math.abs(T - tI0) > TOLERANCE_K) {
                away = true;
                if (m.exchangeCurrentDensity_A_per_m2() > 0) kinetics.add(String.format(Locale.ROOT, "%s (%.2f K)", m.name(), tI0));
            }
        }
        if (!away) return null;
        String kineticsClause = kinetics.isEmpty() ? "" : (kinetics.size() == 1
                ? "the exchange current density of " + kinetics.get(0) + " is taken at the temperature it holds at"
                : "the exchange current densities of " + String.join(", ", kinetics) + " are taken at the temperatures they hold at")
                + " (no exchange_current_activation_energy, or 0): above those temperatures kinetic overpotentials come out too large and "
                + "kinetics-limited critical currents too small, below them the reverse; ";
        return String.format(Locale.ROOT, "model.temperature: %.2f K; %s%selectronic conductivities and fracture data are used as given at any "
                + "temperature; give activation energies, or the values at the scenario's temperature (docs/MODEL.md section 1.3)", T,
                transport.isEmpty() ? "" : "the ion transport of " + String.join(", ", transport) + " is taken at its reference temperature (no activation_energy, or 0); ",
                kineticsClause);
    }
}
