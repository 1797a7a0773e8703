package org.lipf.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The emitted job array without a cluster (the real one runs in .ci/slurm_test.sh). */
class SlurmEmitTest {
    @TempDir
    Path dir;

    @Test
    void jobArrayHasOneTaskPerRunAndTheSweepFileAndCommandLineOptions() throws IOException {
        SweepTestSupport.tinyCell(dir);
        Path sweep = SweepTestSupport.write(dir, "sweep.yaml", """
                base: cell.yaml
                axes:
                  control.current_density: [30 mA/cm^2, 50 mA/cm^2, 70 mA/cm^2]
                end_time: 0.02 s
                slurm: {partition: short, time: "01:00:00", cpus_per_task: 4, max_parallel: 2, options: [--mem=8G]}
                """);
        Path out = dir.resolve("out");
        SweepTestSupport.Result r = SweepTestSupport.lipf("sweep", sweep.toString(), "--emit", "slurm", "-o", out.toString(),
                "--time", "02:00:00", "--sbatch-option=--account=abc", "--backend", "opencl", "--device", "1", "--precision", "float");
        assertEquals(0, r.exitCode(), r.stderr());
        String script = Files.readString(out.resolve("slurm/sweep.sbatch"));
        for (String line : List.of("#SBATCH --array=0-2%2", "#SBATCH --cpus-per-task=4", "#SBATCH --partition=short", "#SBATCH --time=02:00:00",
                "#SBATCH --mem=8G", "#SBATCH --account=abc", "DIR=" + out.toAbsolutePath(), "SWEEP=" + sweep.toAbsolutePath()))
            assertTrue(script.lines().anyMatch(l -> l.equals(line)), "missing '" + line + "' in\n" + script);
        assertTrue(script.contains("--task \"$id\" --threads \"${SLURM_CPUS_PER_TASK:-1}\" --backend opencl --device 1 --precision float"), script);
        // the tasks run the SIMD loops as this JVM does (the tests start it with the Vector API module)
        assertTrue(script.lines().anyMatch(l -> l.startsWith("JAVA_OPTS=") && l.contains("--add-modules jdk.incubator.vector")), script);
        List<String> tasks = Files.readAllLines(out.resolve("slurm/tasks.tsv")).stream().filter(l -> !l.startsWith("#")).toList();
        List<SweepRun> runs = SweepExpander.expand(SweepFileReader.read(sweep));
        assertEquals(3, tasks.size());
        for (int i = 0; i < 3; i++) {
            String[] cells = tasks.get(i).split("\t");
            assertEquals(List.of(Integer.toString(i), runs.get(i).id(), runs.get(i).folder(out.toAbsolutePath()).toString()), List.of(cells).subList(0, 3));
            assertTrue(cells[3].startsWith("run " + dir.resolve("cell.yaml").toAbsolutePath() + " -o "), cells[3]);
            // the exact lipf run arguments: the backend options too
            assertTrue(cells[3].endsWith("--end-time 0.02 --backend opencl --device 1 --precision float"), cells[3]);
        }
        assertTrue(tasks.get(1).contains("--set 'control.current_density=50 mA/cm^2'"), tasks.get(1));
    }

    /**
     * PoCL kills a JVM without the signal-chaining library preloaded (README, Backends): the task finds
     * it in the Java home of the java it runs, here an edited JAVA that is a link, as /usr/bin/java is.
     */
    @Test
    void scriptPreloadsTheSignalChainingLibraryOfTheJavaItRuns() throws IOException, InterruptedException {
        SweepTestSupport.tinyCell(dir);
        Path sweep = SweepTestSupport.write(dir, "sweep.yaml", "base: cell.yaml\naxes:\n  control.current_density: [30 mA/cm^2]\n");
        Path out = dir.resolve("out");
        SweepTestSupport.Result r = SweepTestSupport.lipf("sweep", sweep.toString(), "--emit", "slurm", "-o", out.toString(), "--backend", "opencl");
        assertEquals(0, r.exitCode(), r.stderr());
        Path script = out.resolve("slurm/sweep.sbatch");
        assertEquals(0, bash(List.of("-n", script.toString()), null), "bash -n " + script);

        // a Java home (its own libjsig.so, so that the commands the script preloads it into load) whose java reports its preload
        Path home = Files.createDirectories(dir.resolve("jdk/bin")).getParent().toRealPath();
        Files.createDirectories(home.resolve("lib"));
        Files.copy(Path.of(System.getProperty("java.home"), "lib", "libjsig.so"), home.resolve("lib/libjsig.so"));
        Path java = SweepTestSupport.write(home, "bin/java", "#!/bin/sh\necho \"LD_PRELOAD=$LD_PRELOAD\"\n");
        assertTrue(java.toFile().setExecutable(true));
        Path link = Files.createSymbolicLink(Files.createDirectories(dir.resolve("usr/bin")).resolve("java"), java);
        Path edited = SweepTestSupport.write(dir, "edited.sbatch", Files.readString(script).replaceFirst("(?m)^JAVA=.*$", "JAVA=" + link));
        assertEquals(0, bash(List.of(edited.toString()), null));
        Path log = out.resolve("runs").resolve(SweepExpander.expand(SweepFileReader.read(sweep)).get(0).id()).resolve(RunState.LOG_FILE);
        assertTrue(Files.readString(log).lines().anyMatch(l -> l.equals("LD_PRELOAD=" + home.resolve("lib/libjsig.so"))), Files.readString(log));

        // JAVA edited to a bare name: the java the PATH finds
        Files.delete(log);
        Path bare = SweepTestSupport.write(dir, "bare.sbatch", Files.readString(script).replaceFirst("(?m)^JAVA=.*$", "JAVA=java"));
        assertEquals(0, bash(List.of(bare.toString()), link.getParent() + ":" + System.getenv("PATH")));
        assertTrue(Files.readString(log).lines().anyMatch(l -> l.equals("LD_PRELOAD=" + home.resolve("lib/libjsig.so"))), Files.readString(log));
    }

    /** A task that asks for 2 GB kept the heap of 8 GB that ./lipf gives: Slurm kills it when the heap grows past 2 GB. */
    @Test
    void theTasksHeapFitsTheMemoryTheyAskFor() throws IOException {
        SweepTestSupport.tinyCell(dir);
        String yaml = "base: cell.yaml\naxes:\n  control.current_density: [30 mA/cm^2]\nslurm: {cpus_per_task: 4, options: [%s]}\n";
        Path sweep = SweepTestSupport.write(dir, "sweep.yaml", yaml.formatted("--account=abc"));
        Path out = dir.resolve("out");
        assertEquals(List.of("-Xmx1638m"), heaps(sweep, out, "--sbatch-option=--mem=2G"));
        assertEquals(List.of("-Xmx100m"), heaps(sweep, out, "--sbatch-option=--mem=125"), "megabytes without a unit");
        SweepTestSupport.write(dir, "sweep.yaml", yaml.formatted("--mem-per-cpu=1G"));
        assertEquals(List.of("-Xmx3276m"), heaps(sweep, out), "per CPU, times cpus_per_task");
        assertEquals(List.of("-Xmx6553m"), heaps(sweep, out, "--sbatch-option=--mem=8G"), "the command line's comes last");
        // no memory asked for (or all of a node's): the heap of this JVM, as before
        List<String> own = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(a -> a.startsWith("-Xmx")).toList();
        assertEquals(own, heaps(sweep, out, "--sbatch-option=--mem=0"));
        SweepTestSupport.write(dir, "sweep.yaml", yaml.formatted("--account=abc"));
        assertEquals(own, heaps(sweep, out));

        SweepTestSupport.Result r = SweepTestSupport.lipf("sweep", sweep.toString(), "--emit", "slurm", "-o", dir.resolve("bad").toString(), "--sbatch-option=--mem=2X");
        assertEquals(2, r.exitCode(), r.stderr());
        assertTrue(r.stderr().startsWith("error: --sbatch-option: '--mem=2X' is not a Slurm memory size"), r.stderr());
        SweepTestSupport.write(dir, "sweep.yaml", yaml.formatted("--account=abc, --mem=2 GB"));
        r = SweepTestSupport.lipf("sweep", sweep.toString(), "--emit", "slurm", "-o", dir.resolve("bad").toString());
        assertEquals(2, r.exitCode(), r.stderr());
        assertTrue(r.stderr().startsWith("error: " + sweep + ":4: slurm.options[1]: '--mem=2 GB' is not a Slurm memory size"), r.stderr());
        assertTrue(Files.notExists(dir.resolve("bad")), "nothing written");
    }

    /** The -Xmx options of the emitted script's JAVA_OPTS. */
    private static List<String> heaps(Path sweep, Path out, String... options) throws IOException {
        List<String> args = new ArrayList<>(List.of("sweep", sweep.toString(), "--emit", "slurm", "-o", out.toString()));
        args.addAll(List.of(options));
        SweepTestSupport.Result r = SweepTestSupport.lipf(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.stderr());
        String javaOpts = Files.readAllLines(out.resolve("slurm/sweep.sbatch")).stream().filter(l -> l.startsWith("JAVA_OPTS=")).findFirst().orElseThrow();
        return java.util.Arrays.stream(javaOpts.replace("'", "").split(" ")).map(w -> w.replace("JAVA_OPTS=", "")).filter(w -> w.startsWith("-Xmx")).toList();
    }

    @Test
    void anUnknownPrecisionIsBadInputBeforeAnyRun() throws IOException {
        SweepTestSupport.tinyCell(dir);
        Path sweep = SweepTestSupport.write(dir, "sweep.yaml", "base: cell.yaml\naxes:\n  control.current_density: [30 mA/cm^2]\n");
        SweepTestSupport.Result r = SweepTestSupport.lipf("sweep", sweep.toString(), "--plan", "-o", dir.resolve("out").toString(), "--precision", "half");
        assertEquals(2, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("--precision") && r.stderr().contains("half"), r.stderr());
    }

    /** Slurm rejects a script whose --time it cannot read (4h): the sweep file's or the command line's is checked when emitted. */
    @Test
    void aTimeLimitSlurmCannotReadIsBadInput() throws IOException {
        for (String t : List.of("90", "90:30", "04:00:00", "1-12", "1-12:30", "1-12:30:00", "UNLIMITED"))
            assertEquals(null, SlurmEmitter.timeProblem(t), t);
        for (String t : List.of("4h", "1:2:3:4", "1-2-3", "", "04:00:00s"))
            assertTrue(SlurmEmitter.timeProblem(t) != null, t);
        SweepTestSupport.tinyCell(dir);
        String yaml = "base: cell.yaml\naxes:\n  control.current_density: [30 mA/cm^2]\nslurm:\n  time: %s\n";
        Path sweep = SweepTestSupport.write(dir, "sweep.yaml", yaml.formatted("\"01:00:00\""));
        Path out = dir.resolve("out");
        SweepTestSupport.Result r = SweepTestSupport.lipf("sweep", sweep.toString(), "--emit", "slurm", "-o", out.toString(), "--time", "4h");
        assertEquals(2, r.exitCode(), r.stderr());
        assertTrue(r.stderr().startsWith("error: --time: '4h' is not a Slurm time limit"), r.stderr());
        assertEquals(1, r.stderr().strip().lines().count(), r.stderr());
        assertTrue(Files.notExists(out), "nothing written");
        SweepTestSupport.write(dir, "sweep.yaml", yaml.formatted("4h"));
        r = SweepTestSupport.lipf("sweep", sweep.toString(), "--emit", "slurm", "-o", out.toString());
        assertEquals(2, r.exitCode(), r.stderr());
        assertTrue(r.stderr().startsWith("error: " + sweep + ":5: slurm.time: '4h' is not a Slurm time limit"), r.stderr());
        assertTrue(Files.notExists(out), "nothing written");
    }

    /** A mistyped -o of --collect is reported, not collected as a sweep whose runs are all pending. */
    @Test
    void collectingAFolderThatDoesNotExistIsBadInput() throws IOException {
        SweepTestSupport.tinyCell(dir);
        Path sweep = SweepTestSupport.write(dir, "sweep.yaml", "base: cell.yaml\naxes:\n  control.current_density: [30 mA/cm^2]\n");
        Path typo = dir.resolve("oput");
        SweepTestSupport.Result r = SweepTestSupport.lipf("sweep", sweep.toString(), "--collect", "-o", typo.toString());
        assertEquals(2, r.exitCode(), r.stderr());
        assertEquals("error: --collect: no such sweep folder: " + typo + " (give the -o the sweep ran or was emitted with)", r.stderr().strip());
        assertTrue(Files.notExists(typo), "not created");
    }

    /** Runs bash with these arguments as Slurm's array task 0 would, without an inherited preload (and with this PATH unless null). */
    private static int bash(List<String> args, String path) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("bash"));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO();
        pb.environment().remove("LD_PRELOAD");
        if (path != null) pb.environment().put("PATH", path);
        pb.environment().put("SLURM_ARRAY_TASK_ID", "0");
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "bash " + args + " did not end");
        return p.exitValue();
    }
}
