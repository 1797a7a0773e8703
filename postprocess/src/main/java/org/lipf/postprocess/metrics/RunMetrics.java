package org.lipf.postprocess.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.lipf.cli.RunDriver;
import org.lipf.model.ModelParameters;
import org.lipf.output.AtomicFiles;
import org.lipf.output.Snapshot;
import org.lipf.output.TimeSeriesWriter;
import org.lipf.postprocess.Decimals;
import org.lipf.postprocess.RunFolder;
import org.lipf.postprocess.RunFolderException;
import org.lipf.postprocess.TimeSeriesTable;
import org.lipf.scenario.GeometrySpec;
import org.lipf.scenario.LayerSpec;
import org.lipf.scenario.Scenario;

/**
 * The measures of every snapshot of a run, from its files alone ({@code lipf metrics}): the public
 * entry point for other modules ({@code RunMetrics.compute(runDir).rows()}).
 *
 * <p>The start of the run is its first snapshot: the deposited volume counts from the snapshot's
 * {@code initial_metal_volume_m} attribute (the solver's baseline after the interfaces relaxed, so
 * that it equals the time series' {@code deposited_li_volume_m3_per_m2}) when the snapshot has it,
 * else from the first snapshot's metal volume; the layer shares count from the first snapshot's xi.
 *
 * @param runName the scenario's name
 * @param layerNames one name per layer, bottom up, e.g. {@code layer2_carbon}
 * @param materialNames the snapshots' material names, by id
 * @param sharesFrom_s time of the first snapshot, from which the shares count the deposited Li: 0, unless the folder
 *     holds a run continued from another folder's snapshot (its start is not here; its deposited volume still counts
 *     from the start, by the snapshots' {@code initial_metal_volume_m})
 * @param rows one per snapshot, in step order
 */
public record RunMetrics(String runName, List<String> layerNames, List<String> materialNames, double sharesFrom_s, List<SnapshotMetrics> rows) {
    /** Snapshot attribute holding the solver's initial metal volume per area, m. */
    public static final String INITIAL_METAL_ATTRIBUTE = "initial_metal_volume_m";
    /** The columns of {@code metrics.csv} that every run has. */
    public static final List<String> FIXED_COLUMNS = List.of("time_s", "step", "metal_volume_m3_per_m2", "deposited_li_volume_m3_per_m2",
            "front_height_m", "penetration_m", "roughness_m", "interface_area_per_area", "metal_components",
            "isolated_components", "short", "max_local_current_A_per_m2", "current_constriction");
    /** How the columns named after a run's layers (layer number from 1 at the bottom) and materials look, for messages. */
    public static final List<String> SHARE_COLUMN_FORMS = List.of("share_layer<N>_<material>", "share_material_<material>");
    /** The terminal table's current density unit: 1 mA/cm^2 = 10 A/m^2. */
    private static final double MA_PER_CM2_PER_A_PER_M2 = 0.1;
    /** A share column; group 1 is the material it is named after. */
    private static final Pattern SHARE_COLUMN = Pattern.compile("share_(?:layer[1-9][0-9]*|material)_([^,\\s]+)");

    public RunMetrics {
        layerNames = List.copyOf(layerNames);
        materialNames = List.copyOf(materialNames);
        rows = List.copyOf(rows);
    }

    /** Measures every snapshot of the run folder {@code runDir}. */
    public static RunMetrics compute(Path runDir) throws RunFolderException {
        return compute(RunFolder.open(runDir));
    }

    /** Measures the last snapshot of the run folder {@code runDir} only (the first is read too: the start of the run). */
    public static RunMetrics computeLast(Path runDir) throws RunFolderException {
        RunFolder run = RunFolder.open(runDir);
        return compute(run, Math.max(0, run.snapshots().size() - 1));
    }

    /** Measures every snapshot of an open run folder. */
    public static RunMetrics compute(RunFolder run) throws RunFolderException {
        return compute(run, 0);
    }

    /** Measures the snapshots from index {@code from} on. */
    private static RunMetrics compute(RunFolder run, int from) throws RunFolderException {
        Scenario s = run.scenario();
        GeometrySpec geo = s.geometry();
        List<LayerSpec> layers = geo.layers();
        Snapshot first = run.read(0);
        CellBlock cells = CellBlock.of(first.shape(), first.dx_m());
        int[][] layerCells = new int[layers.size()][];
        List<String> names = new ArrayList<>();
        for (int l = 0; l < layers.size(); l++) {
            layerCells[l] = geo.layerCells(l, cells.dx_m(), cells.nz());
            names.add("layer" + (l + 1) + "_" + layers.get(l).material());
        }
        double electrolyteBase_m = geo.layerBottom_m(layers.size() - 1);
        int band = MetalClusters.topBandCells(s.model().interfaceWidth_m(), cells.dx_m());
        double[] xi0 = first.field("xi");
        double metal0 = first.extras().get(INITIAL_METAL_ATTRIBUTE) instanceof Double v ? v
                : DepositVolume.metalVolumePerArea_m(distribution(run, first));
        double charge = ModelParameters.from(s).chargeDensity_C_per_m3();
        List<SnapshotMetrics> rows = new ArrayList<>();
        ShortTimes shortTimes = null;
        for (int n = from; n < run.snapshots().size(); n++) {
            Snapshot snap = n == 0 ? first : run.read(n);
            if (!CellBlock.of(snap.shape(), snap.dx_m()).equals(cells) || !snap.materialNames().equals(first.materialNames()))
                throw new RunFolderException(run.snapshots().get(n) + " has a different grid or materials than " + run.snapshots().get(0));
            boolean shortRecorded;
            if (snap.extras().get(RunDriver.SHORT_CIRCUIT) instanceof Long flag) shortRecorded = flag != 0;
            else {
                // snapshots from before the attribute: the time series' short flag at the snapshot's time
                if (shortTimes == null) shortTimes = ShortTimes.of(run);
                shortRecorded = shortTimes.at(snap.time_s());
            }
            rows.add(SnapshotMetrics.of(snap.step(), snap.time_s(), distribution(run, snap), xi0, metal0, electrolyteBase_m, RunDriver.crackRadius_m(snap), band, layerCells,
                    depositionRate(snap), charge, shortRecorded));
        }
        return new RunMetrics(s.name(), names, first.materialNames(), first.time_s(), rows);
    }

    /** The times of the time series' rows with the short flag set (none without a time series). */
    private record ShortTimes(double[] times_s) {
        static ShortTimes of(RunFolder run) throws RunFolderException {
            if (!Files.isRegularFile(run.dir().resolve(TimeSeriesWriter.FILE_NAME))) return new ShortTimes(new double[0]);
            TimeSeriesTable table = run.timeSeries();
            if (!table.has("short")) return new ShortTimes(new double[0]);
            double[] t = table.column(TimeSeriesWriter.TIME_COLUMN), flag = table.column("short");
            return new ShortTimes(IntStream.range(0, t.length).filter(i -> flag[i] != 0).mapToDouble(i -> t[i]).toArray());
        }

        boolean at(double time_s) {
            for (double t : times_s) if (Math.abs(t - time_s) <= 1e-9 * Math.max(1, Math.abs(time_s))) return true;
            return false;
        }
    }

    /**
     * Where the snapshot's reaction deposits Li, 1/s per cell: its {@code reaction_rate}, or, in snapshots
     * written before it existed, the front's motion {@code rate} (capillarity spreads that sideways, so a
     * current constricted through a crack shows there only right after a current change); null with neither.
     */
    public static double[] depositionRate(Snapshot snap) {
        if (snap.fields().containsKey(RunDriver.REACTION_RATE_FIELD)) return snap.field(RunDriver.REACTION_RATE_FIELD);
        return snap.fields().containsKey("rate") ? snap.field("rate") : null;
    }

    /**
     * The metal of one snapshot, with f_free from the run's scenario: xi, plus the dispersed metal
     * (solver docs/MODEL.md section 3.6) where the run has it, as the solver counts it, and the Li at host faces
     * (section 3.6.1: in the ion conductor's cells, outside the host; in the volume and the shares, not in the fronts).
     */
    public static MetalDistribution distribution(RunFolder run, Snapshot snap) throws RunFolderException {
        double[] filled = snap.field("xi");
        if (snap.fields().containsKey(RunDriver.DISPERSED_FIELD)) {
            double[] dispersed = snap.field(RunDriver.DISPERSED_FIELD);
            filled = filled.clone();
            for (int P = 0; P < filled.length; P++) filled[P] += dispersed[P];
        }
        return new MetalDistribution(CellBlock.of(snap.shape(), snap.dx_m()), filled, snap.material(),
                run.freeFraction(snap.materialNames()), snap.fields().containsKey(RunDriver.FACE_LI_FIELD) ? snap.field(RunDriver.FACE_LI_FIELD) : null);
    }

    /** Column names of {@code metrics.csv} (units in the names): {@link #FIXED_COLUMNS}, then the shares of the layers and materials. */
    public List<String> columns() {
        List<String> c = new ArrayList<>(FIXED_COLUMNS);
        for (String l : layerNames) c.add("share_" + l);
        for (String m : materialNames) c.add("share_material_" + m);
        return c;
    }

    /** Whether {@code name} is a column of {@code metrics.csv} for some run: a fixed one or the share of a layer or a material. */
    public static boolean isColumn(String name) {
        return FIXED_COLUMNS.contains(name) || SHARE_COLUMN.matcher(name).matches();
    }

    /**
     * The material the share column {@code name} is named after ({@code share_layer2_soft_carbon -> soft_carbon}),
     * null if {@code name} is no share column: which materials a run has is its scenario's to say.
     */
    public static String shareMaterial(String name) {
        Matcher m = SHARE_COLUMN.matcher(name);
        return m.matches() ? m.group(1) : null;
    }

    /** The table as CSV text: header, then one row per snapshot; numbers as {@link Double#toString}, counts as integers. */
    public String csv() {
        StringBuilder b = new StringBuilder(String.join(",", columns())).append('\n');
        for (SnapshotMetrics r : rows) {
            b.append(r.time_s()).append(',').append(r.step()).append(',').append(r.metalVolume_m()).append(',')
                    .append(r.depositedVolume_m()).append(',').append(r.frontHeight_m()).append(',').append(r.penetration_m()).append(',')
                    .append(r.roughness_m()).append(',').append(r.interfaceArea()).append(',').append(r.metalComponents()).append(',')
                    .append(r.isolatedComponents()).append(',').append(r.shorted() ? 1 : 0).append(',')
                    .append(r.maxLocalCurrent_A_per_m2()).append(',').append(r.currentConstriction());
            for (double s : r.layerShares()) b.append(',').append(s);
            for (double s : r.materialShares()) b.append(',').append(s);
            b.append('\n');
        }
        return b.toString();
    }

    /** Writes {@link #csv()} atomically. */
    public void writeCsv(Path file) throws IOException {
        AtomicFiles.writeString(file, csv());
    }

    /** A fixed-width table for the terminal: lengths in um, shares in %. */
    public String summary() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%10s %10s %10s %10s %11s %10s %9s %7s %8s %5s %14s %7s", "t [s]", "step", "Li [um]", "front [um]",
                "penetr [um]", "rough [um]", "interface", "pieces", "isolated", "short", "i max [mA/cm2]", "constr"));
        int[] width = layerNames.stream().mapToInt(l -> Math.max(8, l.length() + 2)).toArray();
        for (int l = 0; l < layerNames.size(); l++) b.append(String.format(Locale.ROOT, " %" + width[l] + "s", layerNames.get(l) + " %"));
        b.append('\n');
        for (SnapshotMetrics r : rows) {
            b.append(Decimals.format("%10.4g", r.time_s())).append(String.format(Locale.ROOT, " %10d ", r.step()))
                    .append(Decimals.format("%10.4f", r.depositedVolume_m() * 1e6)).append(' ')
                    .append(Decimals.format("%10.3f", r.frontHeight_m() * 1e6)).append(' ')
                    .append(Decimals.format("%11.3f", r.penetration_m() * 1e6)).append(' ')
                    .append(Decimals.format("%10.3f", r.roughness_m() * 1e6)).append(' ')
                    .append(Decimals.format("%9.3f", r.interfaceArea()))
                    .append(String.format(Locale.ROOT, " %7d %8d %5s ", r.metalComponents(), r.isolatedComponents(), r.shorted() ? "yes" : "no"))
                    .append(orDash("%14.3f", r.maxLocalCurrent_A_per_m2() * MA_PER_CM2_PER_A_PER_M2)).append(' ')
                    .append(orDash("%7.2f", r.currentConstriction()));
            double[] shares = r.layerShares();
            for (int l = 0; l < shares.length; l++) b.append(' ').append(orDash("%" + width[l] + ".1f", 100 * shares[l]));
            b.append('\n');
        }
        return b.toString();
    }

    /** A number in a fixed-width format, or a dash as wide where there is none (NaN). */
    private static String orDash(String format, double v) {
        return Double.isNaN(v) ? String.format(Locale.ROOT, "%" + format.substring(1, format.indexOf('.')) + "s", "-") : Decimals.format(format, v);
    }

    /** The row of the snapshot at {@code step}; an absent step is an error. */
    public SnapshotMetrics atStep(long step) {
        for (SnapshotMetrics r : rows) if (r.step() == step) return r;
        throw new IllegalArgumentException(runName + " has no snapshot at step " + step);
    }
}
