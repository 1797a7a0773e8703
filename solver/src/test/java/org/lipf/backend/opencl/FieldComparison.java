package org.lipf.backend.opencl;

/** Relative difference of two fields: max |a - b| over max |a| (the field's scale). */
public final class FieldComparison {
    private FieldComparison() {}

    public static double relativeDifference(double[] a, double[] b) {
        double diff = 0, scale = 0;
        for (int i = 0; i < a.length; i++) {
            diff = Math.max(diff, Math.abs(a[i] - b[i]));
            scale = Math.max(scale, Math.abs(a[i]));
            if (Double.isNaN(a[i]) != Double.isNaN(b[i])) return Double.POSITIVE_INFINITY;
        }
        return scale == 0 ? diff : diff / scale;
    }
}
