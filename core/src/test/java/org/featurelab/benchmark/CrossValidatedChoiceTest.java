package org.featurelab.benchmark;

import org.featurelab.base.Task;
import org.featurelab.kernel.Kernel;
import org.featurelab.kernel.Laplace;
import org.featurelab.kernel.ProductLaplace;
import org.featurelab.linalg.Matrix;
import org.featurelab.rfm.LabeledData;
import org.featurelab.rfm.Rfm;
import org.featurelab.rfm.RfmConfig;
import org.featurelab.rfm.RfmListener;
import org.featurelab.rfm.RfmModel;
import org.featurelab.scoring.Scores;
import org.featurelab.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link CrossValidatedChoice} on iris fold 1 (laplace and laplace-l1, against kernels named explicitly; 3 selection
 * folds): every candidate's pooled accuracy is
 * recomputed from explicit held-out predictions (each pool row predicted by the model fitted without its part), and
 * the choice is the first strict maximum in the protocol's order; the unit refits on train + validation.
 */
class CrossValidatedChoiceTest {
    @ParameterizedTest
    @ValueSource(strings = {"laplace", "laplace-l1"})
    void choiceIsTheBestPooledHeldOutAccuracy(String name) {
        UciDataset iris = UciDataset.load(TestData.uciFixture(), "iris");
        int j = 1;
        int k = 3;
        UciProtocol.Settings settings = UciProtocol.Settings.defaults().withSelectionFolds(k);
        UciModel laplace = UciModel.parse(name);
        Kernel kernel = name.endsWith("-l1") ? new ProductLaplace(UciProtocol.BANDWIDTH) : new Laplace(UciProtocol.BANDWIDTH);
        UciDataset.Fold fold = iris.fold(j);
        Matrix y = UciProtocol.oneHot(iris.labels(), iris.classCount());
        CrossValidatedChoice.Choice choice = CrossValidatedChoice.choose(iris, fold, y, laplace, settings, j);

        int[] pool = UciProtocol.union(fold.train(), fold.validation()); // 112 rows, below the cap
        assertEquals(pool.length, choice.poolRows());
        List<String> labels = new ArrayList<>();
        for (int row : pool) {
            labels.add(Integer.toString(iris.labels()[row]));
        }
        int[] part = CsvFolds.assign(labels, Task.CLASSIFICATION, k, j);
        double best = Double.NEGATIVE_INFINITY;
        for (boolean norm : List.of(false, true)) {
            LabeledData all = new LabeledData(norm ? UciProtocol.normalizeRows(iris.x()) : iris.x(), y);
            for (double ridge : UciProtocol.RIDGES.stream().sorted().toList()) {
                int correct = 0;
                for (int p = 0; p < k; p++) {
                    List<Integer> fit = new ArrayList<>();
                    List<Integer> held = new ArrayList<>();
                    for (int i = 0; i < pool.length; i++) {
                        (part[i] == p ? held : fit).add(pool[i]);
                    }
                    RfmModel m = Rfm.fit(RfmConfig.defaults().withKernel(kernel).withIterations(0).withRidge(ridge)
                                    .withScaling(settings.scaling()), Task.CLASSIFICATION,
                            all.select(fit.stream().mapToInt(Integer::intValue).toArray()), null, RfmListener.NONE);
                    LabeledData h = all.select(held.stream().mapToInt(Integer::intValue).toArray());
                    correct += Math.round(Scores.accuracy(m.predict(h.x()), h.y()) * h.size());
                }
                double acc = correct / (double) pool.length;
                best = Math.max(best, acc); // which of tied candidates wins is the MSE's call, not checked here
            }
        }
        assertEquals(best, choice.accuracy(), 1e-12, "computed with " + kernel);
        assertEquals(0, choice.iteration());
        assertTrue(best > 0.9, "iris is easy: " + best);
        UciResult unit = UciProtocol.run(iris, j, laplace, settings);
        assertEquals(choice.ridge(), unit.ridge());
        assertEquals(choice.rowNorm(), unit.rowNorm());
        assertEquals(pool.length, unit.refitRows(), "refit on train + validation");
        assertEquals(choice.accuracy(), unit.validationAccuracy(), 0.0);
        assertTrue(unit.testAccuracy() > 0.85, "test accuracy " + unit.testAccuracy());
    }

    @Test
    void theIterationIsChosenOnPooledHeldOutAccuracy() {
        UciDataset iris = UciDataset.load(TestData.uciFixture(), "iris");
        int j = 1;
        int k = 3;
        UciProtocol.Settings settings = UciProtocol.Settings.defaults().withSelectionFolds(k);
        UciModel nfa = UciModel.parse("nfa-rfm");
        UciDataset.Fold fold = iris.fold(j);
        Matrix y = UciProtocol.oneHot(iris.labels(), iris.classCount());
        CrossValidatedChoice.Choice choice = CrossValidatedChoice.choose(iris, fold, y, nfa, settings, j);
        double best = Double.NEGATIVE_INFINITY;
        double atChoice = Double.NaN;
        for (boolean norm : List.of(false, true)) {
            LabeledData all = new LabeledData(norm ? UciProtocol.normalizeRows(iris.x()) : iris.x(), y);
            for (double ridge : UciProtocol.RIDGES) {
                double[] correct = new double[UciProtocol.RFM_ITERATIONS + 1];
                for (int p = 0; p < k; p++) {
                    int[] fitRows = choice.complementOf(p);
                    int[] held = java.util.stream.IntStream.of(choice.pool()).filter(
                            r -> java.util.Arrays.binarySearch(sorted(fitRows), r) < 0).toArray();
                    RfmModel m = Rfm.fit(nfa.config(ridge, settings.scaling()), Task.CLASSIFICATION,
                            all.select(fitRows), all.select(held), RfmListener.NONE);
                    assertEquals(UciProtocol.RFM_ITERATIONS + 1, m.history().size(), "iterations 0..T");
                    for (int t = 0; t < correct.length; t++) {
                        correct[t] += Math.round(m.history().get(t).validationScore() * held.length);
                    }
                }
                for (int t = 0; t < correct.length; t++) {
                    double acc = correct[t] / choice.poolRows();
                    best = Math.max(best, acc);
                    if (norm == choice.rowNorm() && ridge == choice.ridge() && t == choice.iteration()) {
                        atChoice = acc;
                    }
                }
            }
        }
        assertEquals(best, choice.accuracy(), 1e-12, "the best pooled accuracy over (norm, ridge, t)");
        assertEquals(best, atChoice, 1e-12, "and the chosen (norm, ridge, t) is one that reaches it");
    }

    private static int[] sorted(int[] rows) {
        int[] s = rows.clone();
        java.util.Arrays.sort(s);
        return s;
    }

    @Test
    void baggingScoresTheMeanOfTheRefitAndTheCrossValidationFits() {
        UciDataset iris = UciDataset.load(TestData.uciFixture(), "iris");
        int j = 2;
        UciProtocol.Settings settings = UciProtocol.Settings.defaults().withSelectionFolds(3).withBagging(true);
        UciModel nfa = UciModel.parse("nfa-rfm");
        UciDataset.Fold fold = iris.fold(j);
        Matrix y = UciProtocol.oneHot(iris.labels(), iris.classCount());
        CrossValidatedChoice.Choice c = CrossValidatedChoice.choose(iris, fold, y, nfa, settings, j);
        LabeledData all = new LabeledData(c.rowNorm() ? UciProtocol.normalizeRows(iris.x()) : iris.x(), y);
        var config = nfa.config(c.ridge(), settings.scaling()).withIterations(c.iteration());
        LabeledData test = all.select(fold.test());
        Matrix mean = Rfm.fit(config, Task.CLASSIFICATION, all.select(UciProtocol.union(fold.train(), fold.validation())),
                null, RfmListener.NONE).predict(test.x()).scale(1.0 / 4);
        for (int p = 0; p < 3; p++) {
            Matrix f = Rfm.fit(config, Task.CLASSIFICATION, all.select(c.complementOf(p)), null, RfmListener.NONE)
                    .predict(test.x());
            mean = mean.plus(f.scale(1.0 / 4));
            assertEquals(c.poolRows() - CsvFolds.fold(c.part(), p).test().length, c.complementOf(p).length);
        }
        UciResult unit = UciProtocol.run(iris, j, nfa, settings);
        assertEquals(Scores.accuracy(mean, test.y()), unit.testAccuracy(), 0.0);
        assertThrows(IllegalArgumentException.class, () -> UciProtocol.Settings.defaults().withBagging(true));
    }

    @Test
    void crossValidatedSelectionRefusesRefitOnTrain() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UciProtocol.Settings.defaults().withRefitOnValidation(false).withSelectionFolds(4));
        assertTrue(e.getMessage().contains("refit on train"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> UciProtocol.Settings.defaults().withSelectionFolds(0));
    }
}
