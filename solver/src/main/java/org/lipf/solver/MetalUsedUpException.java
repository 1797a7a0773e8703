package org.lipf.solver;

/**
 * A stripping that has taken all the metal the cell held (docs/MODEL.md section 3.7): no current can be drawn from it
 * any more. A real cell's voltage then rises until the cycler's cut-off; the model's would strip on into negative
 * xi, where h'(xi) is not 0, at ever smaller steps.
 */
public final class MetalUsedUpException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MetalUsedUpException(double time_s, double initialMetal_m) {
        super(String.format(java.util.Locale.ROOT, "the metal is used up at t = %.6g s: the stripping has taken the %.4g um of metal per area the "
                + "cell held (Faraday's law on the passed charge); a real cell's voltage rises here until the cycler's cut-off "
                + "(docs/MODEL.md section 3.7)", time_s, initialMetal_m * 1e6));
    }
}
