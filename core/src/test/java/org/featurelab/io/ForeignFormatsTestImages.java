package org.featurelab.io;

import java.util.List;

/** The byte images of {@link ForeignFormatsTest}, for tests in other packages. */
public final class ForeignFormatsTestImages {
    private ForeignFormatsTestImages() {
    }

    /** A version-1 .npy image of a float64 matrix, C order. */
    public static byte[] npy(org.featurelab.linalg.Matrix m) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(8 * m.data().length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (double v : m.data()) {
            b.putDouble(v);
        }
        return ForeignFormatsTest.npy("<f8", false, m.rows() + ", " + m.cols(), b.array());
    }

    /** A safetensors image with one tensor (see {@link ForeignFormatsTest#safetensors}). */
    public static byte[] safetensors(String name, String dtype, List<Integer> shape, byte[] data) {
        return ForeignFormatsTest.safetensors(name, dtype, shape, data);
    }
}
