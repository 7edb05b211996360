package org.featurelab.experiment;

import org.featurelab.linalg.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.featurelab.testing.Close.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link NetworkData#mnist} on tiny IDX directories written here (uncompressed, 2×2 images), and
 * {@link NetworkData#standardized}. Each image encodes where it came from, as bytes: pixel 0 = 10 (train) or 200 (t10k), pixel 1 = its row index in its file, pixel 2 = its label, pixel 3 = 7
 * (constant). So the test can tell which file and row every selected row was read from, and that labels stay paired
 * with their images.
 */
class NetworkDataTest {
    private static final int TRAIN = 30;
    private static final int T10K = 12;

    @TempDir
    Path dir;

    @Test
    void testRowsComeFromT10kWhenPresentElseFromFurtherTrainingRows() throws IOException {
        Path without = Files.createDirectories(dir.resolve("without"));
        Path with = Files.createDirectories(dir.resolve("with"));
        for (Path d : new Path[]{without, with}) {
            writeImages(d.resolve("train-images-idx3-ubyte"), TRAIN, 10);
            writeLabels(d.resolve("train-labels-idx1-ubyte"), TRAIN);
        }
        writeImages(with.resolve("t10k-images-idx3-ubyte"), T10K, 200);
        writeLabels(with.resolve("t10k-labels-idx1-ubyte"), T10K);

        NetworkData a = NetworkData.mnist(without, 20, 8, 5);
        NetworkData b = NetworkData.mnist(with, 20, 8, 5);
        assertTrue(a.source().contains("further rows of the training file"), a.source());
        assertTrue(b.source().contains("t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte"), b.source());
        assertTrue(b.source().startsWith("IDX dir "), b.source());
        // the training rows are the same seeded subsample either way, all from the training file
        assertArrayEquals(a.train().inputs().data(), b.train().inputs().data());
        Set<Integer> trainRows = rows(a.train().inputs(), 10);
        assertEquals(20, trainRows.size());
        // without t10k: 8 further training-file rows, disjoint from the training rows
        Set<Integer> furtherRows = rows(a.test().inputs(), 10);
        assertEquals(8, furtherRows.size());
        furtherRows.forEach(i -> assertTrue(!trainRows.contains(i), "test row " + i + " is also a training row"));
        // with t10k: 8 distinct t10k rows
        assertEquals(8, rows(b.test().inputs(), 200).size());
        for (NetworkData nd : new NetworkData[]{a, b}) {
            labelsFollowImages(nd.train().inputs(), nd.train().targets());
            labelsFollowImages(nd.test().inputs(), nd.test().targets());
        }
        // another seed draws another t10k subsample (12 choose 8 = 495 subsets; the same one for 5 seeds would be a bug)
        boolean differs = false;
        for (long seed = 6; seed < 11 && !differs; seed++) {
            differs = !rows(NetworkData.mnist(with, 20, 8, seed).test().inputs(), 200).equals(rows(b.test().inputs(), 200));
        }
        assertTrue(differs, "t10k subsample does not depend on the seed");

        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class, () -> NetworkData.mnist(with, 20, 13, 5));
        assertEquals("13 test rows exceed the 12 images in " + with.resolve("t10k-images-idx3-ubyte"), tooMany.getMessage());
        // with t10k the whole training file may be used for training
        assertEquals(TRAIN, NetworkData.mnist(with, TRAIN, 12, 5).train().size());
        assertThrows(IllegalArgumentException.class, () -> NetworkData.mnist(without, TRAIN, 1, 5));
        Files.delete(with.resolve("t10k-labels-idx1-ubyte"));
        IllegalArgumentException half = assertThrows(IllegalArgumentException.class, () -> NetworkData.mnist(with, 20, 8, 5));
        assertTrue(half.getMessage().contains("t10k-images without t10k-labels"), half.getMessage());
    }

    @Test
    void standardizedUsesTrainingStatisticsOnly() throws IOException {
        writeImages(dir.resolve("train-images-idx3-ubyte"), TRAIN, 10);
        writeLabels(dir.resolve("train-labels-idx1-ubyte"), TRAIN);
        writeImages(dir.resolve("t10k-images-idx3-ubyte"), T10K, 200);
        writeLabels(dir.resolve("t10k-labels-idx1-ubyte"), T10K);
        NetworkData raw = NetworkData.mnist(dir, 20, 8, 3);
        NetworkData z = raw.standardized();
        Matrix x = raw.train().inputs();
        for (int j = 0; j < 4; j++) {
            double[] col = x.column(j);
            double mean = 0;
            for (double v : col) {
                mean += v / col.length;
            }
            double var = 0;
            for (double v : col) {
                var += (v - mean) * (v - mean) / col.length;
            }
            double[] zc = z.train().inputs().column(j);
            double zMean = 0;
            double zSq = 0;
            for (double v : zc) {
                zMean += v / zc.length;
                zSq += v * v / zc.length;
            }
            assertClose(zMean, 0, 0, 1e-12, "column " + j + " mean");
            // pixels 0 (the file marker) and 3 are constant on the training rows (σ = 0 up to round-off): centred only,
            // so all zero; the others have unit (population) variance
            boolean constant = j == 0 || j == 3;
            assertClose(zSq, constant ? 0 : 1, 1e-12, 1e-12, "column " + j + " second moment");
            double sd = Math.sqrt(var);
            for (int i = 0; i < z.test().size(); i++) {
                double expected = (raw.test().inputs().get(i, j) - mean) / (constant ? 1 : sd);
                assertClose(z.test().inputs().get(i, j), expected, 1e-12, 1e-12, "test row " + i + " column " + j);
            }
        }
        assertArrayEquals(raw.test().targets().data(), z.test().targets().data());
        NetworkData half = z.inputsScaled(0.5);
        assertClose(half.train().inputs().get(2, 1), 0.5 * z.train().inputs().get(2, 1), 1e-15, 0, "scaled");
    }

    /** The row indices (pixel 1) of the rows of {@code x}, all of which must carry {@code marker} in pixel 0. */
    private static Set<Integer> rows(Matrix x, int marker) {
        Set<Integer> out = new HashSet<>();
        for (int i = 0; i < x.rows(); i++) {
            assertEquals(marker, (int) Math.round(x.get(i, 0) * 255), "file marker of row " + i);
            out.add((int) Math.round(x.get(i, 1) * 255));
        }
        assertEquals(x.rows(), out.size(), "rows drawn twice");
        return out;
    }

    /** One-hot column = label: the labels written are i mod 3, classes {0, 1, 2}. */
    private static void labelsFollowImages(Matrix x, Matrix y) {
        assertEquals(3, y.cols());
        for (int i = 0; i < x.rows(); i++) {
            int label = (int) Math.round(x.get(i, 2) * 255);
            for (int k = 0; k < 3; k++) {
                assertEquals(k == label ? 1.0 : 0.0, y.get(i, k), "row " + i + " class " + k);
            }
        }
    }

    private static void writeImages(Path file, int n, int marker) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(16 + 4 * n).putInt(0x00000803).putInt(n).putInt(2).putInt(2);
        for (int i = 0; i < n; i++) {
            b.put((byte) marker).put((byte) i).put((byte) (i % 3)).put((byte) 7);
        }
        Files.write(file, b.array());
    }

    private static void writeLabels(Path file, int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(8 + n).putInt(0x00000801).putInt(n);
        for (int i = 0; i < n; i++) {
            b.put((byte) (i % 3));
        }
        Files.write(file, b.array());
    }
}
