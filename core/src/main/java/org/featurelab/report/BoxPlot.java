package org.featurelab.report;

import org.knowm.xchart.BoxChart;
import org.knowm.xchart.BoxChartBuilder;
import org.knowm.xchart.style.BoxStyler;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Box plot (XChart {@link BoxChart}) of named samples rendered to PNG, one box per sample in the map's iteration
 * order. Boxes span the quartiles, interpolated at position (n−1)p+1 of the sorted sample (R type 7, numpy's
 * default); whiskers and outlier crosses are XChart's (1.5·IQR); XChart's colours: blue boxes, red medians. The y
 * axis is optionally logarithmic (XChart's box chart supports it; every value must then be &gt; 0). When all values
 * are equal a {@link BarChart} of that value is drawn instead, since XChart's box chart draws nothing on a
 * zero-height axis.
 */
final class BoxPlot {
    /** Width of the images, in pixels. */
    static final int WIDTH = 800;
    /** Height of the images, in pixels. */
    static final int HEIGHT = 500;

    private BoxPlot() {
    }

    /**
     * {@link #WIDTH}×{@link #HEIGHT} PNG with one box per entry of {@code samples} (name → values).
     *
     * @throws IllegalArgumentException if there is no sample, a sample is empty or holds a non-finite value, or
     *                                  {@code logY} and a value is ≤ 0
     */
    static byte[] pngBytes(Map<String, double[]> samples, String title, String yLabel, boolean logY) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("box plot: no samples");
        }
        BoxChart chart = new BoxChartBuilder().width(WIDTH).height(HEIGHT).title(title == null ? "" : title)
                .yAxisTitle(yLabel == null ? "" : yLabel).build();
        BoxStyler styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE)
                .setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15))
                .setLegendVisible(false);
        styler.setBoxplotCalCulationMethod(BoxStyler.BoxplotCalCulationMethod.N_LESS_1_PLUS_1);
        styler.setYAxisLogarithmic(logY).setPlotBorderVisible(false);
        styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11))
                .setXAxisLabelRotation(samples.size() > 8 ? 90 : 0);
        Set<String> used = new HashSet<>();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Map.Entry<String, double[]> e : samples.entrySet()) {
            double[] v = e.getValue();
            if (v == null || v.length == 0) {
                throw new IllegalArgumentException("box plot: sample '" + e.getKey() + "' is empty");
            }
            for (int i = 0; i < v.length; i++) {
                if (!Double.isFinite(v[i]) || (logY && v[i] <= 0)) {
                    throw new IllegalArgumentException("box plot: sample '" + e.getKey() + "' has " + v[i] + " at " + i
                            + (logY ? " (log axis needs values > 0)" : ""));
                }
            }
            for (double x : v) {
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
            chart.addSeries(unique(Labels.shorten(e.getKey()), used), v);
        }
        if (lo == hi) { // XChart's box chart draws nothing on a zero-height axis and ignores axis min/max
            double[] bars = new double[samples.size()];
            Arrays.fill(bars, lo);
            return BarChart.pngBytes(new ArrayList<>(samples.keySet()), bars, title + " (all values equal)", yLabel,
                    WIDTH, HEIGHT);
        }
        return XCharts.png(chart);
    }

    /** {@code name}, or "(unnamed)" when blank, with " (k)" appended until it is not in {@code used}; adds it. */
    private static String unique(String name, Set<String> used) {
        String base = name.isBlank() ? "(unnamed)" : name;
        String s = base;
        for (int k = 2; !used.add(s); k++) {
            s = base + " (" + k + ")";
        }
        return s;
    }
}
