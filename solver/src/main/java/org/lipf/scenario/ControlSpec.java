package org.lipf.scenario;

/**
 * Electrical control. Potentiostatic: {@code voltage_V} is the applied cell voltage and
 * {@code currentDensity_A_per_m2} is NaN. Galvanostatic: {@code currentDensity_A_per_m2} is the
 * set current density (deposition positive) and {@code voltage_V} the initial voltage guess
 * (NaN if not given).
 */
public record ControlSpec(ControlMode mode, double voltage_V, double currentDensity_A_per_m2) {
    public ControlSpec {
        Checks.notNull("mode", mode);
        if (mode == ControlMode.POTENTIOSTATIC) {
            Checks.finite("voltage", voltage_V);
            if (!Double.isNaN(currentDensity_A_per_m2)) throw new IllegalArgumentException("current_density is not used in potentiostatic mode");
        } else {
            Checks.finite("current_density", currentDensity_A_per_m2);
            if (!Double.isNaN(voltage_V)) Checks.finite("voltage", voltage_V);
        }
    }
}
