package org.lipf.postprocess.render;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.lipf.output.AtomicFiles;

/**
 * An animated GIF that loops forever, written with the JDK's GIF writer (which builds an adaptive
 * palette per frame); the NETSCAPE2.0 application extension sets the looping.
 */
public final class GifAnimation {
    private GifAnimation() {
    }

    /** Writes the frames (padded with white to the largest frame) atomically, {@code delay_ms} per frame. */
    public static Path write(List<BufferedImage> frames, int delay_ms, Path file) throws IOException {
        if (frames.isEmpty()) throw new IllegalArgumentException("no frames");
        int w = 0, h = 0;
        for (BufferedImage f : frames) {
            w = Math.max(w, f.getWidth());
            h = Math.max(h, f.getHeight());
        }
        final int width = w, height = h;
        return AtomicFiles.write(file, tmp -> {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
            try (ImageOutputStream out = ImageIO.createImageOutputStream(tmp.toFile())) {
                writer.setOutput(out);
                writer.prepareWriteSequence(null);
                for (BufferedImage f : frames) {
                    BufferedImage padded = pad(f, width, height);
                    ImageWriteParam param = writer.getDefaultWriteParam();
                    IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(padded), param);
                    configure(meta, delay_ms);
                    writer.writeToSequence(new IIOImage(padded, null, meta), param);
                }
                writer.endWriteSequence();
            } finally {
                writer.dispose();
            }
        });
    }

    private static BufferedImage pad(BufferedImage f, int w, int h) {
        if (f.getWidth() == w && f.getHeight() == h) return f;
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.drawImage(f, 0, 0, null);
        g.dispose();
        return out;
    }

    private static void configure(IIOMetadata meta, int delay_ms) throws IOException {
        String format = meta.getNativeMetadataFormatName();
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
        IIOMetadataNode gce = child(root, "GraphicControlExtension");
        gce.setAttribute("disposalMethod", "none");
        gce.setAttribute("userInputFlag", "FALSE");
        gce.setAttribute("transparentColorFlag", "FALSE");
        gce.setAttribute("delayTime", Integer.toString(Math.max(1, delay_ms / 10)));
        gce.setAttribute("transparentColorIndex", "0");
        IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
        app.setAttribute("applicationID", "NETSCAPE");
        app.setAttribute("authenticationCode", "2.0");
        app.setUserObject(new byte[] {1, 0, 0}); // sub-block 1: loop count 0 = forever
        child(root, "ApplicationExtensions").appendChild(app);
        meta.setFromTree(format, root);
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int n = 0; n < root.getLength(); n++)
            if (root.item(n).getNodeName().equalsIgnoreCase(name)) return (IIOMetadataNode) root.item(n);
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }
}
