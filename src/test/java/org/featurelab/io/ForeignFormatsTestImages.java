package org.featurelab.io;

import java.util.List;

/** The byte images of {@link ForeignFormatsTest}, for tests in other packages. */
public final class ForeignFormatsTestImages {
    private ForeignFormatsTestImages() {
    }

    /** A safetensors image with one tensor (see {@link ForeignFormatsTest#safetensors}). */
    public static byte[] safetensors(String name, String dtype, List<Integer> shape, byte[] data) {
        return ForeignFormatsTest.safetensors(name, dtype, shape, data);
    }
}
