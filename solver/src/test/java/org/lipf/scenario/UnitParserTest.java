package org.lipf.scenario;

import static org.junit.jupiter.api.Assertions.*;
import static org.lipf.scenario.PhysicalQuantity.*;

import org.junit.jupiter.api.Test;

class UnitParserTest {
    static void close(double expected, double actual) {
        assertEquals(expected, actual, Math.abs(expected) * 1e-12);
    }

    @Test
    void parsesEveryUnitOfTheSchemaIntoSI() {
        close(30e-6, UnitParser.parse("30 um", LENGTH));
        close(300e-9, UnitParser.parse("300 nm", LENGTH));
        close(50.0, UnitParser.parse("5 mA/cm^2", CURRENT_DENSITY));
        close(1e-12, UnitParser.parse("1e-8 cm^2/s", DIFFUSIVITY));
        close(0.25, UnitParser.parse("2.5 mS/cm", CONDUCTIVITY));
        close(-0.45, UnitParser.parse("-0.45 V", POTENTIAL));
        close(7.64e4, UnitParser.parse("7.64e4 mol/m^3", CONCENTRATION));
        close(2.5e-6, UnitParser.parse("2.5e-6 m^3/(J*s)", MOBILITY));
        close(1.18, UnitParser.parse("1.18 J/m^2", INTERFACE_ENERGY));
        close(300, UnitParser.parse("300 K", TEMPERATURE));
        close(0.25e-3 * 3600 / 1e-4, UnitParser.parse("0.25 mAh/cm^2", AREAL_CAPACITY));
        close(100, UnitParser.parse("100 s", TIME));
        close(7200, UnitParser.parse("2 h", TIME));
        close(Math.PI / 4, UnitParser.parse("45 deg", ANGLE));
        close(0.2, UnitParser.parse("20 %", DIMENSIONLESS));
        close(4900, UnitParser.parse("4.9 g/cm^3", DENSITY));
    }

    @Test
    void keepsNegativeAndPositiveExponentsThatIndriyaDrops() {
        close(1e-12, UnitParser.parse("1e-8 cm^2/s", DIFFUSIVITY));
        close(1e-12, UnitParser.parse("1E-8 cm^2/s", DIFFUSIVITY));
        close(7.64e4, UnitParser.parse("+7.64E+4 mol/m^3", CONCENTRATION));
        close(1e-13, UnitParser.parse(".1e-12 m^2/s", DIFFUSIVITY));
    }

    @Test
    void acceptsAsciiAliasesAndAlternativeSyntax() {
        close(1e-6, UnitParser.parse("1 µm", LENGTH));
        close(1e-4, UnitParser.parse("1 uS/cm", CONDUCTIVITY));
        close(2.5e-6, UnitParser.parse("2.5e-6 m^3 / (J s)", MOBILITY));
        close(2.5e-6, UnitParser.parse("2.5e-6 m**3/(J*s)", MOBILITY));
        close(1.0, UnitParser.parse("1 rad", ANGLE));
        close(0.5, UnitParser.parse("0.5", DIMENSIONLESS));
    }

    @Test
    void rejectsWrongDimensionWithBothKindsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UnitParser.parse("5 mA/cm^2", LENGTH));
        assertTrue(e.getMessage().contains("expected a length, got '5 mA/cm^2' (a current density)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> UnitParser.parse("20 %", ANGLE));
        assertThrows(IllegalArgumentException.class, () -> UnitParser.parse("45 deg", DIMENSIONLESS));
    }

    @Test
    void dimensionalValueWithoutUnitNeedsAUnit() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UnitParser.parse("30", LENGTH));
        assertTrue(e.getMessage().contains("needs a unit, e.g. '30 um'"), e.getMessage());
    }

    @Test
    void aBareNumberCanBeReadInADefaultUnit() {
        close(4, UnitParser.parse("4", TIME, "s"));
        close(120, UnitParser.parse("2 min", TIME, "s"));
        close(0.5 * 36000, UnitParser.parse(" 0.5 ", AREAL_CAPACITY, "mAh/cm^2"));
        close(36000, UnitParser.parse("10 Ah/m^2", AREAL_CAPACITY, "mAh/cm^2"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UnitParser.parse("4 V", TIME, "s"));
        assertTrue(e.getMessage().contains("expected a time"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> UnitParser.parse("NaN", TIME, "s"));
    }

    @Test
    void rejectsUnknownUnitsGarbageAndAmbiguousDivision() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> UnitParser.parse("3 furlong", LENGTH)).getMessage().contains("unknown unit 'furlong'"));
        assertThrows(IllegalArgumentException.class, () -> UnitParser.parse("abc um", LENGTH));
        // beyond a double: a plain message, not the units library's "Unsupported number value 'Infinity'"
        assertTrue(assertThrows(IllegalArgumentException.class, () -> UnitParser.parse("1e400 mA/cm^2", CURRENT_DENSITY)).getMessage().contains("beyond the range"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> UnitParser.parse("1e308 km", LENGTH)).getMessage().contains("beyond the range"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> UnitParser.parse("2.5e-6 m^3/J/s", MOBILITY)).getMessage().contains("ambiguous"));
    }

    @Test
    void fractureToughnessIsAPressureTimesTheRootOfAMetre() {
        close(0.23e6, UnitParser.parse("0.23 MPa*m^(1/2)", FRACTURE_TOUGHNESS));
        close(0.23e6, UnitParser.parse("230 kPa m^0.5", FRACTURE_TOUGHNESS));
        close(1.1e6, UnitParser.parse("1.1 MPa * m**(1/2)", FRACTURE_TOUGHNESS));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> UnitParser.parse("0.23 MPa", FRACTURE_TOUGHNESS)).getMessage()
                .contains("a pressure times m^(1/2)"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> UnitParser.parse("0.23 um*m^(1/2)", FRACTURE_TOUGHNESS)).getMessage()
                .contains("expected a pressure"));
    }

    @Test
    void formattedValuesParseBackExactly() {
        for (PhysicalQuantity q : PhysicalQuantity.values()) {
            double v = 3.0e-5 * (q.ordinal() + 1) / 7.0;
            assertEquals(v, UnitParser.parse(UnitParser.format(v, q), q), 0.0, q.name());
        }
        assertEquals("3.0E-5 m", UnitParser.format(3.0e-5, LENGTH));
    }
}
