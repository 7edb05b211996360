package org.featurelab.training;

import org.featurelab.diagnostics.DiagnosticsConfig;
import org.featurelab.diagnostics.NetworkDiagnostics;
import org.featurelab.linalg.Matrix;
import org.featurelab.nn.Activation;
import org.featurelab.nn.Initialization;
import org.featurelab.nn.Loss;
import org.featurelab.nn.Network;
import org.featurelab.nn.Objective;
import org.featurelab.nn.Optimizer;
import org.featurelab.nn.OptimizerKind;
import org.featurelab.nn.Trainer;
import org.featurelab.nn.TrainingData;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The recorder's schedule and values, the subsample, and the training-run seeding. */
class DiagnosticsRecorderTest {
    static TrainingData data(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Matrix x = Matrix.zeros(n, 3);
        Matrix y = Matrix.zeros(n, 2);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) {
                x.set(i, j, rng.nextDouble() * 2 - 1);
            }
            y.set(i, 0, Math.sin(x.get(i, 0)) + x.get(i, 1));
            y.set(i, 1, x.get(i, 2) * x.get(i, 0));
        }
        return new TrainingData(x, y);
    }

    @Test
    void diagnosesEveryKStepsAndTheLastWithTheValuesOfCompute() {
        TrainingData d = data(30, 1);
        Network net = Initialization.standard(new int[] {3, 5, 2}, Activation.TANH, true, new SplittableRandom(2));
        Objective obj = new Objective(Loss.MEAN_SQUARED, 1e-2);
        List<Integer> seen = new ArrayList<>();
        DiagnosticsRecorder rec = new DiagnosticsRecorder(d, obj, DiagnosticsConfig.defaults(), 4, 10, net,
                s -> seen.add(s.step()));
        Network trained = Trainer.train(net, d, obj, new Optimizer.GradientDescent(0.1), 10, 0, rec);
        assertEquals(List.of(0, 4, 8, 10), seen);
        assertEquals(4, rec.steps().size());
        DiagnosedStep last = rec.steps().get(3);
        NetworkDiagnostics expected = NetworkDiagnostics.compute(10, trained, net, d.inputs(), d.targets(), obj,
                DiagnosticsConfig.defaults());
        assertEquals(expected.objective(), last.trainLoss(), 0.0);
        assertEquals(expected.gradientNorm(), last.gradNorm(), 0.0);
        assertEquals(Loss.MEAN_SQUARED.mean(trained.output(d.inputs()), d.targets()), last.dataLoss(), 1e-12);
        for (int l = 0; l < 2; l++) {
            assertEquals(expected.layers().get(l).pearsonFact(), last.layers().get(l).pearsonFact(), 0.0);
            assertEquals(expected.layers().get(l).pearsonNfa(), last.layers().get(l).pearsonNfa(), 0.0);
            assertEquals(expected.layers().get(l).cNfa(), last.layers().get(l).cNfa(), 0.0);
        }
        assertTrue(Double.isNaN(last.layers().get(1).balancedness()), "last layer has no balancedness");
        assertThrows(IllegalArgumentException.class,
                () -> new DiagnosticsRecorder(d, obj, DiagnosticsConfig.defaults(), 0, 10, null, s -> { }));
    }

    @Test
    void subsampleIsSeededOrderedAndOnlyWhenNeeded() {
        TrainingData d = data(50, 3);
        assertSame(d, DiagnosticsRecorder.sample(d, 50, 1));
        TrainingData s = DiagnosticsRecorder.sample(d, 20, 9);
        assertEquals(20, s.size());
        TrainingData again = DiagnosticsRecorder.sample(d, 20, 9);
        assertEquals(0, s.inputs().minus(again.inputs()).frobeniusNorm(), 0.0);
        // every sampled row is a distinct row of the data, in increasing row order
        int previous = -1;
        for (int i = 0; i < 20; i++) {
            int found = -1;
            for (int r = 0; r < 50; r++) {
                if (d.inputs().get(r, 0) == s.inputs().get(i, 0) && d.targets().get(r, 1) == s.targets().get(i, 1)) {
                    found = r;
                }
            }
            assertTrue(found > previous, "row " + i);
            previous = found;
        }
    }

    @Test
    void trainingRunChecksWidthsCountsStepsAndIsDeterministic() {
        TrainingData d = data(25, 4);
        TrainConfig c = new TrainConfig(new int[] {3, 6, 2}, Activation.RELU, Loss.MEAN_SQUARED, OptimizerKind.SGD, 0.05, 1e-3, 3, 10,
                0.9, InitSpec.parse("small:0.5"), true, 2, 11, null, 0, 2000);
        assertEquals(3, c.stepsPerEpoch(25));
        TrainingRun a = TrainingRun.execute(c, d, s -> { });
        TrainingRun b = TrainingRun.execute(c, d, s -> { });
        assertEquals(9, a.totalSteps());
        assertEquals(List.of(0, 2, 4, 6, 8, 9), a.steps().stream().map(DiagnosedStep::step).toList());
        assertEquals(a.last(), b.last());
        TrainConfig wrong = new TrainConfig(new int[] {4, 6, 2}, Activation.RELU, Loss.MEAN_SQUARED, OptimizerKind.GD, 0.05, 1e-3, 1, 0,
                0.9, InitSpec.STANDARD, true, 1, 0, null, 0, 2000);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainingRun.execute(wrong, d, s -> { }));
        assertEquals("widths 4-6-2 do not fit the data: expected 3-…-2 (3 encoded inputs, 2 outputs)", e.getMessage());
    }

    @Test
    void balancedInitIsBalancedAndAdamwKeepsFactDefined() {
        TrainingData d = data(20, 5);
        TrainConfig c = new TrainConfig(new int[] {3, 4, 4, 2}, Activation.IDENTITY, Loss.MEAN_SQUARED, OptimizerKind.ADAMW, 0.01, 1e-2,
                2, 0, 0.9, InitSpec.BALANCED, false, 1, 3, null, 0, 2000);
        TrainingRun r = TrainingRun.execute(c, d, s -> { });
        DiagnosedStep first = r.steps().get(0);
        assertTrue(first.layers().get(0).balancedness() < 1e-12, "balanced: " + first.layers().get(0).balancedness());
        assertTrue(Double.isFinite(first.layers().get(0).pearsonFact()), "FACT uses the decay even for adamw");
        assertEquals(0.0, c.trainingObjective().weightDecay());
    }
}
