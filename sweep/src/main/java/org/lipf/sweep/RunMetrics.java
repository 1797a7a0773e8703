package org.lipf.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.lipf.output.RunInfo;
import org.lipf.output.TimeSeriesWriter;

/**
 * The metrics of one run folder, by name, as text:
 * <ul>
 * <li>{@code results.json} (written by protocols such as the critical-current-density search), each
 *     value under its key (nested keys joined with '.'), also as {@code results.KEY};
 * <li>the results of {@code run.json} ({@code short_time_s}, {@code short_location_m}, ...), also as
 *     {@code run.KEY}, and {@code wall_time_s} (start to end of the last attempt);
 * <li>the last complete row of {@code timeseries.csv}, each column by its name ({@code cell_voltage_V},
 *     {@code penetration_m}, ...), also as {@code timeseries.COLUMN};
 * <li>on demand, the post-processor's measures of the last snapshot ({@code share_layer2_soft_carbon},
 *     {@code roughness_m}, ...), also as {@code snapshot.COLUMN}.
 * </ul>
 * A plain name is looked up in that order; a list is written as its values separated by spaces.
 * {@link MetricNames} knows which names these sources can give.
 */
final class RunMetrics {
    static final String RESULTS_FILE = "results.json";
    /** The sources, as the prefixes of names that pick one. */
    static final String RESULTS = "results", RUN = "run", TIME_SERIES = "timeseries", SNAPSHOT = "snapshot";
    /** The run's time from start to end of its last attempt, s: among the run.json results. */
    static final String WALL_TIME = "wall_time_s";
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunMetrics() {
    }

    /**
     * @param wanted metric names the caller needs: if one of them is found in none of the sources
     *     above, the post-processor's measures of the last snapshot are added ({@link PostprocessMetrics},
     *     also as {@code snapshot.COLUMN}); they read two snapshots, so only on demand
     */
    static Map<String, String> read(Path folder, RunInfo.Data info, List<String> wanted) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        Path results = folder.resolve(RESULTS_FILE);
        if (Files.isRegularFile(results)) addAll(out, RESULTS, flatten(JSON.readTree(results.toFile())));
        if (info != null) {
            Map<String, String> run = flatten(JSON.valueToTree(info.results()));
            if (info.start_time() != null && info.end_time() != null)
                run.put(WALL_TIME, Double.toString(Duration.between(Instant.parse(info.start_time()), Instant.parse(info.end_time())).toMillis() / 1000.0));
            addAll(out, RUN, run);
        }
        addAll(out, TIME_SERIES, lastRow(folder.resolve(TimeSeriesWriter.FILE_NAME)));
        if (wanted.stream().anyMatch(m -> !out.containsKey(m))) addAll(out, SNAPSHOT, PostprocessMetrics.lastSnapshot(folder));
        return out;
    }

    private static void addAll(Map<String, String> out, String source, Map<String, String> values) {
        values.forEach((k, v) -> {
            out.put(source + "." + k, v);
            out.putIfAbsent(k, v);
        });
    }

    /** The last complete row of a time series, column name to value; empty if none. */
    static Map<String, String> lastRow(Path csv) throws IOException {
        return Files.isRegularFile(csv) ? lastRow(Files.readAllLines(csv, StandardCharsets.UTF_8)) : new LinkedHashMap<>();
    }

    /** The last complete row of a plain CSV table (header, then rows; no quoting), column name to value. */
    static Map<String, String> lastRow(List<String> lines) {
        Map<String, String> row = new LinkedHashMap<>();
        if (lines.isEmpty()) return row;
        List<String> header = Arrays.asList(lines.get(0).split(",", -1));
        for (int i = lines.size() - 1; i > 0; i--) {
            String[] cells = lines.get(i).split(",", -1);
            if (cells.length != header.size()) continue; // a partial line of a crashed run
            for (int c = 0; c < cells.length; c++) row.put(header.get(c), cells[c]);
            break;
        }
        return row;
    }

    private static Map<String, String> flatten(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        flatten("", node, out);
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out));
        } else if (node.isArray()) {
            StringJoiner j = new StringJoiner(" ");
            node.forEach(v -> j.add(v.isValueNode() ? v.asText() : v.toString()));
            out.put(prefix, j.toString());
        } else if (!node.isNull() && !prefix.isEmpty()) {
            out.put(prefix, node.asText());
        }
    }
}
