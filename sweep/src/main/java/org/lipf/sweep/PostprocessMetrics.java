package org.lipf.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.lipf.postprocess.RunFolderException;
import org.lipf.postprocess.metrics.RunMetrics;

/**
 * The post-processor's snapshot measures ({@code lipf metrics RUN}: share of the deposit per layer,
 * roughness, interface area, isolated metal, ...) of a run's last snapshot, column name to value.
 */
final class PostprocessMetrics {
    private PostprocessMetrics() {
    }

    /** The measures of the last snapshot of {@code runFolder}; empty if the folder has no readable snapshot yet. */
    static Map<String, String> lastSnapshot(Path runFolder) throws IOException {
        try {
            return org.lipf.sweep.RunMetrics.lastRow(List.of(RunMetrics.computeLast(runFolder).csv().split("\n")));
        } catch (RunFolderException e) {
            return Map.of(); // no snapshot yet, or a damaged one: no snapshot measures
        }
    }
}
