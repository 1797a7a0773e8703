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
    static final String[] FILES = {"common.cl", "ghosts.cl", "allen_cahn.cl", "nernst_planck.cl", "control.cl", "potentials.cl", "implicit.cl"};
    private static final String ROOT = "/org/lipf/kernels/opencl/";

    private KernelSources() {}

    /** The bandwidth probe of lipf bench, a program of its own. */
    static final String[] BANDWIDTH = {"bandwidth.cl"};

    /** The simulation's sources, in compilation order. */
    static String[] load() {
        return load(FILES);
    }

    static String[] load(String[] files) {
        String[] out = new String[files.length];
        for (int i = 0; i < files.length; i++) {
            try (InputStream in = KernelSources.class.getResourceAsStream(ROOT + files[i])) {
                if (in == null) throw new IllegalStateException("kernel source " + files[i] + " is missing from the class path (rebuild the solver module)");
                out[i] = "#line 1 \"" + files[i] + "\"\n" + new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}
