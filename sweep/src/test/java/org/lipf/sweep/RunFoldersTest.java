package org.lipf.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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

    /** runs.csv matches runs by their parameters, not by paths: a sweep folder moved (with its scenario) keeps its folders. */
    @Test
    void runsAreMatchedByTheirParametersNotByPaths() throws IOException {
        SweepSpec spec = spec("  control.current_density: [30 mA/cm^2, 40 mA/cm^2]\n  time.output_interval: [0.01 s]\n");
        List<SweepRun> runs = SweepExpander.expand(spec);
        Path out = dir.resolve("out");
        Path elsewhere = Path.of("/elsewhere/cell.yaml");
        Manifest.write(spec, List.of(new SweepRun(0, OLD_30, runs.get(0).parameters(), elsewhere, runs.get(0).overrides()),
                new SweepRun(1, OLD_40, runs.get(1).parameters(), elsewhere, Map.of())), out);
        Files.createDirectories(out.resolve("runs").resolve(OLD_30));
        Files.createDirectories(out.resolve("runs").resolve(OLD_40));
        assertEquals(List.of(OLD_30, OLD_40), ids(RunFolders.resume(runs, out)));
        assertEquals("control.current_density=30 mA/cm^2\ntime.output_interval=0.01 s", runs.get(0).identity(), "axes sorted");
        assertEquals(runs.get(0).identity(), RunFolders.identity(Map.of("time.output_interval", "0.01 s", "control.current_density", "30 mA/cm^2")));
    }

    /**
     * A single-valued axis whose value changed gives the same names: a folder that records other
     * parameters is never given to a run, which gets its name + a hash of its parameters; the
     * parent's new runs.csv and folders lead a child process to the same choice.
     */
    @Test
    void aFolderRecordingOtherParametersIsNotReused() throws IOException {
        Path out = dir.resolve("out");
        List<SweepRun> before = SweepExpander.expand(spec("  control.current_density: [30 mA/cm^2, 40 mA/cm^2]\n  time.output_interval: [0.01 s]\n"));
        SweepSpec spec = spec("  control.current_density: [30 mA/cm^2, 40 mA/cm^2]\n  time.output_interval: [0.02 s]\n");
        List<SweepRun> runs = SweepExpander.expand(spec);
        assertEquals(ids(before), ids(runs), "the same names");
        Manifest.write(spec, before, out);
        Files.createDirectories(before.get(0).folder(out));
        RunFolders.record(before.get(0), before.get(0).folder(out));
        Files.createDirectories(before.get(1).folder(out)); // a folder of a sweep begun before the record: reused
        String own = "current_density-30mA_per_cm2-" + RunNames.hash(runs.get(0).identity());
        List<String> expected = List.of(own, "current_density-40mA_per_cm2");
        List<SweepRun> resumed = RunFolders.resume(runs, out);
        assertEquals(expected, ids(resumed));
        // what a child (or a Slurm task) sees: the parent's runs.csv, its folder not yet made, then made, then recorded
        Manifest.write(spec, resumed, out);
        assertEquals(expected, ids(RunFolders.resume(runs, out)));
        Files.createDirectories(resumed.get(0).folder(out));
        assertEquals(expected, ids(RunFolders.resume(runs, out)));
        RunFolders.record(resumed.get(0), resumed.get(0).folder(out));
        assertEquals(expected, ids(RunFolders.resume(runs, out)));
        // back to the first value: the first folder again
        Manifest.write(spec, resumed, out);
        assertEquals(ids(before), ids(RunFolders.resume(before, out)));
    }

    /** A name that ends in a hash (here two values made the same once file-system safe) is checked against the record too. */
    @Test
    void aHashedNameRecordingOtherParametersIsNotReused() throws IOException {
        // two texts whose file-system-safe names are one ("cella"; not quantities, which may not repeat a value)
        String axes = "  time.output_interval: [%s]\n  name: [cell a, cella]\n";
        List<SweepRun> before = SweepExpander.expand(spec(axes.formatted("0.01 s")));
        List<SweepRun> runs = SweepExpander.expand(spec(axes.formatted("0.02 s")));
        assertEquals(ids(before), ids(runs), "the same hashed names");
        assertTrue(runs.get(0).id().matches("name-cella-[0-9a-f]{8}"), runs.get(0).id());
        Path out = dir.resolve("out");
        Files.createDirectories(before.get(0).folder(out));
        RunFolders.record(before.get(0), before.get(0).folder(out));
        List<SweepRun> resumed = RunFolders.resume(runs, out);
        assertEquals(List.of(runs.get(0).id() + "-" + RunNames.hash(runs.get(0).identity()), runs.get(1).id()), ids(resumed));
    }
}
