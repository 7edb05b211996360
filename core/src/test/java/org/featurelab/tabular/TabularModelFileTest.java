package org.featurelab.tabular;

import org.featurelab.base.Task;
import org.featurelab.encoding.CategoricalEncoding;
import org.featurelab.encoding.ClassificationTarget;
import org.featurelab.encoding.NumericEncoding;
import org.featurelab.encoding.Preprocessor;
import org.featurelab.encoding.RegressionTarget;
import org.featurelab.kernel.Metric;
import org.featurelab.table.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@link TabularModel#save} / {@link TabularModel#load}: a saved model loads back as the same model (every part,
 * predictions bit for bit), and damaged files are refused with an {@link IllegalArgumentException} that names
 * the file and says what is wrong.
 */
class TabularModelFileTest {
    @TempDir
    Path dir;

    @Test
    void classifierWithCategoricalAndMissingCellsRoundTrips() {
        Table train = TabularFixtures.synthetic(80, 1, false);
        TabularModel model = new TabularLearner(Preprocessor.forTarget("label"),
                LearnerConfig.defaults(ModelKind.NFA_RFM).withIterations(2)).fit(train);
        // the features exercise every encoding the file has to carry
        assertEquals(List.of("x1", "x1_missing", "x2", "colour=blue", "colour=green", "colour=red", "colour_missing"),
                model.preprocessing().featureNames());
        assertInstanceOf(NumericEncoding.class, model.preprocessing().columns().get(0));
        assertInstanceOf(CategoricalEncoding.class, model.preprocessing().columns().get(2));
        assertEquals(new ClassificationTarget("label", List.of("1", "2", "3")), model.preprocessing().target());
        assertEquals(LearnerConfig.RIDGES.size() * LearnerConfig.BANDWIDTHS.size(), model.tuning().candidates().size());

        TabularModel loaded = saveAndLoad(model, "classifier.flm");
        assertSameModel(model, loaded);
        assertSamePredictions(model, loaded, predictionTable(TabularFixtures.synthetic(30, 2, false)));
    }

    @Test
    void regressionRoundTrips() {
        Table train = TabularFixtures.synthetic(60, 3, true);
        TabularModel model = TabularLearner.of("y", ModelKind.FACT_RFM).fit(train);
        assertEquals(Task.REGRESSION, model.task());
        assertEquals(new RegressionTarget("y"), model.preprocessing().target());

        TabularModel loaded = saveAndLoad(model, "regression.flm");
        assertSameModel(model, loaded);
        assertSamePredictions(model, loaded, predictionTable(TabularFixtures.synthetic(30, 4, true)));
    }

    @Test
    void diagonalMetricRoundTrips() {
        Table train = TabularFixtures.synthetic(80, 5, false);
        TabularModel model = new TabularLearner(Preprocessor.forTarget("label"),
                LearnerConfig.defaults(ModelKind.NFA_RFM).withDiagonal(true).withIterations(2)
                        .withRidges(List.of(1e-3)).withBandwidths(List.of(5.0))).fit(train);
        assertInstanceOf(Metric.Diagonal.class, model.rfm().metric());

        TabularModel loaded = saveAndLoad(model, "diagonal.flm");
        assertInstanceOf(Metric.Diagonal.class, loaded.rfm().metric());
        assertSameModel(model, loaded);
        assertSamePredictions(model, loaded, predictionTable(TabularFixtures.synthetic(30, 6, false)));
    }

    @Test
    void truncatedFileIsRefusedWithAClearMessage() throws IOException {
        Path good = dir.resolve("good.flm");
        smallModel().save(good);
        byte[] bytes = Files.readAllBytes(good);
        for (int length : new int[] {bytes.length - 1, bytes.length - 100, bytes.length / 2, bytes.length / 4, 100}) {
            Path cut = dir.resolve("cut-" + length + ".flm");
            Files.write(cut, Arrays.copyOf(bytes, length));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TabularModel.load(cut),
                    "truncated to " + length + " of " + bytes.length + " bytes");
            assertTrue(e.getMessage().contains(cut.getFileName().toString()) && e.getMessage().contains("truncated"),
                    "truncated to " + length + " bytes: " + e.getMessage());
        }
        Path empty = dir.resolve("empty.flm");
        Files.write(empty, new byte[0]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TabularModel.load(empty));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void flippedByteInTheArraysOrManifestIsRefusedAsCorrupted() throws IOException {
        Path good = dir.resolve("good.flm");
        smallModel().save(good);
        byte[] bytes = Files.readAllBytes(good);
        // the arrays are stored uncompressed right after their local header; the manifest is deflated
        for (String entry : List.of("arrays/alpha.f64", "arrays/centers.f64", "manifest.json")) {
            int at = indexOf(bytes, entry.getBytes(StandardCharsets.US_ASCII)) + entry.length() + 40;
            byte[] bad = bytes.clone();
            bad[at] ^= 0x10;
            Path file = dir.resolve("flipped.flm");
            Files.write(file, bad);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TabularModel.load(file),
                    "byte " + at + " (in " + entry + ") flipped");
            assertTrue(e.getMessage().contains("flipped.flm") && e.getMessage().contains("corrupted"),
                    "byte " + at + " (in " + entry + ") flipped: " + e.getMessage());
        }
    }

    /**
     * Any single flipped byte anywhere in the file is either refused with an IllegalArgumentException or (in
     * ZIP bookkeeping nobody reads, such as timestamps) leaves the model unchanged: it never loads a different
     * model or fails with another exception.
     */
    @Test
    void everyFlippedByteIsRefusedOrHarmless() throws IOException {
        TabularModel model = smallModel();
        Path good = dir.resolve("good.flm");
        model.save(good);
        Table rows = predictionTable(TabularFixtures.synthetic(10, 8, false));
        byte[] bytes = Files.readAllBytes(good);
        Path file = dir.resolve("flipped.flm");
        int refused = 0;
        for (int at = 0; at < bytes.length; at += 3) {
            byte[] bad = bytes.clone();
            bad[at] ^= (byte) 0xA5;
            Files.write(file, bad);
            TabularModel loaded;
            try {
                loaded = TabularModel.load(file);
            } catch (IllegalArgumentException e) {
                refused++;
                continue;
            } catch (RuntimeException | Error e) {
                throw new AssertionError("byte " + at + " of " + bytes.length + " flipped: " + e, e);
            }
            try {
                assertSameModel(model, loaded);
                assertSamePredictions(model, loaded, rows);
            } catch (AssertionError e) {
                throw new AssertionError("byte " + at + " of " + bytes.length + " flipped: loaded a different model: "
                        + e.getMessage(), e);
            }
        }
        assertTrue(refused > bytes.length / 3 * 9 / 10, refused + " of " + (bytes.length / 3) + " flips refused");
    }

    @Test
    void aKernelMachineWithAnEnsembleLearnerOrAnUnusableTemperatureIsRefused() {
        TabularModel model = new TabularLearner(Preprocessor.forTarget("label"),
                LearnerConfig.defaults(ModelKind.NFA_RFM).withIterations(1)).fit(TabularFixtures.synthetic(60, 4, false));
        Path good = dir.resolve("good.flm");
        model.save(good);
        Path learner = TabularFixtures.withEditedManifest(good, dir.resolve("learner.flm"),
                m -> ((com.fasterxml.jackson.databind.node.ObjectNode) m.get("learner")).put("model", "nfa-rfm+laplace-l1"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TabularModel.load(learner));
        assertTrue(e.getMessage().contains("holds one kernel machine but its learner is 'nfa-rfm+laplace-l1'"), e.getMessage());
        for (String beta : new String[]{"0", "-2", "\"big\""}) {
            Path file = TabularFixtures.withEditedManifest(good, dir.resolve("beta.flm"), m -> ((com.fasterxml.jackson.databind.node.ObjectNode)
                    m.get("tuning")).set("calibrationBeta", org.featurelab.io.Json.parse(beta.getBytes(java.nio.charset.StandardCharsets.UTF_8), "beta")));
            IllegalArgumentException b = assertThrows(IllegalArgumentException.class, () -> TabularModel.load(file), beta);
            assertTrue(b.getMessage().contains("'calibrationBeta' must be a positive finite number, got " + beta), b.getMessage());
        }
    }

    @Test
    void missingFileAndNonModelFileAreRefused() throws IOException {
        Path absent = dir.resolve("absent.flm");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TabularModel.load(absent));
        assertTrue(e.getMessage().contains("absent.flm"), e.getMessage());
        Path csv = dir.resolve("data.csv");
        Files.writeString(csv, "a,b\n1,2\n");
        e = assertThrows(IllegalArgumentException.class, () -> TabularModel.load(csv));
        assertTrue(e.getMessage().contains("not a featurelab model"), e.getMessage());
    }

    /** Saving over an existing file replaces it; saving to a missing directory fails without leaving a file. */
    @Test
    void saveReplacesAnExistingFileAndFailsCleanlyWithoutADirectory() throws IOException {
        Path file = dir.resolve("m.flm");
        Files.writeString(file, "old content");
        TabularModel model = smallModel();
        model.save(file);
        assertSameModel(model, TabularModel.load(file));

        Path nowhere = dir.resolve("no-such-dir").resolve("m.flm");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> model.save(nowhere));
        assertTrue(e.getMessage().contains("m.flm"), e.getMessage());
        assertTrue(Files.notExists(nowhere.getParent()), "save created " + nowhere.getParent());
    }

    private TabularModel saveAndLoad(TabularModel model, String name) {
        Path file = dir.resolve(name);
        model.save(file);
        return TabularModel.load(file);
    }

    // --- helpers shared with the other tabular tests -------------------------------------------------------

    /** A quick model on the synthetic classification table (fixed ridge and bandwidth, 2 iterations). */
    static TabularModel smallModel() {
        return new TabularLearner(Preprocessor.forTarget("label"),
                LearnerConfig.defaults(ModelKind.NFA_RFM).withIterations(2).withRidges(List.of(1e-2))
                        .withBandwidths(List.of(5.0))).fit(TabularFixtures.synthetic(40, 7, false));
    }

    /** Every persisted part equal, arrays bit for bit. */
    static void assertSameModel(TabularModel expected, TabularModel actual) {
        assertEquals(expected.preprocessing(), actual.preprocessing(), "preprocessing");
        assertEquals(expected.preprocessing().featureNames(), actual.preprocessing().featureNames(), "feature names");
        assertEquals(expected.config(), actual.config(), "learner config");
        assertEquals(expected.tuning(), actual.tuning(), "tuning");
        assertEquals(expected.provenance(), actual.provenance(), "provenance");
        assertEquals(expected.rfm().config(), actual.rfm().config(), "rfm config");
        assertEquals(expected.rfm().task(), actual.rfm().task(), "task");
        assertEquals(expected.rfm().iteration(), actual.rfm().iteration(), "kept iteration");
        assertEquals(expected.rfm().history(), actual.rfm().history(), "history");
        assertEquals(expected.rfm().metric().getClass(), actual.rfm().metric().getClass(), "metric form");
        assertBitEqual(expected.rfm().metric().toMatrix().data(), actual.rfm().metric().toMatrix().data(), "M");
        assertBitEqual(expected.rfm().centers().data(), actual.rfm().centers().data(), "centers");
        assertBitEqual(expected.rfm().alpha().data(), actual.rfm().alpha().data(), "alpha");
        assertEquals(expected.outputNames(), actual.outputNames(), "output names");
        assertBitEqual(expected.importances().featureShare(), actual.importances().featureShare(), "importances");
    }

    static void assertSamePredictions(TabularModel expected, TabularModel actual, Table rows) {
        Predictions p = expected.predict(rows);
        Predictions q = actual.predict(rows);
        assertEquals(p.labels(), q.labels(), "predicted labels");
        assertEquals(p.scoreNames(), q.scoreNames(), "score names");
        assertEquals(p.scores().shape(), q.scores().shape(), "score shape");
        assertBitEqual(p.scores().data(), q.scores().data(), "scores");
    }

    static void assertBitEqual(double[] expected, double[] actual, String what) {
        if (!Arrays.equals(expected, actual)) {
            assertArrayEquals(expected, actual, 0.0, what + " differ");
            fail(what + " differ in the sign of a zero or a NaN payload");
        }
    }

    /** The rows of {@code table} plus one with an unseen colour and one with every feature missing. */
    static Table predictionTable(Table table) {
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < table.rowCount(); i++) {
            String[] row = new String[table.columnCount()];
            for (int j = 0; j < row.length; j++) {
                row[j] = table.cell(i, j);
            }
            rows.add(row);
        }
        String target = table.cell(0, table.columnCount() - 1);
        rows.add(new String[] {"0.5", "3", "purple", target});
        rows.add(new String[] {"", "NA", "?", target});
        return Table.of(table.columnNames(), rows);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (haystack[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("no " + new String(needle, StandardCharsets.US_ASCII) + " in the file");
    }
}
