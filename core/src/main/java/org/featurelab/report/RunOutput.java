package org.featurelab.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.featurelab.io.AtomicFiles;
import org.featurelab.io.Digests;
import org.featurelab.io.IOConsumer;
import org.featurelab.io.Json;
import org.featurelab.io.Provenance;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The one writer of a run directory, shared by {@code featurelab train}, {@code featurelab experiment} and
 * {@code featurelab benchmark}: collect the run's numbers in memory, then {@link #writeTo} writes
 * <ul>
 *   <li>{@value #SUMMARY}: {@code {"formatVersion": 1, "kind", "name", "seed", "config": {...}, "summary":
 *       {headline numbers}, "seconds"}} — seed and config are the provenance's;</li>
 *   <li>{@value #METRICS} (only when rows were added): the tidy schema {@code run,step,metric,value} — run = method,
 *       configuration or layer, step = iteration, epoch, training step or sweep value (an integer when integral, else
 *       {@link Double#toString}), value in {@link Double#toString} form ({@code NaN} when undefined);</li>
 *   <li>the PNG plots, the extra files ({@link #file}) and, when a page {@link #title} was set, {@value #INDEX}
 *       (the page blocks in the order added, the plots, the files and the provenance, the summary.json text);</li>
 *   <li>{@value #MANIFEST}, last: {@code {"format": "featurelab-run", "formatVersion": 1, "kind", "name",
 *       "provenance": {...} (}{@link Provenance#toJson()}{@code : library version, date, seed, data fingerprint,
 *       configuration, command line, Java, OS, BLAS), "inputs": [{"role", "path", "bytes", "sha256"}], "files":
 *       [{"name", "bytes", "sha256"}]}} — every input file with its SHA-256, every file of the run (those written
 *       here and those listed with {@link #existingFile}) with its size and SHA-256.</li>
 * </ul>
 *
 * <p>Atomicity: {@link #writeTo} first renders every in-memory file (JSON, CSV, HTML, PNG checks) and hashes the
 * inputs; an exception there leaves no file and no directory. Only then does it create the directory, delete a
 * previous {@value #MANIFEST}, write each file by temp file + rename ({@link AtomicFiles}) and the manifest last; if a
 * write fails, the files this call wrote are deleted again (and the directory, when this call created it and it is
 * empty). So a directory holding a {@value #MANIFEST} holds a complete run, whose files match the listed hashes;
 * files of an earlier run that this one does not write are left alone and are not listed. Not thread-safe.
 */
public final class RunOutput {
    /** The manifest's {@code format}. */
    public static final String FORMAT = "featurelab-run";
    /** The {@code formatVersion} of manifest.json and summary.json. */
    public static final int FORMAT_VERSION = 1;
    public static final String MANIFEST = "manifest.json";
    public static final String SUMMARY = "summary.json";
    public static final String METRICS = "metrics.csv";
    public static final String INDEX = "index.html";
    /** The header of {@value #METRICS}. */
    public static final List<String> METRICS_HEADER = List.of("run", "step", "metric", "value");

    /** What produced the run (the manifest's and summary's {@code kind}). */
    public enum Kind {
        TRAIN, DIAGNOSE, EXPERIMENT, BENCHMARK;

        /** The lower-case name written to the files. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * An input file of the run, recorded in the manifest with its size and SHA-256.
     *
     * @param role what the file is to the run, e.g. {@code --data} or {@code dataset iris}
     * @param path the file; recorded as an absolute, normalised path
     */
    public record Input(String role, Path path) {
        public Input {
            requireText(role, "input role");
            Objects.requireNonNull(path, "input path");
        }
    }

    /** One plot: a plain {@code *.png} file name, a caption for the page, the PNG bytes. */
    private record Plot(String file, String caption, byte[] png) {
    }

    private final Kind kind;
    private final String name;
    private final Provenance provenance;
    private final ObjectNode summary = Json.object();
    private double seconds = Double.NaN;
    private String title;
    private final List<Input> inputs = new ArrayList<>();
    private final List<String[]> metrics = new ArrayList<>();
    private final List<Consumer<HtmlReport>> blocks = new ArrayList<>();
    private final List<Plot> plots = new ArrayList<>();
    private final Map<String, byte[]> byteFiles = new LinkedHashMap<>();
    private final Map<String, IOConsumer<Path>> writtenFiles = new LinkedHashMap<>();
    private final List<String> existingFiles = new ArrayList<>();
    private final Set<String> names = new HashSet<>(List.of(MANIFEST, SUMMARY, METRICS, INDEX));

    /**
     * @param kind       what produced the run
     * @param name       the run's name within its kind, e.g. the experiment's ({@code grokking}) or {@code uci}
     * @param provenance where the run came from; its seed and configuration are the summary's {@code seed} and
     *                   {@code config}
     */
    public RunOutput(Kind kind, String name, Provenance provenance) {
        this.kind = Objects.requireNonNull(kind, "kind");
        requireText(name, "name");
        this.name = name;
        this.provenance = Objects.requireNonNull(provenance, "provenance");
    }

    public Kind kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    public Provenance provenance() {
        return provenance;
    }

    /** The headline numbers (summary.json {@code summary}); callers put their keys here. */
    public ObjectNode summary() {
        return summary;
    }

    /** Sets the run's wall time in seconds (summary.json {@code seconds}); required before {@link #writeTo}. */
    public RunOutput seconds(double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("run output: seconds must be finite and ≥ 0, got " + value);
        }
        this.seconds = value;
        return this;
    }

    /** Records an input file (hashed when the run is written). */
    public RunOutput input(String role, Path file) {
        inputs.add(new Input(role, file));
        return this;
    }

    /** Adds one tidy {@value #METRICS} row; see the class comment for the formats. */
    public RunOutput metric(String run, double step, String metric, double value) {
        requireText(run, "metric run");
        requireText(metric, "metric name");
        metrics.add(new String[] {run, formatStep(step), metric, Double.toString(value)});
        return this;
    }

    /** The number of metric rows added so far. */
    public int metricRows() {
        return metrics.size();
    }

    /** Sets the page title; with a title, {@link #writeTo} writes {@value #INDEX}. */
    public RunOutput title(String text) {
        requireText(text, "title");
        this.title = text;
        return this;
    }

    /** Adds a paragraph to the page. */
    public RunOutput paragraph(String text) {
        blocks.add(page -> page.paragraph(text));
        return this;
    }

    /** Adds a section heading to the page. */
    public RunOutput heading(String text) {
        blocks.add(page -> page.heading(text));
        return this;
    }

    /** Adds a table to the page; see {@link HtmlReport#table}. */
    public RunOutput table(List<String> header, List<List<String>> rows) {
        List<String> h = List.copyOf(header);
        List<List<String>> r = rows.stream().map(List::copyOf).toList();
        blocks.add(page -> page.table(h, r));
        return this;
    }

    /** Adds a link to the page (a path relative to the run directory, or a URL). */
    public RunOutput link(String text, String href) {
        blocks.add(page -> page.link(text, href));
        return this;
    }

    /**
     * Adds a plot, written as {@code file} and shown on the page under {@code caption (file)}.
     *
     * @throws IllegalArgumentException unless {@code file} is a plain, unused {@code *.png} name
     */
    public RunOutput plot(String file, String caption, byte[] png) {
        if (!file.endsWith(".png")) {
            throw new IllegalArgumentException("plot file must be a plain *.png name, got " + file);
        }
        claim(file);
        plots.add(new Plot(file, caption, Objects.requireNonNull(png, "png").clone()));
        return this;
    }

    /** The number of plots added so far. */
    public int plotCount() {
        return plots.size();
    }

    /** Adds another file of the run with the given content. */
    public RunOutput file(String file, byte[] content) {
        claim(file);
        byteFiles.put(file, Objects.requireNonNull(content, "content").clone());
        return this;
    }

    /**
     * Adds another file of the run written by {@code writerToTemp} into a temporary file when the run is written
     * (after every in-memory file, before the manifest), then renamed into place.
     */
    public RunOutput file(String file, IOConsumer<Path> writerToTemp) {
        claim(file);
        writtenFiles.put(file, Objects.requireNonNull(writerToTemp, "writerToTemp"));
        return this;
    }

    /**
     * Lists a file of the run that was written before {@link #writeTo} (e.g. a results file appended unit by unit):
     * it must exist in the run directory then, is hashed into the manifest and is not written here.
     */
    public RunOutput existingFile(String file) {
        claim(file);
        existingFiles.add(file);
        return this;
    }

    /** The summary.json object described on the class. */
    public ObjectNode summaryJson() {
        ObjectNode o = Json.object();
        o.put("formatVersion", FORMAT_VERSION);
        o.put("kind", kind.label());
        o.put("name", name);
        o.put("seed", provenance.seed());
        o.set("config", provenance.configuration());
        o.set("summary", summary.deepCopy());
        o.put("seconds", seconds);
        return o;
    }

    /**
     * Writes the run into {@code dir} (created if needed) as described on the class.
     *
     * @return the names of the files of the run, in manifest order, then {@value #MANIFEST}
     * @throws IllegalStateException    when {@link #seconds} was not set
     * @throws IllegalArgumentException when a plot is not a PNG, an input or listed file is missing, or a file
     *                                  cannot be rendered; nothing is written then
     * @throws UncheckedIOException     when a file cannot be written; the files written by this call are removed
     */
    public List<String> writeTo(Path dir) {
        if (Double.isNaN(seconds)) {
            throw new IllegalStateException("run output " + name + ": seconds not set");
        }
        // 1. render everything that lives in memory; nothing touches the disk yet
        Map<String, byte[]> rendered = new LinkedHashMap<>();
        rendered.put(SUMMARY, Json.toBytes(summaryJson()));
        if (!metrics.isEmpty()) {
            rendered.put(METRICS, metricsCsv());
        }
        for (Plot p : plots) {
            if (!Png.isPng(p.png())) {
                throw new IllegalArgumentException("plot " + p.file() + ": bytes are not a PNG");
            }
            rendered.put(p.file(), p.png());
        }
        rendered.putAll(byteFiles);
        List<String> fileNames = new ArrayList<>(existingFiles);
        fileNames.addAll(rendered.keySet());
        fileNames.addAll(writtenFiles.keySet());
        if (title != null) {
            fileNames.add(INDEX);
            rendered.put(INDEX, page(fileNames).render().getBytes(StandardCharsets.UTF_8));
        }
        ArrayNode inputJson = Json.mapper().createArrayNode();
        for (Input in : inputs) {
            Path p = in.path().toAbsolutePath().normalize();
            if (!Files.isRegularFile(p)) {
                throw new IllegalArgumentException("run output " + name + ": input " + in.role() + " " + p
                        + " is not a file");
            }
            inputJson.addObject().put("role", in.role()).put("path", p.toString()).put("bytes", size(p))
                    .put("sha256", Digests.sha256Hex(p));
        }
        for (String f : existingFiles) {
            if (!Files.isRegularFile(dir.resolve(f))) {
                throw new IllegalArgumentException("run output " + name + ": " + dir.resolve(f) + " does not exist");
            }
        }
        // 2. write: manifest removed first, every file atomically, the manifest last
        boolean created = !Files.isDirectory(dir);
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(dir.resolve(MANIFEST));
            ArrayNode files = Json.mapper().createArrayNode();
            for (String f : existingFiles) {
                Path p = dir.resolve(f);
                files.addObject().put("name", f).put("bytes", size(p)).put("sha256", Digests.sha256Hex(p));
            }
            for (Map.Entry<String, byte[]> e : rendered.entrySet()) {
                if (e.getKey().equals(INDEX)) {
                    continue; // the page comes after the written files, as listed on it
                }
                write(dir, e.getKey(), e.getValue(), written, files);
            }
            for (Map.Entry<String, IOConsumer<Path>> e : writtenFiles.entrySet()) {
                Path p = dir.resolve(e.getKey());
                AtomicFiles.write(p, e.getValue());
                written.add(p);
                files.addObject().put("name", e.getKey()).put("bytes", size(p)).put("sha256", Digests.sha256Hex(p));
            }
            if (rendered.containsKey(INDEX)) {
                write(dir, INDEX, rendered.get(INDEX), written, files);
            }
            ObjectNode manifest = manifestJson(inputJson, files);
            AtomicFiles.writeBytes(dir.resolve(MANIFEST), Json.toBytes(manifest));
            List<String> out = new ArrayList<>();
            files.forEach(f -> out.add(f.get("name").asText()));
            out.add(MANIFEST);
            return out;
        } catch (IOException | RuntimeException e) {
            for (Path p : written) {
                deleteQuietly(p);
            }
            if (created) {
                deleteQuietly(dir); // only succeeds when empty
            }
            if (e instanceof IOException io) {
                throw new UncheckedIOException("cannot write " + dir + ": " + io.getMessage(), io);
            }
            throw (RuntimeException) e;
        }
    }

    private ObjectNode manifestJson(ArrayNode inputJson, ArrayNode files) {
        ObjectNode m = Json.object();
        m.put("format", FORMAT);
        m.put("formatVersion", FORMAT_VERSION);
        m.put("kind", kind.label());
        m.put("name", name);
        m.set("provenance", provenance.toJson());
        m.set("inputs", inputJson);
        m.set("files", files);
        return m;
    }

    private static void write(Path dir, String file, byte[] bytes, List<Path> written, ArrayNode files) {
        Path p = dir.resolve(file);
        AtomicFiles.writeBytes(p, bytes);
        written.add(p);
        files.addObject().put("name", file).put("bytes", bytes.length).put("sha256", Digests.sha256Hex(bytes));
    }

    private byte[] metricsCsv() {
        StringWriter w = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build())) {
            csv.printRecord(METRICS_HEADER);
            for (String[] row : metrics) {
                csv.printRecord((Object[]) row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return w.toString().getBytes(StandardCharsets.UTF_8);
    }

    private HtmlReport page(List<String> fileNames) {
        HtmlReport page = new HtmlReport().title(title);
        blocks.forEach(b -> b.accept(page));
        for (Plot p : plots) {
            page.image(p.caption() + " (" + p.file() + ")", p.png());
        }
        page.heading("Run");
        page.paragraph(String.format(Locale.ROOT, "Wall time %.1f s. Files: %s and %s (every file with its SHA-256, "
                + "the inputs and the provenance).", seconds, String.join(", ", fileNames), MANIFEST));
        page.preformatted(provenance.commandLine() + "\nfeaturelab " + provenance.libraryVersion() + ", "
                + provenance.createdAt() + ", seed " + provenance.seed() + "\nJava " + provenance.javaVersion() + ", "
                + provenance.os() + ", " + provenance.nativeBlas());
        page.preformatted(Json.toPrettyString(summaryJson()));
        return page;
    }

    private void claim(String file) {
        requireText(file, "file name");
        if (file.contains("/") || file.contains("\\") || file.startsWith(".")) {
            throw new IllegalArgumentException("run output: '" + file + "' is not a plain file name");
        }
        if (!names.add(file)) {
            throw new IllegalArgumentException("run output: file " + file + " is already part of the run");
        }
    }

    private static String formatStep(double step) {
        return step == Math.rint(step) && Math.abs(step) < 1e15 ? Long.toString((long) step) : Double.toString(step);
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // best effort: the original failure is the one worth reporting
        }
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("run output: " + what + " is empty");
        }
    }
}
