package org.lipf.cli;

/**
 * A verb of the {@code lipf} command that lives in another module (post-processing, sweeps,
 * validation), so that the solver does not depend on the modules that read its output. An
 * implementation is a picocli {@code @Command} class listed in that module's
 * {@code META-INF/services/org.lipf.cli.LipfCommand}; {@link Lipf} finds it on the class path.
 */
public interface LipfCommand {
}
