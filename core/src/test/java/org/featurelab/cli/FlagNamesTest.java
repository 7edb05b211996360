package org.featurelab.cli;

import org.featurelab.nn.Activation;
import org.featurelab.nn.Loss;
import org.featurelab.nn.OptimizerKind;
import org.featurelab.training.InitSpec;
import org.featurelab.training.TrainConfig;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@link FlagNames}: field names standing as words become flags; paths, quotes and longer words stay. */
class FlagNamesTest {
    private static final FlagNames NAMES = FlagNames.of("learningRate", "--lr", "init", "--init", "widths", "--arch");

    @Test
    void fieldNamesStandingAsWordsBecomeFlags() {
        assertEquals("--lr must be positive and finite, got -1.0", NAMES.rewrite("learningRate must be positive and finite, got -1.0"));
        assertEquals("--init: unknown 'x'", NAMES.rewrite("init: unknown 'x'"));
        assertEquals("a (--lr), b --arch; c --init,", NAMES.rewrite("a (learningRate), b widths; c init,"));
        assertEquals("--init from:run/init/x.flm: the saved network is 4-5-3 but --arch is 4-8-3",
                NAMES.rewrite("init from:run/init/x.flm: the saved network is 4-5-3 but widths is 4-8-3"));
    }

    @Test
    void pathsQuotesAssignmentsAndLongerWordsStay() {
        for (String s : new String[] {"from:init", "/tmp/init/x", "'init'", "init=3", "widths2", "initial", "init.flm",
                "xlearningRate", "a-init", "", "no field here"}) {
            assertEquals(s, NAMES.rewrite(s));
        }
        assertEquals(null, NAMES.rewrite(null));
    }

    @Test
    void applyRewritesTheMessageAndKeepsTheCause() {
        IllegalArgumentException original = new IllegalArgumentException("learningRate must be positive");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NAMES.apply(() -> {
            throw original;
        }));
        assertEquals("--lr must be positive", e.getMessage());
        assertSame(original, e.getCause());
        IllegalArgumentException plain = new IllegalArgumentException("nothing to map");
        assertSame(plain, assertThrows(IllegalArgumentException.class, () -> NAMES.check(() -> {
            throw plain;
        })));
        assertEquals(3, NAMES.apply(() -> 3));
        List<String> lines = new ArrayList<>();
        NAMES.progress(lines::add).message("set init");
        assertEquals(List.of("set --init"), lines);
        assertThrows(IllegalArgumentException.class, () -> FlagNames.of("a", "--a", "b"));
        assertThrows(IllegalArgumentException.class, () -> FlagNames.of("a", "--a", "a", "--b"));
    }

    /** Every message of {@link TrainConfig}'s checks reads with train's flags, as before the fields were named. */
    @Test
    void trainConfigMessagesReadWithTrainFlags() {
        String m = assertThrows(IllegalArgumentException.class, () -> TrainCommand.FLAGS.apply(() -> new TrainConfig(
                new int[] {4, 8, 3}, Activation.RELU, Loss.MEAN_SQUARED, OptimizerKind.GD, 0.1, 0, 1, 10, 0.9,
                InitSpec.STANDARD, true, 1, 0, null, 0, 100))).getMessage();
        assertEquals("--batch: gd is full-batch gradient descent; use sgd (with --momentum 0) for mini-batches", m);
        m = assertThrows(IllegalArgumentException.class, () -> TrainCommand.FLAGS.apply(() -> new TrainConfig(
                new int[] {4, 8, 6, 3}, Activation.IDENTITY, Loss.MEAN_SQUARED, OptimizerKind.GD, 0.1, 0, 1, 0, 0.9,
                InitSpec.BALANCED, true, 1, 0, null, 0, 100))).getMessage();
        assertEquals("--init balanced needs hidden layers of equal width, got --arch 4-8-6-3", m);
        m = assertThrows(IllegalArgumentException.class, () -> TrainCommand.FLAGS.apply(() -> new TrainConfig(
                new int[] {4, 8, 3}, Activation.RELU, Loss.MEAN_SQUARED, OptimizerKind.GD, 0.1, 0, 1, 0, 0.9,
                InitSpec.STANDARD, true, 1, 0, null, 0, 0))).getMessage();
        assertEquals("--diagnostic-rows must be ≥ 1, got 0", m);
    }
}
