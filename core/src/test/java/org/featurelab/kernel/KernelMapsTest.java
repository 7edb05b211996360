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
}
