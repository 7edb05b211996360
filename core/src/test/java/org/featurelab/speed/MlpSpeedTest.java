package org.featurelab.speed;

import org.featurelab.linalg.Arithmetic;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MlpSpeedTest {
    /** 784-1024-10, b = 512: 2·512·(2·(784·1024 + 1024·10) + 1024·10). */
    @Test
    void flopCountIsForwardWeightAndUpperInputGradients() {
        double expected = 2.0 * 512 * (2.0 * (784 * 1024 + 1024 * 10) + 1024 * 10);
        assertEquals(expected, MlpSpeed.flopsPerStep(new int[]{784, 1024, 10}, 512));
    }

    @Test
    void bothPrecisionsTrainAndTimeEveryStep() {
        for (Arithmetic arithmetic : new Arithmetic[]{Arithmetic.FLOAT32, Arithmetic.FLOAT64}) {
            MlpSpeed.Result r = MlpSpeed.run(new MlpSpeed.Workload(new int[]{12, 10, 2}, 16, arithmetic, 20, 1, 4));
            assertEquals(20, r.stepMillis().length);
            assertTrue(r.minMillis() > 0 && r.minMillis() <= r.medianMillis());
            assertTrue(r.lastLoss() < r.firstLoss(), "loss " + r.firstLoss() + " -> " + r.lastLoss());
        }
    }

    @Test
    void mixedIsNotAnMlpArithmetic() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MlpSpeed.Workload(new int[]{12, 10, 2}, 16, Arithmetic.MIXED, 20, 1, 4));
        assertTrue(e.getMessage().contains("float64 or float32"), e.getMessage());
    }
}
