package org.lipf.model;

/**
 * e^x from additions, multiplications and bit operations only, so that a SIMD form of the same operations
 * ({@code org.lipf.kernels.cpu.ExponentialLanes}) gives the same bits: Java's {@code Math.exp} has no such
 * counterpart in lanes, and the Butler-Volmer exponentials of the interface cells were a third of the Allen-Cahn
 * update's time in 3D (docs/MODEL.md section 5.5, docs/PERFORMANCE.md).
 *
 * <p>x = n ln 2 + r with n the nearest integer to x / ln 2 (|r| &lt;= ln 2 / 2; ln 2 in two parts, so that n ln 2
 * is exact to the rounding of r), e^r by its Taylor series to r^13 (the first term left out is below 4e-18
 * relative; its terms from r^2 on by Estrin's scheme), times 2^n as two powers of two built from their exponent bits (each a normal number, so that results
 * below the smallest normal number round once). Within about 1.2 ulp of e^x (tested against an exact series; Math.exp
 * is within 1); 0 below x = -745.13 and infinity above 709.78, as Math.exp; NaN for NaN.
 */
public final class Exponential {
    private Exponential() {}

    /** 1.5 2^52: added to a double of magnitude below 2^51, rounds it to an integer held in the low bits. */
    public static final double SHIFTER = 0x1.8p52;
    /** 1 / ln 2. */
    public static final double LOG2_E = 0x1.71547652b82fep0;
    /** ln 2 in two parts: the first with its low 21 bits zero, so that n LN2_HIGH is exact for the n here (|n| &lt; 2^11). */
    public static final double LN2_HIGH = 0x1.62e42fee00000p-1, LN2_LOW = 0x1.a39ef35793c76p-33;
    /** The arguments are clamped into [MIN_ARGUMENT, MAX_ARGUMENT], beyond which e^x is 0 or infinite in doubles. */
    public static final double MIN_ARGUMENT = -746, MAX_ARGUMENT = 710;
    /** 1 / k! for k = 2 to 13: the coefficients of T in e^r = 1 + r (1 + r T(r)). */
    private static final double[] INVERSE_FACTORIALS = {0.5, 1.0 / 6, 1.0 / 24, 1.0 / 120, 1.0 / 720, 1.0 / 5040, 1.0 / 40320, 1.0 / 362880,
            1.0 / 3628800, 1.0 / 39916800, 1.0 / 479001600, 1.0 / 6227020800L};

    /** {@link #INVERSE_FACTORIALS}, a copy (for the SIMD form). */
    public static double[] seriesCoefficients() {
        return INVERSE_FACTORIALS.clone();
    }

    /** e^x. */
    public static double exp(double x) {
        final double y = Math.max(Math.min(x, MAX_ARGUMENT), MIN_ARGUMENT);
        final double n = y * LOG2_E + SHIFTER - SHIFTER;
        final double r = y - n * LN2_HIGH - n * LN2_LOW;
        // T(r) by Estrin's scheme (pairs, then powers r^2, r^4, r^8: a short chain of dependent operations), its
        // last two terms by Horner's, which keeps the rounding of the leading terms to about half an ulp
        final double[] b = INVERSE_FACTORIALS;
        final double r2 = r * r, r4 = r2 * r2, r8 = r4 * r4;
        final double s0 = b[0] + b[1] * r + (b[2] + b[3] * r) * r2, s1 = b[4] + b[5] * r + (b[6] + b[7] * r) * r2;
        final double s2 = b[8] + b[9] * r + (b[10] + b[11] * r) * r2;
        final double p = ((s0 + s1 * r4 + s2 * r8) * r + 1) * r + 1;
        // 2^n as 2^half 2^(n - half): both normal for n in [-1076, 1025]
        final double half = n * 0.5 + SHIFTER - SHIFTER;
        return p * powerOfTwo(half) * powerOfTwo(n - half);
    }

    /** 2^k for an integer k (as a double) in [-1022, 1023], from the exponent bits. */
    private static double powerOfTwo(double k) {
        final long bits = Double.doubleToRawLongBits(k + SHIFTER) - Double.doubleToRawLongBits(SHIFTER);
        return Double.longBitsToDouble((bits + 1023) << 52);
    }
}
