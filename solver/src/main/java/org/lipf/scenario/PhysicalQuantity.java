package org.lipf.scenario;

/**
 * The kinds of physical quantity a scenario value can have, each with its SI unit (the unit every
 * value is converted to), a phrase for error messages and an example of valid input.
 *
 * <p>{@link #DIMENSIONLESS} accepts a bare number, {@code %} or {@code one}; every other kind
 * needs an explicit unit. {@link #ANGLE} accepts {@code deg} or {@code rad} only (Indriya treats
 * angles as dimensionless, so the check is on the system unit being the radian).
 */
public enum PhysicalQuantity {
    LENGTH("a length", "m", "30 um"),
    TIME("a time", "s", "100 s"),
    TEMPERATURE("a temperature", "K", "300 K"),
    POTENTIAL("a potential", "V", "-0.45 V"),
    CURRENT_DENSITY("a current density", "A/m^2", "5 mA/cm^2"),
    AREAL_CAPACITY("an areal capacity", "C/m^2", "0.25 mAh/cm^2"),
    DIFFUSIVITY("a diffusivity", "m^2/s", "1e-8 cm^2/s"),
    CONDUCTIVITY("a conductivity", "S/m", "2.5 mS/cm"),
    CONCENTRATION("a concentration", "mol/m^3", "7.64e4 mol/m^3"),
    MOBILITY("an Allen-Cahn mobility", "m^3/(J*s)", "2.5e-6 m^3/(J*s)"),
    INTERFACE_ENERGY("an interface energy", "J/m^2", "1.18 J/m^2"),
    DENSITY("a mass density", "kg/m^3", "4.9 g/cm^3"),
    PRESSURE("a pressure", "Pa", "70 MPa"),
    ANGLE("an angle", "rad", "45 deg"),
    /** Per mole; {@code eV} (per particle) is read as F J/mol, {@code kJ/mol} as it is. */
    ACTIVATION_ENERGY("an activation energy", "J/mol", "0.3 eV"),
    /** A pressure times m^(1/2), parsed by {@link UnitParser} as such (Indriya cannot convert fractional powers). */
    FRACTURE_TOUGHNESS("a fracture toughness", "Pa*m^(1/2)", "0.23 MPa*m^(1/2)"),
    DIMENSIONLESS("a dimensionless number", "", "0.2 or 20 %");

    /** Phrase used in messages, e.g. "a length". */
    public final String description;
    /** ASCII symbol of the SI unit, parseable by {@link UnitParser}; empty for dimensionless. */
    public final String siSymbol;
    /** An example of valid input. */
    public final String example;

    PhysicalQuantity(String description, String siSymbol, String example) {
        this.description = description;
        this.siSymbol = siSymbol;
        this.example = example;
    }
}
