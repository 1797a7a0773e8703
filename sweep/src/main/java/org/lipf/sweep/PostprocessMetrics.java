package org.lipf.sweep;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Adapter to the post-processor's snapshot measures ({@code org.lipf.postprocess.metrics.RunMetrics},
 * what {@code lipf metrics RUN} writes to metrics.csv: share of the deposit per layer, roughness,
 * interface area, isolated metal, ...): the row of a run's last snapshot, column name to value.
 * Called through {@code RunMetrics.compute(Path).csv()} by reflection, so that this module builds
 * and runs before and without the post-processor (the metrics are then absent); once both are on
 * one branch this can become a direct call.
 */
final class PostprocessMetrics {
    static final String CLASS_NAME = "org.lipf.postprocess.metrics.RunMetrics";
    private static final Method COMPUTE, CSV;

    static {
        Method compute = null, csv = null;
        try {
            Class<?> c = Class.forName(CLASS_NAME);
            compute = c.getMethod("compute", Path.class);
            csv = c.getMethod("csv");
        } catch (ReflectiveOperationException | LinkageError e) {
            // no post-processor on the class path
        }
        COMPUTE = compute;
        CSV = csv;
    }

    private PostprocessMetrics() {
    }

    static boolean available() {
        return COMPUTE != null;
    }

    /** The measures of the last snapshot of {@code runFolder}; empty if the post-processor is absent or cannot read the folder. */
    static Map<String, String> lastSnapshot(Path runFolder) throws IOException {
        if (!available()) return Map.of();
        try {
            String csv = (String) CSV.invoke(COMPUTE.invoke(null, runFolder));
            return RunMetrics.lastRow(List.of(csv.split("\n")));
        } catch (InvocationTargetException e) {
            // a run folder the post-processor cannot read (RunFolderException: no snapshot yet, a
            // damaged file) has no snapshot measures; anything else is a fault worth reporting
            if (e.getCause().getClass().getSimpleName().equals("RunFolderException")) return Map.of();
            throw new IOException("post-processing " + runFolder + ": " + e.getCause(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(CLASS_NAME + ".compute is not accessible", e);
        }
    }
}
