package org.featurelab.rfm;

import org.featurelab.base.Task;
import org.featurelab.kernel.Laplace;
import org.featurelab.linalg.Matrix;
import org.featurelab.linalg.Precision;
import org.featurelab.testing.Close;
import org.featurelab.testing.RandomData;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link RfmConfig#centerTargets}: the intercept makes the fit translation-equivariant in Y (fitting Y + b predicts
 * f + b, with the same M and iteration), and far from every centre the prediction is the training mean, where the
 * model without intercept falls to 0.
 */
class CenterTargetsTest {
    private static LabeledData data(int n, long seed, double shift) {
        Matrix x = RandomData.gaussian(n, 3, seed);
        Matrix y = Matrix.zeros(n, 1);
        for (int i = 0; i < n; i++) {
            y.set(i, 0, shift + Math.sin(x.get(i, 0)) + 0.5 * x.get(i, 1) * x.get(i, 1));
        }
        return new LabeledData(x, y);
    }

    private static RfmConfig config(boolean center) {
        return RfmConfig.defaults().withKernel(new Laplace(3)).withRidge(0.1).withIterations(2)
                .withPrecision(Precision.FLOAT64).withCenterTargets(center);
    }

    @Test
    void fittingShiftedTargetsShiftsThePredictions() {
        LabeledData train = data(200, 3, 0.0);
        LabeledData val = data(80, 4, 0.0);
        LabeledData shifted = new LabeledData(train.x(), train.y().plus(ones(200).scale(650)));
        LabeledData valShifted = new LabeledData(val.x(), val.y().plus(ones(80).scale(650)));
        RfmModel a = Rfm.fit(config(true), Task.REGRESSION, train, val, RfmListener.NONE);
        RfmModel b = Rfm.fit(config(true), Task.REGRESSION, shifted, valShifted, RfmListener.NONE);
        assertEquals(a.iteration(), b.iteration());
        Close.assertClose(a.metric().toMatrix(), b.metric().toMatrix(), 1e-9, 1e-12, "same M");
        Matrix z = data(50, 5, 0.0).x();
        Close.assertClose(a.predict(z).plus(ones(50).scale(650)), b.predict(z), 1e-9, 1e-9, "f + 650");
        assertEquals(a.offset()[0] + 650, b.offset()[0], 1e-9);
        // without the intercept the same shift does not pass through: ridge shrinks the constant towards 0
        RfmModel plain = Rfm.fit(config(false), Task.REGRESSION, shifted, valShifted, RfmListener.NONE);
        double worst = plain.predict(z).minus(b.predict(z)).maxAbs();
        assertTrue(worst > 1, "uncentred differs by " + worst);
    }

    @Test
    void farFromTheDataThePredictionIsTheTrainingMean() {
        LabeledData train = data(150, 7, 650.0);
        double mean = 0;
        for (int i = 0; i < 150; i++) {
            mean += train.y().get(i, 0) / 150;
        }
        Matrix far = Matrix.of(new double[][]{{1e4, -1e4, 1e4}});
        RfmModel centred = Rfm.fit(config(true).withIterations(0), Task.REGRESSION, train, null, RfmListener.NONE);
        RfmModel plain = Rfm.fit(config(false).withIterations(0), Task.REGRESSION, train, null, RfmListener.NONE);
        assertArrayEquals(new double[]{mean}, centred.offset(), 1e-9);
        assertEquals(mean, centred.predict(far).get(0, 0), 1e-9);
        assertEquals(0.0, plain.predict(far).get(0, 0), 1e-9);
    }

    private static Matrix ones(int n) {
        Matrix m = Matrix.zeros(n, 1);
        for (int i = 0; i < n; i++) {
            m.set(i, 0, 1.0);
        }
        return m;
    }
}
