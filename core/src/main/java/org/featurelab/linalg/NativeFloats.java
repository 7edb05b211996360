package org.featurelab.linalg;

import org.bytedeco.javacpp.FloatPointer;

/** A growable float32 buffer in native memory ({@link NativeBuffer}): the float32 W of a mixed-precision update. */
public final class NativeFloats extends NativeBuffer<FloatPointer> {
    @Override
    FloatPointer allocate(long size) {
        return new FloatPointer(size);
    }

    /** Makes room for {@code size} values; contents are undefined if it had to grow. Returns this buffer. */
    public NativeFloats reserve(long size) {
        reserveElements(size);
        return this;
    }

    /** Copies {@code src[from, from + length)} to positions [at, at + length). */
    public void put(long at, float[] src, int from, int length) {
        new FloatPointer(checked(at, length)).position(at).put(src, from, length);
    }

    /** Copies positions [at, at + length) to {@code dst[from, from + length)}. */
    public void get(long at, float[] dst, int from, int length) {
        new FloatPointer(checked(at, length)).position(at).get(dst, from, length);
    }

    /** The value at {@code index}. */
    public float get(long index) {
        return checked(index, 1).get(index);
    }

    /** The memory for a native call (package-private: only {@code linalg} hands it to native code). */
    FloatPointer pointer(long size) {
        return checked(0, size);
    }
}
