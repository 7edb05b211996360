package org.featurelab.rfm;

import org.featurelab.base.Task;
import org.featurelab.kernel.GramWorkspace;
import org.featurelab.kernel.KernelBasis;
import org.featurelab.kernel.KernelRidge;
import org.featurelab.kernel.Metric;
import org.featurelab.kernel.TrainingGram;
import org.featurelab.linalg.Arithmetic;
import org.featurelab.linalg.Matrix;
import org.featurelab.linalg.SolverWorkspace;
import org.featurelab.scoring.Scores;

import java.util.ArrayList;
import java.util.List;

/**
 * Recursive Feature Machine fitting. For t = 0..T:
 * <ol>
 *   <li>K = k_{M_t}(X, X); α_t = (K + λI)⁻¹Y (kernel ridge regression);</li>
 *   <li>score the predictor on the validation rows (if any);</li>
 *   <li>if t &lt; T: M_{t+1} = scaling(update(predictor_t)) — AGOP, FACT or FACT geometric mean.</li>
 * </ol>
 * M₀ = I. The iteration with the best validation score is kept (ties: lower validation MSE, then the
 * earlier iteration); without validation data the last one. If an update fails numerically (a zero or
 * non-finite M), the fit stops there, keeps the best of the iterations so far and records the failure in the
 * history. With validation data a {@link StoppingRule} may end the loop early (the tuner's patience); the
 * iterations not run are not in the history. Deterministic: no randomness is involved.
 */
public final class Rfm {
    private Rfm() {
    }

    /** Fits with the given validation data (may be null) and progress listener, from M₀ = I. */
    public static RfmModel fit(RfmConfig config, Task task, LabeledData train, LabeledData validation,
                               RfmListener listener) {
        return fit(config, task, train, validation, listener, null);
    }

    /**
     * As {@link #fit(RfmConfig, Task, LabeledData, LabeledData, RfmListener)} from a given M₀ ({@code start}; null for
     * the identity). With {@code config.iterations() = 0} this is one kernel ridge solve (K(M₀) + λI)α = Y — the
     * original RFM script's final fits with a feature matrix chosen elsewhere.
     */
    public static RfmModel fit(RfmConfig config, Task task, LabeledData train, LabeledData validation,
                               RfmListener listener, Metric start) {
        return fit(config, task, train, validation, listener, start, StoppingRule.NEVER);
    }

    /**
     * As {@link #fit(RfmConfig, Task, LabeledData, LabeledData, RfmListener, Metric)}, stopping before
     * {@code config.iterations()} when {@code stopping} says so after a scored iteration (validation data given):
     * the iterations not run are not in the history, and the best of those run is kept. A null rule is
     * {@link StoppingRule#NEVER}.
     */
    public static RfmModel fit(RfmConfig config, Task task, LabeledData train, LabeledData validation,
                               RfmListener listener, Metric start, StoppingRule stopping) {
        try (FitWorkspace ws = new FitWorkspace()) {
            return fit(config, task, train, validation, listener, start, stopping, ws);
        }
    }

    /**
     * As {@link #fit(RfmConfig, Task, LabeledData, LabeledData, RfmListener, Metric, StoppingRule)} in the buffers of
     * {@code ws}, which a sequence of fits shares (the returned model holds none of them).
     */
    public static RfmModel fit(RfmConfig config, Task task, LabeledData train, LabeledData validation,
                               RfmListener listener, Metric start, StoppingRule stopping, FitWorkspace ws) {
        if (ws == null) {
            throw new IllegalArgumentException("rfm: a workspace is required (new FitWorkspace())");
        }
        Matrix x = train.x();
        if (train.size() == 0) {
            throw new IllegalArgumentException("rfm: no training rows");
        }
        if (validation != null && (validation.x().cols() != x.cols() || validation.y().cols() != train.y().cols())) {
            throw new IllegalArgumentException("rfm: validation data is " + validation.x().shape() + " / "
                    + validation.y().shape() + ", training data " + x.shape() + " / " + train.y().shape());
        }
        Arithmetic arithmetic = config.precision().resolve(train.size());   // once per fit, for every step below
        requireMemory(train.size(), arithmetic, config.ridge());
        boolean validate = validation != null && validation.size() > 0;
        RfmListener events = listener == null ? RfmListener.NONE : listener;
        if (start != null && start.dimension() != x.cols()) {
            throw new IllegalArgumentException("rfm: the start metric is " + start.dimension() + "-dimensional, the data has "
                    + x.cols() + " features");
        }
        Metric metric = start != null ? start : Metric.identity(x.cols(), config.diagonal());
        double[] offset = config.centerTargets() ? columnMeans(train.y()) : new double[train.y().cols()];
        Matrix targets = train.y();
        if (config.centerTargets()) {
            targets = targets.copy();
            RfmModel.addOffsetInPlace(targets, negated(offset));
        }
        List<IterationRecord> history = new ArrayList<>();
        Best best = new Best();
        GramWorkspace gramSpace = ws.gram();
        SolverWorkspace solverSpace = ws.solver();
        for (int t = 0; ; t++) {
            long t0 = System.nanoTime();
            events.phaseStarted(t, "kernel");
            KernelBasis basis = config.kernel().basis(x, metric);
            // the last iteration's pass skips the weights only a feature update reads
            TrainingGram gram = basis.trainingGram(arithmetic, gramSpace, t < config.iterations());
            long t1 = System.nanoTime();
            events.phaseStarted(t, "solve");
            KernelRidge.Solution solution = KernelRidge.solve(gram, targets, config.ridge(), solverSpace);
            Matrix alpha = solution.alpha();
            events.solved(t, metric, basis, alpha);
            double trainScore = Scores.selectionScore(task, fittedOnTraining(train.y(), alpha, config.ridge()), train.y());
            long t2 = System.nanoTime();
            double valScore = Double.NaN;
            double valMse = Double.NaN;
            if (validate) {
                events.phaseStarted(t, "validate");
                Matrix pred = basis.predict(validation.x(), alpha);
                if (config.centerTargets()) {
                    RfmModel.addOffsetInPlace(pred, offset);
                }
                valScore = Scores.selectionScore(task, pred, validation.y());
                valMse = Scores.meanSquaredError(pred, validation.y());
                events.validated(t, pred);
            }
            long t3 = System.nanoTime();
            best.offer(!validate, valScore, valMse, metric, alpha, t);
            Metric next = null;
            String updateFailure = null;
            boolean last = t >= config.iterations()
                    || (validate && stopping != null && stopping.stop(t, best.iteration));
            if (!last) {
                events.phaseStarted(t, "update");
                try {
                    next = nextMetric(config, basis, gram, alpha, metric);
                } catch (ArithmeticException e) {
                    // the iterations so far are valid models: stop here and keep the best of them
                    updateFailure = e.getMessage();
                }
            }
            long t4 = System.nanoTime();
            IterationRecord record = new IterationRecord(t, trainScore, valScore, valMse, seconds(t0, t1),
                    seconds(t1, t2), seconds(t2, t3), seconds(t3, t4), solution.method(), solution.jitter(),
                    updateFailure);
            history.add(record);
            events.iterationFinished(record);
            if (next == null) {
                break;
            }
            metric = next;
        }
        return new RfmModel(config, task, best.metric, x, best.alpha, best.iteration, history, offset);
    }

    /**
     * Fails early, with advice, when the n×n matrices of a fit cannot fit in the Java heap (float64 arithmetic: K and
     * the gradient weights W, both float64) or, with the native buffers, in RAM: float64 arithmetic has the solver's
     * copy of K + λI; mixed arithmetic holds everything natively — K's upper triangle in float64, its float32 factor,
     * the float32 W, and the float64 copy that a fallback to a float64 factorisation makes.
     * The heap counts as available after a full collection (asked for only when the free heap looks too small: a
     * benchmark's previous unit leaves its n×n matrices as garbage, which refused chess-krvk's units spuriously).
     */
    static void requireMemory(int n, Arithmetic arithmetic) {
        requireMemory(n, arithmetic, 1.0);
    }

    /**
     * As {@link #requireMemory(int, Arithmetic)} for ridge λ: interpolation (λ = 0) solves by LU on the heap, which
     * under mixed arithmetic needs K mirrored from its native triangle and LU's own copy (16n² heap bytes).
     */
    static void requireMemory(int n, Arithmetic arithmetic, double ridge) {
        double nn = n * (double) n;
        boolean mixed = arithmetic == Arithmetic.MIXED;
        double heapBytes = mixed ? (ridge == 0 ? 16 : 0) : 16;       // K and W under float64; LU's K and copy at λ = 0
        double nativeBytesPerEntry = mixed ? 8 + 4 + 4 + 8 : 8;        // see above
        double heap = heapBytes * nn;
        double nativeBytes = nativeBytesPerEntry * nn;
        Runtime rt = Runtime.getRuntime();
        double available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (heap > 0.9 * available) {
            // the used heap may be mostly garbage (the previous fit's matrices): collect it before refusing
            System.gc();
            available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        }
        if (heap > 0.9 * available) {
            int leaf = leafThatFits(0.9 * available, heapBytes);
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "rfm: %d training rows need about %.1f GB of Java heap for the n×n kernel matrices, but only %.1f GB "
                            + "is available; raise -Xmx (FEATURELAB_JAVA_OPTS), fit on fewer rows, or split them into "
                            + "leaves of at most %d rows (fit --max-leaf-size %d)",
                    n, heap / 1e9, available / 1e9, leaf, leaf));
        }
        double physical = physicalMemory();
        // the heap may hold the previous iteration's K and W as garbage while the next are built: up to twice the
        // live matrices, at most -Xmx (measured: n = 25,000 under -Xmx20g reached 19 GB RSS and was killed)
        double heapFootprint = Math.min(rt.maxMemory(), 2 * heap);
        if (physical > 0 && heapFootprint + nativeBytes > 0.9 * physical) {
            int leaf = leafThatFits(0.9 * physical, 2 * heapBytes + nativeBytesPerEntry);
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "rfm: %d training rows need about %.1f GB of memory (heap and native solver buffers), more than this "
                            + "machine's %.1f GB; fit on fewer rows, or split them into leaves of at most %d rows "
                            + "(fit --max-leaf-size %d)", n, (heapFootprint + nativeBytes) / 1e9, physical / 1e9, leaf, leaf));
        }
    }

    /** The largest n, rounded down to a multiple of 1,000 (at least 1,000), whose n² · bytesPerEntry fit in {@code bytes}. */
    static int leafThatFits(double bytes, double bytesPerEntry) {
        int n = (int) Math.floor(Math.sqrt(bytes / bytesPerEntry));
        return Math.max(1000, n / 1000 * 1000);
    }

    private static double physicalMemory() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getTotalMemorySize() : -1;
    }

    /** Column means of Y (1/n)Σᵢ yᵢ. */
    static double[] columnMeans(Matrix y) {
        double[] m = new double[y.cols()];
        double[] d = y.data();
        int c = m.length;
        for (int i = 0; i < d.length; i++) {
            m[i % c] += d[i];
        }
        for (int k = 0; k < c; k++) {
            m[k] /= Math.max(1, y.rows());
        }
        return m;
    }

    private static double[] negated(double[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = -v[i];
        }
        return r;
    }

    /**
     * On the training points the kernel ridge predictor gives f(xᵢ) = yᵢ − λαᵢ (with an intercept b too:
     * b + (yᵢ − b) − λαᵢ).
     */
    private static Matrix fittedOnTraining(Matrix y, Matrix alpha, double ridge) {
        Matrix fitted = y.copy();
        fitted.addInPlace(-ridge, alpha);
        return fitted;
    }

    /**
     * The iterate kept so far: by {@link ValidationChoice#beats} (best validation score, ties to lower validation MSE,
     * then the earlier one), starting from score −∞ and MSE +∞; {@code always} (no validation data) keeps the latest.
     */
    private static final class Best {
        Metric metric;
        Matrix alpha;
        int iteration = -1;
        double score = Double.NEGATIVE_INFINITY;
        double mse = Double.POSITIVE_INFINITY;

        void offer(boolean always, double s, double m, Metric candidateMetric, Matrix candidateAlpha, int t) {
            if (always || ValidationChoice.beats(s, m, score, mse)) {
                score = s;
                mse = m;
                metric = candidateMetric;
                alpha = candidateAlpha;
                iteration = t;
            }
        }
    }

    /** Fits without validation data: keeps the last iteration. */
    public static RfmModel fit(RfmConfig config, Task task, LabeledData train) {
        return fit(config, task, train, null, RfmListener.NONE);
    }

    /** One feature-matrix update from the iteration's basis and training Gram: rule, scaling, diagonal restriction. */
    static Metric nextMetric(RfmConfig config, KernelBasis basis, TrainingGram gram, Matrix alpha, Metric current) {
        Matrix m = config.update().next(basis, gram, alpha, current);
        m = config.scaling().apply(m);
        m.requireFinite("rfm update (" + config.update().name() + ")");
        if (m.maxAbs() == 0) {
            throw new ArithmeticException("rfm update (" + config.update().name()
                    + "): the learned feature matrix is zero (the predictor is constant); use fewer iterations or a different bandwidth");
        }
        if (config.diagonal()) {
            double[] diag = m.diag();
            for (int j = 0; j < diag.length; j++) {
                diag[j] = Math.max(0.0, diag[j]);
            }
            return new Metric.Diagonal(diag);
        }
        m.symmetrizeInPlace();
        return new Metric.Full(m);
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }
}
