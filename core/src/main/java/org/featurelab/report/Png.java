package org.featurelab.report;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** PNG encoding of in-memory images. */
final class Png {
    /** The 8-byte signature every PNG file starts with. */
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private Png() {
    }

    /** Encodes {@code image} as PNG bytes. */
    static byte[] encode(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("png: no ImageIO writer for PNG");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("png: encoding to memory failed", e); // cannot happen for a byte array
        }
        return out.toByteArray();
    }

    /** True when {@code bytes} start with the PNG signature. */
    static boolean isPng(byte[] bytes) {
        if (bytes == null || bytes.length < SIGNATURE.length) {
            return false;
        }
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (bytes[i] != SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }
}
