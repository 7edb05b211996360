package org.featurelab.rfm;

import org.featurelab.base.Task;
import org.featurelab.linalg.Precision;
import org.junit.jupiter.api.Test;

import static org.featurelab.testing.Close.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Fits that share one {@link FitWorkspace} — larger after smaller, smaller after larger, and in a workspace reserved
 * up front — give exactly the models of fits in fresh workspaces (mixed precision: the native K, W and factor are
 * reused at a different n).
 */
class FitWorkspaceTest {

    private static void assertSameModel(RfmModel expected, RfmModel actual, String what) {
        assertEquals(expected.iteration(), actual.iteration(), what + ": iteration");
        assertClose(actual.alpha(), expected.alpha(), 0, 0, what + ": α");
        assertClose(actual.metric().toMatrix(), expected.metric().toMatrix(), 0, 0, what + ": M");
        for (int t = 0; t < expected.history().size(); t++) {
            assertEquals(expected.history().get(t).validationScore(), actual.history().get(t).validationScore(), 0.0,
                    what + ": validation score of iteration " + t);
        }
    }

    @Test
    void sharedWorkspaceGivesTheModelsOfFreshOnes() {
        RfmConfig config = RfmConfig.defaults().withIterations(2);
        assertEquals(Precision.MIXED, config.precision());
        LabeledData small = RfmTest.productTarget(1600, 71);
        LabeledData large = RfmTest.productTarget(1900, 72);
        LabeledData val = RfmTest.productTarget(300, 73);
        RfmModel freshSmall = Rfm.fit(config, Task.REGRESSION, small, val, RfmListener.NONE);
        RfmModel freshLarge = Rfm.fit(config, Task.REGRESSION, large, val, RfmListener.NONE);
        try (FitWorkspace ws = new FitWorkspace()) {
            assertSameModel(freshSmall, Rfm.fit(config, Task.REGRESSION, small, val, RfmListener.NONE, null, null, ws),
                    "first fit");
            assertSameModel(freshLarge, Rfm.fit(config, Task.REGRESSION, large, val, RfmListener.NONE, null, null, ws),
                    "larger after smaller");
            assertSameModel(freshSmall, Rfm.fit(config, Task.REGRESSION, small, val, RfmListener.NONE, null, null, ws),
                    "smaller after larger");
        }
        try (FitWorkspace reserved = FitWorkspace.forRows(1900, Precision.MIXED)) {
            assertSameModel(freshSmall, Rfm.fit(config, Task.REGRESSION, small, val, RfmListener.NONE, null, null,
                    reserved), "in a workspace reserved for more rows");
        }
        FitWorkspace closed = new FitWorkspace();
        closed.close();
        assertThrows(IllegalStateException.class,
                () -> Rfm.fit(config, Task.REGRESSION, small, val, RfmListener.NONE, null, null, closed));
    }
}
