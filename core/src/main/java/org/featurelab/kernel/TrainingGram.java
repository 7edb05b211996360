package org.featurelab.kernel;

import org.featurelab.linalg.Arithmetic;
import org.featurelab.linalg.Matrix;
import org.featurelab.linalg.NativeDoubles;
import org.featurelab.linalg.NativeFloats;

/**
 * The result of one training-Gram pass of a basis ({@link KernelBasis#trainingGram}): K(X, X) and what the pass
 * computed on the side for the feature update, in the arithmetic the fit resolved. The feature update takes it
 * explicitly ({@link KernelBasis#gradientsAtCenters(TrainingGram, int, int, Matrix)}); the basis itself keeps
 * nothing from the pass.
 *
 * <p>Storage: K and the weights are usually borrowed from the {@link GramWorkspace} the pass wrote into, so
 * a training Gram is valid only until the next pass on the same workspace, and its arrays must not be modified.
 * The record is immutable in that it never changes what it refers to.
 *
 * <p>Under {@link Arithmetic#MIXED} a radial basis writes only the upper triangles, K in native memory
 * ({@link Values.NativeUpper}): the mixed-precision Cholesky solve reads that triangle in place, and the gradient
 * product is a symmetric one (ssymm) — mirroring the two n×n matrices was 40 % of the pass, and the solve's copy of a
 * heap K into native memory another n² pass (docs/performance.md).
 *
 * @param values     K(X, X), float64 in every arithmetic: on the heap with both triangles, or the upper triangle in
 *                   native memory
 * @param weights    the gradient weights W(X, X) kept from the pass, or {@link Weights.None}
 * @param arithmetic the arithmetic the fit resolved ({@link Arithmetic#FLOAT64} or {@link Arithmetic#MIXED}): that
 *                   of the feature update's gradient GEMM for a radial basis (W is then held in float32); a basis
 *                   without a float32 gradient path (product-Laplace) computes in float64 regardless
 */
public record TrainingGram(Values values, Weights weights, Arithmetic arithmetic) {
    /** A training Gram whose K is a full heap matrix. */
    public TrainingGram(Matrix k, Weights weights, Arithmetic arithmetic) {
        this(new Values.Full(k), weights, arithmetic);
    }

    public TrainingGram {
        if (values == null || weights == null || arithmetic == null) {
            throw new IllegalArgumentException("training gram: K, weights and arithmetic are required");
        }
        requireKernelArithmetic(arithmetic);
        if (values instanceof Values.NativeUpper && arithmetic != Arithmetic.MIXED) {
            throw new IllegalArgumentException("training gram: a native K triangle is solved in mixed arithmetic, not "
                    + arithmetic);
        }
        int n = values.n();
        if (weights instanceof Weights.Float64 w && (w.w().rows() != n || w.w().cols() != n)) {
            throw new IllegalArgumentException("training gram: K is " + n + "x" + n + ", W is " + w.w().shape());
        }
        if (weights instanceof Weights.Float32 w && w.n() != n) {
            throw new IllegalArgumentException("training gram: K is " + n + "x" + n + ", float32 W is for n = " + w.n());
        }
    }

    /**
     * K with both triangles on the heap: the stored matrix itself for {@link Values.Full} (borrowed: do not modify),
     * a new matrix mirrored from the triangle for {@link Values.NativeUpper} (n² heap on every call: for interpolation,
     * λ = 0, and for inspection).
     */
    public Matrix k() {
        if (values instanceof Values.Full full) {
            return full.k();
        }
        Values.NativeUpper u = (Values.NativeUpper) values;
        int n = u.n();
        Matrix k = Matrix.zeros(n, n);
        double[] v = k.data();
        for (int i = 0; i < n; i++) {
            u.upper().get((long) i * n + i, v, i * n + i, n - i);
        }
        k.mirrorUpperInPlace();
        return k;
    }

    /** tr K = Σᵢ K_ii. */
    public double trace() {
        if (values instanceof Values.Full full) {
            return full.k().trace();
        }
        Values.NativeUpper u = (Values.NativeUpper) values;
        double t = 0;
        for (long i = 0; i < u.n(); i++) {
            t += u.upper().get(i * (u.n() + 1));
        }
        return t;
    }

    /** Where K is held. */
    public sealed interface Values {
        /** Number of centres n (K is n×n). */
        int n();

        /** K with both triangles, n×n float64 on the Java heap. */
        record Full(Matrix k) implements Values {
            public Full {
                if (k == null || k.rows() != k.cols()) {
                    throw new IllegalArgumentException("training gram: K is " + (k == null ? "null" : k.shape())
                            + ", not square");
                }
            }

            @Override
            public int n() {
                return k.rows();
            }
        }

        /**
         * The upper triangle (j ≥ i) of the row-major n×n K in the first n² values of {@code upper}, native float64
         * (usually a workspace buffer; the strict lower triangle is not written).
         */
        record NativeUpper(int n, NativeDoubles upper) implements Values {
            public NativeUpper {
                if (n < 0 || upper == null || upper.capacity() < (long) n * n) {
                    throw new IllegalArgumentException("training gram: native K for n = " + n + " has "
                            + (upper == null ? 0 : upper.capacity()) + " values");
                }
            }
        }
    }

    /** Rejects {@link Arithmetic#FLOAT32}, which kernel machines do not offer (see {@link Arithmetic}). */
    static Arithmetic requireKernelArithmetic(Arithmetic arithmetic) {
        if (arithmetic == Arithmetic.FLOAT32) {
            throw new IllegalArgumentException("training gram: kernel machines run in float64 or mixed arithmetic, not float32");
        }
        return arithmetic;
    }

    /** A training Gram with nothing kept beside K. */
    public static TrainingGram of(Matrix k, Arithmetic arithmetic) {
        return new TrainingGram(k, new Weights.None(), arithmetic);
    }

    /** Number of centres n. */
    public int size() {
        return values.n();
    }

    /** Rejects a training Gram of another size than the basis it is handed to. */
    void requireSize(int n, String where) {
        if (size() != n) {
            throw new IllegalArgumentException(where + ": training Gram is for " + size() + " centres, basis has " + n);
        }
    }

    /** The n×n gradient weights W(X, X) of a radial basis (w(‖xᵢ − xⱼ‖²_M), see {@link RadialKernel#gradientWeight}). */
    public sealed interface Weights {
        /** Nothing held: gradients at the centres compute their weights again, in bounded row blocks. */
        record None() implements Weights {
        }

        /** W in float64 (n×n). */
        record Float64(Matrix w) implements Weights {
        }

        /**
         * W in float32 for the gradient product of {@link Arithmetic#MIXED}: the upper triangle (j ≥ i) of the row-major
         * n×n matrix in the first n² values of {@code upper}, in native memory where BLAS reads it without a copy (a
         * workspace buffer may be longer; the strict lower triangle is not written). {@code operand} and
         * {@code product}: the workspace's native buffers for the other factor and the result of that product, reused
         * by every update of a fit instead of faulting in fresh memory each time (their contents are scratch).
         */
        record Float32(int n, NativeFloats upper, NativeFloats operand, NativeFloats product) implements Weights {
            public Float32 {
                if (upper.capacity() < (long) n * n) {
                    throw new IllegalArgumentException("training gram: float32 W has " + upper.capacity()
                            + " values for n = " + n);
                }
            }
        }
    }
}
