package org.featurelab.kernel;

import org.featurelab.linalg.Arithmetic;
import org.featurelab.linalg.Matrix;
import org.featurelab.linalg.NativeFloats;

/**
 * The result of one training-Gram pass of a basis ({@link KernelBasis#trainingGram}): K(X, X) and what the pass
 * computed on the side for the feature update, in the arithmetic the fit resolved. The feature update takes it
 * explicitly ({@link KernelBasis#gradientsAtCenters(TrainingGram, int, int, Matrix)}); the basis itself keeps
 * nothing from the pass.
 *
 * <p>Storage: {@code k} and the weights are usually borrowed from the {@link GramWorkspace} the pass wrote into, so
 * a training Gram is valid only until the next pass on the same workspace, and its arrays must not be modified.
 * The record is immutable in that it never changes what it refers to.
 *
 * <p>Under {@link Arithmetic#MIXED} a radial basis writes only the upper triangles ({@code upperOnly}): the Cholesky
 * solve reads no more, and the gradient product is a symmetric one (ssymm) — mirroring the two n×n matrices was 40 %
 * of the pass (docs/performance.md). {@link #mirrorKInPlace()} fills in K's lower triangle for the callers that need it.
 *
 * @param k          K(X, X), n×n, float64 in every arithmetic; with {@code upperOnly} only its upper triangle
 *                   (j ≥ i) is written and the strict lower triangle holds stale values
 * @param weights    the gradient weights W(X, X) kept from the pass, or {@link Weights.None}
 * @param arithmetic the arithmetic the fit resolved ({@link Arithmetic#FLOAT64} or {@link Arithmetic#MIXED}): that
 *                   of the feature update's gradient GEMM for a radial basis (W is then held in float32); a basis
 *                   without a float32 gradient path (product-Laplace) computes in float64 regardless
 * @param upperOnly  whether only K's upper triangle is valid
 */
public record TrainingGram(Matrix k, Weights weights, Arithmetic arithmetic, boolean upperOnly) {
    /** A training Gram whose K is written in full. */
    public TrainingGram(Matrix k, Weights weights, Arithmetic arithmetic) {
        this(k, weights, arithmetic, false);
    }

    public TrainingGram {
        if (k == null || weights == null || arithmetic == null) {
            throw new IllegalArgumentException("training gram: K, weights and arithmetic are required");
        }
        if (k.rows() != k.cols()) {
            throw new IllegalArgumentException("training gram: K is " + k.shape() + ", not square");
        }
        requireKernelArithmetic(arithmetic);
        int n = k.rows();
        if (weights instanceof Weights.Float64 w && (w.w().rows() != n || w.w().cols() != n)) {
            throw new IllegalArgumentException("training gram: K is " + k.shape() + ", W is " + w.w().shape());
        }
        if (weights instanceof Weights.Float32 w && w.n() != n) {
            throw new IllegalArgumentException("training gram: K is " + k.shape() + ", float32 W is for n = " + w.n());
        }
    }

    /**
     * K with both triangles, made in place: K itself, after copying its upper triangle into the lower one in the
     * borrowed storage when only the upper one was written (one n² pass, repeated on every call; the upper triangle is
     * not changed). The one sanctioned write into a training Gram's storage.
     */
    public Matrix mirrorKInPlace() {
        if (upperOnly) {
            k.mirrorUpperInPlace();
        }
        return k;
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
        return k.rows();
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
