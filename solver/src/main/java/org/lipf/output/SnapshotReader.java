package org.lipf.output;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads snapshot files written by {@link SnapshotWriter} back into {@link Snapshot}s, bit for bit
 * (used for restart and by postprocessing), and lists the snapshots of a folder.
 */
public final class SnapshotReader {
    private static final Pattern NAME = Pattern.compile("step_(\\d{8,})\\.h5");
    /** Root attributes that are neither reserved nor extras (jHDF's own). */
    private static final String JHDF_ATTRIBUTE = "_jHDF";

    private SnapshotReader() {
    }

    /** Reads a whole snapshot file. */
    public static Snapshot read(Path file) throws IOException {
        requireFile(file);
        try (HdfFile f = new HdfFile(file)) {
            checkFormat(f, file);
            int[] shape = (int[]) attribute(f, "shape", file);
            LinkedHashMap<String, double[]> fields = new LinkedHashMap<>();
            for (String name : fieldNames(f)) {
                Dataset ds = f.getDatasetByPath("/" + name);
                requireShape(ds, shape, file);
                fields.put(name, (double[]) ds.getDataFlat());
            }
            Dataset m = f.getDatasetByPath("/" + Snapshot.MATERIAL_DATASET);
            requireShape(m, shape, file);
            byte[] material = (byte[]) m.getDataFlat();
            List<String> names = Arrays.asList((String[]) m.getAttribute("materials").getData());
            LinkedHashMap<String, Object> extras = new LinkedHashMap<>();
            for (Map.Entry<String, Attribute> e : new TreeMap<>(f.getAttributes()).entrySet()) {
                String k = e.getKey();
                if (Snapshot.RESERVED_ATTRIBUTES.contains(k) || k.equals(JHDF_ATTRIBUTE)) continue;
                extras.put(k, e.getValue().getData());
            }
            return new Snapshot(
                    (Long) attribute(f, "step", file),
                    (Double) attribute(f, "time_s", file),
                    (Double) attribute(f, "dx_m", file),
                    shape, fields, material, List.copyOf(names),
                    (Double) attribute(f, "applied_current_A_per_m2", file),
                    (Double) attribute(f, "cell_voltage_V", file),
                    extras);
        } catch (RuntimeException e) {
            throw new IOException("cannot read snapshot " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads only the attributes and dataset names of a snapshot (no field data), for rebuilding the
     * XDMF index of a run on restart. The file is taken to lie in {@code RUN/snapshots/}.
     */
    public static SnapshotInfo info(Path file) throws IOException {
        requireFile(file);
        try (HdfFile f = new HdfFile(file)) {
            checkFormat(f, file);
            return new SnapshotInfo((Long) attribute(f, "step", file), (Double) attribute(f, "time_s", file), (Double) attribute(f, "dx_m", file),
                    (int[]) attribute(f, "shape", file), fieldNames(f), f.getChild(Snapshot.MATERIAL_DATASET) != null,
                    SnapshotInfo.SNAPSHOT_DIR + "/" + file.getFileName());
        } catch (RuntimeException e) {
            throw new IOException("cannot read snapshot " + file + ": " + e.getMessage(), e);
        }
    }

    /** {@link #info} of every snapshot in {@code dir}, sorted by step. */
    public static List<SnapshotInfo> infos(Path dir) throws IOException {
        List<SnapshotInfo> out = new ArrayList<>();
        for (Path p : list(dir)) out.add(info(p));
        return out;
    }

    /**
     * The snapshot files {@code step_NNNNNNNN.h5} in {@code dir}, sorted by step; temporary files of
     * an interrupted write are ignored. An absent folder gives an empty list.
     */
    public static List<Path> list(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) return out;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                if (step(p) >= 0 && Files.isRegularFile(p)) out.add(p);
            }
        }
        out.sort(Comparator.comparingLong(SnapshotReader::step));
        return out;
    }

    /** The step of a snapshot file name, or -1 if the name is not {@code step_NNNNNNNN.h5}. */
    public static long step(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }

    /** Float64 field datasets, standard fields first in {@link Snapshot#FIELD_UNITS} order. */
    private static List<String> fieldNames(HdfFile f) {
        List<String> names = new ArrayList<>();
        for (String n : Snapshot.FIELD_UNITS.keySet()) {
            Node c = f.getChild(n);
            if (c instanceof Dataset) names.add(n);
        }
        return names;
    }

    private static void checkFormat(HdfFile f, Path file) throws IOException {
        Attribute a = f.getAttribute("format");
        if (a == null || !SnapshotWriter.FORMAT.equals(a.getData())) throw new IOException(file + " is not a LiPF snapshot (format attribute " + (a == null ? "missing" : "'" + a.getData() + "'") + ", expected '" + SnapshotWriter.FORMAT + "')");
    }

    private static Object attribute(HdfFile f, String name, Path file) throws IOException {
        Attribute a = f.getAttribute(name);
        if (a == null) throw new IOException(file + " has no attribute '" + name + "'");
        return a.getData();
    }

    private static void requireShape(Dataset ds, int[] shape, Path file) throws IOException {
        if (!Arrays.equals(ds.getDimensions(), shape)) throw new IOException(file + ":" + ds.getPath() + " has shape " + Arrays.toString(ds.getDimensions()) + ", attribute shape is " + Arrays.toString(shape));
    }

    private static void requireFile(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new IOException("no snapshot file " + file);
    }
}
