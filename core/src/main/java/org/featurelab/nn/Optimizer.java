package org.featurelab.nn;

import org.featurelab.linalg.Matrix;

import java.util.ArrayList;
import java.util.List;

/**
 * A parameter update rule driven by ∇𝓛 of the coupled objective ({@link Objective}; the decay λθ is already in the
 * gradient, so every rule here minimises the same 𝓛 and its fixed points satisfy W_ℓᵀW_ℓ = FACT_ℓ).
 * Mutable solver state (velocities, moments, step count) lives in {@link OptimizerState}, never in the network.
 * <ul>
 *   <li>{@link GradientDescent}: θ ← θ − η∇𝓛, full batch.</li>
 *   <li>{@link SgdMomentum}: v ← μv + ∇𝓛_B, θ ← θ − ηv on mini-batches B of {@code batchSize} rows (0 = full
 *       batch), reshuffled every epoch by the trainer's seeded generator.</li>
 *   <li>{@link Adam}: bias-corrected moments of ∇𝓛 (coupled decay: the λθ term passes through the moments).</li>
 *   <li>{@link AdamW}: Adam on the gradient plus a <em>decoupled</em> decay θ ← θ − η·wd·θ; use it with an
 *       {@link Objective} of λ = 0. Its fixed points are not stationary points of a coupled 𝓛, so FACT is not exact.</li>
 *   <li>{@link Slo}: speed-limited steps W_ℓ ← W_ℓ − η·C_ℓ·∇_ℓ/‖∇_ℓ‖ per layer.</li>
 *   <li>{@link Sgld}: Langevin dynamics θ ← θ − η∇𝓛 + √(2ηT)·ξ, ξ ~ N(0, I) from a seeded generator.</li>
 *   <li>{@link Lbfgs}: limited-memory BFGS with a backtracking line search on the full batch — the rule that
 *       reaches a stationary point of 𝓛 (and so FACT) in a practical number of steps when λ is small.</li>
 * </ul>
 * GD, SGD-momentum, SLO (at a fixed point ∇𝓛 = 0) and SGLD at T = 0 make FACT exact at convergence; Adam too, since
 * its fixed points have ∇𝓛 = 0; AdamW does not.
 */
public sealed interface Optimizer permits Optimizer.GradientDescent, Optimizer.SgdMomentum, Optimizer.Adam,
        Optimizer.AdamW, Optimizer.Slo, Optimizer.Sgld, Optimizer.Lbfgs {

    /** Rows per step; 0 means the full batch. */
    int batchSize();

    /** One update: a new network from {@code network} and the gradient at it, advancing {@code state}. */
    Network update(Network network, Gradients gradients, OptimizerState state);

    /** θ ← θ − η∇𝓛 (full batch). */
    record GradientDescent(double learningRate) implements Optimizer {
        public GradientDescent {
            requirePositive("gradient descent: learning rate", learningRate);
        }

        public int batchSize() {
            return 0;
        }

        public Network update(Network network, Gradients g, OptimizerState state) {
            state.advance();
            List<Layer> layers = new ArrayList<>(network.depth());
            for (int l = 0; l < network.depth(); l++) {
                Layer layer = network.layer(l);
                layers.add(layer.withParameters(step(layer.weights(), -learningRate, g.weight(l)),
                        layer.hasBias() ? step(layer.bias(), -learningRate, g.bias(l)) : null));
            }
            return network.withLayers(layers);
        }
    }

    /**
     * Heavy-ball SGD (PyTorch convention): v ← μ·v + ∇𝓛_B, θ ← θ − η·v, v = 0 at the start.
     *
     * @param batchSize rows per step, 0 for full batch
     */
    record SgdMomentum(double learningRate, double momentum, int batchSize) implements Optimizer {
        public SgdMomentum {
            requirePositive("sgd: learning rate", learningRate);
            if (!(momentum >= 0 && momentum < 1)) {
                throw new IllegalArgumentException("sgd: momentum must be in [0, 1), got " + momentum);
            }
            if (batchSize < 0) {
                throw new IllegalArgumentException("sgd: batch size must be ≥ 0, got " + batchSize);
            }
        }

        public Network update(Network network, Gradients g, OptimizerState state) {
            state.advance();
            Matrix[] vw = state.slots("velocity.weights", network);
            Matrix[] vb = state.biasSlots("velocity.biases", network);
            List<Layer> layers = new ArrayList<>(network.depth());
            for (int l = 0; l < network.depth(); l++) {
                Layer layer = network.layer(l);
                vw[l].scaleInPlace(momentum);
                vw[l].addInPlace(1.0, g.weight(l));
                Matrix b = null;
                if (layer.hasBias()) {
                    vb[l].scaleInPlace(momentum);
                    vb[l].addInPlace(1.0, g.bias(l));
                    b = step(layer.bias(), -learningRate, vb[l]);
                }
                layers.add(layer.withParameters(step(layer.weights(), -learningRate, vw[l]), b));
            }
            return network.withLayers(layers);
        }
    }

    /**
     * Adam (Kingma &amp; Ba): m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², θ ← θ − η·m̂/(√v̂ + ε) with m̂ = m/(1−β₁ᵗ),
     * v̂ = v/(1−β₂ᵗ); g = ∇𝓛 includes the coupled decay. The first step is −η·g/(|g| + ε) ≈ −η·sign(g).
     */
    record Adam(double learningRate, double beta1, double beta2, double epsilon, int batchSize) implements Optimizer {
        public Adam {
            checkAdam(learningRate, beta1, beta2, epsilon, batchSize);
        }

        /** β₁ = 0.9, β₂ = 0.999, ε = 1e-8. */
        public static Adam of(double learningRate, int batchSize) {
            return new Adam(learningRate, 0.9, 0.999, 1e-8, batchSize);
        }

        public Network update(Network network, Gradients g, OptimizerState state) {
            return adamStep(network, g, state, learningRate, beta1, beta2, epsilon, 0.0);
        }
    }

    /**
     * AdamW (Loshchilov &amp; Hutter): the {@link Adam} step on ∇𝓛 followed by the decoupled decay θ ← θ − η·wd·θ
     * (applied to weights and biases). Pair it with λ = 0 in the {@link Objective}.
     */
    record AdamW(double learningRate, double beta1, double beta2, double epsilon, double decoupledDecay, int batchSize)
            implements Optimizer {
        public AdamW {
            checkAdam(learningRate, beta1, beta2, epsilon, batchSize);
            if (!(decoupledDecay >= 0) || !Double.isFinite(decoupledDecay)) {
                throw new IllegalArgumentException("adamw: decoupled decay must be finite and ≥ 0, got " + decoupledDecay);
            }
        }

        public Network update(Network network, Gradients g, OptimizerState state) {
            return adamStep(network, g, state, learningRate, beta1, beta2, epsilon, decoupledDecay);
        }
    }

    /**
     * Speed-limited optimisation: per layer, (W_ℓ, b_ℓ) ← (W_ℓ, b_ℓ) − η·C_ℓ·(∇W_ℓ, ∇b_ℓ)/‖(∇W_ℓ, ∇b_ℓ)‖, so every
     * layer moves by exactly η·C_ℓ in Frobenius norm (a layer with zero gradient does not move).
     *
     * @param speeds C_ℓ per layer (length = depth)
     */
    record Slo(double learningRate, double[] speeds, int batchSize) implements Optimizer {
        public Slo {
            requirePositive("slo: learning rate", learningRate);
            for (double c : speeds) {
                requirePositive("slo: speed", c);
            }
            speeds = speeds.clone();
            if (batchSize < 0) {
                throw new IllegalArgumentException("slo: batch size must be ≥ 0, got " + batchSize);
            }
        }

        public Network update(Network network, Gradients g, OptimizerState state) {
            if (speeds.length != network.depth()) {
                throw new IllegalArgumentException("slo: " + speeds.length + " speeds for " + network.depth() + " layers");
            }
            state.advance();
            List<Layer> layers = new ArrayList<>(network.depth());
            for (int l = 0; l < network.depth(); l++) {
                Layer layer = network.layer(l);
                double nw = g.weight(l).frobeniusNorm();
                double nb = layer.hasBias() ? g.bias(l).frobeniusNorm() : 0.0;
                double norm = Math.sqrt(nw * nw + nb * nb);
                double s = norm > 0 ? -learningRate * speeds[l] / norm : 0.0;
                layers.add(layer.withParameters(step(layer.weights(), s, g.weight(l)),
                        layer.hasBias() ? step(layer.bias(), s, g.bias(l)) : null));
            }
            return network.withLayers(layers);
        }

        @Override
        public double[] speeds() {
            return speeds.clone();
        }
    }

    /**
     * Stochastic gradient Langevin dynamics θ ← θ − η∇𝓛 + √(2ηT)·ξ, ξ ~ N(0, I) drawn from a
     * {@link java.util.SplittableRandom} seeded with {@code noiseSeed} (held in the optimiser state). T = 0 is
     * gradient descent.
     */
    record Sgld(double learningRate, double temperature, long noiseSeed, int batchSize) implements Optimizer {
        public Sgld {
            requirePositive("sgld: learning rate", learningRate);
            if (!(temperature >= 0) || !Double.isFinite(temperature)) {
                throw new IllegalArgumentException("sgld: temperature must be finite and ≥ 0, got " + temperature);
            }
            if (batchSize < 0) {
                throw new IllegalArgumentException("sgld: batch size must be ≥ 0, got " + batchSize);
            }
        }

        public Network update(Network network, Gradients g, OptimizerState state) {
            state.advance();
            java.util.random.RandomGenerator rng = state.noise(noiseSeed);
            double sigma = Math.sqrt(2 * learningRate * temperature);
            List<Layer> layers = new ArrayList<>(network.depth());
            for (int l = 0; l < network.depth(); l++) {
                Layer layer = network.layer(l);
                Matrix w = step(layer.weights(), -learningRate, g.weight(l));
                Matrix b = layer.hasBias() ? step(layer.bias(), -learningRate, g.bias(l)) : null;
                if (sigma > 0) {
                    addNoiseInPlace(w, sigma, rng);
                    if (b != null) {
                        addNoiseInPlace(b, sigma, rng);
                    }
                }
                layers.add(layer.withParameters(w, b));
            }
            return network.withLayers(layers);
        }

        private static void addNoiseInPlace(Matrix m, double sigma, java.util.random.RandomGenerator rng) {
            double[] d = m.data();
            for (int i = 0; i < d.length; i++) {
                d[i] += sigma * rng.nextGaussian();
            }
        }
    }

    /**
     * Limited-memory BFGS on the full-batch 𝓛 (see {@link LbfgsSolver} for the algorithm): quasi-Newton direction from
     * the last {@code memory} curvature pairs, Armijo backtracking from the unit step. Needs the {@link Trainer}
     * (it evaluates trial points through the full-batch objective bound in the {@link OptimizerState}).
     *
     * @param memory      curvature pairs kept (m; 10 is customary)
     * @param initialStep trial step of a steepest-descent iteration, as a length: t = min(t₀, t₀/‖g‖)
     */
    record Lbfgs(int memory, double initialStep) implements Optimizer {
        public Lbfgs {
            if (memory < 1) {
                throw new IllegalArgumentException("lbfgs: memory must be ≥ 1, got " + memory);
            }
            requirePositive("lbfgs: initial step", initialStep);
        }

        public int batchSize() {
            return 0;
        }

        public Network update(Network network, Gradients g, OptimizerState state) {
            return LbfgsSolver.step(this, network, g, state);
        }
    }

    private static Network adamStep(Network network, Gradients g, OptimizerState state, double lr, double b1, double b2,
                                    double eps, double decoupled) {
        state.advance();
        int t = state.steps();
        double c1 = 1 - Math.pow(b1, t);
        double c2 = 1 - Math.pow(b2, t);
        Matrix[] mw = state.slots("adam.m.weights", network);
        Matrix[] vw = state.slots("adam.v.weights", network);
        Matrix[] mb = state.biasSlots("adam.m.biases", network);
        Matrix[] vb = state.biasSlots("adam.v.biases", network);
        List<Layer> layers = new ArrayList<>(network.depth());
        for (int l = 0; l < network.depth(); l++) {
            Layer layer = network.layer(l);
            Matrix w = adamParameter(layer.weights(), g.weight(l), mw[l], vw[l], lr, b1, b2, eps, c1, c2, decoupled);
            Matrix b = layer.hasBias() ? adamParameter(layer.bias(), g.bias(l), mb[l], vb[l], lr, b1, b2, eps, c1, c2, decoupled) : null;
            layers.add(layer.withParameters(w, b));
        }
        return network.withLayers(layers);
    }

    /** Updates the moments m, v in place and returns the new parameter. */
    private static Matrix adamParameter(Matrix p, Matrix g, Matrix m, Matrix v, double lr, double b1, double b2, double eps,
                                        double c1, double c2, double decoupled) {
        Matrix out = p.copy();
        double[] o = out.data();
        double[] gd = g.data();
        double[] md = m.data();
        double[] vd = v.data();
        for (int i = 0; i < o.length; i++) {
            md[i] = b1 * md[i] + (1 - b1) * gd[i];
            vd[i] = b2 * vd[i] + (1 - b2) * gd[i] * gd[i];
            double mh = md[i] / c1;
            double vh = vd[i] / c2;
            o[i] -= lr * (mh / (Math.sqrt(vh) + eps) + decoupled * o[i]);
        }
        return out;
    }

    private static void checkAdam(double lr, double b1, double b2, double eps, int batchSize) {
        requirePositive("adam: learning rate", lr);
        requirePositive("adam: epsilon", eps);
        if (!(b1 >= 0 && b1 < 1) || !(b2 >= 0 && b2 < 1)) {
            throw new IllegalArgumentException("adam: betas must be in [0, 1), got " + b1 + ", " + b2);
        }
        if (batchSize < 0) {
            throw new IllegalArgumentException("adam: batch size must be ≥ 0, got " + batchSize);
        }
    }

    /** {@code p + s·d} as a new matrix. */
    private static Matrix step(Matrix p, double s, Matrix d) {
        Matrix out = p.copy();
        out.addInPlace(s, d);
        return out;
    }

    private static void requirePositive(String what, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " must be positive and finite, got " + v);
        }
    }
}
