package org.featurelab.nn;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@link OptimizerKind}: stable names, parsing, and the one rule with decoupled decay. */
class OptimizerKindTest {
    @Test
    void namesParseBackToTheirKind() {
        String[] ids = {"gd", "sgd", "adam", "adamw", "slo", "sgld", "lbfgs"};
        assertEquals(ids.length, OptimizerKind.values().length);
        for (int k = 0; k < ids.length; k++) {
            OptimizerKind kind = OptimizerKind.values()[k];
            assertEquals(ids[k], kind.id());
            assertEquals(kind, OptimizerKind.parse(ids[k]));
            assertEquals(kind, OptimizerKind.parse(" " + ids[k].toUpperCase(java.util.Locale.ROOT) + " "));
            assertEquals(kind == OptimizerKind.ADAMW, kind.decouplesWeightDecay(), ids[k]);
        }
    }

    @Test
    void unknownNameListsTheChoices() {
        assertEquals("optimizer: unknown 'rmsprop' (gd, sgd, adam, adamw, slo, sgld, lbfgs)",
                assertThrows(IllegalArgumentException.class, () -> OptimizerKind.parse("RMSprop")).getMessage());
        assertEquals("optimizer: unknown '' (gd, sgd, adam, adamw, slo, sgld, lbfgs)",
                assertThrows(IllegalArgumentException.class, () -> OptimizerKind.parse(null)).getMessage());
    }
}
