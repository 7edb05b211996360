package org.featurelab.tabular;

import org.featurelab.base.Progress;
import org.featurelab.base.Task;
import org.featurelab.encoding.FittedPreprocessor;
import org.featurelab.encoding.PreparedData;
import org.featurelab.rfm.LabeledData;
import org.featurelab.table.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Early stopping of the tuning candidates ({@link LearnerConfig#patience}): on by default; a stopped candidate ran at
 * most {@code patience} iterations past its best, a candidate without patience ran all of them, and the setting
 * survives save and load.
 */
class EarlyStoppingTest {
    @TempDir
    Path dir;

    @Test
    void candidatesStopPatienceIterationsAfterTheirBest() {
        assertEquals(1, LearnerConfig.DEFAULT_PATIENCE, "the default measured in docs/design.md");
        assertEquals(LearnerConfig.DEFAULT_PATIENCE, LearnerConfig.defaults(ModelKind.NFA_RFM).patience());
        Table table = TabularFixtures.small("diabetes");
        String target = TabularFixtures.lastColumn(table);
        FittedPreprocessor pre = org.featurelab.encoding.Preprocessor.forTarget(target).fit(table);
        PreparedData prepared = pre.prepare(table);
        LabeledData data = new LabeledData(prepared.x(), prepared.y());
        int n = data.size();
        int[] fit = new int[n * 3 / 4];
        int[] val = new int[n - fit.length];
        for (int i = 0; i < n; i++) {
            if (i < fit.length) {
                fit[i] = i;
            } else {
                val[i - fit.length] = i;
            }
        }
        LearnerConfig base = LearnerConfig.defaults(ModelKind.NFA_RFM).withIterations(10).withRidges(List.of(1e-3))
                .withBandwidths(List.of(2.0));
        Tuner.Search all = Tuner.search(base.withPatience(0), Task.REGRESSION, data.select(fit), data.select(val),
                Progress.NONE);
        assertEquals(11, all.chosenModel().history().size(), "patience 0 runs iterations 0..10");
        Tuner.Search stopped = Tuner.search(base.withPatience(1), Task.REGRESSION, data.select(fit), data.select(val),
                Progress.NONE);
        int best = stopped.chosenModel().iteration();
        int ran = stopped.chosenModel().history().size();
        assertTrue(ran == 11 || ran == best + 2, "patience 1: stops one iteration after the best " + best + ", ran " + ran);
        assertTrue(ran < 11, "diabetes at L = 2 overfits within 10 iterations, so patience 1 stops early (ran " + ran + ")");
        for (int t = 0; t < ran; t++) {
            assertEquals(all.chosenModel().history().get(t).validationMse(), stopped.chosenModel().history().get(t).validationMse(),
                    0.0, "iteration " + t);
        }
    }

    @Test
    void patienceRoundTripsThroughTheModelFile() {
        Table table = TabularFixtures.small("diabetes");
        LearnerConfig config = LearnerConfig.defaults(ModelKind.NFA_RFM).withIterations(2).withRidges(List.of(1e-3))
                .withBandwidths(List.of(10.0)).withPatience(1);
        TabularModel model = new TabularLearner(org.featurelab.encoding.Preprocessor.forTarget(
                TabularFixtures.lastColumn(table)), config).fit(table);
        Path file = dir.resolve("m.flm");
        model.save(file);
        assertEquals(1, TabularModel.load(file).config().patience());
    }
}
