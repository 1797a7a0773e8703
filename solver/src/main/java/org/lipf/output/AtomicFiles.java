package org.lipf.output;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files so that a reader (or a restart after a crash) sees either the old complete file or
 * the new complete file, never a partial one.
 *
 * <p>Protocol: write to a fresh temporary path {@code .NAME.tmp-RANDOM} in the target's directory
 * (same file system, so the rename is atomic), flush it to disk, then
 * {@code Files.move(tmp, target, ATOMIC_MOVE, REPLACE_EXISTING)}. If writing fails the temporary
 * file is deleted; if the process dies it stays behind under a dot-name that no reader lists
 * ({@link #isTemporary}) and {@link #deleteStaleTemporaries} removes it.
 */
public final class AtomicFiles {
    /** Infix of temporary names: {@code "." + name + TMP_INFIX + random}. */
    public static final String TMP_INFIX = ".tmp-";

    /** Writes the content of a file to a path that does not exist yet. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Path fresh) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Atomically replaces {@code target} with the UTF-8 text. */
    public static void writeString(Path target, String text) throws IOException {
        writeBytes(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Atomically replaces {@code target} with the bytes. */
    public static void writeBytes(Path target, byte[] bytes) throws IOException {
        write(target, tmp -> Files.write(tmp, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
    }

    /**
     * Atomically replaces {@code target} with what {@code content} writes to a fresh temporary path
     * (one that does not exist: jHDF does not truncate). Creates the parent directory if needed.
     *
     * @return {@code target}
     */
    public static Path write(Path target, Content content) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        Path tmp = freshTemporary(abs);
        boolean moved = false;
        try {
            content.writeTo(tmp);
            if (!Files.isRegularFile(tmp)) throw new IOException("writer produced no file at " + tmp);
            force(tmp);
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("file system of " + dir + " cannot rename atomically", e);
            }
            moved = true;
            forceDirectory(dir);
            return target;
        } finally {
            if (!moved) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the dot-name keeps it out of every listing
                }
            }
        }
    }

    /** True for names this class uses for temporary files. */
    public static boolean isTemporary(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(".") && name.contains(TMP_INFIX);
    }

    /** Deletes temporary files left in {@code dir} by a crashed writer; returns the deleted paths. */
    public static List<Path> deleteStaleTemporaries(Path dir) throws IOException {
        List<Path> deleted = new ArrayList<>();
        if (!Files.isDirectory(dir)) return deleted;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                if (isTemporary(p) && Files.isRegularFile(p)) {
                    Files.deleteIfExists(p);
                    deleted.add(p);
                }
            }
        }
        return deleted;
    }

    static Path freshTemporary(Path target) {
        Path dir = target.getParent();
        String name = target.getFileName().toString();
        while (true) {
            Path tmp = dir.resolve("." + name + TMP_INFIX + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1));
            if (!Files.exists(tmp)) return tmp;
        }
    }

    private static void force(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    private static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // not every platform can sync a directory; the rename itself is still atomic
        }
    }
}
