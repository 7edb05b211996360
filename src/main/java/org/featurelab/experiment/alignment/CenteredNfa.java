package org.featurelab.experiment.alignment;

import org.featurelab.base.Progress;
import org.featurelab.experiment.NetworkData;
import org.featurelab.nn.Activation;
import org.featurelab.nn.Loss;
import org.featurelab.nn.OptimizerKind;
import org.featurelab.training.DiagnosedStep;
import org.featurelab.training.InitSpec;
import org.featurelab.training.TrainConfig;
import org.featurelab.training.TrainingRun;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Centered NFA and speed-limited optimisation (../shared/REFERENCE.md §5–§7 "Centered NFA / SLO"; Beaglehole et al.).
 * ReLU MLPs without biases ({@code depth} weight matrices, hidden width {@code width}), MSE ℓᵢ = ½‖f(xᵢ) − yᵢ‖², no
 * weight decay, mini-batch SGD (batch 128, no momentum) or SLO (W_ℓ ← W_ℓ − η·C_ℓ·∇_ℓ/‖∇_ℓ‖_F), started from the
 * standard He initialisation multiplied by an init scale F ("small:F"). Per layer ℓ, with K_ℓ the PTK covariance at
 * the pre-activation and ΔW = W − W(0):
 * <pre>  UC-NFA = ρ(WᵀW, WᵀKW),   C-NFA = ρ(ΔWᵀΔW, ΔWᵀKΔW)   (Pearson over all entries)</pre>
 * computed by the diagnostics of {@code featurelab train} ({@link TrainingRun}, {@link DiagnosedStep}). Claim: the
 * smaller the init scale, the higher C-NFA; SLO, which moves the first layer fastest, raises it there.
 * Tasks: the chain monomial f*(x) = Σ_{i=1}^{r} xᵢxᵢ₊₁ on x ~ N(0, I_d) ({@link NetworkData#chainMonomial}) and a real
 * table (the bundled breast_cancer, or a CSV), split 80/20.
 */
public final class CenteredNfa {
    private CenteredNfa() {
    }

    /**
     * Settings.
     *
     * @param data         CSV for the real-data task, or {@code null} for the bundled breast_cancer table
     * @param realData     whether to run the real-data task at all
     * @param d            chain-monomial input dimension
     * @param r            number of products xᵢxᵢ₊₁
     * @param trainSize    chain-monomial training rows (test rows: 1000)
     * @param depth        weight matrices (depth 5 = 4 hidden layers)
     * @param width        hidden width
     * @param batch        mini-batch size of both optimisers
     * @param epochs       passes over the training rows
     * @param sgdRate      η of SGD
     * @param sloRate      η of SLO
     * @param sloFirst     C₀ of SLO (first layer); every other layer uses {@code sloRest}
     * @param sloRest      C_ℓ, ℓ ≥ 1
     * @param initScales   init scale factors F
     * @param optimizers   {@link OptimizerKind#SGD} and/or {@link OptimizerKind#SLO}
     * @param diagnoses    diagnosed steps per run (about)
     * @param seed         seed of the data and of every run (the same base initialisation for every F)
     */
    public record Config(Path data, boolean realData, int d, int r, int trainSize, int depth, int width, int batch, int epochs,
                         double sgdRate, double sloRate, double sloFirst, double sloRest, List<Double> initScales,
                         List<OptimizerKind> optimizers, int diagnoses, long seed) {
        public Config {
            initScales = List.copyOf(initScales);
            optimizers = List.copyOf(optimizers);
            if (initScales.isEmpty() || optimizers.isEmpty() || depth < 2 || width < 1 || batch < 1 || epochs < 1
                    || diagnoses < 1 || trainSize < 2) {
                throw new IllegalArgumentException("centered-nfa: need initScales, optimizers, depth ≥ 2, width, batch, "
                        + "epochs, diagnoses ≥ 1 and trainSize ≥ 2");
            }
            for (OptimizerKind o : optimizers) {
                if (o != OptimizerKind.SGD && o != OptimizerKind.SLO) {
                    throw new IllegalArgumentException("centered-nfa: optimizers takes sgd and slo, got " + o.id());
                }
            }
        }

        /**
         * Depth 5, width 256, batch 128, 200 epochs; chain monomial d = 20, r = 3, 2000 rows; F ∈ {0.4, 0.7, 1};
         * SGD η = 0.1 (no momentum); SLO η = 0.02, C₀ = 1, C_ℓ = 0.2 (ℓ ≥ 1); plus breast_cancer. (At F = 0.25 a depth-5
         * net stayed at the saddle of the chain task within the quick budget: test error 1.0, so C-NFA meant nothing.)
         */
        public static Config defaults() {
            return new Config(null, true, 20, 3, 2000, 5, 256, 128, 200, 0.1, 0.02, 1.0, 0.2,
                    List.of(0.4, 0.7, 1.0), List.of(OptimizerKind.SGD, OptimizerKind.SLO), 20, 0);
        }

        /** Quick: width 64, 1000 chain rows, 100 epochs; otherwise the defaults. */
        public static Config quick() {
            return new Config(null, true, 20, 3, 1000, 5, 64, 128, 100, 0.1, 0.02, 1.0, 0.2,
                    List.of(0.4, 0.7, 1.0), List.of(OptimizerKind.SGD, OptimizerKind.SLO), 15, 0);
        }

        public Config withSeed(long s) {
            return new Config(data, realData, d, r, trainSize, depth, width, batch, epochs, sgdRate, sloRate, sloFirst,
                    sloRest, initScales, optimizers, diagnoses, s);
        }

        public Config withData(Path csv, boolean real) {
            return new Config(csv, real, d, r, trainSize, depth, width, batch, epochs, sgdRate, sloRate, sloFirst, sloRest,
                    initScales, optimizers, diagnoses, seed);
        }

        public Config withTraining(Integer w, Integer e, List<Double> scales, List<OptimizerKind> opts) {
            return new Config(data, realData, d, r, trainSize, depth, w == null ? width : w, batch, e == null ? epochs : e,
                    sgdRate, sloRate, sloFirst, sloRest, scales == null ? initScales : scales,
                    opts == null ? optimizers : opts, diagnoses, seed);
        }
    }

    /** One trained network: task, init scale, optimiser, its diagnosed steps and test error. */
    public record Run(String task, double initScale, OptimizerKind optimizer, TrainingRun run, double testError) {
        /** The first weight matrix at the last step (the layer SLO speeds up). */
        public DiagnosedStep.Layer first() {
            return run.last().layers().get(0);
        }

        /** Headline C-NFA: the mean over all layers ℓ of C-NFA_ℓ at the last step (NaN layers skipped). */
        public double meanCNfa() {
            return mean(run.last(), true);
        }

        /** Headline UC-NFA: the mean over all layers of UC-NFA_ℓ at the last step. */
        public double meanUcNfa() {
            return mean(run.last(), false);
        }

        /** Mean over layers of C-NFA ({@code centred}) or UC-NFA at one diagnosed step. */
        public static double mean(DiagnosedStep step, boolean centred) {
            return step.layers().stream().mapToDouble(l -> centred ? l.cNfa() : l.ucNfa()).filter(Double::isFinite)
                    .average().orElse(Double.NaN);
        }

        public String label() {
            return String.format(Locale.ROOT, "%s F=%s %s", task, initScale, optimizer.id());
        }
    }

    /** The tasks of a config: chain monomial, then the real table when enabled. */
    public static List<NetworkData> tasks(Config config) {
        List<NetworkData> tasks = new ArrayList<>();
        tasks.add(NetworkData.chainMonomial(config.d(), config.r(), config.trainSize(), 1000, config.seed()));
        if (config.realData()) {
            tasks.add(NetworkData.table(config.data(), 0.2, Integer.MAX_VALUE, config.seed()));
        }
        return tasks;
    }

    /** Short task name: "chain" or "real". */
    public static String taskName(int index) {
        return index == 0 ? "chain" : "real";
    }

    /** Trains every (task, init scale, optimiser); deterministic. */
    public static List<Run> run(Config config, Progress progress) {
        List<Run> runs = new ArrayList<>();
        List<NetworkData> tasks = tasks(config);
        for (int t = 0; t < tasks.size(); t++) {
            NetworkData data = tasks.get(t);
            for (OptimizerKind optimizer : config.optimizers()) {
                for (double scale : config.initScales()) {
                    TrainingRun tr = TrainingRun.execute(trainConfig(config, data, optimizer, scale), data.train(), s -> { });
                    Run run = new Run(taskName(t), scale, optimizer, tr, data.testError(tr.trained().output(data.test().inputs())));
                    runs.add(run);
                    progress.message(String.format(Locale.ROOT, "centered-nfa %s: UC-NFA %.3f, C-NFA %.3f (mean over layers), "
                            + "test error %.3f", run.label(), run.meanUcNfa(), run.meanCNfa(), run.testError()));
                }
            }
        }
        return runs;
    }

    static TrainConfig trainConfig(Config c, NetworkData data, OptimizerKind optimizer, double scale) {
        int[] widths = new int[c.depth() + 1];
        Arrays.fill(widths, c.width());
        widths[0] = data.train().inputs().cols();
        widths[c.depth()] = data.train().targets().cols();
        double[] speeds = new double[c.depth()];
        Arrays.fill(speeds, c.sloRest());
        speeds[0] = c.sloFirst();
        int steps = c.epochs() * ((data.train().size() + c.batch() - 1) / c.batch());
        boolean slo = optimizer == OptimizerKind.SLO;
        return new TrainConfig(widths, Activation.RELU, Loss.parse("mse"), optimizer, slo ? c.sloRate() : c.sgdRate(), 0.0,
                c.epochs(), c.batch(), 0.0, scale == 1.0 ? InitSpec.STANDARD : InitSpec.Scaled.of(scale), false,
                Math.max(1, steps / c.diagnoses()), c.seed(), slo ? speeds : null, 0, 1000);
    }
}
