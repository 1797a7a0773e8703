package org.lipf.output;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.DatasetCreationOptions;
import io.jhdf.api.WritableDataset;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes one HDF5 file per snapshot, {@code DIR/step_NNNNNNNN.h5}, with jHDF, atomically.
 *
 * <p>File layout (root group {@code /}):
 * <pre>
 *   attributes  format = "lipf-snapshot/1", time_s (float64), step (int64), dx_m (float64),
 *               shape (int32[2|3], C order: {nz,nx} or {nz,ny,nx}),
 *               applied_current_A_per_m2 (float64), cell_voltage_V (float64),
 *               extras: float64 / int64 / string scalars
 *   /xi, /c, /phi_l, /phi_s, /rate   float64 [nz][nx] or [nz][ny][nx], attribute units = "1","1","V","V","1/s"
 *   /material                 int8 same shape, attribute materials = string[] (index = id)
 * </pre>
 * jHDF also adds a root attribute {@code _jHDF} naming its version.
 *
 * <p>jHDF builds the whole file at {@code close()}, keeping the arrays referenced until then, and
 * does not truncate an existing file, so each write goes to a fresh temporary path
 * ({@link AtomicFiles}) which is renamed over the target only once complete.
 *
 * <p>With {@code deflateLevel > 0}, datasets are chunked (whole z-planes, about 1 MiB per chunk),
 * byte-shuffled and deflate-compressed; level 0 writes contiguous uncompressed datasets. Measured
 * (jHDF 0.13, noisy 128^3 fields): level 0 writes in 0.5 s, level 1 in 2.2 s and 27% smaller.
 */
public final class SnapshotWriter {
    public static final String FORMAT = "lipf-snapshot/1";
    /** Target bytes per chunk of a float64 dataset. */
    static final int CHUNK_BYTES = 1 << 20;

    /** Called on the open file just before it is closed (tests use it to simulate a crash). */
    @FunctionalInterface
    interface BeforeClose {
        void run(WritableHdfFile file) throws IOException;
    }

    private final int deflateLevel;

    /** Chunked, deflate level 1 (fast, and phase fields compress well). */
    public SnapshotWriter() {
        this(1);
    }

    /** @param deflateLevel 0 (contiguous, uncompressed) to 9 */
    public SnapshotWriter(int deflateLevel) {
        if (deflateLevel < 0 || deflateLevel > 9) throw new IllegalArgumentException("deflate level must be 0..9: " + deflateLevel);
        this.deflateLevel = deflateLevel;
    }

    /** File name of the snapshot of a step: {@code step_%08d.h5}. */
    public static String fileName(long step) {
        return String.format("step_%08d.h5", step);
    }

    /**
     * Writes {@code s} to {@code dir/step_NNNNNNNN.h5}, replacing any file of that name; creates
     * {@code dir} if needed.
     *
     * @return the path of the written file
     */
    public Path write(Path dir, Snapshot s) throws IOException {
        return write(dir, s, f -> { });
    }

    Path write(Path dir, Snapshot s, BeforeClose beforeClose) throws IOException {
        Path target = dir.resolve(fileName(s.step()));
        AtomicFiles.write(target, tmp -> {
            try (WritableHdfFile f = HdfFile.write(tmp)) {
                fill(f, s);
                beforeClose.run(f);
            } catch (RuntimeException e) {
                throw new IOException("cannot write snapshot " + target + ": " + e.getMessage(), e);
            }
        });
        return target;
    }

    private void fill(WritableHdfFile f, Snapshot s) {
        f.putAttribute("format", FORMAT);
        f.putAttribute("time_s", s.time_s());
        f.putAttribute("step", s.step());
        f.putAttribute("dx_m", s.dx_m());
        f.putAttribute("shape", s.shape().clone());
        f.putAttribute("applied_current_A_per_m2", s.appliedCurrent_A_per_m2());
        f.putAttribute("cell_voltage_V", s.cellVoltage_V());
        for (Map.Entry<String, Object> e : s.extras().entrySet()) f.putAttribute(e.getKey(), e.getValue());

        int[] shape = s.shape();
        for (Map.Entry<String, double[]> e : s.fields().entrySet()) {
            WritableDataset ds = f.putDataset(e.getKey(), toMultiDim(e.getValue(), shape), options(shape, Double.BYTES));
            ds.putAttribute("units", Snapshot.FIELD_UNITS.get(e.getKey()));
        }
        WritableDataset m = f.putDataset(Snapshot.MATERIAL_DATASET, toMultiDim(s.material(), shape), options(shape, 1));
        m.putAttribute("materials", s.materialNames().toArray(new String[0]));
    }

    private DatasetCreationOptions options(int[] shape, int elementBytes) {
        if (deflateLevel == 0) return DatasetCreationOptions.DEFAULT;
        long plane = elementBytes;
        for (int d = 1; d < shape.length; d++) plane *= shape[d];
        int planes = (int) Math.max(1, Math.min(shape[0], CHUNK_BYTES / plane));
        int[] chunk = shape.clone();
        chunk[0] = planes;
        return DatasetCreationOptions.builder().chunkDimensions(chunk).shuffle().deflate(deflateLevel).build();
    }

    /** Compact C-order values as {@code double[nz][nx]} or {@code double[nz][ny][nx]}. */
    static Object toMultiDim(double[] a, int[] shape) {
        if (shape.length == 2) {
            double[][] out = new double[shape[0]][shape[1]];
            for (int k = 0; k < shape[0]; k++) System.arraycopy(a, k * shape[1], out[k], 0, shape[1]);
            return out;
        }
        double[][][] out = new double[shape[0]][shape[1]][shape[2]];
        int p = 0;
        for (int k = 0; k < shape[0]; k++)
            for (int j = 0; j < shape[1]; j++, p += shape[2]) System.arraycopy(a, p, out[k][j], 0, shape[2]);
        return out;
    }

    static Object toMultiDim(byte[] a, int[] shape) {
        if (shape.length == 2) {
            byte[][] out = new byte[shape[0]][shape[1]];
            for (int k = 0; k < shape[0]; k++) System.arraycopy(a, k * shape[1], out[k], 0, shape[1]);
            return out;
        }
        byte[][][] out = new byte[shape[0]][shape[1]][shape[2]];
        int p = 0;
        for (int k = 0; k < shape[0]; k++)
            for (int j = 0; j < shape[1]; j++, p += shape[2]) System.arraycopy(a, p, out[k][j], 0, shape[2]);
        return out;
    }
}
