package org.lipf.validation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lipf.output.TimeSeries;

/**
 * A time-series metric read at the latest time every run of a check reached, in place of each run's last value. A
 * run that shorts stops there: read at the end, two runs whose cracks both crossed the pellet tie at its thickness,
 * however much earlier one of them got there. Read when the first run stopped, every run is compared at the same
 * time (the same passed charge, as paper B's micrographs are), which is what the published order is about.
 */
final class CommonTime {
    private CommonTime() {}

    /**
     * @param summary the summary with the check's metric columns at {@link #time_s} in place of the runs' last values
     * @param time_s the time the runs are compared at
     * @param firstRun the run that ended first (at that time)
     */
    record Reading(List<List<String>> summary, double time_s, String firstRun, String firstEnd, boolean allEndedTogether) {
        /** The line the report prints under the check. */
        String note() {
            if (allEndedTogether) return String.format(Locale.ROOT, "Read from the time series at t = %.1f s, where every run ended.", time_s);
            return String.format(Locale.ROOT, "Compared at t = %.1f s, the earliest end among the runs: %s (%s); each run's time series is read "
                    + "there, so a run that ended later is compared before its end.", time_s, firstRun, firstEnd);
        }
    }

    /** A reason of the summary, cut to a readable length. */
    private static String shortened(String status, String reason) {
        String r = reason.length() > 160 ? reason.substring(0, 157) + "..." : reason;
        return r.isEmpty() ? status : status + ": " + r;
    }

    /**
     * Reads the check's metric (a time-series column, or several joined by '+') from each finished or shorted run's
     * {@code runs/RUN/timeseries.csv} under {@code sweepDir}, interpolated linearly in time at the earliest last time of
     * those runs.
     */
    static Reading read(Trend.Check check, List<List<String>> summary, Path sweepDir) throws IOException {
        List<String> header = summary.get(0);
        int run = column(header, "run"), status = column(header, "status"), reason = header.indexOf("reason"), axis = column(header, check.axis());
        String[] metric = check.metric().split("\\+");
        List<Integer> rows = new ArrayList<>();
        List<TimeSeries> series = new ArrayList<>();
        double end = Double.POSITIVE_INFINITY, latest = Double.NEGATIVE_INFINITY;
        String first = null, firstEnd = null;
        for (int r = 1; r < summary.size(); r++) {
            List<String> row = summary.get(r);
            String st = row.get(status);
            if (!check.order().contains(row.get(axis)) || !(st.equals("finished") || st.equals("shorted"))) continue;
            Path csv = sweepDir.resolve("runs").resolve(row.get(run)).resolve("timeseries.csv");
            if (!Files.isRegularFile(csv)) throw new IOException("no time series " + csv + " for the check '" + check.title() + "'");
            TimeSeries ts = TimeSeries.read(csv);
            if (ts.rows().isEmpty()) throw new IOException("the time series " + csv + " has no rows");
            double last = ts.rows().get(ts.rows().size() - 1)[ts.column("time_s")];
            if (last < end) {
                end = last;
                first = row.get(run);
                firstEnd = shortened(st, reason < 0 ? "" : row.get(reason));
            }
            latest = Math.max(latest, last);
            rows.add(r);
            series.add(ts);
        }
        List<List<String>> out = new ArrayList<>();
        for (List<String> row : summary) out.add(new ArrayList<>(row));
        for (int i = 0; i < rows.size(); i++) {
            TimeSeries ts = series.get(i);
            for (String m : metric) {
                if (!ts.columns().contains(m.trim()))
                    throw new IllegalArgumentException("'" + m.trim() + "' is not a column of the runs' time series (columns: " + String.join(", ", ts.columns()) + ")");
                out.get(rows.get(i)).set(column(header, m.trim()), Double.toString(at(ts, m.trim(), end)));
            }
        }
        return new Reading(out, end, first, firstEnd, latest == end);
    }

    /** The column's value at time t, interpolated linearly between the rows around it. */
    static double at(TimeSeries ts, String name, double t) {
        int time = ts.column("time_s"), k = ts.column(name);
        List<double[]> rows = ts.rows();
        for (int i = 0; i < rows.size(); i++) {
            double[] row = rows.get(i);
            if (row[time] < t) continue;
            if (row[time] == t || i == 0) return row[k];
            double[] before = rows.get(i - 1);
            double w = (t - before[time]) / (row[time] - before[time]);
            return before[k] + w * (row[k] - before[k]);
        }
        return rows.get(rows.size() - 1)[k];
    }

    private static int column(List<String> header, String name) {
        int k = header.indexOf(name);
        if (k < 0) throw new IllegalArgumentException("the sweep summary has no column '" + name + "' (columns: " + String.join(", ", header) + ")");
        return k;
    }
}
