package org.lipf.postprocess.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.lipf.cli.RunDriver;
import org.lipf.output.Snapshot;
import org.lipf.postprocess.Decimals;
import org.lipf.postprocess.RunFolder;
import org.lipf.postprocess.RunFolderException;
import org.lipf.postprocess.RunLabels;
import org.lipf.postprocess.metrics.CellBlock;
import org.lipf.postprocess.metrics.RunMetrics;
import org.lipf.postprocess.metrics.SnapshotMetrics;

/**
 * Runs side by side ({@code lipf compare}, after Figure 6 of paper B): for each run the snapshot
 * closest to a common time (or passed charge, {@link CompareTarget}), its morphology (3D: the x-z slice, or the x-y slice at a height) in the same
 * colours for the same materials and at the same scale, and a table of its metrics under the pictures.
 */
public final class CompareFigure {
    /** The largest run's picture fits in this box, px; the others are drawn at its scale. */
    public static final int BOX_WIDTH_PX = 420, BOX_HEIGHT_PX = 520;

    /** Header row of the table: a bold font, so that the runs' labels stand out. */
    static final Font HEADER_FONT = Frame.TITLE_FONT.deriveFont(13f);

    /**
     * One run at the chosen snapshot.
     *
     * @param label the run's name in the figure ({@link RunLabels}: its folder's)
     * @param pick which snapshot, and where it is relative to the {@link CompareTarget}
     * @param sharesSince where its layer shares count from ({@link Images#since})
     */
    public record Column(String label, RunFolder run, Snapshot snapshot, CompareTarget.Pick pick, SnapshotMetrics metrics, List<String> layerNames,
            String sharesSince) {
    }

    private CompareFigure() {
    }

    /** The latest time every run has reached: the smallest of their last snapshot times. */
    public static double commonTime_s(List<RunFolder> runs) throws RunFolderException {
        double t = Double.POSITIVE_INFINITY;
        for (RunFolder r : runs) t = Math.min(t, r.read(r.snapshots().size() - 1).time_s());
        return t;
    }

    /** For each run, the snapshot closest to {@code target} ({@link CompareTarget#pick}), with its metrics. */
    public static List<Column> at(List<RunFolder> runs, CompareTarget target) throws RunFolderException {
        List<String> labels = RunLabels.of(runs.stream().map(RunFolder::dir).toList());
        List<Column> out = new ArrayList<>();
        for (int n = 0; n < runs.size(); n++) {
            RunFolder run = runs.get(n);
            CompareTarget.Pick pick = target.pick(run);
            Snapshot s = run.read(pick.snapshot());
            RunMetrics m = RunMetrics.compute(run);
            out.add(new Column(labels.get(n), run, s, pick, m.atStep(s.step()), m.layerNames(), Images.since(m.sharesFrom_s())));
        }
        return out;
    }

    /**
     * The figure: pictures in a row, each captioned with its snapshot's time or charge, the metrics table under them;
     * a 3D run's picture is its x-z slice at {@code slices}' y, or its x-y slice at their z where they give one.
     */
    public static BufferedImage draw(List<Column> columns, String title, SlicePositions slices) throws RunFolderException {
        List<String> allNames = materialOrder(columns);
        List<Picture> pictures = pictures(columns, allNames, slices);
        BufferedImage figure = Frame.compose(title, captioned(pictures, slices), columns.size(), legend(pictures, allNames));
        return appendTable(figure, table(columns));
    }

    /** A run's picture: the plane of its snapshot that it shows, and the renderer that draws it in the common colours. */
    private record Picture(Column column, Renderer renderer, Plane plane) {
    }

    /** Each run's picture (3D: the x-z slice at {@code slices}' y, or where they give a height z the x-y slice at it). */
    private static List<Picture> pictures(List<Column> columns, List<String> allNames, SlicePositions slices) throws RunFolderException {
        List<Picture> out = new ArrayList<>();
        for (Column c : columns) {
            Snapshot s = c.snapshot();
            MaterialPalette palette = new MaterialPalette(s.materialNames(), c.run().freeFraction(s.materialNames()),
                    c.run().scenario().model().metalMaterial(), allNames);
            Renderer r = new Renderer(c.run(), FieldKind.XI, palette, slices);
            boolean is3D = CellBlock.of(s.shape(), s.dx_m()).is3D();
            out.add(new Picture(c, r, r.planes(s).get(is3D && slices.atHeight() ? Planes.XY_SLICE : 0)));
        }
        return out;
    }

    /**
     * Each run's morphology (3D: the x-z slice at {@code slices}' y, by default mid y, or where they give a height z the
     * x-y slice at it; its caption names the slice and where it cuts)
     * at one common scale, the one that fits the largest run into the box, so that the runs' sizes compare; captioned
     * with the run's label and its snapshot's time or charge.
     */
    public static List<Panel> panels(List<Column> columns, SlicePositions slices) throws RunFolderException {
        return captioned(pictures(columns, materialOrder(columns), slices), slices);
    }

    private static List<Panel> captioned(List<Picture> pictures, SlicePositions slices) {
        Graphics2D probe = Frame.graphics(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB));
        FontMetrics captionFont = probe.getFontMetrics();
        probe.dispose();
        double metresPerPixel = commonScale_m_per_px(pictures.stream().map(Picture::column).toList(), slices);
        List<Panel> panels = new ArrayList<>();
        for (Picture picture : pictures) {
            Column c = picture.column();
            Snapshot s = c.snapshot();
            boolean is3D = CellBlock.of(s.shape(), s.dx_m()).is3D();
            Panel p = picture.renderer().panel(picture.plane(), null, s.dx_m() / metresPerPixel);
            String when = c.pick().where() + (is3D ? "  \u00b7  " + p.caption() : "");
            // the caption stays within the box of the run's picture: where label and snapshot do not fit one line, the
            // label stands on its own, shortened to the box if need be (a 3D run's label shrank to "…" beside its slice)
            String caption = c.label() + "  \u00b7  " + when;
            if (captionFont.stringWidth(caption) > BOX_WIDTH_PX) caption = TextFit.middle(c.label(), captionFont, BOX_WIDTH_PX) + "\n" + when;
            panels.add(new Panel(p.image(), caption, p.metresPerPixel(), p.axes(), null));
        }
        return panels;
    }

    /**
     * Metres per pixel that fit the widest and the tallest of the runs' pictures into the box: x-z planes, or a 3D run's
     * x-y plane where {@code slices} put it at a height (its rows run along y, which may be longer than the height).
     */
    static double commonScale_m_per_px(List<Column> columns, SlicePositions slices) {
        double metresPerPixel = 0;
        for (Column c : columns) {
            CellBlock b = CellBlock.of(c.snapshot().shape(), c.snapshot().dx_m());
            int rows = b.is3D() && slices.atHeight() ? b.ny() : b.nz();
            metresPerPixel = Math.max(metresPerPixel, Math.max(b.nx() * b.dx_m() / BOX_WIDTH_PX, rows * b.dx_m() / BOX_HEIGHT_PX));
        }
        return metresPerPixel;
    }

    /** The materials of all runs, each once, in the order the runs list them: the same colour for the same material. */
    private static List<String> materialOrder(List<Column> columns) {
        LinkedHashSet<String> order = new LinkedHashSet<>();
        for (Column c : columns) order.addAll(c.snapshot().materialNames());
        return List.copyOf(order);
    }

    /**
     * The legend of the materials the pictures show, in the colours of {@link #materialOrder}: those of the planes drawn (an
     * x-y slice at a height holds only the materials there), and the row of the dispersed Li where a picture is tinted by it.
     */
    private static MaterialLegend legend(List<Picture> pictures, List<String> allNames) {
        LinkedHashSet<Integer> shown = new LinkedHashSet<>();
        boolean subgridLi = false;
        for (Picture p : pictures) {
            List<String> names = p.column().snapshot().materialNames();
            for (int id : Renderer.present(p.plane().material())) shown.add(allNames.indexOf(names.get(id)));
            subgridLi |= p.plane().subgridLi() != null;
        }
        MaterialPalette palette = new MaterialPalette(allNames, new double[allNames.size()], pictures.get(0).column().run().scenario().model().metalMaterial());
        return new MaterialLegend(palette, List.copyOf(shown), subgridLi);
    }

    /** Rows of text: a header row of run labels, then one row per measure. */
    public static List<List<String>> table(List<Column> columns) {
        int layers = columns.stream().mapToInt(c -> c.layerNames().size()).max().orElse(0);
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of(""));
        columns.forEach(c -> header.add(c.label()));
        rows.add(header);
        addRow(rows, "time [s]", columns, c -> Decimals.format("%.4g", c.snapshot().time_s()));
        addRow(rows, "passed charge [mAh/cm\u00b2]", columns, c -> c.snapshot().extras().get(RunDriver.PASSED_CHARGE) instanceof Double q
                ? Decimals.format("%.4g", q / CompareTarget.C_PER_M2_PER_MAH_PER_CM2) : "-");
        addRow(rows, "deposited Li [\u00b5m]", columns, c -> Decimals.format("%.3f", c.metrics().depositedVolume_m() * 1e6));
        addRow(rows, "front height [\u00b5m]", columns, c -> Decimals.format("%.2f", c.metrics().frontHeight_m() * 1e6));
        addRow(rows, "penetration [\u00b5m]", columns, c -> Decimals.format("%.2f", c.metrics().penetration_m() * 1e6));
        addRow(rows, "roughness [\u00b5m]", columns, c -> Decimals.format("%.2f", c.metrics().roughness_m() * 1e6));
        addRow(rows, "interface area / area", columns, c -> Decimals.format("%.3f", c.metrics().interfaceArea()));
        addRow(rows, "metal pieces (isolated)", columns, c -> c.metrics().metalComponents() + " (" + c.metrics().isolatedComponents() + ")");
        addRow(rows, "short", columns, c -> c.metrics().shorted() ? "yes" : "no");
        addRow(rows, "largest column current [mA/cm\u00b2]", columns, c -> orDash("%.3g", c.metrics().maxLocalCurrent_A_per_m2() * FieldKind.CURRENT.displayPerSi));
        addRow(rows, "current constriction", columns, c -> orDash("%.3g", c.metrics().currentConstriction()));
        for (int l = 0; l < layers; l++) {
            final int layer = l;
            addRow(rows, "Li in layer " + (l + 1) + " [%]", columns, c -> {
                if (layer >= c.layerNames().size()) return "-";
                double share = c.metrics().layerShares()[layer];
                String material = c.layerNames().get(layer).replaceFirst("^layer\\d+_", "");
                return (Double.isNaN(share) ? "-" : Decimals.format("%.1f", 100 * share)) + " (" + material + (c.sharesSince().isEmpty() ? "" : "," + c.sharesSince()) + ")";
            });
        }
        return rows;
    }

    /** A number, or "-" where a snapshot has none (no deposition current). */
    private static String orDash(String format, double v) {
        return Double.isNaN(v) ? "-" : Decimals.format(format, v);
    }

    private interface Cell {
        String text(Column c);
    }

    private static void addRow(List<List<String>> rows, String label, List<Column> columns, Cell cell) {
        List<String> row = new ArrayList<>(List.of(label));
        for (Column c : columns) row.add(cell.text(c));
        rows.add(row);
    }

    /**
     * The picture with the table drawn under it, columns aligned: each row measured in the font it is
     * drawn in, the header's labels shortened to a picture's box.
     */
    private static BufferedImage appendTable(BufferedImage pictures, List<List<String>> rows) {
        Graphics2D probe = Frame.graphics(pictures);
        int line = probe.getFontMetrics().getHeight() + 4, pad = 16;
        FontMetrics header = probe.getFontMetrics(HEADER_FONT), body = probe.getFontMetrics(Frame.BODY_FONT);
        rows = new ArrayList<>(rows);
        rows.set(0, rows.get(0).stream().map(label -> TextFit.middle(label, header, BOX_WIDTH_PX)).toList());
        int[] widths = new int[rows.get(0).size()];
        for (int r = 0; r < rows.size(); r++) {
            FontMetrics fm = r == 0 ? header : body;
            for (int c = 0; c < rows.get(r).size(); c++) widths[c] = Math.max(widths[c], fm.stringWidth(rows.get(r).get(c)) + pad);
        }
        probe.dispose();
        int tableW = 0;
        for (int w : widths) tableW += w;
        int width = Math.max(pictures.getWidth(), tableW + 2 * Frame.MARGIN);
        BufferedImage out = new BufferedImage(width, pictures.getHeight() + rows.size() * line + Frame.MARGIN, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Frame.graphics(out);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.drawImage(pictures, 0, 0, null);
        int y0 = pictures.getHeight();
        for (int r = 0; r < rows.size(); r++) {
            int y = y0 + r * line;
            if (r % 2 == 1) {
                g.setColor(new Color(0xF2F2F2));
                g.fillRect(Frame.MARGIN, y, tableW, line);
            }
            g.setColor(Color.BLACK);
            g.setFont(r == 0 ? HEADER_FONT : Frame.BODY_FONT);
            int x = Frame.MARGIN;
            for (int c = 0; c < rows.get(r).size(); c++) {
                g.drawString(rows.get(r).get(c), x + 4, y + line - 6);
                x += widths[c];
            }
        }
        g.setColor(Color.GRAY);
        g.drawLine(Frame.MARGIN, y0 + line, Frame.MARGIN + tableW, y0 + line);
        g.dispose();
        return out;
    }
}
