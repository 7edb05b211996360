package org.featurelab.rfm;

import org.featurelab.linalg.Arithmetic;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The memory check before an exact fit names a leaf size that fits, for the tree-partitioned fit. */
class RfmMemoryTest {
    @Test
    void tooManyRowsForOneKernelMatrixNameALeafSizeThatFits() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Rfm.requireMemory(3_000_000, Arithmetic.MIXED));
        assertTrue(e.getMessage().startsWith("rfm: 3000000 training rows need about"), e.getMessage());
        assertTrue(e.getMessage().matches(".*split them into leaves of at most (\\d+) rows \\(fit --max-leaf-size \\1\\)"),
                e.getMessage());
    }

    @Test
    void theLeafSizeIsTheLargestThousandWhoseMatricesFit() {
        assertEquals(22_000, Rfm.leafThatFits(8e9, 16)); // √(8·10⁹ / 16) = 22,360
        assertEquals(1_000, Rfm.leafThatFits(1e3, 16), "never below 1,000");
    }
}
