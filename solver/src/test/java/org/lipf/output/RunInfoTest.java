package org.lipf.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunInfoTest {
    @TempDir
    Path run;

    @Test
    void runJsonParsesAtEachStage() throws IOException {
        RunInfo info = RunInfo.start(run, "cpu", 8);
        Path file = run.resolve(RunInfo.FILE_NAME);
        JsonNode j = new ObjectMapper().readTree(file.toFile());
        assertEquals("running", j.get("status").asText());
        assertEquals("cpu", j.get("backend").asText());
        assertEquals(8, j.get("threads").asInt());
        assertNotEquals("unknown", j.get("version").asText(), "version comes from the filtered resource");
        Instant.parse(j.get("start_time").asText());
        assertNull(RunInfo.read(file).data().end_time());

        info.put("restarted_from", "snapshots/step_00000100.h5");
        info.putAll(Map.of("short_time_s", 1.25e-3, "short_location_m", List.of(1e-6, 0.0, 2e-6)));
        info.finish(RunInfo.Status.SHORTED, "short circuit");
        j = new ObjectMapper().readTree(file.toFile());
        assertEquals("shorted", j.get("status").asText());
        assertEquals("short circuit", j.get("reason").asText());
        Instant.parse(j.get("end_time").asText());
        assertEquals(1.25e-3, j.get("results").get("short_time_s").asDouble());
        assertEquals(3, j.get("results").get("short_location_m").size());

        RunInfo.Data back = RunInfo.read(file).data();
        assertEquals(RunInfo.Status.SHORTED, back.status());
        assertNotNull(back.end_time());
        assertEquals("snapshots/step_00000100.h5", back.results().get("restarted_from"));
    }
}
