package org.lipf.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A solid solution whose composition varies with depth in one layer, e.g. Mg diffused into Li:
 * the fraction of {@code to} at depth d below the entry surface is
 * {@code x(d) = surfaceFraction erfc(d / diffusionLength)} (diffusion from a constant-composition
 * surface, diffusionLength = 2 sqrt(D t)). The kernels read properties per material, so the
 * profile is represented by {@code levels} generated materials at x_n = surfaceFraction n / levels
 * (n = 1..levels), named {@code <from>-<to>-<n>of<levels>}, whose parameters mix those of
 * {@code from} (the layer's material) and {@code to}; each cell of the layer takes the level
 * nearest its x, and cells at level 0 keep the layer material.
 */
public record GradientSpec(int layer, String from, String to, double surfaceFraction, double diffusionLength_m, int levels, Surface surface,
        Mixing mixing) {
    /** The surface of the layer the solute enters from. */
    public enum Surface { TOP, BOTTOM }

    /** How a generated material's parameters mix those of {@code from} and {@code to}. */
    public enum Mixing {
        /** (1 - x) p_from + x p_to. */
        LINEAR,
        /** p_from^(1 - x) p_to^x, linear where either is 0: for conductivities spanning decades. */
        LOG
    }

    public GradientSpec {
        if (layer < 0) throw new IllegalArgumentException("layer must be >= 0, got " + layer);
        Checks.notNull("from", from);
        Checks.notNull("to", to);
        if (!(surfaceFraction > 0 && surfaceFraction <= 1)) throw new IllegalArgumentException("surface_fraction must be in (0, 1], got " + surfaceFraction);
        Checks.positive("diffusion_length", diffusionLength_m);
        if (levels < 1) throw new IllegalArgumentException("levels must be >= 1, got " + levels);
        Checks.notNull("surface", surface);
        Checks.notNull("mixing", mixing);
    }

    /** Name of generated level n (1..levels). */
    public String levelName(int n) {
        return from + "-" + to + "-" + n + "of" + levels;
    }

    /** Fraction of {@code to} of level n. */
    public double levelFraction(int n) {
        return surfaceFraction * n / levels;
    }

    /** Level (0..levels) of a cell whose centre is {@code depth_m} below the entry surface. */
    public int levelAt(double depth_m) {
        double x = surfaceFraction * org.apache.commons.math3.special.Erf.erfc(depth_m / diffusionLength_m);
        return (int) Math.min(levels, Math.round(x / surfaceFraction * levels));
    }

    /** The depth below the entry surface down to which a cell centre takes level 1 or above (x rounds to half a level or more). */
    public double drawnDepth_m() {
        return diffusionLength_m * org.apache.commons.math3.special.Erf.erfcInv(0.5 / levels);
    }

    /** The generated materials, level 1 first. */
    public List<MaterialSpec> materials(MaterialSpec fromSpec, MaterialSpec toSpec) {
        List<MaterialSpec> out = new ArrayList<>();
        for (int n = 1; n <= levels; n++) {
            double x = levelFraction(n);
            double rho = fromSpec.hasDensity() && toSpec.hasDensity() ? mix(fromSpec.density_kg_per_m3(), toSpec.density_kg_per_m3(), x) : Double.NaN;
            String source = String.format(Locale.ROOT, "gradient level %d of %d: fraction %.6g of '%s' in '%s' (%s mixing of their parameters)", n, levels, x, to, from,
                    mixing.name().toLowerCase(Locale.ROOT));
            out.add(new MaterialSpec(levelName(n), mix(fromSpec.diffusivity_m2_per_s(), toSpec.diffusivity_m2_per_s(), x),
                    mix(fromSpec.sigmaIon_S_per_m(), toSpec.sigmaIon_S_per_m(), x), mix(fromSpec.sigmaEl_S_per_m(), toSpec.sigmaEl_S_per_m(), x),
                    mix(fromSpec.exchangeCurrentDensity_A_per_m2(), toSpec.exchangeCurrentDensity_A_per_m2(), x),
                    Math.min(1, (1 - x) * fromSpec.freeFraction() + x * toSpec.freeFraction()), rho, source));
        }
        return out;
    }

    double mix(double a, double b, double x) {
        if (mixing == Mixing.LOG && a > 0 && b > 0) return Math.exp((1 - x) * Math.log(a) + x * Math.log(b));
        return (1 - x) * a + x * b;
    }
}
