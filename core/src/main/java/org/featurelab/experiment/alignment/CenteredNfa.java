package org.featurelab.experiment.alignment;

import org.featurelab.base.Progress;
import org.featurelab.diagnostics.CentredAlignment;
import org.featurelab.experiment.NetworkData;
import org.featurelab.nn.Activation;
import org.featurelab.nn.Loss;
import org.featurelab.nn.OptimizerKind;
import org.featurelab.training.DiagnosedStep;
import org.featurelab.training.InitSpec;
import org.featurelab.training.TrainConfig;
import org.featurelab.training.TrainingRun;

import java.nio.file.Files;
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
 * computed over training by the diagnostics of {@code featurelab train} ({@link TrainingRun}, {@link DiagnosedStep}) and,
 * for the final network over all training rows, by {@link CentredAlignment} (per layer, with ‖ΔW‖_F/‖W‖_F and the
 * random-spectrum control ρ(ΔWᵀΔW, ΔWᵀK'ΔW), K' = QΛQᵀ). The last weight matrix is a linear readout: there K = n·I
 * and both correlations are 1 by construction, so every mean here is over the hidden layers 0..L−2 only. Claims: the
 * smaller the init scale, the higher UC-NFA (ΔW comes to dominate W, so UC-NFA approaches C-NFA) and C-NFA; the
 * alignment is with K itself, not its spectrum. The early-time prediction is {@link EarlyAlignment}, SLO and the
 * feature quality {@link SloFeatures}.
 * Tasks: the chain monomial f*(x) = Σ_{i=1}^{r} xᵢxᵢ₊₁ on x ~ N(0, I_d) ({@link NetworkData#chainMonomial}) and a real
 * table (the bundled breast_cancer, or a CSV), split 80/20.
 */
public final class CenteredNfa {
    private CenteredNfa() {
    }

    /**
     * Settings.
     *
     * @param data          real-data task: a CSV file (target = last column), a directory of MNIST-format IDX files
     *                      ({@link NetworkData#mnist}; inputs standardised, see {@link #tasks}), or {@code null} for the
     *                      bundled breast_cancer table
     * @param realData      whether to run the real-data task at all
     * @param chain         whether to run the chain-monomial task (sweep, SLO) and the early-time part (chain only)
     * @param realTrainSize real-data training rows: the IDX subsample size, a cap on a table's 80 % training split
     * @param realTestSize  real-data test rows of an IDX directory (a table's test rows are its 20 % split)
     * @param d             chain-monomial input dimension
     * @param r             number of products xᵢxᵢ₊₁
     * @param trainSize     chain-monomial training rows (test rows: 1000)
     * @param depth         weight matrices (depth 5 = 4 hidden layers)
     * @param width         hidden width
     * @param batch         mini-batch size of both optimisers
     * @param epochs        passes over the training rows
     * @param sgdRate       η of SGD
     * @param sloRate       η of SLO
     * @param sloFirst      C₀ of SLO (first layer); every other layer uses {@code sloRest}
     * @param sloRest       C_ℓ, ℓ ≥ 1
     * @param initScales    init scale factors F
     * @param optimizers    {@link OptimizerKind#SGD} and/or {@link OptimizerKind#SLO} for the init-scale sweep
     * @param diagnoses     diagnosed steps per run (about)
     * @param diagnosticRows training rows (at most; a seeded sample) the diagnosed steps are computed on
     * @param early         settings of the early-time prediction ({@link EarlyAlignment}), or {@code null} to skip it
     * @param slo           settings of the SLO feature-quality part ({@link SloFeatures}), or {@code null} to skip it
     * @param seed          seed of the data and of every run (the same base initialisation for every F)
     * @param seeds         sweep and SLO repeated with seeds seed, seed + 1, …, seed + seeds − 1 (mean ± sd in the
     *                      report); the early-time part runs for {@code seed} only
     */
    public record Config(Path data, boolean realData, boolean chain, int realTrainSize, int realTestSize, int d, int r,
                         int trainSize, int depth, int width, int batch, int epochs, double sgdRate, double sloRate,
                         double sloFirst, double sloRest, List<Double> initScales, List<OptimizerKind> optimizers,
                         int diagnoses, int diagnosticRows, EarlyAlignment.Config early, SloFeatures.Config slo, long seed, int seeds) {
        public Config {
            initScales = List.copyOf(initScales);
            optimizers = List.copyOf(optimizers);
            if (initScales.isEmpty() || optimizers.isEmpty() || depth < 2 || width < 1 || batch < 1 || epochs < 1
                    || diagnoses < 1 || trainSize < 2) {
                throw new IllegalArgumentException("centered-nfa: need initScales, optimizers, depth ≥ 2, width, batch, "
                        + "epochs, diagnoses ≥ 1 and trainSize ≥ 2");
            }
            if (realTrainSize < 2 || realTestSize < 1 || seeds < 1 || diagnosticRows < 1) {
                throw new IllegalArgumentException("centered-nfa: need realTrainSize ≥ 2, realTestSize ≥ 1, seeds ≥ 1 and "
                        + "diagnosticRows ≥ 1, got " + realTrainSize + ", " + realTestSize + ", " + seeds + ", " + diagnosticRows);
            }
            if (!chain && !realData) {
                throw new IllegalArgumentException("centered-nfa: neither the chain nor the real-data task is on, nothing to run");
            }
            for (OptimizerKind o : optimizers) {
                if (o != OptimizerKind.SGD && o != OptimizerKind.SLO) {
                    throw new IllegalArgumentException("centered-nfa: optimizers takes sgd and slo, got " + o.id());
                }
            }
        }

        /**
         * Sweep: depth 5, width 256, batch 128, 200 epochs; chain monomial d = 20, r = 3, 2000 rows; F ∈ {0.4, 0.7, 1};
         * SGD η = 0.1 (no momentum); plus breast_cancer (an IDX directory: 2000 training, 1000 test rows). (At F = 0.25
         * a depth-5 net stayed at the saddle of the chain task within the quick budget: test error 1.0, so C-NFA meant
         * nothing.) SLO in the sweep (only with {@code optimizers} containing slo) uses the paper's C₀ = 500,
         * C_ℓ = 0.002 at η = 10⁻³. Early-time and SLO parts: their defaults. Three seeds.
         */
        public static Config defaults() {
            return new Config(null, true, true, 2000, 1000, 20, 3, 2000, 5, 256, 128, 200, 0.1, 1e-3, 500, 0.002,
                    List.of(0.4, 0.7, 1.0), List.of(OptimizerKind.SGD), 20, 1000, EarlyAlignment.Config.defaults(),
                    SloFeatures.Config.defaults(), 0, 3);
        }

        /**
         * Quick: width 64, 1000 chain rows (and IDX training rows), 100 epochs, quick early-time and SLO parts, one seed;
         * otherwise the defaults.
         */
        public static Config quick() {
            return new Config(null, true, true, 1000, 1000, 20, 3, 1000, 5, 64, 128, 100, 0.1, 1e-3, 500, 0.002,
                    List.of(0.4, 0.7, 1.0), List.of(OptimizerKind.SGD), 15, 1000, EarlyAlignment.Config.quick(),
                    SloFeatures.Config.quick(), 0, 1);
        }

        public Config withSeed(long s) {
            return new Config(data, realData, chain, realTrainSize, realTestSize, d, r, trainSize, depth, width, batch, epochs,
                    sgdRate, sloRate, sloFirst, sloRest, initScales, optimizers, diagnoses, diagnosticRows, early, slo, s, seeds);
        }

        /** The same with {@code count} seeds (null keeps the value). */
        public Config withSeeds(Integer count) {
            return new Config(data, realData, chain, realTrainSize, realTestSize, d, r, trainSize, depth, width, batch, epochs,
                    sgdRate, sloRate, sloFirst, sloRest, initScales, optimizers, diagnoses, diagnosticRows, early, slo, seed,
                    count == null ? seeds : count);
        }

        /** The real-data task: {@code path} (CSV, IDX directory or null = bundled), on or off. */
        public Config withData(Path path, boolean real) {
            return new Config(path, real, chain, realTrainSize, realTestSize, d, r, trainSize, depth, width, batch, epochs,
                    sgdRate, sloRate, sloFirst, sloRest, initScales, optimizers, diagnoses, diagnosticRows, early, slo, seed, seeds);
        }

        /** Real-data row counts and the chain task on or off (null keeps a count). */
        public Config withTasks(boolean withChain, Integer realTrain, Integer realTest) {
            return new Config(data, realData, withChain, realTrain == null ? realTrainSize : realTrain,
                    realTest == null ? realTestSize : realTest, d, r, trainSize, depth, width, batch, epochs, sgdRate, sloRate,
                    sloFirst, sloRest, initScales, optimizers, diagnoses, diagnosticRows, early, slo, seed, seeds);
        }

        public Config withTraining(Integer w, Integer e, List<Double> scales, List<OptimizerKind> opts) {
            return new Config(data, realData, chain, realTrainSize, realTestSize, d, r, trainSize, depth, w == null ? width : w,
                    batch, e == null ? epochs : e, sgdRate, sloRate, sloFirst, sloRest, scales == null ? initScales : scales,
                    opts == null ? optimizers : opts, diagnoses, diagnosticRows, early, slo == null ? null : slo.withWidth(w, e), seed, seeds);
        }

        /** The same with about {@code count} diagnosed steps per run on at most {@code rows} rows (null keeps a value). */
        public Config withDiagnoses(Integer count, Integer rows) {
            return new Config(data, realData, chain, realTrainSize, realTestSize, d, r, trainSize, depth, width, batch, epochs,
                    sgdRate, sloRate, sloFirst, sloRest, initScales, optimizers, count == null ? diagnoses : count,
                    rows == null ? diagnosticRows : rows, early, slo, seed, seeds);
        }

        /** The same sweep without the early-time and SLO parts (tests of the sweep alone). */
        public Config sweepOnly() {
            return new Config(data, realData, chain, realTrainSize, realTestSize, d, r, trainSize, depth, width, batch, epochs,
                    sgdRate, sloRate, sloFirst, sloRest, initScales, optimizers, diagnoses, diagnosticRows, null, null, seed, seeds);
        }

        /** Whether the real-data task reads an IDX directory. */
        public boolean idx() {
            return realData && data != null && Files.isDirectory(data);
        }
    }

    /**
     * One trained network: task, init scale, optimiser, its diagnosed steps, test error, and the final per-layer
     * {@link CentredAlignment} over all training rows (readout last).
     */
    public record Run(String task, double initScale, OptimizerKind optimizer, TrainingRun run, double testError,
                      List<CentredAlignment.Layer> layers) {
        public Run {
            layers = List.copyOf(layers);
        }

        /** The final values of the first weight matrix. */
        public CentredAlignment.Layer first() {
            return layers.get(0);
        }

        /** The final values of the linear readout (C-NFA = UC-NFA = 1 by construction). */
        public CentredAlignment.Layer readout() {
            return layers.get(layers.size() - 1);
        }

        /** Headline C-NFA: the mean over the hidden layers of the final C-NFA_ℓ (readout excluded). */
        public double meanCNfa() {
            return CentredAlignment.hiddenMean(layers.stream().mapToDouble(CentredAlignment.Layer::cNfa).toArray());
        }

        /** Headline UC-NFA: the mean over the hidden layers of the final UC-NFA_ℓ. */
        public double meanUcNfa() {
            return CentredAlignment.hiddenMean(layers.stream().mapToDouble(CentredAlignment.Layer::ucNfa).toArray());
        }

        /** The random-spectrum control ρ(ΔWᵀΔW, ΔWᵀK'ΔW), mean over the hidden layers. */
        public double meanControl() {
            return CentredAlignment.hiddenMean(layers.stream().mapToDouble(CentredAlignment.Layer::cNfaRandomSpectrum)
                    .toArray());
        }

        /** Mean over the hidden layers of C-NFA ({@code centred}) or UC-NFA at one diagnosed step. */
        public static double mean(DiagnosedStep step, boolean centred) {
            return CentredAlignment.hiddenMean(step.layers().stream().mapToDouble(l -> centred ? l.cNfa() : l.ucNfa())
                    .toArray());
        }

        public String label() {
            return String.format(Locale.ROOT, "%s F=%s %s", task, initScale, optimizer.id());
        }
    }

    /**
     * The tasks of a config: the chain monomial (when enabled), then the real-data task (when enabled) — the bundled
     * table or a CSV (80/20 split, standardised columns, training split capped at {@code realTrainSize}), or an IDX
     * directory ({@link NetworkData#mnist}: {@code realTrainSize} training and {@code realTestSize} test rows) with every
     * pixel standardised by the training rows' mean and sd ({@link NetworkData#standardized}; raw pixels in [0, 1],
     * ‖x‖² ≈ 100 with a large common mean, made the depth-5 net diverge at F = 1 with SGD η = 0.1).
     */
    public static List<Task> tasks(Config config) {
        List<Task> tasks = new ArrayList<>();
        if (config.chain()) {
            tasks.add(new Task("chain", NetworkData.chainMonomial(config.d(), config.r(), config.trainSize(), 1000,
                    config.seed())));
        }
        if (config.idx()) {
            NetworkData raw = NetworkData.mnist(config.data(), config.realTrainSize(), config.realTestSize(), config.seed());
            tasks.add(new Task("real", raw.standardized().inputsScaled(1 / Math.sqrt(raw.train().inputs().cols()))));
        } else if (config.realData()) {
            tasks.add(new Task("real", NetworkData.table(config.data(), 0.2, config.realTrainSize(), config.seed())));
        }
        return tasks;
    }

    /** A task of the sweep: short name ("chain" or "real") and its data. */
    public record Task(String name, NetworkData data) {
    }

    /** Trains every (task, init scale, optimiser) on {@link #tasks}; deterministic. */
    public static List<Run> run(Config config, Progress progress) {
        return run(config, tasks(config), progress);
    }

    /** Trains every (task, init scale, optimiser) on the given tasks (those of {@code config}); deterministic. */
    public static List<Run> run(Config config, List<Task> tasks, Progress progress) {
        List<Run> runs = new ArrayList<>();
        for (Task task : tasks) {
            NetworkData data = task.data();
            for (OptimizerKind optimizer : config.optimizers()) {
                for (double scale : config.initScales()) {
                    TrainingRun tr = TrainingRun.execute(trainConfig(config, data, optimizer, scale), data.train(), s -> { });
                    List<CentredAlignment.Layer> layers = CentredAlignment.of(tr.trained(), tr.initial(),
                            data.train().inputs(), config.seed());
                    Run run = new Run(task.name(), scale, optimizer, tr, data.testError(tr.trained().output(data.test().inputs())),
                            layers);
                    runs.add(run);
                    progress.message(String.format(Locale.ROOT, "centered-nfa %s: UC-NFA %.3f, C-NFA %.3f, random-spectrum "
                            + "control %.3f (hidden layers), test error %.3f", run.label(), run.meanUcNfa(), run.meanCNfa(),
                            run.meanControl(), run.testError()));
                }
            }
        }
        return runs;
    }

    static TrainConfig trainConfig(Config c, NetworkData data, OptimizerKind optimizer, double scale) {
        return trainConfig(data, c.depth(), c.width(), c.batch(), c.epochs(), optimizer,
                optimizer == OptimizerKind.SLO ? c.sloRate() : c.sgdRate(), c.sloFirst(), c.sloRest(), scale, c.diagnoses(),
                c.diagnosticRows(), c.seed());
    }

    /**
     * A bias-free ReLU MLP run with MSE and no decay: {@code depth} weight matrices of hidden width {@code width}; SLO
     * speeds C₀ = {@code first}, C_ℓ = {@code rest} (ℓ ≥ 1) when {@code optimizer} is SLO; He init times {@code scale}.
     */
    static TrainConfig trainConfig(NetworkData data, int depth, int width, int batch, int epochs, OptimizerKind optimizer,
                                   double rate, double first, double rest, double scale, int diagnoses,
                                   int diagnosticRows, long seed) {
        int[] widths = new int[depth + 1];
        Arrays.fill(widths, width);
        widths[0] = data.train().inputs().cols();
        widths[depth] = data.train().targets().cols();
        double[] speeds = new double[depth];
        Arrays.fill(speeds, rest);
        speeds[0] = first;
        int steps = epochs * ((data.train().size() + batch - 1) / batch);
        boolean slo = optimizer == OptimizerKind.SLO;
        return new TrainConfig(widths, Activation.RELU, Loss.parse("mse"), optimizer, rate, 0.0, epochs, batch, 0.0,
                scale == 1.0 ? InitSpec.STANDARD : InitSpec.Scaled.of(scale), false, Math.max(1, steps / diagnoses), seed,
                slo ? speeds : null, 0, diagnosticRows);
    }
}
