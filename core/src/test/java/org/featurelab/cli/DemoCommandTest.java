package org.featurelab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo on the bundled datasets (about 5-10 s on two cores). */
class DemoCommandTest {
    @TempDir
    Path dir;

    @Test
    void demoPrintsTheComparisonAndWritesTheReport() throws IOException {
        Path out = dir.resolve("demo");
        CliRunner.Result r = CliRunner.ok("demo", "--out", out.toString(), "--quiet");
        assertEquals("", r.err());
        Path report = out.resolve("report.html");
        assertTrue(Files.isRegularFile(report));
        String html = Files.readString(report);
        assertTrue(html.contains("<img"), "report has images");
        assertTrue(html.contains("M learned by nfa-rfm") && html.contains("M learned by fact-rfm"));

        List<String[]> breast = r.out().lines().filter(l -> l.startsWith("breast_cancer "))
                .map(l -> l.trim().split("\\s+")).toList();
        assertEquals(List.of("laplace", "nfa-rfm", "fact-rfm"), breast.stream().map(c -> c[2]).toList(), r.out());
        for (String[] cells : breast) {
            assertTrue(Double.parseDouble(cells[3]) >= 0.9, String.join(" ", cells));
        }
        assertEquals(3, r.out().lines().filter(l -> l.startsWith("wine ")).count(), r.out());
        assertTrue(r.out().contains("Top 5 columns of the best RFM"), r.out());
        assertTrue(r.out().contains("report: " + report.toAbsolutePath()), r.out());
    }

    @Test
    void outThatIsAFileIsBadInput() throws IOException {
        Path file = Files.writeString(dir.resolve("taken"), "x");
        CliRunner.assertBadInput(CliRunner.run("demo", "--out", file.toString(), "-q"), "is a file, not a directory");
    }
}
