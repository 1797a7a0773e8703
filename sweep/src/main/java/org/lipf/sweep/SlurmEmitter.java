package org.lipf.sweep;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.lipf.kernels.cpu.Simd;
import org.lipf.output.AtomicFiles;
import org.lipf.output.RunInfo;
import org.lipf.sweep.SweepSpec.SlurmSpec;

/**
 * Writes a sweep as a Slurm job array: {@code DIR/slurm/tasks.tsv} (index, run id, run folder and
 * the exact {@code lipf} arguments of each run) and {@code DIR/slurm/sweep.sbatch}, whose array
 * task {@code i} runs {@code lipf sweep SWEEP -o DIR --task ID} for the run of line {@code i}: the
 * same locked skip / restart / fresh-start logic as a local sweep, so resubmitting the array
 * resumes the sweep and never runs a run twice at once. Paths in the script are absolute and
 * written now (no shared home assumed): the Java launcher, LiPF's class path, the sweep file and
 * the sweep folder must be visible under the same paths on the compute nodes. Like {@code ./lipf}, the
 * script preloads the signal-chaining library of the Java it runs, which OpenCL runs need. The tasks' heap fits the
 * memory they ask for ({@link SlurmMemory}). The collect step
 * ({@code lipf sweep SWEEP --collect -o DIR}) writes summary.csv and the plot afterwards.
 */
final class SlurmEmitter {
    static final String TASKS = "tasks.tsv";
    static final String SCRIPT = "sweep.sbatch";
    /** The time limits sbatch reads: minutes, MM:SS, HH:MM:SS, D-HH, D-HH:MM, D-HH:MM:SS, or no limit. */
    private static final java.util.regex.Pattern SLURM_TIME = java.util.regex.Pattern.compile(
            "\\d+(:\\d+){0,2}|\\d+-\\d+(:\\d+){0,2}|(?i:unlimited|infinite)");

    private SlurmEmitter() {
    }

    /** Writes the task list and the script; returns the script's path. */
    static Path emit(SweepSpec spec, List<SweepRun> runs, Path sweepDir, SlurmSpec slurm, List<String> passThrough) throws IOException {
        Path dir = sweepDir.toAbsolutePath().normalize();
        Path slurmDir = dir.resolve("slurm");
        Files.createDirectories(slurmDir.resolve("logs"));
        StringBuilder tasks = new StringBuilder("# index\trun\tfolder\tlipf arguments (the task adds --threads and, to continue a run, --restart)\n");
        for (SweepRun r : runs)
            tasks.append(r.index()).append('\t').append(r.id()).append('\t').append(r.folder(dir)).append('\t')
                    .append(r.runArguments(dir, spec, passThrough).stream().map(SlurmEmitter::quote).collect(Collectors.joining(" "))).append('\n');
        AtomicFiles.writeString(slurmDir.resolve(TASKS), tasks.toString());

        StringBuilder s = new StringBuilder("#!/bin/bash\n");
        s.append("#SBATCH --job-name=").append(RunNames.sanitise("lipf-" + stem(spec.file()))).append('\n');
        s.append("#SBATCH --array=0-").append(runs.size() - 1).append(slurm.maxParallel() > 0 ? "%" + slurm.maxParallel() : "").append('\n');
        s.append("#SBATCH --cpus-per-task=").append(slurm.cpusPerTask()).append('\n');
        s.append("#SBATCH --output=").append(slurmDir.resolve("logs")).append("/%A_%a.out\n");
        if (slurm.partition() != null) s.append("#SBATCH --partition=").append(slurm.partition()).append('\n');
        if (slurm.time() != null) s.append("#SBATCH --time=").append(slurm.time()).append('\n');
        for (String o : slurm.extraOptions()) s.append("#SBATCH ").append(o).append('\n');
        s.append("# Written by 'lipf sweep ").append(spec.file()).append(" --emit slurm' at ").append(Instant.now()).append(".\n");
        s.append("# Submit: sbatch ").append(slurmDir.resolve(SCRIPT)).append("   (resubmitting resumes: done runs are skipped)\n");
        s.append("# Then:   lipf sweep ").append(spec.file().toAbsolutePath()).append(" --collect -o ").append(dir).append('\n');
        s.append("# Each task runs the run of its line in tasks.tsv under the run's lock; its output goes to the run's lipf.log.\n");
        s.append("# The paths below were written at emit time; edit JAVA if the compute nodes keep Java elsewhere.\n");
        s.append("set -euo pipefail\n");
        s.append("JAVA=").append(quote(Path.of(System.getProperty("java.home"), "bin", "java").toString())).append('\n');
        s.append("JAVA_OPTS=").append(quote(jvmOptions(slurm))).append('\n');
        s.append("LIPF_CLASSPATH=").append(quote(absoluteClassPath())).append('\n');
        s.append("SWEEP=").append(quote(spec.file().toAbsolutePath().normalize().toString())).append('\n');
        s.append("DIR=").append(quote(dir.toString())).append('\n');
        // the runs' run.json record the commit of the LiPF that wrote the script (./lipf sets it from git)
        String commit = System.getenv(RunInfo.COMMIT_ENV);
        if (commit != null && !commit.isBlank()) s.append("export ").append(RunInfo.COMMIT_ENV).append('=').append(quote(commit)).append('\n');
        s.append("""
                # OpenCL drivers built on LLVM (PoCL) replace the JVM's SIGSEGV handler, on which its compiled code relies,
                # and the JVM then dies at random (exit code 139): the signal-chaining library of the Java home of $JAVA
                # keeps the JVM's handlers (harmless on the CPU)
                jsig="$(dirname "$(dirname "$(readlink -f "$(command -v "$JAVA")")")")/lib/libjsig.so"
                if [ -f "$jsig" ]; then export LD_PRELOAD="$jsig${LD_PRELOAD:+:$LD_PRELOAD}"; fi
                id=$(awk -F'\\t' -v i="${SLURM_ARRAY_TASK_ID:?not a Slurm array task}" '$1 == i {print $2}' "$DIR/slurm/tasks.tsv")
                if [ -z "$id" ]; then echo "lipf: no task $SLURM_ARRAY_TASK_ID in $DIR/slurm/tasks.tsv" >&2; exit 2; fi
                mkdir -p "$DIR/runs/$id"
                echo "lipf: Slurm job ${SLURM_ARRAY_JOB_ID:-?} task $SLURM_ARRAY_TASK_ID on $(hostname) at $(date -u +%FT%TZ)" >> "$DIR/runs/$id/lipf.log"
                exec >> "$DIR/runs/$id/lipf.log" 2>&1
                # shellcheck disable=SC2086
                exec "$JAVA" $JAVA_OPTS -Djava.awt.headless=true -cp "$LIPF_CLASSPATH" org.lipf.cli.Lipf sweep "$SWEEP" -o "$DIR" \\
                    --task "$id" --threads "${SLURM_CPUS_PER_TASK:-1}\"""");
        for (String a : passThrough) s.append(' ').append(quote(a));
        s.append('\n');
        Path script = slurmDir.resolve(SCRIPT);
        AtomicFiles.writeString(script, s.toString());
        script.toFile().setExecutable(true);
        return script;
    }

    /** Why sbatch would reject {@code time} as {@code --time} (e.g. "4h"), or null if it reads it. */
    static String timeProblem(String time) {
        return SLURM_TIME.matcher(time).matches() ? null
                : "'" + time + "' is not a Slurm time limit: give minutes, MM:SS, HH:MM:SS, D-HH, D-HH:MM or D-HH:MM:SS (e.g. 04:00:00 or 1-12)";
    }

    /** The heap that fits the memory the task asks for (else this JVM's heap limit) and the options of this JVM's SIMD loops. */
    private static String jvmOptions(SlurmSpec slurm) {
        String heap = SlurmMemory.heapOption(slurm.extraOptions(), slurm.cpusPerTask());
        List<String> options = new ArrayList<>(heap != null ? List.of(heap)
                : ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(a -> a.startsWith("-Xmx")).toList());
        options.addAll(Simd.childJvmOptions());
        return String.join(" ", options);
    }

    private static String absoluteClassPath() {
        List<String> out = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(java.io.File.pathSeparator))
            if (!e.isEmpty()) out.add(e.endsWith("*") ? Path.of(e.substring(0, e.length() - 1)).toAbsolutePath() + java.io.File.separator + "*" : Path.of(e).toAbsolutePath().toString());
        return String.join(java.io.File.pathSeparator, out);
    }

    private static String stem(Path p) {
        return p.getFileName().toString().replaceFirst("\\.[^.]*$", "");
    }

    /** Single-quotes a word for the shell where it needs it. */
    static String quote(String word) {
        if (word.matches("[A-Za-z0-9_./:=+@%-]+")) return word;
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
