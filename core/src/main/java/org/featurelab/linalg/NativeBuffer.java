package org.featurelab.linalg;

import org.bytedeco.javacpp.Pointer;

/**
 * A growable buffer in native (off-heap) memory for large operands that BLAS and LAPACK read in place: passing a Java
 * array to a native call makes the JNI layer copy the whole array in and out on every call (for the 6,000² W of an
 * RFM update that copy cost about 0.1 s of a 0.45 s GEMM, measured), and a fresh native block per call re-faults its
 * pages. A buffer is allocated once and reused; its contents survive {@link #reserve} only when it did not grow.
 * Fresh memory is not zeroed (unlike a Java array): whoever reserves a buffer writes it before reading it, and the
 * first write is the first touch of its pages — done by the parallel pass that fills it rather than by one thread.
 * Indices are {@code long} (a buffer may exceed 2³¹ values).
 *
 * <p>Not thread-safe for {@link #reserve}/{@link #close}; concurrent copies in and out of disjoint ranges are safe
 * (each call works on its own view of the memory). After {@link #close()} every access through this object throws
 * {@link IllegalStateException} instead of touching freed memory; a {@link #view} taken before is not guarded and
 * must not be used after the buffer is closed or grown.
 *
 * @param <P> the JavaCPP pointer type of the element ({@code FloatPointer}, {@code DoublePointer})
 */
public abstract sealed class NativeBuffer<P extends Pointer> implements AutoCloseable permits NativeFloats, NativeDoubles {
    private P memory;
    private long capacity;
    private boolean closed;

    NativeBuffer() {
    }

    /** New native memory for {@code size} elements. */
    abstract P allocate(long size);

    /** Makes room for {@code size} values; contents are undefined if it had to grow. */
    final void reserveElements(long size) {
        requireOpen();
        if (size < 0) {
            throw new IllegalArgumentException("native buffer: negative size " + size);
        }
        if (memory == null || capacity < size) {
            if (memory != null) {
                memory.close();
            }
            memory = null;
            memory = allocate(Math.max(1, size));   // JavaCPP cannot allocate 0 elements
            capacity = size;
        }
    }

    /** Values it can hold without growing. */
    public final long capacity() {
        return memory == null ? 0 : capacity;
    }

    /** The memory, after checking that [at, at + length) lies inside it. */
    final P checked(long at, long length) {
        requireOpen();
        if (at < 0 || length < 0 || at + length > capacity()) {
            throw new IndexOutOfBoundsException("native buffer: [" + at + ", " + (at + length) + ") outside capacity "
                    + capacity());
        }
        return memory;
    }

    /**
     * A direct {@link java.nio.ByteBuffer} over elements [at, at + length), in the platform's byte order, so that Java
     * code (the SIMD kernel maps) reads and writes the memory in place instead of copying it through an array. The view
     * is valid only while this buffer is neither grown by {@link #reserveElements} nor closed: it aliases the memory
     * and is not tracked. {@code length} times the element size must stay below 2³¹ bytes (a ByteBuffer's limit).
     */
    public final java.nio.ByteBuffer view(long at, long length) {
        P memory = checked(at, length);
        if (length == 0) {   // JavaCPP would read a capacity of 0 as one element, past the end at at = capacity
            return java.nio.ByteBuffer.allocateDirect(0).order(java.nio.ByteOrder.nativeOrder());
        }
        long bytes = length * memory.sizeof();
        if (bytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("native buffer: a view of " + length + " elements exceeds 2^31 bytes");
        }
        Pointer window = memory.getPointer(at);
        window.capacity(length);
        return window.asByteBuffer().order(java.nio.ByteOrder.nativeOrder());
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("native buffer used after close()");
        }
    }

    /** Frees the memory; idempotent. */
    @Override
    public final void close() {
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
