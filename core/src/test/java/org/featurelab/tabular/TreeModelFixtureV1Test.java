package org.featurelab.tabular;

import org.featurelab.encoding.Preprocessor;
import org.featurelab.io.Digests;
import org.featurelab.io.ModelArchive;
import org.featurelab.table.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.featurelab.testing.Close.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * The frozen boosted-tree model {@code src/test/resources/tabular/iris-xgboost-v1.flm} (format version 1, manifest
 * kind {@value TreeModelFile#KIND}) must keep loading and predicting what it predicted when it was written.
 *
 * <p>Written once by {@link #writeFixture()}: {@link #CONFIG} (xgboost-tuned, seed 7) fitted on the training CSV of
 * the kernel fixture ({@code iris-v1-train.csv}: 39 rows, a categorical column, missing cells), saved, and its
 * predictions of {@code iris-v1-input.csv} (label, then one probability per class as {@link Double#toString}) written
 * as {@code iris-xgboost-v1-expected.csv}. Command (repository root):
 * <pre>
 * mvn -o test -Dtest=TreeModelFixtureV1Test -Dfeaturelab.writeTreeFixtureV1=$PWD/src/test/resources/tabular
 * </pre>
 * Do not regenerate it (see {@link TabularModelFixtureV1Test}).
 */
class TreeModelFixtureV1Test {
    private static final String FIXTURE_SHA256 = "cf502f441c8c6b11f937b98802ee38f0e281d5d1f0394736316d782997180761";
    /** Frozen before the kernels' intercept existed (no centerTargets key: false; the trees do not use it). */
    static final LearnerConfig CONFIG = LearnerConfig.defaults(ModelKind.XGBOOST_TUNED).withSeed(7).withCenterTargets(false)
            .withPatience(0)    // frozen before early stopping existed: no patience key, read as 0
            .withMaxTuningRows(4000);   // the default tuning cap when it was frozen
    static final Preprocessor PREPROCESSOR = Preprocessor.forTarget("species");

    @Test
    void frozenTreesLoadAndPredictWhatTheyPredictedWhenFrozen() throws IOException {
        Path file = TabularModelFixtureV1Test.resource("iris-xgboost-v1.flm");
        assertEquals(FIXTURE_SHA256, Digests.sha256Hex(file), "iris-xgboost-v1.flm was modified");
        ModelArchive archive = ModelArchive.read(file);
        assertEquals(1, archive.formatVersion());
        assertEquals(TreeModelFile.KIND, archive.manifest().get("model").get("kind").asText());
        assertEquals(List.of(TreeModelFile.BOOSTER), archive.arrayNames());
        TabularModel model = TabularModel.load(file);
        assertEquals(CONFIG, model.config());
        FittedModel.Trees trees = assertInstanceOf(FittedModel.Trees.class, model.fitted());
        assertEquals(ModelKind.BOOSTING_DEPTHS.size() * ModelKind.BOOSTING_ETAS.size(), trees.tuning().candidates().size());
        assertEquals(39, trees.fitRows() + trees.validationRows());

        Table input = Table.readCsv(TabularModelFixtureV1Test.resource("iris-v1-input.csv"));
        List<String> expected = Files.readAllLines(TabularModelFixtureV1Test.resource("iris-xgboost-v1-expected.csv"));
        assertEquals("label,score_setosa,score_versicolor,score_virginica", expected.get(0));
        assertEquals(input.rowCount(), expected.size() - 1);
        Predictions p = model.predict(input);
        for (int i = 0; i < input.rowCount(); i++) {
            String[] fields = expected.get(i + 1).split(",");
            assertEquals(fields[0], p.labels().get(i), "label of input row " + (i + 1));
            for (int k = 0; k < 3; k++) {
                // float32 tree sums widened to double: the same booster gives the same bits
                assertClose(p.scores().get(i, k), Double.parseDouble(fields[k + 1]), 0, 1e-12, "score " + k + " row " + (i + 1));
            }
        }
    }

    /** Generator, run once by hand (see the class comment); skipped in normal runs. */
    @Test
    @EnabledIfSystemProperty(named = "featurelab.writeTreeFixtureV1", matches = ".+")
    void writeFixture() throws IOException {
        Path out = Path.of(System.getProperty("featurelab.writeTreeFixtureV1"));
        TabularModel model = new TabularLearner(PREPROCESSOR, CONFIG)
                .fit(Table.readCsv(TabularModelFixtureV1Test.resource("iris-v1-train.csv")));
        model.save(out.resolve("iris-xgboost-v1.flm"));
        Predictions p = model.predict(Table.readCsv(TabularModelFixtureV1Test.resource("iris-v1-input.csv")));
        List<String> lines = TabularModelFixtureV1Test.expectedLines(p);
        Files.write(out.resolve("iris-xgboost-v1-expected.csv"), lines);
    }
}
