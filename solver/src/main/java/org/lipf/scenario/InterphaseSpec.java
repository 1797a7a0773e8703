package org.lipf.scenario;

/**
 * A material that Li metal reduces on contact (LAGP: Ge4+ to Ge/Li-Ge, paper E), turning into a
 * mixed-conducting interphase that grows with a parabolic rate law {@code L(t)^2 = 2 k t}
 * (docs/MODEL.md section 3.5).
 *
 * @param reactant the material that is reduced
 * @param product the interphase material it becomes
 * @param rateConstant_m2_per_s k of the parabolic law
 */
public record InterphaseSpec(String reactant, String product, double rateConstant_m2_per_s) {
    public InterphaseSpec {
        Checks.notNull("material", reactant);
        Checks.notNull("product", product);
        Checks.positive("rate_constant", rateConstant_m2_per_s);
        if (reactant.equals(product)) throw new IllegalArgumentException("product must differ from the material it forms from");
    }

    /** Interphase thickness after a contact time t, m. */
    public double thickness_m(double time_s) {
        return Math.sqrt(2 * rateConstant_m2_per_s * Math.max(time_s, 0));
    }
}
