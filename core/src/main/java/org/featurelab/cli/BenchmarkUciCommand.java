package org.featurelab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.featurelab.benchmark.BenchmarkRunner;
import org.featurelab.benchmark.BenchmarkSummary;
import org.featurelab.benchmark.ResultsFile;
import org.featurelab.benchmark.RfmScriptProtocol;
import org.featurelab.benchmark.UciDataset;
import org.featurelab.benchmark.UciModel;
import org.featurelab.benchmark.UciProtocol;
import org.featurelab.benchmark.UciUnits;
import org.featurelab.io.Json;
import org.featurelab.report.RunOutput;
import org.featurelab.rfm.MetricScaling;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code featurelab benchmark uci}: the UCI-121 protocol ({@link UciProtocol}) over every (dataset, fold, model),
 * resumable through {@code OUT/results.csv} ({@link ResultsFile}), with failures isolated per unit
 * ({@link BenchmarkRunner}); writes {@code summary.json}, {@code failures.csv}, {@code summary.md}
 * ({@link BenchmarkSummary}), {@code report.html} and {@code manifest.json} (with the SHA-256 of every data file read)
 * through {@link RunOutput} at the end.
 */
@Command(name = "uci", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run the UCI-121 protocol of the RFM/FACT papers over datasets x 4 folds x models; resumes from OUT/results.csv.",
        footer = {"", "Example: featurelab benchmark uci --data ../shared/data/uci121 --datasets iris,wine --out uci-out"})
final class BenchmarkUciCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "DIR", description = "The collection: DIR/INDEX.tsv and one folder per dataset.")
    Path data;

    @Option(names = "--datasets", split = ",", paramLabel = "NAME", description = "Datasets to run, in this order (default: all of INDEX.tsv, in its order).")
    List<String> datasets;

    @Option(names = "--models", split = ",", paramLabel = "MODEL",
            description = "Models (default: laplace,nfa-rfm,fact-rfm,fact-rfm-gm; also nfa-rfm-sqrt, xgboost, xgboost-tuned; "
                    + "a kernel model's name + '-l1' for the product-Laplace (l1) kernel, e.g. laplace-l1; kernel models "
                    + "joined by '+' for an ensemble of their class scores, e.g. nfa-rfm+laplace-l1).")
    List<String> models;

    @Option(names = "--out", required = true, paramLabel = "OUT", description = "Output directory, created if needed; an existing results.csv there is resumed.")
    Path out;

    @Option(names = "--protocol", paramLabel = "P", defaultValue = "leak-free",
            description = "leak-free (per fold: tune on its train/validation rows, refit; the default) or rfm-script (the "
                    + "original RFM script: one tuning split, its M reused in one solve per fold; see docs/benchmarks.md). "
                    + "--refit, --row-norm, --max-*-rows and --scaling apply to leak-free only.")
    String protocol;

    @Option(names = "--refit", paramLabel = "ROWS", defaultValue = "train+validation",
            description = "Rows of the scored model: train+validation (refit with the chosen hyperparameters) or train (default: ${DEFAULT-VALUE}).")
    String refit;

    @Option(names = "--row-norm", paramLabel = "GRID", defaultValue = "both",
            description = "Row normalisation to unit norm: off, on, or both (searched on validation; default: ${DEFAULT-VALUE}).")
    String rowNorm;

    @Option(names = "--max-tuning-rows", paramLabel = "N", description = "Cap on the training rows of the grid search (default: "
            + UciProtocol.DEFAULT_MAX_TUNING_ROWS + ").")
    int maxTuningRows = UciProtocol.DEFAULT_MAX_TUNING_ROWS;

    @Option(names = "--max-refit-rows", paramLabel = "N", description = "Cap on the rows of the refit (default: "
            + UciProtocol.DEFAULT_MAX_REFIT_ROWS + ").")
    int maxRefitRows = UciProtocol.DEFAULT_MAX_REFIT_ROWS;

    @Option(names = "--scaling", paramLabel = "S", defaultValue = "max",
            description = "Scaling of each learned M: none, max or trace (default: ${DEFAULT-VALUE}).")
    String scaling;

    @Option(names = "--center-targets", description = "Kernel ridge on centred one-hot targets (an intercept: far from "
            + "the data the model predicts the class frequencies, not 0); leak-free protocol only.")
    boolean centerTargets;

    @Option(names = "--selection-folds", paramLabel = "K", defaultValue = "1",
            description = "1: choose row norm, ridge and iteration on the fold's validation rows (the papers); K > 1: by "
                    + "K-fold cross-validation on the fold's train + validation rows, then refit on them; kernels only, "
                    + "leak-free protocol only (default: ${DEFAULT-VALUE}).")
    int selectionFolds;

    @Option(names = "--bagging", description = "With --selection-folds K > 1: score the mean of the refit and the K "
            + "cross-validation fits of the chosen hyperparameters (each without its part), not the refit alone.")
    boolean bagging;

    @Option(names = "--bandwidths", split = ",", paramLabel = "L",
            description = "Kernel bandwidth grid (Laplace or l1), searched with the rest (default: 10, the papers' fixed L); kernels only, "
                    + "leak-free protocol only.")
    List<Double> bandwidths;

    @Option(names = "--jobs", paramLabel = "N", description = "Datasets run at once, each on its own thread (default 1); "
            + "the native BLAS then runs one thread per job. A unit's result does not depend on it.")
    int jobs = 1;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws IOException {
        long start = System.nanoTime();
        BenchmarkOutputs.checkJobs(jobs);
        List<UciModel> plan = parseModels(models == null ? BenchmarkOutputs.DEFAULT_MODELS : models);
        List<String> names = chooseDatasets(UciDataset.list(data), datasets);
        UciProtocol.Settings settings = settings();
        boolean script = scriptProtocol(settings);
        if (script && plan.stream().anyMatch(m -> m.l1() || !m.partners().isEmpty())) {
            throw new IllegalArgumentException("--protocol rfm-script runs the papers' Laplace models only, not "
                    + UciModel.L1_SUFFIX + " kernels or ensembles");
        }
        if (script && plan.stream().anyMatch(m -> m.kind().isBoosted())) {
            throw new IllegalArgumentException("--protocol rfm-script runs the kernel models only (laplace and the RFMs), "
                    + "not xgboost");
        }
        List<String> modelNames = plan.stream().map(UciModel::name).toList();
        ResultsFile results = BenchmarkOutputs.openResults("benchmark uci", out, names, UciDataset.FOLDS, modelNames, common);
        ObjectNode config = script ? scriptConfig(names, modelNames) : config(names, modelNames, settings);
        UnitSettings.checkAndRecord(out, unitSettings(plan, config), results.existing());
        BenchmarkRunner.Listener listener = BenchmarkOutputs.progress(common, "test accuracy");
        java.util.Map<String, UciModel> byName = new java.util.HashMap<>();
        plan.forEach(m -> byName.put(m.name(), m));
        RfmScriptProtocol.Units scriptUnits = new RfmScriptProtocol.Units();
        UciUnits units = new UciUnits(settings);
        BenchmarkRunner.Task<UciDataset> task = script
                ? (d, fold, model) -> scriptUnits.run(d, fold, byName.get(model))
                : (d, fold, model) -> units.run(d, fold, byName.get(model));
        BenchmarkRunner.Outcome outcome = BenchmarkRunner.run(names, UciDataset.FOLDS, modelNames,
                name -> UciDataset.load(data, name), task, results, listener, jobs);
        double wall = (System.nanoTime() - start) / 1e9;
        RunOutput output = BenchmarkOutputs.output("uci", 0, config, common);
        inputs(data, names).forEach(in -> output.input(in.role(), in.path()));
        return BenchmarkOutputs.finish("benchmark uci", out, BenchmarkSummary.Spec.uci(), outcome, names, modelNames, wall,
                "UCI-121", "test accuracy", output, common);
    }

    /**
     * Each model's unit settings ({@link UnitSettings}): the run's protocol object, without the trees' settings for a
     * kernel model and with them for boosted trees (so that adding xgboost to a run changes no kernel model's), and
     * without the kernel text, which describes the run's set of models.
     */
    private static java.util.Map<String, JsonNode> unitSettings(List<UciModel> plan, ObjectNode config) {
        java.util.Map<String, JsonNode> out = new java.util.LinkedHashMap<>();
        for (UciModel m : plan) {
            ObjectNode protocol = ((ObjectNode) config.get("protocol")).deepCopy();
            protocol.remove("kernel"); // a text about the run's models; a model's kernel is in its name
            if (m.kind().isBoosted()) {
                protocol.set("trees", BenchmarkOutputs.treeSettings());
            } else {
                protocol.remove("trees");
            }
            out.put(m.name(), protocol);
        }
        return out;
    }

    /** The protocol settings from the options. */
    UciProtocol.Settings settings() {
        boolean onValidation = switch (refit.strip().toLowerCase(Locale.ROOT)) {
            case "train+validation" -> true;
            case "train" -> false;
            default -> throw new IllegalArgumentException("--refit must be train or train+validation, got '" + refit + "'");
        };
        List<Boolean> grid = switch (rowNorm.strip().toLowerCase(Locale.ROOT)) {
            case "off" -> List.of(false);
            case "on" -> List.of(true);
            case "both" -> List.of(false, true);
            default -> throw new IllegalArgumentException("--row-norm must be off, on or both, got '" + rowNorm + "'");
        };
        if (maxTuningRows < 1 || maxRefitRows < 1) {
            throw new IllegalArgumentException("--max-tuning-rows and --max-refit-rows must be >= 1");
        }
        if (selectionFolds < 1 || selectionFolds > 10) {
            throw new IllegalArgumentException("--selection-folds must be in 1..10, got " + selectionFolds);
        }
        if (selectionFolds > 1 && !onValidation) {
            throw new IllegalArgumentException("--selection-folds > 1 refits on train + validation: drop --refit train");
        }
        if (bagging && selectionFolds < 2) {
            throw new IllegalArgumentException("--bagging averages the cross-validation fits: give --selection-folds >= 2");
        }
        List<Double> bw = bandwidths == null ? List.of(UciProtocol.BANDWIDTH) : bandwidths;
        if (bw.stream().anyMatch(l -> !(l > 0) || !Double.isFinite(l))) {
            throw new IllegalArgumentException("--bandwidths must be positive numbers, got " + bw);
        }
        return new UciProtocol.Settings(onValidation, grid, maxTuningRows, maxRefitRows, MetricScaling.parse(scaling.strip()),
                centerTargets, selectionFolds, bagging, bw);
    }

    /**
     * Whether {@code --protocol} is rfm-script; the leak-free-only options must then be at their defaults.
     *
     * @throws IllegalArgumentException on an unknown protocol or a leak-free option given with rfm-script
     */
    boolean scriptProtocol(UciProtocol.Settings settings) {
        String p = protocol.strip().toLowerCase(Locale.ROOT);
        if (p.equals("leak-free")) {
            return false;
        }
        if (!p.equals("rfm-script")) {
            throw new IllegalArgumentException("--protocol must be leak-free or rfm-script, got '" + protocol + "'");
        }
        UciProtocol.Settings d = UciProtocol.Settings.defaults();
        if (!settings.equals(d)) {
            throw new IllegalArgumentException("--protocol rfm-script fixes its own grid and rows: drop --refit, --row-norm, "
                    + "--max-tuning-rows, --max-refit-rows, --scaling, --center-targets, --selection-folds, --bagging and --bandwidths");
        }
        return true;
    }

    /** The rfm-script run's configuration (its fixed settings, {@link RfmScriptProtocol}). */
    private ObjectNode scriptConfig(List<String> names, List<String> modelNames) {
        ObjectNode m = runConfig(names, modelNames, "rfm-script", RfmScriptProtocol.RIDGES);
        ObjectNode protocol = (ObjectNode) m.get("protocol");
        protocol.put("iterations", "0.." + RfmScriptProtocol.LAST_ITERATION);
        protocol.put("tuningSplit", "fold 0 train / validation rows");
        protocol.put("rowNormalisation", "on, off (balance-scale: off)");
        protocol.put("selection", "strict > on validation accuracy in loop order (ridge, then normalisation, then iteration)");
        protocol.put("scaling", "none");
        protocol.put("scoring", "one solve with the tuned M on every non-test row of each fold");
        return m;
    }

    /** What every run's configuration starts with: data, datasets, models and the protocol's name, kernel and ridges. */
    private ObjectNode runConfig(List<String> names, List<String> modelNames, String protocolName, List<Double> ridgeGrid) {
        ObjectNode m = Json.object();
        m.put("data", data.toAbsolutePath().normalize().toString());
        ArrayNode ds = m.putArray("datasets");
        names.forEach(ds::add);
        ArrayNode ms = m.putArray("models");
        modelNames.forEach(ms::add);
        ObjectNode protocol = m.putObject("protocol");
        protocol.put("name", protocolName);
        protocol.put("kernel", modelNames.stream().anyMatch(n -> n.contains(UciModel.L1_SUFFIX))
                ? "laplace (product-laplace for the models named -l1)" : "laplace");
        protocol.put("bandwidth", UciProtocol.BANDWIDTH);
        ArrayNode ridges = protocol.putArray("ridges");
        ridgeGrid.forEach(ridges::add);
        return m;
    }

    /**
     * The models of {@code --models} in the given order: names of the registry, of ℓ1-kernel models and of ensembles
     * ({@link UciModel#parse}: {@code nfa-rfm}, {@code laplace-l1}, {@code nfa-rfm+laplace-l1}), through
     * {@link BenchmarkOutputs#parseModels(List, java.util.function.Function, java.util.function.Function)}.
     */
    static List<UciModel> parseModels(List<String> texts) {
        return BenchmarkOutputs.parseModels(texts, UciModel::parse, UciModel::name);
    }

    /** All datasets of the index in its order, or the requested ones in the requested order; unknown names fail. */
    static List<String> chooseDatasets(List<UciDataset.Entry> index, List<String> requested) {
        List<String> all = index.stream().map(UciDataset.Entry::name).toList();
        if (requested == null) {
            return all;
        }
        Set<String> chosen = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String r : requested) {
            String name = r.strip();
            if (name.isEmpty()) {
                continue;
            }
            if (all.contains(name)) {
                chosen.add(name);
            } else {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("--datasets: unknown dataset" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown) + " (not in INDEX.tsv)");
        }
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("--datasets is empty");
        }
        return List.copyOf(chosen);
    }

    /**
     * The files the run read, for the manifest: {@code INDEX.tsv} and, per dataset, the four files of the data_py
     * format ({@link UciDataset}) that exist (a dataset with a missing file failed its units).
     */
    static List<RunOutput.Input> inputs(Path data, List<String> names) {
        List<RunOutput.Input> inputs = new ArrayList<>();
        inputs.add(new RunOutput.Input("index", data.resolve("INDEX.tsv")));
        for (String name : names) {
            for (String file : List.of(name + "_py.dat", "labels_py.dat", "folds_py.dat", "validation_folds_py.dat")) {
                Path p = data.resolve(name).resolve(file);
                if (Files.isRegularFile(p)) {
                    inputs.add(new RunOutput.Input("dataset " + name, p));
                }
            }
        }
        return inputs;
    }

    /**
     * The run's configuration (manifest provenance and summary.json {@code config}): the data folder, datasets, models
     * and protocol settings. The protocol has no seed option (its tuning and refit subsets use seed = fold index), so
     * the run's seed is recorded as 0.
     */
    private ObjectNode config(List<String> names, List<String> modelNames, UciProtocol.Settings settings) {
        ObjectNode m = runConfig(names, modelNames, "leak-free", UciProtocol.RIDGES);
        ObjectNode protocol = (ObjectNode) m.get("protocol");
        protocol.put("rfmIterations", UciProtocol.RFM_ITERATIONS);
        protocol.put("refit", settings.refitOnValidation() ? "train+validation rows" : "train rows");
        ArrayNode norms = protocol.putArray("rowNormalisation");
        settings.rowNorms().forEach(norms::add);
        protocol.put("maxTuningRows", settings.maxTuningRows());
        protocol.put("maxRefitRows", settings.maxRefitRows());
        protocol.put("scaling", settings.scaling().name().toLowerCase(Locale.ROOT));
        protocol.put("centerTargets", settings.centerTargets());
        protocol.put("selection", settings.selectionFolds() == 1 ? "the fold's validation rows"
                : settings.selectionFolds() + "-fold cross-validation on train + validation rows (kernels)");
        protocol.put("bagging", settings.bagged());
        ArrayNode bws = protocol.putArray("bandwidths");
        settings.bandwidths().forEach(bws::add);
        protocol.put("subsetSeed", "fold index");
        if (modelNames.stream().anyMatch(n -> UciModel.parse(n).kind().isBoosted())) {
            protocol.set("trees", BenchmarkOutputs.treeSettings());
        }
        return m;
    }
}
