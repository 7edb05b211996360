package org.featurelab.table;

import org.featurelab.linalg.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link Idx}: MNIST-format images and labels, plain and gzipped, every element type, and each error. */
class IdxTest {
    @TempDir
    Path dir;

    /** 2 images of 2×3 ubyte pixels, values chosen to hit 0 and 255. */
    private static final double[] PIXELS = {0, 51, 102, 153, 204, 255, 255, 0, 1, 2, 3, 128};

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void readsUnsignedByteImagesScaledToUnitIntervalAndLabels(boolean gzip) throws IOException {
        Path images = IdxFiles.write(dir.resolve("img"), IdxFiles.bytes(Idx.UBYTE, new int[]{2, 2, 3}, PIXELS), gzip);
        Path labels = IdxFiles.write(dir.resolve("lab"), IdxFiles.bytes(Idx.UBYTE, new int[]{2}, new double[]{7, 200}), gzip);
        Matrix x = Idx.readImages(images);
        assertEquals("2x6", x.shape());
        for (int i = 0; i < PIXELS.length; i++) {
            assertEquals(PIXELS[i] / 255.0, x.data()[i], 0.0);
        }
        assertArrayEquals(new int[]{7, 200}, Idx.readLabels(labels), "labels above 127 stay unsigned");
        Idx.Labeled both = Idx.readLabeled(images, labels);
        assertArrayEquals(new int[]{7, 200}, both.classes());
        assertEquals(Matrix.of(new double[][]{{1, 0}, {0, 1}}).toString(), both.oneHot().toString());
        assertEquals(both.fingerprint(), Idx.readLabeled(images, labels).fingerprint());
    }

    @Test
    void gzipIsDetectedByContentNotName() throws IOException {
        byte[] raw = IdxFiles.bytes(Idx.UBYTE, new int[]{3}, new double[]{1, 2, 3});
        Path zippedPlainName = IdxFiles.write(dir.resolve("labels.idx"), raw, true);
        Path plainGzName = IdxFiles.write(dir.resolve("labels.idx.gz"), raw, false);
        assertArrayEquals(new int[]{1, 2, 3}, Idx.readLabels(zippedPlainName));
        assertArrayEquals(new int[]{1, 2, 3}, Idx.readLabels(plainGzName));
    }

    @Test
    void everyElementTypeDecodes() throws IOException {
        double[] ints = {-3, 0, 5, 100};
        double[] reals = {-1.5, 0.25, 3.0, 1e-3};
        for (int type : new int[]{Idx.BYTE, Idx.SHORT, Idx.INT, Idx.FLOAT, Idx.DOUBLE}) {
            boolean real = type == Idx.FLOAT || type == Idx.DOUBLE;
            double[] v = real ? reals : ints;
            Path f = IdxFiles.write(dir.resolve("t" + type), IdxFiles.bytes(type, new int[]{2, 2}, v), false);
            Idx.Array a = Idx.read(f);
            assertEquals(type, a.type());
            assertArrayEquals(new int[]{2, 2}, a.dims());
            for (int i = 0; i < v.length; i++) {
                assertEquals(type == Idx.FLOAT ? (float) v[i] : v[i], a.values()[i], 0.0, "type " + type);
            }
            // only unsigned bytes are rescaled
            assertEquals(v[1], Idx.readImages(f).get(0, 1), 1e-7);
        }
        Path shorts = IdxFiles.write(dir.resolve("s"), IdxFiles.bytes(Idx.SHORT, new int[]{4}, ints), false);
        assertArrayEquals(new int[]{-3, 0, 5, 100}, Idx.readLabels(shorts));
    }

    @Test
    void missingFileBadMagicAndWrongKindNameTheFile() throws IOException {
        Path missing = dir.resolve("nope.idx");
        assertMessage(() -> Idx.readImages(missing), missing, "no such file");
        Path csv = Files.writeString(dir.resolve("data.csv"), "a,b\n1,2\n");
        assertMessage(() -> Idx.readImages(csv), csv, "bad magic number 0x612C620A");
        byte[] badType = IdxFiles.bytes(Idx.UBYTE, new int[]{2}, new double[]{1, 2});
        badType[2] = 0x0A;
        Path bt = IdxFiles.write(dir.resolve("badtype"), badType, false);
        assertMessage(() -> Idx.read(bt), bt, "bad magic number 0x00000A01");
        Path images = IdxFiles.write(dir.resolve("img"), IdxFiles.bytes(Idx.UBYTE, new int[]{2, 2, 3}, PIXELS), false);
        assertMessage(() -> Idx.readLabels(images), images, "not a labels file");
        Path floats = IdxFiles.write(dir.resolve("fl"), IdxFiles.bytes(Idx.FLOAT, new int[]{2}, new double[]{1, 2}), false);
        assertMessage(() -> Idx.readLabels(floats), floats, "floating point");
    }

    @Test
    void truncatedAndOverlongDataAreErrors() throws IOException {
        byte[] full = IdxFiles.bytes(Idx.UBYTE, new int[]{2, 2, 3}, PIXELS);
        Path shortData = IdxFiles.write(dir.resolve("short"), Arrays.copyOf(full, full.length - 1), false);
        assertMessage(() -> Idx.readImages(shortData), shortData, "truncated: sizes [2, 2, 3] need 28 bytes, the file has 27");
        Path shortHeader = IdxFiles.write(dir.resolve("hdr"), Arrays.copyOf(full, 9), false);
        assertMessage(() -> Idx.readImages(shortHeader), shortHeader, "truncated");
        Path longData = IdxFiles.write(dir.resolve("long"), Arrays.copyOf(full, full.length + 2), false);
        assertMessage(() -> Idx.readImages(longData), longData, "2 bytes after");
        // a gzip stream cut in half
        IdxFiles.write(dir.resolve("z"), full, true);
        byte[] z = Files.readAllBytes(dir.resolve("z"));
        Path cut = IdxFiles.write(dir.resolve("cut.gz"), Arrays.copyOf(z, z.length / 2), false);
        assertMessage(() -> Idx.readImages(cut), cut, "truncated gzip");
    }

    @Test
    void labelImageCountMismatchIsAnError() throws IOException {
        Path images = IdxFiles.write(dir.resolve("img"), IdxFiles.bytes(Idx.UBYTE, new int[]{2, 2, 3}, PIXELS), true);
        Path labels = IdxFiles.write(dir.resolve("lab"), IdxFiles.bytes(Idx.UBYTE, new int[]{3}, new double[]{1, 2, 3}), false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Idx.readLabeled(images, labels));
        assertTrue(e.getMessage().contains(images.toString()) && e.getMessage().contains(labels.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("2 images but 3 labels"), e.getMessage());
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, Path file, String fragment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        String m = e.getMessage();
        assertTrue(m.contains(file.toString()), m);
        assertTrue(m.contains(fragment), m);
        assertFalse(m.contains("\n"), "one line: " + m);
    }
}
