package org.featurelab.benchmark;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.featurelab.base.Task;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The dataset list of {@code featurelab benchmark csv}: a tab-separated file with the header
 * {@code file	target	task	drop} and one line per dataset.
 * <ul>
 *   <li>{@code file}: a CSV with a header row, relative to the manifest's folder (or absolute);</li>
 *   <li>{@code target}: the target column;</li>
 *   <li>{@code task}: {@code classification} or {@code regression};</li>
 *   <li>{@code drop}: columns to leave out, comma-separated; may be empty (or the cell absent).</li>
 * </ul>
 * A dataset is named after its file without the extension ({@code data/iris.csv} → {@code iris}); when two lines share
 * that name, both are named by their {@code file} cell without the extension ({@code a/data}, {@code b/data}).
 *
 * <p>Only the manifest's structure is checked here: a missing manifest, a wrong header, a wrong number of cells, an
 * empty file or target, an unknown task, or two lines with the same dataset name are {@link IllegalArgumentException}s
 * naming the manifest and the line. Whether the CSV exists, can be read and has the columns is checked when the
 * dataset is loaded during the run: such a failure is recorded for that dataset (failures.csv) and the run goes on.
 *
 * @param file    the manifest file
 * @param entries the datasets, in file order
 */
public record CsvManifest(Path file, List<Entry> entries) {
    /** The header, exactly. */
    public static final List<String> HEADER = List.of("file", "target", "task", "drop");

    private static final CSVFormat FORMAT = CSVFormat.TDF.builder().setIgnoreEmptyLines(true).build();

    public CsvManifest {
        entries = List.copyOf(entries);
    }

    /**
     * One dataset of the manifest.
     *
     * @param name   unique dataset name used in the outputs
     * @param path   the CSV file, resolved against the manifest's folder
     * @param target target column
     * @param task   classification or regression
     * @param drop   columns to leave out (possibly empty)
     * @param line   1-based line of the manifest, for messages
     */
    public record Entry(String name, Path path, String target, Task task, List<String> drop, int line) {
        public Entry {
            drop = List.copyOf(drop);
        }
    }

    /** The dataset names, in manifest order. */
    public List<String> names() {
        return entries.stream().map(Entry::name).toList();
    }

    /** The entry of a dataset name. */
    public Entry entry(String name) {
        return entries.stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(file + ": no dataset '" + name + "'"));
    }

    /** Reads and checks a manifest; see the class comment for the format and the errors. */
    public static CsvManifest read(Path manifest) {
        if (!Files.isRegularFile(manifest)) {
            throw new IllegalArgumentException("manifest " + manifest + " not found");
        }
        String text;
        try {
            text = Files.readString(manifest, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("manifest " + manifest + ": cannot read: " + e.getMessage(), e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        Path folder = manifest.toAbsolutePath().getParent();
        List<String[]> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        try (CSVParser parser = FORMAT.parse(new StringReader(text))) {
            for (CSVRecord r : parser) {
                rows.add(r.values());
                lines.add(lineOf(text, r.getCharacterPosition()));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new IllegalArgumentException("manifest " + manifest + " is not valid tab-separated text: "
                    + e.getMessage());
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("manifest " + manifest + " is empty; expected the header "
                    + String.join("<TAB>", HEADER));
        }
        List<String> header = Arrays.stream(rows.get(0)).map(String::strip).toList();
        if (!header.equals(HEADER)) {
            throw new IllegalArgumentException("manifest " + manifest + " line " + lines.get(0) + ": header is '"
                    + String.join("<TAB>", header) + "', expected '" + String.join("<TAB>", HEADER) + "'");
        }
        List<String[]> cells = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            String[] row = rows.get(i);
            String at = "manifest " + manifest + " line " + lines.get(i) + ": ";
            if (row.length != 3 && row.length != 4) {
                throw new IllegalArgumentException(at + "has " + row.length + " tab-separated cells, expected 4 ("
                        + String.join(", ", HEADER) + ")");
            }
            String file = row[0].strip();
            String target = row[1].strip();
            if (file.isEmpty()) {
                throw new IllegalArgumentException(at + "empty file");
            }
            if (target.isEmpty()) {
                throw new IllegalArgumentException(at + "empty target for " + file);
            }
            String task = row[2].strip().toLowerCase(Locale.ROOT);
            if (!task.equals("classification") && !task.equals("regression")) {
                throw new IllegalArgumentException(at + "unknown task '" + row[2].strip()
                        + "' (expected classification or regression)");
            }
            cells.add(row);
        }
        if (cells.isEmpty()) {
            throw new IllegalArgumentException("manifest " + manifest + " lists no datasets");
        }
        List<String> names = names(cells);
        Map<String, Integer> seen = new HashMap<>();
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            String[] row = cells.get(i);
            int line = lines.get(i + 1);
            Integer previous = seen.putIfAbsent(names.get(i), line);
            if (previous != null) {
                throw new IllegalArgumentException("manifest " + manifest + " line " + line + ": duplicate dataset name '"
                        + names.get(i) + "' (also on line " + previous + ")");
            }
            List<String> drop = row.length < 4 ? List.of()
                    : Arrays.stream(row[3].split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            entries.add(new Entry(names.get(i), folder.resolve(row[0].strip()).normalize(), row[1].strip(),
                    Task.parse(row[2]), drop, line));
        }
        return new CsvManifest(manifest, entries);
    }

    /** File name without extension, or the whole file cell without extension where file names collide. */
    private static List<String> names(List<String[]> cells) {
        List<String> base = cells.stream().map(r -> stripExtension(Path.of(r[0].strip()).getFileName().toString())).toList();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            String b = base.get(i);
            boolean collides = base.stream().filter(b::equals).count() > 1;
            out.add(collides ? stripExtension(cells.get(i)[0].strip().replace('\\', '/')) : b);
        }
        return out;
    }

    private static String stripExtension(String s) {
        int slash = s.lastIndexOf('/');
        int dot = s.lastIndexOf('.');
        return dot > slash + 1 ? s.substring(0, dot) : s;
    }

    /** 1-based line of a record starting at a character position (skipped empty lines before it are counted). */
    private static int lineOf(String text, long start) {
        long position = start;
        while (position < text.length() && (text.charAt((int) position) == '\n' || text.charAt((int) position) == '\r')) {
            position++;
        }
        int line = 1;
        for (int k = 0; k < position && k < text.length(); k++) {
            if (text.charAt(k) == '\n') {
                line++;
            }
        }
        return line;
    }
}
