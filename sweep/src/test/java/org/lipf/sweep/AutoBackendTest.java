package org.lipf.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lipf.backend.opencl.OpenClDevices.Device;
import org.lipf.backend.opencl.OpenClUnavailableException;
import picocli.CommandLine;

/**
 * {@code lipf sweep --backend auto} decides, as its runs will, which runs go to an OpenCL device, on machines given by
 * their device lists: runs that share a GPU go one at a time, as with {@code --backend opencl}; runs that auto sends to
 * the CPU (no GPU, or a scenario that runs on the CPU only) share the cores as with {@code --backend cpu}.
 */
class AutoBackendTest {
    @TempDir
    Path dir;

    private static final Device GPU = new Device(0, "Fake", "Fake GPU", "OpenCL 3.0", true, 8L << 30, 2L << 30, true, null, null);
    private static final Device CPU_DEVICE = new Device(0, "Portable Computing Language", "pthread", "OpenCL 3.0", false, 8L << 30, 2L << 30, true, null, null);

    /** What a sweep with {@code --backend auto --plan} and {@code more} printed on this machine. */
    private record Outcome(int exitCode, String out, String err) {
    }

    @BeforeEach
    void tinyCell() throws IOException {
        SweepTestSupport.tinyCell(dir);
    }

    private Outcome plan(String axis, Supplier<List<Device>> devices, String... more) throws IOException {
        List<String> options = new ArrayList<>(List.of("--backend", "auto", "--plan"));
        options.addAll(List.of(more));
        return sweep(axis, devices, options.toArray(String[]::new));
    }

    /** What a sweep of the tiny cell over {@code axis} to {@code dir/out} with {@code options} printed on this machine. */
    private Outcome sweep(String axis, Supplier<List<Device>> devices, String... options) throws IOException {
        Path sweepFile = SweepTestSupport.write(dir, "sweep.yaml", "base: cell.yaml\naxes:\n  " + axis + "\nend_time: 0.02 s\n");
        PrintStream savedOut = System.out, savedErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8); PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            System.setOut(o);
            System.setErr(e);
            List<String> args = new ArrayList<>(List.of(sweepFile.toString(), "-o", dir.resolve("out").toString(), "--threads", "1"));
            args.addAll(List.of(options));
            int code = new CommandLine(new SweepCommand(devices)).execute(args.toArray(String[]::new));
            return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
    }

    private static final String TWO_CURRENTS = "control.current_density: [30 mA/cm^2, 50 mA/cm^2]";
    /** The implicit reaction coupling runs on the CPU only (OpenClBackend.cpuOnly). */
    private static final String COUPLINGS = "solver.reaction_coupling: [lagged, implicit]";
    private static final String IMPLICIT_ONLY = "control.current_density: [30 mA/cm^2, 50 mA/cm^2]\n  solver.reaction_coupling: [implicit]";

    @Test
    void runsThatAutoSendsToAGpuGoOneAtATime() throws IOException {
        Outcome o = plan(TWO_CURRENTS, () -> List.of(GPU));
        assertEquals(0, o.exitCode(), o.err());
        assertTrue(o.err().contains("lipf sweep: --backend auto sends every run to opencl (device 0: Fake GPU, double), one run at a time"), o.err());
        assertTrue(o.out().contains("with 1 job(s)"), o.out());

        Outcome two = plan(TWO_CURRENTS, () -> List.of(GPU), "--jobs", "2");
        assertEquals(2, two.exitCode(), two.err());
        assertEquals("error: --jobs: --backend auto sends every run to opencl (device 0: Fake GPU, double). OpenCL runs go one per device at a time:"
                + " use --jobs 1, and one sweep process per device (--device N) on the same folder to use several devices; or --backend cpu to run"
                + " them all on the CPU", two.err().strip());
    }

    @Test
    void aSweepThatSendsSomeRunsToTheGpuStillRunsOneAtATime() throws IOException {
        Outcome o = plan(COUPLINGS, () -> List.of(GPU), "--jobs", "2");
        assertEquals(2, o.exitCode(), o.err());
        assertTrue(o.err().startsWith("error: --jobs: --backend auto sends 1 of the 2 runs (the others ask for what runs on the CPU only) to opencl"), o.err());
    }

    @Test
    void runsThatAutoSendsToTheCpuShareTheCores() throws IOException {
        List<Supplier<List<Device>>> cpuMachines = List.of(() -> List.of(CPU_DEVICE), () -> {
            throw new OpenClUnavailableException("no OpenCL platform");
        });
        for (Supplier<List<Device>> machine : cpuMachines) {
            Outcome o = plan(TWO_CURRENTS, machine, "--jobs", "2");
            assertEquals(0, o.exitCode(), o.err());
            assertTrue(o.out().contains("with 2 job(s)"), o.out());
        }
        Outcome cpuOnly = plan(IMPLICIT_ONLY, () -> List.of(GPU), "--jobs", "2");
        assertEquals(0, cpuOnly.exitCode(), cpuOnly.err());
        assertTrue(cpuOnly.out().contains("with 2 job(s)"), cpuOnly.out());
    }

    /**
     * A sweep whose runs go to the CPU (no --backend, --backend cpu, auto with scenarios that run on the CPU only) does not
     * look for OpenCL devices: listing them loads the OpenCL drivers into the sweep process, which a CPU sweep has no use
     * for (it listed them for every sweep).
     */
    @Test
    void aSweepOnTheCpuDoesNotLookForOpenClDevices() throws IOException {
        int[] listed = {0};
        Supplier<List<Device>> counted = () -> {
            listed[0]++;
            return List.of(GPU);
        };
        for (List<String> options : List.of(List.of("--plan"), List.of("--backend", "cpu", "--plan"))) {
            Outcome o = sweep(TWO_CURRENTS, counted, options.toArray(String[]::new));
            assertEquals(0, o.exitCode(), options + ": " + o.err());
        }
        assertEquals(0, plan(IMPLICIT_ONLY, counted).exitCode());
        assertEquals(0, listed[0], "OpenCL devices listed");
        assertEquals(0, plan(TWO_CURRENTS, counted).exitCode());
        assertEquals(1, listed[0], "--backend auto with runs that may go to a device lists them, once");
    }

    /**
     * A backend name that is none stops the sweep before it runs, plans or emits anything, with one line naming the valid
     * names (it started every run, each failing on its own).
     */
    @Test
    void anUnknownBackendStopsTheSweepBeforeAnyRun() throws IOException {
        for (List<String> mode : List.of(List.<String>of(), List.of("--plan"), List.of("--emit", "slurm"))) {
            List<String> options = new ArrayList<>(List.of("--backend", "cuda"));
            options.addAll(mode);
            Outcome o = sweep(TWO_CURRENTS, () -> List.of(GPU), options.toArray(String[]::new));
            assertEquals(2, o.exitCode(), mode + ": " + o.err());
            assertEquals("error: --backend: must be cpu, opencl or auto, got 'cuda'", o.err().strip(), mode.toString());
            assertTrue(Files.notExists(dir.resolve("out")), mode + ": nothing written");
        }
    }

    /**
     * {@code --backend opencl} on a machine without an OpenCL device (no platform; a --device that is not there) stops the
     * sweep before any run starts, once, with the error of {@code lipf run}; the devices are listed once (each run failed
     * on its own).
     */
    @Test
    void openClWithoutADeviceStopsTheSweepOnce() throws IOException {
        int[] listed = {0};
        Outcome none = sweep(TWO_CURRENTS, () -> {
            listed[0]++;
            throw new OpenClUnavailableException("OpenCL: no platform found (no ICD installed)");
        }, "--backend", "opencl");
        assertEquals(2, none.exitCode(), none.err());
        assertEquals("error: OpenCL: no platform found (no ICD installed)", none.err().strip());
        assertEquals(1, listed[0]);
        assertTrue(Files.notExists(dir.resolve("out")), "no run started");

        Outcome absent = sweep(TWO_CURRENTS, () -> List.of(GPU), "--backend", "opencl", "--device", "3");
        assertEquals(2, absent.exitCode(), absent.err());
        assertEquals("error: --device 3: no such OpenCL device (there are 1; see lipf devices)", absent.err().strip());
        assertTrue(Files.notExists(dir.resolve("out")), "no run started");

        Outcome there = sweep(TWO_CURRENTS, () -> List.of(GPU), "--backend", "opencl", "--plan");
        assertEquals(0, there.exitCode(), there.err());
        assertTrue(there.out().contains("with 1 job(s)"), there.out());
    }

    /** {@code --backend opencl} for runs that run on the CPU only stops the sweep before any run starts (each run failed on its own). */
    @Test
    void openClForACpuOnlyScenarioStopsTheSweepOnce() throws IOException {
        Outcome o = sweep(IMPLICIT_ONLY, () -> List.of(GPU), "--backend", "opencl");
        assertEquals(2, o.exitCode(), o.err());
        assertEquals("error: solver.reaction_coupling: implicit runs on the CPU backend only (the Newton solve of the potentials with the reaction is not on "
                + "the device yet); use --backend cpu", o.err().strip());
        assertTrue(Files.notExists(dir.resolve("out")), "no run started");
    }
}
