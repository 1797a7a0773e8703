package org.lipf.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.function.Supplier;
import org.lipf.backend.opencl.OpenClBackend;
import org.lipf.backend.opencl.OpenClDevices;
import org.lipf.backend.opencl.OpenClUnavailableException;
import org.lipf.backend.opencl.Precision;
import org.lipf.scenario.Scenario;
import org.lipf.solver.BackendFactory;
import picocli.CommandLine.Option;

/**
 * The {@code --backend}, {@code --device} and {@code --precision} options of run and bench; {@code lipf sweep} resolves the
 * options it passes to its runs as they will, to know which of them go to an OpenCL device.
 */
public final class BackendOptions {
    private static final String DEFAULT_BACKEND = "cpu", DEFAULT_PRECISION = "double";

    /** The {@code --backend} names. */
    public enum Kind {
        CPU, OPENCL, AUTO;

        /** The kind {@code name} names, in any case. @throws IllegalArgumentException naming the valid names */
        public static Kind parse(String name) {
            for (Kind k : values()) if (k.name().equalsIgnoreCase(name)) return k;
            throw new IllegalArgumentException("must be cpu, opencl or auto, got '" + name + "'");
        }
    }

    /** A resolved choice: the factory and the label for run.json and messages. */
    public record Choice(BackendFactory factory, String label, OpenClDevices.Device device, Precision precision) {
        public boolean isOpenCl() {
            return device != null;
        }
    }

    @Option(names = "--backend", paramLabel = "cpu|opencl|auto", defaultValue = DEFAULT_BACKEND,
            description = "Where the fields live: cpu (default), opencl, or auto (an OpenCL GPU if present and the scenario runs there, else cpu).")
    String backend;

    @Option(names = "--device", paramLabel = "N", description = "OpenCL device number (see lipf devices; default: what auto picks, else 0).")
    Integer device;

    @Option(names = "--precision", paramLabel = "double|float", defaultValue = DEFAULT_PRECISION,
            description = "OpenCL field precision (default: double).")
    String precision;

    /** The options picocli sets. */
    BackendOptions() {
    }

    /** The options as given to {@code lipf run} on its command line, null where not given. */
    public BackendOptions(String backend, Integer device, String precision) {
        this.backend = backend != null ? backend : DEFAULT_BACKEND;
        this.device = device;
        this.precision = precision != null ? precision : DEFAULT_PRECISION;
    }

    /**
     * Resolves the options for a scenario: auto takes the CPU for one that asks for what runs on the CPU only
     * ({@link OpenClBackend#cpuOnly}), saying why on {@code notes}.
     *
     * @throws OpenClUnavailableException (bad input) with the cause and the fix
     */
    Choice resolve(Scenario scenario, PrintStream notes) {
        return resolve(scenario, notes, OpenClDevices::list);
    }

    /**
     * As {@link #resolve(Scenario, PrintStream)} with the OpenCL devices {@code devices} gives (throwing
     * {@link OpenClUnavailableException} where there is no platform, as {@link OpenClDevices#list} does): what a run of
     * {@code scenario} with these options resolves to, for a caller that decides before the run starts (lipf sweep) or a test.
     */
    public Choice resolve(Scenario scenario, PrintStream notes, Supplier<List<OpenClDevices.Device>> devices) {
        String cpuOnly = scenario == null ? null : OpenClBackend.cpuOnly(scenario);
        // as auto does without an OpenCL platform: a --device or --precision for the device then goes unused
        if (cpuOnly != null && backend.equalsIgnoreCase("auto")) {
            notes.println("lipf: --backend auto runs this scenario on the CPU: " + cpuOnly);
            return new Choice(BackendFactory.CPU, "cpu", null, null);
        }
        // before the devices are listed: a sweep then stops once, not in every run as the backend refuses it
        if (scenario != null && backend.equalsIgnoreCase("opencl")) OpenClBackend.requireDeviceSupport(scenario);
        return resolve(devices);
    }

    /**
     * Resolves the options.
     *
     * @throws OpenClUnavailableException (bad input) with the cause and the fix
     */
    private Choice resolve(Supplier<List<OpenClDevices.Device>> listed) {
        Precision p;
        try {
            p = Precision.parse(precision);
        } catch (IllegalArgumentException e) {
            throw new OpenClUnavailableException("--precision: " + e.getMessage());
        }
        Kind kind;
        try {
            kind = Kind.parse(backend);
        } catch (IllegalArgumentException e) {
            throw new OpenClUnavailableException("--backend " + e.getMessage());
        }
        return switch (kind) {
            case CPU -> {
                if (device != null || p != Precision.DOUBLE)
                    throw new OpenClUnavailableException("--device and --precision float need --backend opencl (or auto)");
                yield new Choice(BackendFactory.CPU, "cpu", null, null);
            }
            case OPENCL -> {
                List<OpenClDevices.Device> devices = listed.get();
                OpenClDevices.Device picked = OpenClDevices.autoPick(devices, p);
                int index = device != null ? device : picked != null ? picked.index() : 0;
                yield openCl(OpenClDevices.select(devices, index, p), p);
            }
            case AUTO -> {
                List<OpenClDevices.Device> devices;
                try {
                    devices = listed.get();
                } catch (OpenClUnavailableException e) {
                    yield new Choice(BackendFactory.CPU, "cpu", null, null);
                }
                if (device != null) yield openCl(OpenClDevices.select(devices, device, p), p);
                OpenClDevices.Device picked = OpenClDevices.autoPick(devices, p);
                yield picked == null ? new Choice(BackendFactory.CPU, "cpu", null, null) : openCl(picked, p);
            }
        };
    }

    /** {@link #resolve(Scenario, java.io.PrintStream)}, or null after printing the error (the caller exits with {@link Lipf#EXIT_BAD_INPUT}). */
    Choice resolveOrReport(Scenario scenario) {
        try {
            return resolve(scenario, System.err);
        } catch (OpenClUnavailableException e) {
            System.err.println("error: " + e.getMessage());
            return null;
        }
    }

    private static Choice openCl(OpenClDevices.Device d, Precision p) {
        return new Choice(OpenClBackend.factory(d, p), "opencl (device " + d.index() + ": " + d.name() + ", " + p.typeName + ")", d, p);
    }
}
