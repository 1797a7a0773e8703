package org.lipf.grid;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * What an image file is, from its first bytes (its signature), so that a file that is not what its
 * name asks {@link VoxelImage} to read (a PNG by its name, HDF5 otherwise) is refused with what it
 * seems to be, rather than with the HDF5 library's "no valid signature".
 */
enum ImageFormat {
    PNG("a PNG image"),
    HDF5("an HDF5 file"),
    TIFF("a TIFF image"),
    BMP("a BMP image"),
    JPEG("a JPEG image"),
    GIF("a GIF image"),
    NUMPY("a NumPy .npy array"),
    TEXT("a text file"),
    EMPTY("an empty file"),
    UNKNOWN("of a format LiPF does not know");

    final String description;

    ImageFormat(String description) {
        this.description = description;
    }

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] HDF5_SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

    /** The format of {@code file}'s content. */
    static ImageFormat of(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(512);
        }
        if (head.length == 0) return EMPTY;
        if (startsWith(head, PNG_SIGNATURE)) return PNG;
        if (isHdf5(file)) return HDF5;
        if (startsWith(head, "II*\0".getBytes(StandardCharsets.ISO_8859_1)) || startsWith(head, "MM\0*".getBytes(StandardCharsets.ISO_8859_1))) return TIFF;
        if (startsWith(head, "BM".getBytes(StandardCharsets.ISO_8859_1))) return BMP;
        if (startsWith(head, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff})) return JPEG;
        if (startsWith(head, "GIF8".getBytes(StandardCharsets.ISO_8859_1))) return GIF;
        if (startsWith(head, "\u0093NUMPY".getBytes(StandardCharsets.ISO_8859_1))) return NUMPY;
        return isText(head) ? TEXT : UNKNOWN;
    }

    /**
     * Why a file named for {@code expected} (PNG or HDF5) but holding {@code found} is not read: what it seems to be,
     * the rule by which the name picks the format, and what to do (rename it, or convert it).
     */
    static String mismatch(ImageFormat expected, ImageFormat found) {
        String fix = found == PNG ? "; name it *.png to read it as one" : found == HDF5 ? "; give it a name not ending in .png to read it as one"
                : "; convert it to one of these";
        return "not " + expected.description + ": it seems to be " + found.description
                + " (LiPF reads images from PNG files, named *.png, and HDF5 files, any other name)" + fix;
    }

    /** HDF5's superblock signature, at byte 0 or, after a user block, at 512, 1024, 2048, ... */
    private static boolean isHdf5(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file)) {
            ByteBuffer b = ByteBuffer.allocate(HDF5_SIGNATURE.length);
            for (long at = 0; at + HDF5_SIGNATURE.length <= ch.size(); at = at == 0 ? 512 : 2 * at) {
                b.clear();
                ch.read(b, at);
                if (Arrays.equals(b.array(), HDF5_SIGNATURE)) return true;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] head, byte[] signature) {
        return head.length >= signature.length && Arrays.equals(head, 0, signature.length, signature, 0, signature.length);
    }

    /** No control characters but tab, newline and carriage return (UTF-8 text passes: its bytes are >= 0x80). */
    private static boolean isText(byte[] head) {
        for (byte x : head)
            if ((x & 0xff) < 0x20 && x != '\t' && x != '\n' && x != '\r') return false;
        return true;
    }
}
