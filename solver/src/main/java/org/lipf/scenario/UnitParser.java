package org.lipf.scenario;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.measure.MetricPrefix;
import javax.measure.Unit;
import javax.measure.UnitConverter;
import org.lipf.model.PhysicalConstants;
import tech.units.indriya.AbstractUnit;
import tech.units.indriya.format.SimpleUnitFormat;
import tech.units.indriya.unit.Units;

/**
 * Parses "number unit" strings ("30 um", "1e-8 cm^2/s", "-0.45 V", "20 %") into SI doubles, with
 * a dimension check against the expected {@link PhysicalQuantity}.
 *
 * <p>The number is split off and parsed with {@link Double#parseDouble} (Indriya's own
 * {@code Quantities.getQuantity("1e-8 cm^2/s")} drops the exponent); only the unit string goes to
 * Indriya's {@link SimpleUnitFormat}. Accepted unit syntax: SI symbols with metric prefixes,
 * {@code *} or a space for products, {@code ^} or {@code **} for powers, one top-level {@code /}
 * (use parentheses for several factors in the denominator: {@code m^3/(J*s)}; {@code m^3/J/s} is
 * rejected as ambiguous), {@code 1/s}. ASCII aliases: {@code u} for the micro prefix
 * ({@code um, uS, umol}), {@code mAh}, {@code deg}, {@code ohm}, {@code eV} (an activation energy per particle,
 * read as F J/mol); {@code %}, {@code h},
 * {@code min}, {@code S} (siemens) are Indriya's own. A fracture toughness is a pressure times
 * {@code m^(1/2)} (or {@code m^0.5}): Indriya parses fractional powers but cannot convert them, so the
 * root of the metre is split off and the rest read as a pressure.
 */
public final class UnitParser {
    private static final SimpleUnitFormat FORMAT = SimpleUnitFormat.getNewInstance();
    private static final Map<String, Unit<?>> CACHE = new ConcurrentHashMap<>();
    private static final Pattern NUMBER = Pattern.compile("^\\s*([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?)\\s*(.*?)\\s*$");
    private static final Pattern MICRO_ASCII = Pattern.compile("(?<![A-Za-z])u(?=[A-Za-z])");
    private static final Unit<?>[] SI = new Unit<?>[PhysicalQuantity.values().length];
    private static final Pattern ROOT_METRE = Pattern.compile("\\s*[*·]?\\s*m\\s*(\\^|\\*\\*)\\s*(\\(\\s*1\\s*/\\s*2\\s*\\)|0?\\.5)\\s*$");

    static {
        FORMAT.alias(MetricPrefix.MICRO(Units.METRE), "um");
        FORMAT.alias(MetricPrefix.MILLI(Units.AMPERE).multiply(Units.HOUR), "mAh");
        FORMAT.alias(Units.AMPERE.multiply(Units.HOUR), "Ah");
        FORMAT.label(Units.RADIAN.multiply(Math.PI / 180.0), "deg");
        FORMAT.alias(Units.OHM, "ohm");
        // an activation energy per particle, as the papers give it, is N_A eV = F J per mole
        FORMAT.label(Units.JOULE.divide(Units.MOLE).multiply(PhysicalConstants.FARADAY_C_PER_MOL), "eV");
        for (PhysicalQuantity q : PhysicalQuantity.values())
            if (q != PhysicalQuantity.FRACTURE_TOUGHNESS) SI[q.ordinal()] = q.siSymbol.isEmpty() ? AbstractUnit.ONE : parseUnit(q.siSymbol);
    }

    private UnitParser() {}

    /** The SI unit values of {@code q} are returned in. */
    public static Unit<?> siUnit(PhysicalQuantity q) {
        return SI[q.ordinal()];
    }

    /**
     * Parses {@code text} as a value of kind {@code expected} and returns it in SI units.
     *
     * @throws IllegalArgumentException with a one-line message fit for the user: "needs a unit,
     *     e.g. '30 um'", "expected a length, got '5 mA/cm^2' (a current density)", "unknown unit ..."
     */
    public static double parse(String text, PhysicalQuantity expected) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("empty value; expected " + expected.description + ", e.g. '" + expected.example + "'");
        if (expected == PhysicalQuantity.FRACTURE_TOUGHNESS) {
            Matcher root = ROOT_METRE.matcher(text);
            if (!root.find()) throw new IllegalArgumentException("expected " + expected.description + " (a pressure times m^(1/2)), got '" + text + "'; e.g. '" + expected.example + "'");
            return parse(text.substring(0, root.start()), PhysicalQuantity.PRESSURE);
        }
        Matcher m = NUMBER.matcher(text);
        if (!m.matches()) throw new IllegalArgumentException("'" + text + "' is not a number followed by a unit; expected " + expected.description + ", e.g. '" + expected.example + "'");
        double value = Double.parseDouble(m.group(1));
        if (!Double.isFinite(value)) throw new IllegalArgumentException("'" + m.group(1) + "' in '" + text + "' is beyond the range of a double (about 1.8e308)");
        String unitText = m.group(2);
        if (unitText.isEmpty()) {
            if (expected == PhysicalQuantity.DIMENSIONLESS) return value;
            throw new IllegalArgumentException("'" + text + "' needs a unit, e.g. '" + expected.example + "' (" + expected.description + ")");
        }
        Unit<?> unit;
        try {
            unit = parseUnit(unitText);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown unit '" + unitText + "' in '" + text + "' (" + e.getMessage() + "); expected " + expected.description + ", e.g. '" + expected.example + "'");
        }
        if (!accepts(expected, unit)) {
            String got = kindOf(unit);
            throw new IllegalArgumentException("expected " + expected.description + ", got '" + text + "'" + (got == null ? "" : " (" + got + ")") + "; e.g. '" + expected.example + "'");
        }
        double si = convert(unit, value);
        if (!Double.isFinite(si)) throw new IllegalArgumentException("'" + text + "' is beyond the range of a double (about 1.8e308) in SI units");
        return si;
    }

    /**
     * As {@link #parse(String, PhysicalQuantity)}, but a bare number is read in {@code bareUnit}: for
     * command-line values documented in a unit ({@code --at-time 4} is 4 s, {@code --at-time "2 min"} 120 s).
     */
    public static double parse(String text, PhysicalQuantity expected, String bareUnit) {
        Matcher m = text == null ? null : NUMBER.matcher(text);
        boolean bare = m != null && m.matches() && m.group(2).isEmpty();
        return parse(bare ? m.group(1) + " " + bareUnit : text, expected);
    }

    /** Formats an SI value for the resolved scenario: {@code "3.0E-5 m"}, parseable back exactly. */
    public static String format(double si, PhysicalQuantity q) {
        String number = Double.toString(si);
        return q.siSymbol.isEmpty() ? number : number + " " + q.siSymbol;
    }

    /** Parses a unit string (no number) with the aliases above. */
    public static Unit<?> parseUnit(String unitText) {
        Unit<?> cached = CACHE.get(unitText);
        if (cached != null) return cached;
        String s = normalise(unitText);
        Unit<?> u;
        synchronized (FORMAT) {
            try {
                u = FORMAT.parse(s);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("cannot parse '" + unitText + "'");
            }
        }
        CACHE.put(unitText, u);
        return u;
    }

    private static String normalise(String unitText) {
        String s = unitText.trim().replace("**", "^");
        s = s.replaceAll("\\s*([*/^()·])\\s*", "$1").replaceAll("\\s+", "*");
        s = MICRO_ASCII.matcher(s).replaceAll(MetricPrefix.MICRO.getSymbol());
        if (s.startsWith("1/")) s = "one/" + s.substring(2);
        int depth = 0, slashes = 0;
        for (char ch : s.toCharArray()) {
            if (ch == '(') depth++;
            else if (ch == ')') depth--;
            else if (ch == '/' && depth == 0) slashes++;
        }
        if (slashes > 1) throw new IllegalArgumentException("ambiguous '" + unitText + "': use one '/' and parentheses, e.g. m^3/(J*s)");
        return s;
    }

    private static boolean accepts(PhysicalQuantity q, Unit<?> unit) {
        Unit<?> sys = unit.getSystemUnit();
        switch (q) {
            case ANGLE:
                return sys.equals(Units.RADIAN);
            case DIMENSIONLESS:
                return sys.equals(AbstractUnit.ONE);
            case FRACTURE_TOUGHNESS:
                return false;
            default:
                return unit.isCompatible(SI[q.ordinal()]);
        }
    }

    private static String kindOf(Unit<?> unit) {
        for (PhysicalQuantity q : PhysicalQuantity.values())
            if (accepts(q, unit)) return q.description;
        return null;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static double convert(Unit<?> unit, double value) {
        try {
            UnitConverter c = ((Unit) unit).getConverterToAny((Unit) unit.getSystemUnit());
            return c.convert(value);
        } catch (javax.measure.IncommensurableException | javax.measure.UnconvertibleException e) {
            throw new IllegalArgumentException("cannot convert '" + unit + "' to SI: " + e.getMessage());
        }
    }
}
