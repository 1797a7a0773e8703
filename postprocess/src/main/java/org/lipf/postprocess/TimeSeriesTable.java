package org.lipf.postprocess;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import org.lipf.output.TimeSeries;

/**
 * A CSV table of numbers with a header row, as written by the solver ({@code timeseries.csv}) and by
 * {@code lipf metrics} ({@code metrics.csv}): columns by name, each a {@code double[]} in row order.
 * A partial last line (a crashed run) is skipped.
 */
public final class TimeSeriesTable {
    private final Path file;
    private final LinkedHashMap<String, double[]> columns;

    private TimeSeriesTable(Path file, LinkedHashMap<String, double[]> columns) {
        this.file = file;
        this.columns = columns;
    }

    /** Reads a CSV file ({@link TimeSeries#read}); a cell that is not a number is an error naming the file, line and column. */
    public static TimeSeriesTable read(Path csv) throws RunFolderException {
        TimeSeries table;
        try {
            table = TimeSeries.read(csv);
        } catch (IOException e) {
            throw new RunFolderException("cannot read " + csv + ": " + e.getMessage(), e);
        }
        LinkedHashMap<String, double[]> cols = new LinkedHashMap<>();
        for (String name : table.columns()) cols.put(name, table.values(name));
        return new TimeSeriesTable(csv, cols);
    }

    public Path file() {
        return file;
    }

    public int rowCount() {
        return columns.isEmpty() ? 0 : columns.values().iterator().next().length;
    }

    public boolean has(String column) {
        return columns.containsKey(column);
    }

    /** The values of a column (a copy); an absent column is an error naming the file. */
    public double[] column(String name) throws RunFolderException {
        double[] v = columns.get(name);
        if (v == null) throw new RunFolderException(file + " has no column '" + name + "' (columns: " + columns.keySet() + ")");
        return v.clone();
    }
}
