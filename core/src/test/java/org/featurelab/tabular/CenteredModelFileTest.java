package org.featurelab.tabular;

import org.featurelab.table.Table;
import org.featurelab.testing.Close;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The learner's intercept ({@link LearnerConfig#centerTargets}, on by default): the offset is the training target
 * mean, and flag, offset and predictions survive save and load; without it the offset is 0.
 */
class CenteredModelFileTest {
    @TempDir
    Path dir;

    private static TabularLearner learner(String target, boolean intercept) {
        return new TabularLearner(org.featurelab.encoding.Preprocessor.forTarget(target),
                LearnerConfig.defaults(ModelKind.LAPLACE).withRidges(List.of(1e-1)).withBandwidths(List.of(10.0))
                        .withCenterTargets(intercept));
    }

    @Test
    void interceptIsTheDefaultAndRoundTrips() {
        assertTrue(LearnerConfig.defaults(ModelKind.NFA_RFM).centerTargets());
        Table table = TabularFixtures.small("diabetes");
        String target = TabularFixtures.lastColumn(table);
        TabularModel model = learner(target, true).fit(table);
        var y = model.preprocessing().prepare(table).y();
        double mean = 0;
        for (int i = 0; i < y.rows(); i++) {
            mean += y.get(i, 0) / y.rows();
        }
        assertTrue(Math.abs(mean) > 1, "diabetes targets have a large mean: " + mean);
        assertEquals(mean, model.rfm().offset()[0], 1e-9 * Math.abs(mean));
        Path file = dir.resolve("m.flm");
        model.save(file);
        TabularModel loaded = TabularModel.load(file);
        assertTrue(loaded.config().centerTargets());
        assertTrue(loaded.rfm().config().centerTargets());
        assertArrayEquals(model.rfm().offset(), loaded.rfm().offset(), 0.0);
        Close.assertClose(model.predict(table).scores(), loaded.predict(table).scores(), 0, 0, "same predictions");
    }

    @Test
    void withoutInterceptTheOffsetIsZeroAndStaysOff() {
        Table table = TabularFixtures.small("diabetes");
        TabularModel model = learner(TabularFixtures.lastColumn(table), false).fit(table);
        assertEquals(0.0, model.rfm().offset()[0], 0.0);
        Path file = dir.resolve("n.flm");
        model.save(file);
        assertFalse(TabularModel.load(file).config().centerTargets());
    }
}
