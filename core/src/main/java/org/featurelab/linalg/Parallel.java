package org.featurelab.linalg;

import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/** Row-parallel loops for element-wise work that BLAS does not cover (exp, sqrt, masks). */
public final class Parallel {
    /** Below this many scalar operations a loop runs on the calling thread. */
    private static final long MIN_PARALLEL_WORK = 1L << 15;

    private Parallel() {
    }

    /** Runs {@code body.accept(i)} for i in [0, n), in parallel when n·workPerRow is large. */
    public static void rows(int n, long workPerRow, IntConsumer body) {
        if (n * Math.max(1, workPerRow) < MIN_PARALLEL_WORK || n < 2) {
            for (int i = 0; i < n; i++) {
                body.accept(i);
            }
        } else {
            IntStream.range(0, n).parallel().forEach(body);
        }
    }
}
