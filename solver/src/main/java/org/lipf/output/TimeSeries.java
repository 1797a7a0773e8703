package org.lipf.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A run's {@code timeseries.csv} read back: the column names of its header and its complete
 * numeric rows (a partial last line of a crashed run is skipped).
 */
public record TimeSeries(List<String> columns, List<double[]> rows) {
    public TimeSeries {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** Reads {@code csv}; fails naming the file and line on a malformed row. */
    public static TimeSeries read(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        if (lines.isEmpty()) throw new IOException(csv + " is empty: no header");
        List<String> header = Arrays.asList(lines.get(0).split(",", -1));
        List<double[]> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",", -1);
            if (cells.length != header.size()) {
                if (i == lines.size() - 1) break; // cut off by a crash
                throw new IOException(csv + ":" + (i + 1) + ": " + cells.length + " values, the header has " + header.size());
            }
            double[] row = new double[cells.length];
            for (int k = 0; k < cells.length; k++) {
                try {
                    row[k] = Double.parseDouble(cells[k]);
                } catch (NumberFormatException e) {
                    throw new IOException(csv + ":" + (i + 1) + ": column " + header.get(k) + ": not a number: '" + cells[k] + "'");
                }
            }
            rows.add(row);
        }
        return new TimeSeries(header, rows);
    }

    /** Index of a column; fails naming the known columns. */
    public int column(String name) {
        int k = columns.indexOf(name);
        if (k < 0) throw new IllegalArgumentException("no column '" + name + "' in the time series (columns: " + String.join(", ", columns) + ")");
        return k;
    }

    /** All values of one column. */
    public double[] values(String name) {
        int k = column(name);
        double[] v = new double[rows.size()];
        for (int r = 0; r < v.length; r++) v[r] = rows.get(r)[k];
        return v;
    }
}
