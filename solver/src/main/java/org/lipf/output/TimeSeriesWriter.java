package org.lipf.output;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;

/**
 * The per-run time-series table {@code timeseries.csv}: a header row of column names (units in the
 * names), then one row per output, appended and flushed row by row so the file is usable while the
 * run goes on and after a crash.
 *
 * <p>Numbers are written exactly: a value equal to an integer below 1e15 in magnitude as that
 * integer ({@code 100}, {@code 0}, {@code 1}: steps and flags), any other with
 * {@link Double#toString} (shortest decimal that parses back to the same double). Times in the
 * {@code time_s} column strictly increase: {@link #append} ignores a row whose time is not after
 * the last one, so a restart never duplicates a time.
 */
public final class TimeSeriesWriter implements Closeable {
    public static final String FILE_NAME = "timeseries.csv";
    public static final String TIME_COLUMN = "time_s";
    /** The standard columns. */
    public static final List<String> DEFAULT_COLUMNS = List.of(
            "time_s", "step", "cell_voltage_V", "current_density_A_per_m2", "passed_charge_C_per_m2",
            "deposited_li_volume_m3_per_m2", "front_height_m", "penetration_m", "short");

    private final Path csv;
    private final List<String> columns;
    private final int timeColumn;
    private final BufferedWriter out;
    private final StringBuilder row = new StringBuilder(256);
    private double lastTime_s;

    /** Creates (or truncates) {@code csv} and writes the header. */
    public TimeSeriesWriter(Path csv, List<String> columns) throws IOException {
        this(csv, columns, false, Double.NEGATIVE_INFINITY);
    }

    /** Same as the constructor. */
    public static TimeSeriesWriter create(Path csv, List<String> columns) throws IOException {
        return new TimeSeriesWriter(csv, columns);
    }

    private TimeSeriesWriter(Path csv, List<String> columns, boolean append, double lastTime_s) throws IOException {
        this.csv = csv;
        this.columns = checkColumns(columns);
        this.timeColumn = this.columns.indexOf(TIME_COLUMN);
        this.lastTime_s = lastTime_s;
        if (!append) AtomicFiles.writeString(csv, String.join(",", this.columns) + "\n");
        this.out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    /**
     * Reopens the table of a run restarted at {@code restartTime_s}: keeps the header and the rows
     * with {@code time_s <= restartTime_s}, drops later rows (and a partial last line of a crashed
     * run), rewrites the file atomically and appends after it. Columns are taken from the header.
     */
    public static TimeSeriesWriter resume(Path csv, double restartTime_s) throws IOException {
        return resume(csv, null, restartTime_s);
    }

    /**
     * As {@link #resume(Path, double)}, but fails unless the header names {@code columns}, or the first of
     * them: a run written by an older LiPF, whose table lacks columns added since at its end, gets them,
     * with {@code NaN} in its earlier rows.
     */
    public static TimeSeriesWriter resume(Path csv, List<String> columns, double restartTime_s) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        if (lines.isEmpty()) throw new IOException(csv + " is empty: no header");
        List<String> header = Arrays.asList(lines.get(0).split(",", -1));
        if (columns != null && !(header.size() <= columns.size() && header.equals(columns.subList(0, header.size()))))
            throw new IOException(csv + " has columns " + header + ", expected " + columns);
        List<String> kept = columns == null ? header : columns;
        String padding = ",NaN".repeat(kept.size() - header.size());
        int t = header.indexOf(TIME_COLUMN);
        if (t < 0) throw new IOException(csv + " has no column " + TIME_COLUMN);
        StringBuilder rows = new StringBuilder(String.join(",", kept)).append('\n');
        double last = Double.NEGATIVE_INFINITY;
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",", -1);
            if (cells.length != header.size()) continue;
            double time;
            try {
                time = Double.parseDouble(cells[t]);
            } catch (NumberFormatException e) {
                continue;
            }
            if (time > restartTime_s || time <= last) continue;
            rows.append(lines.get(i)).append(padding).append('\n');
            last = time;
        }
        AtomicFiles.writeString(csv, rows.toString());
        return new TimeSeriesWriter(csv, kept, true, last);
    }

    public List<String> columns() {
        return columns;
    }

    public Path path() {
        return csv;
    }

    /** Time of the last row in the file, or -infinity if none. */
    public double lastTime_s() {
        return lastTime_s;
    }

    /**
     * Appends one row (values in column order) and flushes it.
     *
     * @return false (and writes nothing) if its time is not after the last row's
     */
    public boolean append(double... values) throws IOException {
        if (values.length != columns.size()) throw new IllegalArgumentException("expected " + columns.size() + " values " + columns + ", got " + values.length);
        double time = values[timeColumn];
        if (!(time > lastTime_s)) return false;
        row.setLength(0);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) row.append(',');
            format(row, values[i]);
        }
        row.append('\n');
        out.append(row);
        out.flush();
        lastTime_s = time;
        return true;
    }

    static void format(StringBuilder b, double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            if (v == 0 && Double.doubleToRawLongBits(v) != 0) b.append("-0.0");
            else b.append((long) v);
        } else {
            b.append(v);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    private static List<String> checkColumns(List<String> columns) {
        List<String> c = List.copyOf(columns);
        if (!c.contains(TIME_COLUMN)) throw new IllegalArgumentException("columns must include " + TIME_COLUMN + ": " + c);
        if (c.stream().distinct().count() != c.size()) throw new IllegalArgumentException("duplicate column names: " + c);
        for (String s : c) {
            if (s.isEmpty() || s.contains(",") || s.contains("\n") || s.contains("\"")) throw new IllegalArgumentException("bad column name '" + s + "'");
        }
        return c;
    }
}
