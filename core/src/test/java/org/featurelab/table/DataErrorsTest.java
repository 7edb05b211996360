package org.featurelab.table;

import org.featurelab.base.Task;
import org.featurelab.encoding.FittedPreprocessor;
import org.featurelab.encoding.Preprocessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every kind of bad input gives an IllegalArgumentException with one line naming file, column and row. */
class DataErrorsTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    private static void assertError(Executable action, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action);
        String message = e.getMessage();
        assertFalse(message.contains("\n"), "one line: " + message);
        for (String fragment : fragments) {
            assertTrue(message.contains(fragment), "'" + fragment + "' in: " + message);
        }
    }

    private static FittedPreprocessor fit(Path file, String target) {
        return Preprocessor.forTarget(target).fit(Table.readCsv(file));
    }

    @Test
    void fileLevelErrors() throws IOException {
        Path absent = dir.resolve("x.csv");
        assertError(() -> Table.readCsv(absent), "no such file: " + absent);
        assertError(() -> Table.readCsv(dir), "directory");
        Path empty = write("empty.csv", "");
        assertError(() -> Table.readCsv(empty), empty.toString(), "empty", "header");
        Path blank = write("blank.csv", "\n  \n\n");
        assertError(() -> Table.readCsv(blank), "empty");
        Path headerOnly = write("header.csv", "a,b,y\n\n");
        assertError(() -> Table.readCsv(headerOnly), headerOnly.toString(), "no data rows");
        Path unclosed = write("quote.csv", "a,b\n1,\"open\n2,3\n");
        assertError(() -> Table.readCsv(unclosed), unclosed.toString(), "not valid CSV");
    }

    @Test
    void raggedRowsDuplicateAndEmptyNames() throws IOException {
        Path ragged = write("ragged.csv", "a,b,c\n1,2,3\n\n4,5\n");
        assertError(() -> Table.readCsv(ragged), ragged + " line 4 (row 2) has 2 fields but the header has 3");
        Path longRow = write("long.csv", "a,b\n1,2,3\n");
        assertError(() -> Table.readCsv(longRow), "line 2 (row 1) has 3 fields");
        Path dup = write("dup.csv", "a,b,a\n1,2,3\n");
        assertError(() -> Table.readCsv(dup), dup.toString(), "duplicate column name 'a' (columns 1 and 3)");
        Path unnamed = write("unnamed.csv", "a,,c\n1,2,3\n");
        assertError(() -> Table.readCsv(unnamed), "column 2 of the header has no name");
        assertError(() -> Table.of(List.of("a", "b"), List.<String[]>of(new String[] {"1"})),
                "row 1 has 1 field but the header has 2");
    }

    @Test
    void featureColumnErrors() throws IOException {
        Path allMissing = write("am.csv", "a,empty,y\n1,NA,0\n2,,1\n3,?,0\n");
        assertError(() -> fit(allMissing, "y"), allMissing.toString(), "column 'empty'", "only missing values");
        Path text = write("text.csv", "a,y\n1,0\n2,1\nabc,0\n4,1\n");
        assertError(() -> fit(text, "y"), text + " line 4 (row 3), column 'a': text 'abc' in a numeric column");
        Path inf = write("inf.csv", "a,y\n1,0\ninf,1\n3,0\n");
        assertError(() -> fit(inf, "y"), "line 3 (row 2), column 'a': value 'inf' is not a finite number");
        Path drop = write("drop.csv", "a,b,y\n1,2,0\n3,4,1\n");
        assertError(() -> Preprocessor.forTarget("y").withDrop(List.of("b", "zz")).fit(Table.readCsv(drop)),
                "cannot drop column 'zz'", drop.toString(), "columns: a, b, y");
        Path onlyTarget = write("only.csv", "y\n1\n0\n");
        assertError(() -> fit(onlyTarget, "y"), "no feature columns");
    }

    @Test
    void targetErrors() throws IOException {
        Path file = write("t.csv", "a,b,y\n1,2,0\n3,4,1\n");
        assertError(() -> fit(file, "label"), "target column 'label' not found in " + file, "columns: a, b, y");
        StringBuilder wide = new StringBuilder("c0");
        for (int j = 1; j < 12; j++) {
            wide.append(",c").append(j);
        }
        Path wideFile = write("wide.csv", wide + "\n" + "1,".repeat(11) + "1\n");
        assertError(() -> fit(wideFile, "y"), "c0, c1", "c7, ... 4 more");
        Path nan = write("nan.csv", "a,y\n1,0\n2,NaN\n3,1\n");
        assertError(() -> fit(nan, "y"), nan + " line 3 (row 2): target 'y' is missing ('NaN')");
        Path empty = write("emptytarget.csv", "a,y\n1,0\n2,1\n3,\n");
        assertError(() -> fit(empty, "y"), "line 4 (row 3): target 'y' is missing");
        Path inf = write("inftarget.csv", "a,y\n1,0.5\n2,-Infinity\n3,1.5\n");
        assertError(() -> fit(inf, "y"), "line 3 (row 2): target 'y' value '-Infinity' is not a finite number");
        assertError(() -> Preprocessor.forTarget("y").withTask(Task.REGRESSION).fit(Table.readCsv(inf)),
                "line 3 (row 2)", "not a finite number");
        Path one = write("one.csv", "a,y\n1,yes\n2,yes\n");
        assertError(() -> fit(one, "y"), "target 'y' in " + one + " has only one class ('yes')");
    }

    /**
     * 5,000 rows of ten numeric columns a0..a9 and y, with text in column aj at row {@code badRow.applyAsInt(j)} (none
     * where it is 0); the header is line 1, row r is on line r + 1.
     */
    private Path badColumns(String name, java.util.function.IntUnaryOperator badRow) throws IOException {
        StringBuilder csv = new StringBuilder();
        for (int j = 0; j < 10; j++) {
            csv.append('a').append(j).append(',');
        }
        csv.append("y\n");
        for (int r = 1; r <= 5000; r++) {
            for (int j = 0; j < 10; j++) {
                csv.append(r == badRow.applyAsInt(j) ? "oops" + j : Integer.toString((r * 7 + j) % 13)).append(',');
            }
            csv.append(r % 2).append('\n');
        }
        return write(name, csv.toString());
    }

    @Test
    void parallelColumnsAndBlocksReportTheErrorOfTheFirstBadColumn() throws IOException {
        // large enough that the columns are fitted, and the rows encoded, on parallel threads: the error is still the
        // one a column-by-column pass meets first (the first bad column's first bad row), not an earlier row of a
        // later column; in the fit every later column is bad too, so that a wrong order shows in most runs
        Path train = badColumns("bad-fit.csv", j -> j == 2 ? 4900 : j > 2 ? 10 : 0);
        assertError(() -> fit(train, "y"), "line 4901 (row 4900), column 'a2': text 'oops2' in a numeric column");
        FittedPreprocessor f = fit(badColumns("clean.csv", j -> 0), "y");
        Path data = badColumns("bad-rows.csv", j -> j == 3 ? 4900 : j == 8 ? 10 : 0);
        assertError(() -> f.transform(Table.readCsv(data)),
                "line 4901 (row 4900), column 'a3': text 'oops3' where the model expects a number");
    }

    @Test
    void predictionDataErrors() throws IOException {
        FittedPreprocessor f = fit(write("train.csv", "a,b,c,y\n1,2,u,0\n3,4,v,1\n"), "y");
        Path missing = write("new.csv", "c,a\nu,1\n");
        assertError(() -> f.transform(Table.readCsv(missing)), missing + " has no column 'b', which the model was trained on",
                "columns: c, a");
        Path twoMissing = write("new2.csv", "a\n1\n");
        assertError(() -> f.transform(Table.readCsv(twoMissing)), "has no columns 'b', 'c'");
        StringBuilder wide = new StringBuilder();
        for (int j = 0; j < 12; j++) {
            wide.append(j == 0 ? "" : ",").append("x").append(j);
        }
        FittedPreprocessor w = fit(write("wide.csv", wide + ",y\n" + "1,".repeat(12) + "0\n" + "2,".repeat(12) + "1\n"), "y");
        Path none = write("none.csv", "q\n1\n");
        assertError(() -> w.transform(Table.readCsv(none)),
                "has no columns 'x0', 'x1', 'x2', 'x3', 'x4', 'x5', 'x6', 'x7', ... 4 more, which the model was trained on");
        Path text = write("new3.csv", "a,b,c\n1,2,u\n1,two,u\n");
        assertError(() -> f.transform(Table.readCsv(text)),
                text + " line 3 (row 2), column 'b': text 'two' where the model expects a number");
        Path label = write("eval.csv", "a,b,c,y\n1,2,u,0\n1,2,u,7\n");
        assertError(() -> f.prepare(Table.readCsv(label)), "line 3 (row 2): target 'y' has class '7'");
    }
}
