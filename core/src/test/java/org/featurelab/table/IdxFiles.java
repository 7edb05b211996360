package org.featurelab.table;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/** Writes small IDX files for tests (big-endian header and elements, optionally gzipped). */
public final class IdxFiles {
    private IdxFiles() {
    }

    /** The bytes of an IDX file with element type {@code type}, sizes {@code dims} and elements {@code values}. */
    public static byte[] bytes(int type, int[] dims, double[] values) {
        int size = switch (type) {
            case Idx.UBYTE, Idx.BYTE -> 1;
            case Idx.SHORT -> 2;
            case Idx.INT, Idx.FLOAT -> 4;
            default -> 8;
        };
        ByteBuffer buf = ByteBuffer.allocate(4 + 4 * dims.length + size * values.length);
        buf.put((byte) 0).put((byte) 0).put((byte) type).put((byte) dims.length);
        for (int d : dims) {
            buf.putInt(d);
        }
        for (double v : values) {
            switch (type) {
                case Idx.UBYTE, Idx.BYTE -> buf.put((byte) (int) v);
                case Idx.SHORT -> buf.putShort((short) v);
                case Idx.INT -> buf.putInt((int) v);
                case Idx.FLOAT -> buf.putFloat((float) v);
                default -> buf.putDouble(v);
            }
        }
        return buf.array();
    }

    /** Writes {@code bytes} to {@code file}, gzipped when {@code gzip}. */
    public static Path write(Path file, byte[] bytes, boolean gzip) throws IOException {
        if (gzip) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream z = new GZIPOutputStream(out)) {
                z.write(bytes);
            }
            bytes = out.toByteArray();
        }
        Files.write(file, bytes);
        return file;
    }

    /**
     * n images of rows×cols ubyte pixels and their labels in {0, …, classes−1}: the label of image i is i mod classes
     * and its pixels are bright (200–255) in the first half when the label is even, else in the second half,
     * so the classes are separable. Returns {images, labels}.
     */
    public static Path[] mnistLike(Path dir, int n, int rows, int cols, int classes, boolean gzip, long seed) throws IOException {
        SplittableRandom rng = new SplittableRandom(seed);
        int m = rows * cols;
        double[] pixels = new double[n * m];
        double[] labels = new double[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % classes;
            for (int j = 0; j < m; j++) {
                boolean bright = (j < m / 2) == (i % 2 == 0);
                pixels[i * m + j] = bright ? 200 + rng.nextInt(56) : rng.nextInt(40);
            }
        }
        Path images = write(dir.resolve("images.idx" + (gzip ? ".gz" : "")), bytes(Idx.UBYTE, new int[]{n, rows, cols}, pixels), gzip);
        Path lab = write(dir.resolve("labels.idx" + (gzip ? ".gz" : "")), bytes(Idx.UBYTE, new int[]{n}, labels), gzip);
        return new Path[]{images, lab};
    }
}
