package org.featurelab.cli;

import org.featurelab.diagnostics.DiagnosticsConfig;
import org.featurelab.diagnostics.NetworkDiagnostics;
import org.featurelab.io.Npy;
import org.featurelab.io.Provenance;
import org.featurelab.io.Safetensors;
import org.featurelab.linalg.Blas;
import org.featurelab.linalg.Matrix;
import org.featurelab.nn.Activation;
import org.featurelab.nn.Loss;
import org.featurelab.nn.Network;
import org.featurelab.nn.Objective;
import org.featurelab.nn.TrainingData;
import org.featurelab.report.LineChart;
import org.featurelab.report.RunOutput;
import org.featurelab.table.Table;
import org.featurelab.training.DiagnosedStep;
import org.featurelab.training.DiagnosticsRecorder;
import org.featurelab.training.ImportedNetwork;
import org.featurelab.training.MetricsCsv;
import org.featurelab.training.SummaryJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code featurelab diagnose}: the per-layer feature-learning picture of a network trained elsewhere — weights in
 * safetensors or .npz ({@link ImportedNetwork} infers the layers from PyTorch/Flax names), data in .npy/.npz or an
 * all-numeric CSV — written like a {@code train} run directory (manifest with input hashes, summary.json, tidy
 * metrics.csv, index.html) with one plot, the α sweep per layer. FACT needs the targets and λ ({@code --weight-decay}); the centred NFM and C-NFA need the
 * initial weights; the rest needs only weights and data.
 */
@Command(name = "diagnose", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Per-layer NFM, AGOP, FACT, NFA correlations and α sweeps of a network trained elsewhere.",
        footer = {"", "Example: featurelab diagnose --weights model.safetensors --data x.npy --targets y.npy "
                + "--loss ce --weight-decay 1e-4 --out diag/"})
final class DiagnoseCommand implements Callable<Integer> {
    @Option(names = "--weights", required = true, paramLabel = "FILE",
            description = "Weights: .safetensors (F64/F32/F16/BF16) or .npz; <layer>.weight (out×in), <layer>.kernel "
                    + "(in×out) and optional <layer>.bias, layers ordered by name.")
    Path weights;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Inputs X: .npy, .npz (first array) or an all-numeric CSV with a header.")
    Path data;

    @Option(names = "--targets", paramLabel = "FILE",
            description = "Targets Y (.npy/.npz/CSV): n×c, or n integer labels with --loss ce. Without them FACT and the loss are skipped.")
    Path targets;

    @Option(names = "--init-weights", paramLabel = "FILE", description = "The network at initialisation (same layout): centred NFM and C-NFA.")
    Path initWeights;

    @Option(names = "--activation", paramLabel = "ACT", defaultValue = "relu",
            description = "Hidden activation: relu, tanh, quadratic or identity (default: ${DEFAULT-VALUE}).")
    String activation;

    @Option(names = "--loss", paramLabel = "LOSS", defaultValue = "mse", description = "mse or ce (default: ${DEFAULT-VALUE}).")
    String loss;

    @Option(names = "--weight-decay", paramLabel = "λ",
            description = "The coupled weight decay the network was trained with; FACT is skipped without it.")
    Double weightDecay;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (created; may exist).")
    Path out;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        Activation act = Activation.parse(activation.strip().toLowerCase(Locale.ROOT));
        Loss lossFn = Loss.parse(loss.strip().toLowerCase(Locale.ROOT));
        if (weightDecay != null && !(weightDecay >= 0 && Double.isFinite(weightDecay))) {
            throw new IllegalArgumentException("--weight-decay must be finite and ≥ 0, got " + weightDecay);
        }
        TrainCommand.requireOutputDirectory(out);
        Network network = ImportedNetwork.of(tensors(weights, "--weights"), act);
        Network initial = initWeights == null ? null : ImportedNetwork.of(tensors(initWeights, "--init-weights"), act);
        if (initial != null && !java.util.Arrays.equals(initial.widths(), network.widths())) {
            throw new IllegalArgumentException("--init-weights: the initial network is " + initial + " but --weights is "
                    + network);
        }
        Matrix x = matrix(data, "--data");
        if (x.cols() != network.inputDim()) {
            throw new IllegalArgumentException("--data has " + x.cols() + " columns but the first layer takes "
                    + network.inputDim() + " inputs");
        }
        List<String> notes = new ArrayList<>();
        Matrix y;
        if (targets == null) {
            y = Matrix.zeros(x.rows(), network.outputDim());
            notes.add("no --targets: FACT, the loss and stationarity are not computed (zero targets stand in)");
        } else {
            y = targets(matrix(targets, "--targets"), x.rows(), network.outputDim(), lossFn);
        }
        double lambda = targets != null && weightDecay != null ? weightDecay : 0.0;
        if (targets != null && weightDecay == null) {
            notes.add("no --weight-decay: FACT = −(1/(nλ))Σ∇ℓ·hᵀ needs the λ the network was trained with; skipped");
        }
        if (initial == null) {
            notes.add("no --init-weights: the centred NFM and C-NFA are not computed");
        }
        long start = System.nanoTime();
        TrainingData sample = new TrainingData(x, y);
        Objective objective = new Objective(lossFn, lambda);
        NetworkDiagnostics d = NetworkDiagnostics.compute(0, network, initial, x, y, objective,
                DiagnosticsConfig.defaults().withKeepMatrices(false));
        DiagnosedStep step = DiagnosticsRecorder.record(d, network, sample, objective);
        double seconds = (System.nanoTime() - start) / 1e9;
        write(network, step, alphaSweepPlot(d), notes, seconds, act, lossFn, lambda);
        print(common.out(), network, step, notes);
        return 0;
    }

    private static Map<String, Matrix> tensors(Path file, String flag) {
        Outputs.requireReadable(file, flag);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".npz") ? Npy.readArchive(file) : Safetensors.read(file);
    }

    /** A .npy, the first array of a .npz, or an all-numeric CSV. */
    private static Matrix matrix(Path file, String flag) {
        Outputs.requireReadable(file, flag);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".npy")) {
            return Npy.read(file);
        }
        if (name.endsWith(".npz")) {
            return Npy.readArchive(file).values().iterator().next();
        }
        Table t = Table.readCsv(file);
        Matrix m = Matrix.zeros(t.rowCount(), t.columnCount());
        for (int i = 0; i < t.rowCount(); i++) {
            for (int j = 0; j < t.columnCount(); j++) {
                double v = t.number(i, j);
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException(flag + " " + file + ": row " + (i + 1) + ", column '"
                            + t.columnNames().get(j) + "' is '" + t.cell(i, j).strip() + "', not a finite number");
                }
                m.set(i, j, v);
            }
        }
        return m;
    }

    /** n×c targets as given, or n integer labels one-hot encoded for cross-entropy. */
    private static Matrix targets(Matrix y, int rows, int outputs, Loss loss) {
        if (y.rows() != rows) {
            throw new IllegalArgumentException("--targets has " + y.rows() + " rows but --data has " + rows);
        }
        if (y.cols() == outputs) {
            return y;
        }
        if (y.cols() == 1 && loss instanceof Loss.SoftmaxCrossEntropy) {
            Matrix oneHot = Matrix.zeros(rows, outputs);
            for (int i = 0; i < rows; i++) {
                double v = y.get(i, 0);
                if (v != Math.rint(v) || v < 0 || v >= outputs) {
                    throw new IllegalArgumentException("--targets: row " + (i + 1) + " is " + v + ", not a class in 0.."
                            + (outputs - 1));
                }
                oneHot.set(i, (int) v, 1.0);
            }
            return oneHot;
        }
        throw new IllegalArgumentException("--targets has " + y.cols() + " columns but the network has " + outputs
                + " outputs" + (y.cols() == 1 ? " (integer labels need --loss ce)" : ""));
    }

    /** ρ(WᵀW, AGOP^α) against α, one line per layer: where each layer's NFA exponent lies. */
    private static byte[] alphaSweepPlot(NetworkDiagnostics d) {
        Map<String, double[][]> series = new java.util.LinkedHashMap<>();
        for (var layer : d.layers()) {
            var sweep = layer.alphaSweep();
            double[] rho = sweep.pearson().clone();
            for (int k = 0; k < rho.length; k++) {
                rho[k] = Double.isFinite(rho[k]) ? rho[k] : 0.0;
            }
            series.put("layer " + layer.index(), new double[][] {sweep.alphas(), rho});
        }
        return LineChart.pngBytes("NFA: ρ(WᵀW, AGOP^α) per layer", "α", "Pearson ρ", series);
    }

    private void write(Network network, DiagnosedStep step, byte[] sweepPng, List<String> notes, double seconds,
                       Activation act, Loss lossFn, double lambda) {
        var config = org.featurelab.io.Json.object();
        config.put("arch", network.toString());
        config.put("activation", act.name());
        config.put("loss", lossFn.name());
        config.put("weightDecay", lambda);
        Provenance provenance = Provenance.capture(0, "weights " + weights.getFileName(), config, common.commandLine(),
                Blas.describe());
        RunOutput output = new RunOutput(RunOutput.Kind.DIAGNOSE, weights.getFileName() + " on " + data.getFileName(),
                provenance).seconds(seconds).input("--weights", weights).input("--data", data);
        if (targets != null) {
            output.input("--targets", targets);
        }
        if (initWeights != null) {
            output.input("--init-weights", initWeights);
        }
        output.summary().setAll(SummaryJson.of(step));
        var noteArray = output.summary().putArray("notes");
        notes.forEach(noteArray::add);
        MetricsCsv.rows(List.of(step), output::metric);
        output.title("featurelab diagnose: " + weights.getFileName());
        notes.forEach(output::paragraph);
        output.heading("Per-layer diagnostics").table(TrainCommand.header(), TrainCommand.rows(step));
        output.plot("alpha-sweep.png", "ρ(WᵀW, AGOP^α) against α, per layer (non-finite values drawn at 0)", sweepPng);
        output.writeTo(out);
    }

    private static void print(PrintWriter w, Network network, DiagnosedStep step, List<String> notes) {
        w.printf("network     %s%n", network);
        notes.forEach(n -> w.printf("note        %s%n", n));
        TextTable t = new TextTable(TrainCommand.header().toArray(new String[0]));
        TrainCommand.rows(step).forEach(r -> t.row(r.toArray()));
        w.print(t.render());
        w.flush();
    }
}
