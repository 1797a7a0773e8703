package org.lipf.backend.opencl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The OpenCL C sources of the top-level {@code kernels/} folder, packaged as resources of the
 * solver jar under {@code org/lipf/kernels/opencl}. They are compiled as one program in this order.
 */
public final class KernelSources {
    static final String[] FILES = {"common.cl", "ghosts.cl", "allen_cahn.cl", "nernst_planck.cl", "control.cl"};
    private static final String ROOT = "/org/lipf/kernels/opencl/";

    private KernelSources() {}

    /** The sources, in compilation order. */
    static String[] load() {
        String[] out = new String[FILES.length];
        for (int i = 0; i < FILES.length; i++) {
            try (InputStream in = KernelSources.class.getResourceAsStream(ROOT + FILES[i])) {
                if (in == null) throw new IllegalStateException("kernel source " + FILES[i] + " is missing from the class path (rebuild the solver module)");
                out[i] = "#line 1 \"" + FILES[i] + "\"\n" + new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}
