package org.featurelab.linalg;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The precision policy, the arithmetic it resolves to, and their one vocabulary of words. */
class PrecisionTest {

    @Test
    void mixedPolicyResolvesToMixedArithmeticFromTheThresholdOn() {
        int min = Precision.MIXED_MIN_SIZE;
        assertEquals(Arithmetic.FLOAT64, Precision.MIXED.resolve(min - 1));
        assertEquals(Arithmetic.MIXED, Precision.MIXED.resolve(min));
        assertEquals(Arithmetic.MIXED, Precision.MIXED.resolve(100 * min));
        for (int n : new int[]{1, min - 1, min, 100 * min}) {
            assertEquals(Arithmetic.FLOAT64, Precision.FLOAT64.resolve(n));
        }
    }

    /** What a model file or manifest records ({@link Precision#label()}) reads back as the same policy. */
    @Test
    void labelsReadBackAndDoubleStaysAnAliasOfFloat64() {
        assertEquals("float64", Precision.FLOAT64.label());
        assertEquals("mixed", Precision.MIXED.label());
        for (Precision p : Precision.values()) {
            assertEquals(p, Precision.parse(p.label()));
            assertEquals(p, Precision.parse(" " + p.label().toUpperCase(java.util.Locale.ROOT) + " "));
        }
        assertEquals(Precision.FLOAT64, Precision.parse("double"));   // files and scripts of earlier versions
        for (Arithmetic a : Arithmetic.values()) {
            assertEquals(a, Arithmetic.parse(a.label(), Arithmetic.values()));
        }
        assertEquals(Arithmetic.FLOAT64, Arithmetic.parse("double", Arithmetic.FLOAT64, Arithmetic.FLOAT32));
    }

    @Test
    void unsupportedWordsNameTheAcceptedOnes() {
        IllegalArgumentException policy = assertThrows(IllegalArgumentException.class, () -> Precision.parse("float32"));
        assertEquals("unsupported precision 'float32': expected float64 or mixed", policy.getMessage());
        IllegalArgumentException mlp = assertThrows(IllegalArgumentException.class,
                () -> Arithmetic.parse("mixed", Arithmetic.FLOAT64, Arithmetic.FLOAT32));
        assertEquals("unsupported precision 'mixed': expected float64 or float32", mlp.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Precision.parse("half"));
        assertThrows(IllegalArgumentException.class, () -> Precision.parse(""));
    }

    @Test
    void onlyFloat64KeepsGemmsInFloat64() {
        assertFalse(Arithmetic.FLOAT64.usesFloat32Gemm());
        assertTrue(Arithmetic.MIXED.usesFloat32Gemm());
        assertTrue(Arithmetic.FLOAT32.usesFloat32Gemm());
    }
}
