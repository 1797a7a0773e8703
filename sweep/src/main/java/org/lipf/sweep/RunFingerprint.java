package org.lipf.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.lipf.output.AtomicFiles;
import org.lipf.scenario.Scenario;
import org.lipf.scenario.ScenarioWriter;

/**
 * What defines a run beyond its parameters, which its folder records ({@link #FILE_NAME}) when the
 * run starts: the SHA-256 of its resolved scenario ({@link ScenarioWriter}: the base scenario, or
 * the file an axis names, with the run's overrides, every default and library value filled in, and
 * the SHA-256 of its voxel images) and of the sweep's end_time and max_steps. An edit of these
 * leaves the run's parameters, and so its folder, as they were: {@link ChangedRuns} compares the
 * record with what the sweep gives the run now. The images' paths are left out (their SHA-256 stays),
 * so that a sweep folder moved with its files resumes in place, as its parameters do.
 */
final class RunFingerprint {
    static final String FILE_NAME = "sweep-fingerprint.txt";
    /** The path line of a voxel image in a resolved scenario. */
    private static final Pattern IMAGE_PATH = Pattern.compile("(?m)^    - file: .*\n");

    private RunFingerprint() {
    }

    /** The fingerprint of a run of {@code spec} whose scenario, loaded with its overrides, is {@code scenario}. */
    static String of(SweepSpec spec, Scenario scenario) {
        return of(spec, ScenarioWriter.toYaml(scenario));
    }

    /** The fingerprint of a run of {@code spec} whose resolved scenario a {@link ScenarioWriter} wrote as {@code resolvedYaml}. */
    static String of(SweepSpec spec, String resolvedYaml) {
        return RunNames.sha256(withoutImagePaths(resolvedYaml) + "end_time: " + spec.endTime_s() + "\nmax_steps: " + spec.maxSteps() + "\n");
    }

    /** {@code resolvedYaml} without the path lines of its voxel images (their SHA-256 lines stay). */
    static String withoutImagePaths(String resolvedYaml) {
        return IMAGE_PATH.matcher(resolvedYaml).replaceAll("");
    }

    /** The fingerprints of runs whose scenarios are {@code scenarios}, in their order. */
    static List<String> of(SweepSpec spec, List<Scenario> scenarios) {
        return scenarios.stream().map(s -> of(spec, s)).toList();
    }

    /** The fingerprint {@code folder} records; null if it records none (a run begun before it was recorded, or none yet). */
    static String recorded(Path folder) throws IOException {
        Path f = folder.resolve(FILE_NAME);
        return Files.isRegularFile(f) ? Files.readString(f, StandardCharsets.UTF_8).strip() : null;
    }

    static void record(String fingerprint, Path folder) throws IOException {
        AtomicFiles.writeString(folder.resolve(FILE_NAME), fingerprint + "\n");
    }
}
