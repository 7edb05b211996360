package org.featurelab.linalg;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The native float buffer: copies in and out by range, refuses out-of-range and after-close access; ssymm on it. */
class NativeFloatsTest {

    @Test
    void rangesRoundTripAndOutOfRangeIsRefused() {
        try (NativeFloats f = new NativeFloats()) {
            assertEquals(0, f.capacity());
            f.reserve(10);
            assertEquals(10, f.capacity());
            float[] src = {1, 2, 3, 4, 5};
            f.put(6, src, 1, 4);                      // 2, 3, 4, 5 at 6..9
            float[] back = new float[6];
            f.get(6, back, 2, 4);
            assertArrayEquals(new float[]{0, 0, 2, 3, 4, 5}, back);
            assertEquals(4f, f.get(8));
            assertThrows(IndexOutOfBoundsException.class, () -> f.put(7, src, 0, 4));
            assertThrows(IndexOutOfBoundsException.class, () -> f.get(-1, back, 0, 1));
            assertThrows(IndexOutOfBoundsException.class, () -> f.get(10));
            f.reserve(4);
            assertEquals(10, f.capacity(), "a smaller reservation keeps the buffer");
            assertEquals(5f, f.get(9), "and its contents");
        }
        NativeFloats closed = new NativeFloats().reserve(5);
        closed.close();
        closed.close();   // idempotent
        assertThrows(IllegalStateException.class, () -> closed.get(0));
        assertThrows(IllegalStateException.class, () -> closed.reserve(3));
        assertEquals(0, closed.capacity());
    }

    /** C = A·B from the upper triangle of A only: the strict lower triangle (here NaN) is never read. */
    @Test
    void symmetricProductReadsTheUpperTriangleOnly() {
        int n = 37;
        int m = 5;
        java.util.Random rng = new java.util.Random(3);
        double[][] a = new double[n][n];
        float[] upper = new float[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (j >= i) {
                    a[i][j] = (float) rng.nextGaussian();
                    a[j][i] = a[i][j];
                    upper[i * n + j] = (float) a[i][j];
                } else {
                    upper[i * n + j] = Float.NaN;
                }
            }
        }
        float[] b = new float[n * m];
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) rng.nextGaussian();
        }
        float[] c = new float[n * m];
        try (NativeFloats na = new NativeFloats().reserve((long) n * n); NativeFloats nb = new NativeFloats().reserve(n * m);
             NativeFloats nc = new NativeFloats().reserve(n * m)) {
            na.put(0, upper, 0, upper.length);
            nb.put(0, b, 0, b.length);
            Blas.ssymmUpper(n, m, na, nb, nc);
            nc.get(0, c, 0, c.length);
        }
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < m; k++) {
                double s = 0;
                double scale = 0;
                for (int j = 0; j < n; j++) {
                    s += a[i][j] * b[j * m + k];
                    scale += Math.abs(a[i][j] * b[j * m + k]);
                }
                assertTrue(Math.abs(c[i * m + k] - s) <= 1e-6 * scale + 1e-30, "C(" + i + ", " + k + ") = " + c[i * m + k]
                        + ", expected " + s);
            }
        }
    }
}
