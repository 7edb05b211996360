package org.featurelab.experiment.deeplinear;

import org.featurelab.base.Progress;
import org.featurelab.diagnostics.DiagnosticsConfig;
import org.featurelab.diagnostics.LayerMatrices;
import org.featurelab.experiment.PowerSweep;
import org.featurelab.linalg.Matrix;
import org.featurelab.nn.Activation;
import org.featurelab.nn.Initialization;
import org.featurelab.nn.Layer;
import org.featurelab.nn.Loss;
import org.featurelab.nn.Network;
import org.featurelab.nn.Networks;
import org.featurelab.nn.Objective;
import org.featurelab.nn.Optimizer;
import org.featurelab.nn.ThinSvd;
import org.featurelab.nn.Trainer;
import org.featurelab.nn.TrainingData;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The deep linear NFA (Tansley, Massart &amp; Cartis 2025; ../shared/REFERENCE.md §7). For a deep linear network
 * f(x) = A x, A = W_L⋯W_1, the first-layer AGOP is AᵀA; a balanced chain (W_{ℓ+1}ᵀW_{ℓ+1} = W_ℓW_ℓᵀ, kept by
 * gradient flow) has W₁ᵀW₁ = (AᵀA)^{1/L}, so cos(W₁ᵀW₁, AGOP^α) peaks at α = 1/L. From a standard (unbalanced)
 * init the residual D_ℓ = W_{ℓ+1}ᵀW_{ℓ+1} − W_ℓW_ℓᵀ is conserved by gradient flow; coupled decay λ makes it shrink
 * like e^{−2λt}, after which the same power law holds.
 *
 * <p>Setting: x ~ N(0, I_d), d = 20, n samples, MSE ½‖f − y‖², full-batch GD. Linear targets y = Bx with
 * B = Σ_{k≤r} s_k u_k v_kᵀ (c×d, s = (2, 1), rank r = 1 or 2, u, v orthonormal and random). The ReLU-head model
 * f(x) = aᵀ[W_L⋯W_1x + b₁]₊ + b₂ ({@link Networks#deepLinearReluHead}) fits y = g(Vᵀx) standardised, g a random
 * teacher Σ_{k≤4} c_k[w_kᵀz + β_k]₊ on z = Vᵀx ∈ ℝʳ (V = v_1…v_r). Balanced chains start from the balanced
 * factorisation of A₀ = scale·G/√d (G Gaussian; c×d, or m×d for the ReLU head); standard chains from LeCun
 * N(0, 1/in) weights. Every random draw comes from the config's seed.
 */
public final class DeepLinear {
    private DeepLinear() {
    }

    /** Model families. */
    public enum Model { LINEAR, RELU_HEAD }

    /** Initialisations. */
    public enum Init { BALANCED, STANDARD }

    /**
     * Settings; {@link #defaults()} follow the paper's d = 20, L = 2..5, rank 1–2.
     *
     * @param dim          input dimension d
     * @param outputs      outputs c of the linear model (≥ the largest rank)
     * @param samples      training samples n
     * @param width        hidden width m of every W_ℓ (ℓ &lt; L) and of the ReLU layer
     * @param depths       depths L (linear layers)
     * @param ranks        target ranks r
     * @param learningRate GD step η
     * @param steps        GD steps (training time t = η·steps)
     * @param weightDecay  coupled λ of the "with decay" runs (the others use 0)
     * @param initScale    scale of A₀ for balanced inits
     * @param records      recorded points along training (loss, balancedness, cos at 1/L)
     * @param seed         seed of targets, data and inits
     */
    public record Config(int dim, int outputs, int samples, int width, int[] depths, int[] ranks, double learningRate,
                         int steps, double weightDecay, double initScale, int records, long seed) {
        public Config {
            if (dim < 2 || samples < 1 || width < dim || depths.length == 0 || ranks.length == 0 || !(learningRate > 0)
                    || steps < 1 || !(weightDecay > 0) || !(initScale > 0) || records < 1) {
                throw new IllegalArgumentException("deep-linear: need d ≥ 2, n ≥ 1, width ≥ d, depths and ranks, η > 0, "
                        + "steps ≥ 1, λ > 0, init scale > 0, records ≥ 1");
            }
            for (int l : depths) {
                if (l < 2) {
                    throw new IllegalArgumentException("deep-linear: depths must be ≥ 2, got " + l);
                }
            }
            for (int r : ranks) {
                if (r < 1 || r > 2 || r > outputs) {
                    throw new IllegalArgumentException("deep-linear: ranks must be 1 or 2 and ≤ outputs " + outputs + ", got " + r);
                }
            }
            depths = depths.clone();
            ranks = ranks.clone();
        }

        /** d = 20, c = 2, n = 200, m = 20, L = 2..5, r = 1, 2, η = 0.02, 10 000 steps (t = 200), λ = 0.02 (λt = 4). */
        public static Config defaults() {
            return new Config(20, 2, 200, 20, new int[]{2, 3, 4, 5}, new int[]{1, 2}, 0.02, 10_000, 0.02, 0.3, 50, 0);
        }

        /**
         * Quick: rank 2 only, n = 100, 2 000 steps (t = 40) and λ = 0.1 (λt = 4, so Theorem 3.2's e^{−2λt} decay spans
         * e^{−8} and its fit window t ≥ 20 starts after e^{−4}), otherwise the defaults.
         */
        public static Config quick() {
            Config d = defaults();
            return new Config(d.dim, d.outputs, 100, d.width, d.depths, new int[]{2}, d.learningRate, 2_000, 0.1,
                    d.initScale, 40, d.seed);
        }

        public Config with(int[] newDepths, Integer newSteps, Double newDecay, Long newSeed) {
            return new Config(dim, outputs, samples, width, newDepths == null ? depths : newDepths, ranks, learningRate,
                    newSteps == null ? steps : newSteps, newDecay == null ? weightDecay : newDecay, initScale, records,
                    newSeed == null ? seed : newSeed);
        }

        @Override
        public int[] depths() {
            return depths.clone();
        }

        @Override
        public int[] ranks() {
            return ranks.clone();
        }
    }

    /**
     * One recorded point: step, objective 𝓛, chain balancedness Σ_ℓ‖D_ℓ‖_F, cos(W₁ᵀW₁, AGOP^{1/L}) and Theorem 3.2's
     * residual ‖AGOP − (W₁ᵀW₁)^L‖_F ({@link #theoremResidual}; NaN for the ReLU head, whose AGOP is not AᵀA).
     */
    public record Point(int step, double loss, double balancedness, double cosineAtInverseL, double theoremResidual) {
    }

    /** One trained run and its final first-layer matrices. */
    public record Run(Model model, int rank, Init init, boolean decay, int depth, List<Point> trace,
                      PowerSweep.Result sweep, double cosineAtInverseL, double[] nfmEigenvalues, double[] targetSingularValues) {
        public String id() {
            return String.format(Locale.ROOT, "%s r%d %s %s L=%d", model == Model.LINEAR ? "linear" : "relu-head", rank,
                    init == Init.BALANCED ? "balanced" : "standard", decay ? "decay" : "no-decay", depth);
        }

        public Point last() {
            return trace.get(trace.size() - 1);
        }
    }

    /** The α grid of the sweeps: 0.01, 0.02, …, 1.5. */
    public static double[] alphas() {
        return DiagnosticsConfig.grid(0.01, 1.5, 0.01);
    }

    /** Every run of the experiment, in a fixed order: linear (both inits, both decays) then balanced ReLU head. */
    public static List<Run> runAll(Config config, Progress progress) {
        List<Run> runs = new ArrayList<>();
        for (int rank : config.ranks()) {
            for (int depth : config.depths()) {
                for (Init init : Init.values()) {
                    for (boolean decay : new boolean[]{false, true}) {
                        runs.add(run(config, Model.LINEAR, rank, init, decay, depth, progress));
                    }
                }
            }
        }
        for (int rank : config.ranks()) {
            for (int depth : config.depths()) {
                for (boolean decay : new boolean[]{false, true}) {
                    runs.add(run(config, Model.RELU_HEAD, rank, Init.BALANCED, decay, depth, progress));
                }
            }
        }
        return runs;
    }

    /** One run; deterministic in (config.seed, model, rank, init, depth) — the two decay settings share the init. */
    public static Run run(Config config, Model model, int rank, Init init, boolean decay, int depth, Progress progress) {
        SplittableRandom data = new SplittableRandom(config.seed() * 1_000_003L + 17L * rank);
        Matrix u = orthonormal(config.outputs(), rank, data);
        Matrix v = orthonormal(config.dim(), rank, data);
        double[] s = Arrays.copyOf(new double[]{2.0, 1.0}, rank);
        Matrix x = Matrix.gaussian(config.samples(), config.dim(), 1.0, data);
        Matrix y;
        double[] targetSingular;
        if (model == Model.LINEAR) {
            Matrix us = u.copy();
            us.scaleColumnsInPlace(s);
            Matrix b = us.timesTranspose(v);                        // c×d
            y = x.timesTranspose(b);
            targetSingular = s;
        } else {
            Network teacher = teacher(v, x, data);
            y = teacher.output(x);
            double[] eig = PowerSweep.eigenvaluesDescending(LayerMatrices.outputGradients(teacher, x).agop().get(0));
            targetSingular = new double[rank];                      // √ of the target AGOP's eigenvalues (AGOP = AᵀA ⇒ s)
            for (int k = 0; k < rank; k++) {
                targetSingular[k] = Math.sqrt(Math.max(eig[k], 0));
            }
        }
        SplittableRandom initRng = new SplittableRandom(config.seed() * 7_919L + 31L * depth + 5L * rank + model.ordinal());
        Network net = initialNetwork(config, model, init, depth, initRng);
        Objective objective = new Objective(Loss.MEAN_SQUARED, decay ? config.weightDecay() : 0.0);
        TrainingData train = new TrainingData(x, y);
        List<Point> trace = new ArrayList<>();
        int every = Math.max(1, config.steps() / config.records());
        Network trained = Trainer.train(net, train, objective, new Optimizer.GradientDescent(config.learningRate()),
                config.steps(), 1L, (step, current, loss, grad) -> {
                    if (step % every == 0 || step == config.steps()) {
                        Matrix agop = LayerMatrices.outputGradients(current, x).agop().get(0);
                        Matrix nfm = LayerMatrices.nfm(current.weights(0));
                        trace.add(new Point(step, loss, balancedness(current, depth), PowerSweep.cosineAt(nfm, agop, 1.0 / depth),
                                model == Model.LINEAR ? theoremResidual(agop, nfm, depth) : Double.NaN));
                    }
                });
        Matrix nfm = LayerMatrices.nfm(trained.weights(0));
        Matrix agop = LayerMatrices.outputGradients(trained, x).agop().get(0);
        PowerSweep.Result sweep = PowerSweep.sweep(nfm, agop, alphas());
        Run r = new Run(model, rank, init, decay, depth, trace, sweep, PowerSweep.cosineAt(nfm, agop, 1.0 / depth),
                PowerSweep.eigenvaluesDescending(nfm), targetSingular);
        progress.message(String.format(Locale.ROOT, "deep-linear %s: loss %.3g, balancedness %.3g, argmax α %.2f, cos at 1/L %.5f",
                r.id(), r.last().loss(), r.last().balancedness(), sweep.bestAlpha(), r.cosineAtInverseL()));
        return r;
    }

    /** Σ_{ℓ=1}^{L−1} ‖W_{ℓ+1}ᵀW_{ℓ+1} − W_ℓW_ℓᵀ‖_F over the linear chain (the ReLU head's a is not part of it). */
    static double balancedness(Network net, int depth) {
        double sum = 0;
        for (int l = 0; l + 1 < depth; l++) {
            sum += LayerMatrices.balancedness(net, l);
        }
        return sum;
    }

    /**
     * Theorem 3.2's residual ‖AGOP − (W₁ᵀW₁)^L‖_F (d×d matrices; AGOP = (1/n)Σᵢ JᵢᵀJᵢ = AᵀA for the linear chain, A =
     * W_L⋯W_1, so the 1/n normalisation drops out). Telescoping W_kᵀW_k = W_{k−1}W_{k−1}ᵀ + D_{k−1} gives
     * AᵀA − (W₁ᵀW₁)^L = Σ_{k=2}^{L} P_{k−1}ᵀ[(W_kᵀW_k)^{L−k+1} − (W_{k−1}W_{k−1}ᵀ)^{L−k+1}]P_{k−1} (P_k = W_k⋯W_1),
     * linear in the imbalances D_ℓ to leading order, so it inherits their e^{−2λt} decay. Cost: L − 1 d×d products.
     */
    public static double theoremResidual(Matrix agop, Matrix nfm, int depth) {
        Matrix p = nfm;
        for (int k = 1; k < depth; k++) {
            p = p.times(nfm);
        }
        return agop.minus(p).frobeniusNorm();
    }

    private static Network initialNetwork(Config config, Model model, Init init, int depth, SplittableRandom rng) {
        int d = config.dim();
        int m = config.width();
        int out = model == Model.LINEAR ? config.outputs() : m;
        List<Matrix> chain = new ArrayList<>();
        if (init == Init.BALANCED) {
            Matrix a0 = Matrix.gaussian(out, d, config.initScale() / Math.sqrt(d), rng);
            for (Layer layer : Initialization.balanced(a0, depth, m, rng).layers()) {
                chain.add(layer.weights());
            }
        } else {
            for (int l = 0; l < depth; l++) {
                int in = l == 0 ? d : m;
                chain.add(Matrix.gaussian(l == depth - 1 ? out : m, in, Math.sqrt(1.0 / in), rng));
            }
        }
        if (model == Model.RELU_HEAD) {
            return Networks.deepLinearReluHead(chain, Matrix.zeros(1, m), Matrix.gaussian(1, m, Math.sqrt(1.0 / m), rng), 0.0);
        }
        List<Layer> layers = new ArrayList<>();
        chain.forEach(w -> layers.add(Layer.of(w, Activation.IDENTITY)));
        return new Network(layers);
    }

    /**
     * The teacher f*(x) = (g(Vᵀx) − μ)/σ as a network on x, g(z) = Σ_{k≤4} c_k[w_kᵀz + β_k]₊ with w_k ~ N(0, I_r),
     * c_k ~ N(0, 1), β_k ~ N(0, ¼), μ and σ the mean and standard deviation of g over the sample rows.
     */
    private static Network teacher(Matrix v, Matrix x, SplittableRandom rng) {
        Matrix w = Matrix.gaussian(4, v.cols(), 1.0, rng).timesTranspose(v);   // 4×d: rows w_kᵀVᵀ
        Matrix c = Matrix.gaussian(1, 4, 1.0, rng);
        Layer hidden = new Layer(w, Matrix.gaussian(1, 4, 0.5, rng), Activation.RELU);
        Matrix y = new Network(List.of(hidden, Layer.of(c, Activation.IDENTITY))).output(x);
        double mean = 0;
        double sq = 0;
        for (double t : y.data()) {
            mean += t;
            sq += t * t;
        }
        mean /= y.rows();
        double sd = Math.sqrt(Math.max(sq / y.rows() - mean * mean, 1e-300));
        return new Network(List.of(hidden, new Layer(c.scale(1 / sd), Matrix.wrap(1, 1, new double[]{-mean / sd}),
                Activation.IDENTITY)));
    }

    static Matrix orthonormal(int rows, int cols, SplittableRandom rng) {
        return ThinSvd.of(Matrix.gaussian(rows, cols, 1.0, rng)).u();
    }

}
