package org.featurelab.linalg;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every row runs to its end before a row's throwable is rethrown, so no row outlives the call. */
class ParallelTest {
    @Test
    void allRowsFinishBeforeTheFirstThrowableIsRethrown() {
        int n = 64;
        AtomicInteger finished = new AtomicInteger();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Parallel.rows(n, 1 << 20, i -> {
            if (i == 3) {
                throw new IllegalArgumentException("row 3");
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            finished.incrementAndGet();
        }));
        assertEquals("row 3", e.getMessage());
        assertEquals(n - 1, finished.get(), "the other rows all ran to their end");
        OutOfMemoryError oom = new OutOfMemoryError("test");
        assertSame(oom, assertThrows(OutOfMemoryError.class, () -> Parallel.rows(n, 1 << 20, i -> {
            if (i % 7 == 0) {
                throw oom;
            }
        })));
    }
}
