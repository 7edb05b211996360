package org.featurelab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.featurelab.benchmark.BenchmarkRunner;
import org.featurelab.benchmark.BenchmarkSummary;
import org.featurelab.benchmark.CsvFolds;
import org.featurelab.benchmark.CsvManifest;
import org.featurelab.benchmark.CsvProtocol;
import org.featurelab.benchmark.ResultsFile;
import org.featurelab.io.Json;
import org.featurelab.report.RunOutput;
import org.featurelab.tabular.LearnerConfig;
import org.featurelab.tabular.ModelKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code featurelab benchmark csv}: {@link CsvProtocol} (what {@code fit} + {@code eval} do) over every (dataset of a
 * {@link CsvManifest}, fold of {@link CsvFolds}, model), resumable through {@code OUT/results.csv}
 * ({@link ResultsFile}), with failures isolated per dataset and unit ({@link BenchmarkRunner}); writes
 * {@code summary.json}, {@code failures.csv}, {@code summary.md}, {@code report.html} and {@code manifest.json} (with
 * the SHA-256 of the manifest and of every CSV read) through {@link RunOutput} at the end.
 */
@Command(name = "csv", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Compare models on raw CSV files listed in a manifest with stratified K-fold cross-validation "
                + "(the tuning of 'fit'); resumes from OUT/results.csv.",
        footer = {"", "Manifest: tab-separated, header 'file<TAB>target<TAB>task<TAB>drop'; file relative to the manifest,",
                "task classification or regression, drop a comma-separated list (may be empty). Example:",
                "  featurelab benchmark csv --manifest benchmarks/small-manifest.tsv --out csv-out"})
final class BenchmarkCsvCommand implements Callable<Integer> {
    /** Default of --folds. */
    static final int DEFAULT_FOLDS = 4;

    @Option(names = "--manifest", required = true, paramLabel = "FILE.tsv", description = "The datasets: file, target, task, drop (tab-separated).")
    Path manifest;

    @Option(names = "--folds", paramLabel = "K", description = "Folds of the stratified cross-validation (default: " + DEFAULT_FOLDS + ").")
    int folds = DEFAULT_FOLDS;

    @Option(names = "--models", split = ",", paramLabel = "MODEL",
            description = "Models (default: laplace,nfa-rfm,fact-rfm,fact-rfm-gm; also nfa-rfm-sqrt, nfa-rfm+laplace-l1, xgboost, xgboost-tuned).")
    List<String> models;

    @Option(names = "--quick", description = "Small grid: bandwidth fixed to 10 and at most 2 RFM iterations "
            + "(as 'fit --bandwidth 10 --iters 2'); the ridge is still tuned.")
    boolean quick;

    @Option(names = "--no-intercept", description = "Kernel models without an intercept (as 'fit --no-intercept').")
    boolean noIntercept;

    @Option(names = "--patience", paramLabel = "P", description = "Early stopping of the kernels' tuning candidates, "
            + "as 'fit --patience' (default: fit's, " + LearnerConfig.DEFAULT_PATIENCE + "; 0 scores every iteration).")
    Integer patience;

    @Option(names = "--max-tuning-rows", paramLabel = "N", description = "Cap on the tuning split's rows, as "
            + "'fit --max-tuning-rows' (default: fit's, " + LearnerConfig.DEFAULT_MAX_TUNING_ROWS + ").")
    Integer maxTuningRows;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "Seed of the folds and of the tuning split, as 'fit --seed' (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "OUT", description = "Output directory, created if needed; an existing results.csv there is resumed.")
    Path out;

    @Option(names = "--jobs", paramLabel = "N", description = "Datasets run at once, each on its own thread (default 1); "
            + "the native BLAS then runs one thread per job. A unit's result does not depend on it.")
    int jobs = 1;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws IOException {
        long start = System.nanoTime();
        BenchmarkOutputs.checkJobs(jobs);
        Map<String, ModelKind> plan = new LinkedHashMap<>();
        BenchmarkOutputs.parseModels(models == null ? BenchmarkOutputs.DEFAULT_MODELS : models)
                .forEach(k -> plan.put(k.id(), k));
        if (folds < 2) {
            throw new IllegalArgumentException("--folds must be >= 2, got " + folds);
        }
        for (ModelKind kind : plan.values()) {   // a bad setting (--patience -1) fails here, before OUT is made
            FitCommand.FLAGS.apply(() -> learner(kind));
        }
        CsvManifest datasets = CsvManifest.read(manifest);
        List<String> names = datasets.names();
        List<String> modelNames = List.copyOf(plan.keySet());
        ResultsFile results = BenchmarkOutputs.openResults("benchmark csv", out, names, folds, modelNames, common);
        ObjectNode config = config(datasets, modelNames);
        UnitSettings.checkAndRecord(out, unitSettings(config), results.existing());
        BenchmarkRunner.Outcome outcome = BenchmarkRunner.run(names, folds, modelNames,
                name -> CsvProtocol.load(datasets.entry(name), folds, seed),
                (d, fold, model) -> CsvProtocol.run(d, fold, model, learner(plan.get(model))),
                results, BenchmarkOutputs.progress(common, "test score"), jobs);
        double wall = (System.nanoTime() - start) / 1e9;
        Map<String, String> measures = new LinkedHashMap<>();
        datasets.entries().forEach(e -> measures.put(e.name(), CsvProtocol.measure(e.task())));
        BenchmarkSummary.Spec spec = new BenchmarkSummary.Spec("featurelab benchmark csv", folds,
                "test score (accuracy / R²)", false, Map.of(), "", measures);
        RunOutput output = BenchmarkOutputs.output("csv", seed, config, common);
        output.input("--manifest", manifest);
        for (CsvManifest.Entry e : datasets.entries()) {
            if (Files.isRegularFile(e.path())) { // a missing CSV failed its units
                output.input("dataset " + e.name(), e.path());
            }
        }
        return BenchmarkOutputs.finish("benchmark csv", out, spec, outcome, names, modelNames, wall,
                "featurelab benchmark csv: " + manifest.getFileName(), "test score (accuracy / R²)", output, common);
    }

    /**
     * Each model's unit settings ({@link UnitSettings}): the run's protocol object with only that model's learner
     * settings (so that adding a model to a run changes no other model's).
     */
    private static java.util.Map<String, JsonNode> unitSettings(ObjectNode config) {
        java.util.Map<String, JsonNode> out = new java.util.LinkedHashMap<>();
        ObjectNode protocol = (ObjectNode) config.get("protocol");
        protocol.get("learner").fieldNames().forEachRemaining(model -> {
            ObjectNode own = protocol.deepCopy();
            own.set("learner", protocol.get("learner").get(model).deepCopy());
            out.put(model, own);
        });
        return out;
    }

    /** The learner settings of a model in this run: fit's defaults with the run's flags. */
    private LearnerConfig learner(ModelKind kind) {
        LearnerConfig c = CsvProtocol.config(kind, quick, !noIntercept, seed);
        if (maxTuningRows != null) {
            c = c.withMaxTuningRows(maxTuningRows);
        }
        return patience == null ? c : c.withPatience(patience);
    }

    /**
     * The run's configuration (manifest provenance and summary.json {@code config}): the manifest and its entries,
     * the models, and the protocol with each model's learner settings.
     */
    private ObjectNode config(CsvManifest datasets, List<String> modelNames) {
        ObjectNode m = Json.object();
        m.put("manifest", manifest.toAbsolutePath().normalize().toString());
        ArrayNode ds = m.putArray("datasets");
        for (CsvManifest.Entry e : datasets.entries()) {
            ObjectNode o = ds.addObject();
            o.put("name", e.name());
            o.put("file", e.path().toString());
            o.put("target", e.target());
            o.put("task", e.task().label());
            ArrayNode drop = o.putArray("drop");
            e.drop().forEach(drop::add);
        }
        ArrayNode ms = m.putArray("models");
        modelNames.forEach(ms::add);
        ObjectNode protocol = m.putObject("protocol");
        protocol.put("folds", folds);
        protocol.put("foldAssignment", "stratified by target cell (classification), shuffled (regression); seed " + seed);
        protocol.put("seed", seed);
        protocol.put("quick", quick);
        ObjectNode perModel = protocol.putObject("learner");
        for (String name : modelNames) {
            LearnerConfig c = learner(ModelKind.parse(name));
            ObjectNode o = perModel.putObject(name);
            if (c.model().isBoosted()) {
                o.setAll(BenchmarkOutputs.treeSettings());
                o.put("tuned", c.model() == ModelKind.XGBOOST_TUNED);
                o.put("validationFraction", c.validationFraction());
                o.put("maxTuningRows", c.maxTuningRows());
                continue;
            }
            o.put("kernel", c.kernel().id());
            if (c.model().isEnsemble()) {
                ArrayNode members = o.putArray("members");
                c.model().members().forEach(mb -> members.add(mb.name() + " (kernel " + mb.kernel().id() + ")"));
            }
            o.put("iterations", c.iterations());
            o.put("intercept", c.centerTargets());
            o.put("patience", c.patience());
            ArrayNode bw = o.putArray("bandwidths");
            c.bandwidths().forEach(bw::add);
            ArrayNode rg = o.putArray("ridges");
            c.ridges().forEach(rg::add);
            o.put("scaling", c.scaling().name().toLowerCase(Locale.ROOT));
            o.put("validationFraction", c.validationFraction());
            o.put("maxTuningRows", c.maxTuningRows());
            o.put("precision", c.precision().name().toLowerCase(Locale.ROOT));
        }
        protocol.put("testScore", "accuracy (classification), R² (regression)");
        protocol.put("validationScore", "the tuner's: accuracy (classification), −MSE (regression)");
        return m;
    }
}
