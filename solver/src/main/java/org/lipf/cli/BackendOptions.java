package org.lipf.cli;

import java.util.List;
import org.lipf.backend.opencl.OpenClBackend;
import org.lipf.backend.opencl.OpenClDevices;
import org.lipf.backend.opencl.OpenClUnavailableException;
import org.lipf.backend.opencl.Precision;
import org.lipf.scenario.Scenario;
import org.lipf.solver.BackendFactory;
import picocli.CommandLine.Option;

/** The {@code --backend}, {@code --device} and {@code --precision} options of run and bench. */
final class BackendOptions {
    /** A resolved choice: the factory and the label for run.json and messages. */
    record Choice(BackendFactory factory, String label, OpenClDevices.Device device, Precision precision) {
        boolean isOpenCl() {
            return device != null;
        }
    }

    @Option(names = "--backend", paramLabel = "cpu|opencl|auto", defaultValue = "cpu",
            description = "Where the fields live: cpu (default), opencl, or auto (an OpenCL GPU if present and the scenario runs there, else cpu).")
    String backend;

    @Option(names = "--device", paramLabel = "N", description = "OpenCL device number (see lipf devices; default: what auto picks, else 0).")
    Integer device;

    @Option(names = "--precision", paramLabel = "double|float", defaultValue = "double",
            description = "OpenCL field precision (default: double).")
    String precision;

    /**
     * Resolves the options for a scenario: auto takes the CPU for one that asks for what runs on the CPU only
     * ({@link OpenClBackend#cpuOnly}), saying why on {@code notes}.
     *
     * @throws OpenClUnavailableException (bad input) with the cause and the fix
     */
    Choice resolve(Scenario scenario, java.io.PrintStream notes) {
        String cpuOnly = scenario == null ? null : OpenClBackend.cpuOnly(scenario);
        // as auto does without an OpenCL platform: a --device or --precision for the device then goes unused
        if (cpuOnly != null && backend.equalsIgnoreCase("auto")) {
            notes.println("lipf: --backend auto runs this scenario on the CPU: " + cpuOnly);
            return new Choice(BackendFactory.CPU, "cpu", null, null);
        }
        return resolve();
    }

    /**
     * Resolves the options.
     *
     * @throws OpenClUnavailableException (bad input) with the cause and the fix
     */
    Choice resolve() {
        Precision p;
        try {
            p = Precision.parse(precision);
        } catch (IllegalArgumentException e) {
            throw new OpenClUnavailableException("--precision: " + e.getMessage());
        }
        switch (backend.toLowerCase()) {
            case "cpu":
                if (device != null || p != Precision.DOUBLE)
                    throw new OpenClUnavailableException("--device and --precision float need --backend opencl (or auto)");
                return new Choice(BackendFactory.CPU, "cpu", null, null);
            case "opencl": {
                List<OpenClDevices.Device> devices = OpenClDevices.list();
                OpenClDevices.Device picked = OpenClDevices.autoPick(devices, p);
                int index = device != null ? device : picked != null ? picked.index() : 0;
                return openCl(OpenClDevices.select(devices, index, p), p);
            }
            case "auto": {
                List<OpenClDevices.Device> devices;
                try {
                    devices = OpenClDevices.list();
                } catch (OpenClUnavailableException e) {
                    return new Choice(BackendFactory.CPU, "cpu", null, null);
                }
                if (device != null) return openCl(OpenClDevices.select(devices, device, p), p);
                OpenClDevices.Device picked = OpenClDevices.autoPick(devices, p);
                return picked == null ? new Choice(BackendFactory.CPU, "cpu", null, null) : openCl(picked, p);
            }
            default:
                throw new OpenClUnavailableException("--backend must be cpu, opencl or auto, got '" + backend + "'");
        }
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
