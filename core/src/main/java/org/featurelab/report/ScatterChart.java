package org.featurelab.report;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.awt.Font;
import java.util.List;

/**
 * Square paired scatter plot (XChart {@link XYChart}) with the y = x diagonal, rendered to PNG: one point per
 * (x, y) pair, e.g. the per-dataset scores of a reference model (x) and another model (y). Both axes share the
 * range [lo − pad, hi + pad] over all coordinates (pad = 5% of hi − lo, or a small positive amount when
 * hi = lo), so the diagonal runs corner to corner at 45°.
 */
final class ScatterChart {
    /** Width and height of the images, in pixels. */
    static final int SIZE = 600;
    /** |y − x| at or below this counts as on the diagonal. */
    static final double TIE = 1e-9;
    private static final Color POINTS = new Color(0x3B6FB6);
    private static final Color DIAGONAL = new Color(0x9E9E9E);

    private ScatterChart() {
    }

    /**
     * Counts {above, on, below} of the pairs {x, y}: y − x &gt; {@link #TIE}, |y − x| ≤ {@link #TIE}, and
     * y − x &lt; −{@link #TIE}.
     */
    static int[] sides(List<double[]> pairs) {
        int[] n = new int[3];
        for (double[] p : pairs) {
            double d = p[1] - p[0];
            n[d > TIE ? 0 : d >= -TIE ? 1 : 2]++;
        }
        return n;
    }

    /**
     * {@link #SIZE}×{@link #SIZE} PNG of the points {@code pairs} (each {x, y}) plus the y = x line.
     *
     * @throws IllegalArgumentException if there is no pair, or a pair is not two finite numbers
     */
    static byte[] pngBytes(List<double[]> pairs, String title, String xLabel, String yLabel) {
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("scatter chart: no points");
        }
        double[] xs = new double[pairs.size()];
        double[] ys = new double[pairs.size()];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < xs.length; i++) {
            double[] p = pairs.get(i);
            if (p.length != 2 || !Double.isFinite(p[0]) || !Double.isFinite(p[1])) {
                throw new IllegalArgumentException("scatter chart: point " + i + " must be two finite numbers");
            }
            xs[i] = p[0];
            ys[i] = p[1];
            lo = Math.min(lo, Math.min(p[0], p[1]));
            hi = Math.max(hi, Math.max(p[0], p[1]));
        }
        double pad = hi > lo ? 0.05 * (hi - lo) : Math.max(1e-6, 0.05 * Math.abs(lo));
        double min = lo - pad;
        double max = hi + pad;
        XYChart chart = new XYChartBuilder().width(SIZE).height(SIZE).title(title == null ? "" : title)
                .xAxisTitle(xLabel == null ? "" : xLabel).yAxisTitle(yLabel == null ? "" : yLabel).build();
        chart.getStyler()
                .setChartBackgroundColor(Color.WHITE)
                .setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 14))
                .setLegendPosition(Styler.LegendPosition.InsideNW)
                .setMarkerSize(7);
        chart.getStyler().setXAxisMin(min).setXAxisMax(max).setYAxisMin(min).setYAxisMax(max);
        chart.getStyler().setPlotBorderVisible(false);
        XYSeries diagonal = chart.addSeries("y = x", new double[]{min, max}, new double[]{min, max});
        diagonal.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line).setMarker(SeriesMarkers.NONE)
                .setLineColor(DIAGONAL);
        XYSeries points = chart.addSeries("datasets", xs, ys);
        points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter).setMarker(SeriesMarkers.CIRCLE)
                .setMarkerColor(POINTS);
        return XCharts.png(chart);
    }
}
