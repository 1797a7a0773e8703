package org.lipf.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
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

    /**
     * The runs of a --jobs 2 sweep start one by one, and the next one as a run ends: the line counts them running
     * once they have started (it said "1 running, 1 pending" at the start, and stayed so until the next change).
     */
    @Test
    void runsStartingTogetherAreCountedRunningOnceAllStarted() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        SweepProgress progress = new SweepProgress(new PrintStream(buf, true, StandardCharsets.UTF_8), 3, 0, 2, () -> 0L);
        progress.started();
        progress.started();
        assertEquals(List.of("sweep: 0/3 done, 2 running, 0 failed, 1 pending  ETA --:--:--"), lines(buf));
    }

    /**
     * Outside a terminal the line is printed at most every 10 s: a change within that time is printed by the first
     * call after it (the sweep calls while it waits), not left standing as the line before it until the next change.
     */
    @Test
    void aChangeHeldBackByTheLimitIsPrintedOnceItIsDue() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        long[] now_ns = {0};
        SweepProgress progress = new SweepProgress(new PrintStream(buf, true, StandardCharsets.UTF_8), 4, 0, 2, () -> now_ns[0]);
        progress.started();
        progress.started();
        now_ns[0] = 3_600_000_000_000L;
        progress.ended(Status.FINISHED, false, 3600);
        progress.started();
        now_ns[0] += 100_000_000L;
        progress.ended(Status.FINISHED, false, 3600);
        progress.started();
        progress.print(false);
        List<String> printed = List.of("sweep: 0/4 done, 2 running, 0 failed, 2 pending  ETA --:--:--", "sweep: 1/4 done, 2 running, 0 failed, 1 pending  ETA 1:00:00");
        assertEquals(printed, lines(buf), "within 10 s of the last line");
        now_ns[0] += 10_000_000_000L;
        progress.print(false);
        progress.print(false);
        assertEquals(List.of(printed.get(0), printed.get(1), "sweep: 2/4 done, 2 running, 0 failed, 0 pending  ETA 0:30:00"), lines(buf),
                "the change once due, once");
        progress.finish();
        assertEquals(3, lines(buf).size(), "the sweep's end prints the line again only if it changed");
    }

    private static List<String> lines(ByteArrayOutputStream buf) {
        return buf.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
