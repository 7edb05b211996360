package org.featurelab.table;

import org.featurelab.base.Listing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An immutable table of raw cell strings with named columns, as read from a CSV file.
 *
 * <p>Cells are stored column-wise and compactly ({@link TextColumn}: each column's UTF-8 bytes back to back, about
 * the cell's length + 4 bytes a cell), trimmed of surrounding whitespace; a
 * {@code null} cell becomes the empty string (missing, see {@link Cells}). Column names are unique and
 * non-empty. Each row remembers where it came from (its 1-based data row in the original table and,
 * for tables read from a file, its line number), so that error messages about a subset of rows still
 * point into the user's file.
 */
public final class Table {
    private static final int LISTED_COLUMNS = 8;

    private final String source;
    private final List<String> names;
    private final Map<String, Integer> index;
    private final TextColumn[] cells;
    private final int rows;
    private final int[] dataRows;
    private final int[] lines;

    private Table(String source, List<String> names, TextColumn[] cells, int rows, int[] dataRows, int[] lines) {
        this.source = source;
        this.names = List.copyOf(names);
        this.index = new HashMap<>();
        for (int j = 0; j < this.names.size(); j++) {
            String name = this.names.get(j);
            if (name.isEmpty()) {
                throw new IllegalArgumentException(describe() + ": column " + (j + 1) + " of the header has no name");
            }
            Integer previous = index.putIfAbsent(name, j);
            if (previous != null) {
                throw new IllegalArgumentException(describe() + ": duplicate column name '" + name + "' (columns "
                        + (previous + 1) + " and " + (j + 1) + ")");
            }
        }
        this.cells = cells;
        this.rows = rows;
        this.dataRows = dataRows;
        this.lines = lines;
    }

    /** Reads a CSV file with a header row; see {@link CsvReader} for the accepted format and errors. */
    public static Table readCsv(Path path) {
        return CsvReader.read(path);
    }

    /**
     * Reads a CSV bundled in the jar under {@code /datasets/NAME.csv} (e.g. the demo's and the experiments' data),
     * through a temporary file so that it is parsed exactly like {@link #readCsv(Path)}.
     *
     * @throws IllegalStateException if the resource is not on the classpath
     */
    public static Table readBundled(String name) {
        String resource = "/datasets/" + name + ".csv";
        try (java.io.InputStream in = Table.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("bundled dataset " + resource + " is missing from the classpath");
            }
            Path dir = java.nio.file.Files.createTempDirectory("featurelab-data");
            Path file = dir.resolve(name + ".csv");
            try {
                java.nio.file.Files.copy(in, file);
                return readCsv(file);
            } finally {
                java.nio.file.Files.deleteIfExists(file);
                java.nio.file.Files.deleteIfExists(dir);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read bundled dataset " + resource + ": " + e.getMessage(), e);
        }
    }

    /**
     * A table from column names and rows of cells (each row as long as {@code names}); cells are trimmed,
     * {@code null} cells become missing. The table has no source file.
     *
     * @throws IllegalArgumentException on duplicate or empty names, or a row of the wrong length
     */
    public static Table of(List<String> names, List<String[]> rows) {
        Builder b = new Builder("", names, 0);
        for (String[] row : rows) {
            b.add(row, 0);
        }
        return b.build(false);
    }

    /** Appends rows one at a time into compact columns (a CSV reader keeps no row after it is added). */
    static final class Builder {
        private final String source;
        private final List<String> names;
        private final TextColumn.Builder[] columns;
        private int[] lines;
        private int rows;

        /**
         * @param textLength the characters of the whole file (0 when unknown): the first guess of each column's
         *                   share, so that a large file's columns grow a few times instead of many; the guess is
         *                   at most the file's size over all columns together, however wide the table
         */
        Builder(String source, List<String> names, long textLength) {
            this.source = source;
            this.names = new ArrayList<>(names.size());
            for (String name : names) {
                this.names.add(name == null ? "" : name.strip());
            }
            int m = Math.max(1, this.names.size());
            long perColumn = Math.min(Integer.MAX_VALUE / 2, textLength / m);
            int headerChars = Math.max(m, String.join(",", this.names).length());
            int expectedRows = (int) Math.min(Integer.MAX_VALUE / 8, textLength / Math.max(1, headerChars));
            columns = new TextColumn.Builder[this.names.size()];
            for (int j = 0; j < columns.length; j++) {
                columns[j] = new TextColumn.Builder(Math.min(expectedRows, 1 << 16), (int) Math.min(perColumn, 1 << 24));
            }
            lines = new int[16];
        }

        /**
         * Appends one row of cells (as long as the header), stripped, {@code null} as missing.
         *
         * @param line its 1-based line in the file, or 0 when there is no file
         */
        void add(String[] row, int line) {
            int m = columns.length;
            if (row.length != m) {
                throw fieldCount(row.length, line);
            }
            for (int j = 0; j < m; j++) {
                columns[j].add(row[j] == null ? "" : row[j].strip());
            }
            nextLine(line);
        }

        /** {@link #add(String[], int)} of a record read as character ranges, without a string per cell. */
        void add(FieldRanges row, int line) {
            int m = columns.length;
            if (row.count() != m) {
                throw fieldCount(row.count(), line);
            }
            char[] chars = row.chars();
            for (int j = 0; j < m; j++) {
                int from = row.start(j);
                int to = row.end(j);
                while (from < to && Character.isWhitespace(chars[from])) {   // String.strip's blanks, all in the BMP
                    from++;
                }
                while (to > from && Character.isWhitespace(chars[to - 1])) {
                    to--;
                }
                columns[j].add(chars, from, to);
            }
            nextLine(line);
        }

        private IllegalArgumentException fieldCount(int fields, int line) {
            String at = line == 0 ? prefix(source) + "row " + (rows + 1)
                    : prefix(source) + "line " + line + " (row " + (rows + 1) + ")";
            return new IllegalArgumentException(at + " has " + fields + " field" + (fields == 1 ? "" : "s")
                    + " but the header has " + columns.length);
        }

        private void nextLine(int line) {
            if (rows == lines.length) {
                lines = Arrays.copyOf(lines, 2 * rows);
            }
            lines[rows++] = line;
        }

        int rows() {
            return rows;
        }

        /** The table; {@code withLines}: the rows came from a file and remember their lines. */
        Table build(boolean withLines) {
            TextColumn[] cells = new TextColumn[columns.length];
            for (int j = 0; j < cells.length; j++) {
                cells[j] = columns[j].build();
            }
            int[] dataRows = new int[rows];
            for (int i = 0; i < rows; i++) {
                dataRows[i] = i + 1;
            }
            return new Table(source, names, cells, rows, dataRows, withLines ? Arrays.copyOf(lines, rows) : null);
        }
    }

    /** The file this table was read from, as given by the caller, or {@code ""} when built in memory. */
    public String source() {
        return source;
    }

    /** The column names, in file order. */
    public List<String> columnNames() {
        return names;
    }

    /** Number of columns. */
    public int columnCount() {
        return names.size();
    }

    /** Number of data rows (the header is not a row). */
    public int rowCount() {
        return rows;
    }

    /** True when the table has a column of this exact name. */
    public boolean hasColumn(String name) {
        return index.containsKey(name);
    }

    /**
     * Index of a column by name.
     *
     * @throws IllegalArgumentException naming the source and listing the available columns when absent
     */
    public int columnIndex(String name) {
        Integer j = index.get(name);
        if (j == null) {
            throw new IllegalArgumentException(describe() + " has no column '" + name + "' (columns: "
                    + listColumns() + ")");
        }
        return j;
    }

    /** The cells of one column, top to bottom (a copy). */
    public List<String> column(String name) {
        TextColumn c = cells[columnIndex(name)];
        String[] out = new String[rows];
        for (int i = 0; i < rows; i++) {
            out[i] = c.get(i);
        }
        return List.of(out);
    }

    /** One cell, by 0-based row and column index. */
    public String cell(int row, int column) {
        return cells[column].get(row);
    }

    /**
     * {@code Cells.parse(cell(row, column))} without making the cell's string: the number a cell holds, ±infinity for an
     * infinity token, NaN for missing cells and text.
     */
    public double number(int row, int column) {
        return cells[column].number(row);
    }

    /** {@code Cells.isMissing(cell(row, column))} without making the cell's string. */
    public boolean isMissing(int row, int column) {
        return cells[column].isMissing(row);
    }

    /** A new table with the given rows (0-based, in the given order, repeats allowed). */
    public Table selectRows(int[] rowIndex) {
        int m = names.size();
        int[] pickedRows = new int[rowIndex.length];
        int[] pickedLines = lines == null ? null : new int[rowIndex.length];
        for (int k = 0; k < rowIndex.length; k++) {
            int i = rowIndex[k];
            if (i < 0 || i >= rows) {
                throw new IndexOutOfBoundsException("selectRows: row " + i + " of a table with " + rows + " rows");
            }
            pickedRows[k] = dataRows[i];
            if (pickedLines != null) {
                pickedLines[k] = lines[i];
            }
        }
        TextColumn[] picked = new TextColumn[m];
        for (int j = 0; j < m; j++) {
            picked[j] = cells[j].select(rowIndex);
        }
        return new Table(source, names, picked, rowIndex.length, pickedRows, pickedLines);
    }

    /** A new table without the named columns. */
    public Table dropColumns(String... drop) {
        return dropColumns(Arrays.asList(drop));
    }

    /**
     * A new table without the named columns (repeats allowed).
     *
     * @throws IllegalArgumentException naming the first column that does not exist
     */
    public Table dropColumns(Collection<String> drop) {
        Set<String> gone = new LinkedHashSet<>(drop);
        for (String name : gone) {
            if (!hasColumn(name)) {
                throw new IllegalArgumentException("cannot drop column '" + name + "': " + describe()
                        + " has no such column (columns: " + listColumns() + ")");
            }
        }
        List<String> kept = new ArrayList<>();
        List<TextColumn> keptCells = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
            if (!gone.contains(names.get(j))) {
                kept.add(names.get(j));
                keptCells.add(cells[j]);
            }
        }
        return new Table(source, kept, keptCells.toArray(new TextColumn[0]), rows, dataRows, lines);
    }

    /**
     * SHA-256 (lower-case hex) of the content: column count, row count, the names, then the cells row by
     * row, each string as its UTF-8 length followed by its bytes. The source file name is not included,
     * so the same data read from two paths has the same fingerprint.
     */
    public String fingerprint() {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
        sha.update(intBytes(names.size()));
        sha.update(intBytes(rows));
        for (String name : names) {
            updateString(sha, name);
        }
        byte[] buffer = new byte[1 << 16];
        int used = 0;
        for (int i = 0; i < rows; i++) {
            for (TextColumn column : cells) {
                used = column.digest(sha, i, buffer, used);
            }
        }
        sha.update(buffer, 0, used);
        StringBuilder hex = new StringBuilder(64);
        for (byte b : sha.digest()) {
            hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return hex.toString();
    }

    /** The source file for messages: its name, or "the table" when built in memory. */
    public String describe() {
        return source.isEmpty() ? "the table" : source;
    }

    /** Where a row is, for messages: {@code "f.csv line 7 (row 6)"} or {@code "row 6"}. */
    public String locate(int row) {
        String at = lines == null ? "row " + dataRows[row] : "line " + lines[row] + " (row " + dataRows[row] + ")";
        return prefix(source) + at;
    }

    /** Column names for messages, shortened to the first few when there are many. */
    public String listColumns() {
        return Listing.shorten(names, LISTED_COLUMNS, ", ");
    }

    /** Column names not present in this table, in the given order. */
    public List<String> absent(Collection<String> wanted) {
        Set<String> seen = new HashSet<>();
        List<String> out = new ArrayList<>();
        for (String name : wanted) {
            if (!hasColumn(name) && seen.add(name)) {
                out.add(name);
            }
        }
        return out;
    }

    private static String prefix(String source) {
        return source.isEmpty() ? "" : source + " ";
    }

    private static byte[] intBytes(int v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    private static void updateString(MessageDigest sha, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        sha.update(intBytes(bytes.length));
        sha.update(bytes);
    }
}
