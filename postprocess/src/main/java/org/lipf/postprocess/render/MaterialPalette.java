package org.lipf.postprocess.render;

import java.util.List;

/**
 * Colours of the morphology pictures: muted, clearly distinct colours for the materials (by
 * material id, in the scenario's order), so that the Li metal drawn on top in a strong
 * silver-blue stands out. Materials that hold Li only in part of their volume (f_free &lt; 1) show
 * metal as a mix of the two colours in proportion to f_free.
 */
public final class MaterialPalette {
    /** Li metal. */
    public static final int METAL = 0x8FA8C8;
    /** The outline of the metal (the xi = 1/2 contour). */
    public static final int METAL_EDGE = 0x2F3E5C;
    /** Muted tones: sand, sage, dusty rose, grey-lilac, khaki, slate, clay, moss. */
    private static final int[] MUTED = {0xE6D8B8, 0xB9CBB0, 0xDDB7B0, 0xC4BCD3, 0xD4CF9E, 0xAFC1C9, 0xD9C3A5, 0xA9B79A};

    private final List<String> names;
    private final double[] freeFraction;
    private final int metalId;
    private final List<String> colourOrder;

    /**
     * @param names material names, index = id
     * @param freeFraction f_free per id
     * @param metalName the model's metal material (its cells are metal colour wherever xi &gt; 1/2; its own tone is never shown)
     */
    public MaterialPalette(List<String> names, double[] freeFraction, String metalName) {
        this(names, freeFraction, metalName, names);
    }

    /**
     * As above, with the tones assigned in the order of {@code colourOrder} (a list of material
     * names that includes these ones), so that pictures of several runs use the same colour for the
     * same material.
     */
    public MaterialPalette(List<String> names, double[] freeFraction, String metalName, List<String> colourOrder) {
        this.names = List.copyOf(names);
        this.freeFraction = freeFraction.clone();
        this.metalId = names.indexOf(metalName);
        this.colourOrder = colourOrder.stream().filter(n -> !n.equals(metalName)).toList();
    }

    public List<String> names() {
        return names;
    }

    public int metalId() {
        return metalId;
    }

    /** The muted tone of material {@code id}. */
    public int material(int id) {
        int slot = Math.max(0, colourOrder.indexOf(names.get(id)));
        return MUTED[slot % MUTED.length];
    }

    /** Colour of a cell of material {@code id} that holds metal: metal mixed with the tone by f_free. */
    public int metalIn(int id) {
        return mix(material(id), METAL, freeFraction[id]);
    }

    /** f_free of material {@code id}. */
    public double freeFraction(int id) {
        return freeFraction[id];
    }

    /** Linear mix of two colours, {@code w = 0} gives a, {@code w = 1} b. */
    static int mix(int a, int b, double w) {
        int out = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            double ca = a >> shift & 0xFF, cb = b >> shift & 0xFF;
            out |= (int) Math.round(ca + w * (cb - ca)) << shift;
        }
        return out;
    }
}
