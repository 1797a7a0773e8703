package org.lipf.sweep;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lipf.cli.RunLimits;
import org.lipf.postprocess.RunFolder;
import org.lipf.scenario.Scenario;
import org.lipf.scenario.ScenarioException;
import org.lipf.scenario.ScenarioLoader;
import org.lipf.scenario.ScenarioWriter;
import org.lipf.scenario.VoxelImageSpec;

/**
 * Tells a run whose {@link RunFingerprint} another version of LiPF recorded from one of other
 * inputs. The fingerprint is of the text {@link ScenarioWriter} writes, so a version that writes a
 * key more (a new option at its default, which leaves the run as it was) changes it for inputs that
 * are the same. The run's folder also holds the resolved scenario it ran with ({@code scenario.yaml},
 * which {@code lipf run} writes when the run starts or restarts; the sweep's end_time and max_steps
 * are in it as {@link RunLimits} puts them): read by today's loader and written by today's writer, it
 * is the text of the scenario the sweep gives the run now when the inputs are the same, material
 * library values included (written in full, not by name), and differs when any of them changed.
 * Its voxel images are named by absolute paths, which a sweep moved with its files no longer has:
 * each is read from the file the sweep gives the run now, and its recorded SHA-256 checked there.
 */
final class RecordedScenario {
    private RecordedScenario() {
    }

    /**
     * Whether the scenario {@code folder} records is the one {@code run} of {@code spec} would record now (both
     * loaded as a restart loads them, voxel images compared by their SHA-256, not their paths); false where the folder
     * records none or today's loader refuses it.
     */
    static boolean sameAsNow(SweepSpec spec, SweepRun run, Path folder) {
        Path recorded = folder.resolve(RunFolder.SCENARIO_FILE);
        if (!Files.isRegularFile(recorded)) return false;
        try {
            Scenario base = ScenarioLoader.loadRecorded(run.scenario(), run.overrides());
            Scenario now = ScenarioLoader.loadRecorded(run.scenario(), RunLimits.settings(base, run.overrides(), spec.endTime_s(), spec.maxSteps()));
            Scenario then = ScenarioLoader.loadRecorded(recorded, imagesOf(now));
            return RunFingerprint.withoutImagePaths(ScenarioWriter.toYaml(then)).equals(RunFingerprint.withoutImagePaths(ScenarioWriter.toYaml(now)));
        } catch (ScenarioException e) {
            return false;
        }
    }

    /**
     * The settings that place the image files of {@code now} into a recorded scenario, in their order: where the
     * recorded one placed other content (its SHA-256 differs) or fewer images, loading it fails; more, it differs.
     */
    private static Map<String, String> imagesOf(Scenario now) {
        List<VoxelImageSpec> images = now.geometry().microstructure().images();
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < images.size(); i++) files.put("geometry.images[" + i + "].file", YamlText.scalar(images.get(i).file().toString()));
        return files;
    }
}
