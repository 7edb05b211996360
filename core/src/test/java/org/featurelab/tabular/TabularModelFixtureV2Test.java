package org.featurelab.tabular;

import org.featurelab.io.Digests;
import org.featurelab.io.ModelArchive;
import org.featurelab.table.Table;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.featurelab.tabular.TabularModelFixtureV1Test.resource;
import static org.featurelab.testing.Close.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The frozen format-version-2 tabular models must keep loading and predicting what they predicted when they were
 * written, in every later featurelab: {@code iris-v2.flm} (one kernel machine with the intercept, early stopping and
 * a temperature, the version-2 defaults) and {@code iris-tree-v2.flm} (kind {@code featurelab-tabular-tree-rfm}, which
 * version 2 introduced: a tree of two kernel machines).
 *
 * <p>Written once by the build 0daa2ae (the last to write version 2), from the repository root of a checkout of it,
 * on the version-1 fixture's CSVs ({@link TabularModelFixtureV1Test}):
 * <pre>
 * R=core/src/test/resources/tabular
 * ./featurelab fit --data $R/iris-v1-train.csv --target species --iters 1 --ridge 0.001 --bandwidth 5 --seed 7 --out iris-v2.flm
 * ./featurelab fit --data $R/iris-v1-train.csv --target species --iters 1 --ridge 0.001 --bandwidth 5 --seed 7 \
 *     --max-leaf-size 20 --out iris-tree-v2.flm
 * ./featurelab predict --model iris-v2.flm --data $R/iris-v1-input.csv --out iris-v2-expected.csv   # and the tree's
 * </pre>
 * Do not regenerate them (today's writer stamps version 3). Scores and probabilities are compared to 1e-12, labels
 * exactly.
 */
class TabularModelFixtureV2Test {
    private static final double TOLERANCE = 1e-12;

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({
            "iris-v2, 1dff868f9b7e69a9ef8c131b5afc4cab7f0c1fb72e8d076497bf88a8ddad4c88, featurelab-tabular-rfm",
            "iris-tree-v2, 580f4f25cfff14f6a0cba15a53d1a3f20856de3cc0f1410b1e0370d147e303e8, featurelab-tabular-tree-rfm"})
    void frozenModelPredictsWhatItPredictedWhenFrozenAndResavesAsTheCurrentVersion(String name, String sha256,
                                                                                 String kind) throws IOException {
        Path file = resource(name + ".flm");
        assertEquals(sha256, Digests.sha256Hex(file), name + ".flm was modified");
        ModelArchive archive = ModelArchive.read(file);
        assertEquals(2, archive.formatVersion());
        assertEquals(kind, archive.manifest().get("model").get("kind").asText());

        TabularModel model = TabularModel.load(file);
        Table input = Table.readCsv(resource("iris-v1-input.csv"));
        assertMatchesExpected(model.predict(input), Files.readAllLines(resource(name + "-expected.csv")), name);

        Path resaved = dir.resolve(name + ".flm");
        model.save(resaved);
        assertEquals(ModelArchive.CURRENT_FORMAT_VERSION, ModelArchive.read(resaved).formatVersion());
        Predictions again = TabularModel.load(resaved).predict(input);
        assertEquals(model.predict(input).labels(), again.labels());
        assertEquals(List.of(), mismatches(model.predict(input), again), name + " re-saved");
    }

    private static void assertMatchesExpected(Predictions p, List<String> expected, String name) {
        assertEquals("prediction,score_setosa,score_versicolor,score_virginica,prob_setosa,prob_versicolor,prob_virginica",
                expected.get(0));
        assertEquals(p.labels().size(), expected.size() - 1, "rows in " + name + "-expected.csv");
        for (int i = 0; i < p.labels().size(); i++) {
            String[] fields = expected.get(i + 1).split(",");
            assertEquals(fields[0], p.labels().get(i), name + ": label of input row " + (i + 1));
            for (int k = 0; k < 3; k++) {
                assertClose(p.scores().get(i, k), Double.parseDouble(fields[1 + k]), TOLERANCE, TOLERANCE,
                        name + ": score " + k + " of input row " + (i + 1));
                assertClose(p.probabilities().get(i, k), Double.parseDouble(fields[4 + k]), TOLERANCE, TOLERANCE,
                        name + ": probability " + k + " of input row " + (i + 1));
            }
        }
    }

    /** Entries where two predictions' scores or probabilities differ at all (the same build: bit for bit). */
    private static List<String> mismatches(Predictions a, Predictions b) {
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < a.scores().rows(); i++) {
            for (int k = 0; k < a.scores().cols(); k++) {
                if (a.scores().get(i, k) != b.scores().get(i, k) || a.probabilities().get(i, k) != b.probabilities().get(i, k)) {
                    out.add(i + "," + k);
                }
            }
        }
        return out;
    }
}
