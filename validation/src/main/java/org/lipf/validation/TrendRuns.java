package org.lipf.validation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.lipf.output.RunInfo;

/**
 * What the report says of a trend's runs beside its checks, read from its sweep folder: the runs that did not finish or
 * short (and why), and the code that made them ({@code RUN/run.json}'s commit). A sweep reuses the runs of its folder
 * whatever code made them, so a report written into the folder of an older validation would otherwise show that code's
 * values as this one's.
 */
final class TrendRuns {
    private static final int MAX_REASON = 200;

    private TrendRuns() {
    }

    /** One line per run of the summary that is not finished or shorted: "run: status: reason". */
    static List<String> unfinished(List<List<String>> summary) {
        List<String> header = summary.get(0);
        int run = header.indexOf("run"), status = header.indexOf("status"), reason = header.indexOf("reason");
        List<String> out = new ArrayList<>();
        for (List<String> row : summary.subList(1, summary.size())) {
            String st = row.get(status);
            if (st.equals("finished") || st.equals("shorted")) continue;
            String why = reason < 0 ? "" : row.get(reason);
            if (st.equals("running")) why = "held by another process (a sweep stopped with kill -9 leaves its runs running); rerun lipf validate when it has ended";
            if (why.length() > MAX_REASON) why = why.substring(0, MAX_REASON - 3) + "...";
            out.add(row.get(run) + ": " + st + (why.isEmpty() ? "" : ": " + why));
        }
        return out;
    }

    /** How many of the summary's runs each commit made (run.json's commit; runs without one are left out), sorted. */
    static Map<String, Integer> commits(Path sweepDir, List<List<String>> summary) throws IOException {
        int run = summary.get(0).indexOf("run");
        Map<String, Integer> out = new TreeMap<>();
        for (List<String> row : summary.subList(1, summary.size())) {
            Path json = sweepDir.resolve("runs").resolve(row.get(run)).resolve(RunInfo.FILE_NAME);
            if (Files.isRegularFile(json)) out.merge(RunInfo.read(json).data().commit(), 1, Integer::sum);
        }
        return out;
    }
}
