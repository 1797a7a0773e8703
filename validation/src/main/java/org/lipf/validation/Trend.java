package org.lipf.validation;

import java.nio.file.Path;
import java.util.List;

/**
 * One published trend of PAPERS.md as LiPF checks it: a sweep over the systems it compares, and
 * checks on the order of a metric across them.
 *
 * @param id short name, also the folder of its runs
 * @param paper the source (paper letter, authors, DOI)
 * @param claim the published trend in words
 * @param sweep the sweep file that runs the systems (a plain {@code lipf sweep} file)
 * @param quickSweep a cheaper sweep for {@code --quick}, or null if the trend is not in the quick set
 * @param checks what must hold
 * @param caveat what the simulated values rest on that the reader should know before trusting them, or null
 */
public record Trend(String id, String paper, String claim, Path sweep, Path quickSweep, List<Check> checks, String caveat) {
    public Trend {
        checks = List.copyOf(checks);
    }

    /**
     * The order of a metric across the systems, largest first.
     *
     * @param title what is compared, in words
     * @param axis the sweep axis whose values name the systems
     * @param metric summary column, or several joined by '+' (summed, e.g. the deposit shares of two layers)
     * @param lowerBound summary column used when the metric is empty (a CCD ramp that never shorted:
     *     the highest current it passed is a lower bound of its CCD), or null
     * @param absolute compare absolute values (cell voltages are negative while plating)
     * @param unit unit of the metric, for the report
     * @param scale factor applied for the report (e.g. 0.1 for A/m^2 to mA/cm^2)
     * @param order the systems in the published order, largest first
     * @param published the published value per system, in the report's unit: a value, a bound (the paper's "&lt; 0.8"),
     *     or {@link ValueRange#NONE} where the paper gives none
     * @param atCommonTime read the metric (time-series columns) when the first of the runs ended, not at each run's end
     *     ({@link CommonTime})
     */
    public record Check(String title, String axis, String metric, String lowerBound, boolean absolute, String unit, double scale,
            List<String> order, List<ValueRange> published, boolean atCommonTime) {
        public Check {
            order = List.copyOf(order);
            published = List.copyOf(published);
            if (published.size() != order.size()) throw new IllegalArgumentException("one published value per system in order");
        }

        /** A check on each run's last value. */
        public Check(String title, String axis, String metric, String lowerBound, boolean absolute, String unit, double scale,
                List<String> order, List<ValueRange> published) {
            this(title, axis, metric, lowerBound, absolute, unit, scale, order, published, false);
        }
    }
}
