package org.featurelab.report;

import org.featurelab.report.BenchmarkReport.Row;
import org.featurelab.report.BenchmarkReport.Spec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.featurelab.report.HeatMapTest.decode;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link BenchmarkReport}: per-dataset means and pairs on a hand-made input (scores are binary fractions, so the
 * means are exact), the written page (embedded PNGs, table, escaping) and empty inputs.
 */
class BenchmarkReportTest {
    private static final String PNG_URI = "data:image/png;base64,";

    /**
     * rfm: iris folds 0.5, 1.0; wine 0.875, NaN; x&lt;y 0.25. laplace: iris 0.5, 0.75; wine 0.875, 0.875.
     * m&lt;1: iris 1.0; x&lt;y 0.125. Seconds are 1 per unit.
     */
    private static List<Row> rows() {
        return List.of(
                new Row("iris", 0, "rfm", 0.5, 1), new Row("iris", 1, "rfm", 1.0, 1),
                new Row("iris", 0, "laplace", 0.5, 1), new Row("iris", 1, "laplace", 0.75, 1),
                new Row("wine", 0, "rfm", 0.875, 1), new Row("wine", 1, "rfm", Double.NaN, 1),
                new Row("wine", 0, "laplace", 0.875, 1), new Row("wine", 1, "laplace", 0.875, 1),
                new Row("x<y", 0, "rfm", 0.25, 1), new Row("x<y", 0, "m<1", 0.125, 1),
                new Row("iris", 0, "m<1", 1.0, 1));
    }

    private static int count(String haystack, String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }

    @Test
    void datasetMeansAverageFoldsAndSkipNaN() {
        Map<String, Double> rfm = BenchmarkReport.datasetMeans(rows(), "rfm");
        assertEquals(List.of("iris", "wine", "x<y"), List.copyOf(rfm.keySet()), "dataset order of first appearance");
        assertEquals((0.5 + 1.0) / 2, rfm.get("iris"));
        assertEquals(0.75, rfm.get("iris"));
        assertEquals(0.875, rfm.get("wine"), "the NaN fold is skipped, not averaged in");
        assertEquals(0.25, rfm.get("x<y"));

        Map<String, Double> laplace = BenchmarkReport.datasetMeans(rows(), "laplace");
        assertEquals(Map.of("iris", 0.625, "wine", 0.875), laplace, "only datasets where the model has rows");
        assertTrue(BenchmarkReport.datasetMeans(rows(), "absent").isEmpty());
        List<Row> allNaN = List.of(new Row("d", 0, "m", Double.NaN, 1), new Row("d", 1, "m", Double.NaN, 1));
        assertTrue(BenchmarkReport.datasetMeans(allNaN, "m").isEmpty(), "no finite score, no dataset");
    }

    @Test
    void pairedMeansKeepOnlySharedDatasetsInOrder() {
        List<double[]> rl = BenchmarkReport.pairedMeans(rows(), "rfm", "laplace");
        assertEquals(2, rl.size(), "x<y has no laplace rows");
        assertArrayEquals(new double[]{0.75, 0.625}, rl.get(0));
        assertArrayEquals(new double[]{0.875, 0.875}, rl.get(1));

        List<double[]> rm = BenchmarkReport.pairedMeans(rows(), "rfm", "m<1");
        assertEquals(2, rm.size(), "wine has no m<1 rows");
        assertArrayEquals(new double[]{0.75, 1.0}, rm.get(0), "iris first: it appears first in the rows");
        assertArrayEquals(new double[]{0.25, 0.125}, rm.get(1));

        assertEquals(1, BenchmarkReport.pairedMeans(rows(), "laplace", "m<1").size());
        assertTrue(BenchmarkReport.pairedMeans(rows(), "rfm", "absent").isEmpty());
        assertArrayEquals(new int[]{1, 1, 0}, ScatterChart.sides(List.of(new double[]{0, 1},
                new double[]{0.5, 0.5 + 1e-12})), "above, on (within 1e-9), below");
    }

    @Test
    void writeEmbedsChartsTableAndEscapesNames(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bench").resolve("report.html");
        Spec spec = new Spec("Bench <1>", "test accuracy", List.of("rfm", "laplace", "m<1", "ghost"));
        BenchmarkReport.write(file, spec, rows(), List.of("cmd: featurelab bench --folds 2", "machine: test"));
        String html = Files.readString(file, StandardCharsets.UTF_8);

        // scatter rfm–laplace, scatter rfm–m<1, none for ghost; score box plot; time box plot
        assertEquals(4, count(html, PNG_URI));
        Matcher m = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(html);
        assertTrue(m.find());
        BufferedImage scatter = decode(Base64.getDecoder().decode(m.group(1)));
        assertEquals(ScatterChart.SIZE, scatter.getWidth());
        assertEquals(ScatterChart.SIZE, scatter.getHeight());
        List<BufferedImage> all = new ArrayList<>();
        all.add(scatter);
        while (m.find()) {
            all.add(decode(Base64.getDecoder().decode(m.group(1))));
        }
        assertEquals(BoxPlot.WIDTH, all.get(3).getWidth());
        assertEquals(BoxPlot.HEIGHT, all.get(3).getHeight());

        // rfm: datasets iris 0.75, wine 0.875, x<y 0.25 → mean 0.625, median 0.75; 5 units of 1 second
        String rfmRow = "<tr><td>rfm</td><td class=\"num\">3</td><td class=\"num\">"
                + BenchmarkReport.format((0.75 + 0.875 + 0.25) / 3) + "</td><td class=\"num\">0.7500</td>"
                + "<td class=\"num\">5.00</td></tr>";
        assertTrue(html.contains(rfmRow), "rfm table row");
        assertEquals("0.6250", BenchmarkReport.format(0.625));
        assertTrue(html.contains("<td>ghost</td><td class=\"num\">0</td><td>–</td><td>–</td>"), "empty model row");
        assertTrue(html.contains("over 2 datasets: 0 above the diagonal, 1 on it, 1 below"),
                "laplace vs rfm: iris below, wine on");
        assertTrue(html.contains("over 2 datasets: 1 above the diagonal, 0 on it, 1 below"),
                "m<1 vs rfm: iris above, x<y below");
        assertTrue(html.contains("Nothing to plot for ghost against rfm"));
        assertTrue(html.contains("<p>cmd: featurelab bench --folds 2</p>"));

        assertTrue(html.contains("<p>3 datasets: iris, wine, x&lt;y.</p>"), "dataset list, escaped");
        assertTrue(html.contains("<td>m&lt;1</td>") && html.contains("Bench &lt;1&gt;"));
        assertFalse(html.contains("m<1") || html.contains("x<y") || html.contains("<1>"), "no raw '<' from data");
    }

    @Test
    void emptyRowsGiveAPageWithoutCharts(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("empty.html");
        BenchmarkReport.write(file, new Spec("Empty", "score", List.of("rfm", "laplace")), List.of(), null);
        String html = Files.readString(file, StandardCharsets.UTF_8);
        assertEquals(0, count(html, PNG_URI));
        assertEquals(3, count(html, "Nothing to plot"), "one scatter and two box plots");

        BenchmarkReport.write(file, new Spec("One", "score", List.of("rfm")), rows(), List.of());
        html = Files.readString(file, StandardCharsets.UTF_8);
        assertEquals(2, count(html, PNG_URI), "no scatter with a single model, two box plots");
        assertTrue(html.contains("Nothing to plot: there is only one model."));
    }

    @Test
    void specRejectsBadModels() {
        assertThrows(IllegalArgumentException.class, () -> new Spec("t", "s", List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Spec("t", "s", List.of("a", "a")));
        assertThrows(NullPointerException.class, () -> new Row(null, 0, "m", 1, 1));
    }
}
