package org.lipf.kernels.cpu;

import java.util.List;

/**
 * Whether the CPU kernels run their SIMD loops ({@link NernstPlanckLanes}, {@link AllenCahnLanes}): the
 * JVM was started with {@code --add-modules jdk.incubator.vector} (the {@code lipf} launcher and the
 * tests do so), the processor's vectors hold at least {@link #MIN_LANES} doubles (narrower ones gain
 * little, and the Vector API may run some operations through objects on them) and
 * {@code -Dlipf.simd=false} was not given. The SIMD loops give the same numbers as the scalar ones,
 * so this changes the speed only. Without the module no class that touches the Vector API is loaded.
 */
public final class Simd {
    private Simd() {}

    /** Fewest doubles per vector for which the SIMD loops run (256-bit vectors: AVX2). */
    public static final int MIN_LANES = 4;

    /** Whether the JVM has the Vector API module. */
    public static final boolean MODULE = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    public static final boolean ENABLED = MODULE && !"false".equals(System.getProperty("lipf.simd"))
            && NernstPlanckLanes.lanes() >= MIN_LANES;

    /** The JVM options a child process of LiPF (a sweep's run) needs to run the same loops as this one. */
    public static List<String> childJvmOptions() {
        if (!MODULE) return List.of();
        return ENABLED ? List.of("--add-modules", "jdk.incubator.vector") : List.of("--add-modules", "jdk.incubator.vector", "-Dlipf.simd=false");
    }
}
