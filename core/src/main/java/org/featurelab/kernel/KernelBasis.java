package org.featurelab.kernel;

import org.featurelab.linalg.Arithmetic;
import org.featurelab.linalg.Matrix;

/**
 * Kernel functions k_M(·, xᵢ) centred at n training rows, with everything that depends only on the centres
 * precomputed. Supports evaluation of Gram blocks and of the gradients of a kernel predictor
 * f(z) = Σᵢ αᵢ k_M(z, xᵢ) (α is n×c). Query blocks of b rows keep memory at O(b·n + n·c·d).
 */
public interface KernelBasis {

    /** Number of centres n. */
    int size();

    /** Input dimension d. */
    int dimension();

    /** The centres X, n×d (shared, do not modify). */
    Matrix centers();

    /** b×n block K_ai = k_M(zₐ, xᵢ). */
    Matrix gram(Matrix z);

    /**
     * The training-Gram pass: K(X, X) (n×n) and whatever by-products of the pass make later
     * {@link #gradientsAtCenters} calls cheaper (a radial basis keeps the gradient weights W(X, X), in float32 under
     * {@link Arithmetic#MIXED}), written into the reusable storage of {@code ws} where the basis can, and returned as
     * one value that the feature update takes explicitly. The basis itself is not changed. By default K = gram(X) in
     * fresh storage, with nothing kept.
     *
     * @param arithmetic the arithmetic the fit resolved: {@link Arithmetic#FLOAT64} or {@link Arithmetic#MIXED}
     */
    default TrainingGram trainingGram(Arithmetic arithmetic, GramWorkspace ws) {
        return TrainingGram.of(gram(centers()), arithmetic);
    }

    /**
     * As {@link #trainingGram(Arithmetic, GramWorkspace)}, told whether a feature update will follow: with
     * {@code updateFollows} false (the last iteration of a fit) a basis may skip the by-products that only the update
     * reads and return K with {@link TrainingGram.Weights.None}. By default the same pass either way.
     */
    default TrainingGram trainingGram(Arithmetic arithmetic, GramWorkspace ws, boolean updateFollows) {
        return trainingGram(arithmetic, ws);
    }

    /** As {@link #trainingGram(Arithmetic, GramWorkspace)} in fresh storage. */
    default TrainingGram trainingGram(Arithmetic arithmetic) {
        return trainingGram(arithmetic, new GramWorkspace());
    }

    /**
     * Rows per block for {@link #gradientsAtCenters} with c·d = {@code width}: by default {@link #blockRows}; a
     * basis whose training Gram already holds n×n weights may take all rows at once.
     */
    default int gradientBlockRows(TrainingGram gram, int width) {
        return blockRows(size(), width);
    }

    /**
     * Gradients at the centres with indices [from, to), i.e. {@code gradients(centers().rowRange(from, to), alpha)},
     * reusing what {@code gram} (this basis' training Gram) holds and in its arithmetic. By default computed from the
     * rows alone, in float64.
     */
    default Matrix gradientsAtCenters(TrainingGram gram, int from, int to, Matrix alpha) {
        gram.requireSize(size(), "gradients");
        return gradients(centers().rowRange(from, to), alpha);
    }

    /**
     * Gradients of every output of f(z) = Σᵢ αᵢ k_M(z, xᵢ) at the query rows: a b×(c·d) matrix whose row a is
     * [∇f₁(zₐ)ᵀ, …, ∇f_c(zₐ)ᵀ]; read as (b·c)×d it lists one gradient per row. Computed in float64.
     */
    Matrix gradients(Matrix z, Matrix alpha);

    /** Predictions f(Z) = K(Z, X)·α (b×c), streamed in row blocks. */
    default Matrix predict(Matrix z, Matrix alpha) {
        if (alpha.rows() != size()) {
            throw new IllegalArgumentException("predict: alpha is " + alpha.shape() + " for " + size() + " centres");
        }
        int b = z.rows();
        Matrix out = Matrix.zeros(b, alpha.cols());
        int block = blockRows(size(), alpha.cols() * dimension());
        for (int from = 0; from < b; from += block) {
            int to = Math.min(b, from + block);
            Matrix k = gram(z.rowRange(from, to));
            Matrix part = k.times(alpha);
            System.arraycopy(part.data(), 0, out.data(), from * alpha.cols(), part.data().length);
        }
        return out;
    }

    /**
     * Rows per query block so that one b×n block and one b×w block stay near 2²⁴ doubles (128 MiB).
     */
    static int blockRows(int n, int width) {
        long per = (long) Math.max(1, n) + Math.max(1, width);
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (1L << 24) / per));
    }
}
