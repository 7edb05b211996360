package org.featurelab.report;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.awt.Font;
import java.util.Map;

/**
 * Line chart (XChart {@link XYChart}) of named series rendered to PNG, e.g. test error against iteration for
 * several models. Each series is drawn as lines with small circle markers; the legend lists them in the
 * map's iteration order (use a {@link java.util.LinkedHashMap} to control it).
 */
public final class LineChart {
    /** Width of {@link #pngBytes(String, String, String, Map)} images. */
    public static final int WIDTH = 800;
    /** Height of {@link #pngBytes(String, String, String, Map)} images. */
    public static final int HEIGHT = 500;

    private LineChart() {
    }

    /** {@link #WIDTH}×{@link #HEIGHT} line chart; {@code series} maps a name to {x values, y values}. */
    public static byte[] pngBytes(String title, String xLabel, String yLabel, Map<String, double[][]> series) {
        return pngBytes(title, xLabel, yLabel, series, WIDTH, HEIGHT);
    }

    /**
     * width×height line chart; {@code series} maps a name to {@code {x, y}}, two arrays of equal length.
     *
     * @throws IllegalArgumentException if there is no series, a series is not two equal-length non-empty arrays,
     *                                  or holds a non-finite value
     */
    public static byte[] pngBytes(String title, String xLabel, String yLabel, Map<String, double[][]> series,
                                  int width, int height) {
        return render(title, xLabel, yLabel, series, width, height, false);
    }

    private static byte[] render(String title, String xLabel, String yLabel, Map<String, double[][]> series,
                                 int width, int height, boolean logY) {
        if (series.isEmpty()) {
            throw new IllegalArgumentException("line chart: no series");
        }
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title == null ? "" : title)
                .xAxisTitle(xLabel == null ? "" : xLabel).yAxisTitle(yLabel == null ? "" : yLabel).build();
        chart.getStyler()
                .setChartBackgroundColor(Color.WHITE)
                .setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15))
                .setLegendVisible(series.size() > 1)
                .setLegendPosition(Styler.LegendPosition.OutsideE)
                .setMarkerSize(5);
        chart.getStyler().setPlotBorderVisible(false);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setYAxisLogarithmic(logY);
        for (Map.Entry<String, double[][]> e : series.entrySet()) {
            double[][] xy = e.getValue();
            String name = e.getKey();
            if (xy == null || xy.length != 2 || xy[0] == null || xy[1] == null || xy[0].length != xy[1].length
                    || xy[0].length == 0) {
                throw new IllegalArgumentException("line chart: series '" + name
                        + "' must be {x, y} with equal, non-zero lengths");
            }
            requireFinite(name, xy[0]);
            requireFinite(name, xy[1]);
            chart.addSeries(Labels.shorten(name), xy[0], xy[1]).setMarker(SeriesMarkers.CIRCLE);
        }
        return XCharts.png(chart);
    }

    /**
     * {@link #WIDTH}×{@link #HEIGHT} line chart with a base-10 logarithmic y axis (e.g. a residual decaying like
     * e^{−2λt}); {@code series} as in {@link #pngBytes(String, String, String, Map, int, int)}.
     *
     * @throws IllegalArgumentException as there, or if a y value is not strictly positive
     */
    public static byte[] pngBytesLogY(String title, String xLabel, String yLabel, Map<String, double[][]> series) {
        for (Map.Entry<String, double[][]> e : series.entrySet()) {
            double[][] xy = e.getValue();
            if (xy != null && xy.length == 2 && xy[1] != null) {
                for (int i = 0; i < xy[1].length; i++) {
                    if (!(xy[1][i] > 0)) {
                        throw new IllegalArgumentException("line chart (log y): series '" + e.getKey() + "' has " + xy[1][i]
                                + " at " + i + "; values must be > 0");
                    }
                }
            }
        }
        return render(title, xLabel, yLabel, series, WIDTH, HEIGHT, true);
    }

    private static void requireFinite(String name, double[] v) {
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException("line chart: series '" + name + "' has " + v[i] + " at " + i);
            }
        }
    }
}
