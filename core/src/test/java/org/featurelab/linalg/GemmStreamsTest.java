package org.featurelab.linalg;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The row-block streams of alpha·A·Bᵀ against products summed here: every block's entries, the block sequence, where
 * the in-place stream writes (the upper triangle with its diagonal blocks, nothing else), the zero-filled k = 0 case,
 * and the native buffer views the streams hand over.
 */
class GemmStreamsTest {
    private static double[] random(int size, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] v = new double[size];
        for (int i = 0; i < size; i++) {
            v[i] = rng.nextDouble() - 0.5;
        }
        return v;
    }

    private static double product(double alpha, double[] a, int i, double[] b, int j, int k) {
        double s = 0;
        for (int q = 0; q < k; q++) {
            s += a[i * k + q] * b[j * k + q];
        }
        return alpha * s;
    }

    @Test
    void upperBlocksAreWrittenInPlaceAndNothingBelowTheDiagonalBlocks() {
        int n = 37;
        int k = 5;
        int blockRows = 8;
        double[] a = random(n * k, 1);
        double[] b = random(n * k, 2);
        try (NativeDoubles c = new NativeDoubles().reserve((long) n * n)) {
            for (long i = 0; i < (long) n * n; i++) {
                c.put(i, new double[]{Double.NaN}, 0, 1);
            }
            List<int[]> blocks = new ArrayList<>();
            GemmStreams.upperRowBlocksInto(n, k, -2.0, a, b, blockRows, c, (r0, rows, block, stride) -> {
                blocks.add(new int[]{r0, rows});
                assertEquals(n, stride);
                for (int r = 0; r < rows; r++) {
                    for (int j = r; j < n - r0; j++) {   // the block's upper part, read through the view
                        assertEquals(product(-2.0, a, r0 + r, b, r0 + j, k), block.getDouble(8 * (r * stride + j)), 1e-13);
                    }
                }
                block.putDouble(8 * ((rows - 1) * stride + (n - r0 - 1)), 42.0);   // writes land in c
            });
            assertEquals(5, blocks.size());
            for (int q = 0; q < blocks.size(); q++) {
                assertEquals(q * blockRows, blocks.get(q)[0]);
                assertEquals(Math.min(blockRows, n - q * blockRows), blocks.get(q)[1]);
            }
            for (int i = 0; i < n; i++) {
                int blockStart = i / blockRows * blockRows;
                for (int j = 0; j < n; j++) {
                    double v = c.get((long) i * n + j);
                    boolean lastOfBlock = j == n - 1 && (i % blockRows == blockRows - 1 || i == n - 1);
                    if (lastOfBlock) {
                        assertEquals(42.0, v, 0.0, "a consumer's write at (" + i + ", " + j + ")");
                    } else if (j >= blockStart) {
                        assertEquals(product(-2.0, a, i, b, j, k), v, 1e-13, "(" + i + ", " + j + ")");
                    } else {
                        assertTrue(Double.isNaN(v), "below the diagonal blocks untouched at (" + i + ", " + j + ")");
                    }
                }
            }
        }
    }

    @Test
    void withNoInnerDimensionTheBlocksAreZeroFilled() {
        int n = 9;
        try (NativeDoubles c = new NativeDoubles().reserve((long) n * n)) {
            for (long i = 0; i < (long) n * n; i++) {
                c.put(i, new double[]{7.0}, 0, 1);
            }
            GemmStreams.upperRowBlocksInto(n, 0, 1.0, new double[0], new double[0], 4, c, (r0, rows, block, stride) -> { });
            for (int i = 0; i < n; i++) {
                for (int j = i; j < n; j++) {
                    assertEquals(0.0, c.get((long) i * n + j), 0.0);
                }
            }
            double[] seen = new double[1];
            GemmStreams.rowBlocks(3, n, 0, 1.0, new double[0], new double[0], 2, (r0, rows, block, stride) -> {
                for (int q = 0; q < rows * stride; q++) {
                    seen[0] += Math.abs(block.getDouble(8 * q)) + 1;
                }
            });
            assertEquals(3 * n, seen[0], 0.0, "every entry 0, each seen once");
        }
    }

    @Test
    void rowBlocksHoldEveryColumn() {
        int m = 23;
        int n = 19;
        int k = 4;
        double[] a = random(m * k, 3);
        double[] b = random(n * k, 4);
        double[] got = new double[m * n];
        int[] calls = new int[1];
        GemmStreams.rowBlocks(m, n, k, 0.5, a, b, 5, (r0, rows, block, stride) -> {
            calls[0]++;
            assertEquals(n, stride);
            assertEquals((long) rows * n * 8, block.capacity(), "the view covers the block");
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < n; j++) {
                    got[(r0 + r) * n + j] = block.getDouble(8 * (r * stride + j));
                }
            }
        });
        assertEquals(5, calls[0]);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                assertEquals(product(0.5, a, i, b, j, k), got[i * n + j], 1e-14);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> GemmStreams.rowBlocks(m, n, k, 1.0, a, new double[3], 5,
                (r0, rows, block, stride) -> { }));
    }

    @Test
    void viewsAliasTheBufferInPlace() {
        try (NativeDoubles d = new NativeDoubles().reserve(10)) {
            d.put(0, new double[]{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, 0, 10);
            ByteBuffer v = d.view(3, 4);
            assertEquals(32, v.capacity());
            assertEquals(3.0, v.getDouble(0), 0.0);
            assertEquals(6.0, v.getDouble(24), 0.0);
            v.putDouble(8, -1.0);
            assertEquals(-1.0, d.get(4), 0.0);
            assertThrows(IndexOutOfBoundsException.class, () -> d.view(8, 3));
            // an empty range is an empty buffer, also at the end (JavaCPP reads capacity 0 as one element)
            assertEquals(0, d.view(3, 0).capacity());
            assertEquals(0, d.view(10, 0).capacity());
            assertThrows(IndexOutOfBoundsException.class, () -> d.view(11, 0));
        }
        try (NativeDoubles empty = new NativeDoubles().reserve(0)) {   // allocated as one element, holds none
            assertEquals(0, empty.capacity());
            assertEquals(0, empty.view(0, 0).capacity());
            assertThrows(IndexOutOfBoundsException.class, () -> empty.view(0, 1));
        }
        NativeFloats f = new NativeFloats().reserve(4);
        f.put(0, new float[]{1, 2, 3, 4}, 0, 4);
        assertEquals(3f, f.view(2, 2).getFloat(0), 0f);
        f.close();
        assertThrows(IllegalStateException.class, () -> f.view(0, 1));
    }
}
