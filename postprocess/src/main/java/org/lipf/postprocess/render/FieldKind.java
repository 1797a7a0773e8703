package org.lipf.postprocess.render;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What {@code lipf render --field} can show, with the unit and colour map of its pictures.
 * {@link #XI} is the morphology (Li metal over the material map); the others are colour maps.
 */
public enum FieldKind {
    XI("xi", "Li metal morphology", "", 1, null),
    C("c", "Li+ concentration", "c / c0", 1, ColorMap.VIRIDIS),
    PHI_L("phi_l", "ionic potential", "phi_l [V]", 1, ColorMap.VIRIDIS),
    PHI_S("phi_s", "electronic potential", "phi_s [V]", 1, ColorMap.VIRIDIS),
    ETA("eta", "overpotential eta", "eta [V]", 1, ColorMap.VIRIDIS),
    /** Shown in mA/cm^2 (1 mA/cm^2 = 10 A/m^2). */
    CURRENT("current", "current density |i|", "|i| [mA/cm\u00b2]", 0.1, ColorMap.INFERNO),
    /** The dispersed metal of a host (docs/MODEL.md section 3.6): the fraction of the host's free volume it fills. */
    DISPERSED_LI("dispersed_li", "Li in the host's pores", "fill of the pores", 1, ColorMap.VIRIDIS),
    /**
     * The area resistance of the films on the metal ({@code on_metal: true} coatings) of each column, in ohm cm^2 (1 ohm m^2 =
     * 1e4 ohm cm^2), on a linear scale: the open columns of its cracks and pinholes are 0, which a logarithmic one could not show;
     * grey ({@link ColorScale#NO_VALUE}) where a film blocks the ions.
     */
    FILM_RESISTANCE("film_resistance", "film resistance on the metal", "R_film [\u03a9 cm\u00b2], grey: blocks ions", 1e4, ColorMap.VIRIDIS);

    /** Name on the command line and in file names. */
    public final String key;
    public final String description;
    /** Colour bar label with the display unit. */
    public final String label;
    /** Display unit per SI unit. */
    public final double displayPerSi;
    /** Null for the morphology. */
    public final ColorMap map;

    FieldKind(String key, String description, String label, double displayPerSi, ColorMap map) {
        this.key = key;
        this.description = description;
        this.label = label;
        this.displayPerSi = displayPerSi;
        this.map = map;
    }

    /** The kind named {@code key}; null if none. */
    public static FieldKind byKey(String key) {
        for (FieldKind k : values()) if (k.key.equals(key.toLowerCase(Locale.ROOT))) return k;
        return null;
    }

    /** All keys, for messages: "xi, c, phi_l, ...". */
    public static String keys() {
        return Arrays.stream(values()).map(k -> k.key).collect(Collectors.joining(", "));
    }
}
