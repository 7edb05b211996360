package org.featurelab.benchmark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UciResultsFileTest {
    @TempDir
    Path dir;

    @Test
    void appendsRoundTripAndAPartialLastLineIsDropped() throws IOException {
        Path file = dir.resolve("results.csv");
        UciResultsFile f = UciResultsFile.open(file);
        assertTrue(f.existing().isEmpty());
        UciProtocol.Result a = new UciProtocol.Result("iris", 0, "laplace", 1e-3, 0, 0.95, 0.9736842105263158, 0.25);
        UciProtocol.Result b = new UciProtocol.Result("iris", 1, "nfa-rfm", 10, 3, Double.NaN, 1.0, 1.5);
        f.append(a);
        f.append(b);
        Files.writeString(file, "iris,2,lapl", java.nio.file.StandardOpenOption.APPEND);
        UciResultsFile g = UciResultsFile.open(file);
        assertTrue(g.droppedPartialLine());
        assertEquals(List.of(a, b), g.existing());
        assertEquals(3, Files.readAllLines(file).size());
        assertFalse(UciResultsFile.open(file).droppedPartialLine());
    }

    @Test
    void aForeignFileIsRejected() throws IOException {
        Path file = dir.resolve("results.csv");
        Files.writeString(file, "a,b,c\n1,2,3\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UciResultsFile.open(file));
        assertTrue(e.getMessage().contains("not a results file"), e.getMessage());
        Files.writeString(file, String.join(",", UciResultsFile.HEADER) + "\niris,x,laplace,1,0,1,1,1\n");
        assertThrows(IllegalArgumentException.class, () -> UciResultsFile.open(file));
    }

    @Test
    void summaryCountsOnlyDatasetsEveryModelFinished() {
        List<UciProtocol.Result> rows = new java.util.ArrayList<>();
        for (int j = 0; j < 4; j++) {
            rows.add(new UciProtocol.Result("a", j, "m1", 1, 0, 1, 0.8, 0));
            rows.add(new UciProtocol.Result("a", j, "m2", 1, 0, 1, 0.6, 0));
            rows.add(new UciProtocol.Result("b", j, "m1", 1, 0, 1, 0.5, 0));
            rows.add(new UciProtocol.Result("b", j, "m2", 1, 0, 1, 0.5, 0));
            if (j < 3) {
                rows.add(new UciProtocol.Result("c", j, "m2", 1, 0, 1, 1.0, 0));
            }
            rows.add(new UciProtocol.Result("c", j, "m1", 1, 0, 1, 0.1, 0));
        }
        List<String> models = List.of("m1", "m2");
        var means = UciSummary.foldMeans(rows, List.of("a", "b", "c"), models);
        assertEquals(List.of("a", "b"), UciSummary.common(means));
        assertEquals(0.8, means.get("a")[0], 1e-12);
        assertTrue(Double.isNaN(means.get("c")[1]));
        int[] wtl = UciSummary.winsTiesLosses(means, List.of("a", "b"), 0, 1);
        assertEquals(List.of(1, 1, 0), List.of(wtl[0], wtl[1], wtl[2]));
        var outcome = new UciBenchmark.Outcome(rows, List.of(), 0, 12, 1.0);
        String md = UciSummary.markdown(outcome, List.of("a", "b", "c"), models, 61);
        assertTrue(md.contains("| m1 | 65.00 | 2 | 3 | - |"), md);
        assertTrue(md.contains("| m2 | 55.00 | 2 | 2 | - |"), md);
        assertTrue(md.contains("| m1 | - | 1/1/0 |"), md);
        assertTrue(md.contains("0:01:01"), md);
    }
}
