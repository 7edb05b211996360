package org.featurelab.training;

import org.featurelab.diagnostics.DiagnosticsConfig;
import org.featurelab.linalg.Arithmetic;
import org.featurelab.linalg.Matrix;
import org.featurelab.nn.Float32Mlp;
import org.featurelab.nn.Float32Trainer;
import org.featurelab.nn.Initialization;
import org.featurelab.nn.Network;
import org.featurelab.nn.Trainer;
import org.featurelab.nn.TrainingData;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * One training run: initialise, train with {@link Trainer} (or {@link Float32Trainer} when the config's arithmetic is
 * float32; the initial network is then rounded to float32 first) for {@code epochs × ⌈n/batch⌉} steps with a
 * {@link DiagnosticsRecorder} attached, and return the records. Seeds: from the root seed S a
 * {@link SplittableRandom} hands out, in this order, the initialisation generator, the trainer's batch-order
 * seed, the SGLD noise seed and the diagnostics-sample seed; same config and data give the same run. With
 * {@link InitSpec.FromFile} the initial network is the saved one, bit for bit ({@link NetworkFile}).
 *
 * @param initial  network at step 0
 * @param trained  network after the last step
 * @param steps    the diagnosed steps (the last is the final network, over the sample set)
 * @param totalSteps updates applied
 * @param sampleRows rows of the diagnostics sample set
 * @param seconds  wall time of training plus diagnostics
 */
public record TrainingRun(TrainConfig config, Network initial, Network trained, List<DiagnosedStep> steps,
                          int totalSteps, int sampleRows, double seconds) {
    public TrainingRun {
        steps = List.copyOf(steps);
    }

    /** The last diagnosed step (the final network). */
    public DiagnosedStep last() {
        return steps.get(steps.size() - 1);
    }

    /**
     * This run followed by {@code next}, a run started from this run's trained network (e.g. a second optimiser), as
     * one run: this run's config and initial network, {@code next}'s trained network, and the diagnosed steps of both,
     * those of {@code next} shifted by {@link #totalSteps} and without its step 0 (the same network as this run's last).
     *
     * @throws IllegalArgumentException when {@code next} did not start from this run's trained network
     */
    public TrainingRun continuedBy(TrainingRun next) {
        if (next.initial() != trained) {
            throw new IllegalArgumentException("continuedBy: the next run must start from this run's trained network");
        }
        List<DiagnosedStep> all = new java.util.ArrayList<>(steps);
        for (DiagnosedStep s : next.steps()) {
            if (s.step() > 0) {
                all.add(s.withStep(s.step() + totalSteps));
            }
        }
        return new TrainingRun(config, initial, next.trained(), all, totalSteps + next.totalSteps(), sampleRows,
                seconds + next.seconds());
    }

    /**
     * Runs {@code config} on {@code data}; {@code onDiagnosis} sees every record as it is made (progress).
     *
     * @throws IllegalArgumentException when the data widths do not match the first and last of {@code widths}
     *                                  ("widths 5-8-2 do not fit the data: expected 4-…-3 (…)")
     */
    public static TrainingRun execute(TrainConfig config, TrainingData data, Consumer<DiagnosedStep> onDiagnosis) {
        return execute(config, data, null, onDiagnosis);
    }

    /**
     * As {@link #execute(TrainConfig, TrainingData, Consumer)}, starting from {@code startNetwork} when it is not null
     * (a network the caller already loaded from the file of {@link InitSpec.FromFile}; checked with
     * {@link TrainConfig#requireFitsStart}). The seeds are split as always, so batch order, noise and sample do not
     * depend on where the initial network came from.
     */
    public static TrainingRun execute(TrainConfig config, TrainingData data, Network startNetwork,
                                      Consumer<DiagnosedStep> onDiagnosis) {
        int[] widths = config.widths();
        if (widths[0] != data.inputs().cols() || widths[widths.length - 1] != data.targets().cols()) {
            throw new IllegalArgumentException("widths " + TrainConfig.archString(widths) + " do not fit the data: expected "
                    + data.inputs().cols() + "-…-" + data.targets().cols() + " (" + data.inputs().cols() + " encoded inputs, "
                    + data.targets().cols() + " output" + (data.targets().cols() == 1 ? "" : "s") + ")");
        }
        SplittableRandom root = new SplittableRandom(config.seed());
        SplittableRandom initRng = root.split();
        long trainerSeed = root.nextLong();
        long noiseSeed = root.nextLong();
        long sampleSeed = root.nextLong();
        Network initial;
        if (startNetwork != null) {
            config.requireFitsStart(startNetwork);
            initial = startNetwork;
        } else {
            initial = initialNetwork(config, initRng);
        }
        boolean float32 = config.arithmetic() == Arithmetic.FLOAT32;
        if (float32) { // the network the float32 engine starts from, so step 0 and the centred NFM see it exactly
            initial = Float32Mlp.fromNetwork(initial).toNetwork();
        }
        int steps = config.epochs() * config.stepsPerEpoch(data.size());
        TrainingData sample = DiagnosticsRecorder.sample(data, config.maxDiagnosticRows(), sampleSeed);
        DiagnosticsRecorder recorder = new DiagnosticsRecorder(sample, config.diagnosticObjective(),
                DiagnosticsConfig.defaults(), config.diagnoseEvery(), steps, initial, onDiagnosis);
        long start = System.nanoTime();
        Network trained = float32
                ? Float32Trainer.train(initial, data, config.trainingObjective(), config.buildOptimizer(noiseSeed), steps,
                trainerSeed, recorder)
                : Trainer.train(initial, data, config.trainingObjective(), config.buildOptimizer(noiseSeed), steps,
                trainerSeed, recorder);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new TrainingRun(config, initial, trained, recorder.steps(), steps, sample.size(), seconds);
    }

    /** The network at step 0 as {@link TrainConfig#init()} says. */
    static Network initialNetwork(TrainConfig config, SplittableRandom rng) {
        int[] w = config.widths();
        InitSpec init = config.init();
        if (init instanceof InitSpec.FromFile from) {
            Network saved = NetworkFile.load(from.file());
            config.requireFitsStart(saved);
            return saved;
        }
        if (init instanceof InitSpec.Balanced) {
            int d = w[0];
            int c = w[w.length - 1];
            Matrix a = Matrix.gaussian(c, d, 1.0 / Math.sqrt(d), rng);
            int width = w.length > 2 ? w[1] : Math.min(c, d);
            return Initialization.balanced(a, config.depth(), width, rng);
        }
        Network standard = Initialization.standard(w, config.activation(), config.bias(), rng);
        double factor = init instanceof InitSpec.Scaled scaled ? scaled.factor() : 1.0;
        return factor == 1.0 ? standard : Initialization.scaled(standard, factor);
    }
}
