package org.lipf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void noEstimatedTimeLeftBeforeAPercentOfTheRunIsDone() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressLine progress = new ProgressLine(new PrintStream(bytes, true, StandardCharsets.UTF_8), 30, 10);
        // a restart at 10 s to 20 s: its first step of 5e-4 s is 0.005 % of the way, a step at 15 s half of it
        progress.update(10.0005, 20, 31, -0.1, 10, true);
        progress.update(15, 20, 40, -0.1, 10, true);
        java.util.List<String> printed = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertTrue(printed.get(0).endsWith("ETA --:--:--"), printed.get(0));
        assertTrue(printed.get(1).matches(".*ETA \\d+:\\d\\d:\\d\\d"), printed.get(1));
    }

    private static long lines(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("t = ")).count();
    }
}
