package org.featurelab.report;

import org.featurelab.linalg.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Point;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link HeatMap}: image size, the colour of every cell sampled at its centre, labels and validation. */
class HeatMapTest {
    private static final List<String> IRIS = List.of("sepal_length", "sepal_width", "petal_length", "petal_width");

    /** A 5×4 matrix with both signs: max 0.95 at (2, 2), min −0.6 at (4, 1), one zero, one NaN. */
    private static Matrix mixedSigns() {
        return Matrix.of(new double[][]{
                {0.12, -0.05, 0.31, 0.22},
                {-0.05, 0.0, -0.11, -0.08},
                {0.31, -0.11, 0.95, 0.60},
                {0.22, -0.08, 0.60, Double.NaN},
                {0.10, -0.60, 0.20, 0.30}});
    }

    private static List<String> rowNames() {
        return List.of("sepal_length", "sepal_width", "petal_length", "petal_width", "bias");
    }

    static BufferedImage decode(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertTrue(image != null, "bytes decode as an image");
        return image;
    }

    private static Color pixel(BufferedImage image, Point p) {
        return new Color(image.getRGB(p.x, p.y));
    }

    @Test
    void pngDecodesToTheLaidOutSize() throws IOException {
        Matrix m = mixedSigns();
        BufferedImage image = decode(HeatMap.pngBytes(m, rowNames(), IRIS, "M"));
        HeatMapLayout lay = HeatMap.layout(m, rowNames(), IRIS, "M");
        assertEquals(lay.width(), image.getWidth());
        assertEquals(lay.height(), image.getHeight());
        assertEquals(HeatMapLayout.MAX_CELL, lay.cell(), "small matrices get the largest cells");
        assertTrue(lay.rowLabels() && lay.colLabels(), "names shown for 5×4");
    }

    @Test
    void everyCellCentreHasTheScaleColourOfItsValue() throws IOException {
        Matrix m = mixedSigns();
        BufferedImage image = decode(HeatMap.pngBytes(m, rowNames(), IRIS, "M"));
        HeatMapLayout lay = HeatMap.layout(m, rowNames(), IRIS, "M");
        ColorScale scale = HeatMap.scaleOf(m);
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) {
                assertEquals(scale.colorOf(m.get(i, j)), pixel(image, lay.cellCentre(i, j)), "cell (" + i + "," + j + ")");
            }
        }
    }

    @Test
    void maxCellIsRedMinCellBlueZeroNearWhiteNaNGrey() throws IOException {
        Matrix m = mixedSigns();
        BufferedImage image = decode(HeatMap.pngBytes(m, rowNames(), IRIS, null));
        HeatMapLayout lay = HeatMap.layout(m, rowNames(), IRIS, null);
        Color max = pixel(image, lay.cellCentre(2, 2));
        Color min = pixel(image, lay.cellCentre(4, 1));
        Color zero = pixel(image, lay.cellCentre(1, 1));
        assertNotEquals(max, min);
        assertTrue(max.getRed() > 150 && max.getBlue() < 80, "max is red: " + max);
        assertTrue(min.getBlue() > min.getRed() + 40, "min is blue: " + min);
        assertTrue(zero.getRed() > 240 && zero.getGreen() > 240 && zero.getBlue() > 240, "zero is near white: " + zero);
        assertEquals(ColorScale.MISSING, pixel(image, lay.cellCentre(3, 3)), "NaN cell");
    }

    @Test
    void nonNegativeMatrixUsesSequentialScaleFromMinToMax() throws IOException {
        Matrix m = Matrix.of(new double[][]{{1, 2}, {3, 5}});
        List<String> names = List.of("a", "b");
        ColorScale scale = HeatMap.scaleOf(m);
        assertFalse(scale.diverging());
        assertEquals(1.0, scale.low());
        assertEquals(5.0, scale.high());
        BufferedImage image = decode(HeatMap.pngBytes(m, names, names, "sequential"));
        HeatMapLayout lay = HeatMap.layout(m, names, names, "sequential");
        Color low = pixel(image, lay.cellCentre(0, 0));
        Color high = pixel(image, lay.cellCentre(1, 1));
        assertEquals(new Color(0x440154), low, "viridis start");
        assertEquals(new Color(0xFDE725), high, "viridis end");
    }

    @Test
    void largeMatrixHidesNamesAndStaysCompact() throws IOException {
        int n = 100;
        Matrix m = Matrix.zeros(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m.set(i, j, Math.exp(-Math.abs(i - j) / 10.0));
            }
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add("feature_" + i);
        }
        HeatMapLayout lay = HeatMap.layout(m, names, names, "100 features");
        assertFalse(lay.rowLabels() || lay.colLabels(), "names hidden beyond 40 features");
        assertEquals(HeatMapLayout.TARGET_PLOT / n, lay.cell());
        assertEquals(5, lay.tickStep(), "index ticks every 5 entries at 7 px cells");
        BufferedImage image = decode(HeatMap.pngBytes(m, names, names, "100 features"));
        assertEquals(lay.width(), image.getWidth());
        assertTrue(image.getWidth() < 1000 && image.getHeight() < 1000, image.getWidth() + "x" + image.getHeight());
        assertEquals(HeatMap.scaleOf(m).colorOf(1.0), pixel(image, lay.cellCentre(50, 50)), "diagonal cell");
    }

    @Test
    void fortyFeaturesStillShowNames() {
        List<String> names = Collections.nCopies(HeatMapLayout.MAX_LABELLED, "petal_length");
        Matrix m = Matrix.identity(HeatMapLayout.MAX_LABELLED);
        HeatMapLayout lay = HeatMap.layout(m, names, names, "t");
        assertTrue(lay.rowLabels() && lay.colLabels());
    }

    @Test
    void longNamesAreCutSoTheyDoNotWidenTheImage() {
        Matrix m = Matrix.identity(2);
        String cut = "x".repeat(Labels.MAX_CHARS - 1) + "…";
        HeatMapLayout huge = HeatMap.layout(m, List.of("x".repeat(300), "y"), List.of("a", "b"), null);
        HeatMapLayout fit = HeatMap.layout(m, List.of(cut, "y"), List.of("a", "b"), null);
        assertEquals(fit.width(), huge.width());
        assertEquals(cut, Labels.shorten("x".repeat(300)));
    }

    @Test
    void rejectsMismatchedLabelsAndEmptyMatrices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HeatMap.pngBytes(mixedSigns(), IRIS, IRIS, "t"));
        assertTrue(e.getMessage().contains("5x4") && e.getMessage().contains("4 row labels"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> HeatMap.pngBytes(Matrix.zeros(0, 0), List.of(), List.of(), "t"));
    }

    @Test
    void colourBarTicksAreShortNumbers() {
        assertEquals("0", HeatMap.format(0.0));
        assertEquals("0.5", HeatMap.format(0.5));
        assertEquals("-0.475", HeatMap.format(-0.475));
        assertEquals("12.3", HeatMap.format(12.345));
        assertEquals("1.5e-05", HeatMap.format(1.5e-5));
        assertEquals("1", HeatMap.format(1.0));
    }

    @Test
    void writePngCreatesDecodableFileWithoutLeftovers(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("plots").resolve("m.png");
        HeatMap.writePng(mixedSigns(), rowNames(), IRIS, "M", out);
        BufferedImage image = decode(Files.readAllBytes(out));
        assertEquals(HeatMap.layout(mixedSigns(), rowNames(), IRIS, "M").width(), image.getWidth());
        try (Stream<Path> files = Files.list(out.getParent())) {
            assertEquals(List.of(out), files.toList());
        }
    }
}
