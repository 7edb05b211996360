package org.featurelab.table;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TableTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void readsQuotedFieldsTrimsAndIgnoresBlankLines() throws IOException {
        Path file = write("q.csv", "\uFEFF name , city,  y\n"
                + "\"Smith, John\", \"Paris, FR\" ,1\n"
                + "\n"
                + "  Doe ,\"say \"\"hi\"\"\",  2  \n"
                + "\"two\nlines\",Oslo,3\n"
                + "\n   \n\n");
        Table t = Table.readCsv(file);
        assertEquals(List.of("name", "city", "y"), t.columnNames());
        assertEquals(3, t.rowCount());
        assertEquals(List.of("Smith, John", "Doe", "two\nlines"), t.column("name"));
        assertEquals(List.of("Paris, FR", "say \"hi\"", "Oslo"), t.column("city"));
        assertEquals(List.of("1", "2", "3"), t.column("y"));
        assertEquals(file.toString(), t.source());
    }

    @Test
    void errorsPointAtFileLineAndDataRowAfterBlankLinesAndSelection() throws IOException {
        Path bad = write("bad.csv", "a,b\n1,x\n\n2,y\nthree,w\n4,z\n");
        Table t = Table.readCsv(bad);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ColumnType.infer(t, "a"));
        assertTrue(e.getMessage().contains(bad + " line 5 (row 3)"), e.getMessage());
        Table subset = t.selectRows(new int[] {0, 3, 2});
        IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class,
                () -> ColumnType.infer(subset, "a"));
        assertTrue(e2.getMessage().contains("line 5 (row 3), column 'a': text 'three'"), e2.getMessage());
        assertEquals(ColumnType.CATEGORICAL, ColumnType.infer(t, "b"));
    }

    @Test
    void ofTrimsAndTreatsNullAsMissing() {
        Table t = Table.of(List.of(" a ", "b"), List.of(new String[] {" 1 ", null}, new String[] {"2", "x"}));
        assertEquals(List.of("a", "b"), t.columnNames());
        assertEquals("1", t.cell(0, 0));
        assertTrue(Cells.isMissing(t.cell(0, 1)));
        assertEquals("", t.source());
    }

    @Test
    void selectRowsAndDropColumns() {
        Table t = Table.of(List.of("a", "b", "c"), List.of(
                new String[] {"1", "x", "p"}, new String[] {"2", "y", "q"}, new String[] {"3", "z", "r"}));
        Table s = t.selectRows(new int[] {2, 0, 2});
        assertEquals(List.of("3", "1", "3"), s.column("a"));
        assertEquals(List.of("z", "x", "z"), s.column("b"));
        Table d = t.dropColumns("b", "b");
        assertEquals(List.of("a", "c"), d.columnNames());
        assertEquals(List.of("p", "q", "r"), d.column("c"));
        assertFalse(d.hasColumn("b"));
        assertEquals(3, t.columnCount(), "the original is unchanged");
    }

    @Test
    void fingerprintDependsOnContentOnly() throws IOException {
        Table fromFile = Table.readCsv(write("f.csv", "a,b\n1,x\n2,y\n"));
        Table same = Table.readCsv(write("g.csv", "a , b\n\"1\",x\n2, y\n\n"));
        Table inMemory = Table.of(List.of("a", "b"), List.of(new String[] {"1", "x"}, new String[] {"2", "y"}));
        Table changed = Table.of(List.of("a", "b"), List.of(new String[] {"1", "x"}, new String[] {"2", "z"}));
        // boundaries between cells matter: ("ab","") differs from ("a","b")
        Table shifted = Table.of(List.of("a", "b"), List.of(new String[] {"1x", ""}, new String[] {"2", "y"}));
        String f = fromFile.fingerprint();
        assertEquals(64, f.length());
        assertTrue(f.matches("[0-9a-f]{64}"));
        assertEquals(f, same.fingerprint());
        assertEquals(f, inMemory.fingerprint());
        assertNotEquals(f, changed.fingerprint());
        assertNotEquals(f, shifted.fingerprint());
        assertNotEquals(f, inMemory.selectRows(new int[] {1, 0}).fingerprint());
    }

    @Test
    void missingTokensAndNumbers() {
        for (String token : List.of("", "  ", "NA", "na", "N/A", "n/a", "?", "NaN", "nan", "NAN", "null", "NULL")) {
            assertTrue(Cells.isMissing(token), token);
            assertTrue(Double.isNaN(Cells.parse(token)), token);
        }
        for (String text : List.of("none", "0x10", "1d", "1,5", "abc", "1.2.3")) {
            assertFalse(Cells.isMissing(text), text);
            assertFalse(Cells.isNumber(text), text);
        }
        assertEquals(-0.5, Cells.parse("-.5"));
        assertEquals(1200.0, Cells.parse("1.2e3"));
        assertEquals(3.0, Cells.parse(" +3. "));
        assertEquals(Double.POSITIVE_INFINITY, Cells.parse("inf"));
        assertEquals(Double.NEGATIVE_INFINITY, Cells.parse("-Infinity"));
        assertEquals(Double.POSITIVE_INFINITY, Cells.parse("1e999"));
    }

    @Test
    void columnTyping() {
        Table t = Table.of(List.of("num", "cat", "half", "empty"), List.of(
                new String[] {"1.5", "a", "1", "NA"},
                new String[] {"NA", "b", "x", ""},
                new String[] {"-2", "3", "2", "?"},
                new String[] {"1e3", "c", "y", "null"}));
        assertEquals(ColumnType.NUMERIC, ColumnType.infer(t, "num"));
        assertEquals(ColumnType.CATEGORICAL, ColumnType.infer(t, "cat"));
        assertEquals(ColumnType.CATEGORICAL, ColumnType.infer(t, "half"), "exactly half numbers is categorical");
        assertEquals(ColumnType.ALL_MISSING, ColumnType.infer(t, "empty"));
    }
}
