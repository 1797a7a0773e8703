package org.lipf.model;

/** CODATA constants used by the model (SI). */
public final class PhysicalConstants {
    /** Faraday constant, C/mol. */
    public static final double FARADAY_C_PER_MOL = 96485.33212;
    /** Molar gas constant, J/(mol K). */
    public static final double GAS_CONSTANT_J_PER_MOL_K = 8.314462618;

    private PhysicalConstants() {}
}
