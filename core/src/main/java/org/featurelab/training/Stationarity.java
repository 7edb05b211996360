package org.featurelab.training;

import org.featurelab.nn.Gradients;
import org.featurelab.nn.Network;

/**
 * How far a network is from a stationary point of the coupled objective 𝓛 = (1/n)Σᵢℓᵢ + (λ/2)‖θ‖²: ‖∇𝓛‖ against
 * ‖λθ‖, over all parameters and per layer (weights only). At a stationary point the data gradient balances the decay,
 * ∇(1/n)Σℓᵢ = −λθ, so the ratio ‖∇𝓛‖/‖λθ‖ is 0; far from one it is O(1) or more.
 * <p>Why the per-layer ratio r_ℓ = ‖∂𝓛/∂W_ℓ‖_F / ‖λW_ℓ‖_F bounds the FACT identity: with δᵢ the gradient of ℓᵢ at
 * layer ℓ's pre-activation, ∂𝓛/∂W_ℓ = (1/n)Σᵢ δᵢh_ℓ(xᵢ)ᵀ + λW_ℓ and FACT_ℓ = −(1/(nλ))Σᵢ W_ℓᵀδᵢ h_ℓ(xᵢ)ᵀ, hence
 * <pre>  FACT_ℓ − W_ℓᵀW_ℓ = −(1/λ) W_ℓᵀ ∂𝓛/∂W_ℓ,   ‖FACT_ℓ − W_ℓᵀW_ℓ‖_F / ‖W_ℓᵀW_ℓ‖_F ≤ r_ℓ · ‖W_ℓ‖_F / ‖W_ℓ‖₂</pre>
 * (using ‖W_ℓᵀW_ℓ‖_F ≥ ‖W_ℓ‖₂² and ‖AB‖_F ≤ ‖A‖₂‖B‖_F); ‖W‖_F/‖W‖₂ ≤ √rank W. FACT is only claimed where every
 * r_ℓ is small, so a run is called near-stationary when max_ℓ r_ℓ ≤ {@value #NEAR}.
 *
 * @param gradNorm        ‖∇𝓛‖ over all parameters (weights and biases)
 * @param decayNorm       ‖λθ‖ over all parameters
 * @param layerGradNorms  ‖∂𝓛/∂W_ℓ‖_F per layer
 * @param layerDecayNorms ‖λW_ℓ‖_F per layer
 */
public record Stationarity(double gradNorm, double decayNorm, double[] layerGradNorms, double[] layerDecayNorms) {
    /** The threshold on max_ℓ r_ℓ below which a run counts as near a stationary point. */
    public static final double NEAR = 0.1;

    public Stationarity {
        layerGradNorms = layerGradNorms.clone();
        layerDecayNorms = layerDecayNorms.clone();
        if (layerGradNorms.length != layerDecayNorms.length) {
            throw new IllegalArgumentException("stationarity: " + layerGradNorms.length + " layerGradNorms but "
                    + layerDecayNorms.length + " layerDecayNorms");
        }
    }

    /**
     * From the gradient {@code g} of the objective with decay {@code lambda} at {@code network}. Cost O(#parameters).
     */
    public static Stationarity of(Network network, Gradients g, double lambda) {
        int depth = network.depth();
        double[] lg = new double[depth];
        double[] ld = new double[depth];
        for (int l = 0; l < depth; l++) {
            lg[l] = g.weight(l).frobeniusNorm();
            ld[l] = lambda * network.weights(l).frobeniusNorm();
        }
        return new Stationarity(g.norm(), lambda * Math.sqrt(network.squaredParameterNorm()), lg, ld);
    }

    @Override
    public double[] layerGradNorms() {
        return layerGradNorms.clone();
    }

    @Override
    public double[] layerDecayNorms() {
        return layerDecayNorms.clone();
    }

    /** Value equality, arrays by content (so equal runs give equal {@link DiagnosedStep}s). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Stationarity s && Double.compare(gradNorm, s.gradNorm) == 0
                && Double.compare(decayNorm, s.decayNorm) == 0 && java.util.Arrays.equals(layerGradNorms, s.layerGradNorms)
                && java.util.Arrays.equals(layerDecayNorms, s.layerDecayNorms);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(gradNorm, decayNorm, java.util.Arrays.hashCode(layerGradNorms),
                java.util.Arrays.hashCode(layerDecayNorms));
    }

    @Override
    public String toString() {
        return "Stationarity[gradNorm=" + gradNorm + ", decayNorm=" + decayNorm + ", layerGradNorms="
                + java.util.Arrays.toString(layerGradNorms) + ", layerDecayNorms=" + java.util.Arrays.toString(layerDecayNorms) + "]";
    }

    /** ‖∇𝓛‖/‖λθ‖; +∞ when λθ = 0 (no decay: no stationary point of the coupled objective to be near). */
    public double ratio() {
        return decayNorm > 0 ? gradNorm / decayNorm : Double.POSITIVE_INFINITY;
    }

    /** r_ℓ = ‖∂𝓛/∂W_ℓ‖_F / ‖λW_ℓ‖_F (+∞ when λW_ℓ = 0). */
    public double layerRatio(int l) {
        return layerDecayNorms[l] > 0 ? layerGradNorms[l] / layerDecayNorms[l] : Double.POSITIVE_INFINITY;
    }

    /** max_ℓ r_ℓ. */
    public double maxLayerRatio() {
        double m = 0;
        for (int l = 0; l < layerGradNorms.length; l++) {
            m = Math.max(m, layerRatio(l));
        }
        return m;
    }

    /** max_ℓ r_ℓ ≤ {@link #NEAR}. */
    public boolean nearStationary() {
        return maxLayerRatio() <= NEAR;
    }

    /** One sentence for summaries: whether FACT's identity can be expected at this point. */
    public String note() {
        if (!(decayNorm > 0)) {
            return "no weight decay (λ = 0): the coupled objective has no stationary point in this sense and FACT is undefined";
        }
        double r = maxLayerRatio();
        if (r <= NEAR) {
            return String.format(java.util.Locale.ROOT, "near a stationary point: max over layers of ‖∂𝓛/∂W‖/‖λW‖ = %.3g ≤ %s, "
                    + "so WᵀW = FACT holds to a relative error of at most that times √rank W", r, NEAR);
        }
        return String.format(java.util.Locale.ROOT, "NOT near a stationary point: max over layers of ‖∂𝓛/∂W‖/‖λW‖ = %.3g > %s; "
                + "FACT (WᵀW = FACT) is only claimed at a stationary point, so its correlations here are not a test of it", r, NEAR);
    }
}
