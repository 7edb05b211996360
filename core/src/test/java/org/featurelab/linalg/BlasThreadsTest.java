package org.featurelab.linalg;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The BLAS thread count reads back what was set, so a single-threaded section can restore the count it found. */
class BlasThreadsTest {
    @Test
    void threadCountReadsBackAndRestores() {
        int before = Blas.threads();
        assertTrue(before >= 1, "OpenBLAS reports its threads: " + before);
        try {
            Blas.setThreads(2);   // a pthreads OpenBLAS accepts more threads than cores
            assertEquals(2, Blas.threads());
            Blas.setThreads(1);
            assertEquals(1, Blas.threads());
            Blas.setThreads(0);   // ignored
            assertEquals(1, Blas.threads());
        } finally {
            Blas.setThreads(before);
        }
        assertEquals(before, Blas.threads());
    }
}
