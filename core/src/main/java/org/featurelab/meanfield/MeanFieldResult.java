package org.featurelab.meanfield;

import org.featurelab.linalg.Matrix;

/**
 * Outcome of {@link MeanFieldSolver#solve}: the particles, the self-consistent posterior mean at the training points,
 * and how the iteration ended. Immutable (arrays are copied in and out).
 *
 * <p>Predictions use the particles w_b of the final linear solve and the readout coefficients
 * v_b = (N^{1−γ}/(B·P)) · s_b · Σ_μ φ(w_bᵀx_μ) r_μ, s_b = 1/(2α_b κ² N^γ), r = y − f, so that
 * ⟨f⟩(x) = Σ_b v_b φ(w_bᵀx) = N^{1−γ}·(1/B)Σ_b E(a | w_b)·φ(w_bᵀx); at the training points this is K·r = f.
 */
public final class MeanFieldResult {
    private final MeanFieldConfig config;
    private final Matrix particles;
    private final double[] readout;
    private final double[] trainPrediction;
    private final int iterations;
    private final boolean converged;
    private final double relativeChange;
    private final double fixedPointResidual;
    private final Sampling sampling;
    private final double[] precisions;

    /**
     * How the MALA sampling went ({@link MeanFieldSolver}, "Adaptive step").
     *
     * @param acceptanceRate     fraction of all MALA proposals accepted over the run (the fixed-point check excluded)
     * @param lastAcceptanceRate fraction accepted in the last outer iteration
     * @param stepMultiplier     the final step multiplier c (after the last adaptation; the fixed-point check uses it)
     * @param stepSizes          the final per-coordinate MALA steps h_j = c·h (length d)
     */
    record Sampling(double acceptanceRate, double lastAcceptanceRate, double stepMultiplier, double[] stepSizes) {
        Sampling {
            stepSizes = stepSizes.clone();
        }
    }

    MeanFieldResult(MeanFieldConfig config, Matrix particles, double[] readout, double[] trainPrediction,
                    int iterations, boolean converged, double relativeChange, double fixedPointResidual,
                    Sampling sampling, double[] precisions) {
        this.precisions = precisions.clone();
        this.config = config;
        this.particles = particles.copy();
        this.readout = readout.clone();
        this.trainPrediction = trainPrediction.clone();
        this.iterations = iterations;
        this.converged = converged;
        this.relativeChange = relativeChange;
        this.fixedPointResidual = fixedPointResidual;
        this.sampling = sampling;
    }

    public MeanFieldConfig config() {
        return config;
    }

    /** The B×d particles w_b (samples of the single-neuron marginal). */
    public Matrix particles() {
        return particles.copy();
    }

    /** The readout coefficients v_b (length B); see the class comment. */
    public double[] readout() {
        return readout.clone();
    }

    /** ⟨f⟩ at the training points, the solution of (I + K) f = K y. */
    public double[] trainPrediction() {
        return trainPrediction.clone();
    }

    /** Outer iterations run. */
    public int iterations() {
        return iterations;
    }

    /** Whether the relative change of f fell below the tolerance. */
    public boolean converged() {
        return converged;
    }

    /** ‖f_t − f_{t−1}‖/‖f_t‖ at the last iteration. */
    public double relativeChange() {
        return relativeChange;
    }

    /**
     * ‖(I + K')f − K'y‖/‖K'y‖ with K' built from the particles after one further round of inner steps under the final
     * field r = y − f: how far f is from being a fixed point of the lagged map (MC noise included).
     */
    public double fixedPointResidual() {
        return fixedPointResidual;
    }

    /** Fraction of MALA proposals accepted over the whole run (every outer iteration; not the fixed-point check). */
    public double acceptanceRate() {
        return sampling.acceptanceRate();
    }

    /** Fraction of MALA proposals accepted in the last outer iteration (the adaptation drives it toward 0.574). */
    public double lastAcceptanceRate() {
        return sampling.lastAcceptanceRate();
    }

    /**
     * The final step multiplier c (1 at the start, adapted after every outer iteration, clamped to [1e-4, 1]): the
     * final steps are c times the initial ones.
     */
    public double finalStepMultiplier() {
        return sampling.stepMultiplier();
    }

    /** The final step in the units of {@link MeanFieldConfig#stepSize()}: c·stepSize. */
    public double finalStepSize() {
        return sampling.stepMultiplier() * config.stepSize();
    }

    /**
     * The final per-coordinate MALA steps h_j (length d): c·stepSize·σ_w²/d without ARD, c·stepSize/ρ_j with it (the
     * final ρ); the fixed-point check ran with these.
     */
    public double[] finalStepSizes() {
        return sampling.stepSizes().clone();
    }

    /**
     * The final per-input prior precisions ρ_j (length d): the MF-ARD ones when {@code config().ard()} is set,
     * otherwise the isotropic d/σ_w².
     */
    public double[] priorPrecisions() {
        return precisions.clone();
    }

    /** The final per-input prior variances 1/ρ_j (length d). */
    public double[] priorVariances() {
        double[] v = new double[precisions.length];
        for (int j = 0; j < v.length; j++) {
            v[j] = 1.0 / precisions[j];
        }
        return v;
    }

    /** ⟨f⟩(x) = Σ_b v_b φ(w_bᵀx) at the rows of {@code xNew} (m×d); cost 2·m·B·d flops. */
    public double[] predict(Matrix xNew) {
        if (xNew.cols() != particles.cols()) {
            throw new IllegalArgumentException("mean-field predict: x is " + xNew.shape() + ", particles are "
                    + particles.shape());
        }
        Matrix pre = xNew.timesTranspose(particles);
        double[] pd = pre.data();
        for (int i = 0; i < pd.length; i++) {
            pd[i] = Math.max(0.0, pd[i]);
        }
        return pre.times(Matrix.wrap(readout.length, 1, readout)).data();
    }
}
