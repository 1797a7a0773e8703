package org.lipf.scenario;

/**
 * Electrical control. Potentiostatic: {@code voltage_V} is the applied cell voltage and
 * {@code currentDensity_A_per_m2} is NaN. Galvanostatic: {@code currentDensity_A_per_m2} is the
 * set current density (deposition positive) and {@code voltage_V} the initial voltage guess
 * (NaN if not given); or, instead of a constant current, a {@code protocol} (then the current
 * density is NaN).
 */
public record ControlSpec(ControlMode mode, double voltage_V, double currentDensity_A_per_m2, ProtocolSpec protocol) {
    public ControlSpec {
        Checks.notNull("mode", mode);
        if (mode == ControlMode.POTENTIOSTATIC) {
            Checks.finite("voltage", voltage_V);
            if (!Double.isNaN(currentDensity_A_per_m2)) throw new IllegalArgumentException("current_density is not used in potentiostatic mode");
            if (protocol != null) throw new IllegalArgumentException("a protocol needs mode: galvanostatic");
        } else {
            if (protocol == null) Checks.finite("current_density", currentDensity_A_per_m2);
            else if (!Double.isNaN(currentDensity_A_per_m2)) throw new IllegalArgumentException("current_density is set by the protocol");
            if (!Double.isNaN(voltage_V)) Checks.finite("voltage", voltage_V);
        }
    }

    /** Constant voltage or constant current. */
    public ControlSpec(ControlMode mode, double voltage_V, double currentDensity_A_per_m2) {
        this(mode, voltage_V, currentDensity_A_per_m2, null);
    }
}
