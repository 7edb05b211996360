package org.featurelab.linalg;

/**
 * Native buffers for repeated one-shot solves of same-sized systems ({@link Cholesky#solveShifted},
 * {@link Cholesky#solveShiftedUpper}): the float64 copy of A that a float64 factorisation overwrites, the float32
 * factor of mixed-precision solves, and the right-hand sides. Allocating these once per fit instead of once per solve
 * avoids re-faulting hundreds of MB of fresh memory on every solve, which on the virtual machines measured here made
 * solve times vary by 2×. Buffers grow on demand; {@link #close()} frees them. Not thread-safe.
 */
public final class SolverWorkspace implements AutoCloseable {
    private final NativeDoubles a = new NativeDoubles();
    private final NativeDoubles rhs = new NativeDoubles();
    private final NativeDoubles solution = new NativeDoubles();
    private final NativeFloats factor = new NativeFloats();
    private final NativeFloats rhs32 = new NativeFloats();

    /** Float64 n×n copy of A (+ shift): factored in place by float64 solves. */
    NativeDoubles a(long size) {
        return a.reserve(size);
    }

    /** Right-hand side (and residual) buffer. */
    NativeDoubles rhs(long size) {
        return rhs.reserve(size);
    }

    /** Solution buffer. */
    NativeDoubles solution(long size) {
        return solution.reserve(size);
    }

    /** Float32 n×n factor of a mixed-precision solve. */
    NativeFloats factor(long size) {
        return factor.reserve(size);
    }

    /** Float32 right-hand side of a mixed-precision solve. */
    NativeFloats rhs32(long size) {
        return rhs32.reserve(size);
    }

    @Override
    public void close() {
        a.close();
        rhs.close();
        solution.close();
        factor.close();
        rhs32.close();
    }
}
