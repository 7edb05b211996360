package org.featurelab.tabular;

import org.featurelab.base.Task;
import org.featurelab.encoding.Preprocessor;
import org.featurelab.io.Digests;
import org.featurelab.io.ModelArchive;
import org.featurelab.io.Provenance;
import org.featurelab.kernel.Metric;
import org.featurelab.linalg.Matrix;
import org.featurelab.table.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.featurelab.testing.Close.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The frozen format-version-1 tabular model {@code src/test/resources/tabular/iris-v1.flm} must keep loading and
 * predicting what it predicted when it was written, in every later featurelab.
 *
 * <p>The fixture was produced once by {@link #writeFixture()}, which
 * <ol>
 *   <li>takes 39 iris rows (13 per class, a stratified subset with seed 2024) and adds a categorical column {@code soil} (clay,
 *   loam or sand by row; one cell empty) and one missing {@code sepal_width} ("NA"), writing
 *   {@code iris-v1-train.csv};</li>
 *   <li>takes 12 other iris rows with the same added column, one unseen soil ("peat"), one missing
 *   {@code sepal_length} and one missing soil, writing {@code iris-v1-input.csv} (no input row repeats a
 *   training row, so kernel values are not at the cancellation-prone distance 0);</li>
 *   <li>fits {@link #CONFIG} (nfa-rfm, {@code --iters 1 --ridge 0.001 --bandwidth 5 --seed 7}) on the
 *   training CSV through the Java API, saves the model as {@code iris-v1.flm}, and writes its predictions
 *   of the input (label, then one score per class, each as {@link Double#toString}) as
 *   {@code iris-v1-expected.csv}.</li>
 * </ol>
 * Command (from the repository root, after {@code mvn -o -Dfeaturelab.buildDir=target-tab test-compile}):
 * <pre>
 * mvn -o -Dfeaturelab.buildDir=target-tab test -Dtest=TabularModelFixtureV1Test \
 *     -Dfeaturelab.writeTabularFixtureV1=$PWD/src/test/resources/tabular
 * </pre>
 * Do not regenerate it: once the writer moves to version 2 a regenerated file no longer tests version 1. Add an
 * {@code iris-v2.flm} and a sibling test instead. Scores are compared to 1e-12 (not bit for bit) so that a
 * different BLAS kernel or thread count may reorder sums.
 */
class TabularModelFixtureV1Test {
    /** SHA-256 of the committed model file, taken right after it was generated. */
    private static final String FIXTURE_SHA256 = "e2cdf857eab1d02352835cad943c58c0f4cd30c0f78975c3d9a2725826d513b3";
    /** When the fixture was written (as its provenance records). */
    private static final Instant CREATED_AT = Instant.parse("2026-11-22T10:56:28.473Z");
    /** Frozen before the intercept existed: its file has no centerTargets key, which reads as false. */
    static final LearnerConfig CONFIG = LearnerConfig.defaults(ModelKind.NFA_RFM).withIterations(1)
            .withRidges(List.of(1e-3)).withBandwidths(List.of(5.0)).withSeed(7).withCenterTargets(false)
            .withPatience(0)    // frozen before early stopping existed: no patience key, read as 0
            .withMaxTuningRows(4000);   // the default tuning cap when it was frozen
    static final Preprocessor PREPROCESSOR = Preprocessor.forTarget("species");
    private static final double TOLERANCE = 1e-12;

    @Test
    void frozenModelLoadsWithItsProvenance() {
        Path file = resource("iris-v1.flm");
        assertEquals(FIXTURE_SHA256, Digests.sha256Hex(file), "iris-v1.flm was modified");
        ModelArchive archive = ModelArchive.read(file);
        assertEquals(1, archive.formatVersion());
        assertEquals(TabularModelFile.KIND, archive.manifest().get("model").get("kind").asText());
        assertEquals(List.of("centers", "alpha", "metric"), archive.arrayNames());

        TabularModel model = TabularModel.load(file);
        assertEquals(CONFIG, model.config());
        assertEquals(Task.CLASSIFICATION, model.task());
        assertEquals(List.of("setosa", "versicolor", "virginica"), model.outputNames());
        assertEquals(List.of("sepal_length", "sepal_width", "sepal_width_missing", "soil=clay", "soil=loam",
                "soil=sand", "soil_missing", "petal_length", "petal_width"), model.preprocessing().featureNames());
        assertEquals(39, model.rfm().centers().rows());
        assertEquals(1, model.rfm().iteration(), "the fixture should hold a learned M (iteration 1)");
        assertInstanceOf(Metric.Full.class, model.rfm().metric());
        assertFalse(isIdentity(model.rfm().metric().toMatrix()), "M of iteration 1 is the identity");

        Provenance p = model.provenance();
        assertEquals(p, archive.provenance());
        assertEquals(CREATED_AT, p.createdAt());
        assertEquals(CONFIG.seed(), p.seed());
        assertEquals(Table.readCsv(resource("iris-v1-train.csv")).fingerprint(), p.dataFingerprint());
        // the frozen provenance predates the "precision" key: read it back semantically (absent = mixed)
        assertEquals(CONFIG, ModelJson.config(p.configuration()));
        assertEquals(PREPROCESSOR.target(), p.configuration().get("target").asText());
        assertEquals(Provenance.API, p.commandLine());
        for (String field : List.of(p.libraryVersion(), p.javaVersion(), p.os(), p.nativeBlas())) {
            assertFalse(field.isBlank(), "blank provenance field in " + p);
        }
    }

    @Test
    void frozenModelPredictsWhatItPredictedWhenFrozen() throws IOException {
        TabularModel model = TabularModel.load(resource("iris-v1.flm"));
        Table input = Table.readCsv(resource("iris-v1-input.csv"));
        List<String> expected = Files.readAllLines(resource("iris-v1-expected.csv"));
        assertEquals("label,score_setosa,score_versicolor,score_virginica", expected.get(0));
        assertEquals(input.rowCount(), expected.size() - 1, "rows in iris-v1-expected.csv");

        Predictions p = model.predict(input);
        for (int i = 0; i < input.rowCount(); i++) {
            String[] fields = expected.get(i + 1).split(",");
            assertEquals(fields[0], p.labels().get(i), "label of input row " + (i + 1));
            for (int k = 0; k < 3; k++) {
                assertClose(p.scores().get(i, k), Double.parseDouble(fields[k + 1]), TOLERANCE, TOLERANCE,
                        "score " + k + " of input row " + (i + 1));
            }
        }
    }

    /** Generator, run once by hand (see the class comment); skipped in normal runs. */
    @Test
    @EnabledIfSystemProperty(named = "featurelab.writeTabularFixtureV1", matches = ".+")
    void writeFixture() throws IOException {
        assertEquals(1, ModelArchive.CURRENT_FORMAT_VERSION, "the writer no longer writes version 1");
        Path out = Path.of(System.getProperty("featurelab.writeTabularFixtureV1"));
        Table iris = TabularFixtures.small("iris");
        TabularFixtures.TrainTest picked = TabularFixtures.split(iris, "species", 40.0 / 150, 2024);
        List<String[]> train = withSoil(picked.test());
        train.get(4)[2] = "";
        train.get(6)[1] = "NA";
        List<String[]> input = withSoil(TabularFixtures.split(picked.train(), "species", 12.0 / 110, 2025).test());
        input.get(0)[2] = "peat";
        input.get(1)[0] = "";
        input.get(2)[2] = "NA";
        Set<String> seen = new HashSet<>();
        train.forEach(r -> seen.add(String.join(",", List.of(r).subList(0, 5))));
        input.forEach(r -> assertTrue(seen.add(String.join(",", List.of(r).subList(0, 5))), "repeated row"));

        List<String> header = List.of("sepal_length", "sepal_width", "soil", "petal_length", "petal_width", "species");
        writeCsv(out.resolve("iris-v1-train.csv"), header, train);
        writeCsv(out.resolve("iris-v1-input.csv"), header, input);
        Table trainTable = Table.readCsv(out.resolve("iris-v1-train.csv"));
        TabularModel model = new TabularLearner(PREPROCESSOR, CONFIG).fit(trainTable);
        model.save(out.resolve("iris-v1.flm"));

        Predictions p = model.predict(Table.readCsv(out.resolve("iris-v1-input.csv")));
        List<String> lines = expectedLines(p);
        Files.write(out.resolve("iris-v1-expected.csv"), lines);
    }

    /** The table's rows with a soil column inserted after sepal_width: clay, loam, sand in turn. */
    private static List<String[]> withSoil(Table t) {
        String[] soils = {"clay", "loam", "sand"};
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < t.rowCount(); i++) {
            rows.add(new String[] {t.cell(i, 0), t.cell(i, 1), soils[i % 3], t.cell(i, 2), t.cell(i, 3), t.cell(i, 4)});
        }
        return rows;
    }

    private static void writeCsv(Path file, List<String> header, List<String[]> rows) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(String.join(",", header));
        rows.forEach(r -> lines.add(String.join(",", r)));
        Files.write(file, lines);
    }

    private static boolean isIdentity(Matrix m) {
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) {
                if (m.get(i, j) != (i == j ? 1.0 : 0.0)) {
                    return false;
                }
            }
        }
        return true;
    }

    static Path resource(String name) {
        try {
            return Path.of(TabularModelFixtureV1Test.class.getResource("/tabular/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new UncheckedIOException(new IOException("test resource /tabular/" + name + " is missing", e));
        }
    }

    /** The expected-predictions CSV of a fixture: label, then score_<class> per class, one line per row. */
    static List<String> expectedLines(Predictions p) {
        List<String> lines = new ArrayList<>();
        lines.add("label,score_" + String.join(",score_", p.scoreNames()));
        org.featurelab.linalg.Matrix scores = p.scores();
        for (int i = 0; i < p.size(); i++) {
            StringBuilder line = new StringBuilder(p.labels().get(i));
            for (double v : scores.row(i)) {
                line.append(',').append(v);
            }
            lines.add(line.toString());
        }
        return lines;
    }
}
