package org.featurelab.api;

import org.featurelab.table.Table;
import org.featurelab.tabular.Evaluation;
import org.featurelab.tabular.ModelKind;
import org.featurelab.tabular.Predictions;
import org.featurelab.tabular.TabularLearner;
import org.featurelab.tabular.TabularModel;
import org.featurelab.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The README's Java quick start, compiled and run: the lines between {@code README-QUICKSTART-BEGIN} and
 * {@code README-QUICKSTART-END} in {@link #quickStart} are the README's code block "Quick start (Java)", verbatim
 * up to indentation ({@link #readmeQuickStartIsTheCompiledSnippet} checks it once the README has that section).
 * The README block may start with import lines; each must be one of this file's imports.
 */
class QuickStartTest {
    private static final Path SOURCE = Path.of("src/test/java/org/featurelab/api/QuickStartTest.java");
    private static final Path README = Path.of("../README.md") /* the repository root: tests run in core/ */;
    private static final String HEADING = "Quick start (Java)";
    private static final int MAX_LINES = 15;

    @TempDir
    Path dir;

    /** What the quick start produces, for the assertions. */
    record Result(TabularModel model, Predictions predictions, Evaluation evaluation, TabularModel loaded) {
    }

    /** The README quick start; {@code dir} holds {@code train.csv} and {@code test.csv}. */
    static Result quickStart(Path dir) {
        // README-QUICKSTART-BEGIN
        Table train = Table.readCsv(dir.resolve("train.csv"));   // header row; text, numbers, missing cells
        Table test = Table.readCsv(dir.resolve("test.csv"));
        TabularModel model = TabularLearner.of("diagnosis", ModelKind.NFA_RFM).fit(train);  // tunes itself
        Predictions predictions = model.predict(test);           // labels() and scores(), in row order
        Evaluation evaluation = model.evaluate(test);            // accuracy(), or rmse(), mae(), r2()
        model.save(dir.resolve("model.flm"));
        TabularModel loaded = TabularModel.load(dir.resolve("model.flm"));
        // README-QUICKSTART-END
        return new Result(model, predictions, evaluation, loaded);
    }

    @Test
    void quickStartRunsOnBreastCancer() throws IOException {
        writeSplit(TestData.small("breast_cancer"), 0.25, 3);
        Result r = quickStart(dir);

        assertTrue(r.evaluation().accuracy() >= 0.95, "test accuracy " + r.evaluation().accuracy());
        Table test = Table.readCsv(dir.resolve("test.csv"));
        assertEquals(test.rowCount(), r.predictions().size());
        Predictions again = r.loaded().predict(test);
        assertEquals(r.predictions().labels(), again.labels());
        assertArrayEquals(r.predictions().scores().data(), again.scores().data(), 0.0);
        assertEquals(r.evaluation(), r.loaded().evaluate(test));
        assertEquals(List.of("benign", "malignant"), r.loaded().outputNames());
    }

    @Test
    void snippetIsShort() throws IOException {
        List<String> snippet = snippet();
        assertTrue(!snippet.isEmpty() && snippet.size() <= MAX_LINES, snippet.size() + " lines between the markers");
    }

    @Test
    void readmeQuickStartIsTheCompiledSnippet() throws IOException {
        assertTrue(Files.exists(README), "no README.md at " + README.toAbsolutePath().normalize());
        checkReadme(README);
    }

    /** The README check itself: passes on a README holding the snippet, fails on one that differs. */
    @Test
    void readmeCheckCatchesADifference() throws IOException {
        List<String> good = new ArrayList<>(List.of("# featurelab", "", "## " + HEADING, "", "```java",
                "import org.featurelab.table.Table;", "import org.featurelab.tabular.TabularModel;", ""));
        snippet().forEach(s -> good.add("    " + s));
        good.addAll(List.of("```", "", "## More"));
        Path readme = dir.resolve("README.md");
        Files.write(readme, good);
        checkReadme(readme);

        List<String> bad = new ArrayList<>(good);
        bad.set(9, bad.get(9).replace("test.csv", "other.csv"));
        Files.write(readme, bad);
        assertThrows(AssertionFailedError.class, () -> checkReadme(readme));

        List<String> badImport = new ArrayList<>(good);
        badImport.set(5, "import java.util.Scanner;");
        Files.write(readme, badImport);
        assertThrows(AssertionFailedError.class, () -> checkReadme(readme));
    }

    /** Skips when the README has no quick start section yet; fails when its code differs from the snippet. */
    private static void checkReadme(Path file) throws IOException {
        List<String> readme = Files.readAllLines(file);
        int heading = -1;
        for (int i = 0; i < readme.size() && heading < 0; i++) {
            if (readme.get(i).startsWith("#") && readme.get(i).contains(HEADING)) {
                heading = i;
            }
        }
        assumeTrue(heading >= 0, "README.md has no heading '" + HEADING + "' yet");
        int open = heading + 1;
        while (open < readme.size() && !readme.get(open).strip().equals("```java")) {
            open++;
        }
        assumeTrue(open < readme.size(), "README.md has no ```java block after '" + HEADING + "' yet");
        List<String> block = new ArrayList<>();
        int line = open + 1;
        for (; line < readme.size() && !readme.get(line).strip().equals("```"); line++) {
            if (!readme.get(line).isBlank()) {
                block.add(readme.get(line).strip());
            }
        }
        assertTrue(line < readme.size(), "README.md: the ```java block after '" + HEADING + "' is not closed");

        List<String> ownImports = Files.readAllLines(SOURCE).stream().filter(s -> s.startsWith("import ")).toList();
        List<String> code = new ArrayList<>();
        for (String s : block) {
            if (s.startsWith("import ")) {
                assertTrue(ownImports.contains(s), "README quick start imports what the test does not: " + s);
            } else {
                code.add(s);
            }
        }
        assertEquals(String.join("\n", snippet()), String.join("\n", code),
                "README.md quick start differs from the snippet in " + SOURCE + "; copy it over");
    }

    /** The stripped, non-blank lines between the markers in this file. */
    private static List<String> snippet() throws IOException {
        List<String> lines = Files.readAllLines(SOURCE);
        int begin = indexOfMarker(lines, "README-QUICKSTART-BEGIN");
        int end = indexOfMarker(lines, "README-QUICKSTART-END");
        return lines.subList(begin + 1, end).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static int indexOfMarker(List<String> lines, String marker) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals("// " + marker)) {
                return i;
            }
        }
        throw new AssertionError("no '// " + marker + "' line in " + SOURCE);
    }

    /**
     * Writes {@code train.csv} and {@code test.csv} to {@link #dir}: the file's header, then its lines split at
     * random (seeded), holding out {@code round(fraction·n_k)} lines of each class (the last field).
     */
    private void writeSplit(Path csv, double fraction, long seed) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        Map<String, List<Integer>> byClass = new TreeMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] fields = lines.get(i).split(",");
            byClass.computeIfAbsent(fields[fields.length - 1], k -> new ArrayList<>()).add(i);
        }
        boolean[] held = new boolean[lines.size()];
        SplittableRandom rng = new SplittableRandom(seed);
        for (List<Integer> rows : byClass.values()) {
            Integer[] r = rows.toArray(new Integer[0]);
            for (int i = r.length - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                Integer t = r[i];
                r[i] = r[j];
                r[j] = t;
            }
            Arrays.stream(r).limit(Math.round(fraction * r.length)).forEach(i -> held[i] = true);
        }
        List<String> train = new ArrayList<>(List.of(lines.get(0)));
        List<String> test = new ArrayList<>(List.of(lines.get(0)));
        for (int i = 1; i < lines.size(); i++) {
            (held[i] ? test : train).add(lines.get(i));
        }
        Files.write(dir.resolve("train.csv"), train);
        Files.write(dir.resolve("test.csv"), test);
    }
}
