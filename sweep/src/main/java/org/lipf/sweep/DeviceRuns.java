package org.lipf.sweep;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.function.Supplier;
import org.lipf.backend.opencl.OpenClDevices;
import org.lipf.backend.opencl.OpenClUnavailableException;
import org.lipf.cli.BackendOptions;
import org.lipf.scenario.Scenario;

/**
 * The runs of a local sweep that go to an OpenCL device, decided in the sweep process before any run starts, by the code
 * each run decides with ({@link BackendOptions#resolve}), so that runs that would share a device can go one at a time.
 * Under {@code --backend auto} a run takes the GPU auto picks (or the {@code --device} given) unless its scenario asks for
 * what runs on the CPU only, so one sweep may send some runs to the device and the others to the CPU.
 *
 * @param count how many runs go to a device
 * @param device the device they go to, as run.json names the backend; null if none
 */
record DeviceRuns(int count, String device) {
    /**
     * @param options the backend options the sweep passes to every run
     * @param scenarios each run's scenario
     * @param devices the OpenCL devices of this machine (listed once here, if a run may go to one)
     * @throws OpenClUnavailableException where the options cannot be resolved (--backend opencl without an OpenCL device, a
     *     --device that is not there), as each run would fail
     */
    static DeviceRuns of(BackendOptions options, List<Scenario> scenarios, Supplier<List<OpenClDevices.Device>> devices) {
        Supplier<List<OpenClDevices.Device>> listed = once(devices);
        // each run's note that it runs on the CPU goes to its own log; the sweep says how many
        PrintStream notes = new PrintStream(OutputStream.nullOutputStream());
        int count = 0;
        String device = null;
        for (Scenario s : scenarios) {
            BackendOptions.Choice choice = options.resolve(s, notes, listed);
            if (!choice.isOpenCl()) continue;
            count++;
            device = choice.label();
        }
        return new DeviceRuns(count, device);
    }

    /**
     * {@code devices} asked once, when a run first needs them: its list, or its failure (no OpenCL platform), for every
     * run. A sweep whose runs all go to the CPU never asks: listing loads the OpenCL drivers into this process.
     */
    private static Supplier<List<OpenClDevices.Device>> once(Supplier<List<OpenClDevices.Device>> devices) {
        return new Supplier<>() {
            private List<OpenClDevices.Device> list;
            private OpenClUnavailableException none;

            @Override
            public List<OpenClDevices.Device> get() {
                if (list == null && none == null)
                    try {
                        list = List.copyOf(devices.get());
                    } catch (OpenClUnavailableException e) {
                        none = e;
                    }
                if (none != null) throw none;
                return list;
            }
        };
    }
}
