package org.featurelab.linalg;

import org.bytedeco.javacpp.FloatPointer;

/**
 * A growable float32 buffer in native (off-heap) memory, for large operands that BLAS reads in place: passing a Java
 * {@code float[]} to a BLAS call makes the JNI layer copy the whole array in and out on every call (for the 6,000² W
 * of an RFM update that copy cost about 0.1 s of a 0.45 s GEMM, measured), and a fresh native block per call re-faults
 * its pages. A buffer is allocated once and reused; its contents survive {@link #reserve} only when it did not grow.
 * Indices are {@code long} (a buffer may exceed 2³¹ values, though the training Gram's heap K still caps n at 46,340).
 *
 * <p>Not thread-safe for {@link #reserve}/{@link #close}; concurrent {@link #put}/{@link #get} of disjoint ranges are
 * safe (each call works on its own view of the memory). After {@link #close()} every access throws
 * {@link IllegalStateException} instead of touching freed memory.
 */
public final class NativeFloats implements AutoCloseable {
    private FloatPointer memory;
    private long capacity;
    private boolean closed;

    /** Makes room for {@code size} values; contents are undefined if it had to grow. Returns this buffer. */
    public NativeFloats reserve(long size) {
        requireOpen();
        if (size < 0) {
            throw new IllegalArgumentException("native floats: negative size " + size);
        }
        if (memory == null || capacity < size) {
            if (memory != null) {
                memory.close();
            }
            memory = null;
            memory = new FloatPointer(Math.max(1, size));
            capacity = Math.max(1, size);
        }
        return this;
    }

    /** Values it can hold without growing. */
    public long capacity() {
        return memory == null ? 0 : capacity;
    }

    /** Copies {@code src[from, from + length)} to positions [at, at + length). */
    public void put(long at, float[] src, int from, int length) {
        requireRange(at, length);
        new FloatPointer(memory).position(at).put(src, from, length);
    }

    /** Copies positions [at, at + length) to {@code dst[from, from + length)}. */
    public void get(long at, float[] dst, int from, int length) {
        requireRange(at, length);
        new FloatPointer(memory).position(at).get(dst, from, length);
    }

    /** The value at {@code index}. */
    public float get(long index) {
        requireRange(index, 1);
        return memory.get(index);
    }

    /** The memory for a BLAS call (package-private: only {@link Blas} hands it to native code). */
    FloatPointer pointer(long size) {
        requireRange(0, size);
        return memory;
    }

    private void requireRange(long at, long length) {
        requireOpen();
        if (at < 0 || length < 0 || at + length > capacity()) {
            throw new IndexOutOfBoundsException("native floats: [" + at + ", " + (at + length) + ") outside capacity "
                    + capacity());
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("native floats used after close()");
        }
    }

    /** Frees the memory; idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (memory != null) {
            memory.close();
        }
        memory = null;
        capacity = 0;
    }
}
