package org.featurelab.nn;

import org.featurelab.linalg.Matrix;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The training objective with coupled L2 weight decay:
 * <pre>  𝓛(θ) = (1/n) Σᵢ ℓᵢ + (λ/2)·‖θ‖²,   ‖θ‖² = Σ_ℓ ‖W_ℓ‖²_F + ‖b_ℓ‖²</pre>
 * Weights <b>and biases</b> are decayed. With H_ℓ, U_ℓ from the forward pass and Δ_ℓ = ∂(Σᵢℓᵢ)/∂U_ℓ (row i the
 * per-sample gradient ∇_{u_ℓ}ℓᵢ):
 * <pre>  ∂𝓛/∂W_ℓ = (1/n)·Δ_ℓᵀH_ℓ + λW_ℓ,   ∂𝓛/∂b_ℓ = (1/n)·1ᵀΔ_ℓ + λb_ℓ.</pre>
 * Because the decay is coupled (part of 𝓛), a stationary point satisfies W_ℓᵀW_ℓ = FACT_ℓ exactly.
 *
 * @param loss        per-sample loss
 * @param weightDecay λ ≥ 0
 */
public record Objective(Loss loss, double weightDecay) {
    public Objective {
        Objects.requireNonNull(loss, "objective: loss");
        if (!(weightDecay >= 0) || !Double.isFinite(weightDecay)) {
            throw new IllegalArgumentException("objective: weight decay must be finite and ≥ 0, got " + weightDecay);
        }
    }

    /** 𝓛(θ) on the batch (X, Y). */
    public double value(Network network, Matrix x, Matrix y) {
        return loss.mean(network.output(x), y) + 0.5 * weightDecay * network.squaredParameterNorm();
    }

    /** ∇𝓛 on the batch (X, Y): one forward and one backward pass (the input gradient of layer 0 is skipped). */
    public Gradients gradients(Network network, Matrix x, Matrix y) {
        ForwardPass pass = network.forward(x);
        return gradients(network, pass, y);
    }

    /** ∇𝓛 from an existing forward pass over X. */
    public Gradients gradients(Network network, ForwardPass pass, Matrix y) {
        Matrix out = pass.output();
        if (y.rows() != out.rows()) {
            throw new IllegalArgumentException("objective: X has " + out.rows() + " rows, Y is " + y.shape());
        }
        int n = out.rows();
        double dataLoss = loss.mean(out, y);
        Matrix g = loss.perSampleGradient(out, y);
        g.scaleInPlace(1.0 / n);
        BackwardPass back = network.backward(pass, g, false);
        List<Matrix> dW = new ArrayList<>(network.depth());
        List<Matrix> db = new ArrayList<>(network.depth());
        for (int l = 0; l < network.depth(); l++) {
            Layer layer = network.layer(l);
            Matrix du = back.preActivationGradient(l);
            Matrix w = layer.weights().copy();
            Matrix.gemmInPlace(1.0, du, true, pass.input(l), false, weightDecay, w);
            dW.add(w);
            if (layer.hasBias()) {
                Matrix b = Network.columnSums(du);
                b.addInPlace(weightDecay, layer.bias());
                db.add(b);
            } else {
                db.add(null);
            }
        }
        double obj = dataLoss + 0.5 * weightDecay * network.squaredParameterNorm();
        return new Gradients(dW, db, dataLoss, obj, Gradients.norm(dW, db));
    }
}
