package org.lipf.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.lipf.output.SnapshotReader;

/**
 * A run that the JVM could not carry on (an {@link Error}: out of memory, a stack overflow) after its folder was written:
 * the message says what happened and what to do, and is the reason run.json records. The caller reports it as it reports
 * other failed runs, in one line.
 */
final class JvmFailure extends RuntimeException {
    private JvmFailure(String message, Error cause) {
        super(message, cause);
    }

    /**
     * The failure of the run in {@code runDir} that {@code error} ended; its last snapshot is named for the restart, which
     * {@code runAgain} makes.
     */
    static JvmFailure of(Error error, Path runDir, RunAgain runAgain) {
        return new JvmFailure(what(error, runAgain) + "; " + runAgain.goOn(lastSnapshot(runDir)), error);
    }

    private static String what(Error error, RunAgain runAgain) {
        if (error instanceof OutOfMemoryError)
            return String.format(Locale.ROOT, "the JVM ran out of memory (%s) with a heap limit of %s: give it more, e.g. %s, or coarsen grid.spacing",
                    error.getMessage(), heapLimit(), runAgain.withJvmOptions(largerHeap()));
        if (error instanceof StackOverflowError)
            return "a thread's stack overflowed: give the threads more, e.g. " + runAgain.withJvmOptions("-Xss16m");
        return "the JVM failed: " + error.getClass().getSimpleName() + (error.getMessage() != null ? ": " + error.getMessage() : "");
    }

    /** The heap the JVM may use, as "62.9 MiB" or "8.00 GiB". */
    static String heapLimit() {
        final double heap_MiB = heap_MiB();
        return heap_MiB >= 1024 ? String.format(Locale.ROOT, "%.3g GiB", heap_MiB / 1024) : String.format(Locale.ROOT, "%.0f MiB", heap_MiB);
    }

    /** The -Xmx option for twice the heap the JVM may use. */
    static String largerHeap() {
        return xmx(2 * heap_MiB());
    }

    private static double heap_MiB() {
        return Runtime.getRuntime().maxMemory() / (double) (1 << 20);
    }

    /** A heap size as -Xmx gives it: whole GiB ("-Xmx16g") from 1 GiB on, else whole MiB ("-Xmx160m"); rounded up. */
    private static String xmx(double heap_MiB) {
        return heap_MiB >= 1024 ? "-Xmx" + (long) Math.ceil(heap_MiB / 1024 - 1e-9) + "g" : "-Xmx" + (long) Math.ceil(heap_MiB - 1e-9) + "m";
    }

    /** The run's last snapshot; null where it wrote none. */
    private static Path lastSnapshot(Path runDir) {
        List<Path> snapshots;
        try {
            snapshots = SnapshotReader.list(runDir.resolve("snapshots"));
        } catch (IOException unreadable) {
            snapshots = List.of();
        }
        return snapshots.isEmpty() ? null : snapshots.get(snapshots.size() - 1);
    }
}
