package org.featurelab.speed;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        for (boolean float32 : new boolean[]{true, false}) {
            MlpSpeed.Result r = MlpSpeed.run(new MlpSpeed.Workload(new int[]{12, 10, 2}, 16, float32, 20, 1, 4));
            assertEquals(20, r.stepMillis().length);
            assertTrue(r.minMillis() > 0 && r.minMillis() <= r.medianMillis());
            assertTrue(r.lastLoss() < r.firstLoss(), "loss " + r.firstLoss() + " -> " + r.lastLoss());
        }
    }
}
