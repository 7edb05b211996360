package org.featurelab.nn;

import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The {@link Optimizer} rules applied in place to the float32 tensors of a {@link Float32Mlp}: the same records, the
 * same formulas (see each record), float32 arithmetic with float64 scalars rounded once. Element order, and so the
 * order in which SGLD draws its noise (W_0, b_0, W_1, … as in the float64 rule), follow the tensor order. State
 * (velocities, moments, step count, noise generator) lives here, one instance per run.
 * {@link Optimizer.Lbfgs} is not offered: its line search and curvature pairs are run in float64 only.
 */
public final class Float32Optimizer {
    private final Optimizer rule;
    private final Float32Mlp shape;
    private final Map<String, FloatBuffer[]> slots = new HashMap<>();
    private RandomGenerator noise;
    private int steps;

    private Float32Optimizer(Optimizer rule, Float32Mlp shape) {
        this.rule = rule;
        this.shape = shape;
    }

    /**
     * The float32 form of {@code rule} for networks shaped like {@code shape}.
     *
     * @throws IllegalArgumentException for {@link Optimizer.Lbfgs}
     */
    public static Float32Optimizer of(Optimizer rule, Float32Mlp shape) {
        if (rule instanceof Optimizer.Lbfgs) {
            throw new IllegalArgumentException("lbfgs runs in float64 only (its line search compares objective values "
                    + "below float32 resolution); use precision float64");
        }
        return new Float32Optimizer(rule, shape);
    }

    /** Updates taken so far. */
    public int steps() {
        return steps;
    }

    /** One update of {@code params} from the gradient {@code grads} (same shapes, decay included), in place. */
    public void stepInPlace(FloatBuffer[] params, FloatBuffer[] grads) {
        steps++;
        if (rule instanceof Optimizer.GradientDescent gd) {
            addScaledInPlace(params, grads, (float) -gd.learningRate());
        } else if (rule instanceof Optimizer.SgdMomentum sgd) {
            momentumStepInPlace(params, grads, (float) sgd.learningRate(), (float) sgd.momentum());
        } else if (rule instanceof Optimizer.Adam a) {
            adamStepInPlace(params, grads, a.learningRate(), a.beta1(), a.beta2(), a.epsilon(), 0.0);
        } else if (rule instanceof Optimizer.AdamW a) {
            adamStepInPlace(params, grads, a.learningRate(), a.beta1(), a.beta2(), a.epsilon(), a.decoupledDecay());
        } else if (rule instanceof Optimizer.Slo slo) {
            sloStepInPlace(params, grads, slo);
        } else if (rule instanceof Optimizer.Sgld sgld) {
            sgldStepInPlace(params, grads, sgld);
        } else {
            throw new IllegalStateException("float32 optimiser: no rule for " + rule);
        }
    }

    /** θ ← θ + s·g. */
    private static void addScaledInPlace(FloatBuffer[] params, FloatBuffer[] grads, float s) {
        for (int t = 0; t < params.length; t++) {
            FloatBuffer p = params[t];
            FloatBuffer g = grads[t];
            for (int i = 0, end = p.capacity(); i < end; i++) {
                p.put(i, p.get(i) + s * g.get(i));
            }
        }
    }

    /** v ← μ·v + g, θ ← θ − η·v (μ = 0: θ ← θ − η·g, no velocity kept). */
    private void momentumStepInPlace(FloatBuffer[] params, FloatBuffer[] grads, float lr, float mu) {
        if (mu == 0f) {
            addScaledInPlace(params, grads, -lr);
            return;
        }
        FloatBuffer[] v = slots("velocity");
        for (int t = 0; t < params.length; t++) {
            FloatBuffer p = params[t];
            FloatBuffer g = grads[t];
            FloatBuffer vt = v[t];
            for (int i = 0, end = p.capacity(); i < end; i++) {
                float vi = mu * vt.get(i) + g.get(i);
                vt.put(i, vi);
                p.put(i, p.get(i) - lr * vi);
            }
        }
    }

    /** m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², θ ← θ − η(m̂/(√v̂ + ε) + wd·θ). */
    private void adamStepInPlace(FloatBuffer[] params, FloatBuffer[] grads, double lr, double b1, double b2, double eps,
                                 double decoupled) {
        FloatBuffer[] m = slots("adam.m");
        FloatBuffer[] v = slots("adam.v");
        float c1 = (float) (1 / (1 - Math.pow(b1, steps)));
        float c2 = (float) (1 / (1 - Math.pow(b2, steps)));
        float fb1 = (float) b1;
        float fb2 = (float) b2;
        float ob1 = (float) (1 - b1);
        float ob2 = (float) (1 - b2);
        float flr = (float) lr;
        float feps = (float) eps;
        float wd = (float) decoupled;
        for (int t = 0; t < params.length; t++) {
            FloatBuffer p = params[t];
            FloatBuffer g = grads[t];
            FloatBuffer mt = m[t];
            FloatBuffer vt = v[t];
            for (int i = 0, end = p.capacity(); i < end; i++) {
                float gi = g.get(i);
                float mi = fb1 * mt.get(i) + ob1 * gi;
                float vi = fb2 * vt.get(i) + ob2 * gi * gi;
                mt.put(i, mi);
                vt.put(i, vi);
                float pi = p.get(i);
                p.put(i, pi - flr * (mi * c1 / ((float) Math.sqrt(vi * c2) + feps) + wd * pi));
            }
        }
    }

    /** Per layer ℓ: (W_ℓ, b_ℓ) ← (W_ℓ, b_ℓ) − η·C_ℓ·(∇W_ℓ, ∇b_ℓ)/‖(∇W_ℓ, ∇b_ℓ)‖ (no move at a zero gradient). */
    private void sloStepInPlace(FloatBuffer[] params, FloatBuffer[] grads, Optimizer.Slo slo) {
        double[] speeds = slo.speeds();
        if (speeds.length != shape.depth()) {
            throw new IllegalArgumentException("slo: " + speeds.length + " speeds for " + shape.depth() + " layers");
        }
        double[] squared = new double[shape.depth()];
        for (int t = 0; t < grads.length; t++) {
            squared[shape.layerOf(t)] += Float32Mlp.squaredNorm(new FloatBuffer[] {grads[t]});
        }
        for (int t = 0; t < params.length; t++) {
            int l = shape.layerOf(t);
            double norm = Math.sqrt(squared[l]);
            float s = norm > 0 ? (float) (-slo.learningRate() * speeds[l] / norm) : 0f;
            addScaledInPlace(new FloatBuffer[] {params[t]}, new FloatBuffer[] {grads[t]}, s);
        }
    }

    /** θ ← θ − η·g + √(2ηT)·ξ, ξ ~ N(0, I) drawn in tensor order from a generator seeded with the rule's seed. */
    private void sgldStepInPlace(FloatBuffer[] params, FloatBuffer[] grads, Optimizer.Sgld sgld) {
        if (noise == null) {
            noise = new SplittableRandom(sgld.noiseSeed());
        }
        double sigma = Math.sqrt(2 * sgld.learningRate() * sgld.temperature());
        float lr = (float) sgld.learningRate();
        for (int t = 0; t < params.length; t++) {
            FloatBuffer p = params[t];
            FloatBuffer g = grads[t];
            for (int i = 0, end = p.capacity(); i < end; i++) {
                float stepped = p.get(i) - lr * g.get(i);
                p.put(i, sigma > 0 ? (float) (stepped + sigma * noise.nextGaussian()) : stepped);
            }
        }
    }

    private FloatBuffer[] slots(String name) {
        return slots.computeIfAbsent(name, k -> shape.newTensors());
    }
}
