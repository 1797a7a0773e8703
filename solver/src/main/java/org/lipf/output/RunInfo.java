package org.lipf.output;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * The run record {@code RUN/run.json}: code version and commit, backend, threads, start and end
 * time (ISO-8601 UTC), status, reason, and a free map of results (e.g. the time and place of a
 * short). Every update ({@link #put}, {@link #putAll}, {@link #finish}) rewrites the file
 * atomically, so the file always describes the run as far as it got.
 *
 * <p>The version comes from the resource {@code lipf-version.properties} (Maven-filtered
 * {@code ${project.version}}); the commit from the environment variable {@code LIPF_GIT_COMMIT},
 * else {@code "unknown"}.
 *
 * <p>JSON: {@code {"version", "commit", "backend", "threads", "start_time", "end_time" (null while
 * running), "status" ("running"|"finished"|"failed"|"shorted"), "reason", "results": {...}}}.
 */
public final class RunInfo {
    public static final String FILE_NAME = "run.json";
    public static final String COMMIT_ENV = "LIPF_GIT_COMMIT";

    public enum Status {
        RUNNING, FINISHED, FAILED, SHORTED;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The JSON document. */
    public record Data(
            String version,
            String commit,
            String backend,
            int threads,
            String start_time,
            String end_time,
            Status status,
            String reason,
            LinkedHashMap<String, Object> results) {
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path file;
    private Data data;

    private RunInfo(Path file, Data data) {
        this.file = file;
        this.data = data;
    }

    /** Starts the record of a run now, status running, and writes {@code runDir/run.json}. */
    public static RunInfo start(Path runDir, String backend, int threads) throws IOException {
        Objects.requireNonNull(backend, "backend");
        RunInfo info = new RunInfo(runDir.resolve(FILE_NAME),
                new Data(codeVersion(), codeCommit(), backend, threads, Instant.now().toString(), null, Status.RUNNING, "", new LinkedHashMap<>()));
        info.save();
        return info;
    }

    /** Reads a run.json (further updates rewrite that file). */
    public static RunInfo read(Path runJson) throws IOException {
        Data d = JSON.readValue(runJson.toFile(), Data.class);
        if (d.results() == null) d = new Data(d.version(), d.commit(), d.backend(), d.threads(), d.start_time(), d.end_time(), d.status(), d.reason(), new LinkedHashMap<>());
        return new RunInfo(runJson, d);
    }

    /** Adds or replaces one result (a number, string, boolean, list or map) and rewrites the file. */
    public synchronized void put(String key, Object value) throws IOException {
        data.results().put(key, value);
        save();
    }

    /** Adds or replaces results and rewrites the file. */
    public synchronized void putAll(Map<String, ?> results) throws IOException {
        data.results().putAll(results);
        save();
    }

    /** Sets the end time to now, the status and the reason, and rewrites the file. */
    public synchronized void finish(Status status, String reason) throws IOException {
        Objects.requireNonNull(status, "status");
        data = new Data(data.version(), data.commit(), data.backend(), data.threads(), data.start_time(), Instant.now().toString(),
                status, reason == null ? "" : reason, data.results());
        save();
    }

    /** A copy of the current content. */
    public synchronized Data data() {
        return new Data(data.version(), data.commit(), data.backend(), data.threads(), data.start_time(), data.end_time(),
                data.status(), data.reason(), new LinkedHashMap<>(data.results()));
    }

    public Path file() {
        return file;
    }

    private void save() throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(data);
        AtomicFiles.writeBytes(file, bytes);
    }

    /** The code version from {@code lipf-version.properties}, or "unknown". */
    public static String codeVersion() {
        try (InputStream in = RunInfo.class.getResourceAsStream("/lipf-version.properties")) {
            if (in == null) return "unknown";
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown");
            return v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The git commit from {@code $LIPF_GIT_COMMIT}, or "unknown". */
    public static String codeCommit() {
        String c = System.getenv(COMMIT_ENV);
        return c == null || c.isBlank() ? "unknown" : c.trim();
    }
}
