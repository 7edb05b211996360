package org.featurelab.report;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;

/**
 * Vertical bar chart (XChart {@link CategoryChart}) rendered to PNG, e.g. feature importances or per-feature
 * scores. Bars keep the given order; names longer than 28 characters are cut, and are drawn vertically when
 * there are more than 8 bars or any name is longer than 10 characters.
 */
public final class BarChart {
    /** Height of {@link #pngBytes(List, double[], String, String)} images. */
    public static final int HEIGHT = 500;
    /** Narrowest default width. */
    public static final int MIN_WIDTH = 800;
    /** Default width per bar beyond {@link #MIN_WIDTH}, so that vertical names stay legible. */
    public static final int PIXELS_PER_BAR = 16;
    private static final Color BAR = new Color(0x3B6FB6);

    private BarChart() {
    }

    /** Default image width for {@code bars} bars: max({@link #MIN_WIDTH}, 160 + {@link #PIXELS_PER_BAR}·bars). */
    public static int widthFor(int bars) {
        return Math.max(MIN_WIDTH, 160 + PIXELS_PER_BAR * bars);
    }

    /** Bar chart of {@code values[i]} named {@code labels.get(i)}, {@link #widthFor}(n) × {@link #HEIGHT} pixels. */
    public static byte[] pngBytes(List<String> labels, double[] values, String title, String yLabel) {
        return pngBytes(labels, values, title, yLabel, widthFor(values.length), HEIGHT);
    }

    /**
     * Bar chart of {@code values[i]} named {@code labels.get(i)} as a width×height PNG.
     *
     * @throws IllegalArgumentException if the lengths differ, there are no bars, or a value is not finite
     */
    public static byte[] pngBytes(List<String> labels, double[] values, String title, String yLabel, int width,
                                  int height) {
        if (labels.size() != values.length || values.length == 0) {
            throw new IllegalArgumentException("bar chart: " + labels.size() + " labels for " + values.length + " values");
        }
        List<Double> ys = new ArrayList<>(values.length);
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("bar chart: value " + values[i] + " for '" + labels.get(i) + "'");
            }
            ys.add(values[i]);
        }
        List<String> names = Labels.shorten(labels);
        CategoryChart chart = new CategoryChartBuilder().width(width).height(height)
                .title(title == null ? "" : title).yAxisTitle(yLabel == null ? "" : yLabel).build();
        chart.getStyler()
                .setLegendVisible(false)
                .setChartBackgroundColor(Color.WHITE)
                .setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15))
                .setSeriesColors(new Color[]{BAR});
        chart.getStyler()
                .setAvailableSpaceFill(0.75)
                .setPlotGridVerticalLinesVisible(false)
                .setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11))
                .setXAxisLabelRotation(needsVerticalNames(names) ? 90 : 0)
                .setXAxisTitleVisible(false);
        chart.getStyler().setPlotBorderVisible(false);
        chart.addSeries("values", names, ys);
        return XCharts.png(chart);
    }

    private static boolean needsVerticalNames(List<String> names) {
        return names.size() > 8 || names.stream().anyMatch(s -> s.length() > 10);
    }
}
