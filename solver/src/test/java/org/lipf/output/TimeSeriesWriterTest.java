package org.lipf.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimeSeriesWriterTest {
    @TempDir
    Path dir;

    private static double[] row(double t) {
        return new double[] {t, Math.round(t * 100), -0.1 / 3 - t, 10.0 / 3, 1e-5 * t, 2e-9 * t, 1.0e-6 + t * 1e-7, 0.0, 0};
    }

    @Test
    void rowsAreWrittenInFullPrecisionAndFlushed() throws IOException {
        Path csv = dir.resolve(TimeSeriesWriter.FILE_NAME);
        try (TimeSeriesWriter w = TimeSeriesWriter.create(csv, TimeSeriesWriter.DEFAULT_COLUMNS)) {
            assertTrue(w.append(row(0.1)));
            List<String> lines = Files.readAllLines(csv);   // flushed without close
            assertEquals(String.join(",", TimeSeriesWriter.DEFAULT_COLUMNS), lines.get(0));
            String[] cells = lines.get(1).split(",");
            double[] expected = row(0.1);
            for (int i = 0; i < expected.length; i++) assertEquals(expected[i], Double.parseDouble(cells[i]), 0.0);
            assertEquals("10", cells[1]);
            assertEquals("0", cells[8]);
        }
    }

    @Test
    void resumeDropsRowsAfterTheRestartTime() throws IOException {
        Path csv = dir.resolve(TimeSeriesWriter.FILE_NAME);
        try (TimeSeriesWriter w = new TimeSeriesWriter(csv, TimeSeriesWriter.DEFAULT_COLUMNS)) {
            for (int k = 0; k <= 10; k++) w.append(row(0.1 * k));
        }
        Files.writeString(csv, "1.2,120,0.5", StandardOpenOption.APPEND);   // partial row of a killed run
        try (TimeSeriesWriter w = TimeSeriesWriter.resume(csv, TimeSeriesWriter.DEFAULT_COLUMNS, 0.1 * 5)) {
            assertEquals(0.1 * 5, w.lastTime_s());
            assertFalse(w.append(row(0.1 * 5)), "a row at the restart time is already there");
            assertTrue(w.append(row(0.1 * 6)));
            assertTrue(w.append(row(0.1 * 7)));
        }
        List<String> lines = Files.readAllLines(csv);
        assertEquals(1 + 8, lines.size());
        double last = Double.NEGATIVE_INFINITY;
        for (String line : lines.subList(1, lines.size())) {
            double t = Double.parseDouble(line.split(",")[0]);
            assertTrue(t > last, "times strictly increase: " + lines);
            last = t;
        }
        assertEquals(0.1 * 7, last);
    }

    @Test
    void customColumnsAndResumeReadsHeader() throws IOException {
        Path csv = dir.resolve("ts.csv");
        List<String> cols = List.of("time_s", "step", "iterations");
        try (TimeSeriesWriter w = new TimeSeriesWriter(csv, cols)) {
            w.append(0, 0, 3);
            w.append(1, 10, 4);
            assertThrows(IllegalArgumentException.class, () -> w.append(2, 20));
        }
        try (TimeSeriesWriter w = TimeSeriesWriter.resume(csv, 0.5)) {
            assertEquals(cols, w.columns());
        }
        assertEquals(List.of("time_s,step,iterations", "0,0,3"), Files.readAllLines(csv));
        assertThrows(IOException.class, () -> TimeSeriesWriter.resume(csv, TimeSeriesWriter.DEFAULT_COLUMNS, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new TimeSeriesWriter(dir.resolve("x.csv"), List.of("step")));
    }

    @Test
    void aTableOfAnOlderVersionGetsTheColumnsAddedSinceAtItsEnd() throws IOException {
        Path csv = dir.resolve("old.csv");
        try (TimeSeriesWriter w = new TimeSeriesWriter(csv, List.of("time_s", "step"))) {
            w.append(0, 0);
            w.append(1, 10);
        }
        try (TimeSeriesWriter w = TimeSeriesWriter.resume(csv, List.of("time_s", "step", "contact_fraction"), 1)) {
            w.append(2, 20, 0.5);
        }
        assertEquals(List.of("time_s,step,contact_fraction", "0,0,NaN", "1,10,NaN", "2,20,0.5"), Files.readAllLines(csv));
        // a column removed or renamed is no older version of the table: refused, the file untouched
        assertThrows(IOException.class, () -> TimeSeriesWriter.resume(csv, List.of("time_s", "contact_fraction"), 1));
        assertEquals(4, Files.readAllLines(csv).size());
    }

    @Test
    void formatIsExact() {
        for (double v : new double[] {0.1, 1.0 / 3, 1e-300, -2.5e17, 1e15, 123456789012345.0, -0.0, Double.NaN, 4.9e-324}) {
            StringBuilder b = new StringBuilder();
            TimeSeriesWriter.format(b, v);
            assertEquals(Double.doubleToRawLongBits(v), Double.doubleToRawLongBits(Double.parseDouble(b.toString())), b.toString());
        }
    }
}
