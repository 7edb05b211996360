package org.featurelab.io;

import org.featurelab.linalg.Matrix;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 digests as lower-case hex, for checksums and the data fingerprints recorded in
 * {@link Provenance}.
 */
public final class Digests {
    private static final int BUFFER = 1 << 16;

    private Digests() {
    }

    /** A fresh SHA-256 digest (every JVM provides one). */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    /** Lower-case hex of the SHA-256 of {@code bytes}. */
    public static String sha256Hex(byte[] bytes) {
        return hex(sha256().digest(bytes));
    }

    /** Lower-case hex of a finished digest. */
    public static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    /**
     * Lower-case hex of the SHA-256 of a file's bytes, read in 64 KiB blocks.
     *
     * @throws IllegalArgumentException when the file does not exist
     */
    public static String sha256Hex(Path file) {
        MessageDigest md = sha256();
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                md.update(buffer, 0, n);
            }
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such file: " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return hex(md.digest());
    }

    /**
     * Fingerprint of a matrix's shape and exact values: {@code "sha256:" + hex(SHA-256(rows, cols, data))}
     * with rows and cols as little-endian 64-bit integers and the data as little-endian IEEE doubles in
     * row-major order. Equal for bit-identical matrices of equal shape; cost one pass over the data.
     */
    public static String fingerprint(Matrix m) {
        MessageDigest md = sha256();
        md.update(ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(m.rows()).putLong(m.cols()).array());
        ArrayCodec.forEachChunk(m.data(), md::update);
        return "sha256:" + hex(md.digest());
    }
}
