package org.lipf.output;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What {@link XdmfWriter} needs to index one snapshot file: its step, time, grid and datasets.
 *
 * @param step time-step index
 * @param time_s simulated time (s)
 * @param dx_m grid spacing (m)
 * @param shape array shape in C order ({nz,nx} or {nz,ny,nx})
 * @param fields float64 field dataset names
 * @param hasMaterial whether the file has the int8 {@code material} dataset
 * @param relativePath path of the file relative to the run folder, with '/' separators
 */
public record SnapshotInfo(long step, double time_s, double dx_m, int[] shape, List<String> fields, boolean hasMaterial, String relativePath) {
    /** Folder of the snapshot files inside a run folder. */
    public static final String SNAPSHOT_DIR = "snapshots";

    public SnapshotInfo {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(relativePath, "relativePath");
        if (shape.length != 2 && shape.length != 3) throw new IllegalArgumentException("shape must have 2 or 3 entries: " + Arrays.toString(shape));
        shape = shape.clone();
        fields = List.copyOf(fields);
    }

    /** The info of a snapshot written by {@link SnapshotWriter} into {@code RUN/snapshots/}. */
    public static SnapshotInfo of(Snapshot s) {
        return new SnapshotInfo(s.step(), s.time_s(), s.dx_m(), s.shape(), List.copyOf(s.fields().keySet()), true,
                SNAPSHOT_DIR + "/" + SnapshotWriter.fileName(s.step()));
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SnapshotInfo i && step == i.step && Double.compare(time_s, i.time_s) == 0 && Double.compare(dx_m, i.dx_m) == 0
                && Arrays.equals(shape, i.shape) && fields.equals(i.fields) && hasMaterial == i.hasMaterial && relativePath.equals(i.relativePath);
    }

    @Override
    public int hashCode() {
        return Objects.hash(step, time_s, Arrays.hashCode(shape), relativePath);
    }

    @Override
    public String toString() {
        return "SnapshotInfo[step=" + step + ", time_s=" + time_s + ", shape=" + Arrays.toString(shape) + ", " + relativePath + "]";
    }
}
