package org.lipf.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.lipf.sweep.RunState.Status;

class SweepProgressTest {
    /** A run whose child JVM was killed (-9) is what summary.csv calls it, interrupted, not failed. */
    @Test
    void endedRunsCountUnderTheirSummaryStatus() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        SweepProgress progress = new SweepProgress(new PrintStream(buf, true, StandardCharsets.UTF_8), 5, 0, 1);
        for (Status s : new Status[] {Status.INTERRUPTED, Status.FAILED, Status.PENDING}) {
            progress.started();
            progress.ended(s, false, 1);
        }
        progress.finish();
        String last = buf.toString(StandardCharsets.UTF_8).strip().lines().reduce((a, b) -> b).orElseThrow();
        assertEquals("sweep: 0/5 done, 0 running, 1 failed, 1 interrupted, 3 pending  ETA --:--:--", last.strip());
    }
}
