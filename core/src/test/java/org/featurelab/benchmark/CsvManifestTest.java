package org.featurelab.benchmark;

import org.featurelab.base.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link CsvManifest}: the format, names, relative paths and the structural errors. */
class CsvManifestTest {
    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        Path m = dir.resolve("sub").resolve("m.tsv");
        Files.createDirectories(m.getParent());
        Files.writeString(m, text);
        return m;
    }

    @Test
    void parsesEntriesWithEmptyAndListedDrops() throws IOException {
        Path m = write("file\ttarget\ttask\tdrop\n"
                + "data/iris.csv\tspecies\tclassification\t\n"
                + "\n"
                + "../house.csv\tprice\tRegression\tid, zip\n"
                + "wine.data.csv\tcultivar\tclassification\n");
        CsvManifest manifest = CsvManifest.read(m);
        assertEquals(List.of("iris", "house", "wine.data"), manifest.names());
        CsvManifest.Entry iris = manifest.entries().get(0);
        assertEquals(dir.resolve("sub/data/iris.csv").toAbsolutePath().normalize(), iris.path());
        assertEquals("species", iris.target());
        assertEquals(Task.CLASSIFICATION, iris.task());
        assertEquals(List.of(), iris.drop());
        assertEquals(2, iris.line());
        CsvManifest.Entry house = manifest.entry("house");
        assertEquals(dir.resolve("house.csv").toAbsolutePath().normalize(), house.path());
        assertEquals(Task.REGRESSION, house.task());
        assertEquals(List.of("id", "zip"), house.drop());
        assertEquals(4, house.line());
        assertEquals(List.of(), manifest.entries().get(2).drop());
    }

    @Test
    void collidingFileNamesAreNamedByTheirPath() throws IOException {
        CsvManifest m = CsvManifest.read(write("file\ttarget\ttask\tdrop\na/data.csv\ty\tregression\t\nb/data.csv\ty\tregression\t\n"));
        assertEquals(List.of("a/data", "b/data"), m.names());
    }

    @Test
    void structuralErrorsNameTheManifestAndLine() throws IOException {
        assertMessage(dir.resolve("nope.tsv"), "nope.tsv not found");
        assertMessage(write("file\ttarget\ttask\n"), "header is 'file<TAB>target<TAB>task', expected 'file<TAB>target<TAB>task<TAB>drop'");
        assertMessage(write("file,target,task,drop\na.csv,y,regression,\n"), "line 1: header is");
        assertMessage(write("file\ttarget\ttask\tdrop\na.csv\ty\tclustering\t\n"), "line 2: unknown task 'clustering'");
        assertMessage(write("file\ttarget\ttask\tdrop\na.csv\t\tregression\t\n"), "line 2: empty target for a.csv");
        assertMessage(write("file\ttarget\ttask\tdrop\na.csv\ty\tregression\t\n\na.csv\tz\tregression\t\n"),
                "line 4: duplicate dataset name 'a' (also on line 2)");
        assertMessage(write("file\ttarget\ttask\tdrop\na.csv\ty\n"), "line 2: has 2 tab-separated cells");
        assertMessage(write("file\ttarget\ttask\tdrop\n"), "lists no datasets");
    }

    private static void assertMessage(Path manifest, String fragment) {
        String message = assertThrows(IllegalArgumentException.class, () -> CsvManifest.read(manifest)).getMessage();
        assertTrue(message.contains(fragment), message);
        assertTrue(message.contains("m.tsv") || message.contains("nope.tsv"), message);
        assertEquals(1, message.lines().count(), message);
    }
}
