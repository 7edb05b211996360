package org.featurelab.tabular;

import org.featurelab.encoding.Preprocessor;
import org.featurelab.partition.PartitionTree;
import org.featurelab.table.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link TabularLearner} above the leaf size: a tree-partitioned kernel machine, (L, λ) tuned once, that predicts
 * well, saves and loads bit for bit (format version 2), and reports its importances; below it, the exact model.
 */
class PartitionedModelTest {
    @TempDir
    Path dir;

    private static LearnerConfig config(int leaf) {
        return LearnerConfig.defaults(ModelKind.NFA_RFM).withIterations(2).withMaxLeafSize(leaf);
    }

    @Test
    void aboveTheLeafSizeTheModelIsATreeThatRoundTrips() {
        Table train = TabularFixtures.synthetic(600, 11, false);
        TabularModel model = new TabularLearner(Preprocessor.forTarget("label"), config(150)).fit(train);
        assertTrue(model.isPartitioned());
        assertFalse(model.isKernel());
        FittedModel.Partitioned p = (FittedModel.Partitioned) model.fitted();
        assertEquals(4, p.model().leaves().size());
        assertInstanceOf(PartitionTree.Split.class, p.model().tree());
        assertEquals(LearnerConfig.RIDGES.size() * LearnerConfig.BANDWIDTHS.size(), model.tuning().candidates().size(),
                "(L, λ) tuned once, over the whole grid");
        assertTrue(p.hyperparameters().contains(";leaves=4;max_leaf_size=150"), p.hyperparameters());
        Table test = TabularFixtures.synthetic(300, 12, false);
        double accuracy = model.evaluate(test).accuracy();
        assertTrue(accuracy > 0.85, "accuracy " + accuracy); // the label is a simple rule of colour and x1

        Path file = dir.resolve("tree.flm");
        model.save(file);
        assertEquals(2, org.featurelab.io.ModelArchive.read(file).manifest().get("model").get("iterations").asInt(),
                "the file records T, not the iteration a leaf kept");
        TabularModel loaded = TabularModel.load(file);
        assertTrue(loaded.isPartitioned());
        assertEquals(model.config(), loaded.config());
        TabularModelFileTest.assertSamePredictions(model, loaded, TabularModelFileTest.predictionTable(test));
        assertEquals(p.model().tree(), ((FittedModel.Partitioned) loaded.fitted()).model().tree());
        double[] a = model.importances().columnShare();
        double[] b = loaded.importances().columnShare();
        assertEquals(List.of("x1", "x2", "colour"), model.importances().columns());
        for (int j = 0; j < a.length; j++) {
            assertEquals(a[j], b[j], 0.0);
        }
    }

    @Test
    void givenValidationRowsChooseTheHyperParametersOfTheTree() {
        Table train = TabularFixtures.synthetic(500, 14, true);
        Table validation = TabularFixtures.synthetic(120, 15, true);
        TabularModel model = new TabularLearner(Preprocessor.forTarget("y"), config(150).withMaxTuningRows(300))
                .fit(train, validation, "test", org.featurelab.base.Progress.NONE);
        assertTrue(model.isPartitioned());
        assertEquals(120, model.tuning().validationRows(), "scored on the given rows");
        assertEquals(300, model.tuning().fitRows(), "fitted on a capped subset of the training rows");
        assertTrue(model.evaluate(validation).r2() > 0.8, "R² " + model.evaluate(validation).r2());
    }

    @Test
    void atOrBelowTheLeafSizeTheModelIsExact() {
        Table train = TabularFixtures.synthetic(200, 13, true);
        TabularModel model = new TabularLearner(Preprocessor.forTarget("y"), config(200)).fit(train);
        assertTrue(model.isKernel());
        assertEquals(0, LearnerConfig.defaults(ModelKind.NFA_RFM).leafSizeFor(LearnerConfig.EXACT_ROW_LIMIT));
        assertEquals(LearnerConfig.DEFAULT_LEAF_SIZE,
                LearnerConfig.defaults(ModelKind.NFA_RFM).leafSizeFor(LearnerConfig.EXACT_ROW_LIMIT + 1));
    }

    @Test
    void aLeafSizeBelowTheMinimumIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> config(10));
        assertEquals("maxLeafSize must be >= 20 (or 0: automatic), got 10", e.getMessage());
    }
}
