package org.featurelab.nn;

import org.featurelab.linalg.Matrix;
import org.featurelab.testing.RandomData;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Balancedness D(θ) = Σ_ℓ ‖W_{ℓ+1}ᵀW_{ℓ+1} − W_ℓW_ℓᵀ‖_F of a deep linear chain (L = 3, no bias, MSE) under full-batch
 * gradient descent (REFERENCE §6–7).
 *
 * <p>Derivation used for the expectations. With G_ℓ = ∂(mean loss)/∂W_ℓ the chain rule gives
 * W_{ℓ+1}ᵀG_{ℓ+1} = G_ℓW_ℓᵀ, so under gradient flow with coupled decay λ the difference
 * Δ_ℓ = W_{ℓ+1}ᵀW_{ℓ+1} − W_ℓW_ℓᵀ obeys dΔ_ℓ/dt = −2λΔ_ℓ: conserved for λ = 0, Δ(t) = Δ(0)e^{−2λt} otherwise.
 * One GD step W ← (1 − ηλ)W − ηG gives exactly Δ ← (1 − ηλ)²Δ + η²(G_{ℓ+1}ᵀG_{ℓ+1} − G_ℓG_ℓᵀ): the first-order
 * terms cancel, leaving an O(η²) drift per step.
 */
class BalanceDynamicsTest {
    private static final int D = 4, WIDTH = 5, C = 2, DEPTH = 3, STEPS = 200;

    private static TrainingData data() {
        Matrix x = RandomData.gaussian(40, D, 1);
        Matrix b = RandomData.gaussian(C, D, 2);
        return new TrainingData(x, x.timesTranspose(b));
    }

    private static Network balancedStart() {
        Matrix a = RandomData.gaussian(C, D, 3).scale(0.5);
        return Initialization.balanced(a, DEPTH, WIDTH, new SplittableRandom(4));
    }

    private static Network train(Network start, double eta, double lambda, int steps) {
        return Trainer.train(start, data(), new Objective(new Loss.MeanSquared(), lambda), new Optimizer.GradientDescent(eta),
                steps, 0, TrainingListener.NONE);
    }

    /** Σ_ℓ ‖W_{ℓ+1}ᵀW_{ℓ+1} − W_ℓW_ℓᵀ‖_F. */
    static double imbalance(Network net) {
        double s = 0;
        for (int l = 0; l + 1 < net.depth(); l++) {
            Matrix next = net.weights(l + 1);
            Matrix w = net.weights(l);
            s += next.gramOfColumns().minus(w.gramOfRows()).frobeniusNorm();
        }
        return s;
    }

    @Test
    void smallStepGradientDescentKeepsABalancedChainBalanced() {
        Network start = balancedStart();
        double scale = start.squaredParameterNorm();
        assertTrue(imbalance(start) <= 1e-12 * scale, "balanced at the start: " + imbalance(start));
        double dSmall = imbalance(train(start, 3e-5, 0.0, STEPS));
        double dLarge = imbalance(train(start, 3e-4, 0.0, STEPS));
        assertTrue(dSmall <= 1e-6 * scale, "η = 3e-5: imbalance " + dSmall + " vs ‖θ‖² " + scale);
        // the drift is second order in η: 10× the step gives about 100× the imbalance over the same 200 steps (the
        // gradient barely changes over so short a time), so the bound above can fail
        assertTrue(dLarge > 50 * dSmall && dLarge > 1e-6 * scale, "η = 3e-4: " + dLarge + " vs η = 3e-5: " + dSmall);
    }

    /** The GD drift is exactly Σ_t η²(G_{ℓ+1}ᵀG_{ℓ+1} − G_ℓG_ℓᵀ), accumulated here alongside the steps. */
    @Test
    void gradientDescentDriftIsExactlyTheSecondOrderTerm() {
        double eta = 1e-2;
        Objective objective = new Objective(new Loss.MeanSquared(), 0.0);
        Optimizer gd = new Optimizer.GradientDescent(eta);
        OptimizerState state = new OptimizerState();
        TrainingData d = data();
        Network net = balancedStart();
        Matrix[] predicted = differences(net);
        for (int t = 0; t < STEPS; t++) {
            Gradients g = objective.gradients(net, d.inputs(), d.targets());
            for (int l = 0; l + 1 < net.depth(); l++) {
                predicted[l].addInPlace(eta * eta, g.weight(l + 1).gramOfColumns().minus(g.weight(l).gramOfRows()));
            }
            net = gd.update(net, g, state);
        }
        Matrix[] measured = differences(net);
        double loss0 = objective.value(balancedStart(), d.inputs(), d.targets());
        assertTrue(objective.value(net, d.inputs(), d.targets()) < 0.5 * loss0, "training moved the network");
        for (int l = 0; l + 1 < net.depth(); l++) {
            double drift = predicted[l].frobeniusNorm();
            assertTrue(drift > 1e-4, "a visible drift at layer " + l + ": " + drift);
            double err = measured[l].minus(predicted[l]).frobeniusNorm();
            assertTrue(err <= 1e-10 * Math.max(1.0, drift), "layer " + l + ": measured vs accumulated η² terms differ by " + err);
        }
    }

    private static Matrix[] differences(Network net) {
        Matrix[] out = new Matrix[net.depth() - 1];
        for (int l = 0; l + 1 < net.depth(); l++) {
            out[l] = net.weights(l + 1).gramOfColumns().minus(net.weights(l).gramOfRows());
        }
        return out;
    }

    @Test
    void coupledDecayShrinksTheImbalanceLikeExpMinusTwoLambdaT() {
        Network start = Initialization.standard(new int[]{D, WIDTH, WIDTH, C}, Activation.IDENTITY, false, new SplittableRandom(5));
        double eta = 1e-2;
        double lambda = 0.5;
        double d0 = imbalance(start);
        assertTrue(d0 > 0.5, "standard init is unbalanced: " + d0);
        double dT = imbalance(train(start, eta, lambda, STEPS));
        double predicted = Math.exp(-2 * lambda * eta * STEPS);
        double measured = dT / d0;
        // measured 0.1342 against e^{−2} = 0.1353 (the exact discrete factor (1 − ηλ)^{2T} = 0.1347; the rest is the η² drift)
        assertTrue(Math.abs(measured / predicted - 1) < 0.05, "D(T)/D(0) = " + measured + ", e^{−2ληT} = " + predicted);
        // without decay the same run keeps its imbalance (conserved up to the η² drift): the decay is λ's doing
        double undecayed = imbalance(train(start, eta, 0.0, STEPS)) / d0;
        assertTrue(Math.abs(undecayed - 1) < 0.1, "λ = 0: D(T)/D(0) = " + undecayed);
    }
}
