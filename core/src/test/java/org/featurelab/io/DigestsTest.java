package org.featurelab.io;

import org.featurelab.linalg.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** SHA-256 helpers and matrix fingerprints. */
class DigestsTest {
    /** FIPS 180-2 test vector: SHA-256("abc"). */
    private static final String SHA256_ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @TempDir
    Path dir;

    @Test
    void sha256OfBytesAndFiles() throws Exception {
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        assertEquals(SHA256_ABC, Digests.sha256Hex(abc));
        assertEquals(SHA256_ABC, Digests.sha256Hex(Files.write(dir.resolve("abc.txt"), abc)));
    }

    @Test
    void fingerprintCoversShapeAndExactValues() {
        double[] values = {1, 2, 3, 4, 5, 6};
        ByteBuffer expected = ByteBuffer.allocate(16 + 48).order(ByteOrder.LITTLE_ENDIAN).putLong(2).putLong(3);
        for (double v : values) {
            expected.putDouble(v);
        }
        Matrix m = Matrix.wrap(2, 3, values.clone());
        assertEquals("sha256:" + Digests.sha256Hex(expected.array()), Digests.fingerprint(m));
        assertNotEquals(Digests.fingerprint(m), Digests.fingerprint(Matrix.wrap(3, 2, values.clone())));
        Matrix nudged = m.copy();
        nudged.set(1, 2, Math.nextUp(6.0));
        assertNotEquals(Digests.fingerprint(m), Digests.fingerprint(nudged));
    }
}
