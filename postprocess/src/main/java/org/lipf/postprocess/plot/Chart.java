package org.lipf.postprocess.plot;

import java.util.LinkedHashMap;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * One XChart line chart of a figure with its series by name (XChart keeps its series map private;
 * the series objects give the plotted data back, {@code getXData()}, {@code getYData()}).
 */
public record Chart(XYChart chart, Map<String, XYSeries> series) {
    public Chart {
        series = new LinkedHashMap<>(series);
    }

    /** Adds a line (with markers when {@code markers}, or where it is one point: that draws no line) and remembers it. */
    public XYSeries add(String name, double[] x, double[] y, boolean markers) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setMarker(markers || x.length == 1 ? org.knowm.xchart.style.markers.SeriesMarkers.CIRCLE : org.knowm.xchart.style.markers.SeriesMarkers.NONE);
        series.put(name, s);
        return s;
    }
}
