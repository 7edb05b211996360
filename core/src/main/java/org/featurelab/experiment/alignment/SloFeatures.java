package org.featurelab.experiment.alignment;

import org.featurelab.diagnostics.CentredAlignment;
import org.featurelab.diagnostics.LayerMatrices;
import org.featurelab.experiment.NetworkData;
import org.featurelab.kernel.KernelRidge;
import org.featurelab.kernel.Laplace;
import org.featurelab.kernel.Metric;
import org.featurelab.linalg.Matrix;
import org.featurelab.nn.OptimizerKind;
import org.featurelab.rfm.MetricScaling;
import org.featurelab.training.TrainingRun;

import java.util.ArrayList;
import java.util.List;

/**
 * Speed-limited optimisation and feature quality (Beaglehole et al.; ../shared/REFERENCE.md §6). A bias-free ReLU MLP
 * with {@code depth} = 3 weight matrices is trained on each task of the sweep with mini-batch SGD and with SLO,
 * W_ℓ ← W_ℓ − η·C_ℓ·∇_ℓ/‖∇_ℓ‖_F, at the paper's constants C₀ = 500 (first layer), C₁ = C₂ = 0.002. Reported per run:
 * the network's test error, the final per-layer {@link CentredAlignment}, and the test error of a kernel machine on
 * the learned first-layer features — Laplace kernel ridge k(x, z) = exp(−‖x − z‖_M / L), α = (K + λI)⁻¹Y, on all
 * training rows — with M = NFM = W₁ᵀW₁, with M = AGOP₁ (the network's EGOP with respect to its input), and with M = I
 * (no feature learning), each M scaled to tr M = d ({@link MetricScaling#TRACE}). Cost per run: the training, c
 * backward passes over the training rows, and three n×n Cholesky solves.
 */
public final class SloFeatures {
    private SloFeatures() {
    }

    /**
     * @param depth     weight matrices (3 in the paper's SLO example)
     * @param width     hidden width
     * @param epochs    passes over the training rows (batch 128 as the sweep)
     * @param sgdRate   η of SGD
     * @param sloRate   η of SLO (our choice: the paper's η is not in REFERENCE)
     * @param first     C₀
     * @param rest      C_ℓ, ℓ ≥ 1
     * @param bandwidth Laplace bandwidth L of the kernel machines
     * @param ridge     ridge λ of the kernel machines
     */
    public record Config(int depth, int width, int epochs, double sgdRate, double sloRate, double first, double rest,
                         double bandwidth, double ridge) {
        public Config {
            if (depth < 2 || width < 1 || epochs < 1 || !(sgdRate > 0) || !(sloRate > 0) || !(first > 0) || !(rest > 0)
                    || !(bandwidth > 0) || !(ridge > 0)) {
                throw new IllegalArgumentException("slo features: need depth ≥ 2, width, epochs ≥ 1 and positive sgdRate, "
                        + "sloRate, first, rest, bandwidth, ridge; got " + depth + ", " + width + ", " + epochs + ", " + sgdRate
                        + ", " + sloRate + ", " + first + ", " + rest + ", " + bandwidth + ", " + ridge);
            }
        }

        /** Depth 3, width 256, 200 epochs, SGD η = 0.1, SLO η = 10⁻³ with C₀ = 500, C₁ = C₂ = 0.002; L = 10, λ = 10⁻³. */
        public static Config defaults() {
            return new Config(3, 256, 200, 0.1, 1e-3, 500, 0.002, 10, 1e-3);
        }

        /** Quick: width 64, 100 epochs. */
        public static Config quick() {
            return new Config(3, 64, 100, 0.1, 1e-3, 500, 0.002, 10, 1e-3);
        }

        /** The same with another width and/or epoch count (null keeps the value). */
        public Config withWidth(Integer w, Integer e) {
            return new Config(depth, w == null ? width : w, e == null ? epochs : e, sgdRate, sloRate, first, rest, bandwidth,
                    ridge);
        }
    }

    /** One trained network and the kernel machines on its features. */
    public record Run(String task, OptimizerKind optimizer, TrainingRun run, double testError,
                      List<CentredAlignment.Layer> layers, double kernelNfmError, double kernelAgopError,
                      double kernelIdentityError) {
        public Run {
            layers = List.copyOf(layers);
        }
    }

    /** SGD and SLO on every task of {@code sweep}; deterministic. */
    public static List<Run> run(CenteredNfa.Config sweep, Config config) {
        return run(sweep, config, CenteredNfa.tasks(sweep));
    }

    /** SGD and SLO on the given tasks (those of {@code sweep}, loaded once); deterministic. */
    public static List<Run> run(CenteredNfa.Config sweep, Config config, List<CenteredNfa.Task> tasks) {
        List<Run> out = new ArrayList<>();
        for (CenteredNfa.Task task : tasks) {
            NetworkData data = task.data();
            double identity = kernelTestError(data, Matrix.identity(data.train().inputs().cols()), config);
            for (OptimizerKind optimizer : List.of(OptimizerKind.SGD, OptimizerKind.SLO)) {
                boolean slo = optimizer == OptimizerKind.SLO;
                TrainingRun tr = TrainingRun.execute(CenteredNfa.trainConfig(data, config.depth(), config.width(),
                        sweep.batch(), config.epochs(), optimizer, slo ? config.sloRate() : config.sgdRate(), config.first(),
                        config.rest(), 1.0, sweep.diagnoses(), sweep.diagnosticRows(), sweep.seed()), data.train(), s -> { });
                Matrix x = data.train().inputs();
                List<CentredAlignment.Layer> layers = CentredAlignment.of(tr.trained(), tr.initial(), x, sweep.seed());
                Matrix nfm = LayerMatrices.nfm(tr.trained().weights(0));
                Matrix agop = LayerMatrices.outputGradients(tr.trained(), x).agop().get(0);
                out.add(new Run(task.name(), optimizer, tr,
                        data.testError(tr.trained().output(data.test().inputs())), layers,
                        kernelTestError(data, nfm, config), kernelTestError(data, agop, config), identity));
            }
        }
        return out;
    }

    /** Test error of Laplace kernel ridge with metric M (scaled to tr M = d) trained on all training rows. */
    static double kernelTestError(NetworkData data, Matrix m, Config config) {
        Metric metric = new Metric.Full(MetricScaling.TRACE.apply(m));
        Laplace kernel = new Laplace(config.bandwidth());
        Matrix x = data.train().inputs();
        Matrix alpha = KernelRidge.solve(kernel.gram(x, x, metric), data.train().targets(), config.ridge()).alpha();
        return data.testError(kernel.gram(data.test().inputs(), x, metric).times(alpha));
    }
}
