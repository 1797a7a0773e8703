package org.lipf.sweep;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lock of one run folder ({@code RUN/.lock}, an OS file lock): the process that holds it is
 * the only one that runs, restarts or cleans that run, so two sweep processes or Slurm tasks
 * never run the same run at once. The operating system drops the lock when its process dies, so
 * a crashed run never stays locked. (On network file systems this needs working POSIX locks,
 * which NFSv4 and Lustre provide.)
 */
final class RunLock implements AutoCloseable {
    static final String FILE_NAME = ".lock";

    /** Lock files this JVM holds (or is trying to take). */
    private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock of {@code runFolder} (which must exist), or returns null if another process (or this one) holds it. */
    static RunLock tryAcquire(Path runFolder) throws IOException {
        Path file = runFolder.resolve(FILE_NAME).toAbsolutePath().normalize();
        // Closing any channel of a file drops every lock this JVM holds on it (POSIX locks): so never
        // open a second channel on a lock file this JVM holds
        if (!HELD_HERE.add(file)) return null;
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock l = ch.tryLock();
            if (l != null) return new RunLock(file, ch, l);
        } catch (OverlappingFileLockException e) {
            // held by this JVM through a channel opened elsewhere
        }
        ch.close();
        HELD_HERE.remove(file);
        return null;
    }

    /** True if some process holds the lock of {@code runFolder} now. */
    static boolean isHeld(Path runFolder) throws IOException {
        if (!runFolder.resolve(FILE_NAME).toFile().exists()) return false;
        try (RunLock l = tryAcquire(runFolder)) {
            return l == null;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
            channel.close();
        } finally {
            HELD_HERE.remove(file);
        }
    }
}
