package org.lipf.sweep;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.lipf.cli.Lipf;

/** The tiny test cell, sweep files in a temporary folder, and {@code lipf} calls with captured stderr. */
final class SweepTestSupport {
    private SweepTestSupport() {
    }

    /** What one CLI call gave. */
    record Result(int exitCode, String stderr) {
    }

    /** Copies the tiny cell scenario ({@code tiny/cell.yaml}: 16 x 32 cells, 40 steps to 0.02 s) into {@code dir}. */
    static Path tinyCell(Path dir) throws IOException {
        Path p = dir.resolve("cell.yaml");
        try (InputStream in = SweepTestSupport.class.getResourceAsStream("/tiny/cell.yaml")) {
            Files.copy(in, p);
        }
        return p;
    }

    /** A 2 x 2 PNG voxel image, black, or with one white pixel. */
    static void png(Path file, boolean white) throws IOException {
        BufferedImage img = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        if (white) img.setRGB(1, 0, 0xffffff);
        ImageIO.write(img, "png", file.toFile());
    }

    static Path write(Path dir, String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    /** Runs {@code lipf ARGS} in this JVM with System.err captured (and restored). */
    static Result lipf(String... args) {
        PrintStream saved = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(buf, true, StandardCharsets.UTF_8)) {
            System.setErr(capture);
            int code = Lipf.execute(args);
            capture.flush();
            return new Result(code, buf.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(saved);
        }
    }
}
