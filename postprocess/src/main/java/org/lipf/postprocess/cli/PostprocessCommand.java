package org.lipf.postprocess.cli;

import java.util.concurrent.Callable;
import org.lipf.cli.Lipf;
import org.lipf.cli.LipfCommand;
import org.lipf.postprocess.RunFolder;
import org.lipf.postprocess.RunFolderException;
import org.lipf.scenario.PhysicalQuantity;
import org.lipf.scenario.UnitParser;

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

    /**
     * An option's value with a unit, in SI; a bare number is in {@code bareUnit}. A bad value is bad input, and so is a
     * negative one unless {@code signed} (the charge a stripping run passes is negative).
     */
    static double quantity(String option, String text, PhysicalQuantity kind, String bareUnit, boolean signed) throws RunFolderException {
        double value;
        try {
            value = UnitParser.parse(text, kind, bareUnit);
        } catch (IllegalArgumentException e) {
            throw new RunFolderException(option + ": " + e.getMessage(), e);
        }
        if (!(signed ? Double.isFinite(value) : value >= 0)) throw new RunFolderException(option + ": must not be negative, got '" + text + "'");
        return value;
    }

    /** Whether a run's snapshots are 3D. */
    static boolean is3D(RunFolder run) throws RunFolderException {
        return run.read(0).dimensions() == 3;
    }

    /** A slice position ({@code --slice-x}, {@code --slice-y}, {@code --slice-z}) in m, a bare number in um; NaN (the default plane) where not given. */
    static double slice(String option, String text) throws RunFolderException {
        return text == null ? Double.NaN : quantity(option, text, PhysicalQuantity.LENGTH, "um", false);
    }
}
