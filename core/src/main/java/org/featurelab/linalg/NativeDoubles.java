package org.featurelab.linalg;

import org.bytedeco.javacpp.DoublePointer;

/**
 * A growable float64 buffer in native memory ({@link NativeBuffer}): the kernel matrix of a mixed-precision fit, which
 * the training-Gram pass writes and the solve reads in place ({@link Cholesky#solveShiftedUpper}).
 */
public final class NativeDoubles extends NativeBuffer<DoublePointer> {
    @Override
    DoublePointer allocate(long size) {
        return new DoublePointer(size);
    }

    /** Makes room for {@code size} values; contents are undefined if it had to grow. Returns this buffer. */
    public NativeDoubles reserve(long size) {
        reserveElements(size);
        return this;
    }

    /** Copies {@code src[from, from + length)} to positions [at, at + length). */
    public void put(long at, double[] src, int from, int length) {
        new DoublePointer(checked(at, length)).position(at).put(src, from, length);
    }

    /** Copies positions [at, at + length) to {@code dst[from, from + length)}. */
    public void get(long at, double[] dst, int from, int length) {
        new DoublePointer(checked(at, length)).position(at).get(dst, from, length);
    }

    /** The value at {@code index}. */
    public double get(long index) {
        return checked(index, 1).get(index);
    }

    /** The memory for a native call (package-private: only {@code linalg} hands it to native code). */
    DoublePointer pointer(long size) {
        return checked(0, size);
    }
}
