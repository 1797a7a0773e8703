package org.lipf.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.lipf.backend.opencl.OpenClDevices;
import org.lipf.backend.opencl.OpenClUnavailableException;
import org.lipf.backend.opencl.Precision;
import picocli.CommandLine.Command;

/** {@code lipf devices}: the OpenCL platforms and devices, and what {@code --backend auto} picks. */
@Command(name = "devices", mixinStandardHelpOptions = true,
        description = "List the OpenCL platforms and devices (memory, double support) and the one --backend auto picks.")
final class DevicesCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        List<OpenClDevices.Device> devices;
        try {
            devices = OpenClDevices.list();
        } catch (OpenClUnavailableException e) {
            System.err.println("error: " + e.getMessage());
            System.out.println("--backend auto picks: cpu (no OpenCL)");
            return Lipf.EXIT_BAD_INPUT;
        }
        String platform = null;
        for (OpenClDevices.Device d : devices) {
            if (!d.platform().equals(platform)) {
                platform = d.platform();
                System.out.println("platform: " + platform);
            }
            System.out.printf("  device %d: %s%n    type %s, global memory %.1f GiB (largest buffer %.1f GiB), double precision %s, %s%n",
                    d.index(), d.name(), d.gpu() ? "GPU" : "CPU/other", d.globalMemory_bytes() / 1073741824.0,
                    d.maxAllocation_bytes() / 1073741824.0, d.fp64() ? "yes" : "no", d.version());
        }
        OpenClDevices.Device auto = OpenClDevices.autoPick(devices, Precision.DOUBLE);
        System.out.println("--backend auto picks: " + (auto == null ? "cpu (no OpenCL GPU with double precision)" : "opencl device " + auto.index() + " (" + auto.name() + ")"));
        return 0;
    }
}
