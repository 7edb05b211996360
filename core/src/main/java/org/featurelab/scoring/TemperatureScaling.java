package org.featurelab.scoring;

import org.featurelab.linalg.Matrix;

/**
 * Class probabilities from class scores s ∈ ℝᶜ (e.g. a kernel machine's regression outputs on one-hot targets) by a
 * softmax with one fitted inverse temperature β &gt; 0 (Guo et al. 2017, "On calibration of modern neural networks"):
 * <pre>  p_k(s) = exp(β s_k) / Σ_j exp(β s_j),   β̂ = argmin_β (1/n)Σᵢ [logΣ_j exp(β s_ij) − β Σ_k t_ik s_ik]</pre>
 * fitted on held-out rows, with smoothed targets t_i = (1 − ε)·e_{yᵢ} + ε/c, ε = 1/(n + 2) — the multi-class form of
 * Platt's (1999) prior correction, without which β̂ = ∞ whenever every held-out row's true class has the top score
 * (then every probability would be 0 or 1, and one wrong test row costs ln(10¹⁵)). The objective is convex in β
 * (its second derivative is the mean variance of s under p_β), with derivative (1/n)Σᵢ (E_{p_β}[sᵢ] − tᵢ·sᵢ),
 * increasing in β; β̂ is its root, found by bisection in ln β on [{@link #MIN_BETA}, {@link #MAX_BETA}] (clamped at
 * an end when the root lies outside). The argmax, hence accuracy, does not change.
 *
 * @param beta inverse temperature β (temperature 1/β)
 */
public record TemperatureScaling(double beta) implements java.io.Serializable {
    public static final double MIN_BETA = 1e-3, MAX_BETA = 1e4;
    private static final int BISECTIONS = 100;

    public TemperatureScaling {
        if (!(beta > 0) || !Double.isFinite(beta)) {
            throw new IllegalArgumentException("temperature scaling: beta must be positive and finite, got " + beta);
        }
    }

    /** β̂ for scores (n×c) and labels 0 … c−1; O(n·c) per bisection step. */
    public static TemperatureScaling fit(Matrix scores, int[] labels) {
        if (scores.rows() != labels.length || labels.length == 0) {
            throw new IllegalArgumentException("temperature scaling: " + scores.rows() + " score rows for " + labels.length
                    + " labels (need ≥ 1)");
        }
        double lo = Math.log(MIN_BETA);
        double hi = Math.log(MAX_BETA);
        if (derivative(scores, labels, MIN_BETA) >= 0) {
            return new TemperatureScaling(MIN_BETA);
        }
        if (derivative(scores, labels, MAX_BETA) <= 0) {
            return new TemperatureScaling(MAX_BETA);
        }
        for (int k = 0; k < BISECTIONS && hi - lo > 1e-12; k++) {
            double mid = 0.5 * (lo + hi);
            if (derivative(scores, labels, Math.exp(mid)) < 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return new TemperatureScaling(Math.exp(0.5 * (lo + hi)));
    }

    /** softmax(β s) per row, as a new n×c matrix (max-shifted, so no overflow). */
    public Matrix probabilities(Matrix scores) {
        int n = scores.rows();
        int c = scores.cols();
        Matrix p = Matrix.zeros(n, c);
        double[] s = scores.data();
        double[] out = p.data();
        for (int i = 0; i < n; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < c; k++) {
                max = Math.max(max, s[i * c + k]);
            }
            double z = 0;
            for (int k = 0; k < c; k++) {
                out[i * c + k] = Math.exp(beta * (s[i * c + k] - max));
                z += out[i * c + k];
            }
            for (int k = 0; k < c; k++) {
                out[i * c + k] /= z;
            }
        }
        return p;
    }

    /** The (unsmoothed) mean negative log-likelihood −(1/n)Σᵢ ln p_{yᵢ}(sᵢ) at this β. */
    public double negativeLogLikelihood(Matrix scores, int[] labels) {
        Matrix p = probabilities(scores);
        double s = 0;
        for (int i = 0; i < labels.length; i++) {
            s -= Math.log(p.get(i, labels[i]));
        }
        return s / labels.length;
    }

    /** The target smoothing ε = 1/(n + 2) for n held-out rows. */
    static double smoothing(int n) {
        return 1.0 / (n + 2);
    }

    /** d/dβ of the smoothed mean negative log-likelihood: (1/n)Σᵢ (E_{p_β}[sᵢ] − tᵢ·sᵢ). */
    static double derivative(Matrix scores, int[] labels, double beta) {
        Matrix p = new TemperatureScaling(beta).probabilities(scores);
        int c = scores.cols();
        double eps = smoothing(labels.length);
        double[] s = scores.data();
        double[] pd = p.data();
        double d = 0;
        for (int i = 0; i < labels.length; i++) {
            double mean = 0;
            double rowSum = 0;
            for (int k = 0; k < c; k++) {
                mean += pd[i * c + k] * s[i * c + k];
                rowSum += s[i * c + k];
            }
            d += mean - ((1 - eps) * s[i * c + labels[i]] + eps * rowSum / c);
        }
        return d / labels.length;
    }
}
