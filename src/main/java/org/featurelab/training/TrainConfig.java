package org.featurelab.training;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.featurelab.io.Json;
import org.featurelab.nn.Activation;
import org.featurelab.nn.Loss;
import org.featurelab.nn.Network;
import org.featurelab.nn.Objective;
import org.featurelab.nn.Optimizer;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The settings of one network training run, validated in the constructor.
 *
 * @param widths        layer widths d, hidden…, c (at least two, all positive)
 * @param activation    hidden activation (the last layer is linear)
 * @param loss          per-sample loss
 * @param optimizer     one of {@link #OPTIMIZERS}
 * @param learningRate  η &gt; 0
 * @param weightDecay   λ ≥ 0: coupled (in 𝓛) for every optimiser but adamw, decoupled for adamw
 * @param epochs        passes over the data, ≥ 1
 * @param batchSize     rows per step, 0 = full batch (gd is always full batch)
 * @param momentum      heavy-ball μ ∈ [0, 1) of sgd
 * @param init          "standard", "small:F" (standard scaled by F), "balanced" (deep linear chain) or "from:FILE" (a
 *                      network saved by {@link NetworkFile}; its widths must equal {@code widths}, its hidden layers
 *                      must use {@code activation}, its last layer the identity, and its biases must agree with
 *                      {@code bias}: see {@link #requireFitsStart})
 * @param bias          whether layers have biases (balanced chains never do)
 * @param diagnoseEvery K ≥ 1: diagnostics every K steps and at the last
 * @param seed          root seed: initialisation, batch order, SGLD noise and the diagnostics sample derive from it
 * @param sloSpeeds     per-layer speeds C_ℓ of slo (length = depth)
 * @param temperature   T ≥ 0 of sgld
 * @param maxDiagnosticRows rows of the diagnostics sample set (a seeded subsample when n is larger)
 */
public record TrainConfig(int[] widths, Activation activation, Loss loss, String optimizer, double learningRate,
                          double weightDecay, int epochs, int batchSize, double momentum, String init, boolean bias,
                          int diagnoseEvery, long seed, double[] sloSpeeds, double temperature, int maxDiagnosticRows) {
    /** Prefix of the initialisation from a saved network, "from:FILE". */
    public static final String FROM = "from:";
    /** Optimiser names. */
    public static final List<String> OPTIMIZERS = List.of("gd", "sgd", "adam", "adamw", "slo", "sgld");

    public TrainConfig {
        Objects.requireNonNull(activation, "train: activation");
        Objects.requireNonNull(loss, "train: loss");
        widths = widths.clone();
        if (widths.length < 2) {
            throw new IllegalArgumentException("--arch: need at least input and output widths, got " + archString(widths));
        }
        for (int w : widths) {
            if (w <= 0) {
                throw new IllegalArgumentException("--arch: widths must be positive, got " + archString(widths));
            }
        }
        if (!OPTIMIZERS.contains(optimizer)) {
            throw new IllegalArgumentException("--optimizer: unknown '" + optimizer + "' (" + String.join(", ", OPTIMIZERS) + ")");
        }
        requirePositive("--lr", learningRate);
        if (!(weightDecay >= 0) || !Double.isFinite(weightDecay)) {
            throw new IllegalArgumentException("--weight-decay must be finite and ≥ 0, got " + weightDecay);
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("--epochs must be ≥ 1, got " + epochs);
        }
        if (batchSize < 0) {
            throw new IllegalArgumentException("--batch must be ≥ 1, got " + batchSize);
        }
        if (optimizer.equals("gd") && batchSize != 0) {
            throw new IllegalArgumentException("--batch: gd is full-batch gradient descent; use sgd (with --momentum 0) for mini-batches");
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("--momentum must be in [0, 1), got " + momentum);
        }
        parseInitFactor(init);
        if (init.equals("balanced")) {
            if (!(activation instanceof Activation.Identity)) {
                throw new IllegalArgumentException("--init balanced is for deep linear chains: use --activation identity");
            }
            for (int l = 2; l + 1 < widths.length; l++) {
                if (widths[l] != widths[1]) {
                    throw new IllegalArgumentException("--init balanced needs equal hidden widths, got --arch " + archString(widths));
                }
            }
            if (widths.length > 2 && widths[1] < Math.min(widths[0], widths[widths.length - 1])) {
                throw new IllegalArgumentException("--init balanced needs hidden width ≥ min(input, output), got --arch "
                        + archString(widths));
            }
        }
        if (diagnoseEvery < 1) {
            throw new IllegalArgumentException("--diagnose-every must be ≥ 1, got " + diagnoseEvery);
        }
        sloSpeeds = sloSpeeds == null ? ones(widths.length - 1) : sloSpeeds.clone();
        if (sloSpeeds.length != widths.length - 1) {
            throw new IllegalArgumentException("--slo-speeds: need one speed per layer (" + (widths.length - 1) + "), got "
                    + sloSpeeds.length);
        }
        for (double c : sloSpeeds) {
            requirePositive("--slo-speeds", c);
        }
        if (!(temperature >= 0) || !Double.isFinite(temperature)) {
            throw new IllegalArgumentException("--temperature must be finite and ≥ 0, got " + temperature);
        }
        if (maxDiagnosticRows < 1) {
            throw new IllegalArgumentException("diagnostic rows must be ≥ 1, got " + maxDiagnosticRows);
        }
    }

    /** Parses "784-256-256-10". */
    public static int[] parseArch(String text) {
        String[] parts = text.strip().split("-", -1);
        int[] w = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                w[i] = Integer.parseInt(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--arch: expected widths like 784-256-10, got '" + text + "'");
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

    /** The F of "small:F", 1 for "standard" and "balanced"; rejects anything else. */
    static double parseInitFactor(String init) {
        if (init == null) {
            throw new IllegalArgumentException("--init: missing");
        }
        if (init.equals("standard") || init.equals("balanced")) {
            return 1.0;
        }
        if (init.startsWith(FROM)) {
            if (init.substring(FROM.length()).isBlank()) {
                throw new IllegalArgumentException("--init: expected from:FILE with a saved network file, got '" + init + "'");
            }
            return 1.0;
        }
        if (init.startsWith("small:")) {
            double f;
            try {
                f = Double.parseDouble(init.substring(6));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--init: expected small:F with a number F, got '" + init + "'");
            }
            requirePositive("--init small:F factor", f);
            return f;
        }
        throw new IllegalArgumentException("--init: unknown '" + init + "' (standard, small:F, balanced, from:FILE)");
    }

    /** The FILE of {@code init = "from:FILE"}, or {@code null} for the other initialisations. */
    public Path initFile() {
        return init.startsWith(FROM) ? Path.of(init.substring(FROM.length())) : null;
    }

    /**
     * Checks that a saved network can start this run: its widths equal {@link #widths()} (saved and requested
     * architecture both named in the message), every layer but the last uses {@link #activation()} and the last
     * the identity (the activations of the run are the configured ones; a saved network is never re-interpreted),
     * and every layer has a bias exactly when {@link #bias()}.
     *
     * @param source names the network in messages, e.g. "--init from:run/network.flm"
     * @throws IllegalArgumentException one sentence saying what differs
     */
    public void requireFitsStart(Network start, String source) {
        int[] saved = start.widths();
        if (!Arrays.equals(saved, widths)) {
            throw new IllegalArgumentException(source + ": the saved network is " + archString(saved) + " but --arch is "
                    + archString(widths) + " (they must be equal)");
        }
        for (int l = 0; l < start.depth(); l++) {
            Activation expected = l + 1 == start.depth() ? Activation.IDENTITY : activation;
            Activation actual = start.layer(l).activation();
            if (!actual.name().equals(expected.name())) {
                throw new IllegalArgumentException(source + ": layer " + l + " of the saved network uses " + actual.name()
                        + " but this run needs " + expected.name()
                        + (l + 1 == start.depth() ? " (the last layer is linear)" : " (--activation " + activation.name() + ")"));
            }
            if (start.layer(l).hasBias() != bias) {
                throw new IllegalArgumentException(source + ": layer " + l + " of the saved network has "
                        + (bias ? "no bias but this run uses biases (add --no-bias)" : "a bias but this run has --no-bias"));
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
        return new Objective(loss, optimizer.equals("adamw") ? 0.0 : weightDecay);
    }

    /** The objective of the diagnostics: always the coupled λ (FACT is defined with it; exact only at its stationary points). */
    public Objective diagnosticObjective() {
        return new Objective(loss, weightDecay);
    }

    /** The optimiser; {@code noiseSeed} seeds SGLD's noise. */
    public Optimizer buildOptimizer(long noiseSeed) {
        return switch (optimizer) {
            case "gd" -> new Optimizer.GradientDescent(learningRate);
            case "sgd" -> new Optimizer.SgdMomentum(learningRate, momentum, batchSize);
            case "adam" -> Optimizer.Adam.of(learningRate, batchSize);
            case "adamw" -> new Optimizer.AdamW(learningRate, 0.9, 0.999, 1e-8, weightDecay, batchSize);
            case "slo" -> new Optimizer.Slo(learningRate, sloSpeeds, batchSize);
            case "sgld" -> new Optimizer.Sgld(learningRate, temperature, noiseSeed, batchSize);
            default -> throw new IllegalStateException(optimizer);
        };
    }

    /** The settings as a JSON object (for summary.json and provenance). */
    public ObjectNode toJson() {
        ObjectNode o = Json.object();
        o.put("arch", archString(widths));
        o.put("activation", activation.name());
        o.put("loss", loss.name());
        o.put("optimizer", optimizer);
        o.put("learningRate", learningRate);
        o.put("weightDecay", weightDecay);
        o.put("weightDecayKind", optimizer.equals("adamw") ? "decoupled" : "coupled");
        o.put("epochs", epochs);
        o.put("batch", batchSize == 0 ? "full" : Integer.toString(batchSize));
        if (optimizer.equals("sgd")) {
            o.put("momentum", momentum);
        }
        o.put("init", init);
        o.put("bias", bias && !init.equals("balanced"));
        o.put("diagnoseEvery", diagnoseEvery);
        o.put("seed", seed);
        if (optimizer.equals("slo")) {
            ArrayNode a = o.putArray("sloSpeeds");
            Arrays.stream(sloSpeeds).forEach(a::add);
        }
        if (optimizer.equals("sgld")) {
            o.put("temperature", temperature);
        }
        o.put("maxDiagnosticRows", maxDiagnosticRows);
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
