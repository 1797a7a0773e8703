package org.lipf.postprocess;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * A CSV table of numbers with a header row, as written by the solver ({@code timeseries.csv}) and by
 * {@code lipf metrics} ({@code metrics.csv}): columns by name, each a {@code double[]} in row order.
 * Rows with the wrong number of cells (the partial last line of a crashed run) are skipped.
 */
public final class TimeSeriesTable {
    private final Path file;
    private final LinkedHashMap<String, double[]> columns;

    private TimeSeriesTable(Path file, LinkedHashMap<String, double[]> columns) {
        this.file = file;
        this.columns = columns;
    }

    /** Reads a CSV file; a cell that is not a number is an error naming the file, line and column. */
    public static TimeSeriesTable read(Path csv) throws RunFolderException {
        List<String> lines;
        try {
            lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RunFolderException("cannot read " + csv + ": " + e.getMessage(), e);
        }
        if (lines.isEmpty()) throw new RunFolderException(csv + " is empty (no header)");
        List<String> header = Arrays.asList(lines.get(0).split(",", -1));
        List<double[]> rows = new ArrayList<>();
        for (int l = 1; l < lines.size(); l++) {
            String[] cells = lines.get(l).split(",", -1);
            if (cells.length != header.size()) continue;
            double[] row = new double[cells.length];
            for (int c = 0; c < cells.length; c++) {
                try {
                    row[c] = Double.parseDouble(cells[c]);
                } catch (NumberFormatException e) {
                    throw new RunFolderException(csv + " line " + (l + 1) + ", column " + header.get(c) + ": not a number: '" + cells[c] + "'");
                }
            }
            rows.add(row);
        }
        LinkedHashMap<String, double[]> cols = new LinkedHashMap<>();
        for (int c = 0; c < header.size(); c++) {
            double[] v = new double[rows.size()];
            for (int r = 0; r < v.length; r++) v[r] = rows.get(r)[c];
            cols.put(header.get(c), v);
        }
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
