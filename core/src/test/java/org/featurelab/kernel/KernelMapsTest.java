package org.featurelab.kernel;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fast kernel maps against the scalar reference ({@code Math.exp}, {@code Math.sqrt}): within 4 ulp for every
 * kernel value and 8 ulp for every Laplace weight (relative, for results above the smallest normal double), exact
 * zeros where the reference has them (underflow, the dropped self-terms, cancelled distances), on every range length
 * 0..40 so that each SIMD tail is covered. The test JVM has jdk.incubator.vector (surefire's argLine), so
 * {@link KernelMaps#get()} must be the SIMD implementation here.
 */
class KernelMapsTest {
    private static final double ULP = Math.ulp(1.0);
    private final KernelMaps fast = KernelMaps.get();
    private final KernelMaps reference = KernelMaps.scalar();

    private static double[] squaredDistances(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = switch (i % 7) {
                case 0 -> 0.0;
                case 1 -> 1e-22 * rng.nextDouble();         // below MIN_DISTANCE² = 1e-20
                case 2 -> 1e6 + 1e6 * rng.nextDouble();     // exp(−√r²/L) underflows for small L
                default -> 400 * rng.nextDouble();
            };
        }
        return v;
    }

    private static void assertClose(double expected, double actual, double ulps, String what) {
        if (expected < Double.MIN_NORMAL) {
            assertTrue(Math.abs(actual) < Double.MIN_NORMAL * 4, what + ": expected ~0, got " + actual);
            return;
        }
        assertTrue(Math.abs(actual - expected) <= ulps * ULP * expected,
                what + ": " + actual + " vs " + expected + " (" + Math.abs(actual - expected) / (ULP * expected) + " ulp)");
    }

    @Test
    void theTestJvmUsesTheSimdMaps() {
        assertNotSame(reference, fast);
        assertTrue(fast.describe().startsWith("SIMD"), fast.describe());
    }

    @Test
    void laplaceValuesMatchMathExp() {
        for (double l : new double[]{0.05, 1, 10}) {
            for (int len = 0; len <= 40; len++) {
                double[] v = squaredDistances(len + 3, len);
                double[] expected = v.clone();
                double[] actual = v.clone();
                reference.laplaceInPlace(expected, 3, len + 3, l);
                fast.laplaceInPlace(actual, 3, len + 3, l);
                for (int i = 0; i < 3; i++) {
                    assertEquals(v[i], actual[i], 0.0, "outside the range untouched");
                }
                for (int i = 3; i < len + 3; i++) {
                    assertEquals(Math.exp(-Math.sqrt(v[i]) / l), expected[i], 0.0, "the reference is Math.exp");
                    assertClose(expected[i], actual[i], 4, "laplace L=" + l + " r²=" + v[i]);
                }
            }
        }
    }

    @Test
    void fusedLaplaceRowsMatchTheScalarPass() {
        SplittableRandom rng = new SplittableRandom(7);
        for (int len = 0; len <= 40; len++) {
            double[] norms = new double[len + 3];
            double[] cross = new double[len + 5];
            for (int j = 0; j < norms.length; j++) {
                norms[j] = 50 * rng.nextDouble();
            }
            double rowNorm = norms[2];
            for (int j = 0; j < len; j++) {
                double r2 = j % 5 == 0 ? 0.0 : j % 5 == 1 ? 1e-14 * (rowNorm + norms[2 + j]) : 30 * rng.nextDouble();
                cross[3 + j] = r2 - rowNorm - norms[2 + j]; // the GEMM's −2⟨z, x⟩ part
            }
            for (boolean single : new boolean[]{false, true}) {
                double[] kRef = new double[len + 1];
                double[] kFast = new double[len + 1];
                double[] wRef = single ? null : new double[len + 2];   // weights at their own offset (2)
                double[] wFast = single ? null : new double[len + 2];
                float[] fRef = single ? new float[len + 2] : null;
                float[] fFast = single ? new float[len + 2] : null;
                reference.laplaceRow(cross, 3, rowNorm, norms, 2, len, 2.5, kRef, 1, wRef, fRef, 2);
                fast.laplaceRow(cross, 3, rowNorm, norms, 2, len, 2.5, kFast, 1, wFast, fFast, 2);
                for (int j = 1; j <= len; j++) {
                    assertClose(kRef[j], kFast[j], 4, "value " + j);
                    if (single) {
                        assertEquals(fRef[j + 1], fFast[j + 1], Math.ulp(fRef[j + 1]), "float32 weight " + j);
                    } else if (wRef[j + 1] == 0) {
                        assertEquals(0.0, wFast[j + 1], 0.0, "dropped self-term " + j);
                    } else {
                        assertClose(wRef[j + 1], wFast[j + 1], 8, "weight " + j);
                    }
                }
                for (int j = 0; j < 2; j++) {
                    assertEquals(0.0, single ? fFast[j] : wFast[j], 0.0, "before the weights' offset untouched: " + j);
                }
                assertEquals(0.0, kFast[0], 0.0, "before the offset untouched");
            }
        }
    }

    /** Cross terms for a row of {@code len} entries against norms[o..], with exact zeros and cancelled distances. */
    private static double[] crossRow(int len, double rowNorm, double[] norms, int o, SplittableRandom rng) {
        double[] cross = new double[len];
        for (int j = 0; j < len; j++) {
            double r2 = j % 5 == 0 ? 0.0 : j % 5 == 1 ? 1e-14 * (rowNorm + norms[o + j]) : 30 * rng.nextDouble();
            cross[j] = r2 - rowNorm - norms[o + j];
        }
        return cross;
    }

    /**
     * Values only (the prediction rows, two lane groups per step) give the same bits as the values of a pass with
     * weights (one group per step), and stay within 4 ulp of the reference, on every length 0..40.
     */
    @Test
    void valuesOnlyRowsEqualTheValuesOfWeightedRows() {
        SplittableRandom rng = new SplittableRandom(11);
        for (int len = 0; len <= 40; len++) {
            double[] norms = new double[len + 1];
            for (int j = 0; j < norms.length; j++) {
                norms[j] = 50 * rng.nextDouble();
            }
            double[] cross = crossRow(len, 7.0, norms, 1, rng);
            double[] plain = new double[len];
            double[] weighted = new double[len];
            double[] ref = new double[len];
            fast.laplaceRow(cross, 0, 7.0, norms, 1, len, 2.5, plain, 0, null, null, 0);
            fast.laplaceRow(cross, 0, 7.0, norms, 1, len, 2.5, weighted, 0, null, new float[len], 0);
            reference.laplaceRow(cross, 0, 7.0, norms, 1, len, 2.5, ref, 0, null, null, 0);
            for (int j = 0; j < len; j++) {
                assertEquals(weighted[j], plain[j], 0.0, "len " + len + ", value " + j);
                assertClose(ref[j], plain[j], 4, "len " + len + ", value " + j);
            }
        }
    }

    /**
     * The native-memory forms (direct buffers, in chunks of {@link KernelMaps#CHUNK}) give the array forms' bits for
     * the scalar and the SIMD maps, on rows longer than two chunks, at offsets, with and without weights; entries
     * outside the row are untouched.
     */
    @Test
    void nativeFormsGiveTheArrayFormsBits() {
        SplittableRandom rng = new SplittableRandom(5);
        int len = 2 * KernelMaps.CHUNK + 37;
        double[] norms = new double[len + 4];
        for (int j = 0; j < norms.length; j++) {
            norms[j] = 50 * rng.nextDouble();
        }
        double[] cross = crossRow(len, 3.0, norms, 4, rng);
        double[] alphaT = new double[3 * len];
        for (int j = 0; j < alphaT.length; j++) {
            alphaT[j] = rng.nextDouble() - 0.5;
        }
        for (KernelMaps maps : new KernelMaps[]{reference, fast}) {
            double[] k = new double[len];
            float[] w = new float[len];
            maps.laplaceRow(cross, 0, 3.0, norms, 4, len, 2.5, k, 0, null, w, 0);
            for (boolean weights : new boolean[]{true, false}) {
                java.nio.ByteBuffer kc = direct(8 * (len + 9));
                java.nio.ByteBuffer wb = direct(4 * (len + 6));
                for (int j = 0; j < len + 9; j++) {
                    kc.putDouble(8 * j, j < 9 ? -1.0 : cross[j - 9]);
                }
                maps.laplaceRow(kc, 9, 3.0, norms, 4, len, 2.5, weights ? wb : null, 6);
                for (int j = 0; j < 9; j++) {
                    assertEquals(-1.0, kc.getDouble(8 * j), 0.0, "before the row untouched");
                }
                for (int j = 0; j < len; j++) {
                    assertEquals(k[j], kc.getDouble(8 * (9 + j)), 0.0, maps.describe() + ": value " + j);
                    assertEquals(weights ? w[j] : 0f, wb.getFloat(4 * (6 + j)), 0f, maps.describe() + ": weight " + j);
                }
            }
            double[] out = new double[3];
            double[] outNative = new double[4];
            maps.laplaceRowDot(cross.clone(), 0, 3.0, norms, len, 2.5, alphaT, 3, out, 0);
            java.nio.ByteBuffer row = direct(8 * (len + 2));
            for (int j = 0; j < len; j++) {
                row.putDouble(8 * (j + 2), cross[j]);
            }
            maps.laplaceRowDot(row, 2, 3.0, norms, len, 2.5, alphaT, 3, outNative, 1);
            for (int o = 0; o < 3; o++) {
                assertEquals(out[o], outNative[o + 1], 0.0, maps.describe() + ": output " + o);
            }
        }
    }

    private static java.nio.ByteBuffer direct(int bytes) {
        return java.nio.ByteBuffer.allocateDirect(bytes).order(java.nio.ByteOrder.nativeOrder());
    }
}
