package org.featurelab.training;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.featurelab.io.Json;
import org.featurelab.linalg.Arithmetic;
import org.featurelab.nn.Activation;
import org.featurelab.nn.Float32Trainer;
import org.featurelab.nn.Loss;
import org.featurelab.nn.Network;
import org.featurelab.nn.Objective;
import org.featurelab.nn.Optimizer;
import org.featurelab.nn.OptimizerKind;
import org.featurelab.nn.Trainer;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * The settings of one network training run, validated in the constructor. Messages name the fields
 * ("learningRate must be positive and finite, got -1"); the command line maps them to its flags.
 *
 * @param widths        layer widths d, hidden…, c (at least two, all positive)
 * @param activation    hidden activation (the last layer is linear)
 * @param loss          per-sample loss
 * @param optimizer     the update rule, built with this run's hyper-parameters by {@link #buildOptimizer}
 * @param learningRate  η &gt; 0 (for lbfgs: the step length t₀ of a steepest-descent iteration)
 * @param weightDecay   λ ≥ 0: coupled (in 𝓛) for every optimiser but adamw, decoupled for adamw
 * @param epochs        passes over the data, ≥ 1
 * @param batchSize     rows per step, 0 = full batch (gd is always full batch)
 * @param momentum      heavy-ball μ ∈ [0, 1) of sgd
 * @param init          the initial network ({@link InitSpec}): standard, scaled by F, balanced (deep linear chain: identity
 *                      activation, hidden width ≥ min(input, output), all hidden widths equal) or from a file (a network
 *                      saved by {@link NetworkFile}; its widths must equal {@code widths}, its hidden layers must use
 *                      {@code activation}, its last layer the identity, and its biases must agree with {@code bias}:
 *                      see {@link #requireFitsStart})
 * @param bias          whether layers have biases (balanced chains never do)
 * @param diagnoseEvery K ≥ 1: diagnostics every K steps and at the last
 * @param seed          root seed: initialisation, batch order, SGLD noise and the diagnostics sample derive from it
 * @param sloSpeeds     per-layer speeds C_ℓ of slo (length = depth)
 * @param temperature   T ≥ 0 of sgld
 * @param maxDiagnosticRows rows of the diagnostics sample set (a seeded subsample when n is larger)
 * @param arithmetic    the training engine: {@link Arithmetic#FLOAT64} ({@link Trainer}) or {@link Arithmetic#FLOAT32}
 *                      ({@link Float32Trainer}; every optimiser but lbfgs); diagnostics are float64 either way
 */
public record TrainConfig(int[] widths, Activation activation, Loss loss, OptimizerKind optimizer, double learningRate,
                          double weightDecay, int epochs, int batchSize, double momentum, InitSpec init, boolean bias,
                          int diagnoseEvery, long seed, double[] sloSpeeds, double temperature, int maxDiagnosticRows,
                          Arithmetic arithmetic) {
    /** Curvature pairs of {@link Optimizer.Lbfgs} ({@code learningRate} is its first trial step length). */
    public static final int LBFGS_MEMORY = 10;

    public TrainConfig {
        Objects.requireNonNull(activation, "train: activation");
        Objects.requireNonNull(loss, "train: loss");
        Objects.requireNonNull(optimizer, "train: optimizer");
        Objects.requireNonNull(init, "train: init");
        Objects.requireNonNull(arithmetic, "train: arithmetic");
        if (arithmetic == Arithmetic.MIXED) {
            throw new IllegalArgumentException("arithmetic: training runs in float64 or float32, not mixed");
        }
        if (arithmetic == Arithmetic.FLOAT32 && optimizer == OptimizerKind.LBFGS) {
            throw new IllegalArgumentException("arithmetic: lbfgs runs in float64 only (its line search compares objective "
                    + "values below float32 resolution)");
        }
        widths = widths.clone();
        if (widths.length < 2) {
            throw new IllegalArgumentException("widths: need at least an input and an output width, got " + archString(widths));
        }
        for (int w : widths) {
            if (w <= 0) {
                throw new IllegalArgumentException("widths: every width must be positive, got " + archString(widths));
            }
        }
        requirePositive("learningRate", learningRate);
        if (!(weightDecay >= 0) || !Double.isFinite(weightDecay)) {
            throw new IllegalArgumentException("weightDecay must be finite and ≥ 0, got " + weightDecay);
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be ≥ 1, got " + epochs);
        }
        if (batchSize < 0) {
            throw new IllegalArgumentException("batchSize must be ≥ 0 (0 = full batch), got " + batchSize);
        }
        if (optimizer == OptimizerKind.GD && batchSize != 0) {
            throw new IllegalArgumentException("batchSize: gd is full-batch gradient descent; use sgd (with momentum 0) for mini-batches");
        }
        if (optimizer == OptimizerKind.LBFGS && batchSize != 0) {
            throw new IllegalArgumentException("batchSize: lbfgs is full-batch (its line search needs the whole objective)");
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
        if (init instanceof InitSpec.Balanced) {
            if (!(activation instanceof Activation.Identity)) {
                throw new IllegalArgumentException("init balanced is for deep linear chains: use activation identity");
            }
            for (int l = 2; l + 1 < widths.length; l++) {
                if (widths[l] != widths[1]) {
                    throw new IllegalArgumentException("init balanced needs hidden layers of equal width, got widths "
                            + archString(widths));
                }
            }
            if (widths.length > 2 && widths[1] < Math.min(widths[0], widths[widths.length - 1])) {
                throw new IllegalArgumentException("init balanced needs hidden width ≥ min(input, output), got widths "
                        + archString(widths));
            }
        }
        if (diagnoseEvery < 1) {
            throw new IllegalArgumentException("diagnoseEvery must be ≥ 1, got " + diagnoseEvery);
        }
        sloSpeeds = sloSpeeds == null ? ones(widths.length - 1) : sloSpeeds.clone();
        if (sloSpeeds.length != widths.length - 1) {
            throw new IllegalArgumentException("sloSpeeds: need one speed per layer (" + (widths.length - 1) + "), got "
                    + sloSpeeds.length);
        }
        for (double c : sloSpeeds) {
            requirePositive("sloSpeeds", c);
        }
        if (!(temperature >= 0) || !Double.isFinite(temperature)) {
            throw new IllegalArgumentException("temperature must be finite and ≥ 0, got " + temperature);
        }
        if (maxDiagnosticRows < 1) {
            throw new IllegalArgumentException("maxDiagnosticRows must be ≥ 1, got " + maxDiagnosticRows);
        }
    }

    /** The float64 run of these settings (the canonical constructor with {@link Arithmetic#FLOAT64}). */
    public TrainConfig(int[] widths, Activation activation, Loss loss, OptimizerKind optimizer, double learningRate,
                       double weightDecay, int epochs, int batchSize, double momentum, InitSpec init, boolean bias,
                       int diagnoseEvery, long seed, double[] sloSpeeds, double temperature, int maxDiagnosticRows) {
        this(widths, activation, loss, optimizer, learningRate, weightDecay, epochs, batchSize, momentum, init, bias,
                diagnoseEvery, seed, sloSpeeds, temperature, maxDiagnosticRows, Arithmetic.FLOAT64);
    }

    /** These settings trained in {@code engine} arithmetic. */
    public TrainConfig withArithmetic(Arithmetic engine) {
        return new TrainConfig(widths, activation, loss, optimizer, learningRate, weightDecay, epochs, batchSize, momentum,
                init, bias, diagnoseEvery, seed, sloSpeeds, temperature, maxDiagnosticRows, engine);
    }

    /**
     * Parses the text form of {@code widths}, "784-256-256-10".
     *
     * @throws IllegalArgumentException "widths: expected dash-separated integers like 784-256-10, got 'x'"
     */
    public static int[] parseArch(String text) {
        String[] parts = text.strip().split("-", -1);
        int[] w = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                w[i] = Integer.parseInt(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("widths: expected dash-separated integers like 784-256-10, got '" + text + "'");
            }
        }
        return w;
    }

    /** "784-256-10". */
    public static String archString(int[] widths) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            sb.append(i == 0 ? "" : "-").append(widths[i]);
        }
        return sb.toString();
    }

    /**
     * Checks that a saved network can start this run: its widths equal {@link #widths()} (saved and requested
     * architecture both named in the message), every layer but the last uses {@link #activation()} and the last
     * the identity (the activations of the run are the configured ones; a saved network is never re-interpreted),
     * and every layer has a bias exactly when {@link #bias()}.
     *
     * @throws IllegalArgumentException one sentence saying what differs, starting with "init " and the
     *                                  {@link InitSpec#label() label} of {@link #init()}, e.g. "init from:run/network.flm:
     *                                  the saved network is 4-5-3 but widths is 4-8-3 (they must be equal)"
     */
    public void requireFitsStart(Network start) {
        String source = "init " + init.label();
        int[] saved = start.widths();
        if (!Arrays.equals(saved, widths)) {
            throw new IllegalArgumentException(source + ": the saved network is " + archString(saved) + " but widths is "
                    + archString(widths) + " (they must be equal)");
        }
        for (int l = 0; l < start.depth(); l++) {
            Activation expected = l + 1 == start.depth() ? Activation.IDENTITY : activation;
            Activation actual = start.layer(l).activation();
            if (!actual.name().equals(expected.name())) {
                throw new IllegalArgumentException(source + ": layer " + l + " of the saved network uses " + actual.name()
                        + " but this run needs " + expected.name()
                        + (l + 1 == start.depth() ? " (the last layer is linear)" : " (activation " + activation.name() + ")"));
            }
            if (start.layer(l).hasBias() != bias) {
                throw new IllegalArgumentException(source + ": layer " + l + " of the saved network has "
                        + (bias ? "no biases but this run uses them (see bias)" : "biases but this run has none (see bias)"));
            }
        }
    }

    @Override
    public int[] widths() {
        return widths.clone();
    }

    @Override
    public double[] sloSpeeds() {
        return sloSpeeds.clone();
    }

    /** Number of weight matrices. */
    public int depth() {
        return widths.length - 1;
    }

    /** Rows per step on n rows. */
    public int effectiveBatch(int n) {
        return batchSize == 0 ? n : Math.min(batchSize, n);
    }

    /** Updates per epoch on n rows: ⌈n / batch⌉. */
    public int stepsPerEpoch(int n) {
        int b = effectiveBatch(n);
        return (n + b - 1) / b;
    }

    /** The objective trained on: coupled decay λ, except adamw (λ = 0 in 𝓛, decay in the optimiser). */
    public Objective trainingObjective() {
        return new Objective(loss, optimizer.decouplesWeightDecay() ? 0.0 : weightDecay);
    }

    /** The objective of the diagnostics: always the coupled λ (FACT is defined with it; exact only at its stationary points). */
    public Objective diagnosticObjective() {
        return new Objective(loss, weightDecay);
    }

    /** The optimiser; {@code noiseSeed} seeds SGLD's noise. */
    public Optimizer buildOptimizer(long noiseSeed) {
        return switch (optimizer) {
            case GD -> new Optimizer.GradientDescent(learningRate);
            case SGD -> new Optimizer.SgdMomentum(learningRate, momentum, batchSize);
            case ADAM -> Optimizer.Adam.of(learningRate, batchSize);
            case ADAMW -> new Optimizer.AdamW(learningRate, 0.9, 0.999, 1e-8, weightDecay, batchSize);
            case SLO -> new Optimizer.Slo(learningRate, sloSpeeds, batchSize);
            case SGLD -> new Optimizer.Sgld(learningRate, temperature, noiseSeed, batchSize);
            case LBFGS -> new Optimizer.Lbfgs(LBFGS_MEMORY, learningRate);
        };
    }

    /** The settings as a JSON object (for summary.json and provenance). */
    public ObjectNode toJson() {
        ObjectNode o = Json.object();
        o.put("arch", archString(widths));
        o.put("activation", activation.name());
        o.put("loss", loss.name());
        o.put("optimizer", optimizer.id());
        o.put("learningRate", learningRate);
        o.put("weightDecay", weightDecay);
        o.put("weightDecayKind", optimizer.decouplesWeightDecay() ? "decoupled" : "coupled");
        o.put("epochs", epochs);
        o.put("batch", batchSize == 0 ? "full" : Integer.toString(batchSize));
        if (optimizer == OptimizerKind.SGD) {
            o.put("momentum", momentum);
        }
        o.put("init", init.label());
        o.put("bias", bias && !(init instanceof InitSpec.Balanced));
        o.put("diagnoseEvery", diagnoseEvery);
        o.put("seed", seed);
        if (optimizer == OptimizerKind.SLO) {
            ArrayNode a = o.putArray("sloSpeeds");
            Arrays.stream(sloSpeeds).forEach(a::add);
        }
        if (optimizer == OptimizerKind.SGLD) {
            o.put("temperature", temperature);
        }
        if (optimizer == OptimizerKind.LBFGS) {
            o.put("lbfgsMemory", LBFGS_MEMORY);
        }
        o.put("maxDiagnosticRows", maxDiagnosticRows);
        o.put("arithmetic", arithmetic.label());
        return o;
    }

    private static double[] ones(int n) {
        double[] a = new double[n];
        Arrays.fill(a, 1.0);
        return a;
    }

    private static void requirePositive(String what, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s must be positive and finite, got %s", what, v));
        }
    }
}
