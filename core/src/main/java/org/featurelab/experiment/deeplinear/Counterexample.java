package org.featurelab.experiment.deeplinear;

import org.featurelab.base.Progress;
import org.featurelab.diagnostics.DiagnosticsConfig;
import org.featurelab.diagnostics.LayerMatrices;
import org.featurelab.experiment.PowerSweep;
import org.featurelab.linalg.Matrix;
import org.featurelab.nn.Activation;
import org.featurelab.nn.Initialization;
import org.featurelab.nn.Loss;
import org.featurelab.nn.Network;
import org.featurelab.nn.Objective;
import org.featurelab.nn.Optimizer;
import org.featurelab.nn.Trainer;
import org.featurelab.nn.TrainingData;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The NFA counterexample (Tansley, Massart &amp; Cartis 2025; ../shared/REFERENCE.md §7): f*(x) = [x₁]₊ + [x₂]₊ on
 * x ~ N(0, I_d), fitted by a two-layer ReLU network f(x) = aᵀ[Wx + b]₊ + c (MSE ½(f − y)², full-batch Adam, small
 * initialisation). The target's AGOP is E[∇f*∇f*ᵀ] = [[½, ¼], [¼, ½]] on the (x₁, x₂) block (P(x₁ &gt; 0, x₂ &gt; 0) = ¼)
 * and 0 elsewhere, while an exact fit uses units along e₁ and e₂ only, so its WᵀW block is diagonal. Every power
 * AGOP^α (α &gt; 0) has the off-diagonal entry ((¾)^α − (¼)^α)/2 ≠ 0: the training loss goes to 0 while no power
 * of the AGOP matches WᵀW. As α → 0, AGOP^α tends to the projector on the AGOP's range (the identity on the block),
 * so the mismatch is measured over α ∈ [{@link #MIN_ALPHA}, 2] (the NFA exponents ½ and 1/L, L ≤ 4, lie inside).
 */
public final class Counterexample {
    /** Smallest α of the sweep. */
    public static final double MIN_ALPHA = 0.25;

    private Counterexample() {
    }

    /**
     * Settings.
     *
     * @param dim          input dimension d ≥ 2 (f* uses x₁ and x₂)
     * @param samples      training samples n
     * @param width        hidden ReLU units m
     * @param initScale    factor on the standard (He/LeCun) init ("small init": the unused directions stay small)
     * @param learningRate Adam step
     * @param steps        full-batch Adam steps
     * @param weightDecay  coupled λ (0: none)
     * @param records      recorded points of the loss curve
     * @param seed         seed of data and init
     */
    public record Config(int dim, int samples, int width, double initScale, double learningRate, int steps,
                         double weightDecay, int records, long seed) {
        public Config {
            if (dim < 2 || samples < 1 || width < 2 || !(initScale > 0) || !(learningRate > 0) || steps < 1
                    || !(weightDecay >= 0) || records < 1) {
                throw new IllegalArgumentException("counterexample: need d ≥ 2, n ≥ 1, width ≥ 2, init scale > 0, η > 0, "
                        + "steps ≥ 1, λ ≥ 0, records ≥ 1");
            }
        }

        /** d = 10, n = 1000, m = 50, init ×0.1, Adam η = 2e-3, 20 000 steps, λ = 0. */
        public static Config defaults() {
            return new Config(10, 1000, 50, 0.1, 2e-3, 20_000, 0.0, 100, 0);
        }

        /** Quick: n = 300, m = 20, 5 000 steps. */
        public static Config quick() {
            return new Config(10, 300, 20, 0.1, 2e-3, 5_000, 0.0, 50, 0);
        }

        /** The same settings with m hidden units and the given seed. */
        public Config withWidthAndSeed(int newWidth, long newSeed) {
            return new Config(dim, samples, newWidth, initScale, learningRate, steps, weightDecay, records, newSeed);
        }

        public Config with(Integer newSteps, Double newDecay, Long newSeed) {
            return new Config(dim, samples, width, initScale, learningRate, newSteps == null ? steps : newSteps,
                    newDecay == null ? weightDecay : newDecay, records, newSeed == null ? seed : newSeed);
        }
    }

    /** One point of the loss curve: step, objective 𝓛, mean loss. */
    public record Point(int step, double objective, double dataLoss) {
    }

    /**
     * The outcome: loss curve, final WᵀW and network AGOP (d×d, AGOP over the training rows), the sweep of
     * cos(WᵀW, AGOP^α) and the relative error √(1 − cos²) ({@link PowerSweep}), the same sweep for the exact fit
     * (WᵀW = I₂, AGOP = [[½, ¼], [¼, ½]]), and cos(WᵀW block, I₂), the block's α → 0 limit (AGOP^α → I₂ there).
     */
    public record Result(List<Point> trace, double testLoss, Matrix nfm, Matrix agop, PowerSweep.Result sweep,
                         PowerSweep.Result exactFitSweep, double cosineAlphaToZero) {
        public Point last() {
            return trace.get(trace.size() - 1);
        }
    }

    /** Narrow width of the counterexample: m = 2, the fewest units that represent f* exactly ([x₁]₊ and [x₂]₊). */
    public static final int NARROW_WIDTH = 2;

    /** Training-loss threshold below which a narrow run counts as an exact fit. */
    public static final double FIT_THRESHOLD = 1e-6;

    /**
     * The counterexample at {@link #NARROW_WIDTH} for seeds seed, seed + 1, …, seed + count − 1 (a two-unit net
     * trained from small init can also end with both units on one direction, a non-fitting stationary point: those
     * runs are reported, not dropped).
     */
    public static List<Result> narrow(Config config, int count, Progress progress) {
        List<Result> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            out.add(run(config.withWidthAndSeed(NARROW_WIDTH, config.seed() + k), progress));
        }
        return out;
    }

    /** The α grid: 0.25, 0.26, …, 2. */
    public static double[] alphas() {
        return DiagnosticsConfig.grid(MIN_ALPHA, 2.0, 0.01);
    }

    /** Trains and measures; deterministic in the seed. */
    public static Result run(Config config, Progress progress) {
        SplittableRandom rng = new SplittableRandom(config.seed());
        Matrix x = Matrix.gaussian(config.samples(), config.dim(), 1.0, rng);
        Matrix xTest = Matrix.gaussian(config.samples(), config.dim(), 1.0, rng);
        Network net = Initialization.scaled(Initialization.standard(new int[]{config.dim(), config.width(), 1},
                Activation.RELU, true, rng), config.initScale());
        Objective objective = new Objective(Loss.MEAN_SQUARED, config.weightDecay());
        List<Point> trace = new ArrayList<>();
        int every = Math.max(1, config.steps() / config.records());
        Matrix y = target(x);
        Network trained = Trainer.train(net, new TrainingData(x, y), objective, Optimizer.Adam.of(config.learningRate(), 0),
                config.steps(), 1L, (step, current, obj, grad) -> {
                    if (step % every == 0 || step == config.steps()) {
                        trace.add(new Point(step, obj, Loss.MEAN_SQUARED.mean(current.output(x), y)));
                        if (step % (every * 10) == 0) {
                            progress.message(String.format(Locale.ROOT, "counterexample step %d: loss %.3g", step, obj));
                        }
                    }
                });
        Matrix nfm = LayerMatrices.nfm(trained.weights(0));
        Matrix agop = LayerMatrices.outputGradients(trained, x).agop().get(0);
        Matrix exactAgop = Matrix.of(new double[][]{{0.5, 0.25}, {0.25, 0.5}});
        PowerSweep.Result exact = PowerSweep.sweep(Matrix.identity(2), exactAgop, alphas());
        double[][] b = block(nfm);                         // on the block, AGOP^α → I₂ as α → 0
        double cos0 = (b[0][0] + b[1][1]) / (Math.sqrt(2) * Math.hypot(Math.hypot(b[0][0], b[1][1]), Math.hypot(b[0][1], b[1][0])));
        double testLoss = Loss.MEAN_SQUARED.mean(trained.output(xTest), target(xTest));
        return new Result(trace, testLoss, nfm, agop, PowerSweep.sweep(nfm, agop, alphas()), exact, cos0);
    }

    /** y = [x₁]₊ + [x₂]₊ per row (n×1). */
    static Matrix target(Matrix x) {
        Matrix y = Matrix.zeros(x.rows(), 1);
        for (int i = 0; i < x.rows(); i++) {
            y.set(i, 0, Math.max(x.get(i, 0), 0) + Math.max(x.get(i, 1), 0));
        }
        return y;
    }

    /** The leading 2×2 block of a d×d matrix. */
    static double[][] block(Matrix m) {
        return new double[][]{{m.get(0, 0), m.get(0, 1)}, {m.get(1, 0), m.get(1, 1)}};
    }
}
