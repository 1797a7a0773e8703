package org.lipf.postprocess.render;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.TreeSet;
import org.lipf.cli.RunDriver;
import org.lipf.model.ModelParameters;
import org.lipf.output.Snapshot;
import org.lipf.output.SnapshotWriter;
import org.lipf.postprocess.RunFolder;
import org.lipf.postprocess.RunFolderException;
import org.lipf.postprocess.metrics.CellBlock;
import org.lipf.postprocess.metrics.DepositionCurrent;
import org.lipf.postprocess.metrics.FrontProfile;
import org.lipf.postprocess.metrics.MetalDistribution;
import org.lipf.postprocess.metrics.RunMetrics;

/**
 * Pictures of a run's snapshots ({@code lipf render}): one figure per snapshot, the morphology (Li
 * metal over the material map) or a field in colour on a colour scale fixed over the frames drawn ({@link #scale(List)}), with
 * the simulated time in the title and axes in µm. 2D runs show the cross-section; 3D runs show the
 * x-z, y-z and x-y slices ({@link SlicePositions}: by default the mid-planes and the plane through the metal
 * front, {@link FrontSlice}), the height map of the front (a projection along z) and the map of the
 * deposition current of each column.
 */
public final class Renderer {
    /** Long side of a 2D picture, px. */
    public static final int PANEL_2D_PX = 720;
    /** Long side of one 3D slice, px. */
    public static final int PANEL_3D_PX = 340;
    /** Upper percentile of the current density's colour scale (tip hot spots would wash out the rest). */
    public static final double CURRENT_PERCENTILE = 0.99;

    private final RunFolder run;
    private final FieldKind kind;
    private final MaterialPalette palette;
    private final SlicePositions slices;

    public Renderer(RunFolder run, FieldKind kind, List<String> materialNames, SlicePositions slices) throws RunFolderException {
        this(run, kind, new MaterialPalette(materialNames, run.freeFraction(materialNames), run.scenario().model().metalMaterial()), slices);
    }

    /** A renderer with a given palette (the same colours across the runs of a comparison). */
    public Renderer(RunFolder run, FieldKind kind, MaterialPalette palette, SlicePositions slices) {
        this.run = run;
        this.kind = kind;
        this.palette = palette;
        this.slices = slices;
    }

    /** What {@link #renderRun} wrote. */
    public record Output(List<Path> images, Path animation) {
    }

    /**
     * Renders every {@code every}-th snapshot (and always the last) to {@code RUN/figures/FIELD_step_NNNNNNNN.png},
     * and with {@code animate} the sequence to {@code RUN/figures/FIELD.gif}; a 3D run's slices at {@code slices}.
     */
    public static Output renderRun(RunFolder run, FieldKind kind, int every, boolean animate, SlicePositions slices)
            throws RunFolderException, IOException {
        List<Integer> picked = pick(run.snapshots().size(), every);
        Renderer r = new Renderer(run, kind, run.read(picked.get(0)).materialNames(), slices);
        ColorScale scale = kind == FieldKind.XI ? null : r.scale(picked);
        List<Path> images = new ArrayList<>();
        List<BufferedImage> frames = new ArrayList<>();
        for (int n : picked) {
            Snapshot s = run.read(n);
            BufferedImage img = r.frame(s, scale);
            String name = SnapshotWriter.fileName(s.step()).replace(".h5", ".png");
            images.add(Images.writePng(img, run.figuresDir().resolve(kind.key + "_" + name)));
            if (animate) frames.add(img);
        }
        Path gif = animate ? GifAnimation.write(frames, 400, run.figuresDir().resolve(kind.key + ".gif")) : null;
        return new Output(images, gif);
    }

    /** Indices 0, every, 2 every, ... and the last. */
    static List<Integer> pick(int count, int every) {
        TreeSet<Integer> s = new TreeSet<>();
        for (int n = 0; n < count; n += every) s.add(n);
        s.add(count - 1);
        return List.copyOf(s);
    }

    /**
     * The colour scale over the given snapshots: full range, or 0 .. the 99th percentile for the current. Values that are
     * not finite (a film that blocks the ions) stay out of it: they have their own colour, {@link ColorScale#NO_VALUE}.
     */
    ColorScale scale(List<Integer> snapshots) throws RunFolderException {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int n : snapshots) {
            double[] v = display(run.read(n));
            if (kind == FieldKind.CURRENT) {
                double[] sorted = v.clone();
                Arrays.sort(sorted);
                lo = 0;
                hi = Math.max(hi, sorted[(int) Math.min(sorted.length - 1, Math.round(CURRENT_PERCENTILE * (sorted.length - 1)))]);
            } else {
                DoubleSummaryStatistics range = finite(v);
                lo = Math.min(lo, range.getMin());
                hi = Math.max(hi, range.getMax());
            }
        }
        return scale(lo, hi);
    }

    /** The colour scale of one snapshot alone. */
    public ColorScale scale(Snapshot s) throws RunFolderException {
        DoubleSummaryStatistics range = finite(display(s));
        return scale(kind == FieldKind.CURRENT ? 0 : range.getMin(), range.getMax());
    }

    /** The scale from lo to hi; where no value is finite, one of no width at 0. */
    private ColorScale scale(double lo, double hi) {
        return hi >= lo ? new ColorScale(kind.map, lo, hi, kind.label) : new ColorScale(kind.map, 0, 0, kind.label);
    }

    private static DoubleSummaryStatistics finite(double[] v) {
        return Arrays.stream(v).filter(Double::isFinite).summaryStatistics();
    }

    private double[] display(Snapshot s) throws RunFolderException {
        double[] v = DerivedFields.si(kind, s, run.scenario());
        double[] out = new double[v.length];
        for (int P = 0; P < v.length; P++) out[P] = v[P] * kind.displayPerSi;
        return out;
    }

    /** The figure of one snapshot; {@code scale} is ignored for the morphology. */
    public BufferedImage frame(Snapshot s, ColorScale scale) throws RunFolderException {
        String title = title(run.name(), kind, s);
        List<Panel> panels = panels(s, scale, CellBlock.of(s.shape(), s.dx_m()).is3D() ? PANEL_3D_PX : PANEL_2D_PX);
        Legend legend = kind == FieldKind.XI ? new MaterialLegend(palette, present(s.material()), DerivedFields.hasSubgridLi(s)) : new ColorBar(scale);
        return Frame.compose(title, panels, panels.size() > 1 ? 2 : 1, legend);
    }

    /** A frame's title: the run, the field, the simulated time and step, and whether the solver recorded a short at it. */
    static String title(String runName, FieldKind kind, Snapshot s) {
        boolean shorted = s.extras().get(RunDriver.SHORT_CIRCUIT) instanceof Long flag && flag != 0;
        return runName + (kind == FieldKind.XI ? "" : "  \u00b7  " + kind.description) + "  \u00b7  t = " + Images.time(s.time_s())
                + "  \u00b7  step " + s.step() + (shorted ? "  \u00b7  shorted" : "");
    }

    /**
     * The panels of one snapshot, each fitted into a square of {@code boxPx} (3D: the slices at one
     * common scale, then the front height map).
     */
    public List<Panel> panels(Snapshot s, ColorScale scale, int boxPx) throws RunFolderException {
        CellBlock b = CellBlock.of(s.shape(), s.dx_m());
        double ppc = (double) boxPx / Math.max(b.nx(), Math.max(b.ny(), b.nz()));
        if (!b.is3D()) ppc = Math.min((double) boxPx / b.nx(), (double) boxPx / b.nz());
        return panelsAt(s, scale, ppc);
    }

    /**
     * The panels of one snapshot at {@code ppc} pixels per cell: its {@link #planes}, and in 3D the maps of the front height
     * and of the deposition current of each column.
     */
    public List<Panel> panelsAt(Snapshot s, ColorScale scale, double ppc) throws RunFolderException {
        CellBlock b = CellBlock.of(s.shape(), s.dx_m());
        MetalDistribution metal = b.is3D() ? RunMetrics.distribution(run, s) : null;
        double[] front_m = metal == null ? null : FrontProfile.columnHeights_m(metal);
        List<Panel> panels = new ArrayList<>();
        for (Plane p : planes(s, b, front_m)) panels.add(panel(p, scale, ppc));
        if (front_m != null) {
            panels.add(columnMap(Arrays.stream(front_m).map(h -> h * 1e6).toArray(), b, ppc, "metal front height (projection along z)",
                    ColorMap.VIRIDIS, "front [\u00b5m]"));
            double[] rate = RunMetrics.depositionRate(s);
            if (rate != null) {
                double[] columns_A_per_m2 = DepositionCurrent.columns_A_per_m2(metal, rate, ModelParameters.from(run.scenario()).chargeDensity_C_per_m3());
                panels.add(columnMap(Arrays.stream(columns_A_per_m2).map(i -> i * FieldKind.CURRENT.displayPerSi).toArray(), b, ppc,
                        "Li deposition current of each column", ColorMap.INFERNO, "i [mA/cm\u00b2]"));
            }
        }
        return panels;
    }

    /**
     * The planes of one snapshot that its panels show ({@link Planes#of}); in 3D the slices are at the renderer's
     * {@link SlicePositions} (one outside the window is an error naming the run; the x-y slice by default the
     * {@link FrontSlice}).
     */
    public List<Plane> planes(Snapshot s) throws RunFolderException {
        CellBlock b = CellBlock.of(s.shape(), s.dx_m());
        return planes(s, b, b.is3D() && !slices.atHeight() ? FrontProfile.columnHeights_m(RunMetrics.distribution(run, s)) : null);
    }

    /** {@link #planes(Snapshot)} with the front's height per column (3D, where the x-y slice goes through the front). */
    private List<Plane> planes(Snapshot s, CellBlock b, double[] front_m) throws RunFolderException {
        if (b.is3D()) slices.check(b, run.dir());
        double[] values = kind == FieldKind.XI ? null : display(s);
        FrontSlice xy = b.is3D() && !slices.atHeight() ? FrontSlice.of(b, front_m) : null;
        return Planes.of(b, s.field("xi"), s.material(), kind == FieldKind.XI ? subgridLi(s) : null, values, slices, xy);
    }

    /** A plane drawn at {@code ppc} pixels per cell: the morphology, or the field on {@code scale}. */
    public Panel panel(Plane p, ColorScale scale, double ppc) {
        BufferedImage img = kind == FieldKind.XI ? PanelPainter.morphology(p, palette, ppc) : PanelPainter.field(p, scale, ppc);
        return new Panel(img, p.caption(), p.cols() * p.dx_m() / img.getWidth(), p.axes(), null);
    }

    /**
     * A map over (x, y) of one value per column (index j nx + i), with its own colour bar over the snapshot's range:
     * the front height, or where the current deposits Li (a coating's cracks and pinholes, which no slice need cut).
     */
    private static Panel columnMap(double[] perColumn, CellBlock b, double ppc, String caption, ColorMap map, String label) {
        Plane p = new Plane(b.nx(), b.ny(), b.dx_m(), null, null, null, perColumn, true, caption, Planes.XY);
        DoubleSummaryStatistics range = Arrays.stream(perColumn).summaryStatistics();
        ColorScale scale = new ColorScale(map, range.getMin(), range.getMax(), label);
        BufferedImage img = PanelPainter.field(p, scale, ppc);
        return new Panel(img, p.caption(), b.nx() * b.dx_m() / img.getWidth(), p.axes(), new ColorBar(scale));
    }

    /** The snapshot's Li finer than the grid per cell ({@link DerivedFields#subgridLi}), with the palette's f_free; null if none. */
    private double[] subgridLi(Snapshot s) {
        double[] free = new double[s.materialNames().size()];
        for (int id = 0; id < free.length; id++) free[id] = palette.freeFraction(id);
        return DerivedFields.subgridLi(s, free);
    }

    public MaterialPalette palette() {
        return palette;
    }

    /** Material ids that occur in an array, ascending. */
    public static List<Integer> present(byte[] material) {
        boolean[] seen = new boolean[128];
        for (byte m : material) seen[m] = true;
        List<Integer> ids = new ArrayList<>();
        for (int id = 0; id < seen.length; id++) if (seen[id]) ids.add(id);
        return ids;
    }
}
