package org.featurelab.report;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.featurelab.report.HeatMapTest.decode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link BarChart} and {@link LineChart}: decodable PNGs of the documented size, drawn data, validation. */
class ChartsTest {
    private static final List<String> IRIS = List.of("sepal_length", "sepal_width", "petal_length", "petal_width");
    private static final int BAR_RGB = 0x3B6FB6;

    private static int countPixels(BufferedImage image, int rgb) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void barChartHasDefaultSizeAndGrowsWithManyBars() throws IOException {
        BufferedImage image = decode(BarChart.pngBytes(IRIS, new double[]{0.12, 0.04, 0.95, 0.41}, "importance", "diag M"));
        assertEquals(BarChart.MIN_WIDTH, image.getWidth());
        assertEquals(BarChart.HEIGHT, image.getHeight());

        List<String> many = new ArrayList<>();
        double[] values = new double[100];
        for (int i = 0; i < 100; i++) {
            many.add("feature_" + i);
            values[i] = Math.exp(-i / 20.0) - 0.2;
        }
        assertEquals(160 + 100 * BarChart.PIXELS_PER_BAR, BarChart.widthFor(100));
        assertEquals(BarChart.widthFor(100), decode(BarChart.pngBytes(many, values, "100 bars", "score")).getWidth());
        BufferedImage custom = decode(BarChart.pngBytes(IRIS, new double[]{1, 2, 3, 4}, "t", "y", 640, 360));
        assertEquals(640, custom.getWidth());
        assertEquals(360, custom.getHeight());
    }

    @Test
    void barAreaGrowsWithTheValues() throws IOException {
        List<String> two = List.of("a", "b");
        // same axis maximum (4) in both charts, so the second chart's bar b is a quarter as tall
        int tall = countPixels(decode(BarChart.pngBytes(two, new double[]{4, 4}, "t", "y")), BAR_RGB);
        int shorter = countPixels(decode(BarChart.pngBytes(two, new double[]{4, 1}, "t", "y")), BAR_RGB);
        assertTrue(shorter > 0, "bars are drawn in the bar colour");
        assertTrue(tall > 1.4 * shorter, "bar pixels " + tall + " vs " + shorter);
    }

    @Test
    void barChartRejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> BarChart.pngBytes(IRIS, new double[]{1, 2}, "t", "y"));
        assertThrows(IllegalArgumentException.class, () -> BarChart.pngBytes(List.of(), new double[0], "t", "y"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BarChart.pngBytes(IRIS, new double[]{1, Double.NaN, 3, 4}, "t", "y"));
        assertTrue(e.getMessage().contains("sepal_width"), e.getMessage());
    }

    @Test
    void lineChartHasRequestedSize() throws IOException {
        Map<String, double[][]> series = new LinkedHashMap<>();
        series.put("train", new double[][]{{0, 1, 2, 3}, {0.5, 0.3, 0.2, 0.15}});
        series.put("test", new double[][]{{0, 1, 2, 3}, {0.55, 0.35, 0.3, 0.28}});
        BufferedImage image = decode(LineChart.pngBytes("error", "iteration", "error", series));
        assertEquals(LineChart.WIDTH, image.getWidth());
        assertEquals(LineChart.HEIGHT, image.getHeight());
        BufferedImage small = decode(LineChart.pngBytes("one", "x", "y", Map.of("only", new double[][]{{1}, {2}}), 300, 200));
        assertEquals(300, small.getWidth());
        assertEquals(200, small.getHeight());
    }

    @Test
    void lineChartRejectsMalformedSeries() {
        assertThrows(IllegalArgumentException.class, () -> LineChart.pngBytes("t", "x", "y", Map.of()));
        assertThrows(IllegalArgumentException.class,
                () -> LineChart.pngBytes("t", "x", "y", Map.of("s", new double[][]{{1, 2}, {1}})));
        assertThrows(IllegalArgumentException.class,
                () -> LineChart.pngBytes("t", "x", "y", Map.of("s", new double[][]{{1, 2}})));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LineChart.pngBytes("t", "x", "y", Map.of("s", new double[][]{{1, 2}, {1, Double.NaN}})));
        assertTrue(e.getMessage().contains("'s'"), e.getMessage());
    }
}
