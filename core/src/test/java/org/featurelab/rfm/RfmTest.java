package org.featurelab.rfm;

import org.featurelab.base.Task;
import org.featurelab.kernel.Laplace;
import org.featurelab.linalg.Matrix;
import org.featurelab.scoring.Scores;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RFM learns the relevant subspace of a low-rank target. */
class RfmTest {

    /** x ~ N(0, I) in d = 20, y = x₀·x₁. */
    static LabeledData productTarget(int n, long seed) {
        Random rng = new Random(seed);
        Matrix x = Matrix.zeros(n, 20);
        Matrix y = Matrix.zeros(n, 1);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 20; j++) {
                x.set(i, j, rng.nextGaussian());
            }
            y.set(i, 0, x.get(i, 0) * x.get(i, 1));
        }
        return new LabeledData(x, y);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nfa", "nfa-sqrt", "fact", "fact-gm"})
    void concentratesMetricOnRelevantCoordinatesAndBeatsPlainKernel(String update) {
        LabeledData train = productTarget(800, 1);
        LabeledData test = productTarget(400, 2);
        RfmConfig config = new RfmConfig(new Laplace(10), 1e-3, 5, FeatureUpdate.parse(update), MetricScaling.MAX, false,
                org.featurelab.linalg.Precision.FLOAT64, false);
        RfmModel model = Rfm.fit(config, Task.REGRESSION, train, null, RfmListener.NONE);
        assertEquals(5, model.iteration());
        Matrix m = model.metric().toMatrix();
        double relevant = m.get(0, 0) + m.get(1, 1);
        double share = relevant / m.trace();
        assertTrue(share > 0.6, update + ": diag(M) share on x0, x1 = " + share);
        for (int j = 2; j < 20; j++) {
            assertTrue(m.get(j, j) < 0.25 * Math.min(m.get(0, 0), m.get(1, 1)), update + ": M_" + j + j + " = " + m.get(j, j));
        }
        double rfmMse = Scores.meanSquaredError(model.predict(test.x()), test.y());
        RfmModel plain = Rfm.fit(config.withIterations(0), Task.REGRESSION, train);
        double plainMse = Scores.meanSquaredError(plain.predict(test.x()), test.y());
        assertTrue(rfmMse < 0.5 * plainMse, update + ": RFM test MSE " + rfmMse + " vs Laplace " + plainMse);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void validationKeepsBestIterationAndDiagonalVariantWorks(boolean diagonal) {
        LabeledData train = productTarget(500, 3);
        LabeledData val = productTarget(200, 4);
        RfmConfig config = RfmConfig.defaults().withIterations(3).withDiagonal(diagonal);
        RfmModel model = Rfm.fit(config, Task.REGRESSION, train, val, RfmListener.NONE);
        assertEquals(4, model.history().size());
        double best = Double.NEGATIVE_INFINITY;
        for (IterationRecord r : model.history()) {
            best = Math.max(best, r.validationScore());
        }
        assertEquals(best, model.history().get(model.iteration()).validationScore(), 0.0);
        assertTrue(model.iteration() > 0, "feature learning should beat iteration 0 on x0*x1");
        double score = -Scores.meanSquaredError(model.predict(val.x()), val.y());
        assertEquals(best, score, 1e-9 * Math.abs(best));
    }

    @org.junit.jupiter.api.Test
    void refusesProblemsWhoseKernelMatricesCannotFitInTheHeapOrRam() {
        // 200,000 rows need 16·n² = 640 GB of heap for K and W (float64): more than any test JVM has
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Rfm.requireMemory(200_000, org.featurelab.linalg.Arithmetic.FLOAT64));
        assertTrue(e.getMessage().contains("200000 training rows") && e.getMessage().contains("-Xmx"), e.getMessage());
        // under mixed precision the n×n matrices live in native memory: 24·n² (96 PB for 2·10⁷ rows) is refused
        // against the RAM, not the heap
        IllegalArgumentException ram = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Rfm.requireMemory(20_000_000, org.featurelab.linalg.Arithmetic.MIXED));
        assertTrue(ram.getMessage().contains("GB of memory (heap and native") && ram.getMessage().contains("--max-leaf-size"),
                ram.getMessage());
        // interpolation (λ = 0) under mixed precision solves by LU on the heap: refused against -Xmx
        IllegalArgumentException lu = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Rfm.requireMemory(200_000, org.featurelab.linalg.Arithmetic.MIXED, 0.0));
        assertTrue(lu.getMessage().contains("of Java heap") && lu.getMessage().contains("-Xmx"), lu.getMessage());
        Rfm.requireMemory(1000, org.featurelab.linalg.Arithmetic.FLOAT64);   // 16 MB: fine
        Rfm.requireMemory(1000, org.featurelab.linalg.Arithmetic.MIXED);     // 24 MB native: fine
    }

    /**
     * The policy is resolved once per fit from the training rows: mixed arithmetic (refined float32 solves) from
     * {@value org.featurelab.linalg.Precision#MIXED_MIN_SIZE} rows on, float64 below and under the float64 policy.
     */
    @org.junit.jupiter.api.Test
    void precisionPolicyIsResolvedOncePerFitFromTheTrainingRows() {
        LabeledData large = productTarget(org.featurelab.linalg.Precision.MIXED_MIN_SIZE, 6);
        LabeledData small = large.select(org.featurelab.base.Permutations.identity(large.size() - 1));
        RfmConfig mixed = RfmConfig.defaults().withIterations(1);
        for (IterationRecord r : Rfm.fit(mixed, Task.REGRESSION, large).history()) {
            assertTrue(r.solveMethod().startsWith("cholesky (mixed precision, "), r.solveMethod());
        }
        RfmConfig solveOnly = mixed.withIterations(0);
        for (RfmModel m : new RfmModel[]{Rfm.fit(solveOnly, Task.REGRESSION, small),
                Rfm.fit(solveOnly.withPrecision(org.featurelab.linalg.Precision.FLOAT64), Task.REGRESSION, large)}) {
            for (IterationRecord r : m.history()) {
                assertEquals("cholesky", r.solveMethod());
            }
        }
    }

    @org.junit.jupiter.api.Test
    void failedUpdateStopsTheFitAndKeepsTheValidIterations() {
        // constant inputs: the predictor is constant, its AGOP is zero and the first update must fail
        Matrix x = Matrix.zeros(30, 3);
        Matrix y = Matrix.zeros(30, 2);
        for (int i = 0; i < 30; i++) {
            x.set(i, 0, 1.0);
            y.set(i, i % 2, 1.0);
        }
        RfmModel model = Rfm.fit(RfmConfig.defaults().withIterations(3), Task.CLASSIFICATION, new LabeledData(x, y));
        assertEquals(1, model.history().size());
        assertEquals(0, model.iteration());
        assertTrue(model.history().get(0).updateFailure().contains("zero"), model.history().get(0).updateFailure());
        assertTrue(model.predict(x).isFinite());
    }

    @org.junit.jupiter.api.Test
    void featureUpdateNamesRoundTripAndModelsAreImmutable() {
        for (FeatureUpdate u : new FeatureUpdate[]{new FeatureUpdate.Nfa(1.0, false), new FeatureUpdate.Nfa(0.5, true),
                new FeatureUpdate.Fact(), new FeatureUpdate.FactGeometricMean()}) {
            assertEquals(u, FeatureUpdate.parse(u.name()));
        }
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new FeatureUpdate.Nfa(0.25, false));
        LabeledData train = productTarget(100, 5);
        RfmModel model = Rfm.fit(RfmConfig.defaults().withIterations(1), Task.REGRESSION, train);
        Matrix before = model.predict(train.x());
        ((org.featurelab.kernel.Metric.Full) model.metric()).m().set(0, 0, 1e3);
        model.basis().centers().scaleInPlace(5);
        model.centers().scaleInPlace(5);
        assertEquals(0.0, model.predict(train.x()).minus(before).maxAbs(), 0.0);
    }
}
