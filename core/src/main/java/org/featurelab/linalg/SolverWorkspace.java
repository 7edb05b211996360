package org.featurelab.linalg;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;

/**
 * Native buffers for repeated one-shot solves of same-sized systems ({@link Cholesky#solveShifted}): the n×n
 * copy of A, the float32 work copy of mixed-precision solves, and the right-hand sides. Allocating these once per
 * fit instead of once per solve avoids re-faulting hundreds of MB of fresh memory on every solve, which on the
 * virtual machines measured here made solve times vary by 2×. Buffers grow on demand; {@link #close()} frees them.
 * Not thread-safe.
 */
public final class SolverWorkspace implements AutoCloseable {
    private DoublePointer a;
    private DoublePointer b;
    private DoublePointer x;
    private DoublePointer work;
    private FloatPointer swork;
    private final IntPointer iter = new IntPointer(1);
    private long capacityA;
    private long capacityB;
    private long capacitySwork;
    private boolean closed;

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("solver workspace used after close()");
        }
    }

    DoublePointer a(long size) {
        requireOpen();
        if (a == null || capacityA < size) {
            free(a);
            a = new DoublePointer(size);
            capacityA = size;
        }
        return a;
    }

    /** Right-hand side, solution and refinement work buffers, each of {@code size} doubles. */
    DoublePointer[] rhs(long size) {
        requireOpen();
        if (b == null || capacityB < size) {
            free(b);
            free(x);
            free(work);
            b = new DoublePointer(size);
            x = new DoublePointer(size);
            work = new DoublePointer(size);
            capacityB = size;
        }
        return new DoublePointer[]{b, x, work};
    }

    FloatPointer swork(long size) {
        requireOpen();
        if (swork == null || capacitySwork < size) {
            free(swork);
            swork = new FloatPointer(size);
            capacitySwork = size;
        }
        return swork;
    }

    IntPointer iter() {
        requireOpen();
        return iter;
    }

    private static void free(org.bytedeco.javacpp.Pointer p) {
        if (p != null) {
            p.close();
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        free(a);
        free(b);
        free(x);
        free(work);
        free(swork);
        iter.close();
        a = b = x = work = null;
        swork = null;
    }
}
