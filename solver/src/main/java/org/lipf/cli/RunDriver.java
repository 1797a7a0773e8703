package org.lipf.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lipf.grid.Grid;
import org.lipf.grid.Parallel;
import org.lipf.model.FieldSet;
import org.lipf.output.AtomicFiles;
import org.lipf.output.MaterialsCsv;
import org.lipf.output.RunInfo;
import org.lipf.output.RunResults;
import org.lipf.output.Snapshot;
import org.lipf.output.SnapshotReader;
import org.lipf.output.SnapshotWriter;
import org.lipf.output.TimeSeriesWriter;
import org.lipf.output.XdmfWriter;
import org.lipf.scenario.ControlMode;
import org.lipf.scenario.CurrentProgram;
import org.lipf.scenario.LayerSpec;
import org.lipf.scenario.MaterialSpec;
import org.lipf.scenario.ModelForm;
import org.lipf.scenario.ReactionCoupling;
import org.lipf.scenario.ScenarioException;
import org.lipf.scenario.Scenario;
import org.lipf.scenario.ScenarioWriter;
import org.lipf.solver.BackendFactory;
import org.lipf.solver.ShortCircuitDetector;
import org.lipf.solver.Simulation;
import org.lipf.solver.SimulationState;

/**
 * Runs a scenario to its end (or a short) and writes the run folder: scenario.yaml, run.json,
 * timeseries.csv, snapshots/ and fields.xdmf. A restart continues from any snapshot and
 * reproduces the uninterrupted run bit for bit.
 */
public final class RunDriver {
    /** The resolved scenario a run writes into its folder, which repeats (and restarts) the run. */
    public static final String SCENARIO_FILE = "scenario.yaml";
    /** Snapshot dataset of the dispersed metal, delta, as a fraction of each cell's free volume (docs/MODEL.md section 3.6). */
    public static final String DISPERSED_FIELD = "dispersed_li";
    /**
     * Snapshot dataset of the Li at the faces where hosts meet ion conductors, in volumes of the conductor's cell it lies
     * in (may exceed 1: a layer thicker than a cell; docs/MODEL.md section 3.6.1).
     */
    public static final String FACE_LI_FIELD = "face_li";
    /** Snapshot attributes of the leading Li-filled crack (docs/MODEL.md section 4.2): its radius, m, and its Li volume, m^3. */
    public static final String CRACK_RADIUS = "crack_radius_m", CRACK_LI_VOLUME = "crack_li_volume_m3";
    /**
     * Snapshot attributes of the leading pore filled by electronic leakage (docs/MODEL.md section 4.2.1): its Li, m^3,
     * its lateral column (j nx + i) and its electrolyte's material id (-1 before any), and whether the crack grew from such a pore (1) or from a surface
     * flaw (0); time-series column of its filling.
     */
    public static final String PORE_LI_VOLUME = "pore_li_volume_m3", PORE_COLUMN = "pore_column", PORE_MATERIAL = "pore_material",
            CRACK_FROM_PORE = "crack_from_pore", PORE_FILL = "pore_fill";
    /** Time-series column: the ohmic drop across the electrolyte beyond the window's top (add it to the cell voltage). */
    public static final String BEYOND_TOP_DROP = "beyond_top_drop_V";
    /** Snapshot attribute: the scenario's temperature, K (docs/MODEL.md section 1.3). */
    public static final String TEMPERATURE = "model_temperature_K";
    /** Snapshot attribute: 1 in the snapshot written at a short (a metal bridge or a crack through the electrolyte), else 0. */
    public static final String SHORT_CIRCUIT = "short_circuit";
    /** Snapshot attribute (and time-series column): the charge passed since the start, C/m^2. */
    public static final String PASSED_CHARGE = "passed_charge_C_per_m2";
    /**
     * Snapshot attributes: the peak intrusion ratio and the least contact fraction over every step so far
     * ({@link SimulationState#peakIntrusionRatio}), which a restart continues; results.json reports them.
     */
    public static final String PEAK_INTRUSION_RATIO = "peak_intrusion_ratio", MIN_CONTACT_FRACTION = "min_contact_fraction";
    /** The voltage and counter current of the step that ended on a change of the set current under the coupled solve ({@link Simulation#rowVoltage_V}); only in such snapshots. */
    public static final String ROW_CELL_VOLTAGE = "row_cell_voltage_V", ROW_COUNTER_CURRENT = "row_counter_current_A_per_m2";
    /** Snapshot attribute: the model's form (single_potential or mixed_conductor), which a restart must share. */
    static final String MODEL_FORM = "model_form";
    /**
     * Snapshot dataset of the void volume per area at the metal's surface, m (docs/MODEL.md section 4.3): a
     * property of each lateral column, repeated along the growth axis; written where the metal forms voids.
     */
    public static final String VOID_FIELD = "void_volume_m";
    /**
     * Snapshot dataset of the area resistance of the film on the metal in each lateral column, ohm m^2 (docs/MODEL.md
     * section 1.2; 0 where the film is open, NaN where it blocks the ions, its resistance infinite): repeated along the
     * growth axis, written where the scenario has such a film, which builds no cells and shows in no other field. Static,
     * from the scenario: a restart does not read it.
     */
    public static final String FILM_FIELD = "film_resistance_ohm_m2";
    /** Snapshot dataset of the electrochemical part of d xi/dt, 1/s (docs/MODEL.md section 7): where the reaction deposits Li. */
    public static final String REACTION_RATE_FIELD = "reaction_rate";
    /** Time-series rows per snapshot interval. */
    private static final int ROWS_PER_OUTPUT = 10;
    /** The columns of timeseries.csv. */
    public static final List<String> COLUMNS = List.of("time_s", "step", "dt_s", "cell_voltage_V", "current_density_A_per_m2",
            "counter_current_A_per_m2", PASSED_CHARGE, "metal_volume_m3_per_m2", "deposited_li_volume_m3_per_m2",
            "front_height_m", "penetration_m", "short", "pcg_iterations", "rejected_steps", RunResults.INTRUSION_RATIO, CRACK_RADIUS, RunResults.CONTACT_FRACTION,
            "implicit_iterations", PORE_FILL, BEYOND_TOP_DROP);
    /** run.json results of a short (results.json repeats them): when, where (x, y, z), why, at what current and voltage. */
    public static final String SHORT_TIME = "short_time_s", SHORT_LOCATION = "short_location_m", SHORT_CAUSE = "short_cause",
            SHORT_CURRENT = "short_current_A_per_m2", SHORT_VOLTAGE = "short_voltage_V";
    public static final List<String> SHORT_RESULTS = List.of(SHORT_TIME, SHORT_LOCATION, SHORT_CAUSE, SHORT_CURRENT, SHORT_VOLTAGE);
    /** run.json result of a restarted run: the snapshot it continued from. */
    public static final String RESTARTED_FROM = "restarted_from";

    /** How a run ended. */
    public enum Status { FINISHED, SHORTED, FAILED }

    private final Scenario scenario;
    private final Path runDir;
    private final int threads;
    private final PrintStream progressOut;
    private final BackendFactory backend;
    private final String backendLabel;
    private final RunAgain runAgain;
    /** The run's run.json once {@link #run} has written the folder, else null. */
    private RunInfo runRecord;

    public RunDriver(Scenario scenario, Path runDir, int threads, PrintStream progressOut) {
        this(scenario, runDir, threads, progressOut, BackendFactory.CPU, "cpu");
    }

    /** A driver whose simulation runs on the given backend ({@code backendLabel} goes into run.json). */
    public RunDriver(Scenario scenario, Path runDir, int threads, PrintStream progressOut, BackendFactory backend, String backendLabel) {
        this(scenario, runDir, threads, progressOut, backend, backendLabel, RunAgain.RUN);
    }

    /** A driver on the given backend whose failures of the JVM say how {@code runAgain} runs it again ({@link JvmFailure}). */
    public RunDriver(Scenario scenario, Path runDir, int threads, PrintStream progressOut, BackendFactory backend, String backendLabel, RunAgain runAgain) {
        this.scenario = scenario;
        this.runDir = runDir;
        this.threads = threads;
        this.progressOut = progressOut;
        this.backend = backend;
        this.backendLabel = backendLabel;
        this.runAgain = runAgain;
    }

    /** Height of the electrolyte's base: the top of every layer but the last, m. */
    static double electrolyteBase_m(Scenario s) {
        List<LayerSpec> layers = s.geometry().layers();
        double z = 0;
        for (int i = 0; i < layers.size() - 1; i++) z += layers.get(i).thickness_m();
        return z;
    }

    /** Builds a fresh simulation at t = 0 from the scenario's geometry. */
    public static Simulation fresh(Scenario scenario, Parallel parallel) {
        return fresh(scenario, parallel, null);
    }

    /** As {@link #fresh(Scenario, Parallel)}, printing the geometry report (layers, achieved particle fractions) to {@code report}. */
    public static Simulation fresh(Scenario scenario, Parallel parallel, PrintStream report) {
        return fresh(scenario, parallel, report, BackendFactory.CPU);
    }

    /** As {@link #fresh(Scenario, Parallel, PrintStream)} on the given backend. */
    public static Simulation fresh(Scenario scenario, Parallel parallel, PrintStream report, BackendFactory backend) {
        Grid grid = scenario.grid().toGrid();
        var initial = org.lipf.grid.GeometryBuilder.build(scenario, grid);
        if (report != null) report.print(initial.report().summary());
        FieldSet fields = new FieldSet(grid, initial.materials().raw(), scenario.model().form() == ModelForm.SINGLE_POTENTIAL);
        System.arraycopy(initial.xi(), 0, fields.xi, 0, fields.xi.length);
        System.arraycopy(initial.c(), 0, fields.c, 0, fields.c.length);
        SimulationState state = new SimulationState();
        double v0 = scenario.control().voltage_V();
        state.cellVoltage_V = Double.isNaN(v0) ? 0 : v0; // galvanostatic runs may omit the starting voltage
        Simulation sim = new Simulation(scenario, grid, fields, state, parallel, electrolyteBase_m(scenario), backend);
        try {
            sim.relaxInterfaces();
            requireCoupledSolveForFloatingMetal(scenario, sim);
            state.nextStep_s = sim.initialStep(); // the potentials' source depends on the step (dispersed metal)
            sim.solvePotentials();
        } catch (RuntimeException e) {
            sim.close(); // the caller never gets it (an OpenCL backend holds device buffers)
            throw e;
        }
        state.initialMetalVolume_m = sim.metalVolumePerArea_m();
        return sim;
    }

    /**
     * Metal that no metallic conductor joins to the collector needs the potentials solved with the reaction in the
     * mixed form: with the lagged source its potential runs away (docs/MODEL.md section 5.4.1). Bad input otherwise.
     */
    private static void requireCoupledSolveForFloatingMetal(Scenario scenario, Simulation sim) {
        if (scenario.model().form() != ModelForm.MIXED_CONDUCTOR || scenario.solver().reactionCoupling() != ReactionCoupling.LAGGED) return;
        String where = sim.floatingMetal();
        if (where != null)
            throw new ScenarioException(scenario.name(), "solver.reaction_coupling", -1, "the geometry places metal that no metallic conductor joins "
                    + "to the current collector (" + where + "): its potential floats, which the default lagged coupling cannot solve; "
                    + "set solver: {reaction_coupling: implicit}, which runs on the CPU backend (docs/MODEL.md section 5.4.1)");
    }

    /**
     * Why a snapshot cannot continue a scenario, or null if it can: its grid must be the scenario's, its material
     * ids must name the scenario's materials in the scenario's order (the ids index the material table), and the
     * scenario's voxel images must be the files its run was built from ({@link ImageDigests}).
     */
    public static String restartMismatch(Scenario scenario, Snapshot snap) {
        Grid grid = scenario.grid().toGrid();
        int[] shape = grid.snapshotShape();
        if (!java.util.Arrays.equals(shape, snap.shape()))
            return "its grid has shape " + java.util.Arrays.toString(snap.shape()) + ", the scenario's " + java.util.Arrays.toString(shape);
        if (Math.abs(snap.dx_m() - grid.dx_m) > 1e-12 * grid.dx_m)
            return "its cells are " + snap.dx_m() + " m wide, the scenario's " + grid.dx_m + " m";
        String form = scenario.model().form().name().toLowerCase();
        if (snap.extras().get(MODEL_FORM) instanceof String snapForm && !snapForm.equals(form))
            return "it is of the " + snapForm + " form, the scenario of the " + form + " form";
        List<String> names = scenario.materials().stream().map(MaterialSpec::name).toList();
        if (!names.equals(snap.materialNames()))
            return "its materials are " + snap.materialNames() + ", the scenario's " + names + " (the same, in this order, are needed)";
        if (!scenario.model().faceReaction() && snap.fields().containsKey(FACE_LI_FIELD)
                && java.util.Arrays.stream(snap.field(FACE_LI_FIELD)).anyMatch(v -> v != 0))
            return "it holds Li at host faces (" + FACE_LI_FIELD + "), which a scenario without model.nucleation.face_reaction would neither count nor strip";
        return ImageDigests.mismatch(scenario, snap);
    }

    /**
     * The snapshot a restart continues from, after telling {@link #progressOut} what the temperature leaves as given
     * (the start-of-run report of a fresh run says it) and where the run continues at another temperature than the
     * snapshot's (docs/MODEL.md section 1.3).
     */
    private Snapshot restartSnapshot(Path restartFrom) throws IOException {
        Snapshot snap = SnapshotReader.read(restartFrom);
        if (progressOut != null) {
            String warning = org.lipf.scenario.TemperatureCheck.warning(scenario);
            if (warning != null) progressOut.println("warning: " + warning);
            double was = snap.extraDoubleOr(TEMPERATURE, Double.NaN), now = scenario.model().temperature_K();
            if (!Double.isNaN(was) && was != now)
                progressOut.printf(java.util.Locale.ROOT, "lipf: the snapshot was written at %.2f K; the run continues at the scenario's %.2f K, "
                        + "its materials' ion transport and exchange currents scaled to it where they give an activation energy (docs/MODEL.md section 1.3)%n", was, now);
            if (changesVoltage(scenario, snap))
                progressOut.printf(java.util.Locale.ROOT, "lipf: the snapshot's cell voltage was %s V; the run continues at the scenario's %s V%n",
                        snap.cellVoltage_V(), scenario.control().voltage_V());
        }
        return snap;
    }

    /** Whether a potentiostatic scenario holds another voltage than its snapshot was written at. */
    private static boolean changesVoltage(Scenario scenario, Snapshot snap) {
        return scenario.control().mode() == ControlMode.POTENTIOSTATIC && snap.cellVoltage_V() != scenario.control().voltage_V();
    }

    /** Rebuilds a simulation from a snapshot, exactly as it was when the snapshot was written. */
    public static Simulation restore(Scenario scenario, Snapshot snap, Parallel parallel) {
        return restore(scenario, snap, parallel, BackendFactory.CPU);
    }

    /** As {@link #restore(Scenario, Snapshot, Parallel)} on the given backend. */
    public static Simulation restore(Scenario scenario, Snapshot snap, Parallel parallel, BackendFactory backend) {
        String mismatch = restartMismatch(scenario, snap);
        if (mismatch != null) throw new IllegalArgumentException("the snapshot cannot continue this scenario: " + mismatch);
        Grid grid = scenario.grid().toGrid();
        FieldSet fields = fieldsOf(grid, scenario.model().form() == ModelForm.SINGLE_POTENTIAL, snap);
        SimulationState state = new SimulationState();
        state.time_s = snap.time_s();
        state.step = snap.step();
        state.cellVoltage_V = snap.cellVoltage_V();
        state.nextStep_s = snap.extraDouble("next_step_s");
        state.lastStep_s = snap.extraDouble("last_step_s");
        state.passedCharge_C_per_m2 = snap.extraDouble(PASSED_CHARGE);
        state.initialMetalVolume_m = snap.extraDouble("initial_metal_volume_m");
        state.reactionCurrent_A_per_m2 = snap.appliedCurrent_A_per_m2();
        state.counterCurrent_A_per_m2 = snap.extraDouble("counter_current_A_per_m2");
        state.rejectedSteps = snap.extraLong("rejected_steps");
        // absent before the cracks of section 4.2
        state.crack.radius_m = snap.extraDoubleOr(CRACK_RADIUS, 0);
        state.crack.liVolume_m3 = snap.extraDoubleOr(CRACK_LI_VOLUME, 0);
        // absent before the pores of section 4.2.1
        state.pore.liVolume_m3 = snap.extraDoubleOr(PORE_LI_VOLUME, 0);
        state.poreColumn = (int) snap.extraDoubleOr(PORE_COLUMN, -1);
        state.poreMaterial = (int) snap.extraDoubleOr(PORE_MATERIAL, -1);
        state.crackFromPore = snap.extraDoubleOr(CRACK_FROM_PORE, 0) != 0;
        // absent from snapshots written before 2026-12-07: unknown, and results.json takes them from the time-series rows
        state.peakIntrusionRatio = snap.extraDoubleOr(PEAK_INTRUSION_RATIO, Double.NaN);
        state.minContactFraction = snap.extraDoubleOr(MIN_CONTACT_FRACTION, Double.NaN);
        if (snap.fields().containsKey(VOID_FIELD)) state.voidVolume_m = java.util.Arrays.copyOf(snap.field(VOID_FIELD), grid.nx * grid.ny);
        // a potentiostatic scenario holds its own voltage: one that sets another than the snapshot's continues at it,
        // from potentials solved at it with the snapshot's step as the lagged source (the same voltage continues bit for bit)
        final boolean newVoltage = changesVoltage(scenario, snap);
        if (newVoltage) grid.setInterior(fields.rate, snap.field("rate"));
        Simulation sim = new Simulation(scenario, grid, fields, state, parallel, electrolyteBase_m(scenario), backend);
        // absent before 2026-12-07 and where no galvanostatic coupled solve ran: the next solve starts from the uniform shift
        if (snap.fields().containsKey(Snapshot.VOLTAGE_RESPONSE_L) && sim.solvesVoltageResponse())
            sim.restoreVoltageResponse(snap.field(Snapshot.VOLTAGE_RESPONSE_L), snap.field(Snapshot.VOLTAGE_RESPONSE_S));
        if (snap.extras().containsKey(ROW_CELL_VOLTAGE))
            sim.resumeSwitchedStep(snap.extraDouble(ROW_CELL_VOLTAGE), snap.extraDouble(ROW_COUNTER_CURRENT));
        if (newVoltage) {
            state.cellVoltage_V = scenario.control().voltage_V();
            try {
                sim.solvePotentials();
            } catch (RuntimeException e) {
                sim.close();
                throw e;
            }
        }
        return sim;
    }

    /**
     * The fields a snapshot holds, on {@code grid}: the material map, xi, c, the potentials and, where the snapshot has
     * them, the dispersed metal and the Li at a host's faces (the rest stays as a fresh {@link FieldSet} has it). A restart
     * and the post-processing's rebuilt currents read the snapshot alike, so the conductivities count the same metal.
     */
    public static FieldSet fieldsOf(Grid grid, boolean singlePotential, Snapshot snap) {
        byte[] padded = new byte[grid.paddedLength()];
        grid.setInterior(padded, snap.material());
        FieldSet fields = new FieldSet(grid, padded, singlePotential);
        grid.setInterior(fields.xi, snap.field("xi"));
        grid.setInterior(fields.c, snap.field("c"));
        grid.setInterior(fields.phiL, snap.field("phi_l"));
        if (!singlePotential) grid.setInterior(fields.phiS, snap.field("phi_s"));
        if (snap.fields().containsKey(DISPERSED_FIELD)) grid.setInterior(fields.dispersed, snap.field(DISPERSED_FIELD));
        if (snap.fields().containsKey(FACE_LI_FIELD)) grid.setInterior(fields.faceLi, snap.field(FACE_LI_FIELD));
        return fields;
    }

    /** A value per lateral column (index j nx + i) as a snapshot dataset, C order [z][y][x]: the columns, plane after plane. */
    private static double[] alongGrowthAxis(Grid g, double[] columns) {
        double[] v = new double[g.cellCount()];
        for (int k = 0; k < g.nz; k++) System.arraycopy(columns, 0, v, k * columns.length, columns.length);
        return v;
    }

    static Snapshot snapshotOf(Simulation sim) {
        Grid g = sim.grid();
        FieldSet f = sim.fields();
        SimulationState st = sim.state();
        LinkedHashMap<String, double[]> fields = new LinkedHashMap<>();
        fields.put("xi", g.interior(f.xi));
        fields.put("c", g.interior(f.c));
        fields.put("phi_l", g.interior(f.phiL));
        fields.put("phi_s", g.interior(f.phiS));
        fields.put("rate", g.interior(f.rate));
        fields.put(REACTION_RATE_FIELD, g.interior(sim.reactionRate()));
        if (sim.parameters().dispersedNucleation()) fields.put(DISPERSED_FIELD, g.interior(f.dispersed));
        if (sim.parameters().faceReaction()) fields.put(FACE_LI_FIELD, g.interior(f.faceLi));
        double[][] response = sim.voltageResponse();
        if (response != null) {
            fields.put(Snapshot.VOLTAGE_RESPONSE_L, g.interior(response[0]));
            fields.put(Snapshot.VOLTAGE_RESPONSE_S, g.interior(response[1]));
        }
        if (st.voidVolume_m != null) fields.put(VOID_FIELD, alongGrowthAxis(g, st.voidVolume_m));
        double[] film = new double[g.nx * g.ny];
        // an infinite resistance is written NaN: ParaView leaves NaN out of a colour map's range and draws it in the map's
        // NaN colour, while an infinity set the top of the range to infinity and every finite value to its bottom colour
        for (int j = 0; j < g.ny; j++)
            for (int i = 0; i < g.nx; i++) {
                double R = f.filmResistance_ohm_m2[g.index(i, j, 0) % g.strideZ];
                film[j * g.nx + i] = Double.isInfinite(R) ? Double.NaN : R;
            }
        if (java.util.Arrays.stream(film).anyMatch(R -> R != 0)) fields.put(FILM_FIELD, alongGrowthAxis(g, film));
        byte[] ids = g.interior(f.material);
        LinkedHashMap<String, Object> extras = new LinkedHashMap<>();
        extras.put("next_step_s", st.nextStep_s);
        extras.put("last_step_s", st.lastStep_s);
        extras.put(PASSED_CHARGE, st.passedCharge_C_per_m2);
        extras.put("initial_metal_volume_m", st.initialMetalVolume_m);
        extras.put("counter_current_A_per_m2", st.counterCurrent_A_per_m2);
        extras.put("rejected_steps", st.rejectedSteps);
        extras.put(CRACK_RADIUS, st.crack.radius_m);
        extras.put(CRACK_LI_VOLUME, st.crack.liVolume_m3);
        extras.put(PORE_LI_VOLUME, st.pore.liVolume_m3);
        extras.put(PORE_COLUMN, (double) st.poreColumn);
        extras.put(PORE_MATERIAL, (double) st.poreMaterial);
        extras.put(CRACK_FROM_PORE, st.crackFromPore ? 1.0 : 0.0);
        extras.put(PEAK_INTRUSION_RATIO, st.peakIntrusionRatio);
        extras.put(MIN_CONTACT_FRACTION, st.minContactFraction);
        // cell_voltage_V is the one the next step starts from; at a change of the current under the coupled solve the
        // row of this time gives the ended step's, which a restart into a new folder writes as its first row
        if (sim.rowVoltage_V() != st.cellVoltage_V || sim.rowCounterCurrent_A_per_m2() != st.counterCurrent_A_per_m2) {
            extras.put(ROW_CELL_VOLTAGE, sim.rowVoltage_V());
            extras.put(ROW_COUNTER_CURRENT, sim.rowCounterCurrent_A_per_m2());
        }
        extras.put(SHORT_CIRCUIT, sim.lastShort() != null ? 1L : 0L);
        extras.put(MODEL_FORM, sim.scenario().model().form().name().toLowerCase());
        extras.put(TEMPERATURE, sim.scenario().model().temperature_K());
        String images = ImageDigests.of(sim.scenario());
        if (images != null) extras.put(ImageDigests.ATTRIBUTE, images);
        return new Snapshot(st.step, st.time_s, g.dx_m, g.snapshotShape(), fields, ids,
                List.of(sim.materials().names), st.reactionCurrent_A_per_m2, st.cellVoltage_V, extras);
    }

    /** The radius of a snapshot's Li-filled crack while it holds Li, m; 0 without one (and in snapshots from before the cracks). */
    public static double crackRadius_m(Snapshot snap) {
        return snap.extraDoubleOr(CRACK_LI_VOLUME, 0) > 0 ? snap.extraDoubleOr(CRACK_RADIUS, 0) : 0;
    }

    /**
     * Runs until the end time or step limit (whichever comes first) or a short. The simulation is built (or restored)
     * before the folder is touched: bad input, and a snapshot that cannot continue the scenario
     * ({@link #restartMismatch}), leave the folder as it was. A fresh run, or a restart into a folder other than its
     * snapshot's, then replaces the run the folder held ({@link EarlierRun}); a restart into its snapshot's own folder
     * continues its time series there.
     *
     * <p>A failure once the folder is written is recorded in run.json (status failed, and why) before it is thrown on; an
     * {@link Error} (out of memory, a stack overflow) is then thrown on as a {@link JvmFailure} that says what to do.
     *
     * @param restartFrom snapshot to continue from, or null for a fresh start
     */
    public Status run(double end_s, long maxSteps, Path restartFrom) throws IOException {
        runRecord = null;
        try {
            return simulate(end_s, maxSteps, restartFrom);
        } catch (RuntimeException | IOException e) {
            if (runRecord != null) runRecord.finish(RunInfo.Status.FAILED, e instanceof IOException io ? Lipf.describe(io) : e.getMessage());
            throw e;
        } catch (Error e) {
            if (runRecord == null) throw e; // before the folder was touched: the caller names the grid's size
            // the simulation's fields went with simulate's frame, so that the JVM has room again for the record
            JvmFailure failure = JvmFailure.of(e, runDir, runAgain);
            try {
                runRecord.finish(RunInfo.Status.FAILED, failure.getMessage());
            } catch (IOException | Error notRecorded) {
                failure.addSuppressed(notRecorded);
            }
            throw failure;
        }
    }

    /** {@link #run} but for recording its failure; sets {@link #runRecord} once it starts run.json. */
    private Status simulate(double end_s, long maxSteps, Path restartFrom) throws IOException {
        try (Parallel parallel = new Parallel(threads);
                Simulation sim = restartFrom == null ? fresh(scenario, parallel, progressOut, backend)
                        : restore(scenario, restartSnapshot(restartFrom), parallel, backend)) {
            final boolean ownFolder = restartFrom != null && isInThisFolder(restartFrom);
            if (!ownFolder && EarlierRun.replace(runDir) && progressOut != null) progressOut.println("lipf: replacing the earlier run in " + runDir);
            if (ownFolder) {
                final int later = EarlierRun.replaceAfter(runDir, sim.state().step);
                if (later > 0 && progressOut != null)
                    progressOut.printf("lipf: the run continues from step %d: its %d later snapshot(s) are replaced%n", sim.state().step, later);
            }
            Files.createDirectories(runDir.resolve("snapshots"));
            AtomicFiles.writeString(runDir.resolve(SCENARIO_FILE), ScenarioWriter.toYaml(scenario));
            MaterialsCsv.write(runDir, scenario.materials(), scenario.geometry().microstructure().generatedMaterials());
            runRecord = RunInfo.start(runDir, backendLabel, threads);
            Path csv = runDir.resolve("timeseries.csv");
            if (restartFrom != null) {
                runRecord.put(RESTARTED_FROM, restartFrom.toString());
                if (!ownFolder) copyHistory(restartFrom, csv);
            }
            try (TimeSeriesWriter series = restartFrom != null && Files.exists(csv) ? TimeSeriesWriter.resume(csv, COLUMNS, sim.state().time_s)
                    : TimeSeriesWriter.create(csv, COLUMNS)) {
                // a folder without the starting snapshot gets it first (a copy of the restart's), with its row
                return loop(sim, series, runRecord, end_s, maxSteps, !ownFolder, ownFolder ? null : restartFrom);
            }
        }
    }

    /** Whether the snapshot is one of this run folder's own. */
    private boolean isInThisFolder(Path snapshot) throws IOException {
        Path own = runDir.resolve("snapshots").resolve(snapshot.getFileName());
        return Files.exists(own) && Files.isSameFile(own, snapshot);
    }

    /**
     * A restart into another folder: the time series of the snapshot's run folder, where it has one, is copied in
     * ({@link TimeSeriesWriter#resume} then drops its rows after the restart), so the new folder tells the whole history.
     */
    private static void copyHistory(Path restartFrom, Path csv) throws IOException {
        Path snapshots = restartFrom.toAbsolutePath().normalize().getParent();
        Path source = snapshots == null || snapshots.getParent() == null ? null : snapshots.getParent().resolve(TimeSeriesWriter.FILE_NAME);
        if (source != null && Files.isRegularFile(source)) Files.copy(source, csv);
    }

    /**
     * @param fresh whether the folder lacks the starting snapshot
     * @param copyFrom the restart snapshot the folder starts with, copied as it is (the restored state lacks its rates), or null
     */
    private Status loop(Simulation sim, TimeSeriesWriter series, RunInfo info, double end_s, long maxSteps, boolean fresh, Path copyFrom) throws IOException {
        SimulationState st = sim.state();
        double outputInterval = scenario.time().outputInterval_s();
        double rowInterval = outputInterval / ROWS_PER_OUTPUT;
        // event counters from the time, so a restart schedules exactly as the uninterrupted run
        long nextRow = (long) Math.floor(st.time_s / rowInterval * (1 + 1e-12)) + 1;
        SnapshotWriter writer = new SnapshotWriter();
        List<Path> written = new ArrayList<>(SnapshotReader.list(runDir.resolve("snapshots")));
        written.removeIf(path -> SnapshotReader.step(path) > st.step);
        if (fresh) {
            row(sim, series, false);
            if (copyFrom == null) snapshot(sim, writer, written);
            else list(AtomicFiles.write(runDir.resolve("snapshots").resolve(SnapshotWriter.fileName(sim.state().step)), tmp -> Files.copy(copyFrom, tmp)), written);
        }
        ProgressLine progress = new ProgressLine(progressOut, st.step, st.time_s);
        CurrentProgram program = sim.currentProgram();
        // a protocol ends the run, and --end-time only stops it earlier (as time.end does): beyond the
        // program's end every step was cut to zero length at its "next change", and the run never ended
        // as results.json judges it: a time.end equal to the program's end as written is its end
        final boolean protocolEnds = program != null && program.end_s() <= end_s * (1 + 1e-9);
        if (protocolEnds) end_s = program.end_s();
        else if (scenario.control().protocol() != null && progressOut != null)
            // the shipped scenarios' own time.end is minutes: a protocol set on one would stop there unsaid
            progressOut.printf(java.util.Locale.ROOT, "lipf: the current protocol runs to %.6g s; the run stops at %.6g s (time.end or --end-time): "
                    + "results.json gives protocol_completed: false unless it shorts first%n", program.end_s(), end_s);
        while (st.time_s < end_s * (1 - 1e-12) && st.step < maxSteps) {
            // a step never crosses a change of the set current, and each change gets a row
            double change = program == null ? Double.POSITIVE_INFINITY : program.nextChange_s(st.time_s);
            double nextEvent = Math.min(Math.min(end_s, nextRow * rowInterval), change);
            sim.advance(nextEvent - st.time_s);
            progress.update(st.time_s, end_s, st.step, st.cellVoltage_V, st.reactionCurrent_A_per_m2, false);
            // the short check runs every step: it only scans the top band until metal reaches it
            ShortCircuitDetector.Short sc = sim.checkShort();
            boolean atRow = st.time_s >= nextRow * rowInterval * (1 - 1e-12);
            boolean atChange = st.time_s >= change * (1 - 1e-12);
            if (!atRow && !atChange && sc == null && st.time_s < end_s * (1 - 1e-12) && st.step < maxSteps) continue;
            if (atRow) nextRow++;
            row(sim, series, sc != null);
            boolean atSnapshot = atRow && (nextRow - 1) % ROWS_PER_OUTPUT == 0;
            if (sc != null) {
                snapshot(sim, writer, written);
                progress.finish();
                Map<String, Object> result = new LinkedHashMap<>();
                result.put(SHORT_TIME, st.time_s);
                result.put(SHORT_LOCATION, List.of(sc.x_m(), sc.y_m(), sc.z_m()));
                result.put(SHORT_CAUSE, sc.cause());
                result.put(SHORT_CURRENT, st.reactionCurrent_A_per_m2);
                result.put(SHORT_VOLTAGE, sim.rowVoltage_V());
                info.putAll(result);
                RunResults.write(runDir, scenario.control(), st.time_s, extremes(st), result);
                String where = sim.grid().is3D() ? String.format("x = %.3g um, y = %.3g um, z = %.3g um", sc.x_m() * 1e6, sc.y_m() * 1e6, sc.z_m() * 1e6)
                        : String.format("x = %.3g um, z = %.3g um", sc.x_m() * 1e6, sc.z_m() * 1e6);
                info.finish(RunInfo.Status.SHORTED, String.format("short circuit at t = %.6g s, %s: %s", st.time_s, where, sc.cause()));
                return Status.SHORTED;
            }
            if (atSnapshot) snapshot(sim, writer, written);
        }
        if (written.isEmpty() || SnapshotReader.step(written.get(written.size() - 1)) != st.step) snapshot(sim, writer, written);
        progress.update(st.time_s, end_s, st.step, st.cellVoltage_V, st.reactionCurrent_A_per_m2, true);
        progress.finish();
        RunResults.write(runDir, scenario.control(), Double.NaN, extremes(st), Map.of());
        info.finish(RunInfo.Status.FINISHED, st.step >= maxSteps && st.time_s < end_s ? "step limit reached"
                : protocolEnds ? "current protocol completed" : "end time reached");
        return Status.FINISHED;
    }

    private static RunResults.Extremes extremes(SimulationState st) {
        return new RunResults.Extremes(st.peakIntrusionRatio, st.minContactFraction);
    }

    private void snapshot(Simulation sim, SnapshotWriter writer, List<Path> written) throws IOException {
        list(writer.write(runDir.resolve("snapshots"), snapshotOf(sim)), written);
    }

    /** Adds a snapshot just written to the run's list (in place of one of its name) and the XDMF index. */
    private void list(Path file, List<Path> written) throws IOException {
        written.removeIf(p -> p.getFileName().equals(file.getFileName()));
        written.add(file);
        XdmfWriter.writeFromFiles(runDir, written);
    }

    private static void row(Simulation sim, TimeSeriesWriter series, boolean shorted) throws IOException {
        SimulationState st = sim.state();
        double metal = sim.metalVolumePerArea_m();
        double front = sim.frontHeight_m();
        series.append(st.time_s, st.step, st.lastStep_s, sim.rowVoltage_V(), st.reactionCurrent_A_per_m2,
                sim.rowCounterCurrent_A_per_m2(), st.passedCharge_C_per_m2, metal, metal - st.initialMetalVolume_m,
                front, sim.metrics().penetration_m(front) + sim.crackRadius_m(), shorted ? 1 : 0, st.lastIterations, st.rejectedSteps,
                sim.intrusionRatio(), sim.crackRadius_m(), sim.minContactFraction(), st.lastImplicitIterations, sim.poreFill(), sim.beyondTopDrop_V());
    }
}
