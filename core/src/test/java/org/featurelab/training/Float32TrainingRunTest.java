package org.featurelab.training;

import org.featurelab.linalg.Arithmetic;
import org.featurelab.nn.Activation;
import org.featurelab.nn.Loss;
import org.featurelab.nn.OptimizerKind;
import org.featurelab.nn.TrainingData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The float32 engine agrees with the float64 one over a whole {@link TrainingRun} on a fixed seed: the diagnosed
 * objective curves (float64 diagnostics of each engine's network on the same sample) agree within
 * {@value #CURVE_RTOL} relative at every diagnosed step, and the final FACT/NFA correlations within
 * {@value #CORRELATION_ATOL}. Measured on these runs: 8·10⁻⁸ to 9·10⁻⁷ (and 1.1·10⁻⁷ for train --precision float32 on breast_cancer, 900 steps).
 */
class Float32TrainingRunTest {
    static final double CURVE_RTOL = 1e-4;
    static final double CORRELATION_ATOL = 1e-4;

    private static TrainConfig config(OptimizerKind optimizer, Arithmetic arithmetic) {
        int batch = optimizer == OptimizerKind.GD ? 0 : 16;
        return new TrainConfig(new int[] {3, 24, 24, 2}, Activation.RELU, Loss.MEAN_SQUARED, optimizer,
                optimizer == OptimizerKind.ADAM ? 0.003 : 0.05, 1e-3, 20, batch, 0.9, new InitSpec.Standard(), true, 25, 11,
                null, 0.0, 200).withArithmetic(arithmetic);
    }

    @ParameterizedTest
    @EnumSource(value = OptimizerKind.class, names = {"GD", "SGD", "ADAM"})
    void objectiveCurvesAndFinalCorrelationsAgree(OptimizerKind optimizer) {
        TrainingData data = DiagnosticsRecorderTest.data(120, 4);
        TrainingRun f64 = TrainingRun.execute(config(optimizer, Arithmetic.FLOAT64), data, s -> { });
        TrainingRun f32 = TrainingRun.execute(config(optimizer, Arithmetic.FLOAT32), data, s -> { });
        assertEquals(f64.steps().size(), f32.steps().size());
        assertTrue(f64.last().trainLoss() < 0.5 * f64.steps().get(0).trainLoss(), "the run learns something");
        double worst = 0;
        for (int i = 0; i < f64.steps().size(); i++) {
            DiagnosedStep a = f64.steps().get(i);
            DiagnosedStep b = f32.steps().get(i);
            assertEquals(a.step(), b.step());
            worst = Math.max(worst, Math.abs(b.trainLoss() - a.trainLoss()) / a.trainLoss());
        }
        assertTrue(worst <= CURVE_RTOL, optimizer + ": objective curves differ by " + worst + " relative");
        for (int l = 0; l < 3; l++) {
            DiagnosedStep.Layer a = f64.last().layers().get(l);
            DiagnosedStep.Layer b = f32.last().layers().get(l);
            assertEquals(a.pearsonFact(), b.pearsonFact(), CORRELATION_ATOL, "layer " + l + " pearson_fact");
            assertEquals(a.pearsonNfa(), b.pearsonNfa(), CORRELATION_ATOL, "layer " + l + " pearson_nfa");
        }
    }

    @Test
    void lbfgsAndMixedAreRefusedAndTheArithmeticIsRecorded() {
        IllegalArgumentException lbfgs = assertThrows(IllegalArgumentException.class,
                () -> new TrainConfig(new int[] {3, 4, 2}, Activation.RELU, Loss.MEAN_SQUARED, OptimizerKind.LBFGS, 1.0, 1e-3,
                        1, 0, 0.9, new InitSpec.Standard(), true, 1, 0, null, 0.0, 10, Arithmetic.FLOAT32));
        assertTrue(lbfgs.getMessage().startsWith("arithmetic: lbfgs runs in float64 only"), lbfgs.getMessage());
        IllegalArgumentException mixed = assertThrows(IllegalArgumentException.class,
                () -> config(OptimizerKind.GD, Arithmetic.MIXED));
        assertTrue(mixed.getMessage().contains("not mixed"), mixed.getMessage());
        assertEquals("float32", config(OptimizerKind.SGD, Arithmetic.FLOAT32).toJson().get("arithmetic").asText());
    }
}
