package org.featurelab.benchmark;

import org.featurelab.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Loading UCI-121 data in its split format: three datasets copied from the collection (test fixtures) and broken
 * copies written to a temporary folder. {@link UciCollectionTest} checks the whole collection.
 */
class UciDatasetTest {
    static final Path UCI = TestData.uciFixture();
    static final List<String> SMALL = List.of("trains", "lenses", "iris");

    @Test
    void indexListsTheDatasetsInFileOrder() {
        List<UciDataset.Entry> entries = UciDataset.list(UCI);
        assertEquals(List.of(new UciDataset.Entry("iris", 150, 4, 3), new UciDataset.Entry("lenses", 24, 4, 3),
                new UciDataset.Entry("trains", 10, 29, 2)), entries);
    }

    @Test
    void shapesMatchTheIndex() {
        Map<String, UciDataset.Entry> index = UciDataset.list(UCI).stream()
                .collect(Collectors.toMap(UciDataset.Entry::name, Function.identity()));
        for (String name : SMALL) {
            UciDataset d = UciDataset.load(UCI, name);
            UciDataset.Entry e = index.get(name);
            assertEquals(name, d.name());
            assertEquals(e.rows(), d.size(), name + " rows");
            assertEquals(e.features(), d.features(), name + " features");
            assertEquals(e.classes(), d.classCount(), name + " classes");
            assertEquals(e.rows(), d.labels().length, name + " labels");
        }
    }

    /**
     * Within a fold the three index sets are disjoint and cover the rows. Across folds the test sets are NOT a
     * partition in this data (a row can be a test row of 0 to 4 folds); what holds is that the four test folds
     * have the same size, ⌊n/4⌋ for these datasets (checked over the collection: 85 of 116 datasets, the others
     * have another common size).
     */
    @Test
    void foldsAreDisjointAndCoverTheRows() {
        for (String name : SMALL) {
            UciDataset d = UciDataset.load(UCI, name);
            int n = d.size();
            for (int j = 0; j < UciDataset.FOLDS; j++) {
                UciDataset.Fold f = d.fold(j);
                int[] seen = new int[n];
                for (int[] part : List.of(f.train(), f.validation(), f.test())) {
                    for (int i : part) {
                        seen[i]++;
                    }
                }
                for (int i = 0; i < n; i++) {
                    assertEquals(1, seen[i], name + " fold " + j + " row " + i);
                }
                assertEquals(n / 4, f.test().length, name + " fold " + j + " test size");
                assertTrue(f.train().length > 0 && f.validation().length > 0, name + " fold " + j);
            }
        }
    }

    @Test
    void testFoldsAreNotAPartitionInThisData() {
        UciDataset d = UciDataset.load(UCI, "iris");
        int[] count = new int[d.size()];
        for (int j = 0; j < UciDataset.FOLDS; j++) {
            for (int i : d.fold(j).test()) {
                count[i]++;
            }
        }
        assertTrue(java.util.Arrays.stream(count).anyMatch(c -> c != 1), "iris test folds happen to be a partition");
    }

    @Test
    void rejectsBrokenFiles(@TempDir Path tmp) throws IOException {
        assertError(tmp, "ragged", "1,2\n3\n", "0\n1\n", FOLDS2, FOLDS2, "ragged_py.dat line 2 has 1 values, expected 2");
        assertError(tmp, "text", "1,2\n3,x\n", "0\n1\n", FOLDS2, FOLDS2, "text_py.dat line 2 value 2 ('x') is not a finite number");
        assertError(tmp, "fewlabels", "1,2\n3,4\n", "0\n", FOLDS2, FOLDS2, "has 1 labels but the features file has 2 rows");
        assertError(tmp, "badlabel", "1,2\n3,4\n", "0\n1.5\n", FOLDS2, FOLDS2, "labels_py.dat line 2 value 1 ('1.5') is not a finite integer");
        assertError(tmp, "badmark", "1,2\n3,4\n", "0\n1\n", "0,0,0,2\n1,1,1,1\n", FOLDS2, "folds_py.dat line 1: fold marks must be 0 or 1");
        Path missing = tmp.resolve("missing");
        Files.createDirectories(missing);
        Files.writeString(missing.resolve("missing_py.dat"), "1,2\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UciDataset.load(missing));
        assertTrue(e.getMessage().contains("missing file") && e.getMessage().contains("labels_py.dat"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> UciDataset.list(tmp));
        assertTrue(e.getMessage().contains("INDEX.tsv"), e.getMessage());
    }

    @Test
    void rowMarkedTestAndValidationIsAnErrorOfThatFold(@TempDir Path tmp) throws IOException {
        Path dir = write(tmp, "both", "1,2\n3,4\n", "0\n1\n", "1,0,0,0\n0,1,0,0\n", "1,0,0,0\n0,0,0,0\n");
        UciDataset d = UciDataset.load(dir);
        assertEquals(2, d.classCount());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.fold(0));
        assertTrue(e.getMessage().contains("row 1 is marked both test and validation in fold 0"), e.getMessage());
        UciDataset.Fold f = d.fold(1);
        assertEquals(List.of(0), List.of(f.train()[0]));
        assertEquals(1, f.test()[0]);
        assertThrows(IllegalArgumentException.class, () -> d.fold(4));
    }

    static final String FOLDS2 = "1,0,0,0\n0,1,0,0\n";

    private static void assertError(Path tmp, String name, String x, String labels, String folds, String validation,
                                    String expected) throws IOException {
        Path dir = write(tmp, name, x, labels, folds, validation);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UciDataset.load(dir));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    private static Path write(Path tmp, String name, String x, String labels, String folds, String validation)
            throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Files.writeString(dir.resolve(name + "_py.dat"), x);
        Files.writeString(dir.resolve("labels_py.dat"), labels);
        Files.writeString(dir.resolve("folds_py.dat"), folds);
        Files.writeString(dir.resolve("validation_folds_py.dat"), validation);
        return dir;
    }
}
