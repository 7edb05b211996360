package org.featurelab.io;

import org.featurelab.linalg.Matrix;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * NumPy's {@code .npy} arrays (format versions 1–3: the magic {@code \x93NUMPY}, a version, a little-endian header
 * length, a Python-literal header {@code {'descr': '<f4', 'fortran_order': False, 'shape': (n, d), }} and the raw
 * data) and {@code .npz} archives of them (a ZIP of {@code <name>.npy} entries, stored or deflated). Read as float64
 * matrices: descr {@code <f8 <f4 <f2 <i8 <i4 <i2 |i1 |u1 |b1} (little-endian or single-byte), C or Fortran order;
 * rank 0, 1 or 2 (a 1-D array of length n is an n×1 column). Every inconsistency is one
 * {@link IllegalArgumentException} naming the file.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private Npy() {
    }

    /** The array of a {@code .npy} file. */
    public static Matrix read(Path file) {
        try {
            return parse(Files.readAllBytes(file), "npy file " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The arrays of a {@code .npz} file, by entry name without {@code .npy}, in archive order. */
    public static Map<String, Matrix> readArchive(Path file) {
        Map<String, Matrix> out = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                String name = e.getName();
                if (!name.endsWith(".npy")) {
                    continue;
                }
                String key = name.substring(0, name.length() - 4);
                out.put(key, parse(zip.readAllBytes(), "npz file " + file + ", array '" + key + "'"));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("npz file " + file + " is not a readable ZIP archive: " + e.getMessage());
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("npz file " + file + " holds no .npy arrays");
        }
        return out;
    }

    /** One {@code .npy} byte image. */
    static Matrix parse(byte[] bytes, String where) {
        if (bytes.length < 10 || !java.util.Arrays.equals(java.util.Arrays.copyOf(bytes, 6), MAGIC)) {
            throw new IllegalArgumentException(where + " is not a NumPy array (no \\x93NUMPY magic)");
        }
        int major = bytes[6];
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int headerStart = major == 1 ? 10 : 12;
        if (bytes.length < headerStart) {
            throw new IllegalArgumentException(where + " is truncated: " + bytes.length + " bytes, no header length");
        }
        long headerLength = major == 1 ? b.getShort(8) & 0xffff : b.getInt(8) & 0xffffffffL;
        if (major < 1 || major > 3 || headerStart + headerLength > bytes.length) {
            throw new IllegalArgumentException(where + " has format version " + major + " or a header past its end");
        }
        String header = new String(bytes, headerStart, (int) headerLength,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        String descr = group(DESCR, header, where, "descr");
        boolean fortran = group(FORTRAN, header, where, "fortran_order").equals("True");
        String[] dims = group(SHAPE, header, where, "shape").split(",");
        long[] shape;
        try {
            shape = java.util.Arrays.stream(dims).map(String::strip).filter(s -> !s.isEmpty())
                    .mapToLong(Long::parseLong).toArray();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + " has a shape that is not a tuple of integers: " + header.strip());
        }
        for (long dim : shape) {
            if (dim < 0 || dim > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(where + " has a dimension of " + dim);
            }
        }
        if (shape.length == 2 && shape[0] * shape[1] > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(where + " has more than 2³¹ − 1 entries");
        }
        if (shape.length > 2) {
            throw new IllegalArgumentException(where + " has rank " + shape.length + "; featurelab reads rank 0, 1 or 2");
        }
        int rows = shape.length == 0 ? 1 : (int) shape[0];
        int cols = shape.length == 2 ? (int) shape[1] : 1;
        int size = switch (descr) {
            case "<f8", "<i8" -> 8;
            case "<f4", "<i4" -> 4;
            case "<f2", "<i2" -> 2;
            case "|i1", "|u1", "|b1" -> 1;
            default -> throw new IllegalArgumentException(where + " has dtype '" + descr + "'; featurelab reads "
                    + "little-endian float64/32/16 and int64/32/16/8, uint8 and bool");
        };
        long count = (long) rows * cols;
        int dataStart = headerStart + (int) headerLength;
        if (bytes.length - (long) dataStart != count * size) {
            throw new IllegalArgumentException(where + ": " + (bytes.length - dataStart) + " data bytes for shape "
                    + java.util.Arrays.toString(shape) + " of '" + descr + "' (expected " + count * size + ")");
        }
        b.position(dataStart);
        double[] data = new double[(int) count];
        for (int i = 0; i < data.length; i++) {
            double v = switch (descr) {
                case "<f8" -> b.getDouble();
                case "<f4" -> b.getFloat();
                case "<f2" -> Safetensors.halfToDouble(b.getShort());
                case "<i8" -> b.getLong();
                case "<i4" -> b.getInt();
                case "<i2" -> b.getShort();
                case "|u1", "|b1" -> b.get() & 0xff;
                default -> b.get();
            };
            int r = fortran ? i % rows : i / cols;
            int c = fortran ? i / rows : i % cols;
            data[r * cols + c] = v;
        }
        return Matrix.wrap(rows, cols, data);
    }

    private static String group(Pattern p, String header, String where, String key) {
        Matcher m = p.matcher(header);
        if (!m.find()) {
            throw new IllegalArgumentException(where + " has a header without '" + key + "': " + header.strip());
        }
        return m.group(1);
    }
}
