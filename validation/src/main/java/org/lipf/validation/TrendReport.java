package org.lipf.validation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;
import org.lipf.output.AtomicFiles;

/** The validation report: for each trend, its checks with simulated and published values, verdicts and a bar chart. */
public final class TrendReport {
    /** A trend with the results of its checks (empty if its sweep could not run) and notes. */
    public record Outcome(Trend trend, List<CheckResult> results, String note) {}

    private TrendReport() {
    }

    /** Writes {@code report.md} and one PNG per check into {@code dir}; returns the report's path. */
    public static Path write(Path dir, List<Outcome> outcomes, boolean quick) throws IOException {
        StringBuilder md = new StringBuilder("# LiPF validation against the published trends\n\n");
        md.append(quick ? "**Quick subset (`--quick`): a smoke test of the validation pipeline.** Its sweeps run for a fraction of the "
                        + "full ones' time and some trends are left out, so its values and PASS/FAIL say nothing about the "
                        + "physics: run `lipf validate trends` without `--quick` for the validation.\n\n" : "")
                .append("Every case uses the same model constants; only materials and geometry differ (scenario files under `scenarios/`). ")
                .append("A check passes when the simulated values fall in the published order. The runs are in the folders named after each trend.\n\n");
        int passed = 0, total = 0;
        for (Outcome o : outcomes) for (CheckResult r : o.results()) { total++; if (r.pass()) passed++; }
        md.append(String.format(Locale.ROOT, "**%d of %d checks pass.**\n\n", passed, total));
        for (Outcome o : outcomes) {
            Trend t = o.trend();
            md.append("## ").append(t.id()).append("\n\n").append(t.claim()).append("\n\nSource: ").append(t.paper()).append("\n\n");
            if (t.caveat() != null) md.append("**Caveat:** ").append(t.caveat()).append("\n\n");
            if (o.note() != null) md.append(o.note()).append("\n\n");
            for (int c = 0; c < o.results().size(); c++) {
                CheckResult r = o.results().get(c);
                Trend.Check k = r.check();
                String png = t.id() + "-" + (c + 1) + ".png";
                chart(dir.resolve(png), r);
                md.append("### ").append(k.title()).append("\n\n| system | simulated (").append(k.unit()).append(") | published (").append(k.unit()).append(") |\n|---|---|---|\n");
                for (int s = 0; s < k.order().size(); s++)
                    md.append("| ").append(k.order().get(s)).append(" | ").append(r.lowerBound()[s] ? ">= " : "").append(fmt(r.values()[s]))
                            .append(" | ").append(k.published().get(s).format("%.4g")).append(" |\n");
                if (r.note() != null) md.append("\n").append(r.note()).append("\n");
                md.append("\n**").append(r.verdict()).append("**\n\n");
                for (String ratio : r.ratios()) md.append("- ").append(ratio).append("\n");
                md.append("\n![").append(k.title()).append("](").append(png).append(")\n\n");
            }
        }
        Path report = dir.resolve("report.md");
        AtomicFiles.writeString(report, md.toString());
        return report;
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4g", v);
    }

    private static void chart(Path png, CheckResult r) throws IOException {
        Trend.Check k = r.check();
        CategoryChart chart = new CategoryChartBuilder().width(640).height(380).title(k.title())
                .xAxisTitle(k.axis()).yAxisTitle(k.unit()).theme(Styler.ChartTheme.Matlab).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS).setChartBackgroundColor(java.awt.Color.WHITE);
        chart.addSeries("simulated", k.order(), finite(r.values()));
        List<Double> pub = new ArrayList<>();
        boolean any = false;
        // a bound is drawn at its value (the table says which side it bounds)
        for (ValueRange p : k.published()) { pub.add(p.known() ? p.representative() : 0.0); any |= p.known(); }
        if (any) chart.addSeries("published", k.order(), pub);
        BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static List<Double> finite(double[] v) {
        List<Double> out = new ArrayList<>();
        for (double x : v) out.add(Double.isNaN(x) ? 0.0 : x);
        return out;
    }
}
