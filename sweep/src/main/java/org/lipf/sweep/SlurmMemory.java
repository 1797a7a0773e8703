package org.lipf.sweep;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The memory a Slurm array task asks for ({@code --mem}, or {@code --mem-per-cpu} times its CPUs, among the
 * sbatch options) and the JVM heap that fits in it. Slurm kills a task that uses more than it asked for, so a
 * heap of 8 GB in a 2 GB task dies when the heap grows; a heap of all the memory would leave the JVM's own
 * (compiled code, thread stacks, buffers) none: the heap gets {@link #HEAP_SHARE} of it.
 */
final class SlurmMemory {
    static final double HEAP_SHARE = 0.8;
    /** An option that asks for memory, whatever its value. */
    private static final Pattern MEMORY_OPTION = Pattern.compile("--mem(-per-cpu)?[= ].*");
    /** The sizes sbatch reads: a whole number of megabytes, or of K, M, G or T. */
    private static final Pattern MEMORY = Pattern.compile("--mem(-per-cpu)?[= ]\\s*(\\d+)([KMGT]?)", Pattern.CASE_INSENSITIVE);

    private SlurmMemory() {
    }

    /**
     * The heap option for the memory the options ask for ({@code -Xmx1638m} for {@code --mem=2G}); null where they ask
     * for none, or for all of a node's ({@code --mem=0}), and the task keeps the heap this JVM has. The last such option
     * counts, as with sbatch: the command line's come after the sweep file's.
     */
    static String heapOption(List<String> sbatchOptions, int cpusPerTask) {
        long mib = 0;
        for (String o : sbatchOptions) {
            Matcher m = MEMORY.matcher(o.strip());
            if (m.matches()) mib = mebibytes(Long.parseLong(m.group(2)), m.group(3)) * (m.group(1) != null ? cpusPerTask : 1);
        }
        return mib == 0 ? null : "-Xmx" + Math.max(1, (long) (mib * HEAP_SHARE)) + "m";
    }

    /** Why sbatch would reject {@code option} as a memory request ("--mem=2X"), or null if it reads it or it asks for no memory. */
    static String problem(String option) {
        String o = option.strip();
        return !MEMORY_OPTION.matcher(o).matches() || MEMORY.matcher(o).matches() ? null
                : "'" + o + "' is not a Slurm memory size: give a whole number of megabytes, or with K, M, G or T (e.g. --mem=16G)";
    }

    private static long mebibytes(long n, String suffix) {
        return switch (suffix.toUpperCase(Locale.ROOT)) {
            case "K" -> (n + 1023) / 1024;
            case "G" -> n * 1024;
            case "T" -> n * 1024 * 1024;
            default -> n;
        };
    }
}
