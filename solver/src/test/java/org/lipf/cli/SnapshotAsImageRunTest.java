package org.lipf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lipf.cli.CliTestSupport.lipfOk;
import static org.lipf.cli.CliTestSupport.snapshots;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.lipf.output.Snapshot;
import org.lipf.output.SnapshotReader;

/** A run's snapshot re-used as the voxel image of another run (README: "so a LiPF snapshot can be re-used"). */
class SnapshotAsImageRunTest {
    /** With the LPSCl a host of free fraction 0.3, the Li's relaxed profile reaches into it with xi up to 1/2 and more. */
    @ParameterizedTest(name = "LPSCl free fraction {0}")
    @ValueSource(strings = {"1", "0.3"})
    void aRunBuiltFromASnapshotStartsWithTheSourcesMetal(String hostFree, @TempDir Path tmp) throws Exception {
        String cell = CliTestSupport.CELL_2D.replaceFirst("(lpscl: \\{[^}]*free_fraction: )1\\}", "$1" + hostFree + "}");
        assertTrue(cell.contains("free_fraction: " + hostFree + "}"), cell);
        Path source = tmp.resolve("source");
        lipfOk("run", CliTestSupport.write(tmp, "cell.yaml", cell).toString(), "-o", source.toString(), "--max-steps", "1", "--threads", "1");
        Path start = snapshots(source).get(0);
        // the same cell with no Li layer and no nucleus of its own: all of its metal comes from the snapshot
        String reuse = cell.replace("- {material: li, thickness: 2 um, xi: 1, c: 0}", "- {material: lpscl, thickness: 2 um, c: 1}")
                .replace("nuclei: [{x: 2 um, radius: 1 um}]", "images: [{file: " + start + ", voxel_size: 0.25 um}]");
        Path copy = tmp.resolve("copy");
        lipfOk("run", CliTestSupport.write(tmp, "reuse.yaml", reuse).toString(), "-o", copy.toString(), "--max-steps", "1", "--threads", "1");
        Snapshot a = SnapshotReader.read(start), b = SnapshotReader.read(snapshots(copy).get(0));
        double metalA = a.extraDouble("initial_metal_volume_m"), metalB = b.extraDouble("initial_metal_volume_m");
        assertTrue(metalA > 1.5e-6, "the source has its 2 um Li layer: " + metalA);
        // the copy's start-up relaxation acts on the source's relaxed front and keeps its metal (docs/MODEL.md section 3.2)
        assertEquals(metalA, metalB, 1e-12 * metalA, "the re-used run starts with the source's metal");
    }
}
