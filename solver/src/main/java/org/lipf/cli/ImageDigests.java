package org.lipf.cli;

import java.util.Arrays;
import java.util.List;
import org.lipf.output.Snapshot;
import org.lipf.scenario.Scenario;
import org.lipf.scenario.VoxelImageSpec;

/**
 * The SHA-256 of the voxel images a run was built from, kept in each of its snapshots (attribute
 * {@value #ATTRIBUTE}, the digests in {@code geometry.images} order, space-separated), so that a
 * restart under a scenario whose image files changed is refused: the run would go on with the
 * snapshot's material map while its scenario.yaml recorded the new files, and a fresh run of that
 * scenario.yaml would build another map. Snapshots of runs without images, and of LiPF before this
 * attribute, carry none and are not checked (nothing tells which files built them).
 */
final class ImageDigests {
    static final String ATTRIBUTE = "image_sha256";

    private ImageDigests() {
    }

    /** The attribute's value for a run of {@code scenario}, or null if it places no image. */
    static String of(Scenario scenario) {
        List<VoxelImageSpec> images = scenario.geometry().microstructure().images();
        return images.isEmpty() ? null : String.join(" ", images.stream().map(VoxelImageSpec::sha256).toList());
    }

    /** Why the snapshot's images are not the scenario's, or null if they are (or the snapshot does not say). */
    static String mismatch(Scenario scenario, Snapshot snap) {
        if (!(snap.extras().get(ATTRIBUTE) instanceof String recorded)) return null;
        List<String> built = Arrays.asList(recorded.split(" "));
        List<VoxelImageSpec> images = scenario.geometry().microstructure().images();
        if (built.size() != images.size())
            return "its run was built from " + built.size() + " image(s), the scenario places " + images.size() + " (geometry.images)";
        for (int i = 0; i < images.size(); i++)
            if (!images.get(i).sha256().equalsIgnoreCase(built.get(i)))
                return "geometry.images[" + i + "] (" + images.get(i).file() + ") has changed since its run was built from it (SHA-256 now "
                        + images.get(i).sha256() + ", then " + built.get(i) + "): the run would go on with the old material map; restore the file, "
                        + "or start a fresh run";
        return null;
    }
}
