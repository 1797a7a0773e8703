package org.lipf.kernels.cpu;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * Runs every lane-wise operator of the Vector API once, on doubles and longs (the lanes' element types), before any
 * SIMD loop of LiPF runs: the static initialisers of {@link NernstPlanckLanes}, {@link AllenCahnLanes},
 * {@link ExponentialLanes} and {@code org.lipf.linear.LevelLanes} call {@link #ensure}. Results are not used.
 * <p>
 * Why (Java 17; found from C2's compilation logs): each operator's implementation is looked up in a cache
 * ({@code VectorOperators.ImplCache.find}, one method for all operators) that is filled on an operator's first use.
 * When {@code find} itself got hot before some operator's first use (in the 3D case, or the exponential's long
 * lanes), its compiled code, which expects the cache's one filler seen so far, deoptimised on each new operator and
 * {@code find}'s profile kept up to 4 "class_check" traps. C2 adds the trap counts of every method it inlines,
 * once per inlining, and {@code find} is inlined once per vector operation (about 50 times in
 * {@link ExponentialLanes#exp}): past {@code -XX:PerMethodTrapLimit} (100) a compilation stops turning a type
 * guard's miss into a trap, a vector's exact class is then lost after a guard, the species of the Vector API's
 * store ({@code intoArray}, inlined last) is no longer a compile-time constant, the store is not intrinsified and
 * the loop's vectors live in objects (in some JVM runs the explicit update at half speed: docs/PERFORMANCE.md). With every
 * operator's entry filled here, while all of this is interpreted, {@code find} never reaches its filler again.
 */
public final class VectorWarmUp {
    private VectorWarmUp() {}

    static {
        try {
            run();
        } catch (RuntimeException | LinkageError e) {
            // only a speed-up: a runtime whose Vector API refuses something here still runs the loops
        }
    }

    /** Nothing: calling it initialises this class, which runs the operators once (the first time only). */
    public static void ensure() {}

    private static void run() {
        final DoubleVector d = DoubleVector.broadcast(DoubleVector.SPECIES_PREFERRED, 1.5), e = d.mul(0.5);
        final LongVector l = LongVector.broadcast(LongVector.SPECIES_PREFERRED, 6), k = l.sub(3);
        final VectorMask<Double> dm = d.compare(VectorOperators.GT, 0.0);
        final VectorMask<Long> lm = l.compare(VectorOperators.GT, 0L);
        d.reinterpretAsLongs().reinterpretAsDoubles();
        for (Field f : VectorOperators.class.getFields()) {
            if (!Modifier.isStatic(f.getModifiers())) continue;
            final Object op;
            try {
                op = f.get(null);
            } catch (IllegalAccessException ex) {
                continue;
            }
            // each in its own try: an operator that does not apply to an element type throws
            if (op instanceof VectorOperators.Ternary t) {
                quietly(() -> d.lanewise(t, e, d));
                quietly(() -> l.lanewise(t, k, l));
            } else if (op instanceof VectorOperators.Binary b) {
                quietly(() -> d.lanewise(b, e));
                quietly(() -> d.lanewise(b, 0.5));
                quietly(() -> l.lanewise(b, k));
                quietly(() -> l.lanewise(b, 3L));
                if (b instanceof VectorOperators.Associative a) {
                    quietly(() -> d.reduceLanes(a));
                    quietly(() -> d.reduceLanes(a, dm));
                    quietly(() -> l.reduceLanes(a));
                    quietly(() -> l.reduceLanes(a, lm));
                }
            } else if (op instanceof VectorOperators.Unary u) {
                quietly(() -> d.lanewise(u));
                quietly(() -> l.lanewise(u));
            }
        }
    }

    private static void quietly(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException ignored) {
            // not supported for this element type
        }
    }
}
