package org.featurelab.experiment.grokking;

import org.featurelab.base.Progress;
import org.featurelab.base.Task;
import org.featurelab.kernel.Gaussian;
import org.featurelab.kernel.KernelBasis;
import org.featurelab.kernel.Metric;
import org.featurelab.linalg.Matrix;
import org.featurelab.rfm.FeatureUpdate;
import org.featurelab.rfm.LabeledData;
import org.featurelab.rfm.MetricScaling;
import org.featurelab.rfm.Rfm;
import org.featurelab.rfm.RfmConfig;
import org.featurelab.rfm.RfmListener;
import org.featurelab.scoring.Scores;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Grokking modular arithmetic with RFMs (../shared/REFERENCE.md §7; Mallinar et al., and the FACT paper): on
 * c = a ∘ b mod p with half of the p² pairs for training, a Gaussian-kernel machine with ridge 0 interpolates the
 * training pairs from the first iteration on, while test accuracy stays near chance for several iterations and then
 * jumps to 100% as M acquires block-circulant structure. NFA-RFM updates M ← (centred AGOP)^½, FACT-RFM
 * M ← (FACT·FACTᵀ)^½.
 */
public final class Grokking {
    private Grokking() {
    }

    /**
     * Settings; {@link #defaults()} are the papers'.
     *
     * @param op            the operation
     * @param p             prime modulus
     * @param trainFraction share of the pairs used for training
     * @param bandwidth     Gaussian bandwidth L in exp(−‖x − z‖²_M / (2L²))
     * @param ridge         λ (0: interpolation, solved by LU when K is singular to working precision)
     * @param iterations    RFM iterations T (iterates 0..T are evaluated)
     * @param scaling       rescaling of each new M
     * @param seed          seed of the train/test split
     */
    public record Config(ModularArithmetic.Op op, int p, double trainFraction, double bandwidth, double ridge,
                         int iterations, MetricScaling scaling, long seed) {
        public Config {
            if (op == null || scaling == null || !(bandwidth > 0) || !(ridge >= 0) || iterations < 1) {
                throw new IllegalArgumentException("grokking: an operation, a scaling, L > 0, ridge >= 0 and iterations >= 1 are required");
            }
            new ModularArithmetic(op, p); // validates p
        }

        /** p = 61, train fraction 0.5, L = 2.5, ridge 0, 75 iterations. */
        public static Config defaults() {
            return new Config(ModularArithmetic.Op.ADD, 61, 0.5, 2.5, 0, 75, MetricScaling.MAX, 0);
        }

        /**
         * The quick setting: p = 61, 35 iterations. Smaller p groks more slowly (p = 31: test accuracy 0.83 after 25
         * iterations), so quick keeps p and stops at 35, after FACT-RFM's rise (100% from iteration ~32 at seed 0).
         */
        public static Config quick() {
            return defaults().withIterations(35);
        }

        public Config withOp(ModularArithmetic.Op o) {
            return new Config(o, p, trainFraction, bandwidth, ridge, iterations, scaling, seed);
        }

        public Config withP(int q) {
            return new Config(op, q, trainFraction, bandwidth, ridge, iterations, scaling, seed);
        }

        public Config withIterations(int t) {
            return new Config(op, p, trainFraction, bandwidth, ridge, t, scaling, seed);
        }

        public Config withSeed(long s) {
            return new Config(op, p, trainFraction, bandwidth, ridge, iterations, scaling, s);
        }

        public Config withScaling(MetricScaling s) {
            return new Config(op, p, trainFraction, bandwidth, ridge, iterations, s, seed);
        }
    }

    /** One iterate t of one method. */
    public record Step(int iteration, double trainAccuracy, double testAccuracy, double testLoss,
                       double circulantDeviation) {
    }

    /** The trajectory of one method and its final M. */
    public record Trajectory(String method, List<Step> steps, Matrix finalM) {
        /** First iteration with test accuracy ≥ 0.9, or −1. */
        public int grokIteration() {
            for (Step s : steps) {
                if (s.testAccuracy() >= 0.9) {
                    return s.iteration();
                }
            }
            return -1;
        }

        public Step last() {
            return steps.get(steps.size() - 1);
        }
    }

    /** The methods of the experiment: name → update rule. */
    public static Map<String, FeatureUpdate> methods() {
        Map<String, FeatureUpdate> m = new LinkedHashMap<>();
        m.put("nfa-rfm", new FeatureUpdate.Nfa(0.5, true));
        m.put("fact-rfm", new FeatureUpdate.Fact());
        return m;
    }

    /** Runs one method for T iterations, recording every iterate; deterministic. */
    public static Trajectory run(Config config, String method, FeatureUpdate update, Progress progress) {
        ModularArithmetic task = new ModularArithmetic(config.op(), config.p());
        ModularArithmetic.Data all = task.all();
        int[][] split = ModularArithmetic.split(all.labels().length, config.trainFraction(), config.seed());
        ModularArithmetic.Data train = all.select(split[0]);
        ModularArithmetic.Data test = all.select(split[1]);
        RfmConfig rfm = RfmConfig.defaults().withKernel(new Gaussian(config.bandwidth())).withRidge(config.ridge())
                .withIterations(config.iterations()).withUpdate(update).withScaling(config.scaling());
        List<Step> steps = new ArrayList<>();
        Matrix[] lastM = new Matrix[1];
        Rfm.fit(rfm, Task.CLASSIFICATION, new LabeledData(train.x(), train.y()), null, new RfmListener() {
            @Override
            public void solved(int t, Metric metric, KernelBasis basis, Matrix alpha) {
                Matrix m = metric.toMatrix();
                Matrix trainPred = basis.predict(train.x(), alpha);
                Matrix testPred = basis.predict(test.x(), alpha);
                Step s = new Step(t, Scores.accuracy(trainPred, train.y()), Scores.accuracy(testPred, test.y()),
                        Scores.meanSquaredError(testPred, test.y()), Circulant.deviation(m, task));
                steps.add(s);
                lastM[0] = m;
                progress.message(String.format(Locale.ROOT, "grokking %s iteration %d: train %.3f, test %.3f, circulant deviation %.3f",
                        method, t, s.trainAccuracy(), s.testAccuracy(), s.circulantDeviation()));
            }
        });
        return new Trajectory(method, steps, lastM[0]);
    }
}
