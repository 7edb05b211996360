package org.featurelab.tabular;

import org.featurelab.base.Progress;
import org.featurelab.encoding.Preprocessor;
import org.featurelab.table.Table;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code fit --validation}: every candidate is fitted on all training rows and scored on the given rows, and the
 * chosen candidate's model is kept without a refit — so the saved model's accuracy (MSE) on the validation table is
 * exactly the chosen validation score, and the model saw every training row.
 */
class GivenValidationTest {
    private static TabularModel fit(Table train, Table validation, ModelKind kind, String target) {
        LearnerConfig config = LearnerConfig.defaults(kind).withIterations(kind.learnsFeatures() ? 2 : 0)
                .withBandwidths(List.of(5.0, 10.0));
        return new TabularLearner(Preprocessor.forTarget(target), config).fit(train, validation, "test", Progress.NONE);
    }

    @Test
    void theKeptModelIsTheOneScoredOnTheGivenRows() {
        Table wine = TabularFixtures.small("wine");
        String target = TabularFixtures.lastColumn(wine);
        TabularFixtures.TrainTest split = TabularFixtures.split(wine, target, 0.3, 3);
        TabularModel model = fit(split.train(), split.test(), ModelKind.NFA_RFM, target);
        Tuner.Result tuning = model.tuning();
        assertEquals(split.train().rowCount(), tuning.fitRows(), "candidates fitted on all training rows");
        assertEquals(split.test().rowCount(), tuning.validationRows());
        assertEquals(2 * LearnerConfig.RIDGES.size(), tuning.candidates().size());
        assertEquals(split.train().rowCount(), model.rfm().centers().rows(), "no refit, no internal split");
        assertEquals(tuning.chosen().validationScore(), model.evaluate(split.test()).accuracy(), 1e-12);
        assertTrue(tuning.chosen().validationScore() > 0.85, "wine accuracy " + tuning.chosen().validationScore());
        for (Tuner.Candidate c : tuning.candidates()) {
            assertTrue(c.validationScore() <= tuning.chosen().validationScore(), "the chosen one is the best");
        }
    }

    @Test
    void regressionKeepsTheChosenCandidateToo() {
        Table diabetes = TabularFixtures.small("diabetes");
        String target = TabularFixtures.lastColumn(diabetes);
        TabularFixtures.TrainTest split = TabularFixtures.split(diabetes, null, 0.25, 5);
        TabularModel model = fit(split.train(), split.test(), ModelKind.LAPLACE, target);
        double mse = Math.pow(model.evaluate(split.test()).rmse(), 2);
        assertEquals(-model.tuning().chosen().validationScore(), mse, 1e-9 * mse);
    }

    @Test
    void tunedTreesAreChosenOnTheGivenRowsAndTrainedOnTheTrainingRows() {
        Table wine = TabularFixtures.small("wine");
        String target = TabularFixtures.lastColumn(wine);
        TabularFixtures.TrainTest split = TabularFixtures.split(wine, target, 0.3, 3);
        TabularModel model = fit(split.train(), split.test(), ModelKind.XGBOOST_TUNED, target);
        FittedModel.Trees trees = (FittedModel.Trees) model.fitted();
        assertEquals(split.test().rowCount(), trees.validationRows());
        assertEquals(trees.validationScore(), model.evaluate(split.test()).accuracy(), 1e-12,
                "trained on the same rows with the chosen rounds, the trees score what they scored in tuning");
    }

    @Test
    void xgboostDefaultsRefuseValidationRowsTheyWouldIgnore() {
        Table wine = TabularFixtures.small("wine");
        String target = TabularFixtures.lastColumn(wine);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> fit(wine, wine, ModelKind.XGBOOST, target));
        assertTrue(e.getMessage().contains("use xgboost-tuned"), e.getMessage());
    }

    @Test
    void anEmptyValidationTableIsRefused() {
        Table wine = TabularFixtures.small("wine");
        String target = TabularFixtures.lastColumn(wine);
        Table empty = wine.selectRows(new int[0]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> fit(wine, empty, ModelKind.LAPLACE, target));
        assertEquals("the validation file has no rows", e.getMessage());
    }
}
