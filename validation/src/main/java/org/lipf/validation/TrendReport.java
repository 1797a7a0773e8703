package org.lipf.validation;

import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.theme.MatlabTheme;
import org.lipf.output.AtomicFiles;
import org.lipf.output.RunInfo;

/** The validation report: for each trend, its checks with simulated and published values, verdicts and a bar chart. */
public final class TrendReport {
    /**
     * A trend with the results of its checks (empty if its sweep could not run), a note (markdown) and how many of its
     * runs each commit made.
     */
    public record Outcome(Trend trend, List<CheckResult> results, String note, Map<String, Integer> commits) {
        public Outcome {
            results = List.copyOf(results);
            commits = Map.copyOf(commits);
        }

        /** An outcome whose runs' commits are not known. */
        public Outcome(Trend trend, List<CheckResult> results, String note) {
            this(trend, results, note, Map.of());
        }
    }

    /** Width of a chart whose title fits: at least this, in pixels. */
    private static final int CHART_WIDTH = 640;
    private static final int CHART_HEIGHT = 380;
    /** Share of a category's width XChart's bars fill (CategoryStyler's default), to place the labels over them. */
    private static final double BAR_FILL = 0.9;

    /** The report's file name in the validation folder. */
    static final String REPORT = "report.md";

    private TrendReport() {
    }

    /** Writes the report as {@link #write(Path, List, boolean, String, List)} does, of runs this code made, over every trend (tests). */
    public static Path write(Path dir, List<Outcome> outcomes, boolean quick) throws IOException {
        return write(dir, outcomes, quick, RunInfo.codeCommit(), List.of());
    }

    /**
     * Writes {@code report.md} and one PNG per check into {@code dir}; returns the report's path.
     *
     * @param codeCommit the commit of the code that writes the report (run.json's form), to which the runs' are compared
     * @param leftOut the ids of the trends file's trends that {@code --only} left out, which the report names as not covered
     */
    public static Path write(Path dir, List<Outcome> outcomes, boolean quick, String codeCommit, List<String> leftOut) throws IOException {
        StringBuilder md = new StringBuilder("# LiPF validation against the published trends\n\n");
        md.append(quick ? "**Quick subset (`--quick`): a smoke test of the validation pipeline.** Its sweeps run for a fraction of the "
                        + "full ones' time and some trends are left out, so its values and PASS/FAIL say nothing about the "
                        + "physics: run `lipf validate trends` without `--quick` for the validation.\n\n" : "")
                .append("Every case uses the same model constants; only materials and geometry differ (scenario files under `scenarios/`). ")
                .append("A check passes when the simulated values fall in the published order. The runs are in the folders named after each trend.\n\n");
        if (!leftOut.isEmpty())
            md.append(String.format(Locale.ROOT, "**This report covers %d of the %d trends of its trends file (`--only`): %s.** Left out: %s "
                    + "(their runs in this folder, if any, are kept as they were; without `--only` the report covers every trend).\n\n",
                    outcomes.size(), outcomes.size() + leftOut.size(), String.join(", ", outcomes.stream().map(o -> o.trend().id()).toList()),
                    String.join(", ", leftOut)));
        int passed = 0, total = 0;
        for (Outcome o : outcomes) for (CheckResult r : o.results()) { total++; if (r.pass()) passed++; }
        md.append(String.format(Locale.ROOT, "**%d of %d checks pass.**\n\n", passed, total));
        md.append(provenance(outcomes, codeCommit));
        for (Outcome o : outcomes) {
            Trend t = o.trend();
            md.append("## ").append(t.id()).append("\n\n").append(t.claim()).append("\n\nSource: ").append(t.paper()).append("\n\n");
            if (t.caveat() != null) md.append("**Caveat:** ").append(t.caveat()).append("\n\n");
            if (o.note() != null) md.append(o.note()).append("\n\n");
            for (int c = 0; c < o.results().size(); c++) {
                CheckResult r = o.results().get(c);
                Trend.Check k = r.check();
                String png = t.id() + "-" + (c + 1) + ".png";
                AtomicFiles.writeBytes(dir.resolve(png), BitmapEncoder.getBitmapBytes(chart(r), BitmapEncoder.BitmapFormat.PNG));
                md.append("### ").append(k.title()).append("\n\n| system | simulated (").append(unit(k)).append(") | published (").append(unit(k)).append(") |\n|---|---|---|\n");
                for (int s = 0; s < k.order().size(); s++)
                    md.append("| ").append(k.order().get(s)).append(" | ").append(simulated(r, s)).append(" | ").append(k.published().get(s).format("%.4g")).append(" |\n");
                if (r.note() != null) md.append("\n").append(r.note()).append("\n");
                md.append("\n**").append(r.verdict()).append("**\n\n");
                for (String ratio : r.ratios()) md.append("- ").append(ratio).append("\n");
                md.append("\n![").append(k.title()).append("](").append(png).append(")\n\n");
            }
        }
        Path report = dir.resolve(REPORT);
        AtomicFiles.writeString(report, md.toString());
        return report;
    }

    /**
     * Removes the report and the charts of the trends that an earlier validation wrote into {@code dir}: until this one
     * writes its own, they would describe runs that it may replace.
     */
    public static void remove(Path dir, List<Trend> trends) throws IOException {
        Files.deleteIfExists(dir.resolve(REPORT));
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.png")) {
            for (Path f : files)
                for (Trend t : trends)
                    if (f.getFileName().toString().matches(Pattern.quote(t.id()) + "-\\d+\\.png")) Files.deleteIfExists(f);
        }
    }

    /**
     * Which code made the runs: the commit of this report's code, and of the runs where it is another (a sweep reuses
     * the runs of its folder whatever made them, so rerunning into the folder of an older validation reports its values).
     */
    static String provenance(List<Outcome> outcomes, String codeCommit) {
        Map<String, Integer> commits = new TreeMap<>();
        for (Outcome o : outcomes) o.commits().forEach((c, n) -> commits.merge(c, n, Integer::sum));
        int runs = commits.values().stream().mapToInt(Integer::intValue).sum();
        int other = runs - commits.getOrDefault(codeCommit, 0);
        if (runs == 0) return "";
        List<String> made = new ArrayList<>();
        commits.forEach((c, n) -> made.add(shortCommit(c) + " (" + n + (n == 1 ? " run)" : " runs)")));
        if (codeCommit.equals("unknown"))
            return "The runs were made by LiPF commit " + String.join(", ", made) + "; the commit of this report's code is unknown (`./lipf` records it).\n\n";
        if (other == 0)
            return "The runs were made by the code of this report (commit " + shortCommit(codeCommit) + ")"
                    + (codeCommit.endsWith("-dirty") ? ", with uncommitted changes that may differ from theirs" : "") + ".\n\n";
        return String.format(Locale.ROOT, "**%d of %d runs were made by other code than this report's (commit %s):** %s. Their values are of that code: "
                + "give a new `-o` to validate this one.\n\n", other, runs, shortCommit(codeCommit), String.join(", ", made));
    }

    /** The first 7 hex digits of a commit, "-dirty" kept. */
    private static String shortCommit(String commit) {
        return commit.matches("[0-9a-f]{8,}(-dirty)?") ? commit.substring(0, 7) + (commit.endsWith("-dirty") ? "-dirty" : "") : commit;
    }

    /** The check's unit in words: "dimensionless" for the unit 1. */
    private static String unit(Trend.Check k) {
        return k.unit().equals("1") ? "dimensionless" : k.unit();
    }

    /** A simulated value as the table and the chart show it: "-" for none, ">= " before a lower bound. */
    private static String simulated(CheckResult r, int s) {
        double v = r.values()[s];
        return Double.isNaN(v) ? "-" : (r.lowerBound()[s] ? ">= " : "") + String.format(Locale.ROOT, "%.4g", v);
    }

    /**
     * The bar chart of a check: simulated and published values (a bound drawn at its value), each bar labelled with
     * what the table gives ("&gt;= 20", "&lt; 0.8", "no value"), so that a bound or a missing value does not read as a value.
     */
    static CategoryChart chart(CheckResult r) {
        Trend.Check k = r.check();
        // a long title widens the chart rather than being cut at its edges
        CategoryChart chart = new CategoryChartBuilder().width(Math.max(CHART_WIDTH, titleWidth(k.title()))).height(CHART_HEIGHT).title(k.title())
                .xAxisTitle(k.axis()).yAxisTitle(unit(k)).theme(Styler.ChartTheme.Matlab).build();
        chart.getStyler().setAvailableSpaceFill(BAR_FILL);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS).setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setYAxisTickLabelsFormattingFunction(TrendReport::tick);
        chart.getStyler().setAnnotationTextFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 12));
        int n = k.order().size();
        List<Double> sim = new ArrayList<>(), pub = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            sim.add(Double.isNaN(r.values()[s]) ? 0.0 : r.values()[s]);
            ValueRange p = k.published().get(s);
            pub.add(p.known() ? p.representative() : 0.0);
        }
        boolean anyPublished = k.published().stream().anyMatch(ValueRange::known);
        List<List<String>> labels = barLabels(r);
        chart.addSeries("simulated", k.order(), sim);
        if (anyPublished) chart.addSeries("published", k.order(), pub);
        double top = 0;
        for (int s = 0; s < n; s++) top = Math.max(top, Math.max(sim.get(s), pub.get(s)));
        if (top <= 0) top = 1;
        // room above the tallest bar for its label
        chart.getStyler().setYAxisMax(top * 1.15).setYAxisMin(Math.min(0, sim.stream().mapToDouble(Double::doubleValue).min().orElse(0)));
        int series = anyPublished ? 2 : 1;
        for (int s = 0; s < n; s++) {
            label(chart, labels.get(0).get(s), s, 0, series, sim.get(s), top);
            if (anyPublished) label(chart, labels.get(1).get(s), s, 1, series, pub.get(s), top);
        }
        return chart;
    }

    /** The labels over the bars: the simulated ones, then the published ones ("" where the paper gives none). */
    static List<List<String>> barLabels(CheckResult r) {
        List<String> sim = new ArrayList<>(), pub = new ArrayList<>();
        for (int s = 0; s < r.values().length; s++) {
            double v = r.values()[s];
            sim.add(Double.isNaN(v) ? "no value" : (r.lowerBound()[s] ? ">= " : "") + labelNumber(v));
            ValueRange p = r.check().published().get(s);
            pub.add(p.known() ? p.format(TrendReport::labelNumber) : "");
        }
        return List.of(sim, pub);
    }

    /** A label centred over bar {@code k} of {@code series} in category {@code s} (categories are one unit wide in XChart's data space). */
    private static void label(CategoryChart chart, String text, int s, int k, int series, double value, double top) {
        if (text.isEmpty()) return;
        double x = s + (1 - BAR_FILL) / 2 + (k + 0.5) * BAR_FILL / series;
        chart.addAnnotation(new AnnotationText(text, x, Math.max(value, 0) + 0.05 * top, false));
    }

    /** A y-axis tick: the number with the digits it needs ("0.05", not ".05"). */
    private static String tick(Double v) {
        return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    /** A bar's label: three significant digits, no trailing zeros ("20", "9.96", "0.00377"). */
    private static String labelNumber(double v) {
        return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }

    /** The width a chart needs for its title, in pixels: the title's in the theme's font, with a margin for how the PNG renders it. */
    private static int titleWidth(String title) {
        TextLayout text = new TextLayout(title, new MatlabTheme().getChartTitleFont(), new FontRenderContext(null, true, false));
        return (int) Math.ceil(1.1 * text.getBounds().getWidth()) + 40;
    }
}
