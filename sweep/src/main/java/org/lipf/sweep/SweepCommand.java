package org.lipf.sweep;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.lipf.backend.opencl.OpenClDevices;
import org.lipf.backend.opencl.OpenClUnavailableException;
import org.lipf.backend.opencl.Precision;
import org.lipf.cli.BackendOptions;
import org.lipf.cli.Lipf;
import org.lipf.cli.LipfCommand;
import org.lipf.cli.RunAgain;
import org.lipf.scenario.Scenario;
import org.lipf.scenario.ScenarioException;
import org.lipf.sweep.SweepSpec.SlurmSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lipf sweep}: many runs of one scenario, on this machine or as a Slurm job array. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Run a parameter sweep: a base scenario, axes of values (lists, ranges, zipped axes, Sobol or Latin-hypercube samples)"
                + " and replicate seeds. Resumable: rerunning skips finished runs and restarts interrupted ones from their last snapshot.",
                "Writes DIR/runs/<run>/ (one run folder each), DIR/runs.csv, DIR/summary.csv and DIR/plot-<metric>.png."})
public final class SweepCommand implements Callable<Integer>, LipfCommand {
    @Parameters(index = "0", paramLabel = "SWEEP", description = "Sweep file (YAML).")
    Path sweepFile;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Sweep folder (default: sweeps/<sweep file name>).")
    Path output;

    @Option(names = "--jobs", paramLabel = "N", description = "Runs at a time (default: half the cores, at least 1; 1 with --backend opencl,"
            + " and with --backend auto where it sends runs to an OpenCL device).")
    Integer jobs;

    @Option(names = "--threads", paramLabel = "N", description = "Threads per run (default: the cores shared out among the jobs; in a task: $SLURM_CPUS_PER_TASK or all cores).")
    Integer threads;

    @Option(names = "--plan", description = "Print the runs and the estimated cost; run nothing.")
    boolean plan;

    @Option(names = "--emit", paramLabel = "slurm", description = "Write a Slurm job array (DIR/slurm/sweep.sbatch and tasks.tsv) instead of running.")
    String emit;

    @Option(names = "--collect", description = "Only write DIR/summary.csv and the plot from the run folders (after a Slurm array).")
    boolean collect;

    @Option(names = "--task", paramLabel = "RUN", description = "Run the one run RUN (its id or index) in this process: what local children and Slurm array tasks do.")
    String task;

    /** Internal, for the children of a local sweep ({@link ParentPipe}): stop when the sweep process that started this task ends. */
    @Option(names = ParentPipe.OPTION, hidden = true)
    boolean stopWithSweep;

    @Option(names = ChangedRuns.FLAG, description = "Rerun from the start the runs whose inputs changed since they ran (the base scenario, a scenario file"
            + " an axis names, end_time, max_steps), after moving their folders aside to RUN.superseded-N (kept); without it such runs stop the sweep.")
    boolean rerunChanged;

    @Option(names = "--backend", paramLabel = "cpu|opencl|auto", description = "Passed to every run as lipf run --backend (OpenCL runs go one per device at"
            + " a time; resolved here, as the runs will, before any starts: which of them auto sends to an OpenCL device, and opencl without one is an error).")
    String backend;

    @Option(names = "--device", paramLabel = "N", description = "Passed to every run as lipf run --device.")
    Integer device;

    @Option(names = "--precision", paramLabel = "double|float", description = "Passed to every run as lipf run --precision.")
    String precision;

    @Option(names = "--partition", paramLabel = "NAME", description = "Slurm partition (overrides slurm.partition).")
    String partition;

    @Option(names = "--time", paramLabel = "LIMIT", description = "Slurm time limit per run, e.g. 04:00:00 (overrides slurm.time).")
    String timeLimit;

    @Option(names = "--cpus-per-task", paramLabel = "N", description = "Slurm CPUs (threads) per run (overrides slurm.cpus_per_task).")
    Integer cpusPerTask;

    @Option(names = "--max-parallel", paramLabel = "M", description = "Most Slurm array tasks at once (overrides slurm.max_parallel).")
    Integer maxParallel;

    @Option(names = "--sbatch-option", paramLabel = "OPT", description = "A further #SBATCH option, e.g. --sbatch-option=--account=abc (repeatable).")
    List<String> sbatchOptions = new ArrayList<>();

    /** The OpenCL devices of this machine, which --backend auto and opencl choose among. */
    private final Supplier<List<OpenClDevices.Device>> devices;

    public SweepCommand() {
        this(OpenClDevices::list);
    }

    /** A sweep that sees {@code devices} as this machine's OpenCL devices (a test's). */
    SweepCommand(Supplier<List<OpenClDevices.Device>> devices) {
        this.devices = devices;
    }

    @Override
    public Integer call() throws Exception {
        PrintStream err = System.err;
        SweepSpec spec;
        List<SweepRun> runs;
        List<Scenario> scenarios = null;
        SweepRun taskRun = null;
        String taskFingerprint = null;
        Path dir = output != null ? output : Path.of("sweeps", sweepFile.getFileName().toString().replaceFirst("\\.[^.]*$", ""));
        try {
            checkOptions();
            // a mistyped -o would otherwise be collected as a sweep whose runs are all pending
            if (collect && !Files.isDirectory(dir))
                throw new ScenarioException("--collect", "", -1, "no such sweep folder: " + dir + " (give the -o the sweep ran or was emitted with)");
            spec = SweepFileReader.read(sweepFile);
            runs = RunFolders.resume(SweepExpander.expand(spec), dir);
            if (task != null) {
                taskRun = find(runs, task);
                taskFingerprint = RunFingerprint.of(spec, ScenarioCheck.load(spec, List.of(taskRun), dir).get(0));
            } else {
                scenarios = ScenarioCheck.load(spec, runs, dir);
                ChangedRuns.check(spec, runs, RunFingerprint.of(spec, scenarios), dir, rerunChanged, err);
            }
        } catch (ScenarioException e) {
            err.println("error: " + e.getMessage());
            return Lipf.EXIT_BAD_INPUT;
        }
        int cores = Runtime.getRuntime().availableProcessors();
        if (task != null) {
            String slurmCpus = System.getenv("SLURM_CPUS_PER_TASK");
            int n = threads != null ? threads : slurmCpus != null && slurmCpus.matches("\\d+") ? Integer.parseInt(slurmCpus) : cores;
            if (stopWithSweep) {
                String id = taskRun.id();
                ParentPipe.watch(System.in, () -> {
                    err.println("lipf sweep: the sweep process that started run " + id + " has ended, so the run stops (a sweep run again continues it)");
                    Runtime.getRuntime().exit(ParentPipe.EXIT_STOPPED);
                });
            }
            // a task without a sweep process above it is a Slurm array's
            return RunTask.execute(spec, taskRun, taskFingerprint, dir, n, passThrough(), stopWithSweep ? RunAgain.LOCAL_SWEEP : RunAgain.SLURM_SWEEP, err);
        }
        DeviceRuns onDevice;
        try {
            onDevice = runsOnDevice(scenarios, err);
        } catch (ScenarioException | OpenClUnavailableException e) {
            err.println("error: " + e.getMessage());
            return Lipf.EXIT_BAD_INPUT;
        }
        int nJobs = jobs != null ? jobs : "opencl".equalsIgnoreCase(backend) || onDevice.count() > 0 ? 1 : Math.max(1, cores / 2);
        int nThreads = threads != null ? threads : Math.max(1, cores / nJobs);
        if (plan) {
            CostEstimate.print(spec, runs, scenarios, dir, nThreads, nJobs, System.out);
            return 0;
        }
        Files.createDirectories(dir);
        Manifest.write(spec, runs, dir);
        if (emit != null) {
            Path script = SlurmEmitter.emit(spec, runs, dir, slurmOptions(spec.slurm()), passThrough());
            err.println("lipf sweep: " + runs.size() + " runs as a Slurm job array; submit with: sbatch " + script.toAbsolutePath());
            err.println("lipf sweep: afterwards: lipf sweep " + sweepFile + " --collect -o " + dir);
            return 0;
        }
        if (!collect) new LocalExecutor(sweepFile, dir, nJobs, nThreads, passThrough()).runAll(runs, err);
        return summarise(spec, runs, dir, err);
    }

    private void checkOptions() {
        if (emit != null && !emit.equals("slurm")) throw new ScenarioException("--emit", "", -1, "the only target is slurm, got '" + emit + "'");
        int modes = (plan ? 1 : 0) + (emit != null ? 1 : 0) + (collect ? 1 : 0) + (task != null ? 1 : 0);
        if (modes > 1) throw new ScenarioException("command line", "", -1, "give at most one of --plan, --emit, --collect, --task");
        if (rerunChanged && (plan || collect || task != null))
            throw new ScenarioException(ChangedRuns.FLAG, "", -1, "reruns runs: give it to a sweep that runs, or to --emit slurm, not with --plan, --collect or --task");
        positive("--jobs", jobs);
        positive("--threads", threads);
        positive("--cpus-per-task", cpusPerTask);
        String timeProblem = timeLimit == null ? null : SlurmEmitter.timeProblem(timeLimit);
        if (timeProblem != null) throw new ScenarioException("--time", "", -1, timeProblem);
        for (String o : sbatchOptions) {
            String memoryProblem = SlurmMemory.problem(o);
            if (memoryProblem != null) throw new ScenarioException("--sbatch-option", "", -1, memoryProblem);
        }
        if (maxParallel != null && maxParallel < 0) throw new ScenarioException("--max-parallel", "", -1, "must be >= 0, got " + maxParallel);
        if (precision != null)
            try {
                Precision.parse(precision);
            } catch (IllegalArgumentException e) {
                throw new ScenarioException("--precision", "", -1, e.getMessage());
            }
        if (backend != null)
            try {
                BackendOptions.Kind.parse(backend);
            } catch (IllegalArgumentException e) {
                throw new ScenarioException("--backend", "", -1, e.getMessage());
            }
        if ("opencl".equalsIgnoreCase(backend) && jobs != null && jobs > 1) throw new ScenarioException("--jobs", "", -1, ONE_PER_DEVICE);
    }

    private static final String ONE_PER_DEVICE = "OpenCL runs go one per device at a time: use --jobs 1, and one sweep process per device"
            + " (--device N) on the same folder to use several devices";

    /**
     * The runs that go to an OpenCL device, resolved here as each run will resolve its backend options, for a sweep
     * that runs here or plans to; none otherwise (Slurm tasks run elsewhere). Options that no run could resolve
     * (--backend opencl without an OpenCL device, a --device that is not there) stop the sweep here, once, with the
     * error each run would give. Under --backend auto, OpenCL runs go one per device at a time, so --jobs above 1 is
     * refused, as with --backend opencl.
     */
    private DeviceRuns runsOnDevice(List<Scenario> scenarios, PrintStream err) {
        if (emit != null || collect) return new DeviceRuns(0, null);
        DeviceRuns d = DeviceRuns.of(new BackendOptions(backend, device, precision), scenarios, devices);
        if (!"auto".equalsIgnoreCase(backend) || d.count() == 0) return d;
        String which = "--backend auto sends " + (d.count() == scenarios.size() ? "every run" : d.count() + " of the " + scenarios.size()
                + " runs (the others ask for what runs on the CPU only)") + " to " + d.device();
        if (jobs != null && jobs > 1)
            throw new ScenarioException("--jobs", "", -1, which + ". " + ONE_PER_DEVICE + "; or --backend cpu to run them all on the CPU");
        err.println("lipf sweep: " + which + ", one run at a time");
        return d;
    }

    private static void positive(String option, Integer value) {
        if (value != null && value < 1) throw new ScenarioException(option, "", -1, "must be >= 1, got " + value);
    }

    private List<String> passThrough() {
        List<String> args = new ArrayList<>();
        if (backend != null) args.addAll(List.of("--backend", backend));
        if (device != null) args.addAll(List.of("--device", device.toString()));
        if (precision != null) args.addAll(List.of("--precision", precision));
        return args;
    }

    private SlurmSpec slurmOptions(SlurmSpec file) {
        List<String> extra = new ArrayList<>(file.extraOptions());
        extra.addAll(sbatchOptions);
        return new SlurmSpec(partition != null ? partition : file.partition(), timeLimit != null ? timeLimit : file.time(),
                cpusPerTask != null ? cpusPerTask : file.cpusPerTask(), maxParallel != null ? maxParallel : file.maxParallel(), extra);
    }

    private SweepRun find(List<SweepRun> runs, String idOrIndex) {
        for (SweepRun r : runs) if (r.id().equals(idOrIndex)) return r;
        if (idOrIndex.matches("\\d+") && Integer.parseInt(idOrIndex) < runs.size()) return runs.get(Integer.parseInt(idOrIndex));
        throw new ScenarioException("--task", "", -1, "no run '" + idOrIndex + "' in " + sweepFile + " (" + runs.size()
                + " runs; was the sweep file changed after the task list was written?)");
    }

    /** Writes summary.csv and the plot; exit 0 if every run is finished or shorted, else {@link Lipf#EXIT_FAILED}. */
    private static int summarise(SweepSpec spec, List<SweepRun> runs, Path dir, PrintStream err) throws java.io.IOException {
        List<SweepSummary.Row> rows = SweepSummary.collect(spec, runs, dir);
        Path summary = SweepSummary.write(spec, rows, dir);
        long done = rows.stream().filter(r -> r.state().status().done()).count();
        err.printf("lipf sweep: %d of %d runs finished or shorted; summary in %s%n", done, rows.size(), summary);
        for (SweepSummary.Row r : rows)
            if (!r.state().status().done())
                err.println("  " + r.run().id() + ": " + r.state().status().csv() + (r.state().reason().isEmpty() ? "" : ": " + r.state().reason()));
        if (spec.plot() != null) {
            Path png = MetricPlot.write(spec.plot(), rows, dir);
            err.println(png == null ? "lipf sweep: no finished run has a value of " + spec.plot().metric() + "; no plot" : "lipf sweep: plot in " + png);
        }
        return done == rows.size() ? 0 : Lipf.EXIT_FAILED;
    }
}
