package org.featurelab.experiment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.featurelab.io.AtomicFiles;
import org.featurelab.io.Json;
import org.featurelab.report.HtmlReport;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The outputs of one {@code featurelab experiment NAME} run, collected in memory and written at the end:
 * <ul>
 *   <li>{@code summary.json}: the headline numbers ({@link #summary()}), plus {@code experiment}, {@code config} and
 *       {@code seconds};</li>
 *   <li>{@code metrics.csv}: tidy rows {@code run,step,metric,value} (run = method or configuration, step =
 *       iteration, epoch or sweep value);</li>
 *   <li>one PNG per plot and {@code index.html} showing the claim, the summary table and every plot.</li>
 * </ul>
 * Every file is written atomically (temp file + rename), so an interrupted run leaves no partial file.
 */
public final class ExperimentReport {
    /** One plot: file name (…png), caption, PNG bytes. */
    public record Plot(String file, String caption, byte[] png) {
    }

    private final String name;
    private final String claim;
    private final ObjectNode summary = Json.object();
    private final ObjectNode config = Json.object();
    private final List<String[]> metrics = new ArrayList<>();
    private final List<Plot> plots = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private List<String> tableHeader = List.of();
    private final List<List<String>> tableRows = new ArrayList<>();

    /**
     * @param name  experiment name, e.g. {@code grokking}
     * @param claim the published claim being reproduced, one or two sentences
     */
    public ExperimentReport(String name, String claim) {
        this.name = name;
        this.claim = claim;
    }

    public String name() {
        return name;
    }

    /** The headline numbers; experiments put their keys here. */
    public ObjectNode summary() {
        return summary;
    }

    /** The configuration actually run (written into summary.json under {@code config}). */
    public ObjectNode config() {
        return config;
    }

    /** Adds one tidy metrics row. */
    public void metric(String run, double step, String metric, double value) {
        metrics.add(new String[]{run, step == Math.rint(step) && Math.abs(step) < 1e15 ? Long.toString((long) step)
                : Double.toString(step), metric, Double.toString(value)});
    }

    /** Adds a plot. */
    public void plot(String file, String caption, byte[] png) {
        if (!file.endsWith(".png") || file.contains("/")) {
            throw new IllegalArgumentException("plot file must be a plain *.png name, got " + file);
        }
        plots.add(new Plot(file, caption, png));
    }

    /** Adds a paragraph of explanation for index.html. */
    public void note(String text) {
        notes.add(text);
    }

    /** Sets the results table shown on index.html. */
    public void table(List<String> header, List<List<String>> rows) {
        tableHeader = List.copyOf(header);
        tableRows.clear();
        tableRows.addAll(rows);
    }

    public List<Plot> plots() {
        return List.copyOf(plots);
    }

    /** Writes summary.json, metrics.csv, the PNGs and index.html into {@code dir} (created if needed). */
    public void write(Path dir, double seconds) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        ObjectNode json = Json.object();
        json.put("experiment", name);
        json.set("config", config);
        json.setAll(summary);
        json.put("seconds", seconds);
        Json.writeAtomically(dir.resolve("summary.json"), json);
        AtomicFiles.write(dir.resolve("metrics.csv"), temp -> {
            try (BufferedWriter w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
                 CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build())) {
                csv.printRecord("run", "step", "metric", "value");
                for (String[] row : metrics) {
                    csv.printRecord((Object[]) row);
                }
            }
        });
        for (Plot p : plots) {
            AtomicFiles.writeBytes(dir.resolve(p.file()), p.png());
        }
        HtmlReport html = new HtmlReport().title("featurelab experiment " + name);
        html.paragraph(claim);
        notes.forEach(html::paragraph);
        if (!tableHeader.isEmpty()) {
            html.table(tableHeader, tableRows);
        }
        html.paragraph(String.format(java.util.Locale.ROOT, "Wall time %.1f s. Files: summary.json, metrics.csv and the PNGs below.", seconds));
        for (Plot p : plots) {
            html.image(p.caption() + " (" + p.file() + ")", p.png());
        }
        html.preformatted(Json.toPrettyString(json));
        try {
            html.writeTo(dir.resolve("index.html"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve("index.html") + ": " + e.getMessage(), e);
        }
    }
}
