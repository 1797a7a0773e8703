package org.lipf.scenario;

import java.util.regex.Pattern;

/**
 * Transport and reaction properties of one material (MODEL.md section 1), SI units.
 *
 * @param freeFraction volume fraction where Li metal may grow: 1 for electrolytes, the pore
 *     fraction for hosts, 0 for dense inert particles
 * @param density_kg_per_m3 mass density, {@code NaN} if not given (needed for weight fractions)
 * @param fractureToughness_Pa_sqrt_m K_Ic of a brittle solid electrolyte, {@code NaN} if not given
 * @param flawSize_m size (radius) of the flaws at its surface that Li may enter, {@code NaN} if not given
 * @param youngsModulus_Pa its Young's modulus, {@code NaN} if not given (with K_Ic and the flaw size:
 *     the Li intrusion limit of docs/MODEL.md section 4.2)
 * @param poreSize_m radius of the closed pores inside it that its electronic leakage fills with Li (docs/MODEL.md
 *     section 4.2.1), {@code NaN} if not given (needs the intrusion limit's parameters)
 * @param criticalStrippingCurrent_A_per_m2 the stripping current density the Li supply to the metal's surface
 *     (vacancy diffusion, creep) sustains without voids: of the metal, or under a film on it; {@code NaN} if not given
 *     (docs/MODEL.md section 4.3)
 * @param voidDepth_m of the metal: the void volume per area over which its contact with the electrolyte falls by
 *     a factor e, {@code NaN} if not given (with the critical stripping current: voids at the stripping metal
 *     surface, docs/MODEL.md section 4.3)
 * @param activationEnergy_J_per_mol E_a of its ion transport (sigma_ion and D), {@code NaN} if not given: the values
 *     above are scaled to the scenario's temperature when it is read (docs/MODEL.md section 1.3)
 * @param referenceTemperature_K the temperature its values hold at, {@code NaN} if not given (with an activation
 *     energy: the scenario's, to which they were scaled)
 * @param exchangeCurrentActivationEnergy_J_per_mol E_a of its exchange current density, {@code NaN} if not given: i0 is
 *     then scaled to the scenario's temperature when it is read (docs/MODEL.md section 1.3)
 * @param exchangeCurrentReferenceTemperature_K the temperature its exchange current density holds at where that
 *     differs from the other values' (paper B's Tafel fits at -5 C), {@code NaN} where it is theirs (with an activation
 *     energy: the scenario's, to which i0 was scaled)
 * @param derived which of D and sigma_ion was derived from the other by Nernst-Einstein ({@code nernst-einstein} in the
 *     scenario, written so again in the resolved scenario, where another temperature derives it anew)
 * @param source citation of the numbers (free text, may be empty)
 */
public record MaterialSpec(String name, double diffusivity_m2_per_s, double sigmaIon_S_per_m, double sigmaEl_S_per_m,
        double exchangeCurrentDensity_A_per_m2, double freeFraction, double density_kg_per_m3,
        double fractureToughness_Pa_sqrt_m, double flawSize_m, double youngsModulus_Pa, double poreSize_m,
        double criticalStrippingCurrent_A_per_m2, double voidDepth_m, double activationEnergy_J_per_mol, double referenceTemperature_K,
        double exchangeCurrentActivationEnergy_J_per_mol, double exchangeCurrentReferenceTemperature_K, Derived derived, String source) {
    /** Which transport value was derived by Nernst-Einstein from the other. */
    public enum Derived { NONE, DIFFUSIVITY, IONIC_CONDUCTIVITY }

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
        if (Double.isNaN(fractureToughness_Pa_sqrt_m) != Double.isNaN(flawSize_m) || Double.isNaN(flawSize_m) != Double.isNaN(youngsModulus_Pa))
            throw new IllegalArgumentException("fracture_toughness, flaw_size and youngs_modulus go together: give all three or none");
        if (!Double.isNaN(flawSize_m)) {
            Checks.positive("fracture_toughness", fractureToughness_Pa_sqrt_m);
            Checks.positive("flaw_size", flawSize_m);
            Checks.positive("youngs_modulus", youngsModulus_Pa);
        }
        if (!Double.isNaN(poreSize_m)) {
            Checks.positive("pore_size", poreSize_m);
            if (Double.isNaN(flawSize_m)) throw new IllegalArgumentException("pore_size needs fracture_toughness, flaw_size and youngs_modulus");
        }
        if (!Double.isNaN(criticalStrippingCurrent_A_per_m2)) Checks.nonNegative("critical_stripping_current", criticalStrippingCurrent_A_per_m2);
        if (!Double.isNaN(voidDepth_m)) {
            Checks.positive("void_depth", voidDepth_m);
            if (Double.isNaN(criticalStrippingCurrent_A_per_m2)) throw new IllegalArgumentException("void_depth needs critical_stripping_current");
        }
        if (!Double.isNaN(activationEnergy_J_per_mol)) {
            Checks.nonNegative("activation_energy", activationEnergy_J_per_mol);
            if (Double.isNaN(referenceTemperature_K)) throw new IllegalArgumentException("activation_energy needs reference_temperature");
        }
        if (!Double.isNaN(referenceTemperature_K)) Checks.positive("reference_temperature", referenceTemperature_K);
        if (!Double.isNaN(exchangeCurrentActivationEnergy_J_per_mol)) {
            Checks.nonNegative("exchange_current_activation_energy", exchangeCurrentActivationEnergy_J_per_mol);
            if (Double.isNaN(exchangeCurrentReferenceTemperature_K) && Double.isNaN(referenceTemperature_K))
                throw new IllegalArgumentException("exchange_current_activation_energy needs exchange_current_reference_temperature or reference_temperature");
        }
        if (!Double.isNaN(exchangeCurrentReferenceTemperature_K)) Checks.positive("exchange_current_reference_temperature", exchangeCurrentReferenceTemperature_K);
        if (source == null) source = "";
        if (derived == null) derived = Derived.NONE;
    }

    /** A material without a Li intrusion limit (not a brittle solid electrolyte, or no data). */
    public MaterialSpec(String name, double diffusivity_m2_per_s, double sigmaIon_S_per_m, double sigmaEl_S_per_m,
            double exchangeCurrentDensity_A_per_m2, double freeFraction, double density_kg_per_m3, String source) {
        this(name, diffusivity_m2_per_s, sigmaIon_S_per_m, sigmaEl_S_per_m, exchangeCurrentDensity_A_per_m2, freeFraction, density_kg_per_m3,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Derived.NONE, source);
    }

    /** Whether voids open at this metal's surface when it strips faster than its Li supply (docs/MODEL.md section 4.3). */
    public boolean formsVoids() {
        return !Double.isNaN(voidDepth_m);
    }

    /** Whether it gives a critical stripping current (a metal, or a film on the metal). */
    public boolean hasCriticalStrippingCurrent() {
        return !Double.isNaN(criticalStrippingCurrent_A_per_m2);
    }

    /** Whether Li can intrude into flaws of this material (docs/MODEL.md section 4.2). */
    public boolean hasIntrusionLimit() {
        return !Double.isNaN(flawSize_m);
    }

    /** Whether its electronic leakage fills closed pores inside it with Li (docs/MODEL.md section 4.2.1). */
    public boolean hasLeakagePores() {
        return !Double.isNaN(poreSize_m);
    }

    /** Whether its ion transport was scaled to the scenario's temperature (docs/MODEL.md section 1.3). */
    public boolean hasActivationEnergy() {
        return !Double.isNaN(activationEnergy_J_per_mol);
    }

    /** Whether its exchange current density was scaled to the scenario's temperature (docs/MODEL.md section 1.3). */
    public boolean hasExchangeCurrentActivationEnergy() {
        return !Double.isNaN(exchangeCurrentActivationEnergy_J_per_mol);
    }

    /** The temperature its exchange current density holds at: its own where given, else that of its other values ({@code NaN} if neither). */
    public double exchangeCurrentTemperature_K() {
        return Double.isNaN(exchangeCurrentReferenceTemperature_K) ? referenceTemperature_K : exchangeCurrentReferenceTemperature_K;
    }

    public boolean hasDensity() {
        return !Double.isNaN(density_kg_per_m3);
    }
}
