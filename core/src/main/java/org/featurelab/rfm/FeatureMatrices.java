package org.featurelab.rfm;

import org.featurelab.kernel.KernelBasis;
import org.featurelab.kernel.Metric;
import org.featurelab.kernel.RadialBasis;
import org.featurelab.kernel.TrainingGram;
import org.featurelab.linalg.Matrix;
import org.featurelab.linalg.Parallel;

/**
 * The feature matrices an RFM learns M from, computed on the training points (the centres of the basis)
 * for the predictor f(x) = Σᵢ αᵢ k_M(x, xᵢ). Every function takes the basis' {@link TrainingGram} of the same
 * iteration explicitly: a radial basis' gradient weights W(X, X) come from it (no second distance GEMM or
 * exponential), and so does the arithmetic of the gradient GEMM. Without held weights training rows are streamed
 * in blocks of b rows, so memory is O(b·n + n·c·d) beyond the Gram; no n×n×d tensor is formed.
 */
public final class FeatureMatrices {
    private FeatureMatrices() {
    }

    /**
     * AGOP = (1/n) Σᵢ Σ_c ∇f_c(xᵢ)∇f_c(xᵢ)ᵀ (d×d). With {@code centered}, every output's gradients are first
     * centred over the samples: AGOP − Σ_c ḡ_c ḡ_cᵀ with ḡ_c = (1/n)Σᵢ∇f_c(xᵢ).
     * Cost 2·n²·c·d (gradient GEMMs) + 2·n·c·d² flops.
     */
    public static Matrix agop(KernelBasis basis, TrainingGram gram, Matrix alpha, boolean centered) {
        int n = basis.size();
        int d = basis.dimension();
        int c = alpha.cols();
        Matrix agop = Matrix.zeros(d, d);
        Matrix sum = Matrix.zeros(c, d);
        int block = basis.gradientBlockRows(gram, c * d);
        for (int from = 0; from < n; from += block) {
            int to = Math.min(n, from + block);
            Matrix g = basis.gradientsAtCenters(gram, from, to, alpha).viewAs((to - from) * c, d);
            Matrix.gemmInPlace(1.0, g, true, g, false, 1.0, agop);
            if (centered) {
                double[] gd = g.data();
                double[] sd = sum.data();
                for (int r = 0; r < g.rows(); r++) {
                    int k = r % c;
                    for (int j = 0; j < d; j++) {
                        sd[k * d + j] += gd[r * d + j];
                    }
                }
            }
        }
        agop.scaleInPlace(1.0 / n);
        if (centered) {
            sum.scaleInPlace(1.0 / n);
            Matrix.gemmInPlace(-1.0, sum, true, sum, false, 1.0, agop);
        }
        agop.symmetrizeInPlace();
        return agop.requireFinite("agop");
    }

    /**
     * FACT = (1/n) Σᵢ Jᵢᵀ αᵢ xᵢᵀ (d×d), Jᵢ the c×d Jacobian of f at xᵢ. For radial kernels this uses the
     * closed form {@link #factClosedForm}; otherwise {@link #factByDefinition}.
     */
    public static Matrix fact(KernelBasis basis, TrainingGram gram, Matrix alpha) {
        if (basis instanceof RadialBasis radial) {
            return factClosedForm(radial, gram, alpha);
        }
        return factByDefinition(basis, gram, alpha);
    }

    /**
     * FACT by its definition (1/n) Σᵢ gᵢ xᵢᵀ with gᵢ = Jᵢᵀαᵢ = Σ_c α_ic ∇f_c(xᵢ), from explicit gradients.
     * Cost 2·n²·c·d flops.
     */
    public static Matrix factByDefinition(KernelBasis basis, TrainingGram gram, Matrix alpha) {
        int n = basis.size();
        int d = basis.dimension();
        int c = alpha.cols();
        Matrix x = basis.centers();
        Matrix fact = Matrix.zeros(d, d);
        int block = basis.gradientBlockRows(gram, c * d);
        for (int from = 0; from < n; from += block) {
            int to = Math.min(n, from + block);
            int b = to - from;
            double[] g = basis.gradientsAtCenters(gram, from, to, alpha).data();
            Matrix gamma = Matrix.zeros(b, d);
            double[] gm = gamma.data();
            double[] al = alpha.data();
            for (int a = 0; a < b; a++) {
                for (int k = 0; k < c; k++) {
                    double w = al[(from + a) * c + k];
                    int off = a * c * d + k * d;
                    for (int j = 0; j < d; j++) {
                        gm[a * d + j] += w * g[off + j];
                    }
                }
            }
            Matrix.gemmInPlace(1.0, gamma, true, x.rowRange(from, to), false, 1.0, fact);
        }
        fact.scaleInPlace(1.0 / n);
        return fact.requireFinite("fact");
    }

    /**
     * Closed form for radial kernels, where ∇f_c(z) = Σⱼ α_jc w(z, xⱼ) M(xⱼ − z):
     * <pre>  FACT = −(1/n) · M · Xᵀ (D_W − W) X,   W_ij = (αᵢ·αⱼ) w_ij,  D_W = diag(W·1) </pre>
     * (for the Laplace kernel w_ij = k_ij / (L‖xᵢ−xⱼ‖_M), so this is the reference's −(1/(nL))·M·Xᵀ(D_w − W)X).
     * Cost O(n²(c + d) + n·d²) instead of O(n²·c·d). Since (D_W − W)·1 = 0, Xᵀ(D_W − W)X is unchanged by
     * translating X; the columns of X are centred first so that the products do not cancel for offset data.
     * Reads the gradient weights held by {@code gram} (widened row blocks when float32) without modifying them, or
     * computes them block by block when it holds none.
     */
    public static Matrix factClosedForm(RadialBasis basis, TrainingGram gram, Matrix alpha) {
        int n = basis.size();
        int d = basis.dimension();
        Matrix x = centeredColumns(basis.centers());
        Matrix s = Matrix.zeros(d, d);    // Xᵀ(D_W − W)X accumulated over row blocks
        int block = KernelBasis.blockRows(n, n);
        for (int from = 0; from < n; from += block) {
            int to = Math.min(n, from + block);
            int b = to - from;
            Matrix xb = x.rowRange(from, to);
            Matrix w = basis.weightsAtCenters(gram, from, to);
            Matrix inner = alpha.rowRange(from, to).timesTranspose(alpha);   // αᵢ·αⱼ, b×n
            double[] wd = w.data();
            double[] id = inner.data();
            double[] rowSum = new double[b];
            Parallel.rows(b, n, a -> {
                double sum = 0;
                for (int i = a * n, end = i + n; i < end; i++) {
                    id[i] *= wd[i];                       // W_ij = (αᵢ·αⱼ)·w_ij, in the b×n buffer of its own
                    sum += id[i];
                }
                rowSum[a] = sum;
            });
            Matrix t = inner.times(x);                    // W_B·X, b×d
            Matrix scaled = xb.copy();                    // diag(rowSum)·X_B
            double[] sd = scaled.data();
            for (int a = 0; a < b; a++) {
                for (int j = 0; j < d; j++) {
                    sd[a * d + j] *= rowSum[a];
                }
            }
            t.addInPlace(-1.0, scaled);                   // (W_B − D_B)·X
            Matrix.gemmInPlace(-1.0, xb, true, t, false, 1.0, s);   // S += X_Bᵀ(D_B − W_B)X
        }
        Matrix fact = times(basis.metric(), s);
        fact.scaleInPlace(-1.0 / n);
        return fact.requireFinite("fact");
    }

    /** X with every column's mean subtracted (a new matrix). */
    static Matrix centeredColumns(Matrix x) {
        int n = x.rows();
        int d = x.cols();
        double[] mean = new double[d];
        double[] xd = x.data();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                mean[j] += xd[i * d + j];
            }
        }
        Matrix out = x.copy();
        double[] o = out.data();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                o[i * d + j] -= mean[j] / n;
            }
        }
        return out;
    }

    /** M·A for a full or diagonal metric. */
    static Matrix times(Metric metric, Matrix a) {
        if (metric instanceof Metric.Diagonal diag) {
            double[] m = diag.m();
            Matrix out = a.copy();
            double[] o = out.data();
            int cols = a.cols();
            for (int i = 0; i < a.rows(); i++) {
                for (int j = 0; j < cols; j++) {
                    o[i * cols + j] *= m[i];
                }
            }
            return out;
        }
        return metric.toMatrix().times(a);
    }
}
