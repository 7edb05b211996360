package org.featurelab.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.featurelab.benchmark.BenchmarkRunner;
import org.featurelab.benchmark.BenchmarkSummary;
import org.featurelab.benchmark.PairedDifference;
import org.featurelab.benchmark.ResultsFile;
import org.featurelab.benchmark.UnitResult;
import org.featurelab.io.Provenance;
import org.featurelab.linalg.Blas;
import org.featurelab.report.BenchmarkReport;
import org.featurelab.report.RunOutput;
import org.featurelab.tabular.ModelKind;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code benchmark uci} and {@code benchmark csv} share: the {@code --models} list (names of the {@link ModelKind}
 * registry), opening OUT/results.csv with the plan line, progress lines, and the closing outputs written through
 * {@link RunOutput} (summary.json, failures.csv, summary.md, report.html, then manifest.json listing results.csv too)
 * with the summary on stdout. results.csv itself stays outside the writer: it is the unit-level, resumable record,
 * appended one complete line per finished unit while the benchmark runs, so that an interrupted run loses at most the
 * unit in progress.
 */
final class BenchmarkOutputs {
    /** Default of {@code --models}: the kernel machines of the registry, in its order (the papers' four). */
    static final List<String> DEFAULT_MODELS = java.util.stream.Stream.of(ModelKind.LAPLACE, ModelKind.NFA_RFM,
            ModelKind.FACT_RFM, ModelKind.FACT_RFM_GM).map(ModelKind::id).toList(); // the papers' four
    /** The resumable per-unit record, appended by {@link ResultsFile} while the benchmark runs. */
    static final String RESULTS = "results.csv";

    private BenchmarkOutputs() {
    }

    /**
     * The models of {@code --models} in the given order: each name parsed by {@link ModelKind#parse} (an id or an
     * alias), blank entries skipped.
     *
     * @throws IllegalArgumentException for an unknown name, a model listed twice (also as id and alias) or no model
     */
    static List<ModelKind> parseModels(List<String> texts) {
        return parseModels(texts, ModelKind::parse, ModelKind::id);
    }

    /**
     * The models of {@code --models} in the given order, each parsed by {@code parse} and identified by its
     * {@code name} (so that an alias and its id are the same model), blank entries skipped.
     *
     * @throws IllegalArgumentException for a name {@code parse} refuses, a model listed twice or no model
     */
    static <T> List<T> parseModels(List<String> texts, java.util.function.Function<String, T> parse,
                                   java.util.function.Function<T, String> name) {
        Map<String, T> plan = new java.util.LinkedHashMap<>();
        for (String t : texts) {
            if (t.isBlank()) {
                continue;
            }
            T model = parse.apply(t);
            if (plan.putIfAbsent(name.apply(model), model) != null) {
                throw new IllegalArgumentException("--models lists " + name.apply(model) + " twice");
            }
        }
        if (plan.isEmpty()) {
            throw new IllegalArgumentException("--models is empty");
        }
        return List.copyOf(plan.values());
    }

    /**
     * The settings of the tree models for a run's configuration: XGBoost's defaults (xgboost) and the grid, round
     * cap and patience of xgboost-tuned, threads and the seed rule.
     */
    static ObjectNode treeSettings() {
        ObjectNode o = org.featurelab.io.Json.object();
        org.featurelab.boosting.BoostingConfig d = org.featurelab.boosting.BoostingConfig.defaults(0);
        o.put("defaults", d.describe());
        com.fasterxml.jackson.databind.node.ArrayNode depths = o.putArray("tunedMaxDepths");
        ModelKind.BOOSTING_DEPTHS.forEach(depths::add);
        com.fasterxml.jackson.databind.node.ArrayNode etas = o.putArray("tunedEtas");
        ModelKind.BOOSTING_ETAS.forEach(etas::add);
        o.put("tunedMaxRounds", ModelKind.BOOSTING_MAX_ROUNDS);
        o.put("tunedPatience", ModelKind.BOOSTING_PATIENCE);
        o.put("threads", d.threads());
        return o;
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
        ResultsFile results = ResultsFile.open(out.resolve(RESULTS));
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
     * The run output of a benchmark (kind {@code benchmark}, name e.g. {@code uci}): provenance of this invocation
     * with {@code seed} and {@code config} (the data, datasets, models and protocol settings), data fingerprint
     * {@link Provenance#NO_DATA} (the command adds its data files as inputs, with their SHA-256).
     */
    static RunOutput output(String name, long seed, ObjectNode config, CommonOptions common) {
        return new RunOutput(RunOutput.Kind.BENCHMARK, name, Provenance.capture(seed, Provenance.NO_DATA, config,
                common.commandLine(), Blas.describe()));
    }

    /**
     * Writes, through {@code output} ({@link RunOutput}: each file atomic, manifest.json last), summary.json
     * ({@link #summarize}), failures.csv, summary.md and report.html, and lists results.csv in the manifest; then
     * fails with exit 2 when no unit of the plan has a result, else prints the counts and the output folder on stdout.
     */
    static int finish(String command, Path out, BenchmarkSummary.Spec spec, BenchmarkRunner.Outcome outcome,
                      List<String> datasets, List<String> models, double wallSeconds, String reportTitle,
                      String scoreLabel, RunOutput output, CommonOptions common) {
        output.seconds(wallSeconds).existingFile(RESULTS);
        summarize(output.summary(), spec, outcome, datasets, models);
        output.file("failures.csv", failuresCsv(outcome.failures()));
        output.file("summary.md", BenchmarkSummary.markdown(spec, outcome, datasets, models, wallSeconds)
                .getBytes(StandardCharsets.UTF_8));
        output.file("report.html", temp -> writeReport(temp, reportTitle, scoreLabel, models, outcome.results(),
                common.commandLine()));
        List<String> written = output.writeTo(out);
        int failed = outcome.failures().size();
        if (outcome.results().isEmpty()) {
            throw new IllegalArgumentException(command + ": all " + outcome.total() + " units failed; see "
                    + out.resolve("failures.csv"));
        }
        PrintWriter w = common.out();
        w.printf(Locale.ROOT, "%s: %d of %d units finished (%d resumed from results.csv), %d failed%s; wall time %s%n",
                command, outcome.results().size(), outcome.total(), outcome.skipped(), failed,
                failed > 0 ? " (see failures.csv)" : "", BenchmarkSummary.duration(wallSeconds));
        w.printf("outputs: %s (%s)%n", out.toAbsolutePath().normalize(), String.join(", ", written));
        w.flush();
        return 0;
    }

    /** Refuses a {@code --jobs} below 1 (bad input, before anything is written). */
    static void checkJobs(int jobs) {
        if (jobs < 1) {
            throw new IllegalArgumentException("--jobs must be >= 1, got " + jobs);
        }
    }

    /**
     * summary.json's {@code summary} of a benchmark: {@code units}, {@code finished}, {@code resumed}, {@code failed}
     * (as on stdout), {@code datasets_averaged} (datasets on which every model finished every fold) and per model
     * {@code mean_test_score} (the mean over those datasets of the per-dataset fold means, as in summary.md, unrounded;
     * null when there is none) and {@code datasets_finished} (datasets on which this model finished every fold); with two
     * models or more and two averaged datasets or more, {@code difference_to_first}: each later model's paired difference
     * to the first ({@link PairedDifference}: mean, bootstrap interval, standard error); for a collection scored by
     * several measures ({@code benchmark csv}: accuracy and R²) instead {@code by_measure}: per measure its
     * {@code datasets}, {@code mean_test_score} per model and (with two of its datasets or more) its own
     * {@code difference_to_first} — differences are never pooled across measures.
     */
    static void summarize(ObjectNode summary, BenchmarkSummary.Spec spec, BenchmarkRunner.Outcome outcome,
                          List<String> datasets, List<String> models) {
        summary.put("units", outcome.total());
        summary.put("finished", outcome.results().size());
        summary.put("resumed", outcome.skipped());
        summary.put("failed", outcome.failures().size());
        Map<String, double[]> means = BenchmarkSummary.foldMeans(outcome.results(), datasets, models, spec.folds());
        List<String> common = BenchmarkSummary.common(means);
        summary.put("datasets_averaged", common.size());
        ObjectNode mean = summary.putObject("mean_test_score");
        ObjectNode own = summary.putObject("datasets_finished");
        for (int m = 0; m < models.size(); m++) {
            if (common.isEmpty()) {
                mean.putNull(models.get(m));
            } else {
                mean.put(models.get(m), BenchmarkSummary.average(means, common, m));
            }
            own.put(models.get(m), BenchmarkSummary.finished(means, m));
        }
        if (spec.groups().isEmpty()) {
            putDifferences(summary, means, common, models);
        } else {
            ObjectNode byMeasure = summary.putObject("by_measure");
            spec.grouped(common).forEach((g, ds) -> {
                ObjectNode group = byMeasure.putObject(g);
                group.put("datasets", ds.size());
                ObjectNode m = group.putObject("mean_test_score");
                for (int k = 0; k < models.size(); k++) {
                    m.put(models.get(k), BenchmarkSummary.average(means, ds, k));
                }
                putDifferences(group, means, ds, models);
            });
        }
    }

    /** {@code difference_to_first} over the given datasets, when there is one (two models, two datasets or more). */
    private static void putDifferences(ObjectNode parent, Map<String, double[]> means, List<String> datasets,
                                       List<String> models) {
        Map<String, PairedDifference> diffs = BenchmarkSummary.differences(means, datasets, models);
        if (diffs.isEmpty()) {
            return;
        }
        ObjectNode against = parent.putObject("difference_to_first");
        against.put("reference", models.get(0));
        against.put("resamples", PairedDifference.RESAMPLES);
        against.put("level", PairedDifference.LEVEL);
        against.put("seed", PairedDifference.SEED);
        ObjectNode per = against.putObject("models");
        diffs.forEach((model, d) -> {
            ObjectNode o = per.putObject(model);
            o.put("mean", d.mean());
            o.put("lower", d.lower());
            o.put("upper", d.upper());
            o.put("standard_error", d.standardError());
        });
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

    /** failures.csv ({@code dataset, fold, model, message}); header only when none failed. */
    private static byte[] failuresCsv(List<BenchmarkRunner.Failure> failures) {
        StringWriter w = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build())) {
            csv.printRecord("dataset", "fold", "model", "message");
            for (BenchmarkRunner.Failure f : failures) {
                csv.printRecord(f.dataset(), f.fold(), f.model(), f.message());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return w.toString().getBytes(StandardCharsets.UTF_8);
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
