package org.featurelab.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;

/**
 * The binary array encoding of model files: IEEE-754 doubles, little-endian, in the order of the flat
 * array (row-major for a {@link org.featurelab.linalg.Matrix}), no header. Values travel through their raw
 * bits, so NaN payloads and signed zeros survive. Work is done in 64 KiB chunks, so encoding a matrix never
 * allocates a second copy of it.
 */
final class ArrayCodec {
    /** Chunk size in bytes; a multiple of 8. */
    static final int CHUNK_BYTES = 1 << 16;
    private static final int CHUNK_DOUBLES = CHUNK_BYTES / Double.BYTES;

    /** Receives consecutive chunks of the encoding; the buffer is reused between calls. */
    @FunctionalInterface
    interface ChunkSink {
        void accept(byte[] buffer, int offset, int length) throws IOException;
    }

    /** Receives consecutive chunks; unchecked variant for digests. */
    @FunctionalInterface
    interface DigestSink {
        void update(byte[] buffer, int offset, int length);
    }

    private ArrayCodec() {
    }

    /** Number of bytes encoding {@code count} doubles. */
    static long byteLength(long count) {
        return count * Double.BYTES;
    }

    /** Streams the encoding of {@code data} into {@code sink}, chunk by chunk. */
    static void encode(double[] data, ChunkSink sink) throws IOException {
        byte[] bytes = new byte[(int) Math.min(CHUNK_BYTES, byteLength(data.length))];
        DoubleBuffer view = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer();
        for (int from = 0; from < data.length; from += CHUNK_DOUBLES) {
            int n = Math.min(CHUNK_DOUBLES, data.length - from);
            view.clear();
            view.put(data, from, n);
            sink.accept(bytes, 0, n * Double.BYTES);
        }
    }

    /** {@link #encode} into a sink that cannot fail, such as a {@link java.security.MessageDigest}. */
    static void forEachChunk(double[] data, DigestSink sink) {
        try {
            encode(data, sink::update);
        } catch (IOException e) {
            throw new IllegalStateException("unreachable: digest sinks do not throw", e);
        }
    }

    /**
     * Reads exactly {@code count} doubles from {@code in}, handing every raw chunk to {@code sink} as well
     * (for CRC and digest checks).
     *
     * @return the decoded values, or {@code null} if the stream ends early
     */
    static double[] decode(InputStream in, int count, ChunkSink sink) throws IOException {
        double[] out = new double[count];
        byte[] bytes = new byte[(int) Math.min(CHUNK_BYTES, byteLength(count))];
        DoubleBuffer view = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer();
        for (int from = 0; from < count; from += CHUNK_DOUBLES) {
            int n = Math.min(CHUNK_DOUBLES, count - from);
            int len = n * Double.BYTES;
            if (in.readNBytes(bytes, 0, len) != len) {
                return null;
            }
            sink.accept(bytes, 0, len);
            view.clear();
            view.get(out, from, n);
        }
        return out;
    }
}
