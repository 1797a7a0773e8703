package org.lipf.grid;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.lipf.output.Snapshot;
import org.lipf.output.SnapshotWriter;

/**
 * A voxel image read from disk: an HDF5 dataset of integer ids (jHDF; 2D {@code [z][x]} or 3D
 * {@code [z][y][x]}, z up, the layout of a LiPF snapshot's {@code /material}) or a PNG (ImageIO;
 * row 0 is the top, so it is flipped to z up; colours without alpha; an 8-bit gray level v is
 * {@code 0xvvvvvv}, a 16-bit grayscale PNG is refused). Values are kept as
 * {@code int}: the id for HDF5, {@code 0xRRGGBB} for PNG; {@link #key(int)} is the text a scenario
 * maps ({@code "7"}, {@code "#1a2b3c"}). A LiPF snapshot's {@code /material} also carries each
 * voxel's xi and c.
 */
public final class VoxelImage {
    public final int nx, ny, nz;
    public final boolean png;
    /** Voxel values, index {@code (z * ny + y) * nx + x}, z up. */
    private final int[] values;
    /** Material names stored with an HDF5 dataset (its {@code materials} attribute), else empty. */
    public final List<String> embeddedNames;
    /** A LiPF snapshot's xi and c at each voxel (indexed as {@link #values}); null for any other image. */
    private final double[] snapshotXi, snapshotC;

    private VoxelImage(int nx, int ny, int nz, boolean png, int[] values, List<String> embeddedNames, double[][] snapshotState) {
        this.nx = nx;
        this.ny = ny;
        this.nz = nz;
        this.png = png;
        this.values = values;
        this.embeddedNames = List.copyOf(embeddedNames);
        this.snapshotXi = snapshotState == null ? null : snapshotState[0];
        this.snapshotC = snapshotState == null ? null : snapshotState[1];
    }

    /**
     * Reads {@code file}: a PNG if its name ends in .png, else HDF5 dataset {@code dataset}.
     *
     * @throws IOException with a message fit for the user (no such file, not the format its name says and what it
     *     seems to be, no such dataset, not integers, ...)
     */
    public static VoxelImage read(Path file, String dataset) throws IOException {
        if (!Files.isRegularFile(file)) throw new IOException("no such file");
        ImageFormat expected = isPngName(file) ? ImageFormat.PNG : ImageFormat.HDF5, found = ImageFormat.of(file);
        if (found != expected) throw new IOException(ImageFormat.mismatch(expected, found));
        return expected == ImageFormat.PNG ? readPng(file) : readHdf5(file, dataset);
    }

    /** Whether a file is read as a PNG (its name ends in .png, in any case) rather than as HDF5. */
    public static boolean isPngName(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png");
    }

    private static VoxelImage readPng(Path file) throws IOException {
        BufferedImage img;
        try {
            img = ImageIO.read(file.toFile());
        } catch (javax.imageio.IIOException e) {
            throw new IOException("a damaged PNG image: " + e.getMessage(), e);
        }
        if (img == null) throw new IOException("a PNG image that ImageIO cannot decode");
        int w = img.getWidth(), h = img.getHeight();
        int[] v = new int[w * h];
        int grayBits = grayBits(img);
        if (grayBits > 8)
            throw new IOException("a " + grayBits + "-bit grayscale PNG: its gray levels do not fit the \"#rrggbb\" keys of colors; save it as 8-bit "
                    + "grayscale (gray v is read as \"#vvvvvv\"), or store the labels as an HDF5 dataset of integer ids");
        Raster raster = img.getRaster();
        int grayMax = (1 << grayBits) - 1; // a level scales to 0..255 as the PNG standard says (8 bits: as written)
        for (int row = 0; row < h; row++)
            for (int x = 0; x < w; x++)
                v[(h - 1 - row) * w + x] = grayBits > 0 ? raster.getSample(x, row, 0) * 255 / grayMax * 0x010101 : img.getRGB(x, row) & 0xFFFFFF;
        return new VoxelImage(w, 1, h, true, v, List.of(), null);
    }

    /**
     * The bits per gray sample of a grayscale PNG (with or without alpha), 0 for any other. ImageIO gives an 8- or
     * 16-bit gray PNG a linear gray colour space, which getRGB converts to sRGB (gray 2 becomes #161616): a label
     * image's gray levels are read from its samples instead. Gray PNGs of 1, 2 or 4 bits come with a palette of
     * gray levels, which getRGB reads as written.
     */
    private static int grayBits(BufferedImage img) {
        ColorModel cm = img.getColorModel();
        if (cm instanceof IndexColorModel || cm.getColorSpace().getType() != ColorSpace.TYPE_GRAY) return 0;
        return img.getSampleModel().getSampleSize(0);
    }

    private static VoxelImage readHdf5(Path file, String dataset) throws IOException {
        try (HdfFile f = new HdfFile(file)) {
            Dataset ds;
            try {
                ds = f.getDatasetByPath(dataset);
            } catch (RuntimeException e) {
                throw new IOException("no dataset '" + dataset + "'");
            }
            int[] dims = ds.getDimensions();
            if (dims.length != 2 && dims.length != 3) throw new IOException("dataset '" + dataset + "' has " + dims.length + " dimensions; expected [z][x] or [z][y][x]");
            Object flat = ds.getDataFlat();
            Class<?> type = flat.getClass().getComponentType();
            if (type != byte.class && type != short.class && type != int.class && type != long.class)
                throw new IOException("dataset '" + dataset + "' holds " + type + ", not integer ids");
            int n = Array.getLength(flat);
            int[] v = new int[n];
            for (int q = 0; q < n; q++) {
                long id = ((Number) Array.get(flat, q)).longValue();
                if (id < Integer.MIN_VALUE || id > Integer.MAX_VALUE) throw new IOException("id " + id + " out of the int range");
                v[q] = (int) id;
            }
            List<String> names = new ArrayList<>();
            Attribute a = ds.getAttribute("materials");
            if (a != null && a.getData() instanceof String[] s) names.addAll(List.of(s));
            double[][] state = snapshotState(f, ds, dims);
            return dims.length == 2 ? new VoxelImage(dims[1], 1, dims[0], false, v, names, state) : new VoxelImage(dims[2], dims[1], dims[0], false, v, names, state);
        } catch (RuntimeException e) {
            throw new IOException("cannot read it as HDF5: " + e.getMessage(), e);
        }
    }

    /**
     * {xi, c} of a LiPF snapshot (root attribute {@code format}) read through its {@code /material}: a snapshot re-used
     * as an image can give each cell the phase and concentration its voxel had, not only its material (with xi = 0 the
     * re-used Li anode would vanish). Null for any other file or dataset.
     */
    private static double[][] snapshotState(HdfFile f, Dataset ids, int[] dims) throws IOException {
        Attribute format = f.getAttribute("format");
        if (format == null || !SnapshotWriter.FORMAT.equals(format.getData()) || !ids.getPath().equals("/" + Snapshot.MATERIAL_DATASET)) return null;
        double[][] state = new double[2][];
        String[] fields = {"xi", "c"};
        for (int i = 0; i < fields.length; i++) {
            if (!(f.getChild(fields[i]) instanceof Dataset d) || !Arrays.equals(d.getDimensions(), dims) || !(d.getDataFlat() instanceof double[] values))
                throw new IOException("a LiPF snapshot without a float64 /" + fields[i] + " of the shape " + Arrays.toString(dims) + " of its /material");
            state[i] = values;
        }
        return state;
    }

    public boolean is3D() {
        return ny > 1;
    }

    private int index(int x, int y, int z) {
        return (z * ny + y) * nx + x;
    }

    /** Value of voxel (x, y, z), z up. */
    public int value(int x, int y, int z) {
        return values[index(x, y, z)];
    }

    /** Whether this is a LiPF snapshot's material map, whose voxels also carry {@link #snapshotXi} and {@link #snapshotC}. */
    public boolean isSnapshot() {
        return snapshotXi != null;
    }

    /** The snapshot's xi at voxel (x, y, z); only for {@link #isSnapshot()}. */
    public double snapshotXi(int x, int y, int z) {
        return snapshotXi[index(x, y, z)];
    }

    /** The snapshot's c at voxel (x, y, z); only for {@link #isSnapshot()}. */
    public double snapshotC(int x, int y, int z) {
        return snapshotC[index(x, y, z)];
    }

    /** Flat index of the first voxel whose value {@code mapped} rejects, or -1. */
    public int firstUnmapped(java.util.function.IntPredicate mapped) {
        for (int q = 0; q < values.length; q++)
            if (!mapped.test(values[q])) return q;
        return -1;
    }

    /** The value at flat index q. */
    public int valueAt(int q) {
        return values[q];
    }

    /** Where flat index q is, for messages: "pixel x 3, row 7 from the top" or "voxel [z][y][x] = [2][0][3]". */
    public String describe(int q) {
        int x = q % nx, y = (q / nx) % ny, z = q / (nx * ny);
        return png ? "pixel x " + x + ", row " + (nz - 1 - z) + " from the top" : "voxel [z][y][x] = [" + z + "][" + y + "][" + x + "]";
    }

    /** The text a scenario maps: "#rrggbb" for PNG, the decimal id for HDF5. */
    public String key(int value) {
        return png ? String.format(Locale.ROOT, "#%06x", value) : Integer.toString(value);
    }

    /**
     * A mapping key as written in YAML in the form {@link #key(int)} gives ("#FFF000" -> "#fff000", " 07" -> "7"), so
     * that keys naming the same value are found equal; null if it is not a colour "#rrggbb" (PNG) or an int id (HDF5).
     */
    public String canonicalKey(String text) {
        String k = text.trim().toLowerCase(Locale.ROOT);
        if (png) return k.matches("#[0-9a-f]{6}") ? k : null;
        try {
            return Integer.toString(Integer.parseInt(k));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** SHA-256 of the file, hex. */
    public static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
