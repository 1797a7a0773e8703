package org.lipf.scenario;

import java.util.regex.Pattern;

/**
 * Transport and reaction properties of one material (MODEL.md section 1), SI units.
 *
 * @param freeFraction volume fraction where Li metal may grow: 1 for electrolytes, the pore
 *     fraction for hosts, 0 for dense inert particles
 * @param density_kg_per_m3 mass density, {@code NaN} if not given (needed for weight fractions)
 * @param source citation of the numbers (free text, may be empty)
 */
public record MaterialSpec(String name, double diffusivity_m2_per_s, double sigmaIon_S_per_m, double sigmaEl_S_per_m,
        double exchangeCurrentDensity_A_per_m2, double freeFraction, double density_kg_per_m3, String source) {
    /** Valid material names: a letter, then letters, digits, '_' or '-'. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

    public MaterialSpec {
        if (name == null || !NAME.matcher(name).matches()) throw new IllegalArgumentException("invalid material name '" + name + "': use a letter then letters, digits, '_' or '-'");
        Checks.nonNegative("diffusivity", diffusivity_m2_per_s);
        Checks.nonNegative("ionic_conductivity", sigmaIon_S_per_m);
        Checks.nonNegative("electronic_conductivity", sigmaEl_S_per_m);
        Checks.nonNegative("exchange_current_density", exchangeCurrentDensity_A_per_m2);
        Checks.unitInterval("free_fraction", freeFraction);
        if (!Double.isNaN(density_kg_per_m3)) Checks.positive("density", density_kg_per_m3);
        if (source == null) source = "";
    }

    public boolean hasDensity() {
        return !Double.isNaN(density_kg_per_m3);
    }
}
