package org.lipf.sweep;

import java.io.IOException;
import java.io.InputStream;

/**
 * Stops a child of a local sweep ({@link LocalExecutor}) when the sweep process that started it ends, however it ends:
 * killed with -9 or by the out-of-memory killer it runs no shutdown hook to stop its children, which would otherwise go on
 * writing to their run folders while a resumed sweep restarts the same runs. The sweep keeps the write end of a pipe on
 * the child's standard input and never writes to it; the kernel closes it when the sweep dies, and the child, reading,
 * sees the end of the stream at once. The child then exits as a SIGTERM ends it ({@link #EXIT_STOPPED}, as the sweep's
 * shutdown hook stops its children on Ctrl-C): its run.json still says running, so the run reads as interrupted once its
 * lock is gone, and continues from its last snapshot (written atomically) next time.
 *
 * <p>A pipe rather than the sweep's pid: {@code ProcessHandle.of(pid).onExit()} of a process that is not one's own child
 * is polled, at intervals that grow to 5 s, and a pid can be reused; the end of the pipe comes with the process's end
 * itself. Java starts a child with no descriptor but 0, 1 and 2 open, so no other child holds this child's pipe open.
 */
final class ParentPipe {
    /**
     * The option of {@code lipf sweep --task} that makes the child watch its standard input: internal, given by
     * {@link LocalExecutor} only (a Slurm task has no sweep process above it), so hidden from {@code --help}.
     */
    static final String OPTION = "--stop-with-sweep";
    /** The exit code of a child stopped so: that of a JVM ended by SIGTERM (128 + 15). */
    static final int EXIT_STOPPED = 143;

    private ParentPipe() {
    }

    /** Runs {@code onEnd} in a daemon thread when {@code in}, the pipe from the sweep process, ends. */
    static void watch(InputStream in, Runnable onEnd) {
        Thread watcher = new Thread(() -> {
            byte[] ignored = new byte[64];
            try {
                while (in.read(ignored) >= 0) {
                    // the sweep writes nothing: only the end of the stream means anything
                }
            } catch (IOException broken) {
                // a pipe that cannot be read has lost its writer as well
            }
            onEnd.run();
        }, "sweep-parent-pipe");
        watcher.setDaemon(true);
        watcher.start();
    }
}
