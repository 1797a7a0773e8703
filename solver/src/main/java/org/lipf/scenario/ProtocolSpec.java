package org.lipf.scenario;

/**
 * A galvanostatic current program of the experiments (docs/MODEL.md section 4.3): a critical
 * current density ramp or plating/stripping cycles. Current densities are positive for deposition.
 */
public sealed interface ProtocolSpec permits ProtocolSpec.CcdRamp, ProtocolSpec.Cycling {
    /** The {@code type} value in YAML. */
    String yamlType();

    /**
     * Critical-current-density ramp: step k (k = 0, 1, ...) plates {@code capacity + k * capacityStep}
     * at {@code start + k * step}, up to {@code max}, and, {@code symmetric}, strips it again at the
     * same current (the electrode of a Li | Li cell cycled once per step); the run ends at the first short.
     */
    record CcdRamp(double start_A_per_m2, double step_A_per_m2, double max_A_per_m2,
            double capacity_C_per_m2, double capacityStep_C_per_m2, boolean symmetric) implements ProtocolSpec {
        public CcdRamp {
            Checks.positive("start", start_A_per_m2);
            Checks.positive("step", step_A_per_m2);
            Checks.positive("capacity", capacity_C_per_m2);
            if (!(capacityStep_C_per_m2 >= 0)) throw new IllegalArgumentException("capacity_step must be >= 0, got " + capacityStep_C_per_m2);
            if (!(max_A_per_m2 >= start_A_per_m2)) throw new IllegalArgumentException("max must be >= start");
        }

        /** A plating-only ramp. */
        public CcdRamp(double start_A_per_m2, double step_A_per_m2, double max_A_per_m2, double capacity_C_per_m2, double capacityStep_C_per_m2) {
            this(start_A_per_m2, step_A_per_m2, max_A_per_m2, capacity_C_per_m2, capacityStep_C_per_m2, false);
        }

        /** Segments of the program per current step: plating, and stripping where symmetric. */
        public int segmentsPerStep() {
            return symmetric ? 2 : 1;
        }

        /** Number of current steps from start to max. */
        public int steps() {
            return (int) stepCount();
        }

        /** {@link #steps} as a double, which a ramp of absurd input may take past an int: the loader bounds it. */
        public double stepCount() {
            return Math.floor((max_A_per_m2 - start_A_per_m2) / step_A_per_m2 * (1 + 1e-12)) + 1;
        }

        @Override
        public String yamlType() {
            return "ccd_ramp";
        }
    }

    /** Symmetric-cell cycling: each cycle plates {@code capacity} at {@code current}, then strips it at the same current. */
    record Cycling(double current_A_per_m2, double capacity_C_per_m2, int cycles) implements ProtocolSpec {
        public Cycling {
            Checks.positive("current_density", current_A_per_m2);
            Checks.positive("capacity", capacity_C_per_m2);
            if (cycles < 1) throw new IllegalArgumentException("cycles must be >= 1, got " + cycles);
        }

        @Override
        public String yamlType() {
            return "cycling";
        }
    }
}
