package org.featurelab.cli;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.featurelab.benchmark.BenchmarkRunner;
import org.featurelab.benchmark.BenchmarkSummary;
import org.featurelab.benchmark.ResultsFile;
import org.featurelab.benchmark.UnitResult;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.featurelab.io.AtomicFiles;
import org.featurelab.io.Json;
import org.featurelab.linalg.Blas;
import org.featurelab.report.BenchmarkReport;
import org.featurelab.tabular.ModelKind;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What {@code benchmark uci} and {@code benchmark csv} share: the {@code --models} list (names of the {@link ModelKind}
 * registry), opening OUT/results.csv with the plan line, progress lines, and the closing outputs (failures.csv,
 * summary.md, report.html, manifest.json) with the summary on stdout.
 */
final class BenchmarkOutputs {
    /** Default of {@code --models}: every model of the registry, in its order (the papers' four). */
    static final List<String> DEFAULT_MODELS = ModelKind.ids();

    private BenchmarkOutputs() {
    }

    /**
     * The models of {@code --models} in the given order: each name parsed by {@link ModelKind#parse} (an id or an
     * alias), blank entries skipped.
     *
     * @throws IllegalArgumentException for an unknown name, a model listed twice (also as id and alias) or no model
     */
    static List<ModelKind> parseModels(List<String> texts) {
        Set<ModelKind> plan = new LinkedHashSet<>();
        for (String t : texts) {
            if (t.isBlank()) {
                continue;
            }
            ModelKind k = ModelKind.parse(t);
            if (!plan.add(k)) {
                throw new IllegalArgumentException("--models lists " + k.id() + " twice");
            }
        }
        if (plan.isEmpty()) {
            throw new IllegalArgumentException("--models is empty");
        }
        return List.copyOf(plan);
    }

    /**
     * Creates {@code out} if needed and opens (resumes) its results.csv; unless {@code --quiet}, prints the plan
     * ({@code datasets x folds x models = units; n already in results.csv}) on stderr.
     */
    static ResultsFile openResults(String command, Path out, List<String> datasets, int folds, List<String> models,
                                   CommonOptions common) throws IOException {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IllegalArgumentException("--out " + out + " is a file, not a directory");
        }
        Files.createDirectories(out);
        ResultsFile results = ResultsFile.open(out.resolve("results.csv"));
        if (!common.quiet) {
            long found = results.existing().stream().filter(r -> datasets.contains(r.dataset()) && models.contains(r.model())
                    && r.fold() < folds).count();
            PrintWriter err = common.err();
            err.printf(Locale.ROOT, "%s: %d datasets x %d folds x %d models = %d units; %d already in results.csv%s%n",
                    command, datasets.size(), folds, models.size(), datasets.size() * folds * models.size(), found,
                    results.droppedPartialLine() ? " (a partially written last line was dropped)" : "");
            err.flush();
        }
        return results;
    }

    /**
     * Writes failures.csv, summary.md, report.html and manifest.json (each atomically), then fails with exit 2 when
     * no unit of the plan has a result, else prints the counts and the output folder on stdout.
     */
    static int finish(String command, Path out, BenchmarkSummary.Spec spec, BenchmarkRunner.Outcome outcome,
                      List<String> datasets, List<String> models, double wallSeconds, String reportTitle,
                      String scoreLabel, ObjectNode manifest, CommonOptions common) throws IOException {
        writeFailures(out.resolve("failures.csv"), outcome.failures());
        AtomicFiles.writeString(out.resolve("summary.md"), BenchmarkSummary.markdown(spec, outcome, datasets, models, wallSeconds));
        writeReport(out.resolve("report.html"), reportTitle, scoreLabel, models, outcome.results(), common.commandLine());
        Json.writeAtomically(out.resolve("manifest.json"), manifest);
        int failed = outcome.failures().size();
        if (outcome.results().isEmpty()) {
            throw new IllegalArgumentException(command + ": all " + outcome.total() + " units failed; see "
                    + out.resolve("failures.csv"));
        }
        PrintWriter w = common.out();
        w.printf(Locale.ROOT, "%s: %d of %d units finished (%d resumed from results.csv), %d failed%s; wall time %s%n",
                command, outcome.results().size(), outcome.total(), outcome.skipped(), failed,
                failed > 0 ? " (see failures.csv)" : "", BenchmarkSummary.duration(wallSeconds));
        w.printf("outputs: %s (results.csv, failures.csv, summary.md, report.html, manifest.json)%n",
                out.toAbsolutePath().normalize());
        w.flush();
        return 0;
    }

    /**
     * One stderr line per unit, {@code [done/total] elapsed h:mm:ss, ETA h:mm:ss | dataset fold k model: <score> 0.9733
     * (1.2 s)} or {@code ... : FAILED: message}; nothing with {@code --quiet}.
     */
    static BenchmarkRunner.Listener progress(CommonOptions common, String scoreName) {
        if (common.quiet) {
            return BenchmarkRunner.Listener.NONE;
        }
        PrintWriter err = common.err();
        return p -> {
            String what = p.result() != null
                    ? scoreName + " " + TextTable.fixed(p.result().testScore(), 4)
                    + String.format(Locale.ROOT, " (%.1f s)", p.result().seconds())
                    : "FAILED: " + p.failure().message();
            err.printf(Locale.ROOT, "[%d/%d] elapsed %s, ETA %s | %s fold %d %s: %s%n", p.done(), p.total(),
                    BenchmarkSummary.duration(p.elapsedSeconds()), BenchmarkSummary.duration(p.etaSeconds()),
                    p.unit().dataset(), p.unit().fold(), p.unit().model(), what);
            err.flush();
        };
    }

    /** failures.csv ({@code dataset, fold, model, message}), written atomically; header only when none failed. */
    private static void writeFailures(Path file, List<BenchmarkRunner.Failure> failures) {
        AtomicFiles.write(file, temp -> {
            try (Writer w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
                 CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build())) {
                csv.printRecord("dataset", "fold", "model", "message");
                for (BenchmarkRunner.Failure f : failures) {
                    csv.printRecord(f.dataset(), f.fold(), f.model(), f.message());
                }
            }
        });
    }

    /**
     * report.html ({@link BenchmarkReport}) over the finished units; notes: the command line and the machine.
     *
     * @param models the models in plan order (the first is the reference of the scatter plots)
     */
    private static void writeReport(Path file, String title, String scoreLabel, List<String> models, List<UnitResult> results,
                            String commandLine) throws IOException {
        List<BenchmarkReport.Row> rows = results.stream()
                .map(r -> new BenchmarkReport.Row(r.dataset(), r.fold(), r.model(), r.testScore(), r.seconds())).toList();
        BenchmarkReport.write(file, new BenchmarkReport.Spec(title, scoreLabel, models), rows,
                List.of("Command: " + commandLine, "Machine: " + Blas.describe() + ", Java "
                        + Runtime.version() + ", " + System.getProperty("os.name") + " " + System.getProperty("os.arch")));
    }
}
