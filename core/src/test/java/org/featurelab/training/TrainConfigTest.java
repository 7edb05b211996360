package org.featurelab.training;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.featurelab.nn.Activation;
import org.featurelab.nn.Loss;
import org.featurelab.nn.Optimizer;
import org.featurelab.nn.OptimizerKind;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link TrainConfig} and {@link InitSpec}: typed values, messages that name the fields, and the JSON text forms. */
class TrainConfigTest {
    /** A valid configuration's components, to change one at a time. */
    private static final class Settings {
        int[] widths = {4, 8, 3};
        Activation activation = Activation.RELU;
        OptimizerKind optimizer = OptimizerKind.SGD;
        double learningRate = 0.1;
        double weightDecay = 1e-3;
        int epochs = 2;
        int batchSize = 0;
        double momentum = 0.9;
        InitSpec init = InitSpec.STANDARD;
        boolean bias = true;
        int diagnoseEvery = 1;
        double[] sloSpeeds;
        double temperature;
        int maxDiagnosticRows = 100;

        TrainConfig build() {
            return new TrainConfig(widths, activation, Loss.MEAN_SQUARED, optimizer, learningRate, weightDecay, epochs,
                    batchSize, momentum, init, bias, diagnoseEvery, 5, sloSpeeds, temperature, maxDiagnosticRows);
        }
    }

    private static String message(Consumer<Settings> change) {
        Settings s = new Settings();
        change.accept(s);
        return assertThrows(IllegalArgumentException.class, s::build).getMessage();
    }

    @Test
    void invalidValuesAreRejectedWithTheFieldName() {
        assertEquals("widths: need at least an input and an output width, got 4", message(s -> s.widths = new int[] {4}));
        assertEquals("widths: every width must be positive, got 4-0-3", message(s -> s.widths = new int[] {4, 0, 3}));
        assertEquals("learningRate must be positive and finite, got -1.0", message(s -> s.learningRate = -1));
        assertEquals("weightDecay must be finite and ≥ 0, got NaN", message(s -> s.weightDecay = Double.NaN));
        assertEquals("epochs must be ≥ 1, got 0", message(s -> s.epochs = 0));
        assertEquals("batchSize must be ≥ 0 (0 = full batch), got -2", message(s -> s.batchSize = -2));
        assertEquals("batchSize: gd is full-batch gradient descent; use sgd (with momentum 0) for mini-batches",
                message(s -> {
                    s.optimizer = OptimizerKind.GD;
                    s.batchSize = 10;
                }));
        assertEquals("momentum must be in [0, 1), got 1.0", message(s -> s.momentum = 1));
        assertEquals("diagnoseEvery must be ≥ 1, got 0", message(s -> s.diagnoseEvery = 0));
        assertEquals("sloSpeeds: need one speed per layer (2), got 3", message(s -> s.sloSpeeds = new double[] {1, 1, 1}));
        assertEquals("sloSpeeds must be positive and finite, got 0.0", message(s -> s.sloSpeeds = new double[] {1, 0}));
        assertEquals("temperature must be finite and ≥ 0, got -1.0", message(s -> s.temperature = -1));
        assertEquals("maxDiagnosticRows must be ≥ 1, got 0", message(s -> s.maxDiagnosticRows = 0));
        assertEquals(2, new Settings().build().depth());
    }

    @Test
    void balancedNeedsALinearChainOfEqualHiddenWidths() {
        assertEquals("init balanced is for deep linear chains: use activation identity", message(s -> s.init = InitSpec.BALANCED));
        Consumer<Settings> chain = s -> {
            s.activation = Activation.IDENTITY;
            s.init = InitSpec.BALANCED;
        };
        assertEquals("init balanced needs hidden layers of equal width, got widths 4-8-6-3", message(chain.andThen(
                s -> s.widths = new int[] {4, 8, 6, 3})));
        assertEquals("init balanced needs hidden width ≥ min(input, output), got widths 4-2-3", message(chain.andThen(
                s -> s.widths = new int[] {4, 2, 3})));
        Settings ok = new Settings();
        chain.andThen(s -> s.widths = new int[] {4, 3, 3, 3}).accept(ok);
        assertInstanceOf(InitSpec.Balanced.class, ok.build().init());
    }

    @Test
    void initTextFormsParseOnceAndPrintAsGiven() {
        assertSame(InitSpec.STANDARD, InitSpec.parse(" standard "));
        assertSame(InitSpec.BALANCED, InitSpec.parse("balanced"));
        InitSpec.Scaled half = assertInstanceOf(InitSpec.Scaled.class, InitSpec.parse("small:0.5"));
        assertEquals(0.5, half.factor());
        assertEquals(InitSpec.Scaled.of(0.5), half);
        // the factor is kept as written, so summary.json shows what was given
        InitSpec.Scaled milli = assertInstanceOf(InitSpec.Scaled.class, InitSpec.parse("small:1e-3"));
        assertEquals(1e-3, milli.factor());
        assertEquals("small:1e-3", milli.label());
        assertEquals(new InitSpec.FromFile(Path.of("run/network.flm")), InitSpec.parse("from:run/network.flm"));
        for (String text : new String[] {"standard", "balanced", "small:0.5", "small:2", "small:1e-3", "from:run/network.flm"}) {
            assertEquals(text, InitSpec.parse(text).label());
            assertEquals(InitSpec.parse(text), InitSpec.parse(InitSpec.parse(text).label()));
        }
    }

    @Test
    void badInitTextNamesTheField() {
        assertEquals("init: unknown 'large' (standard, small:F, balanced, from:FILE)",
                assertThrows(IllegalArgumentException.class, () -> InitSpec.parse("large")).getMessage());
        assertEquals("init: expected small:F with a number F, got 'small:x'",
                assertThrows(IllegalArgumentException.class, () -> InitSpec.parse("small:x")).getMessage());
        assertEquals("init small:F factor must be positive and finite, got -1.0",
                assertThrows(IllegalArgumentException.class, () -> InitSpec.parse("small:-1")).getMessage());
        assertEquals("init: expected from:FILE with a saved network file, got 'from:'",
                assertThrows(IllegalArgumentException.class, () -> InitSpec.parse("from: ")).getMessage());
        assertEquals("init: missing", assertThrows(IllegalArgumentException.class, () -> InitSpec.parse(null)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new InitSpec.Scaled(0.5, "0.25"));
    }

    @Test
    void archTextNamesTheField() {
        assertEquals(4, TrainConfig.parseArch(" 784-256-256-10 ").length);
        assertEquals("widths: expected dash-separated integers like 784-256-10, got '4-x-3'",
                assertThrows(IllegalArgumentException.class, () -> TrainConfig.parseArch("4-x-3")).getMessage());
    }

    @Test
    void jsonPrintsTheTextFormsAndOptimizerOptions() {
        TrainConfig sgd = new TrainConfig(new int[] {4, 8, 3}, Activation.TANH, Loss.MEAN_SQUARED, OptimizerKind.SGD, 0.1,
                1e-3, 2, 16, 0.5, InitSpec.parse("small:0.5"), true, 3, 7, null, 0.0, 100);
        ObjectNode o = sgd.toJson();
        assertEquals("4-8-3", o.get("arch").asText());
        assertEquals("sgd", o.get("optimizer").asText());
        assertEquals("coupled", o.get("weightDecayKind").asText());
        assertEquals("16", o.get("batch").asText());
        assertEquals(0.5, o.get("momentum").asDouble());
        assertEquals("small:0.5", o.get("init").asText());
        assertTrue(o.get("bias").asBoolean());
        assertFalse(o.has("sloSpeeds") || o.has("temperature"));

        TrainConfig adamw = new TrainConfig(new int[] {4, 4, 4, 3}, Activation.IDENTITY, Loss.MEAN_SQUARED,
                OptimizerKind.ADAMW, 0.01, 1e-2, 1, 0, 0.9, InitSpec.BALANCED, true, 1, 7, null, 0.0, 100);
        ObjectNode a = adamw.toJson();
        assertEquals("adamw", a.get("optimizer").asText());
        assertEquals("decoupled", a.get("weightDecayKind").asText());
        assertEquals("full", a.get("batch").asText());
        assertEquals("balanced", a.get("init").asText());
        assertFalse(a.get("bias").asBoolean(), "balanced chains have no biases");
        assertFalse(a.has("momentum"));
        assertEquals(0.0, adamw.trainingObjective().weightDecay());
        assertEquals(1e-2, adamw.diagnosticObjective().weightDecay());

        TrainConfig slo = new TrainConfig(new int[] {4, 8, 3}, Activation.RELU, Loss.MEAN_SQUARED, OptimizerKind.SLO, 0.1,
                0, 1, 0, 0.9, InitSpec.parse("from:run/network.flm"), true, 1, 7, new double[] {1, 0.2}, 0.0, 100);
        assertEquals("from:run/network.flm", slo.toJson().get("init").asText());
        assertEquals(0.2, slo.toJson().get("sloSpeeds").get(1).asDouble());
    }

    @Test
    void eachOptimizerKindBuildsItsRule() {
        Class<?>[] expected = {Optimizer.GradientDescent.class, Optimizer.SgdMomentum.class, Optimizer.Adam.class,
                Optimizer.AdamW.class, Optimizer.Slo.class, Optimizer.Sgld.class, Optimizer.Lbfgs.class};
        OptimizerKind[] kinds = OptimizerKind.values();
        assertEquals(expected.length, kinds.length);
        for (int k = 0; k < kinds.length; k++) {
            TrainConfig c = new TrainConfig(new int[] {4, 8, 3}, Activation.RELU, Loss.MEAN_SQUARED, kinds[k], 0.1, 1e-3,
                    1, 0, 0.9, InitSpec.STANDARD, true, 1, 7, null, 0.5, 100);
            assertInstanceOf(expected[k], c.buildOptimizer(3), kinds[k].id());
            assertEquals(kinds[k].id(), c.toJson().get("optimizer").asText());
        }
    }

    @Test
    void lbfgsIsFullBatch() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new TrainConfig(new int[] {4, 8, 3}, Activation.RELU, Loss.MEAN_SQUARED, OptimizerKind.LBFGS, 0.1, 1e-3,
                        1, 16, 0.9, InitSpec.STANDARD, true, 1, 7, null, 0, 100));
        assertEquals("batchSize: lbfgs is full-batch (its line search needs the whole objective)", e.getMessage());
        TrainConfig ok = new TrainConfig(new int[] {4, 8, 3}, Activation.RELU, Loss.MEAN_SQUARED, OptimizerKind.LBFGS, 0.1,
                1e-3, 1, 0, 0.9, InitSpec.STANDARD, true, 1, 7, null, 0, 100);
        assertEquals(new org.featurelab.nn.Optimizer.Lbfgs(TrainConfig.LBFGS_MEMORY, 0.1), ok.buildOptimizer(3));
        assertEquals(TrainConfig.LBFGS_MEMORY, ok.toJson().get("lbfgsMemory").asInt());
    }
}
