package org.lipf.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes {@code RUN/fields.xdmf}, an XDMF 2 index of all snapshots of a run as a temporal
 * collection, so ParaView (XDMF Reader) and VisIt open the run as a time series.
 *
 * <p>Each snapshot is a uniform grid with a {@code Time} value, a {@code 3DCoRectMesh} topology
 * (origin 0, spacing dx; XDMF lists dimensions slowest first, {@code z y x}, and counts nodes =
 * cells + 1) and cell-centred attributes that reference the HDF5 datasets as
 * {@code snapshots/step_NNNNNNNN.h5:/xi}. A 3D run has x, y, z as in the solver (growth along Z).
 * A 2D run ({@code [z][x]}) is written as a slab one cell thick, {@code 1 nz nx}: ParaView's
 * readers (XDMF Reader and Xdmf3, 5.11) put a {@code 2DCoRectMesh} in the Y-Z plane with no
 * thickness in X, edge-on to their default camera, while the slab lies in the X-Y plane (lateral
 * x along X, growth along Y) facing it. The readers take the 2D datasets as {@code 1 nz nx}.
 *
 * <p>The file is rewritten whole (atomically) after each snapshot.
 */
public final class XdmfWriter {
    public static final String FILE_NAME = "fields.xdmf";

    private XdmfWriter() {
    }

    /** Atomically writes {@code runDir/fields.xdmf} indexing {@code snapshots} (in list order). */
    public static Path write(Path runDir, List<SnapshotInfo> snapshots) throws IOException {
        return AtomicFiles.write(runDir.resolve(FILE_NAME), tmp -> java.nio.file.Files.writeString(tmp, xml(snapshots)));
    }

    /**
     * Atomically writes {@code runDir/fields.xdmf} indexing the given snapshot files (each read for
     * its attributes only; they must lie in {@code runDir/snapshots/}).
     */
    public static Path writeFromFiles(Path runDir, List<Path> snapshotFiles) throws IOException {
        List<SnapshotInfo> infos = new java.util.ArrayList<>(snapshotFiles.size());
        for (Path p : snapshotFiles) infos.add(SnapshotReader.info(p));
        return write(runDir, infos);
    }

    /** The XDMF document. */
    public static String xml(List<SnapshotInfo> snapshots) {
        StringBuilder b = new StringBuilder(1024 + 1024 * snapshots.size());
        b.append("<?xml version=\"1.0\" ?>\n");
        b.append("<!DOCTYPE Xdmf SYSTEM \"Xdmf.dtd\" []>\n");
        b.append("<Xdmf Version=\"2.0\">\n");
        b.append(" <Domain>\n");
        b.append("  <Grid Name=\"fields\" GridType=\"Collection\" CollectionType=\"Temporal\">\n");
        for (SnapshotInfo s : snapshots) grid(b, s);
        b.append("  </Grid>\n");
        b.append(" </Domain>\n");
        b.append("</Xdmf>\n");
        return b.toString();
    }

    private static void grid(StringBuilder b, SnapshotInfo s) {
        // a 2D run as a slab one cell thick, so that ParaView shows it in its X-Y plane (see above)
        int[] shape = s.shape().length == 2 ? new int[] {1, s.shape()[0], s.shape()[1]} : s.shape();
        String cells = dims(shape, 0);
        String nodes = dims(shape, 1);
        String dx = Double.toString(s.dx_m());
        b.append("   <Grid Name=\"step_").append(String.format("%08d", s.step())).append("\" GridType=\"Uniform\">\n");
        b.append("    <Time Value=\"").append(Double.toString(s.time_s())).append("\"/>\n");
        b.append("    <Topology TopologyType=\"3DCoRectMesh\" Dimensions=\"").append(nodes).append("\"/>\n");
        b.append("    <Geometry GeometryType=\"ORIGIN_DXDYDZ\">\n");
        b.append("     <DataItem Name=\"Origin\" Dimensions=\"3\" NumberType=\"Float\" Precision=\"8\" Format=\"XML\">0 0 0</DataItem>\n");
        b.append("     <DataItem Name=\"Spacing\" Dimensions=\"3\" NumberType=\"Float\" Precision=\"8\" Format=\"XML\">")
                .append(dx).append(' ').append(dx).append(' ').append(dx).append("</DataItem>\n");
        b.append("    </Geometry>\n");
        for (String f : s.fields())
            if (!Snapshot.SOLVER_STATE_FIELDS.contains(f)) attribute(b, f, cells, "Float", 8, s.relativePath());
        if (s.hasMaterial()) attribute(b, Snapshot.MATERIAL_DATASET, cells, "Char", 1, s.relativePath());
        b.append("   </Grid>\n");
    }

    private static void attribute(StringBuilder b, String name, String cells, String type, int precision, String file) {
        b.append("    <Attribute Name=\"").append(name).append("\" AttributeType=\"Scalar\" Center=\"Cell\">\n");
        b.append("     <DataItem Dimensions=\"").append(cells).append("\" NumberType=\"").append(type).append("\" Precision=\"").append(precision)
                .append("\" Format=\"HDF\">").append(file).append(":/").append(name).append("</DataItem>\n");
        b.append("    </Attribute>\n");
    }

    private static String dims(int[] shape, int add) {
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) d.append(' ');
            d.append(shape[i] + add);
        }
        return d.toString();
    }
}
