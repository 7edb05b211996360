package org.featurelab.benchmark;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The incremental {@code results.csv} of {@code featurelab benchmark uci|csv}: one {@link UnitResult} line per finished
 * (dataset, fold, model), appended and flushed as soon as the unit finishes, so that an interrupted run can resume.
 *
 * <p>Each {@link #append} writes one complete line with a single write call. On {@link #open}, whatever follows the
 * last newline (a line cut short by a kill) is truncated away; every complete line must parse, or the file is
 * rejected with its line number. A missing or empty file gets the header.
 */
public final class ResultsFile {
    /** The columns, in order. */
    public static final List<String> HEADER = List.of("dataset", "fold", "model", "hyperparameters",
            "validation_score", "test_score", "seconds");

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build();

    private final Path file;
    private final List<UnitResult> existing;
    private final boolean droppedPartialLine;

    private ResultsFile(Path file, List<UnitResult> existing, boolean droppedPartialLine) {
        this.file = file;
        this.existing = existing;
        this.droppedPartialLine = droppedPartialLine;
    }

    /** Opens (creating it when missing) a results file, dropping a partially written last line. */
    public static ResultsFile open(Path file) {
        try {
            boolean dropped = false;
            if (!Files.exists(file)) {
                Files.writeString(file, line(HEADER), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            }
            byte[] bytes = Files.readAllBytes(file);
            int end = bytes.length;
            while (end > 0 && bytes[end - 1] != '\n') {
                end--;
            }
            if (end < bytes.length) {
                dropped = true;
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    channel.truncate(end);
                    channel.force(true);
                }
            }
            if (end == 0) {
                Files.writeString(file, line(HEADER), StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
                return new ResultsFile(file, List.of(), dropped);
            }
            String text = new String(bytes, 0, end, StandardCharsets.UTF_8);
            return new ResultsFile(file, parse(file, text), dropped);
        } catch (IOException e) {
            throw new UncheckedIOException("benchmark: cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    /** The rows already in the file when it was opened, in file order. */
    public List<UnitResult> existing() {
        return existing;
    }

    /** Whether {@link #open} cut off a partially written last line. */
    public boolean droppedPartialLine() {
        return droppedPartialLine;
    }

    /** Appends one row as one complete line and flushes it to the file. */
    public void append(UnitResult r) {
        String text = line(List.of(r.dataset(), Integer.toString(r.fold()), r.model(), r.hyperparameters(),
                Double.toString(r.validationScore()), Double.toString(r.testScore()),
                String.format(Locale.ROOT, "%.3f", r.seconds())));
        try {
            Files.write(file, text.getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("benchmark: cannot append to " + file + ": " + e.getMessage(), e);
        }
    }

    /** One CSV line, terminated by a newline. */
    static String line(List<String> cells) {
        return FORMAT.format(cells.toArray()) + "\n";
    }

    private static List<UnitResult> parse(Path file, String text) throws IOException {
        List<UnitResult> rows = new ArrayList<>();
        try (CSVParser parser = FORMAT.parse(new StringReader(text))) {
            boolean first = true;
            for (CSVRecord record : parser) {
                List<String> cells = record.toList();
                if (first) {
                    if (!cells.equals(HEADER)) {
                        throw new IllegalArgumentException(file + " is not a results file of featurelab benchmark: header is "
                                + String.join(",", cells) + ", expected " + String.join(",", HEADER));
                    }
                    first = false;
                    continue;
                }
                long lineNumber = record.getRecordNumber();
                if (cells.size() != HEADER.size()) {
                    throw new IllegalArgumentException(file + " record " + lineNumber + " has " + cells.size()
                            + " fields, expected " + HEADER.size());
                }
                try {
                    rows.add(new UnitResult(cells.get(0), Integer.parseInt(cells.get(1)), cells.get(2), cells.get(3),
                            Double.parseDouble(cells.get(4)), Double.parseDouble(cells.get(5)), Double.parseDouble(cells.get(6))));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(file + " record " + lineNumber + ": " + String.join(",", cells)
                            + " has a malformed number (" + e.getMessage() + ")");
                }
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new IllegalArgumentException(file + " is not valid CSV: " + e.getMessage());
        }
        return rows;
    }
}
