package org.lipf.cli;

import java.nio.file.Path;

/**
 * Who runs a run again when the JVM could not carry it on ({@link JvmFailure}) or build it: the user, with
 * {@code ./lipf run --restart}, or the sweep whose task it is, which continues it from its last snapshot when it is run
 * again; the advice names the command that takes the JVM's options and how the run goes on. A sweep's task says which
 * with {@link #OPTION} (internal, so hidden from {@code lipf run --help}).
 */
public enum RunAgain {
    /** {@code lipf run}: its JVM options are LIPF_JAVA_OPTS of {@code ./lipf}. */
    RUN,
    /** A child of a local {@code lipf sweep}, which gives its children its own heap and stack options (LIPF_JAVA_OPTS of {@code ./lipf sweep}). */
    LOCAL_SWEEP,
    /** A task of a sweep's Slurm job array, whose JVM options are JAVA_OPTS of the array's script. */
    SLURM_SWEEP;

    /** The option of {@code lipf run} that names it (the constant's name). */
    public static final String OPTION = "--run-again-by";

    /** Where the JVM is given {@code options} ("-Xmx16g"). */
    String withJvmOptions(String options) {
        return switch (this) {
            case RUN -> "LIPF_JAVA_OPTS=" + options + " ./lipf run ...";
            case LOCAL_SWEEP -> "LIPF_JAVA_OPTS=" + options + " ./lipf sweep ...";
            case SLURM_SWEEP -> options + " in JAVA_OPTS of the sweep's slurm/sweep.sbatch, with --mem to hold it";
        };
    }

    /** How the run goes on once the JVM has what it needs: from {@code lastSnapshot}, or afresh where it wrote none (null). */
    String goOn(Path lastSnapshot) {
        return switch (this) {
            case RUN -> lastSnapshot == null ? "the run wrote no snapshot: run it again" : "continue from its last snapshot with --restart " + lastSnapshot;
            case LOCAL_SWEEP -> "then run the same sweep command again, which " + resumes(lastSnapshot);
            case SLURM_SWEEP -> "then submit the script again, whose task " + resumes(lastSnapshot);
        };
    }

    private static String resumes(Path lastSnapshot) {
        return lastSnapshot == null ? "starts the run afresh (it wrote no snapshot)" : "continues the run from its last snapshot, " + lastSnapshot.getFileName();
    }
}
