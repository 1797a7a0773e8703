package org.lipf.postprocess.cli;

import java.util.concurrent.Callable;
import org.lipf.cli.Lipf;
import org.lipf.cli.LipfCommand;
import org.lipf.postprocess.RunFolderException;

/**
 * Common frame of the post-processing verbs: images are drawn off-screen (no display needed), and a
 * run folder that cannot be processed gives one line on stderr and exit code 2 (other failures go
 * to {@link Lipf}'s handler: one line, exit code 3).
 */
abstract class PostprocessCommand implements Callable<Integer>, LipfCommand {
    static {
        // before any AWT class loads: CI and compute nodes have no display
        System.setProperty("java.awt.headless", "true");
    }

    /** Does the work; returns the exit code. */
    abstract int execute() throws Exception;

    @Override
    public final Integer call() throws Exception {
        try {
            return execute();
        } catch (RunFolderException e) {
            System.err.println("error: " + e.getMessage());
            return Lipf.EXIT_BAD_INPUT;
        }
    }
}
