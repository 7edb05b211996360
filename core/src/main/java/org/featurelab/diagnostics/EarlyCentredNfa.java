package org.featurelab.diagnostics;

import org.featurelab.linalg.Matrix;
import org.featurelab.nn.BackwardPass;
import org.featurelab.nn.ForwardPass;
import org.featurelab.nn.Loss;
import org.featurelab.nn.Network;

/**
 * The early-time prediction of the C-NFA from the data, the labels and the PTK at initialisation
 * (../shared/REFERENCE.md §5; Beaglehole et al.). One full-batch gradient step of size η on the mean loss
 * (1/n)Σᵢℓᵢ from W(0) moves layer ℓ by
 * <pre>
 *   ΔW_ℓ = −(η/n) Σᵢ Σ_c g_ic ∇_{u_ℓ}f_c(xᵢ) h_ℓ(xᵢ)ᵀ = −(η/n) JᵀB,
 * </pre>
 * J ((n·c)×out_ℓ) with row (c, i) = ∇_{u_ℓ}f_c(xᵢ) at W(0), B ((n·c)×in_ℓ) with row (c, i) = g_ic·h_ℓ(xᵢ)ᵀ, and
 * g_ic = ∂ℓᵢ/∂f_c the loss gradient at W(0) (MSE: the residual f(xᵢ) − yᵢ, ≈ −yᵢ when f(0) ≈ 0). With the n·c×n·c
 * PTK Θ_ℓ = JJᵀ and K_ℓ = JᵀJ:
 * <pre>
 *   ΔWᵀΔW ∝ BᵀΘB,   ΔWᵀK ΔW ∝ BᵀΘ²B,   so   C-NFA(one step) = ρ(BᵀΘB, BᵀΘ²B) + O(η)
 * </pre>
 * (the O(η) is the change of K during the step; the scale (η/n)² cancels in ρ). For one output and the first layer
 * this is ρ(XᵀRΘRX, XᵀRΘ²RX), R = diag(g). Cost per layer: c backward passes shared by all layers, then
 * 2(nc)²·out + 4(nc)²·in + 2·nc·in² flops.
 */
public final class EarlyCentredNfa {
    private EarlyCentredNfa() {
    }

    /** The prediction ρ(BᵀΘB, BᵀΘ²B) for every layer, with g the gradient of {@code loss} at W(0) over (X, Y). */
    public static double[] predict(Network initial, Matrix x, Matrix y, Loss loss) {
        ForwardPass pass = initial.forward(x);
        return predictFromLossGradient(initial, pass, loss.perSampleGradient(pass.output(), y));
    }

    /**
     * As {@link #predict} with the loss gradient g (n×c) given: g = −Y is the label-only form (f(0) taken as 0).
     */
    public static double[] predictFromLossGradient(Network initial, ForwardPass pass, Matrix g) {
        int n = pass.input(0).rows();
        int c = initial.outputDim();
        if (g.rows() != n || g.cols() != c) {
            throw new IllegalArgumentException("early C-NFA: loss gradient is " + g.shape() + ", expected " + n + "x" + c);
        }
        int depth = initial.depth();
        Matrix[] jacobian = new Matrix[depth];
        Matrix[] weighted = new Matrix[depth];
        for (int l = 0; l < depth; l++) {
            jacobian[l] = Matrix.zeros(n * c, initial.layer(l).outputDim());
            weighted[l] = Matrix.zeros(n * c, initial.layer(l).inputDim());
        }
        for (int k = 0; k < c; k++) {
            Matrix seed = Matrix.zeros(n, c);
            for (int i = 0; i < n; i++) {
                seed.set(i, k, 1.0);
            }
            BackwardPass back = initial.backward(pass, seed, false);
            for (int l = 0; l < depth; l++) {
                copyRows(back.preActivationGradient(l), jacobian[l], k * n, null, 0);
                copyRows(pass.input(l), weighted[l], k * n, g, k);
            }
        }
        double[] out = new double[depth];
        for (int l = 0; l < depth; l++) {
            Matrix theta = jacobian[l].timesTranspose(jacobian[l]);
            Matrix thetaB = theta.times(weighted[l]);
            Matrix nfm = weighted[l].transposeTimes(thetaB);
            Matrix aligned = thetaB.gramOfColumns();
            out[l] = Correlations.pearson(nfm, aligned);
        }
        return out;
    }

    /** Rows of {@code src} into {@code dst} from row {@code offset}, row i scaled by g[i, col] when g is given. */
    private static void copyRows(Matrix src, Matrix dst, int offset, Matrix g, int col) {
        int w = src.cols();
        double[] s = src.data();
        double[] d = dst.data();
        for (int i = 0; i < src.rows(); i++) {
            double f = g == null ? 1.0 : g.get(i, col);
            int si = i * w;
            int di = (offset + i) * w;
            for (int j = 0; j < w; j++) {
                d[di + j] = f * s[si + j];
            }
        }
    }
}
