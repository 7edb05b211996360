package org.featurelab.benchmark;

import org.featurelab.kernel.Laplace;
import org.featurelab.linalg.Matrix;
import org.featurelab.metrics.Scores;
import org.featurelab.metrics.Task;
import org.featurelab.rfm.FeatureUpdate;
import org.featurelab.rfm.IterationRecord;
import org.featurelab.rfm.LabeledData;
import org.featurelab.rfm.Rfm;
import org.featurelab.rfm.RfmConfig;
import org.featurelab.rfm.RfmListener;
import org.featurelab.rfm.RfmModel;

import java.util.List;
import java.util.Locale;

/**
 * The per-fold UCI-121 protocol of the RFM and FACT papers (../shared/REFERENCE.md §8), as a pure function of
 * (dataset, fold, model):
 * <ol>
 *   <li>Laplace kernel, bandwidth L = {@value #BANDWIDTH} (fixed), other settings of {@link RfmConfig#defaults()}
 *       (max-scaling of M, full M, mixed precision for large n).</li>
 *   <li>For every ridge λ in {@link #RIDGES}: {@link Rfm#fit} on the fold's train rows with its validation rows,
 *       which scores iterations 0..T and keeps the best (validation accuracy, ties → lower validation MSE → earlier
 *       iteration). T = 5 for the RFMs, 0 for the plain kernel.</li>
 *   <li>Across ridges the kept (λ, t) with the best validation accuracy wins; ties → lower validation MSE → smaller
 *       λ.</li>
 *   <li>Refit on the <b>train rows only</b> (not train + validation) with λ for t iterations and score accuracy on
 *       the test rows. Train-only keeps the chosen iteration meaningful: M_t was selected for a predictor fitted on
 *       exactly these rows, and t updates on a larger set would be a different feature matrix. Since {@link Rfm#fit}
 *       is deterministic, that refit is identical to the model kept in step 2 for λ, so it is reused rather than
 *       recomputed.</li>
 * </ol>
 * Not yet part of the grid: row normalisation on/off (§8 lists it); all fits use the standardised features as
 * shipped. A fold without validation rows keeps, for each λ, the last iteration, and the smallest λ wins
 * (validation accuracy is NaN in the result).
 */
public final class UciProtocol {
    /** Laplace bandwidth L of the papers. */
    public static final double BANDWIDTH = 10;
    /** Ridge grid, in the papers' order; ties between ridges go to the smaller. */
    public static final List<Double> RIDGES = List.of(10.0, 1.0, 0.1, 1e-2, 1e-3);
    /** Iterations T of the RFM models (iterations 0..T are candidates). */
    public static final int RFM_ITERATIONS = 5;

    private UciProtocol() {
    }

    /**
     * A model of the benchmark: its name in results, the maximum iteration T and the feature-update rule (unused
     * when T = 0).
     */
    public record Model(String name, int iterations, FeatureUpdate update) {
        public Model {
            if (name == null || name.isBlank() || update == null || iterations < 0) {
                throw new IllegalArgumentException("uci model: a name, an update rule and iterations >= 0 are required, got "
                        + name + ", " + update + ", " + iterations);
            }
        }

        /** The plain Laplace kernel machine (no feature learning). */
        public static Model laplace() {
            return new Model("laplace", 0, new FeatureUpdate.Nfa(1.0, false));
        }

        /** RFM with a feature-update rule parsed by {@link FeatureUpdate#parse} (nfa, fact, fact-gm, ...), T = 5. */
        public static Model rfm(String update) {
            FeatureUpdate u = FeatureUpdate.parse(update);
            return new Model(u.name() + "-rfm", RFM_ITERATIONS, u);
        }

        /**
         * Parses {@code laplace} or {@code <update>-rfm}, e.g. {@code nfa-rfm}, {@code fact-rfm}, {@code fact-gm-rfm};
         * {@code fact-rfm-gm} (the papers' name) is accepted for {@code fact-gm-rfm}.
         */
        public static Model parse(String text) {
            String s = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
            if (s.equals("laplace")) {
                return laplace();
            }
            if (s.equals("fact-rfm-gm")) {
                return rfm("fact-gm");
            }
            if (s.endsWith("-rfm")) {
                return rfm(s.substring(0, s.length() - "-rfm".length()));
            }
            throw new IllegalArgumentException("unknown uci model '" + text + "' (expected laplace, nfa-rfm, fact-rfm or fact-rfm-gm)");
        }

        /** The RFM configuration for ridge λ. */
        public RfmConfig config(double ridge) {
            return RfmConfig.defaults().withKernel(new Laplace(BANDWIDTH)).withUpdate(update).withIterations(iterations)
                    .withRidge(ridge);
        }
    }

    /**
     * Outcome of one dataset × fold × model.
     *
     * @param ridge              chosen λ
     * @param iteration          chosen iteration t (0 = plain kernel with M = I)
     * @param validationAccuracy accuracy of the chosen (λ, t) on the validation rows (NaN without them)
     * @param testAccuracy       accuracy of the refit on the test rows (NaN without them)
     * @param seconds            wall time of the whole fold (all ridges and the scoring)
     */
    public record Result(String dataset, int fold, String model, double ridge, int iteration, double validationAccuracy,
                         double testAccuracy, double seconds) {
    }

    /** Runs the protocol on fold {@code j} of {@code data}; see the class comment. Deterministic. */
    public static Result run(UciDataset data, int j, Model model) {
        long start = System.nanoTime();
        UciDataset.Fold fold = data.fold(j);
        if (fold.train().length == 0) {
            throw new IllegalArgumentException("uci " + data.name() + ": fold " + j + " has no training rows");
        }
        LabeledData all = new LabeledData(data.x(), oneHot(data.labels(), data.classCount()));
        LabeledData train = all.select(fold.train());
        LabeledData validation = all.select(fold.validation());
        RfmModel best = null;
        double bestAccuracy = Double.NEGATIVE_INFINITY;
        double bestMse = Double.POSITIVE_INFINITY;
        // smallest ridge first, so that only a strict improvement replaces it: ties go to the smaller ridge
        List<Double> ascending = RIDGES.stream().sorted().toList();
        for (double ridge : ascending) {
            RfmModel m = Rfm.fit(model.config(ridge), Task.CLASSIFICATION, train, validation, RfmListener.NONE);
            IterationRecord kept = m.history().get(m.iteration());
            double acc = Double.isNaN(kept.validationScore()) ? Double.NEGATIVE_INFINITY : kept.validationScore();
            double mse = Double.isNaN(kept.validationMse()) ? Double.POSITIVE_INFINITY : kept.validationMse();
            if (best == null || acc > bestAccuracy + 1e-12 || (Math.abs(acc - bestAccuracy) <= 1e-12 && mse < bestMse)) {
                best = m;
                bestAccuracy = acc;
                bestMse = mse;
            }
        }
        double testAccuracy = Double.NaN;
        if (fold.test().length > 0) {
            LabeledData test = all.select(fold.test());
            testAccuracy = Scores.accuracy(best.predict(test.x()), test.y());
        }
        double validationAccuracy = best.history().get(best.iteration()).validationScore();
        return new Result(data.name(), j, model.name(), best.config().ridge(), best.iteration(), validationAccuracy,
                testAccuracy, (System.nanoTime() - start) / 1e9);
    }

    /** n×c one-hot targets. */
    static Matrix oneHot(int[] labels, int classes) {
        Matrix y = Matrix.zeros(labels.length, classes);
        double[] a = y.data();
        for (int i = 0; i < labels.length; i++) {
            a[i * classes + labels[i]] = 1;
        }
        return y;
    }
}
