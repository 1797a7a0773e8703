package org.lipf.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lipf.cli.CliTestSupport.lipf;
import static org.lipf.cli.CliTestSupport.lipfOk;
import static org.lipf.cli.CliTestSupport.snapshots;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lipf.grid.VoxelImage;
import org.lipf.output.Snapshot;
import org.lipf.output.SnapshotReader;
import org.lipf.scenario.Scenario;
import org.lipf.scenario.ScenarioLoader;

/** A restart checks that the scenario's voxel images are the files its run was built from. */
class ImageRestartTest {
    /** A 2 x 2 PNG, black, or with one white pixel. */
    static void png(Path file, boolean white) throws Exception {
        BufferedImage img = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        if (white) img.setRGB(1, 0, 0xffffff);
        ImageIO.write(img, "png", file.toFile());
    }

    /** The CLI test cell with slice.png placed in its electrolyte. */
    static final String CELL_WITH_IMAGE = CliTestSupport.CELL_2D.replace("nuclei: [{x: 2 um, radius: 1 um}]",
            "nuclei: [{x: 2 um, radius: 1 um}]\n  images: [{file: slice.png, voxel_size: 0.5 um, offset: {x: 1 um, z: 5 um}, colors: {\"#000000\": lpscl, \"#ffffff\": li}}]");

    @Test
    void aRestartWhoseImageChangedIsRefusedAndWritesNothing(@TempDir Path tmp) throws Exception {
        Path image = tmp.resolve("slice.png");
        png(image, false);
        Path scenario = CliTestSupport.write(tmp, "cell.yaml", CELL_WITH_IMAGE);
        Path run = tmp.resolve("run");
        lipfOk("run", scenario.toString(), "-o", run.toString(), "--max-steps", "1", "--threads", "1");
        Path last = snapshots(run).get(1);
        assertEquals(VoxelImage.sha256(image), SnapshotReader.read(last).extras().get(ImageDigests.ATTRIBUTE), "the snapshot records the image it was built from");

        // the same file: the restart goes on
        Path same = tmp.resolve("same");
        lipfOk("run", scenario.toString(), "--restart", last.toString(), "-o", same.toString(), "--max-steps", "2", "--threads", "1");

        png(image, true);
        byte[] resolved = Files.readAllBytes(run.resolve("scenario.yaml")), runJson = Files.readAllBytes(run.resolve("run.json"));
        List<Path> before = snapshots(run);
        CliTestSupport.Result r = lipf("run", scenario.toString(), "--restart", last.toString(), "--max-steps", "2", "--threads", "1");
        assertEquals(2, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("geometry.images[0] (" + image + ") has changed since its run was built from it (SHA-256 now " + VoxelImage.sha256(image)), r.stderr());
        assertArrayEquals(resolved, Files.readAllBytes(run.resolve("scenario.yaml")), "the run folder's scenario.yaml keeps the image the run was built from");
        assertArrayEquals(runJson, Files.readAllBytes(run.resolve("run.json")));
        assertEquals(before, snapshots(run));
    }

    @Test
    void snapshotsThatDoNotSayWhichImagesBuiltThemAreNotChecked(@TempDir Path tmp) throws Exception {
        png(tmp.resolve("slice.png"), false);
        Path file = CliTestSupport.write(tmp, "cell.yaml", CELL_WITH_IMAGE);
        Scenario withImage = ScenarioLoader.load(file, Map.of());
        Scenario without = ScenarioLoader.load(file, Map.of("geometry.images", "[]"));
        Path run = tmp.resolve("run");
        lipfOk("run", file.toString(), "-o", run.toString(), "--max-steps", "1", "--threads", "1");
        Snapshot snap = SnapshotReader.read(snapshots(run).get(0));
        assertNull(ImageDigests.mismatch(withImage, snap));
        assertEquals("its run was built from 1 image(s), the scenario places 0 (geometry.images)", ImageDigests.mismatch(without, snap));
        // a snapshot of LiPF before the attribute (or of a run without images)
        LinkedHashMap<String, Object> extras = new LinkedHashMap<>(snap.extras());
        extras.remove(ImageDigests.ATTRIBUTE);
        Snapshot old = new Snapshot(snap.step(), snap.time_s(), snap.dx_m(), snap.shape(), snap.fields(), snap.material(), snap.materialNames(),
                snap.appliedCurrent_A_per_m2(), snap.cellVoltage_V(), extras);
        png(tmp.resolve("slice.png"), true);
        assertNull(ImageDigests.mismatch(ScenarioLoader.load(file, Map.of()), old));
    }
}
