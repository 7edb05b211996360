package org.featurelab.tabular;

import org.featurelab.base.Task;
import org.featurelab.rfm.LabeledData;
import org.featurelab.rfm.Rfm;
import org.featurelab.rfm.RfmListener;
import org.featurelab.rfm.RfmModel;
import org.featurelab.table.Table;
import org.featurelab.testing.Close;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A kernel model with an intercept (RfmConfig#centerTargets) survives save and load: offset, flag and predictions. */
class CenteredModelFileTest {
    @TempDir
    Path dir;

    @Test
    void interceptRoundTrips() {
        Table table = TabularFixtures.small("diabetes");
        String target = TabularFixtures.lastColumn(table);
        TabularLearner learner = new TabularLearner(org.featurelab.encoding.Preprocessor.forTarget(target),
                LearnerConfig.defaults(ModelKind.LAPLACE).withRidges(java.util.List.of(1e-1))
                        .withBandwidths(java.util.List.of(10.0)));
        TabularModel base = learner.fit(table);
        var prepared = base.preprocessing().prepare(table);
        RfmModel centred = Rfm.fit(base.rfm().config().withCenterTargets(true), Task.REGRESSION,
                new LabeledData(prepared.x(), prepared.y()), null, RfmListener.NONE);
        assertTrue(Math.abs(centred.offset()[0]) > 1, "diabetes targets have a large mean: " + centred.offset()[0]);
        TabularModel model = new TabularModel(base.preprocessing(), centred, base.config(), base.tuning(), base.provenance());
        Path file = dir.resolve("m.flm");
        model.save(file);
        TabularModel loaded = TabularModel.load(file);
        assertTrue(loaded.rfm().config().centerTargets());
        assertArrayEquals(centred.offset(), loaded.rfm().offset(), 0.0);
        Close.assertClose(model.predict(table).scores(), loaded.predict(table).scores(), 0, 0, "same predictions");
    }
}
