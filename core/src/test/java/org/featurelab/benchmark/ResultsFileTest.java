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

class ResultsFileTest {
    @TempDir
    Path dir;

    @Test
    void appendsRoundTripAndAPartialLastLineIsDropped() throws IOException {
        Path file = dir.resolve("results.csv");
        ResultsFile f = ResultsFile.open(file);
        assertTrue(f.existing().isEmpty());
        UnitResult a = new UnitResult("iris", 0, "laplace", "ridge=0.001;iteration=0", 0.95, 0.9736842105263158, 0.25);
        UnitResult b = new UnitResult("iris", 1, "nfa-rfm", "ridge=10.0;iteration=3", Double.NaN, 1.0, 1.5);
        f.append(a);
        f.append(b);
        Files.writeString(file, "iris,2,lapl", java.nio.file.StandardOpenOption.APPEND);
        ResultsFile g = ResultsFile.open(file);
        assertTrue(g.droppedPartialLine());
        assertEquals(List.of(a, b), g.existing());
        assertEquals(3, Files.readAllLines(file).size());
        assertFalse(ResultsFile.open(file).droppedPartialLine());
    }

    @Test
    void aForeignFileIsRejected() throws IOException {
        Path file = dir.resolve("results.csv");
        Files.writeString(file, "a,b,c\n1,2,3\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ResultsFile.open(file));
        assertTrue(e.getMessage().contains("not a results file"), e.getMessage());
        Files.writeString(file, String.join(",", ResultsFile.HEADER) + "\niris,x,laplace,ridge=1,1,1,1\n");
        assertThrows(IllegalArgumentException.class, () -> ResultsFile.open(file));
    }

    @Test
    void summaryCountsOnlyDatasetsEveryModelFinished() {
        List<UnitResult> rows = new java.util.ArrayList<>();
        for (int j = 0; j < 4; j++) {
            rows.add(new UnitResult("a", j, "m1", "", 1, 0.8, 0));
            rows.add(new UnitResult("a", j, "m2", "", 1, 0.6, 0));
            rows.add(new UnitResult("b", j, "m1", "", 1, 0.5, 0));
            rows.add(new UnitResult("b", j, "m2", "", 1, 0.5, 0));
            if (j < 3) {
                rows.add(new UnitResult("c", j, "m2", "", 1, 1.0, 0));
            }
            rows.add(new UnitResult("c", j, "m1", "", 1, 0.1, 0));
        }
        List<String> models = List.of("m1", "m2");
        var means = BenchmarkSummary.foldMeans(rows, List.of("a", "b", "c"), models, 4);
        assertEquals(List.of("a", "b"), BenchmarkSummary.common(means));
        assertEquals(0.8, means.get("a")[0], 1e-12);
        assertTrue(Double.isNaN(means.get("c")[1]));
        int[] wtl = BenchmarkSummary.winsTiesLosses(means, List.of("a", "b"), 0, 1);
        assertEquals(List.of(1, 1, 0), List.of(wtl[0], wtl[1], wtl[2]));
        var outcome = new BenchmarkRunner.Outcome(rows, List.of(), 0, 12, 1.0);
        String md = BenchmarkSummary.markdown(BenchmarkSummary.Spec.uci(), outcome, List.of("a", "b", "c"), models, 61);
        assertTrue(md.contains("| m1 | 65.00 | 2 | 3 | - |"), md);
        assertTrue(md.contains("| m2 | 55.00 | 2 | 2 | - |"), md);
        assertTrue(md.contains("| m1 | - | 1/1/0 |"), md);
        assertTrue(md.contains("0:01:01"), md);
    }
}
