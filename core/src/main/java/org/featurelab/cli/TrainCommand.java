package org.featurelab.cli;

import org.featurelab.base.Progress;
import org.featurelab.base.Task;
import org.featurelab.encoding.PreparedData;
import org.featurelab.encoding.Preprocessor;
import org.featurelab.io.Provenance;
import org.featurelab.io.Safetensors;
import org.featurelab.linalg.Arithmetic;
import org.featurelab.linalg.Blas;
import org.featurelab.nn.Activation;
import org.featurelab.nn.Loss;
import org.featurelab.nn.Network;
import org.featurelab.nn.OptimizerKind;
import org.featurelab.nn.TrainingData;
import org.featurelab.report.RunOutput;
import org.featurelab.report.TrainingPlots;
import org.featurelab.table.Idx;
import org.featurelab.table.Table;
import org.featurelab.training.DiagnosedStep;
import org.featurelab.training.ImportedNetwork;
import org.featurelab.training.InitSpec;
import org.featurelab.training.MetricsCsv;
import org.featurelab.training.NetworkFile;
import org.featurelab.training.SummaryJson;
import org.featurelab.training.TrainConfig;
import org.featurelab.training.TrainingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * {@code featurelab train}: trains a fully connected network on a CSV file (or IDX images with {@code --labels}:
 * pixels as read, unsigned bytes scaled to [0, 1], one-hot targets over the label values present) and records per-layer feature
 * diagnostics (FACT, NFA, UC-/C-NFA) every K steps into DIR/metrics.csv (tidy rows), DIR/summary.json, PNG plots,
 * DIR/index.html, the final network DIR/network.flm ({@link NetworkFile}; {@code --init from:DIR/network.flm}
 * starts another run from it) and DIR/manifest.json, all through {@link RunOutput}. The output directory is created
 * only after every input has been validated and training has succeeded.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train a network on a CSV file and record per-layer FACT/NFA diagnostics.",
        footer = {"", "Example (the FACT-vs-NFA acceptance run, docs/networks.md):",
                "  featurelab train --data digits.csv --arch 64-64-64-64-10 \\",
                "    --activation relu --loss mse --optimizer sgd --momentum 0.9 --lr 0.05 \\",
                "    --weight-decay 1e-2 --epochs 20000 --out run/"})
final class TrainCommand implements Callable<Integer> {
    /** The flag of each {@link TrainConfig} field that library messages name. */
    /** The final weights in safetensors, named for PyTorch's nn.Sequential (docs/diagnose.md). */
    static final String SAFETENSORS = "network.safetensors";

    static final FlagNames FLAGS = FlagNames.of("widths", "--arch", "activation", "--activation", "loss", "--loss",
            "optimizer", "--optimizer", "learningRate", "--lr", "weightDecay", "--weight-decay", "epochs", "--epochs",
            "batchSize", "--batch", "momentum", "--momentum", "init", "--init", "bias", "--no-bias",
            "diagnoseEvery", "--diagnose-every", "sloSpeeds", "--slo-speeds", "temperature", "--temperature",
            "maxDiagnosticRows", "--diagnostic-rows", "arithmetic", "--precision");

    @Option(names = "--data", required = true, paramLabel = "FILE",
            description = "Training data: CSV with a header row, or IDX images with --labels.")
    Path data;

    @Option(names = "--labels", paramLabel = "FILE",
            description = "IDX labels file (MNIST format, optionally gzipped); --data is then an IDX images file "
                    + "and the task classification over the label values present.")
    Path labels;

    @Option(names = "--target", paramLabel = "COL", description = "Target column (default: the last column).")
    String target;

    @Option(names = "--drop", split = ",", paramLabel = "COL", description = "Columns to leave out, comma-separated.")
    List<String> drop = List.of();

    @Option(names = "--task", paramLabel = "TASK", description = "classification or regression (default: detected).")
    String task;

    @Option(names = "--arch", required = true, paramLabel = "W0-W1-...-WL",
            description = "Layer widths: encoded inputs, hidden widths, outputs (classes, or 1 for regression).")
    String arch;

    @Option(names = "--activation", paramLabel = "ACT", defaultValue = "relu",
            description = "relu, tanh, quadratic or identity (default: ${DEFAULT-VALUE}).")
    String activation;

    @Option(names = "--loss", paramLabel = "LOSS", defaultValue = "mse", description = "mse or ce (default: ${DEFAULT-VALUE}).")
    String loss;

    @Option(names = "--optimizer", paramLabel = "OPT", defaultValue = "gd",
            description = "gd, sgd, adam, adamw, slo, sgld or lbfgs (full batch, line search) (default: ${DEFAULT-VALUE}).")
    String optimizer;

    @Option(names = "--lr", required = true, paramLabel = "R", description = "Learning rate η > 0.")
    double learningRate;

    @Option(names = "--weight-decay", paramLabel = "W", defaultValue = "0",
            description = "λ ≥ 0; coupled (in the objective) except for adamw (default: ${DEFAULT-VALUE}; FACT needs λ > 0).")
    double weightDecay;

    @Option(names = "--epochs", required = true, paramLabel = "E", description = "Passes over the data.")
    int epochs;

    @Option(names = "--batch", paramLabel = "B", description = "Rows per step (default: full batch, one step per epoch).")
    Integer batch;

    @Option(names = "--momentum", paramLabel = "M", description = "Heavy-ball momentum of sgd, in [0, 1) (default: 0.9).")
    Double momentum;

    @Option(names = "--init", paramLabel = "INIT", defaultValue = "standard",
            description = "standard, small:F, balanced or from:FILE (default: ${DEFAULT-VALUE}). from:FILE starts from a "
                    + "network saved by train (DIR/network.flm), exactly as saved: its widths must equal --arch, its hidden "
                    + "layers must use --activation (the saved activations are checked, never overridden), and its "
                    + "biases must agree with --no-bias.")
    String init;

    @Option(names = "--no-bias", description = "Layers without biases.")
    boolean noBias;

    @Option(names = "--diagnose-every", paramLabel = "K", description = "Diagnose every K steps and at the last (default: steps/20).")
    Integer diagnoseEvery;

    @Option(names = "--diagnostic-rows", paramLabel = "N", defaultValue = "2000",
            description = "Rows of the diagnostics sample set; a seeded subsample when there are more (default: ${DEFAULT-VALUE}).")
    int diagnosticRows;

    @Option(names = "--slo-speeds", split = ",", paramLabel = "C", description = "Per-layer speeds of slo (default: 1 each).")
    double[] sloSpeeds;

    @Option(names = "--temperature", paramLabel = "T", description = "Temperature of sgld, ≥ 0 (default: 0).")
    Double temperature;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Root seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--precision", paramLabel = "P", defaultValue = "float64",
            description = "Training arithmetic: float64, or float32 (the engine speed mlp times; not with lbfgs); "
                    + "diagnostics are float64 either way (default: ${DEFAULT-VALUE}).")
    String precision;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (created; may exist).")
    Path out;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws IOException {
        checkOptionsFitOptimizer();
        // validate everything that does not need the data before reading it
        TrainConfig probe = FLAGS.apply(() -> config(1));
        int[] widths = probe.widths();
        Loss lossFn = probe.loss();
        requireOutputDirectory(out);
        Network start = null;
        if (probe.init() instanceof InitSpec.FromFile from) {
            Network saved = NetworkFile.load(from.file());
            FLAGS.check(() -> probe.requireFitsStart(saved));
            start = saved;
        }
        Outputs.requireReadable(data, "--data");
        TrainingData trainingData;
        String fingerprint;
        String taskLabel;
        if (labels != null) {
            // IDX images + labels: classification, one-hot over the label values present, pixels used as read
            if (target != null || !drop.isEmpty() || (task != null && !task.equalsIgnoreCase("classification")
                    && !task.equalsIgnoreCase("auto"))) {
                throw new IllegalArgumentException("--labels (IDX input) is classification without --target or --drop");
            }
            Outputs.requireReadable(labels, "--labels");
            Idx.Labeled idx = Idx.readLabeled(data, labels);
            trainingData = new TrainingData(idx.x(), idx.oneHot());
            fingerprint = idx.fingerprint();
            taskLabel = Task.CLASSIFICATION.label();
            requireArchFits(widths, trainingData, " pixels per image and ", " classes");
        } else {
            Table table = Table.readCsv(data);
            String targetColumn = target != null ? target : table.columnNames().get(table.columnCount() - 1);
            Task parsedTask = task == null || task.equalsIgnoreCase("auto") ? null : Task.parse(task);
            PreparedData prepared = new Preprocessor(targetColumn, drop, parsedTask).fit(table).prepare(table);
            if (lossFn instanceof Loss.SoftmaxCrossEntropy && prepared.task() != Task.CLASSIFICATION) {
                throw new IllegalArgumentException("--loss ce needs a classification target; '" + targetColumn + "' is regression");
            }
            trainingData = new TrainingData(prepared.x(), prepared.y());
            fingerprint = table.fingerprint();
            taskLabel = prepared.task().label();
            requireArchFits(widths, trainingData, " encoded inputs and ",
                    prepared.task() == Task.CLASSIFICATION ? " classes" : " output");
        }
        int total = epochs * probe.stepsPerEpoch(trainingData.size());
        int every = diagnoseEvery != null ? diagnoseEvery : Math.max(1, total / 20);
        TrainConfig config = FLAGS.apply(() -> config(every));
        Progress progress = common.progress();
        progress.message(String.format(Locale.ROOT, "train %s on %d rows (%s), %d steps, diagnostics every %d on %d rows",
                TrainConfig.archString(widths), trainingData.size(), taskLabel, total, config.diagnoseEvery(),
                Math.min(trainingData.size(), diagnosticRows)));
        TrainingRun run;
        try {
            run = TrainingRun.execute(config, trainingData, start, progressLine(progress, total));
        } catch (ArithmeticException e) {
            throw new ArithmeticException("training diverged (" + e.getMessage() + "); try a smaller --lr");
        }
        writeOutputs(run, config, fingerprint); // only now: a failed run leaves no directory behind
        summary(common.out(), run);
        return 0;
    }

    /** The first width must be the input width of the data and the last its number of outputs. */
    private static void requireArchFits(int[] widths, TrainingData d, String inputs, String outputs) {
        int[] expected = widths.clone();
        expected[0] = d.inputs().cols();
        expected[expected.length - 1] = d.targets().cols();
        if (expected[0] != widths[0] || expected[expected.length - 1] != widths[widths.length - 1]) {
            throw new IllegalArgumentException("--arch " + TrainConfig.archString(widths) + " does not fit the data: "
                    + d.inputs().cols() + inputs + d.targets().cols() + outputs + ", e.g. --arch "
                    + TrainConfig.archString(expected));
        }
    }

    /** The configuration the options give, diagnosing every {@code every} steps; messages name its fields (see {@link #FLAGS}). */
    private TrainConfig config(int every) {
        Activation act = Activation.parse(activation.strip().toLowerCase(Locale.ROOT));
        Loss lossFn = Loss.parse(loss.strip().toLowerCase(Locale.ROOT));
        int[] widths = TrainConfig.parseArch(arch);
        OptimizerKind opt = OptimizerKind.parse(optimizer);
        InitSpec start = InitSpec.parse(init);
        Arithmetic engine = PrecisionOption.parse(precision, Arithmetic.FLOAT64, Arithmetic.FLOAT32);
        return new TrainConfig(widths, act, lossFn, opt, learningRate, weightDecay, epochs, batch == null ? 0 : batch,
                momentum == null ? 0.9 : momentum, start, !noBias, every, seed, sloSpeeds,
                temperature == null ? 0.0 : temperature, diagnosticRows, engine);
    }

    /** Options that belong to one optimiser are errors with another (a silent no-op hides a typo). */
    private void checkOptionsFitOptimizer() {
        String opt = optimizer.strip().toLowerCase(Locale.ROOT);
        if (momentum != null && !opt.equals("sgd")) {
            throw new IllegalArgumentException("--momentum applies to --optimizer sgd only, not " + opt);
        }
        if (sloSpeeds != null && !opt.equals("slo")) {
            throw new IllegalArgumentException("--slo-speeds applies to --optimizer slo only, not " + opt);
        }
        if (temperature != null && !opt.equals("sgld")) {
            throw new IllegalArgumentException("--temperature applies to --optimizer sgld only, not " + opt);
        }
        if (batch != null && batch < 1) {
            throw new IllegalArgumentException("--batch must be ≥ 1, got " + batch);
        }
    }

    /** DIR must be a directory or not exist, with an existing writable parent. */
    static void requireOutputDirectory(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw new IllegalArgumentException("--out " + dir + " exists and is not a directory");
        }
        Path parent = absolute.getParent();
        if (!Files.isDirectory(absolute) && (parent == null || !Files.isDirectory(parent))) {
            throw new IllegalArgumentException("--out " + dir + ": directory " + parent + " does not exist");
        }
        Path writable = Files.isDirectory(absolute) ? absolute : parent;
        if (!Files.isWritable(writable)) {
            throw new IllegalArgumentException("--out " + dir + ": " + writable + " is not writable");
        }
    }

    private static Consumer<DiagnosedStep> progressLine(Progress progress, int total) {
        return s -> {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "step %d/%d  loss %.6e  grad %.3e  pearson_fact",
                    s.step(), total, s.trainLoss(), s.gradNorm()));
            for (DiagnosedStep.Layer l : s.layers()) {
                sb.append(String.format(Locale.ROOT, " %.4f", l.pearsonFact()));
            }
            sb.append("  pearson_nfa");
            for (DiagnosedStep.Layer l : s.layers()) {
                sb.append(String.format(Locale.ROOT, " %.4f", l.pearsonNfa()));
            }
            progress.message(sb.toString());
        };
    }

    static List<String> header() {
        return List.of("layer", "pearson_fact", "pearson_nfa", "cosine_fact", "cosine_nfa", "best_alpha", "uc_nfa", "c_nfa");
    }

    static List<List<String>> rows(DiagnosedStep last) {
        List<List<String>> rows = new ArrayList<>();
        for (DiagnosedStep.Layer l : last.layers()) {
            rows.add(List.of(Integer.toString(l.index()), f4(l.pearsonFact()), f4(l.pearsonNfa()), f4(l.cosineFact()),
                    f4(l.cosineNfa()), String.format(Locale.ROOT, "%.2f", l.bestAlpha()), f4(l.ucNfa()), f4(l.cNfa())));
        }
        return rows;
    }

    private static String f4(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : "n/a";
    }

    /**
     * Writes the run directory through {@link RunOutput} (kind {@code train}, name {@code <data file> <arch>}): the
     * manifest with the provenance and the SHA-256 of --data, --labels and --init from:FILE, summary.json
     * ({@link SummaryJson}), the tidy metrics.csv ({@link MetricsCsv}), the plots, network.flm (same provenance) and
     * index.html.
     */
    private void writeOutputs(TrainingRun run, TrainConfig config, String fingerprint) {
        Provenance provenance = Provenance.capture(seed, fingerprint, config.toJson(), common.commandLine(), Blas.describe());
        String arch = TrainConfig.archString(run.config().widths());
        RunOutput output = new RunOutput(RunOutput.Kind.TRAIN, data.getFileName() + " " + arch, provenance)
                .seconds(run.seconds()).input("--data", data);
        if (labels != null) {
            output.input("--labels", labels);
        }
        if (config.init() instanceof InitSpec.FromFile from) {
            output.input("--init", from.file());
        }
        output.summary().setAll(SummaryJson.of(run));
        MetricsCsv.rows(run.steps(), output::metric);
        DiagnosedStep last = run.last();
        output.title("featurelab train: " + arch)
                .paragraph(String.format(Locale.ROOT, "%d steps in %.1f s; final objective %.6e, gradient norm %.3e.",
                        run.totalSteps(), run.seconds(), last.trainLoss(), last.gradNorm()))
                .paragraph("Stationarity: " + stationarityLine(last))
                .heading("Final per-layer diagnostics").table(header(), rows(last));
        TrainingPlots.addTo(output, run.steps());
        output.file(NetworkFile.FILE, temp -> NetworkFile.save(run.trained(), temp, provenance));
        output.file(SAFETENSORS, temp -> Safetensors.write(temp, ImportedNetwork.tensors(run.trained()),
                Map.of("format", "pt", "arch", arch, "activation", config.activation().name(), "producer",
                        "featurelab " + provenance.libraryVersion())));
        output.writeTo(out);
    }

    /** ‖∇𝓛‖/‖λθ‖ and the note of {@link org.featurelab.training.Stationarity}. */
    private static String stationarityLine(DiagnosedStep last) {
        if (last.stationarity() == null) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "‖∇𝓛‖/‖λθ‖ = %.3g; %s", last.stationarity().ratio(), last.stationarity().note());
    }

    private void summary(PrintWriter w, TrainingRun run) {
        DiagnosedStep last = run.last();
        w.printf(Locale.ROOT, "steps       %d (%.1f s)%n", run.totalSteps(), run.seconds());
        w.printf(Locale.ROOT, "objective   %.6e (mean loss %.6e)%n", last.trainLoss(), last.dataLoss());
        w.printf(Locale.ROOT, "grad norm   %.3e%n", last.gradNorm());
        w.printf(Locale.ROOT, "stationary  %s%n", stationarityLine(last));
        TextTable t = new TextTable(header().toArray(new String[0]));
        rows(last).forEach(r -> t.row(r.toArray()));
        w.print(t.render());
        w.printf("written     %s%n", out);
        w.flush();
    }
}
