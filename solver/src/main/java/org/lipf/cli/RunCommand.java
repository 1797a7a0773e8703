package org.lipf.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lipf.backend.opencl.OpenClUnavailableException;
import org.lipf.grid.Grid;
import org.lipf.grid.SurfaceFilms;
import org.lipf.linear.SolverDivergedException;
import org.lipf.model.MaterialTable;
import org.lipf.model.ModelParameters;
import org.lipf.output.RunInfo;
import org.lipf.output.SnapshotReader;
import org.lipf.scenario.ControlMode;
import org.lipf.scenario.CurrentProgram;
import org.lipf.scenario.ModelForm;
import org.lipf.scenario.PhysicalQuantity;
import org.lipf.scenario.ReactionCoupling;
import org.lipf.scenario.Scenario;
import org.lipf.scenario.ScenarioException;
import org.lipf.scenario.ScenarioLoader;
import org.lipf.scenario.UnitParser;
import org.lipf.solver.NumericalInstabilityException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lipf run}: one scenario, end to end. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a scenario and write snapshots, a time series and an XDMF index to the run folder.")
final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario file (YAML).")
    Path scenarioFile;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Run folder (default: runs/<scenario name>; on restart: the snapshot's run folder).")
    Path output;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a scenario value, e.g. --set control.current_density=\"2 mA/cm^2\".")
    Map<String, String> overrides = new LinkedHashMap<>();

    @Option(names = "--end-time", paramLabel = "T", description = "Simulated end time: seconds, or a time with its unit (\"2 h\"); default: the scenario's time.end.")
    String endTimeText;

    @Option(names = "--max-steps", paramLabel = "N", description = "Stop after this many steps in total.")
    Long maxSteps;

    @Option(names = "--restart", paramLabel = "SNAPSHOT", description = "Continue from this snapshot (.h5).")
    Path restart;

    /** Internal, for the tasks of a sweep, which run their runs again themselves: what the advice of a JVM failure names. */
    @Option(names = RunAgain.OPTION, hidden = true)
    RunAgain runAgain = RunAgain.RUN;

    @Mixin
    BackendOptions backendOptions = new BackendOptions();

    @Override
    public Integer call() throws Exception {
        Double endTime = null;
        if (endTimeText != null) {
            try {
                endTime = UnitParser.parse(endTimeText, PhysicalQuantity.TIME, "s");
            } catch (IllegalArgumentException e) {
                System.err.println("error: --end-time: " + e.getMessage());
                return Lipf.EXIT_BAD_INPUT;
            }
            if (!(endTime > 0 && Double.isFinite(endTime))) {
                System.err.println("error: --end-time must be a positive time, got " + endTimeText);
                return Lipf.EXIT_BAD_INPUT;
            }
        }
        if (maxSteps != null && maxSteps < 1) {
            System.err.println("error: --max-steps must be at least 1, got " + maxSteps);
            return Lipf.EXIT_BAD_INPUT;
        }
        Scenario scenario;
        Map<String, String> loadedWith = overrides;
        try {
            scenario = load(overrides);
            if (endTime != null || maxSteps != null) {
                loadedWith = RunLimits.settings(scenario, overrides, endTime, maxSteps);
                scenario = load(loadedWith);
            }
        } catch (ScenarioException e) {
            System.err.println("error: " + e.getMessage());
            return Lipf.EXIT_BAD_INPUT;
        }
        if (restart != null) {
            String problem = restartProblem(scenario);
            if (problem != null) {
                System.err.println("error: --restart: " + problem);
                return Lipf.EXIT_BAD_INPUT;
            }
        }
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (n < 1) {
            System.err.println("error: --threads must be >= 1, got " + n);
            return Lipf.EXIT_BAD_INPUT;
        }
        BackendOptions.Choice backend = backendOptions.resolveOrReport(scenario);
        if (backend == null) return Lipf.EXIT_BAD_INPUT;
        Path dir = output != null ? output : restart != null ? snapshotsRunFolder(restart) : Path.of("runs", scenario.name());
        if (dir == null) {
            System.err.println("error: --restart: " + restart + " is not in the snapshots/ folder of a run: name the run folder with -o");
            return Lipf.EXIT_BAD_INPUT;
        }
        double end = scenario.time().end_s();
        long steps = scenario.time().maxSteps();
        System.err.printf("lipf: %s, grid %s, %s form, %s control, %s, %d thread(s) -> %s%n", scenario.name(),
                scenario.grid().toGrid(), scenario.model().form().name().toLowerCase(),
                scenario.control().mode().name().toLowerCase(), backend.label(), n, dir);
        try {
            RunDriver.Status status = new RunDriver(scenario, dir, n, System.err, backend.factory(), backend.label(), runAgain).run(end, steps, restart);
            // a short says why (a metal bridge, or Li intrusion into an electrolyte's flaws), as run.json does
            String why = status == RunDriver.Status.SHORTED ? " (" + RunInfo.read(dir.resolve(RunInfo.FILE_NAME)).data().reason() + ")" : "";
            System.err.println("lipf: " + status.name().toLowerCase() + why + "; results in " + dir);
            return 0;
        } catch (ScenarioException e) {
            // bad input found while the geometry is built, or a folder that is not a run's: nothing was written
            System.err.println("\nerror: " + ScenarioLoader.located(scenarioFile, loadedWith, e).getMessage());
            return Lipf.EXIT_BAD_INPUT;
        } catch (OutOfMemoryError e) {
            // the grid's fields do not fit the heap as the simulation is built (later, RunDriver records it: a JvmFailure): named at the spacing, which sets their size
            System.err.println("\nerror: " + ScenarioLoader.located(scenarioFile, loadedWith, new ScenarioException(scenarioFile.toString(), "grid.spacing", -1,
                    String.format(java.util.Locale.ROOT, "the run ran out of memory with %s: its %.3g cells need more than the %s heap the JVM may use; "
                            + "coarsen grid.spacing, make the window smaller, or give the JVM more (e.g. %s)", scenario.grid().toGrid(),
                            (double) scenario.grid().nx() * scenario.grid().ny() * scenario.grid().nz(), JvmFailure.heapLimit(),
                            runAgain.withJvmOptions(JvmFailure.largerHeap())))).getMessage());
            return Lipf.EXIT_BAD_INPUT;
        } catch (OpenClUnavailableException e) {
            System.err.println("\nerror: " + e.getMessage());
            return Lipf.EXIT_BAD_INPUT;
        } catch (RuntimeException e) {
            boolean diverged = e instanceof SolverDivergedException || e instanceof NumericalInstabilityException;
            System.err.println("\nerror: run failed: " + e.getMessage() + recordedIn(dir) + (diverged ? laggedNucleationHint(scenario) + filmDropHint(scenario) : ""));
            return Lipf.EXIT_FAILED;
        }
    }

    /** The scenario file with these settings; a restart takes its geometry from the snapshot, so checks of what a new geometry would draw do not apply. */
    private Scenario load(Map<String, String> settings) {
        return restart != null ? ScenarioLoader.loadRecorded(scenarioFile, settings) : ScenarioLoader.load(scenarioFile, settings);
    }

    /**
     * " (details in DIR/run.json)" where the run recorded its failure there; a failure while the simulation was built
     * comes before the folder is touched, and its run.json, if any, is an earlier run's.
     */
    private static String recordedIn(Path dir) {
        Path runJson = dir.resolve(RunInfo.FILE_NAME);
        try {
            return Files.isRegularFile(runJson) && RunInfo.read(runJson).data().status() == RunInfo.Status.FAILED ? " (details in " + runJson + ")" : "";
        } catch (IOException unreadable) {
            return "";
        }
    }

    /** Why the --restart file cannot continue the scenario (not a snapshot, another grid or materials), or null. */
    private String restartProblem(Scenario scenario) {
        if (!Files.isRegularFile(restart)) return "no such snapshot file: " + restart;
        String mismatch;
        try {
            org.lipf.output.Snapshot snap = SnapshotReader.read(restart);
            mismatch = RunDriver.restartMismatch(scenario, snap);
            if (mismatch != null) mismatch += ownScenarioHint(snap);
            // a run that would end where it starts does nothing: say so rather than "finished"
            if (mismatch == null && scenario.time().end_s() < snap.time_s())
                return String.format(java.util.Locale.ROOT, "the run would end (time.end or --end-time: %s s) before the snapshot's time, %s s: nothing to run",
                        scenario.time().end_s(), snap.time_s());
            if (mismatch == null && scenario.time().maxSteps() < snap.step())
                return "the run would end (time.max_steps or --max-steps: " + scenario.time().maxSteps() + ") before the snapshot's step, " + snap.step()
                        + ": nothing to run (the steps count from the run's start)";
        } catch (IOException e) {
            return restart + " is not a LiPF snapshot: " + e.getMessage();
        }
        return mismatch == null ? null : restart + " cannot continue " + scenarioFile + ": " + mismatch;
    }

    /**
     * "; restart with the scenario the run was made with: RUN/scenario.yaml" where the snapshot lies in a run folder
     * whose resolved scenario continues it (a 2D file given for a 3D run's snapshot, or one whose --set changed the
     * grid); empty otherwise, and where that file is the one given.
     */
    private String ownScenarioHint(org.lipf.output.Snapshot snap) {
        Path run = snapshotsRunFolder(restart);
        Path own = run == null ? null : run.resolve(RunDriver.SCENARIO_FILE);
        if (own == null || !Files.isRegularFile(own) || own.equals(scenarioFile.toAbsolutePath().normalize())) return "";
        try {
            return RunDriver.restartMismatch(ScenarioLoader.loadRecorded(own, Map.of()), snap) == null
                    ? "; restart with the scenario the run was made with: " + own : "";
        } catch (ScenarioException unreadable) {
            return "";
        }
    }

    /**
     * The run folder a snapshot belongs to: the folder above its snapshots/ folder, when that holds a run.json; null
     * for a snapshot elsewhere (a restart must then name its folder, rather than write into whatever folder is two up).
     */
    static Path snapshotsRunFolder(Path snapshot) {
        Path parent = snapshot.toAbsolutePath().normalize().getParent();
        if (parent == null || parent.getParent() == null || !parent.getFileName().toString().equals("snapshots")) return null;
        Path run = parent.getParent();
        return Files.isRegularFile(run.resolve(RunInfo.FILE_NAME)) ? run : null;
    }

    /**
     * Where Li can nucleate in a material that conducts ions and electrons, a source lagged by a step makes the
     * potentials' fixed point diverge (docs/MODEL.md sections 5.4.1 and 10.2): a failed run of such a scenario says
     * which setting solves it. Empty otherwise.
     */
    /**
     * Where the films on the metal (on_metal coatings) resist so much in every column that the set current needs
     * volts across them (an ionic insulator such as intact LiF: 29 ohm m^2 at 50 nm), a hint saying so: the
     * control's failure otherwise reads like a missing metal surface. Empty otherwise.
     */
    static String filmDropHint(Scenario scenario) {
        if (scenario.control().mode() != ControlMode.GALVANOSTATIC) return "";
        Grid g = scenario.grid().toGrid();
        double[] r = SurfaceFilms.resistancePerColumn_ohm_m2(scenario, g);
        double least = Double.POSITIVE_INFINITY;
        for (int j = 0; j < g.ny; j++)
            for (int i = 0; i < g.nx; i++) least = Math.min(least, r[g.index(i, j, 0) % g.strideZ]);
        CurrentProgram program = CurrentProgram.of(scenario.control());
        double current = 0;
        for (int k = 0; k < program.segments(); k++) current = Math.max(current, Math.abs(program.segmentCurrent_A_per_m2(k)));
        final double drop = current * least;
        if (!(drop > FILM_DROP_HINT_V)) return "";
        return String.format("%nhint: the films on the metal resist at least %.3g ohm m^2 in every column, so %.3g mA/cm^2 needs %s across them: "
                + "check the coatings' ionic conductivity and thickness (docs/MODEL.md section 1.2)", least, current / 10, Double.isInfinite(drop) ? "an infinite voltage" : String.format("%.3g V", drop));
    }

    /** The films' least drop at the set current above which a failed run names them, V. */
    private static final double FILM_DROP_HINT_V = 1;

    static String laggedNucleationHint(Scenario scenario) {
        if (scenario.solver().reactionCoupling() != ReactionCoupling.LAGGED || scenario.model().form() != ModelForm.MIXED_CONDUCTOR) return "";
        MaterialTable table = new MaterialTable(scenario, ModelParameters.from(scenario));
        for (int m = 0; m < table.size(); m++)
            if (table.nucleationActivity[m] > 0)
                return String.format("%nhint: %s conducts ions and electrons (%.3g S/m), so Li nucleates inside it, and the reaction source lagged by "
                        + "a step can make the potentials diverge: set solver: {reaction_coupling: implicit} (docs/MODEL.md section 5.4.1)",
                        table.names[m], table.sigmaEl_S_per_m[m]);
        return "";
    }
}
