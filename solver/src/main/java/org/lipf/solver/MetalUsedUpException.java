package org.lipf.solver;

/**
 * A stripping that has taken all the metal the cell held (docs/MODEL.md section 3.7): no current can be drawn from it
 * any more. A real cell's voltage then rises until the cycler's cut-off; the model's would strip on into negative
 * xi, where h'(xi) is not 0, at ever smaller steps.
 */
public final class MetalUsedUpException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** A contact fraction below which the stripping surface counts as lost to voids (section 4.3). */
    static final double CONTACT_LOST = 1e-6;

    MetalUsedUpException(double time_s, double initialMetal_m) {
        super(String.format(java.util.Locale.ROOT, "the metal is used up at t = %.6g s: the stripping has taken the %.4g um of metal per area the "
                + "cell held (Faraday's law on the passed charge); a real cell's voltage rises here until the cycler's cut-off "
                + "(docs/MODEL.md section 3.7)", time_s, initialMetal_m * 1e6));
    }

    /** A stripping step that failed (the control, a solve) with little metal left or its contact lost: why, and the failure. */
    MetalUsedUpException(double time_s, double initialMetal_m, double left_m, double contact, RuntimeException failure) {
        super(String.format(java.util.Locale.ROOT, "the stripping could not go on at t = %.6g s, with %.3g um of the %.4g um of metal per area the "
                + "cell held left (Faraday's law on the passed charge) and %.3g of its surface in contact (voids, docs/MODEL.md section 4.3): "
                + "the metal is used up or cut off, and a real cell's voltage rises here until the cycler's cut-off (docs/MODEL.md section 3.7). "
                + "The step failed with: %s", time_s, left_m * 1e6, initialMetal_m * 1e6, contact, failure.getMessage()), failure);
    }
}
