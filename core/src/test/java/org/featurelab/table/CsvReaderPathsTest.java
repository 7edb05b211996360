package org.featurelab.table;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A file without quote characters is read by FastCSV, anything else by Commons CSV: on quote-free input both give the
 * same table — names, cells, line numbers, fingerprint — and the same errors.
 */
class CsvReaderPathsTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, content);
        return f;
    }

    private static void assertSameTable(Table commons, Table fast) {
        assertEquals(commons.columnNames(), fast.columnNames());
        assertEquals(commons.rowCount(), fast.rowCount());
        for (int i = 0; i < commons.rowCount(); i++) {
            assertEquals(commons.locate(i), fast.locate(i), "row " + i);
            for (int j = 0; j < commons.columnNames().size(); j++) {
                assertEquals(commons.cell(i, j), fast.cell(i, j), "cell (" + i + ", " + j + ")");
            }
        }
        assertEquals(commons.fingerprint(), fast.fingerprint());
    }

    /** A header and three rows of {@code columns} cells of about {@code width} characters each. */
    private static String wide(int columns, int width) {
        StringBuilder b = new StringBuilder();
        for (int r = 0; r <= 3; r++) {
            for (int j = 0; j < columns; j++) {
                b.append(j == 0 ? "" : ",").append(r == 0 ? "c" + j : (" v" + r + "_" + j + "ü").repeat(width / 6));
            }
            b.append('\n');
        }
        return b.toString();
    }

    @Test
    void quoteFreeFilesReadTheSameThroughBothParsers() throws IOException {
        String[] contents = {
            "a , b,y\n1, 2 ,x\n\n  \n3,4,y \n",                         // spaces, a blank and a whitespace-only line
            "\uFEFFa,b\r\n1.5,NA\r\n\r\n-2e3,?\r\n",                     // BOM, CRLF, missing tokens
            "a,b\r1,2\r3,4",                                             // lone CR line ends, no final line end
            "name,city\nZoë,Köln\n\t,  \n\u00e9t\u00e9,x y\n",           // UTF-8, tabs, inner spaces, an all-blank row
            "a,b\n,\n1,\n",                                              // empty fields
            "a,b\n\u2003x\u2003,\u3000y 東京\n",                             // Unicode blanks around fields, CJK
            wide(70, 25),                                                 // records beyond the first scratch arrays
        };
        int k = 0;
        for (String content : contents) {
            Path f = write("f" + (k++) + ".csv", content);
            assertSameTable(CsvReader.read(f, false), CsvReader.read(f, true));
        }
    }

    @Test
    void aRecordOfTwentyThousandFieldsReadsThroughBothParsers() throws IOException {
        // beyond FastCSV's own record handler's 16,384 fields, which the callback of the unquoted path does not impose
        StringBuilder header = new StringBuilder();
        StringBuilder row = new StringBuilder();
        for (int j = 0; j < 20_000; j++) {
            header.append(j == 0 ? "" : ",").append('c').append(j);
            row.append(j == 0 ? "" : ",").append(j % 7);
        }
        Path f = write("twenty-thousand.csv", header + "\n" + row + "\n");
        Table fast = CsvReader.read(f, true);
        assertEquals(20_000, fast.columnNames().size());
        assertEquals("6", fast.cell(0, 19_998));
        assertSameTable(CsvReader.read(f, false), fast);
    }

    @Test
    void quoteFreeErrorsAreTheSame() throws IOException {
        String[] contents = {"a,b,c\n1,2,3\n\n4,5\n", "a,b\n1,2,3\n", "a,b,a\n1,2,3\n", "a,,c\n1,2,3\n", "a,b\n\n", "\n \n"};
        int k = 0;
        for (String content : contents) {
            Path f = write("e" + (k++) + ".csv", content);
            String commons = assertThrows(IllegalArgumentException.class, () -> CsvReader.read(f, false)).getMessage();
            String fast = assertThrows(IllegalArgumentException.class, () -> CsvReader.read(f, true)).getMessage();
            assertEquals(commons, fast, content);
        }
    }
}
