package org.featurelab.linalg;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/** Row-parallel loops for element-wise work that BLAS does not cover (exp, sqrt, masks). */
public final class Parallel {
    /** Below this many scalar operations a loop runs on the calling thread. */
    private static final long MIN_PARALLEL_WORK = 1L << 15;

    private Parallel() {
    }

    /**
     * Runs {@code body.accept(i)} for i in [0, n), in parallel when n·workPerRow is large. When a row throws, the
     * other rows still run to their end before the first throwable is rethrown (the rest are added as suppressed):
     * a caller may then free native memory the rows were using, so no row may outlive this call.
     */
    public static void rows(int n, long workPerRow, IntConsumer body) {
        if (n * Math.max(1, workPerRow) < MIN_PARALLEL_WORK || n < 2) {
            for (int i = 0; i < n; i++) {
                body.accept(i);
            }
        } else {
            AtomicReference<Throwable> first = new AtomicReference<>();
            IntStream.range(0, n).parallel().forEach(i -> {
                try {
                    body.accept(i);
                } catch (Throwable t) {
                    if (!first.compareAndSet(null, t) && first.get() != t) {   // a throwable cannot suppress itself
                        first.get().addSuppressed(t);
                    }
                }
            });
            Throwable t = first.get();
            if (t instanceof RuntimeException e) {
                throw e;
            }
            if (t instanceof Error e) {
                throw e;
            }
            if (t != null) {
                throw new IllegalStateException(t);   // a sneaky checked exception
            }
        }
    }
}
