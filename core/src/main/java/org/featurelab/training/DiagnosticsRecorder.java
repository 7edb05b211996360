package org.featurelab.training;

import org.featurelab.diagnostics.DiagnosticsConfig;
import org.featurelab.diagnostics.NetworkDiagnostics;
import org.featurelab.linalg.Matrix;
import org.featurelab.nn.Network;
import org.featurelab.nn.Objective;
import org.featurelab.nn.TrainingData;
import org.featurelab.nn.TrainingListener;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * A {@link TrainingListener} that, at every step t with t mod K = 0 and at the last step, evaluates
 * {@link NetworkDiagnostics#compute} on a fixed sample set (X, Y) and keeps one {@link DiagnosedStep}. Matrices are
 * not kept (scalars only), and the {@link Stationarity} of the same point. Cost per diagnosis: two gradients, c backward passes for AGOP/K, one FACT pass and one
 * eigendecomposition per layer for the α sweep.
 */
public final class DiagnosticsRecorder implements TrainingListener {
    private final TrainingData sample;
    private final Objective objective;
    private final DiagnosticsConfig config;
    private final int every;
    private final int lastStep;
    private final Network initial;
    private final Consumer<DiagnosedStep> onDiagnosis;
    private final List<DiagnosedStep> steps = new ArrayList<>();

    /**
     * @param sample      the fixed sample set the diagnostics are computed on
     * @param objective   the coupled objective whose λ defines FACT (λ = 0: FACT undefined, NaN)
     * @param every       K ≥ 1
     * @param lastStep    the trainer's final step (always diagnosed)
     * @param initial     network at step 0 for the centred NFM / C-NFA, or null
     * @param onDiagnosis called with each new record (progress lines), may be a no-op
     */
    public DiagnosticsRecorder(TrainingData sample, Objective objective, DiagnosticsConfig config, int every, int lastStep,
                               Network initial, Consumer<DiagnosedStep> onDiagnosis) {
        if (every < 1) {
            throw new IllegalArgumentException("diagnostics recorder: K must be ≥ 1, got " + every);
        }
        this.sample = Objects.requireNonNull(sample, "sample");
        this.objective = Objects.requireNonNull(objective, "objective");
        this.config = config.withKeepMatrices(false);
        this.every = every;
        this.lastStep = lastStep;
        this.initial = initial;
        this.onDiagnosis = Objects.requireNonNull(onDiagnosis, "onDiagnosis");
    }

    /**
     * The rows of {@code data} when n ≤ {@code maxRows}, else {@code maxRows} rows drawn without replacement
     * (partial Fisher–Yates from a {@link SplittableRandom} seeded with {@code seed}), kept in their original order.
     */
    public static TrainingData sample(TrainingData data, int maxRows, long seed) {
        if (maxRows < 1) {
            throw new IllegalArgumentException("diagnostics sample: at most " + maxRows + " rows");
        }
        int n = data.size();
        if (n <= maxRows) {
            return data;
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < maxRows; i++) {
            int j = i + rng.nextInt(n - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] idx = java.util.Arrays.copyOf(order, maxRows);
        java.util.Arrays.sort(idx);
        Matrix x = data.inputs().selectRows(idx);
        Matrix y = data.targets().selectRows(idx);
        return new TrainingData(x, y);
    }

    @Override
    public boolean observes(int step) {
        return step % every == 0 || step == lastStep;
    }

    @Override
    public void onStep(int step, Network network, double batchObjective, double batchGradientNorm) {
        if (!observes(step)) {
            return;
        }
        DiagnosedStep record = diagnose(step, network, initial, sample, objective, config);
        steps.add(record);
        onDiagnosis.accept(record);
    }

    /**
     * One record: {@link NetworkDiagnostics#compute} of {@code network} on {@code sample} (with {@code initial} for the
     * centred NFM, or null), its data loss and its {@link Stationarity} — what every diagnosed step of a run holds,
     * and what {@code featurelab diagnose} computes for a network trained elsewhere.
     */
    public static DiagnosedStep diagnose(int step, Network network, Network initial, TrainingData sample,
                                         Objective objective, DiagnosticsConfig config) {
        return record(NetworkDiagnostics.compute(step, network, initial, sample.inputs(), sample.targets(), objective,
                config.withKeepMatrices(false)), network, sample, objective);
    }

    /** The record of diagnostics {@code d} already computed for {@code network} on {@code sample}. */
    public static DiagnosedStep record(NetworkDiagnostics d, Network network, TrainingData sample, Objective objective) {
        double dataLoss = d.objective() - 0.5 * objective.weightDecay() * network.squaredParameterNorm();
        Stationarity stationarity = Stationarity.of(network, objective.gradients(network, sample.inputs(), sample.targets()),
                objective.weightDecay());
        return DiagnosedStep.of(d, dataLoss, stationarity);
    }

    /** The records so far, in step order. */
    public List<DiagnosedStep> steps() {
        return Collections.unmodifiableList(steps);
    }
}
