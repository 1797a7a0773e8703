package org.lipf.scenario;

/**
 * A horizontal layer; layers are stacked from the bottom (current collector) up. Cells whose
 * centre lies in the layer get its material and the initial {@code xi} and {@code c}.
 * A {@code thickness: rest} layer in YAML is resolved by the loader to the remaining height.
 */
public record LayerSpec(String material, double thickness_m, double xi, double c) {
    public LayerSpec {
        Checks.notNull("material", material);
        Checks.positive("thickness", thickness_m);
        Checks.unitInterval("xi", xi);
        Checks.nonNegative("c", c);
    }
}
