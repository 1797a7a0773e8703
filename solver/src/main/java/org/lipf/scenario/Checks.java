package org.lipf.scenario;

/** Argument checks shared by the scenario records; each throws IllegalArgumentException. */
final class Checks {
    private Checks() {}

    static double positive(String name, double v) {
        if (!(v > 0) || Double.isInfinite(v)) throw new IllegalArgumentException(name + " must be > 0 and finite, got " + v);
        return v;
    }

    static double nonNegative(String name, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) throw new IllegalArgumentException(name + " must be >= 0 and finite, got " + v);
        return v;
    }

    static double finite(String name, double v) {
        if (!Double.isFinite(v)) throw new IllegalArgumentException(name + " must be finite, got " + v);
        return v;
    }

    static double unitInterval(String name, double v) {
        if (!(v >= 0 && v <= 1)) throw new IllegalArgumentException(name + " must be in [0, 1], got " + v);
        return v;
    }

    static <T> T notNull(String name, T v) {
        if (v == null) throw new IllegalArgumentException(name + " is missing");
        return v;
    }
}
