package org.lipf.postprocess.render;

/**
 * Perceptually uniform colour maps of matplotlib (van der Walt and Smith, 2015), as the degree-6
 * polynomial fits of Matt Zucker (shadertoy.com/view/WlfXRN; largest error about 1/255 per
 * channel): {@code rgb(t) = sum_n c_n t^n}, t in [0, 1].
 */
public enum ColorMap {
    /** Dark blue - green - yellow; the default for fields. */
    VIRIDIS(new double[][] {
        {0.2777273272234177, 0.005407344544966578, 0.3340998053353061},
        {0.1050930431085774, 1.404613529898575, 1.384590162594685},
        {-0.3308618287255563, 0.214847559468213, 0.09509516302823659},
        {-4.634230498983486, -5.799100973351585, -19.33244095627987},
        {6.228269936347081, 14.17993336680509, 56.69055260068105},
        {4.776384997670288, -13.74514537774601, -65.35303263337234},
        {-5.435455855934631, 4.645852612178535, 26.3124352495832}}),
    /** Black - red - yellow - white; for current density magnitudes. */
    INFERNO(new double[][] {
        {0.0002189403691192265, 0.001651004631001012, -0.01948089843709184},
        {0.1065134194856116, 0.5639564367884091, 3.932712388889277},
        {11.60249308247187, -3.972853965665698, -15.9423941062914},
        {-41.70399613139459, 17.43639888205313, 44.35414519872813},
        {77.162935699427, -33.40235894210092, -81.80730925738993},
        {-71.31942824499214, 32.62606426397723, 73.20951985803202},
        {25.13112622477341, -12.24266895238567, -23.07032500287172}});

    private static final int TABLE_SIZE = 256;
    private final int[] table = new int[TABLE_SIZE];

    ColorMap(double[][] c) {
        for (int n = 0; n < TABLE_SIZE; n++) {
            double t = n / (TABLE_SIZE - 1.0);
            int rgb = 0;
            for (int ch = 0; ch < 3; ch++) {
                double v = 0;
                for (int p = c.length - 1; p >= 0; p--) v = v * t + c[p][ch];
                rgb = rgb << 8 | (int) Math.round(255 * Math.max(0, Math.min(1, v)));
            }
            table[n] = rgb;
        }
    }

    /** The colour (0xRRGGBB) at t, clamped to [0, 1]; NaN gives the colour at 0. */
    public int rgb(double t) {
        if (!(t > 0)) return table[0];
        if (t >= 1) return table[TABLE_SIZE - 1];
        return table[(int) (t * (TABLE_SIZE - 1) + 0.5)];
    }
}
