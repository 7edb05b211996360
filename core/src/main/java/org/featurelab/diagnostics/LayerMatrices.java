package org.featurelab.diagnostics;

import org.featurelab.linalg.Matrix;
import org.featurelab.linalg.PsdFunctions;
import org.featurelab.nn.BackwardPass;
import org.featurelab.nn.ForwardPass;
import org.featurelab.nn.Network;
import org.featurelab.nn.Objective;

import java.util.ArrayList;
import java.util.List;

/**
 * The per-layer matrices of a network over a sample set X (n×d), layer ℓ with input H_ℓ (n×in_ℓ), weights W_ℓ
 * (out_ℓ×in_ℓ) and pre-activation U_ℓ:
 * <pre>
 *   NFM_ℓ   = W_ℓᵀW_ℓ                                   (in×in),  centred: ΔW_ℓᵀΔW_ℓ with ΔW = W − W(0)
 *   AGOP_ℓ  = (1/n) Σᵢ Σ_c ∇_{h_ℓ}f_c(xᵢ) ∇_{h_ℓ}f_c(xᵢ)ᵀ  (in×in)
 *   K_ℓ     = Σᵢ Σ_c ∇_{u_ℓ}f_c(xᵢ) ∇_{u_ℓ}f_c(xᵢ)ᵀ       (out×out),  AGOP_ℓ = W_ℓᵀK_ℓW_ℓ / n
 *   FACT_ℓ  = −(1/(nλ)) Σᵢ ∇_{h_ℓ}ℓᵢ · h_ℓ(xᵢ)ᵀ            (in×in),  ℓᵢ the per-sample loss
 *   bFACT_ℓ = −(1/(nλ)) Σᵢ (W_ℓh_ℓ(xᵢ)) ∇_{u_ℓ}ℓᵢᵀ          (out×out)
 * </pre>
 * At a stationary point of the coupled objective, W_ℓᵀW_ℓ = FACT_ℓ and W_ℓW_ℓᵀ = bFACT_ℓ exactly.
 * AGOP and K for all layers come from c backward passes (one per output unit), each a few GEMMs over the batch:
 * cost about c·(backward pass) + 2·c·n·Σ(in_ℓ² + out_ℓ²) flops.
 */
public final class LayerMatrices {
    private LayerMatrices() {
    }

    /** NFM W_ℓᵀW_ℓ (in×in). */
    public static Matrix nfm(Matrix weights) {
        return weights.gramOfColumns();
    }

    /** Centred NFM (W − W0)ᵀ(W − W0). */
    public static Matrix centredNfm(Matrix weights, Matrix initialWeights) {
        return weights.minus(initialWeights).gramOfColumns();
    }

    /** AGOP_ℓ and K_ℓ of every layer over the rows of X. */
    public static OutputGradientMatrices outputGradients(Network network, Matrix x) {
        ForwardPass pass = network.forward(x);
        int n = x.rows();
        int c = network.outputDim();
        int depth = network.depth();
        List<Matrix> agop = new ArrayList<>(depth);
        List<Matrix> ptk = new ArrayList<>(depth);
        for (int l = 0; l < depth; l++) {
            agop.add(Matrix.zeros(network.layer(l).inputDim(), network.layer(l).inputDim()));
            ptk.add(Matrix.zeros(network.layer(l).outputDim(), network.layer(l).outputDim()));
        }
        for (int k = 0; k < c; k++) {
            Matrix seed = Matrix.zeros(n, c);
            for (int i = 0; i < n; i++) {
                seed.set(i, k, 1.0);
            }
            BackwardPass back = network.backward(pass, seed, true);
            for (int l = 0; l < depth; l++) {
                Matrix du = back.preActivationGradient(l);
                Matrix dh = back.inputGradient(l);
                Matrix.gemmInPlace(1.0 / n, dh, true, dh, false, 1.0, agop.get(l));
                Matrix.gemmInPlace(1.0, du, true, du, false, 1.0, ptk.get(l));
            }
        }
        for (int l = 0; l < depth; l++) {
            agop.get(l).symmetrizeInPlace();
            ptk.get(l).symmetrizeInPlace();
        }
        return new OutputGradientMatrices(agop, ptk);
    }

    /** FACT_ℓ and bFACT_ℓ of every layer over the batch (X, Y) for the objective's loss and λ (λ must be &gt; 0). */
    public static FactMatrices fact(Network network, Matrix x, Matrix y, Objective objective) {
        double lambda = objective.weightDecay();
        if (!(lambda > 0)) {
            throw new IllegalArgumentException("fact: needs weight decay λ > 0, got " + lambda);
        }
        ForwardPass pass = network.forward(x);
        int n = x.rows();
        Matrix perSample = objective.loss().perSampleGradient(pass.output(), y);
        BackwardPass back = network.backward(pass, perSample, true);
        double s = -1.0 / (n * lambda);
        List<Matrix> fact = new ArrayList<>();
        List<Matrix> bfact = new ArrayList<>();
        for (int l = 0; l < network.depth(); l++) {
            Matrix h = pass.input(l);
            Matrix f = Matrix.zeros(h.cols(), h.cols());
            Matrix.gemmInPlace(s, back.inputGradient(l), true, h, false, 0.0, f);
            fact.add(f);
            Matrix wh = h.timesTranspose(network.weights(l));
            Matrix b = Matrix.zeros(wh.cols(), wh.cols());
            Matrix.gemmInPlace(s, wh, true, back.preActivationGradient(l), false, 0.0, b);
            bfact.add(b);
        }
        return new FactMatrices(fact, bfact);
    }

    /** The symmetric form (FACT·FACTᵀ)^½ (PSD square root). */
    public static Matrix symmetricFact(Matrix fact) {
        return PsdFunctions.sqrt(fact.timesTranspose(fact));
    }

    /** Balancedness residual ‖W_{ℓ+1}ᵀW_{ℓ+1} − W_ℓW_ℓᵀ‖_F between layers ℓ and ℓ+1. */
    public static double balancedness(Network network, int layer) {
        if (layer < 0 || layer + 1 >= network.depth()) {
            throw new IllegalArgumentException("balancedness: layer " + layer + " of a depth-" + network.depth() + " network has no successor");
        }
        return network.weights(layer + 1).gramOfColumns().minus(network.weights(layer).gramOfRows()).frobeniusNorm();
    }

    /** AGOP_ℓ (in×in) and PTK covariance K_ℓ (out×out) per layer. */
    public record OutputGradientMatrices(List<Matrix> agop, List<Matrix> ptkCovariance) {
        public OutputGradientMatrices {
            agop = List.copyOf(agop);
            ptkCovariance = List.copyOf(ptkCovariance);
        }
    }

    /** FACT_ℓ (in×in) and bFACT_ℓ (out×out) per layer. */
    public record FactMatrices(List<Matrix> fact, List<Matrix> bfact) {
        public FactMatrices {
            fact = List.copyOf(fact);
            bfact = List.copyOf(bfact);
        }
    }
}
