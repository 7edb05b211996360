package org.featurelab.table;

import org.featurelab.linalg.Matrix;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reader for IDX files, the format of the MNIST distribution, plain or gzip-compressed (detected by the gzip
 * magic bytes {@code 1f 8b}, not by the file name).
 *
 * <p>Layout (big-endian): two zero bytes, one type byte, one byte with the number of dimensions k ≥ 1, k 32-bit
 * sizes, then the elements in row-major order. Types: {@code 0x08} unsigned byte, {@code 0x09} signed byte,
 * {@code 0x0B} 16-bit int, {@code 0x0C} 32-bit int, {@code 0x0D} float, {@code 0x0E} double. MNIST images are
 * {@code 0x00000803} (ubyte, n×rows×cols), labels {@code 0x00000801} (ubyte, n).
 *
 * <p>Every problem (missing file, bad magic, truncated or over-long data, label/image count mismatch) is an
 * {@link IllegalArgumentException} whose one-sentence message names the file.
 */
public final class Idx {
    /** Element type codes of the third magic byte. */
    public static final int UBYTE = 0x08, BYTE = 0x09, SHORT = 0x0B, INT = 0x0C, FLOAT = 0x0D, DOUBLE = 0x0E;

    private Idx() {
    }

    /**
     * One decoded IDX array.
     *
     * @param type   element type code ({@link #UBYTE} …)
     * @param dims   sizes, outermost first
     * @param values the elements as doubles, row-major, unscaled
     */
    public record Array(int type, int[] dims, double[] values) {
        public Array {
            dims = dims.clone();
        }

        @Override
        public int[] dims() {
            return dims.clone();
        }
    }

    /**
     * Images and their labels, row i of {@code x} belonging to {@code labels[i]}.
     *
     * @param x      n×(rows·cols) pixels; unsigned-byte pixels scaled to [0, 1] (value/255)
     * @param labels n labels
     */
    public record Labeled(Matrix x, int[] labels) {
        public Labeled {
            if (x.rows() != labels.length) {
                throw new IllegalArgumentException("idx data: " + x.rows() + " images but " + labels.length + " labels");
            }
            labels = labels.clone();
        }

        @Override
        public int[] labels() {
            return labels.clone();
        }

        /** The distinct label values, ascending: class k of {@link #oneHot()} is {@code classes()[k]}. */
        public int[] classes() {
            return Arrays.stream(labels).distinct().sorted().toArray();
        }

        /** One-hot targets n×c over {@link #classes()}: Y[i, k] = 1 when labels[i] = classes()[k]. */
        public Matrix oneHot() {
            int[] classes = classes();
            Matrix y = Matrix.zeros(labels.length, classes.length);
            for (int i = 0; i < labels.length; i++) {
                y.set(i, Arrays.binarySearch(classes, labels[i]), 1.0);
            }
            return y;
        }

        /** SHA-256 (hex) of the shape, the pixels (IEEE doubles) and the labels: the data fingerprint for provenance. */
        public String fingerprint() {
            MessageDigest md;
            try {
                md = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is not available", e);
            }
            ByteBuffer head = ByteBuffer.allocate(8).putInt(x.rows()).putInt(x.cols());
            md.update(head.array());
            ByteBuffer buf = ByteBuffer.allocate(8 * x.data().length + 4 * labels.length);
            for (double v : x.data()) {
                buf.putDouble(v);
            }
            for (int v : labels) {
                buf.putInt(v);
            }
            md.update(buf.array());
            return HexFormat.of().formatHex(md.digest());
        }
    }

    /** Reads an images file and a labels file and checks that their counts agree. */
    public static Labeled readLabeled(Path images, Path labels) {
        Matrix x = readImages(images);
        int[] y = readLabels(labels);
        if (x.rows() != y.length) {
            throw new IllegalArgumentException("idx files " + images + " and " + labels + " do not match: "
                    + x.rows() + " images but " + y.length + " labels");
        }
        return new Labeled(x, y);
    }

    /**
     * An images file as an n×m matrix, m the product of all sizes but the first (rows·cols for MNIST).
     * Unsigned-byte values are scaled to [0, 1] (divided by 255); other types are returned unscaled.
     */
    public static Matrix readImages(Path file) {
        Array a = read(file);
        int[] dims = a.dims();
        int n = dims[0];
        int m = 1;
        for (int k = 1; k < dims.length; k++) {
            m *= dims[k];
        }
        double[] v = a.values();
        if (a.type() == UBYTE) {
            for (int i = 0; i < v.length; i++) {
                v[i] /= 255.0;
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("idx file " + file + " holds no images");
        }
        return Matrix.wrap(n, m, v);
    }

    /** A one-dimensional integer-typed (ubyte, byte, short, int) labels file. */
    public static int[] readLabels(Path file) {
        Array a = read(file);
        if (a.dims().length != 1) {
            throw new IllegalArgumentException("idx file " + file + " is not a labels file: it has " + a.dims().length
                    + " dimensions " + Arrays.toString(a.dims()) + ", labels have 1");
        }
        if (a.type() == FLOAT || a.type() == DOUBLE) {
            throw new IllegalArgumentException("idx file " + file + " is not a labels file: its elements are floating point");
        }
        double[] v = a.values();
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (int) v[i];
        }
        return out;
    }

    /** Reads and decodes any IDX file (gunzipping it first when it starts with 1f 8b). */
    public static Array read(Path file) {
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("idx file " + file + ": no such file");
        }
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException("idx file " + file + " is a directory, not a file");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
            bytes = gunzip(file, bytes);
        }
        return decode(file, bytes);
    }

    private static byte[] gunzip(Path file, byte[] bytes) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        } catch (ZipException e) {
            throw new IllegalArgumentException("idx file " + file + " is not valid gzip (" + e.getMessage() + ")");
        } catch (IOException e) { // EOFException for a cut-off stream
            throw new IllegalArgumentException("idx file " + file + " is a truncated gzip stream");
        }
    }

    private static Array decode(Path file, byte[] bytes) {
        if (bytes.length < 4 || bytes[0] != 0 || bytes[1] != 0) {
            throw new IllegalArgumentException("idx file " + file + " has a bad magic number " + magicHex(bytes)
                    + " (expected 0x000008NN-0x00000ENN, e.g. 0x00000803 for images, 0x00000801 for labels)");
        }
        int type = bytes[2] & 0xff;
        int size = elementSize(type);
        int rank = bytes[3] & 0xff;
        if (size == 0 || rank == 0) {
            throw new IllegalArgumentException("idx file " + file + " has a bad magic number " + magicHex(bytes)
                    + " (type byte must be 08, 09, 0B, 0C, 0D or 0E and at least one dimension)");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
        int header = 4 + 4 * rank;
        if (bytes.length < header) {
            throw new IllegalArgumentException("idx file " + file + " is truncated: " + bytes.length
                    + " bytes, the header alone needs " + header);
        }
        int[] dims = new int[rank];
        long count = 1;
        for (int k = 0; k < rank; k++) {
            dims[k] = buf.getInt(4 + 4 * k);
            if (dims[k] < 0) {
                throw new IllegalArgumentException("idx file " + file + " has a negative size " + dims[k] + " in dimension " + k);
            }
            count *= dims[k];
            if (count > Integer.MAX_VALUE - 16) {
                throw new IllegalArgumentException("idx file " + file + " declares more than 2^31 elements " + Arrays.toString(dims));
            }
        }
        long expected = header + count * size;
        if (bytes.length < expected) {
            throw new IllegalArgumentException("idx file " + file + " is truncated: sizes " + Arrays.toString(dims) + " need "
                    + expected + " bytes, the file has " + bytes.length);
        }
        if (bytes.length > expected) {
            throw new IllegalArgumentException("idx file " + file + " has " + (bytes.length - expected)
                    + " bytes after the " + count + " elements its sizes " + Arrays.toString(dims) + " declare");
        }
        double[] v = new double[(int) count];
        buf.position(header);
        for (int i = 0; i < v.length; i++) {
            v[i] = switch (type) {
                case UBYTE -> buf.get() & 0xff;
                case BYTE -> buf.get();
                case SHORT -> buf.getShort();
                case INT -> buf.getInt();
                case FLOAT -> buf.getFloat();
                default -> buf.getDouble();
            };
        }
        return new Array(type, dims, v);
    }

    private static int elementSize(int type) {
        return switch (type) {
            case UBYTE, BYTE -> 1;
            case SHORT -> 2;
            case INT, FLOAT -> 4;
            case DOUBLE -> 8;
            default -> 0;
        };
    }

    private static String magicHex(byte[] bytes) {
        StringBuilder sb = new StringBuilder("0x");
        for (int i = 0; i < 4; i++) {
            sb.append(i < bytes.length ? String.format("%02X", bytes[i] & 0xff) : "--");
        }
        return sb.toString();
    }
}
