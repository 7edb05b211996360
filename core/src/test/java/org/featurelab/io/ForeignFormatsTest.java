package org.featurelab.io;

import org.featurelab.linalg.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Safetensors} and {@link Npy} on byte images built here from the formats' specifications: every dtype read
 * exactly, C and Fortran order, .npz archives, the F64 round trip, and one clear error per kind of damage.
 */
class ForeignFormatsTest {
    @TempDir
    Path dir;

    /** A safetensors image with one tensor of {@code dtype}, shape {@code shape}, little-endian payload {@code data}. */
    static byte[] safetensors(String name, String dtype, List<Integer> shape, byte[] data) {
        String header = "{\"__metadata__\":{\"format\":\"pt\"},\"" + name + "\":{\"dtype\":\"" + dtype + "\",\"shape\":"
                + shape + ",\"data_offsets\":[0," + data.length + "]}}";
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(h.length).put(h).put(data);
        return b.array();
    }

    /** A version-1 .npy image. */
    static byte[] npy(String descr, boolean fortran, String shape, byte[] data) {
        String dict = "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': (" + shape
                + "), }";
        int total = 10 + dict.length() + 1;
        int pad = (64 - total % 64) % 64;
        String header = dict + " ".repeat(pad) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) header.length());
        b.put(header.getBytes(StandardCharsets.ISO_8859_1)).put(data);
        return b.array();
    }

    static byte[] floats(float... v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : v) {
            b.putFloat(f);
        }
        return b.array();
    }

    private Path file(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    @Test
    void safetensorsDtypesAreReadExactly() throws IOException {
        Matrix f32 = Safetensors.read(file("a.safetensors", safetensors("w", "F32", List.of(2, 3),
                floats(1f, -2.5f, 3.25f, 0.1f, 1e-30f, -7f)))).get("w");
        assertEquals(2, f32.rows());
        assertArrayEquals(new double[] {1, -2.5, 3.25, 0.1f, 1e-30f, -7}, f32.data());
        // F16: 1.0 = 0x3C00, −2.0 = 0xC000, 65504 = 0x7BFF, smallest subnormal 2^−24 = 0x0001
        ByteBuffer h = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 0x3C00)
                .putShort((short) 0xC000).putShort((short) 0x7BFF).putShort((short) 0x0001);
        Matrix f16 = Safetensors.read(file("h.safetensors", safetensors("b", "F16", List.of(4), h.array()))).get("b");
        assertArrayEquals(new double[] {1, -2, 65504, Math.scalb(1.0, -24)}, f16.data());
        // BF16 is the top half of a float32: 0x3FC0 = 1.5, 0xC120 = −10
        ByteBuffer bf = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 0x3FC0).putShort((short) 0xC120);
        Matrix bf16 = Safetensors.read(file("bf.safetensors", safetensors("b", "BF16", List.of(1, 2), bf.array()))).get("b");
        assertArrayEquals(new double[] {1.5, -10}, bf16.data());
    }

    @Test
    void safetensorsRoundTripsF64AndWritesBiasesAsVectors() throws IOException {
        Map<String, Matrix> t = new LinkedHashMap<>();
        t.put("0.weight", Matrix.of(new double[][] {{1, 2, 3}, {4, 5, Math.PI}}));
        t.put("0.bias", Matrix.of(new double[][] {{0.5, -1e-300}}));
        Path p = dir.resolve("rt.safetensors");
        Safetensors.write(p, t, Map.of("format", "pt"));
        Map<String, Matrix> back = Safetensors.read(p);
        assertEquals(List.copyOf(t.keySet()), List.copyOf(back.keySet()));
        assertArrayEquals(t.get("0.weight").data(), back.get("0.weight").data());
        assertArrayEquals(t.get("0.bias").data(), back.get("0.bias").data());
        String header = new String(Files.readAllBytes(p), 8, 200, StandardCharsets.UTF_8);
        assertTrue(header.contains("\"0.bias\":{\"dtype\":\"F64\",\"shape\":[2]"), header);
        long headerLength = ByteBuffer.wrap(Files.readAllBytes(p), 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertEquals(0, headerLength % 8, "the header is padded to 8 bytes");
    }

    @Test
    void damagedSafetensorsAreOneClearError() throws IOException {
        assertEquals("is truncated: 5 bytes, no 8-byte header length", failure(file("t.safetensors", new byte[5])));
        byte[] past = safetensors("w", "F32", List.of(1), floats(1f));
        ByteBuffer.wrap(past).order(ByteOrder.LITTLE_ENDIAN).putLong(0, 10_000);
        assertTrue(failure(file("p.safetensors", past)).startsWith("has a header length of 10000 bytes, past its"));
        assertTrue(failure(file("d.safetensors", safetensors("w", "I8", List.of(1), new byte[1])))
                .contains("tensor 'w' has dtype I8; featurelab reads F64, F32, F16 and BF16"));
        assertTrue(failure(file("s.safetensors", safetensors("w", "F32", List.of(2, 2), floats(1f, 2f, 3f))))
                .contains("tensor 'w': 12 bytes for shape [2,2] of F32 (expected 16)"));
    }

    private static String failure(Path p) {
        String m = assertThrows(IllegalArgumentException.class, () -> Safetensors.read(p)).getMessage();
        String prefix = "safetensors file " + p + " ";
        assertTrue(m.startsWith("safetensors file " + p), m);
        return m.startsWith(prefix) ? m.substring(prefix.length()) : m.substring(prefix.length() - 1);
    }

    @Test
    void npyInCAndFortranOrderAndNpzArchives() throws IOException {
        Matrix c = Npy.read(file("c.npy", npy("<f4", false, "2, 3", floats(1, 2, 3, 4, 5, 6))));
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, c.data());
        Matrix f = Npy.read(file("f.npy", npy("<f4", true, "2, 3", floats(1, 4, 2, 5, 3, 6))));
        assertArrayEquals(c.data(), f.data(), "Fortran order is read column by column");
        ByteBuffer longs = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN).putLong(2).putLong(0).putLong(1);
        Matrix labels = Npy.read(file("y.npy", npy("<i8", false, "3,", longs.array())));
        assertEquals(3, labels.rows());
        assertArrayEquals(new double[] {2, 0, 1}, labels.data());
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            z.putNextEntry(new ZipEntry("x.npy"));
            z.write(npy("<f8", false, "1, 2", ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putDouble(0.25)
                    .putDouble(-8).array()));
            z.closeEntry();
            z.putNextEntry(new ZipEntry("y.npy"));
            z.write(npy("<f4", false, "1, 1", floats(3)));
            z.closeEntry();
        }
        Map<String, Matrix> npz = Npy.readArchive(file("a.npz", zip.toByteArray()));
        assertEquals(List.of("x", "y"), List.copyOf(npz.keySet()));
        assertArrayEquals(new double[] {0.25, -8}, npz.get("x").data());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> Npy.read(file("b.npy", npy(">f4", false, "1,", floats(1)))));
        assertTrue(bad.getMessage().contains("has dtype '>f4'"), bad.getMessage());
        IllegalArgumentException shortData = assertThrows(IllegalArgumentException.class,
                () -> Npy.read(file("s.npy", npy("<f4", false, "2, 2", floats(1, 2)))));
        assertTrue(shortData.getMessage().contains("8 data bytes for shape [2, 2] of '<f4' (expected 16)"),
                shortData.getMessage());
    }
}
