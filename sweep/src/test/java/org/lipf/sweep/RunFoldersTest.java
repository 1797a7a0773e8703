package org.lipf.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sweep begun when single-valued axes were still in run names keeps its folders. */
class RunFoldersTest {
    @TempDir
    Path dir;

    private static final String OLD_30 = "current_density-30mA_per_cm2__output_interval-0.01s";
    private static final String OLD_40 = "current_density-40mA_per_cm2__output_interval-0.01s";

    private List<SweepRun> runs() throws IOException {
        SweepTestSupport.tinyCell(dir);
        return SweepExpander.expand(SweepFileReader.read(SweepTestSupport.write(dir, "sweep.yaml", """
                base: cell.yaml
                axes:
                  control.current_density: [30 mA/cm^2, 40 mA/cm^2, 50 mA/cm^2]
                  time.output_interval: [0.01 s]
                """)));
    }

    @Test
    void anOldFolderIsKeptUnlessTheNewOneExists() throws IOException {
        List<SweepRun> runs = runs();
        assertEquals(List.of("current_density-30mA_per_cm2", "current_density-40mA_per_cm2", "current_density-50mA_per_cm2"),
                runs.stream().map(SweepRun::id).toList());
        Path out = dir.resolve("out");
        assertEquals(runs, RunFolders.resume(runs, out), "a new sweep: today's names");
        Files.createDirectories(out.resolve("runs").resolve(OLD_30));
        Files.createDirectories(out.resolve("runs").resolve(OLD_40));
        Files.createDirectories(out.resolve("runs").resolve("current_density-40mA_per_cm2"));
        List<SweepRun> resumed = RunFolders.resume(runs, out);
        assertEquals(List.of(OLD_30, "current_density-40mA_per_cm2", "current_density-50mA_per_cm2"), resumed.stream().map(SweepRun::id).toList());
        assertEquals(runs.get(0).withId(OLD_30), resumed.get(0), "the same run, only its folder differs");
    }
}
