package org.featurelab.table;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a CSV file into a {@link Table}: with FastCSV when the file holds no quote character (5–8× faster on numeric
 * files, docs/dependencies.md), else with Apache Commons CSV.
 *
 * <p>Format: RFC 4180 (comma separator, double-quoted fields that may hold commas, quotes doubled
 * inside quotes, line breaks inside quotes), UTF-8 with an optional byte-order mark, {@code \n} or
 * {@code \r\n} line ends. The first record is the header. Whitespace around fields is trimmed; empty and
 * blank lines (anywhere, including trailing) are ignored.
 *
 * <p>Errors, as {@link IllegalArgumentException} with one sentence: missing file, a directory, an empty
 * file, a header without data rows, a row with a different number of fields than the header (with its
 * line number), duplicate or empty column names, malformed quoting.
 */
final class CsvReader {
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setTrim(true)
            .setIgnoreSurroundingSpaces(true)
            .setIgnoreEmptyLines(true)
            .build();

    private CsvReader() {
    }

    static Table read(Path path) {
        return read(path, true);
    }

    /**
     * Reads {@code path}; a file without a quote character goes through FastCSV when {@code fastUnquoted} (the same
     * table and the same errors as Commons CSV: without quotes RFC 4180 is fields between commas, and both trim the
     * same way here — tested on one file through both), anything else through Commons CSV.
     */
    static Table read(Path path, boolean fastUnquoted) {
        String name = path.toString();
        String text = readText(path, name);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        Table.Builder table = fastUnquoted && text.indexOf('"') < 0 ? readUnquoted(name, text) : readQuoted(name, text);
        if (table == null) {
            throw new IllegalArgumentException(name + " is empty: expected a header row of column names");
        }
        if (table.rows() == 0) {
            throw new IllegalArgumentException(name + " has a header but no data rows");
        }
        return table.build(true);
    }

    /** Commons CSV, for files with quoted fields: trimmed fields, spaces around quotes ignored. */
    private static Table.Builder readQuoted(String name, String text) {
        LineIndex lineIndex = new LineIndex(text);
        Table.Builder table = null;
        try (CSVParser parser = FORMAT.parse(new StringReader(text))) {
            for (CSVRecord record : parser) {
                if (record.size() == 1 && record.get(0).isEmpty()) {
                    continue; // a line of blanks only
                }
                String[] fields = record.values();
                if (table == null) {
                    // rows are added as they are parsed: only the compact columns stay, no String per cell
                    table = new Table.Builder(name, Arrays.asList(fields), text.length());
                } else {
                    table.add(fields, lineIndex.lineOf(record.getCharacterPosition()));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            String why = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause().getMessage()
                    : e.getMessage();
            throw new IllegalArgumentException(name + " is not valid CSV: " + why, e);
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(name + " is not valid CSV: " + e.getMessage(), e);
        }
        return table;
    }

    /**
     * FastCSV, for files without a quote character (most numeric files): records are lines, fields the text between
     * commas, handed over as character ranges ({@link FieldRanges}: no string a field); blank lines are skipped and the
     * fields are stripped by {@link Table.Builder#add(FieldRanges, int)} as on the other path.
     */
    private static Table.Builder readUnquoted(String name, String text) {
        Table.Builder table = null;
        try (de.siegmar.fastcsv.reader.CsvReader<FieldRanges> reader = de.siegmar.fastcsv.reader.CsvReader.builder()
                .skipEmptyLines(true).ignoreDifferentFieldCount(true).build(new FieldRanges(), text)) {
            for (FieldRanges record : reader) {   // the same object every time, holding the current record
                if (record.isBlankLine()) {
                    continue; // a line of blanks only
                }
                if (table == null) {
                    table = new Table.Builder(name, record.strings(), text.length());
                } else {
                    table.add(record, (int) Math.min(Integer.MAX_VALUE, record.line()));
                }
            }
        } catch (IOException | UncheckedIOException | de.siegmar.fastcsv.reader.CsvParseException e) {
            throw new IllegalArgumentException(name + " is not valid CSV: " + e.getMessage(), e);
        }
        return table;
    }

    private static String readText(Path path, String name) {
        if (!Files.exists(path)) {
            throw new IllegalArgumentException("no such file: " + name);
        }
        if (Files.isDirectory(path)) {
            throw new IllegalArgumentException("not a file but a directory: " + name);
        }
        try {
            // decoding with replacement: a stray non-UTF-8 byte becomes U+FFFD instead of failing the read
            return new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such file: " + name, e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    /** Maps a character offset to its 1-based line, skipping the blank lines a record's offset may precede. */
    private static final class LineIndex {
        private final String text;
        private final int[] breaks;

        LineIndex(String text) {
            this.text = text;
            int count = 0;
            int[] found = new int[16];
            for (int k = 0; k < text.length(); k++) {
                char c = text.charAt(k);
                if (c == '\n' || (c == '\r' && (k + 1 == text.length() || text.charAt(k + 1) != '\n'))) {
                    if (count == found.length) {
                        found = Arrays.copyOf(found, 2 * count);
                    }
                    found[count++] = k;
                }
            }
            this.breaks = Arrays.copyOf(found, count);
        }

        int lineOf(long position) {
            int k = (int) Math.min(position, text.length());
            while (k < text.length() && Character.isWhitespace(text.charAt(k))) {
                k++;
            }
            int at = Arrays.binarySearch(breaks, k);
            int before = at >= 0 ? at : -at - 1;
            return before + 1;
        }
    }
}
