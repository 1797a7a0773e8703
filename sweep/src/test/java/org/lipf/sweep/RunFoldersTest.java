package org.lipf.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runs of a sweep begun under other names keep their folders (the runs.csv the sweep wrote then names them). */
class RunFoldersTest {
    @TempDir
    Path dir;

    private static final String OLD_30 = "current_density-30mA_per_cm2__output_interval-0.01s";
    private static final String OLD_40 = "current_density-40mA_per_cm2__output_interval-0.01s";
    private static final String OLD_50 = "current_density-50mA_per_cm2__output_interval-0.01s";

    private SweepSpec spec(String axes) throws IOException {
        if (!Files.exists(dir.resolve("cell.yaml"))) SweepTestSupport.tinyCell(dir);
        return SweepFileReader.read(SweepTestSupport.write(dir, "sweep.yaml", "base: cell.yaml\naxes:\n" + axes));
    }

    private static List<String> ids(List<SweepRun> runs) {
        return runs.stream().map(SweepRun::id).toList();
    }

    @Test
    void anEarlierFolderIsKeptUnlessTodaysExists() throws IOException {
        SweepSpec spec = spec("  control.current_density: [30 mA/cm^2, 40 mA/cm^2, 50 mA/cm^2]\n  time.output_interval: [0.01 s]\n");
        List<SweepRun> runs = SweepExpander.expand(spec);
        assertEquals(List.of("current_density-30mA_per_cm2", "current_density-40mA_per_cm2", "current_density-50mA_per_cm2"), ids(runs));
        Path out = dir.resolve("out");
        assertEquals(runs, RunFolders.resume(runs, out), "a new sweep: today's names");
        Manifest.write(spec, List.of(runs.get(0).withId(OLD_30), runs.get(1).withId(OLD_40), runs.get(2).withId(OLD_50)), out);
        assertEquals(runs, RunFolders.resume(runs, out), "no folder yet: today's names");
        Files.createDirectories(out.resolve("runs").resolve(OLD_30));
        Files.createDirectories(out.resolve("runs").resolve(OLD_40));
        Files.createDirectories(out.resolve("runs").resolve("current_density-40mA_per_cm2"));
        List<SweepRun> resumed = RunFolders.resume(runs, out);
        assertEquals(List.of(OLD_30, "current_density-40mA_per_cm2", "current_density-50mA_per_cm2"), ids(resumed));
        assertEquals(runs.get(0).withId(OLD_30), resumed.get(0), "the same run, only its folder differs");
    }

    @Test
    void aSweepExtendedByAValueKeepsTheRunsItHas() throws IOException {
        Path out = dir.resolve("out");
        SweepSpec first = spec("  control.current_density: [30 mA/cm^2]\n  time.output_interval: [0.01 s, 0.02 s]\n");
        List<SweepRun> before = SweepExpander.expand(first);
        assertEquals(List.of("output_interval-0.01s", "output_interval-0.02s"), ids(before));
        Manifest.write(first, before, out);
        for (SweepRun r : before) Files.createDirectories(r.folder(out));
        // a second current: the current becomes part of every name, the two runs of before keep theirs
        List<SweepRun> extended = SweepExpander.expand(spec("  control.current_density: [30 mA/cm^2, 40 mA/cm^2]\n  time.output_interval: [0.01 s, 0.02 s]\n"));
        assertEquals(List.of("output_interval-0.01s", "output_interval-0.02s", "current_density-40mA_per_cm2__output_interval-0.01s",
                "current_density-40mA_per_cm2__output_interval-0.02s"), ids(RunFolders.resume(extended, out)));
    }
}
