package org.lipf.scenario;

/** Electrical control of the cell. YAML: {@code potentiostatic | galvanostatic}. */
public enum ControlMode {
    POTENTIOSTATIC,
    GALVANOSTATIC;

    public String yamlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
