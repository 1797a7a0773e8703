package org.lipf.kernels.cpu;

import java.util.List;

/**
 * Whether the CPU kernels run their SIMD loops ({@link NernstPlanckLanes}, {@link AllenCahnLanes}): the JVM was started with
 * {@code --add-modules jdk.incubator.vector} (the {@code lipf} launcher and the tests do so) and
 * {@code -Dlipf.simd=false} was not given. The SIMD loops give the same numbers as the scalar ones, so
 * this changes the speed only. This class does not touch the Vector API: without the module, no class that
 * does is loaded.
 */
public final class Simd {
    private Simd() {}

    private static final boolean MODULE = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    public static final boolean ENABLED = MODULE && !"false".equals(System.getProperty("lipf.simd"));

    /** The JVM options a child process of LiPF (a sweep's run) needs to run the same loops as this one. */
    public static List<String> childJvmOptions() {
        if (!MODULE) return List.of();
        return ENABLED ? List.of("--add-modules", "jdk.incubator.vector") : List.of("--add-modules", "jdk.incubator.vector", "-Dlipf.simd=false");
    }
}
