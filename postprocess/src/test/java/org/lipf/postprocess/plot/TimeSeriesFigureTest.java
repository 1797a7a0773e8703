package org.lipf.postprocess.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.FontMetrics;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.lipf.postprocess.RunFolder;
import org.lipf.postprocess.SyntheticRun;
import org.lipf.postprocess.TimeSeriesTable;
import org.lipf.postprocess.metrics.RunMetrics;
import org.lipf.output.RunResults;
import org.lipf.output.TimeSeriesWriter;

class TimeSeriesFigureTest {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    @TempDir
    Path tmp;

    @Test
    void plottedValuesAreTheCsvColumnsInDisplayUnits() throws Exception {
        Path run = SyntheticRun.create(tmp.resolve("run"), SyntheticRun.CELL_2D);
        double[] xi0 = new double[SyntheticRun.NX * SyntheticRun.NZ], xi1 = xi0.clone();
        for (int P = 0; P < 8 * SyntheticRun.NX; P++) xi0[P] = xi1[P] = 1;
        xi1[8 * SyntheticRun.NX + 3] = 1; // one cell deposited in the lpscl layer
        SyntheticRun.write(run, 0, 0, xi0, SyntheticRun.layeredMaterial(), null, null);
        SyntheticRun.write(run, 10, 0.5, xi1, SyntheticRun.layeredMaterial(), null, null);
        SyntheticRun.timeSeries(run, new double[] {0, 0.25, 0.5});
        RunFolder folder = RunFolder.open(run);
        TimeSeriesTable ts = folder.timeSeries();
        List<Chart> charts = TimeSeriesFigure.charts(ts, RunMetrics.compute(folder));
        assertEquals(4, charts.size());
        assertArrayEquals(ts.column("cell_voltage_V"), charts.get(0).series().get("cell voltage").getYData(), 0);
        assertArrayEquals(ts.column("time_s"), charts.get(0).series().get("cell voltage").getXData(), 0);
        double[] i = ts.column("current_density_A_per_m2");
        assertArrayEquals(new double[] {5.0, 5.025, 5.05}, charts.get(1).series().get("deposition").getYData(), 1e-12);
        assertArrayEquals(TimeSeriesFigure.scaled(i, 0.1), charts.get(1).series().get("deposition").getYData(), 0);
        assertArrayEquals(TimeSeriesFigure.scaled(ts.column("front_height_m"), 1e6), charts.get(2).series().get("front height").getYData(), 0);
        // the second snapshot's deposit lies wholly in layer 2: 0 % and 100 % at t = 0.5 (t = 0 has none yet)
        assertArrayEquals(new double[] {0.5}, charts.get(3).series().get("layer1_li").getXData(), 0);
        assertArrayEquals(new double[] {0}, charts.get(3).series().get("layer1_li").getYData(), 1e-12);
        assertArrayEquals(new double[] {100}, charts.get(3).series().get("layer2_lpscl").getYData(), 1e-12);
        assertEquals("synthetic: time series", TimeSeriesFigure.title(folder.name(), ts));
        Path png = TimeSeriesFigure.write(folder);
        assertTrue(javax.imageio.ImageIO.read(png.toFile()).getWidth() >= 2 * Charts.WIDTH);
    }

    @Test
    void aRunThatPressesTheElectrolyteOrLosesContactGetsTheInterfaceChart() throws Exception {
        Path run = SyntheticRun.create(tmp.resolve("voids"), SyntheticRun.CELL_2D);
        double[] xi = new double[SyntheticRun.NX * SyntheticRun.NZ];
        for (int P = 0; P < 8 * SyntheticRun.NX; P++) xi[P] = 1;
        SyntheticRun.write(run, 0, 0, xi, SyntheticRun.layeredMaterial(), null, null);
        List<String> columns = new java.util.ArrayList<>(TimeSeriesWriter.DEFAULT_COLUMNS);
        columns.addAll(List.of(RunResults.INTRUSION_RATIO, RunResults.CONTACT_FRACTION));
        try (TimeSeriesWriter w = TimeSeriesWriter.create(run.resolve(TimeSeriesWriter.FILE_NAME), columns)) {
            w.append(0, 0, -0.1, 5, 0, 0, 2e-6, 0, 0, 0.5, 1.0);
            w.append(1, 1, -0.1, 5, 5, 1e-7, 2e-6, 0, 0, 0.9, 0.6);
        }
        RunFolder folder = RunFolder.open(run);
        List<Chart> charts = TimeSeriesFigure.charts(folder.timeSeries(), RunMetrics.compute(folder));
        assertEquals(5, charts.size());
        assertTrue(charts.get(3).series().containsKey("no deposit yet"), "one snapshot, nothing deposited: " + charts.get(3).series().keySet());
        assertArrayEquals(new double[] {0.5, 0.9}, charts.get(4).series().get(TimeSeriesFigure.INTRUSION_LEGEND).getYData(), 0);
        assertArrayEquals(new double[] {1.0, 0.6}, charts.get(4).series().get("contact fraction of the metal surface").getYData(), 0);
        // XChart cuts a legend line wider than 45 % of the chart ("(above 1 a crack grows fro...")
        FontMetrics fm = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics()
                .getFontMetrics(charts.get(4).chart().getStyler().getLegendFont());
        for (Chart c : charts)
            for (String name : c.series().keySet())
                for (String line : name.split("\n")) assertTrue(fm.stringWidth(line) < 0.45 * Charts.WIDTH, line);
    }

    @Test
    void aRunThatShortedSaysWhenInTheTitle() throws Exception {
        Path csv = tmp.resolve("timeseries.csv");
        try (TimeSeriesWriter w = TimeSeriesWriter.create(csv, TimeSeriesWriter.DEFAULT_COLUMNS)) {
            w.append(0, 0, -0.1, 5, 0, 0, 2e-6, 0, 0);
            w.append(26.5, 64, -0.1, 5, 5, 1e-7, 2e-6, 0, 1);
        }
        assertEquals("cell: time series  \u00b7  shorted at t = 26.5 s", TimeSeriesFigure.title("cell", TimeSeriesTable.read(csv)));
    }

    @Test
    void aSeriesOfOnePointIsDrawnAsAMarker() {
        Chart c = Charts.lineChart("one row", "t [s]", "V [V]");
        assertEquals(SeriesMarkers.CIRCLE, c.add("cell voltage", new double[] {0}, new double[] {-0.07}, false).getMarker());
        assertEquals(SeriesMarkers.NONE, c.add("two rows", new double[] {0, 1}, new double[] {-0.07, -0.08}, false).getMarker());
    }
}
