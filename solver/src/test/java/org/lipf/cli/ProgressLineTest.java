package org.lipf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The progress report prints one line per step at most (not on a terminal here: a line each time it prints). */
class ProgressLineTest {
    @Test
    void theFinalLineOfAStepAlreadyReportedIsNotRepeated() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressLine progress = new ProgressLine(new PrintStream(bytes, true, StandardCharsets.UTF_8), 0, 0);
        // --max-steps 1: the first step is reported as it ends, then the run's final (forced) report of the same step
        progress.update(0.1, 1, 1, -0.01, 10, false);
        progress.update(0.1, 1, 1, -0.01, 10, true);
        progress.finish();
        assertEquals(1, lines(bytes), bytes.toString(StandardCharsets.UTF_8));
        // a later step is reported when forced
        progress.update(0.2, 1, 2, -0.01, 10, true);
        assertEquals(2, lines(bytes), bytes.toString(StandardCharsets.UTF_8));
    }

    private static long lines(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("t = ")).count();
    }
}
