package org.featurelab.experiment.grokking;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.featurelab.base.Progress;
import org.featurelab.experiment.ExperimentReport;
import org.featurelab.linalg.Matrix;
import org.featurelab.report.HeatMap;
import org.featurelab.report.LineChart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * {@code featurelab experiment grokking}: runs {@link Grokking} for NFA-RFM and FACT-RFM and reports
 * {@code methods.<name>.final_test_accuracy}, {@code .grok_iteration} (first iteration with test accuracy ≥ 0.9,
 * −1 if none) and {@code .circulant_deviation} (of the final M, {@link Circulant}); plots accuracy, test loss and
 * circulant deviation per iteration and M (raw and in group order) as heat maps.
 */
public final class GrokkingExperiment {
    /** The claim reproduced. */
    public static final String CLAIM = "Claim (Mallinar et al.; FACT paper): on modular arithmetic with half of the pairs for "
            + "training, RFMs with ridge 0 fit the training set from the start while test accuracy stays near chance for "
            + "several iterations, then rises to 100%; the learned M becomes block-circulant (Fourier features).";

    private GrokkingExperiment() {
    }

    /** Runs both methods and builds the report. */
    public static ExperimentReport run(Grokking.Config config, Progress progress) {
        List<Grokking.Trajectory> runs = new ArrayList<>();
        Grokking.methods().forEach((name, update) -> runs.add(Grokking.run(config, name, update, progress)));
        return report(config, runs);
    }

    static ExperimentReport report(Grokking.Config config, List<Grokking.Trajectory> runs) {
        ExperimentReport r = new ExperimentReport("grokking", CLAIM);
        ObjectNode c = r.config();
        c.put("op", config.op().id());
        c.put("p", config.p());
        c.put("trainFraction", config.trainFraction());
        c.put("kernel", "gaussian");
        c.put("bandwidth", config.bandwidth());
        c.put("ridge", config.ridge());
        c.put("iterations", config.iterations());
        c.put("scaling", config.scaling().name().toLowerCase(Locale.ROOT));
        c.put("seed", config.seed());
        ObjectNode methods = r.summary().putObject("methods");
        List<List<String>> rows = new ArrayList<>();
        ModularArithmetic task = new ModularArithmetic(config.op(), config.p());
        for (Grokking.Trajectory t : runs) {
            Grokking.Step last = t.last();
            ObjectNode m = methods.putObject(t.method());
            m.put("final_test_accuracy", last.testAccuracy());
            m.put("final_train_accuracy", last.trainAccuracy());
            m.put("grok_iteration", t.grokIteration());
            m.put("circulant_deviation", last.circulantDeviation());
            m.put("chance_accuracy", 1.0 / config.p());
            rows.add(List.of(t.method(), fixed(last.trainAccuracy()), fixed(last.testAccuracy()),
                    Integer.toString(t.grokIteration()), fixed(last.circulantDeviation())));
            for (Grokking.Step s : t.steps()) {
                r.metric(t.method(), s.iteration(), "train_accuracy", s.trainAccuracy());
                r.metric(t.method(), s.iteration(), "test_accuracy", s.testAccuracy());
                r.metric(t.method(), s.iteration(), "test_loss", s.testLoss());
                r.metric(t.method(), s.iteration(), "circulant_deviation", s.circulantDeviation());
            }
        }
        r.table(List.of("method", "final train accuracy", "final test accuracy", "grok iteration (test ≥ 0.9)",
                "circulant deviation of final M"), rows);
        r.note(String.format(Locale.ROOT, "(a %s b) mod %d, %.0f%% of the pairs for training, Gaussian kernel L = %s, ridge %s, "
                        + "%d iterations, M scaled by %s. Chance accuracy is %.3f. Circulant deviation: relative Frobenius distance of "
                        + "M's four p×p blocks (in group order) from circulant matrices; M₀ = I is trivially circulant.",
                config.op().id(), config.p(), 100 * config.trainFraction(), config.bandwidth(), config.ridge(),
                config.iterations(), config.scaling().name().toLowerCase(Locale.ROOT), 1.0 / config.p()));
        Map<String, double[][]> acc = new LinkedHashMap<>();
        for (Grokking.Trajectory t : runs) {
            acc.put(t.method() + " train", series(t, Grokking.Step::trainAccuracy));
            acc.put(t.method() + " test", series(t, Grokking.Step::testAccuracy));
        }
        r.plot("accuracy.png", "Train and test accuracy per RFM iteration",
                LineChart.pngBytes("Accuracy per iteration", "iteration", "accuracy", acc));
        r.plot("test_loss.png", "Test loss (mean squared error) per iteration",
                LineChart.pngBytes("Test loss per iteration", "iteration", "test MSE", perMethod(runs, Grokking.Step::testLoss)));
        r.plot("circulant_deviation.png", "Deviation of M from block-circulant structure per iteration",
                LineChart.pngBytes("Circulant deviation per iteration", "iteration", "deviation",
                        perMethod(runs, Grokking.Step::circulantDeviation)));
        List<String> labels = inputLabels(config.p(), task.groupOrder(), false);
        List<String> ordered = inputLabels(config.p(), task.groupOrder(), true);
        for (Grokking.Trajectory t : runs) {
            Matrix m = t.finalM();
            r.plot(t.method() + "_M.png", t.method() + ": final M, inputs in natural order (a = 0..p−1, then b)",
                    HeatMap.pngBytes(m, labels, labels, t.method() + " M (raw)"));
            r.plot(t.method() + "_M_reordered.png", t.method() + ": final M with each block in group order"
                            + (task.groupStart() == 0 ? " (for add/sub the natural order is the group order)" : " (discrete-log order)"),
                    HeatMap.pngBytes(Circulant.reorder(m, task), ordered, ordered, t.method() + " M (group order)"));
        }
        return r;
    }

    private static double[][] series(Grokking.Trajectory t, ToDoubleFunction<Grokking.Step> f) {
        double[] x = new double[t.steps().size()];
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = t.steps().get(i).iteration();
            y[i] = f.applyAsDouble(t.steps().get(i));
        }
        return new double[][]{x, y};
    }

    private static Map<String, double[][]> perMethod(List<Grokking.Trajectory> runs, ToDoubleFunction<Grokking.Step> f) {
        Map<String, double[][]> s = new LinkedHashMap<>();
        runs.forEach(t -> s.put(t.method(), series(t, f)));
        return s;
    }

    private static List<String> inputLabels(int p, int[] order, boolean grouped) {
        List<String> l = new ArrayList<>();
        for (String side : List.of("a", "b")) {
            for (int k = 0; k < p; k++) {
                l.add(side + (grouped ? order[k] : k));
            }
        }
        return l;
    }

    private static String fixed(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
