package org.lipf.sweep;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.measure.IncommensurableException;
import javax.measure.UnconvertibleException;
import javax.measure.Unit;
import javax.measure.UnitConverter;
import org.lipf.scenario.UnitParser;

/**
 * A number with an optional unit as written in a sweep file ({@code "20 nm"}, {@code "5"}), kept
 * in the user's unit: sweep values are passed to the scenario as text, and the scenario loader
 * checks their dimension, so ranges and samples are generated in the unit the user chose.
 */
record QuantityText(double value, String unit) {
    private static final Pattern NUMBER_UNIT = Pattern.compile("^\\s*([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?)\\s*(.*?)\\s*$");

    /** Parses "number unit"; null if the text does not start with a number. */
    static QuantityText parse(String text) {
        if (text == null) return null;
        Matcher m = NUMBER_UNIT.matcher(text);
        if (!m.matches()) return null;
        return new QuantityText(Double.parseDouble(m.group(1)), m.group(2));
    }

    /**
     * The value in {@code unit}: itself where the units are written alike, converted where both are units of one kind
     * ({@code 20 A/m^2} in mA/cm^2 is 2); null where they are not (a bare number against a unit, another kind of
     * quantity, text that is no unit).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    Double in(String unit) {
        if (this.unit.equals(unit)) return value;
        if (this.unit.isEmpty() || unit.isEmpty()) return null;
        try {
            UnitConverter c = ((Unit) UnitParser.parseUnit(this.unit)).getConverterToAny((Unit) UnitParser.parseUnit(unit));
            return c.convert(value);
        } catch (IllegalArgumentException | IncommensurableException | UnconvertibleException e) {
            return null;
        }
    }

    /** The value with {@code digits} significant digits, trailing zeros dropped, then the unit. */
    static String format(double value, String unit, int digits) {
        String n = String.format(Locale.ROOT, "%." + digits + "g", value);
        if (n.contains("e")) {
            n = n.replaceFirst("\\.?0+e", "e").replaceFirst("e\\+0*(\\d)", "e$1").replaceFirst("e-0*(\\d)", "e-$1");
        } else if (n.contains(".")) {
            n = n.replaceFirst("\\.?0+$", "");
        }
        if (n.equals("-0")) n = "0";
        return unit.isEmpty() ? n : n + " " + unit;
    }
}
