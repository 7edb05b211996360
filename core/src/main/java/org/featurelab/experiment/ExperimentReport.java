package org.featurelab.experiment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.featurelab.io.Json;
import org.featurelab.io.Provenance;
import org.featurelab.linalg.Blas;
import org.featurelab.report.RunOutput;

import java.util.ArrayList;
import java.util.List;

/**
 * The outputs of one {@code featurelab experiment NAME} run, collected in memory; {@link #output} turns them into the
 * run directory's {@link RunOutput} (kind {@code experiment}, name = the experiment's), which writes
 * <ul>
 *   <li>{@code summary.json}: the headline numbers ({@link #summary()}) under {@code summary}, the configuration
 *       ({@link #config()}) under {@code config}, plus {@code kind}, {@code name}, {@code seed} and {@code seconds};</li>
 *   <li>{@code metrics.csv}: tidy rows {@code run,step,metric,value} (run = method or configuration, step =
 *       iteration, epoch or sweep value);</li>
 *   <li>one PNG per plot, {@code index.html} showing the claim, the notes, the summary table and every plot, and
 *       {@code manifest.json} with the provenance.</li>
 * </ul>
 */
public final class ExperimentReport {
    /** One plot: file name (…png), caption, PNG bytes. */
    public record Plot(String file, String caption, byte[] png) {
    }

    private record Metric(String run, double step, String metric, double value) {
    }

    private final String name;
    private final String claim;
    private final ObjectNode summary = Json.object();
    private final ObjectNode config = Json.object();
    private final List<Metric> metrics = new ArrayList<>();
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

    /** The configuration actually run (summary.json's {@code config}, through the provenance; see {@link #output}). */
    public ObjectNode config() {
        return config;
    }

    /** Adds one tidy metrics row. */
    public void metric(String run, double step, String metric, double value) {
        metrics.add(new Metric(run, step, metric, value));
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

    /**
     * The run directory of this report: the claim and notes, the table and the plots on the page, the metrics and
     * the summary, with the provenance of a run started by {@code commandLine} now on this machine: {@code seed},
     * {@link #config()} as its configuration (summary.json's {@code config}) and {@link Provenance#NO_DATA} as data
     * fingerprint (experiments generate their data from the seed and the configuration).
     *
     * @param commandLine the CLI command line, or {@link Provenance#API}
     * @param seconds     the experiment's wall time
     */
    public RunOutput output(long seed, String commandLine, double seconds) {
        Provenance provenance = Provenance.capture(seed, Provenance.NO_DATA, config, commandLine, Blas.describe());
        RunOutput out = new RunOutput(RunOutput.Kind.EXPERIMENT, name, provenance).seconds(seconds)
                .title("featurelab experiment " + name);
        out.summary().setAll(summary.deepCopy());
        out.paragraph(claim);
        notes.forEach(out::paragraph);
        if (!tableHeader.isEmpty()) {
            out.table(tableHeader, tableRows);
        }
        for (Plot p : plots) {
            out.plot(p.file(), p.caption(), p.png());
        }
        for (Metric m : metrics) {
            out.metric(m.run(), m.step(), m.metric(), m.value());
        }
        return out;
    }
}
