package org.featurelab.experiment.alignment;

import org.featurelab.diagnostics.CentredAlignment;
import org.featurelab.diagnostics.EarlyCentredNfa;
import org.featurelab.experiment.NetworkData;
import org.featurelab.linalg.Matrix;
import org.featurelab.nn.Activation;
import org.featurelab.nn.Gradients;
import org.featurelab.nn.Initialization;
import org.featurelab.nn.Layer;
import org.featurelab.nn.Loss;
import org.featurelab.nn.Network;
import org.featurelab.nn.Objective;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The early-time C-NFA (../shared/REFERENCE.md §5): from W(0), the prediction ρ(BᵀΘB, BᵀΘ²B) of
 * {@link EarlyCentredNfa} (data, loss gradient at W(0) — the residual f(0) − y, and its label-only form −y — and the
 * PTK Θ at W(0)), against the C-NFA measured after t full-batch GD steps of size η on the mean MSE over the same rows,
 * for each init scale F of the sweep, on the chain-monomial task. Cost: about max(t) full-batch gradients plus one
 * {@link CentredAlignment} per recorded t.
 */
public final class EarlyAlignment {
    private EarlyAlignment() {
    }

    /**
     * @param rows  training rows used (the first {@code rows} of the chain task)
     * @param rate  η of the full-batch GD steps
     * @param steps the step counts t at which the C-NFA is measured (ascending)
     */
    public record Config(int rows, double rate, List<Integer> steps) {
        public Config {
            steps = List.copyOf(steps);
            if (rows < 2 || !(rate > 0) || steps.isEmpty()) {
                throw new IllegalArgumentException("early alignment: rows must be ≥ 2, rate > 0 and steps non-empty, got rows = "
                        + rows + ", rate = " + rate + ", steps = " + steps);
            }
            for (int i = 0; i < steps.size(); i++) {
                if (steps.get(i) < 1 || (i > 0 && steps.get(i) <= steps.get(i - 1))) {
                    throw new IllegalArgumentException("early alignment: steps must ascend from ≥ 1, got " + steps);
                }
            }
        }

        /** 500 rows, η = 0.01, t ∈ {1, 10, 100}. */
        public static Config defaults() {
            return new Config(500, 0.01, List.of(1, 10, 100));
        }

        /** 200 rows, η = 0.01, t ∈ {1, 10, 50}. */
        public static Config quick() {
            return new Config(200, 0.01, List.of(1, 10, 50));
        }
    }

    /** Measured per-layer C-NFA after {@code step} steps, with ‖ΔW‖/‖W‖. */
    public record Measured(int step, double[] cNfa, double[] relativeChange) {
    }

    /**
     * One init scale: the per-layer prediction (exact residual and label-only) and the measurements (readout last;
     * its values are 1 by construction).
     */
    public record Result(double initScale, double[] predicted, double[] predictedLabelsOnly, List<Measured> measured) {
        public Result {
            measured = List.copyOf(measured);
        }
    }

    /** Runs every init scale of {@code sweep} on its chain task with its depth and width; deterministic. */
    public static List<Result> run(CenteredNfa.Config sweep, Config config) {
        NetworkData chain = NetworkData.chainMonomial(sweep.d(), sweep.r(), sweep.trainSize(), 1, sweep.seed());
        int n = Math.min(config.rows(), chain.train().size());
        int[] idx = new int[n];
        Arrays.setAll(idx, i -> i);
        Matrix x = chain.train().inputs().selectRows(idx);
        Matrix y = chain.train().targets().selectRows(idx);
        int[] widths = new int[sweep.depth() + 1];
        Arrays.fill(widths, sweep.width());
        widths[0] = x.cols();
        widths[sweep.depth()] = y.cols();
        Objective mse = new Objective(Loss.parse("mse"), 0.0);
        List<Result> out = new ArrayList<>();
        for (double scale : sweep.initScales()) {
            Network standard = Initialization.standard(widths, Activation.RELU, false, new SplittableRandom(sweep.seed()));
            Network w0 = scale == 1.0 ? standard : Initialization.scaled(standard, scale);
            double[] predicted = EarlyCentredNfa.predict(w0, x, y, mse.loss());
            double[] labelsOnly = EarlyCentredNfa.predictFromLossGradient(w0, w0.forward(x), y.scale(-1));
            List<Measured> measured = new ArrayList<>();
            Network w = w0;
            int done = 0;
            for (int target : config.steps()) {
                for (; done < target; done++) {
                    w = gradientStep(w, mse.gradients(w, x, y), config.rate());
                }
                List<CentredAlignment.Layer> layers = CentredAlignment.of(w, w0, x, sweep.seed());
                measured.add(new Measured(target, layers.stream().mapToDouble(CentredAlignment.Layer::cNfa).toArray(),
                        layers.stream().mapToDouble(CentredAlignment.Layer::relativeChange).toArray()));
            }
            out.add(new Result(scale, predicted, labelsOnly, measured));
        }
        return out;
    }

    /** W_ℓ − η∇_ℓ for every layer (the networks here have no biases). */
    static Network gradientStep(Network w, Gradients g, double rate) {
        List<Layer> layers = new ArrayList<>();
        for (int l = 0; l < w.depth(); l++) {
            layers.add(Layer.of(w.weights(l).minus(g.weight(l).scale(rate)), w.layer(l).activation()));
        }
        return w.withLayers(layers);
    }
}
