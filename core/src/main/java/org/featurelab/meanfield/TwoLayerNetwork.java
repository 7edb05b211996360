package org.featurelab.meanfield;

import org.featurelab.linalg.Matrix;

import java.util.random.RandomGenerator;

/**
 * The two-layer ReLU network of the mean-field model (../shared/REFERENCE.md §9), immutable:
 * <pre>
 *   f(x) = N^{−γ} Σ_{i=1..N} aᵢ φ(wᵢᵀx),   φ(z) = max(z, 0),
 * </pre>
 * with hidden weights W (N×d, row i = wᵢ, row-major, no biases), readout a (length N) and scaling exponent γ
 * (γ = ½ is the standard, NNGP, scaling; γ = 1 the mean-field one). The arrays are copied in and out.
 */
public final class TwoLayerNetwork {
    private final Matrix hidden;
    private final double[] readout;
    private final double gamma;

    /**
     * @param hidden  W, N×d with N ≥ 1, d ≥ 1, finite
     * @param readout a, length N, finite
     * @param gamma   γ, finite
     * @throws IllegalArgumentException naming the field that is invalid
     */
    public TwoLayerNetwork(Matrix hidden, double[] readout, double gamma) {
        if (hidden == null || hidden.rows() < 1) {
            throw new IllegalArgumentException("width N must be >= 1, got " + (hidden == null ? "no hidden weights" : hidden.rows()));
        }
        if (hidden.cols() < 1) {
            throw new IllegalArgumentException("dimension d must be >= 1, got " + hidden.cols());
        }
        if (!hidden.isFinite()) {
            throw new IllegalArgumentException("hidden weights must be finite");
        }
        if (readout == null || readout.length != hidden.rows()) {
            throw new IllegalArgumentException("readout must have length N = " + hidden.rows() + ", got "
                    + (readout == null ? "null" : readout.length));
        }
        for (double v : readout) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("readout must be finite, got " + v);
            }
        }
        if (!Double.isFinite(gamma)) {
            throw new IllegalArgumentException("gamma must be finite, got " + gamma);
        }
        this.hidden = hidden.copy();
        this.readout = readout.clone();
        this.gamma = gamma;
    }

    /**
     * A draw from the prior: aᵢ ~ N(0, σ_a²), then W_ij ~ N(0, σ_w²/d) in row-major order, all from {@code rng}.
     *
     * @throws IllegalArgumentException if {@code width} (N) or {@code dimension} (d) is below 1 or γ is not finite
     */
    public static TwoLayerNetwork samplePrior(int width, int dimension, double gamma, Priors priors, RandomGenerator rng) {
        if (width < 1) {
            throw new IllegalArgumentException("width N must be >= 1, got " + width);
        }
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension d must be >= 1, got " + dimension);
        }
        double[] a = new double[width];
        double sa = Math.sqrt(priors.readoutVariance());
        for (int i = 0; i < width; i++) {
            a[i] = sa * rng.nextGaussian();
        }
        Matrix w = Matrix.gaussian(width, dimension, Math.sqrt(priors.weightCoordinateVariance(dimension)), rng);
        return new TwoLayerNetwork(w, a, gamma);
    }

    /** N, the number of hidden units. */
    public int width() {
        return hidden.rows();
    }

    /** d, the input dimension. */
    public int dimension() {
        return hidden.cols();
    }

    /** γ, the scaling exponent. */
    public double gamma() {
        return gamma;
    }

    /** N^{−γ}, the output scale. */
    public double outputScale() {
        return Math.pow(width(), -gamma);
    }

    /** W (N×d), a copy. */
    public Matrix hiddenWeights() {
        return hidden.copy();
    }

    /** a (length N), a copy. */
    public double[] readout() {
        return readout.clone();
    }

    /** The same network with another readout (length N). */
    public TwoLayerNetwork withReadout(double[] newReadout) {
        return new TwoLayerNetwork(hidden, newReadout, gamma);
    }

    /** The same network with other hidden weights (N×d). */
    public TwoLayerNetwork withHiddenWeights(Matrix newHidden) {
        if (newHidden.rows() != width() || newHidden.cols() != dimension()) {
            throw new IllegalArgumentException("hidden weights must be " + hidden.shape() + ", got " + newHidden.shape());
        }
        return new TwoLayerNetwork(newHidden, readout, gamma);
    }

    /**
     * Hidden activations Φ = φ(X Wᵀ), P×N, by one GEMM (cost 2·P·N·d flops) and a ReLU pass.
     *
     * @param x inputs, P×d
     */
    public Matrix features(Matrix x) {
        requireInputs(x);
        Matrix phi = Matrix.multiply(x, false, hidden, true);
        reluInPlace(phi.data());
        return phi;
    }

    /**
     * f(X) = N^{−γ} φ(X Wᵀ) a for the P rows of {@code x} (P×d): two GEMMs, cost 2·P·N·(d + 1) flops.
     *
     * @return the P outputs
     */
    public double[] predict(Matrix x) {
        Matrix phi = features(x);
        Matrix out = Matrix.zeros(x.rows(), 1);
        Matrix.gemmInPlace(outputScale(), phi, false, Matrix.wrap(width(), 1, readout), false, 0.0, out);
        return out.data();
    }

    /**
     * L = (1/P) Σ_μ (f(x_μ) − y_μ)², the training loss of SGLD.
     *
     * @param x inputs, P×d
     * @param y targets, length P
     */
    public double loss(Matrix x, double[] y) {
        if (y.length != x.rows()) {
            throw new IllegalArgumentException("loss: " + x.rows() + " inputs but " + y.length + " targets");
        }
        double[] f = predict(x);
        double s = 0;
        for (int mu = 0; mu < f.length; mu++) {
            double r = f[mu] - y[mu];
            s += r * r;
        }
        return s / f.length;
    }

    void requireInputs(Matrix x) {
        if (x.rows() < 1) {
            throw new IllegalArgumentException("inputs: P must be >= 1, got " + x.rows());
        }
        if (x.cols() != dimension()) {
            throw new IllegalArgumentException("inputs are " + x.shape() + " but the network has d = " + dimension());
        }
    }

    static void reluInPlace(double[] z) {
        for (int i = 0; i < z.length; i++) {
            if (z[i] < 0) { // NaN passes through
                z[i] = 0.0;
            }
        }
    }
}
