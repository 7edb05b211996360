package org.featurelab.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.featurelab.linalg.Matrix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The safetensors format (Hugging Face; what PyTorch's {@code safetensors.torch.save_file} and JAX/Flax users write):
 * an 8-byte little-endian unsigned header length N, N bytes of UTF-8 JSON {@code {"<name>": {"dtype": "F32",
 * "shape": [d0, d1], "data_offsets": [begin, end]}, …, "__metadata__": {…}}}, then the byte buffer the offsets point
 * into (relative to its start), row-major little-endian. Read: F64, F32, F16 and BF16, widened exactly to float64;
 * tensors of rank 0, 1 or 2 become 1×1, 1×d or d0×d1 matrices. Written: F64 (exact), tensors in the given order.
 * Every inconsistency is one {@link IllegalArgumentException} naming the file and the tensor.
 */
public final class Safetensors {
    /** Headers larger than this are refused (the format's reference implementation uses 100 MB). */
    static final long MAX_HEADER_BYTES = 100L << 20;

    private Safetensors() {
    }

    /** The tensors of {@code file}, in header order (the {@code __metadata__} entry skipped). */
    public static Map<String, Matrix> read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        String where = "safetensors file " + file;
        if (bytes.length < 8) {
            throw new IllegalArgumentException(where + " is truncated: " + bytes.length + " bytes, no 8-byte header length");
        }
        long headerLength = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (headerLength < 2 || headerLength > MAX_HEADER_BYTES || headerLength > bytes.length - 8L) {
            throw new IllegalArgumentException(where + " has a header length of " + Long.toUnsignedString(headerLength)
                    + " bytes, past its " + (bytes.length - 8) + " bytes after the length field");
        }
        JsonNode header;
        try {
            header = Json.mapper().readTree(new String(bytes, 8, (int) headerLength, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalArgumentException(where + " has a header that is not JSON: " + e.getMessage());
        }
        if (header == null || !header.isObject()) {
            throw new IllegalArgumentException(where + " has a header that is not a JSON object");
        }
        int dataStart = 8 + (int) headerLength;
        long dataLength = bytes.length - (long) dataStart;
        Map<String, Matrix> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = header.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("__metadata__")) {
                continue;
            }
            out.put(e.getKey(), tensor(where, e.getKey(), e.getValue(), bytes, dataStart, dataLength));
        }
        return out;
    }

    private static Matrix tensor(String where, String name, JsonNode t, byte[] bytes, int dataStart, long dataLength) {
        String what = where + ", tensor '" + name + "'";
        if (!t.isObject() || !t.has("dtype") || !t.has("shape") || !t.has("data_offsets")) {
            throw new IllegalArgumentException(what + ": expected dtype, shape and data_offsets");
        }
        String dtype = t.get("dtype").asText();
        int size = switch (dtype) {
            case "F64" -> 8;
            case "F32" -> 4;
            case "F16", "BF16" -> 2;
            default -> throw new IllegalArgumentException(what + " has dtype " + dtype + "; featurelab reads F64, F32, F16 "
                    + "and BF16");
        };
        JsonNode shape = t.get("shape");
        if (!shape.isArray() || shape.size() > 2) {
            throw new IllegalArgumentException(what + " has shape " + shape + "; featurelab reads tensors of rank 0, 1 or 2");
        }
        long count = 1;
        int[] dims = new int[shape.size()];
        for (int k = 0; k < dims.length; k++) {
            long v = shape.get(k).asLong(-1);
            if (v < 0 || v > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(what + " has shape " + shape);
            }
            dims[k] = (int) v;
            count *= v;
            if (count > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(what + " has shape " + shape + ": more than 2³¹ − 1 entries");
            }
        }
        JsonNode offsets = t.get("data_offsets");
        long begin = offsets.path(0).asLong(-1);
        long end = offsets.path(1).asLong(-1);
        if (!offsets.isArray() || offsets.size() != 2 || begin < 0 || end < begin || end > dataLength) {
            throw new IllegalArgumentException(what + " has data_offsets " + offsets + " outside the " + dataLength
                    + "-byte data buffer");
        }
        if (end - begin != count * size) {
            throw new IllegalArgumentException(what + ": " + (end - begin) + " bytes for shape " + shape + " of " + dtype
                    + " (expected " + count * size + ")");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes, dataStart + (int) begin, (int) (end - begin)).order(ByteOrder.LITTLE_ENDIAN);
        double[] data = new double[(int) count];
        for (int i = 0; i < data.length; i++) {
            data[i] = switch (dtype) {
                case "F64" -> b.getDouble();
                case "F32" -> b.getFloat();
                case "F16" -> halfToDouble(b.getShort());
                default -> Float.intBitsToFloat((b.getShort() & 0xffff) << 16); // BF16: the top half of a float32
            };
        }
        int rows = dims.length == 2 ? dims[0] : 1;
        int cols = dims.length == 2 ? dims[1] : dims.length == 1 ? dims[0] : 1;
        return Matrix.wrap(rows, cols, data);
    }

    /** IEEE 754 binary16 to double, exactly (subnormals, infinities and NaN included). */
    static double halfToDouble(short h) {
        int bits = h & 0xffff;
        int sign = (bits >>> 15) == 1 ? -1 : 1;
        int exponent = (bits >>> 10) & 0x1f;
        int mantissa = bits & 0x3ff;
        if (exponent == 0) {
            return sign * Math.scalb((double) mantissa, -24);
        }
        if (exponent == 31) {
            return mantissa == 0 ? sign * Double.POSITIVE_INFINITY : Double.NaN;
        }
        return sign * Math.scalb(1.0 + mantissa / 1024.0, exponent - 15);
    }

    /**
     * Writes {@code tensors} (name → matrix, 2-D; a 1×d matrix named {@code *.bias} is written as the 1-D tensor
     * PyTorch expects) as F64, atomically (temporary file, then rename), with {@code metadata} (string values) in
     * {@code __metadata__}.
     */
    public static void write(Path file, Map<String, Matrix> tensors, Map<String, String> metadata) {
        ObjectNode header = Json.object();
        ObjectNode meta = header.putObject("__metadata__");
        metadata.forEach(meta::put);
        long offset = 0;
        for (Map.Entry<String, Matrix> e : tensors.entrySet()) {
            Matrix m = e.getValue();
            ObjectNode t = header.putObject(e.getKey());
            t.put("dtype", "F64");
            var shape = t.putArray("shape");
            if (e.getKey().endsWith(".bias") && m.rows() == 1) {
                shape.add(m.cols());
            } else {
                shape.add(m.rows()).add(m.cols());
            }
            long bytes = 8L * m.data().length;
            t.putArray("data_offsets").add(offset).add(offset + bytes);
            offset += bytes;
        }
        byte[] json;
        try {
            json = Json.mapper().writeValueAsBytes(header);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int pad = (8 - json.length % 8) % 8; // the format pads the header with spaces to an 8-byte boundary
        ByteBuffer out = ByteBuffer.allocate((int) (8 + json.length + pad + offset)).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(json.length + pad).put(json);
        for (int i = 0; i < pad; i++) {
            out.put((byte) ' ');
        }
        for (Matrix m : tensors.values()) {
            for (double v : m.data()) {
                out.putDouble(v);
            }
        }
        AtomicFiles.writeBytes(file, out.array());
    }
}
