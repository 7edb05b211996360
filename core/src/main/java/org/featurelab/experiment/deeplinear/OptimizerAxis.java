package org.featurelab.experiment.deeplinear;

import org.featurelab.base.Progress;
import org.featurelab.diagnostics.Correlations;
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
import org.featurelab.nn.Trainer;
import org.featurelab.nn.TrainingData;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The optimiser × weight-decay axis of Tansley, Massart &amp; Cartis (2025) and the low-rank spectra of their Figure 4.
 * Every run starts from the standard (unbalanced) init scaled by {@code initScale} and trains with coupled decay
 * λ (𝓛 = mean ½‖f − y‖² + (λ/2)‖θ‖², the decay term in the gradient for every optimiser — Adam here is Adam with L2,
 * not AdamW). Targets on x ~ N(0, I_d):
 * <ul>
 *   <li>{@link Target#LINEAR}: y = Bx, B = 2u₁v₁ᵀ + u₂v₂ᵀ (2 outputs), fitted by the linear chain W_L⋯W_1;</li>
 *   <li>{@link Target#GAUSSIAN_LINK}: y = (g(Aᵀx) − μ)/σ with A d×r orthonormal, g(z) = exp(−½‖z − 𝟙‖²) (our choice of
 *       link: nonlinear, with a non-zero linear part), μ, σ over the training rows; fitted by the ReLU-head model
 *       aᵀ[W_L⋯W_1x + b₁]₊ + b₂. The target's AGOP (1/n)Σᵢ∇f*∇f*ᵀ = A·[(1/n)Σᵢ g(zᵢ)²(zᵢ − 𝟙)(zᵢ − 𝟙)ᵀ/σ²]·Aᵀ has
 *       rank r.</li>
 * </ul>
 */
public final class OptimizerAxis {
    private OptimizerAxis() {
    }

    /** Optimisers of the axis. */
    public enum Kind { GD, SGD, ADAM }

    /** Target families. */
    public enum Target { LINEAR, GAUSSIAN_LINK }

    /**
     * Settings.
     *
     * @param dim        input dimension d
     * @param samples    training rows n (a fresh test set of the same size)
     * @param width      hidden width m
     * @param depths     depths L ≥ 2
     * @param decays     coupled λ values (≥ 0)
     * @param steps      optimiser steps per run
     * @param gdRate     η of GD and SGD
     * @param batchSize  SGD batch (rows per step, without replacement per epoch)
     * @param adamRate   η of Adam
     * @param initScale  factor on the standard init of the axis runs
     * @param spectraInitScale factor on the standard init of the Figure-4 runs (smaller: the learned directions stand
     *                   out of the random init's flat spectrum sooner)
     * @param linkRank   rank r of the Gaussian-link target of the axis
     * @param ranks      ranks of the Figure-4 spectra runs
     * @param seed       seed of data, targets and inits
     */
    public record Config(int dim, int samples, int width, int[] depths, double[] decays, int steps, double gdRate,
                         int batchSize, double adamRate, double initScale, double spectraInitScale, int linkRank, int[] ranks,
                         long seed) {
        public Config {
            if (dim < 2 || samples < 2 || width < dim || depths.length == 0 || decays.length == 0 || steps < 1
                    || !(gdRate > 0) || batchSize < 1 || !(adamRate > 0) || !(initScale > 0) || !(spectraInitScale > 0) || linkRank < 1
                    || linkRank >= dim || ranks.length == 0) {
                throw new IllegalArgumentException("optimizer axis: need dim ≥ 2, samples ≥ 2, width ≥ dim, depths, decays, "
                        + "steps ≥ 1, gdRate > 0, batchSize ≥ 1, adamRate > 0, initScale > 0, spectraInitScale > 0, 1 ≤ linkRank < dim, ranks");
            }
            for (int l : depths) {
                if (l < 2) {
                    throw new IllegalArgumentException("optimizer axis: depths must be ≥ 2, got " + l);
                }
            }
            for (double w : decays) {
                if (!(w >= 0)) {
                    throw new IllegalArgumentException("optimizer axis: decays must be ≥ 0, got " + w);
                }
            }
            for (int r : ranks) {
                if (r < 1 || r >= dim) {
                    throw new IllegalArgumentException("optimizer axis: ranks must be in [1, dim), got " + r);
                }
            }
            depths = depths.clone();
            decays = decays.clone();
            ranks = ranks.clone();
        }

        /**
         * d = 20, n = 200, m = 20, L = 2, 3, 4, λ ∈ {0, 1e-3, 1e-2}, 5 000 steps (GD t = 100), GD/SGD η = 0.02, SGD batch
         * 20, Adam η = 1e-3, init ×1 (axis) and ×0.3 (spectra), link rank 2, spectra ranks 1, 2, 3.
         */
        public static Config defaults() {
            return new Config(20, 200, 20, new int[]{2, 3, 4}, new double[]{0, 1e-3, 1e-2}, 5_000, 0.02, 20, 1e-3, 1.0, 0.3,
                    2, new int[]{1, 2, 3}, 0);
        }

        /** Quick: n = 100, L = 2 (spectra at L = 2), 1 000 steps. */
        public static Config quick() {
            Config d = defaults();
            return new Config(d.dim, 100, d.width, new int[]{2}, d.decays, 1_000, d.gdRate, d.batchSize, d.adamRate,
                    d.initScale, d.spectraInitScale, d.linkRank, d.ranks, d.seed);
        }

        /** {@link #quick()} when the deep-linear config runs at most the quick number of steps, else {@link #defaults()}. */
        public static Config following(DeepLinear.Config deepLinear) {
            Config c = deepLinear.steps() <= DeepLinear.Config.quick().steps() ? quick() : defaults();
            return c.withSeed(deepLinear.seed());
        }

        public Config withSeed(long newSeed) {
            return new Config(dim, samples, width, depths, decays, steps, gdRate, batchSize, adamRate, initScale,
                    spectraInitScale, linkRank, ranks, newSeed);
        }

        @Override
        public int[] depths() {
            return depths.clone();
        }

        @Override
        public double[] decays() {
            return decays.clone();
        }

        @Override
        public int[] ranks() {
            return ranks.clone();
        }
    }

    /**
     * One trained run. {@code cosine}/{@code pearson}: cos and Pearson of W₁ᵀW₁ with AGOP^{1/L} (the network's
     * first-layer AGOP over the training rows); {@code theoremRelative}: ‖AGOP − (W₁ᵀW₁)^L‖_F/‖AGOP‖_F (linear chain
     * only, NaN otherwise); eigenvalues (descending) of W₁ᵀW₁ and of the target's AGOP (linear: BᵀB).
     */
    public record Run(Kind kind, double decay, Target target, int rank, int depth, double cosine, double pearson,
                      double argmaxAlpha, double theoremRelative, double balancedness, double trainLoss, double testLoss,
                      double[] nfmEigenvalues, double[] targetAgopEigenvalues) {
        public String id() {
            return String.format(Locale.ROOT, "%s %s r%d λ=%s L=%d", kind.name().toLowerCase(Locale.ROOT),
                    target == Target.LINEAR ? "linear" : "gauss-link", rank, decay, depth);
        }
    }

    /** σ_r/σ_{r+1} of descending eigenvalues, σ_{r+1} floored at 1e-16·σ_1 (a rank-r matrix reads ≈ 1e16). */
    public static double gap(double[] eig, int r) {
        double top = Math.max(eig[0], Double.MIN_NORMAL);
        return Math.max(eig[r - 1], 0) / Math.max(eig[r], 1e-16 * top);
    }

    /** The axis: every optimiser × decay × depth for both targets (linear rank 2, Gaussian link rank r). */
    public static List<Run> axis(Config config, Progress progress) {
        List<Run> runs = new ArrayList<>();
        for (Target target : Target.values()) {
            for (int depth : config.depths()) {
                for (Kind kind : Kind.values()) {
                    for (double decay : config.decays()) {
                        runs.add(run(config, kind, decay, target, target == Target.LINEAR ? 2 : config.linkRank(), depth, progress));
                    }
                }
            }
        }
        return runs;
    }

    /**
     * Figure 4: Gaussian-link targets of every rank of the config, GD, the largest decay, init ×{@code spectraInitScale},
     * the smallest depth ≥ 3 of the config (or its largest).
     */
    public static List<Run> spectra(Config config, Progress progress) {
        List<Run> runs = new ArrayList<>();
        double decay = 0;
        for (double w : config.decays()) {
            decay = Math.max(decay, w);
        }
        int depth = spectraDepth(config);
        Config small = new Config(config.dim(), config.samples(), config.width(), config.depths(), config.decays(),
                config.steps(), config.gdRate(), config.batchSize(), config.adamRate(), config.spectraInitScale(),
                config.spectraInitScale(), config.linkRank(), config.ranks(), config.seed());
        for (int r : config.ranks()) {
            runs.add(run(small, Kind.GD, decay, Target.GAUSSIAN_LINK, r, depth, progress));
        }
        return runs;
    }

    static int spectraDepth(Config config) {
        int best = Integer.MAX_VALUE;
        int max = 0;
        for (int l : config.depths()) {
            max = Math.max(max, l);
            if (l >= 3) {
                best = Math.min(best, l);
            }
        }
        return best == Integer.MAX_VALUE ? max : best;
    }

    /** One run; data and target depend on (seed, target, rank), the init on (seed, depth, target, rank) only. */
    public static Run run(Config config, Kind kind, double decay, Target target, int rank, int depth, Progress progress) {
        SplittableRandom data = new SplittableRandom(config.seed() * 1_000_033L + 101L * rank + 7L * target.ordinal());
        int d = config.dim();
        Matrix v = DeepLinear.orthonormal(d, rank, data);
        Matrix x = Matrix.gaussian(config.samples(), d, 1.0, data);
        Matrix xTest = Matrix.gaussian(config.samples(), d, 1.0, data);
        Matrix y;
        Matrix yTest;
        Matrix targetAgop;
        SplittableRandom initRng = new SplittableRandom(config.seed() * 7_927L + 31L * depth + 5L * rank + target.ordinal());
        Network net;
        if (target == Target.LINEAR) {
            Matrix u = DeepLinear.orthonormal(2, rank, data);
            u.scaleColumnsInPlace(new double[]{2.0, 1.0});
            Matrix b = u.timesTranspose(v);
            y = x.timesTranspose(b);
            yTest = xTest.timesTranspose(b);
            targetAgop = b.transposeTimes(b);
            List<Layer> layers = new ArrayList<>();
            for (int l = 0; l < depth; l++) {
                int in = l == 0 ? d : config.width();
                layers.add(Layer.of(Matrix.gaussian(l == depth - 1 ? 2 : config.width(), in, Math.sqrt(1.0 / in), initRng),
                        Activation.IDENTITY));
            }
            net = Initialization.scaled(new Network(layers), config.initScale());
        } else {
            GaussianLink link = GaussianLink.fit(v, x);
            y = link.values(x);
            yTest = link.values(xTest);
            targetAgop = link.agop(x);
            net = Initialization.scaled(Networks.deepLinearReluHead(d, config.width(), depth, initRng), config.initScale());
        }
        Optimizer opt = switch (kind) {
            case GD -> new Optimizer.GradientDescent(config.gdRate());
            case SGD -> new Optimizer.SgdMomentum(config.gdRate(), 0.0, config.batchSize());
            case ADAM -> Optimizer.Adam.of(config.adamRate(), 0);
        };
        Network trained = Trainer.train(net, new TrainingData(x, y), new Objective(Loss.MEAN_SQUARED, decay), opt,
                config.steps(), config.seed() + 1, (s, c, o, g) -> { });
        Matrix nfm = LayerMatrices.nfm(trained.weights(0));
        Matrix agop = LayerMatrices.outputGradients(trained, x).agop().get(0);
        Matrix root = PowerSweep.power(agop, 1.0 / depth);
        double theorem = target == Target.LINEAR
                ? DeepLinear.theoremResidual(agop, nfm, depth) / agop.frobeniusNorm() : Double.NaN;
        Run r = new Run(kind, decay, target, rank, depth, Correlations.cosine(nfm, root), Correlations.pearson(nfm, root),
                PowerSweep.sweep(nfm, agop, DeepLinear.alphas()).bestAlpha(), theorem, DeepLinear.balancedness(trained, depth),
                Loss.MEAN_SQUARED.mean(trained.output(x), y), Loss.MEAN_SQUARED.mean(trained.output(xTest), yTest),
                PowerSweep.eigenvaluesDescending(nfm), PowerSweep.eigenvaluesDescending(targetAgop));
        progress.message(String.format(Locale.ROOT, "optimizer axis %s: cos %.4f, test loss %.3g", r.id(), r.cosine(), r.testLoss()));
        return r;
    }
}
