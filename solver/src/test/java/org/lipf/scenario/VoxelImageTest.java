package org.lipf.scenario;

import static org.junit.jupiter.api.Assertions.*;
import static org.lipf.scenario.MicrostructureTest.BASE;
import static org.lipf.scenario.MicrostructureTest.build;
import static org.lipf.scenario.MicrostructureTest.loadIn;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lipf.grid.MaterialMap;
import org.lipf.grid.VoxelImage;

/** How voxel image files are read (PNG kinds, HDF5) and mapped; placement and the mapping rules are in {@link MicrostructureTest}. */
class VoxelImageTest {
    /** Writes a 4 x 1 PNG of {@code type} whose raster samples (band 0) are {@code levels}, left to right. */
    static Path grayPng(Path dir, String name, int type, int... levels) throws IOException {
        BufferedImage img = new BufferedImage(levels.length, 1, type);
        for (int x = 0; x < levels.length; x++) img.getRaster().setSample(x, 0, 0, levels[x]);
        Path f = dir.resolve(name);
        assertTrue(ImageIO.write(img, "png", f.toFile()));
        return f;
    }

    static String keys(VoxelImage img) {
        StringBuilder b = new StringBuilder();
        for (int x = 0; x < img.nx; x++) b.append(x > 0 ? " " : "").append(img.key(img.value(x, 0, 0)));
        return b.toString();
    }

    @Test
    void eightBitGrayLevelsAreReadAsWrittenNotColourConverted(@TempDir Path dir) throws Exception {
        Path f = grayPng(dir, "labels.png", BufferedImage.TYPE_BYTE_GRAY, 0, 1, 2, 128, 255);
        // getRGB would give #000000 #0d0d0d #161616 #bcbcbc #ffffff (linear gray to sRGB)
        assertEquals("#000000 #010101 #020202 #808080 #ffffff", keys(VoxelImage.read(f, "")));
    }

    @Test
    void sixteenBitGrayIsRefusedWithWhatToDo(@TempDir Path dir) throws Exception {
        Path f = grayPng(dir, "labels16.png", BufferedImage.TYPE_USHORT_GRAY, 0, 1, 2, 60000);
        IOException e = assertThrows(IOException.class, () -> VoxelImage.read(f, ""));
        assertTrue(e.getMessage().contains("16-bit grayscale PNG") && e.getMessage().contains("save it as 8-bit grayscale"), e.getMessage());
    }

    @Test
    void rgbRgbaAndPaletteImagesKeepTheirColours(@TempDir Path dir) throws Exception {
        int[] colours = {0x000000, 0xff0000, 0x020202, 0x12ab34};
        BufferedImage rgb = new BufferedImage(4, 1, BufferedImage.TYPE_INT_RGB);
        BufferedImage rgba = new BufferedImage(4, 1, BufferedImage.TYPE_INT_ARGB);
        byte[] r = new byte[4], g = new byte[4], b = new byte[4];
        for (int i = 0; i < 4; i++) {
            r[i] = (byte) (colours[i] >> 16);
            g[i] = (byte) (colours[i] >> 8);
            b[i] = (byte) colours[i];
        }
        BufferedImage palette = new BufferedImage(4, 1, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(8, 4, r, g, b));
        for (int x = 0; x < 4; x++) {
            rgb.setRGB(x, 0, colours[x]);
            rgba.setRGB(x, 0, 0x80000000 | colours[x]); // half transparent: the alpha is not part of the colour
            palette.getRaster().setSample(x, 0, 0, x);
        }
        for (BufferedImage img : new BufferedImage[] {rgb, rgba, palette}) {
            Path f = dir.resolve("c" + img.getType() + ".png");
            ImageIO.write(img, "png", f.toFile());
            assertEquals("#000000 #ff0000 #020202 #12ab34", keys(VoxelImage.read(f, "")), "type " + img.getType());
        }
    }

    @Test
    void aGrayLabelImageMapsByItsGrayLevels(@TempDir Path dir) throws Exception {
        grayPng(dir, "labels.png", BufferedImage.TYPE_BYTE_GRAY, 0, 1, 2, 128);
        MaterialMap m = build(loadIn(dir, BASE + "  images: [{file: labels.png, voxel_size: 0.5 um, offset: {z: 3 um}, "
                + "colors: {\"#000000\": el, \"#010101\": lif, \"#020202\": mg, \"#808080\": li}}]\n")).materials();
        assertEquals("el", m.name(2, 0, 32));
        assertEquals("lif", m.name(7, 0, 32));
        assertEquals("mg", m.name(12, 0, 32));
        assertEquals("li", m.name(17, 0, 32));
    }
}
