package org.featurelab.rfm;

import org.featurelab.base.Task;
import org.featurelab.linalg.Matrix;
import org.featurelab.linalg.Precision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The validation predictions a fit reports for each iteration are what it was scored on, and for the kept iteration
 * exactly the fitted model's predictions (the tuner fits the probability temperature on them instead of predicting
 * again).
 */
class ValidatedPredictionsTest {

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void theKeptIterationsPredictionsAreTheModels(boolean intercept) {
        LabeledData train = RfmTest.productTarget(300, 21);
        LabeledData val = RfmTest.productTarget(80, 22);
        RfmConfig config = RfmConfig.defaults().withIterations(3).withPrecision(Precision.FLOAT64)
                .withCenterTargets(intercept);
        Map<Integer, Matrix> seen = new HashMap<>();
        RfmModel m = Rfm.fit(config, Task.REGRESSION, train, val, new RfmListener() {
            @Override
            public void validated(int iteration, Matrix predictions) {
                seen.put(iteration, predictions.copy());
            }
        });
        assertEquals(4, seen.size());
        assertArrayEquals(m.predict(val.x()).data(), seen.get(m.iteration()).data(), "kept iteration " + m.iteration());
        for (int t = 0; t < 4; t++) {
            assertEquals(m.history().get(t).validationMse(),
                    org.featurelab.scoring.Scores.meanSquaredError(seen.get(t), val.y()), 0.0, "iteration " + t);
        }
    }
}
