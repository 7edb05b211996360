package org.featurelab.linalg;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** OPENBLAS_THREAD_TIMEOUT as OpenBLAS reads it (atoi, clamped to [4, 30], 0 or unset: its default 2^28). */
class BlasThreadTimeoutTest {
    @Test
    void openBlasThreadTimeoutIsReadAsOpenBlasReadsIt() {
        assertEquals("threads spin 2^28 cycles (default)", Blas.threadTimeout(null));
        assertEquals("threads spin 2^16 cycles (OPENBLAS_THREAD_TIMEOUT)", Blas.threadTimeout("16"));
        assertEquals("threads spin 2^4 cycles (OPENBLAS_THREAD_TIMEOUT)", Blas.threadTimeout("1"));
        assertEquals("threads spin 2^30 cycles (OPENBLAS_THREAD_TIMEOUT)", Blas.threadTimeout("99"));
        assertEquals("threads spin 2^28 cycles (default)", Blas.threadTimeout("0"));
        assertEquals("threads spin 2^28 cycles (default)", Blas.threadTimeout("fast"));
        // atoi reads leading zeros as part of the number, and its sign
        assertEquals("threads spin 2^20 cycles (OPENBLAS_THREAD_TIMEOUT)", Blas.threadTimeout("0000000020"));
        assertEquals("threads spin 2^12 cycles (OPENBLAS_THREAD_TIMEOUT)", Blas.threadTimeout(" +012x"));
        assertEquals("threads spin 2^28 cycles (default)", Blas.threadTimeout("000"));
        assertEquals("threads spin 2^28 cycles (default)", Blas.threadTimeout("-16"));
    }
}
