package org.featurelab.tabular;

import org.featurelab.kernel.KernelKind;
import org.featurelab.linalg.Precision;
import org.featurelab.rfm.MetricScaling;
import org.featurelab.rfm.StoppingRule;

import java.util.List;

/**
 * How {@link TabularLearner} fits a model. Hyper-parameters given as one-element grids are fixed; longer
 * grids are tuned on an internal validation split. Messages name the fields ("ridges must be finite and &gt;= 0");
 * the command line maps them to its flags.
 *
 * @param model              a {@link ModelKind} (kernel machines, the ensemble nfa-rfm+laplace-l1, or boosted trees; the trees use only
 *                           {@code validationFraction}, {@code maxTuningRows} and {@code seed}: the tuning split)
 * @param kernel             kernel kind (laplace, gaussian or product-laplace); its bandwidth comes from {@code bandwidths}
 * @param iterations         T: iterations 0..T are tried and the best on validation is kept
 * @param ridges             ridge grid λ (each ≥ 0)
 * @param bandwidths         bandwidth grid L (each &gt; 0)
 * @param scaling            rescaling of each learned M
 * @param diagonal           learn only diag(M)
 * @param validationFraction share of training rows held out for tuning (0 &lt; f &lt; 1)
 * @param maxTuningRows      tuning uses at most this many rows (a seeded random subset); the refit uses all
 * @param seed               seed of the validation split and tuning subset
 * @param precision          arithmetic of large kernel systems and gradient GEMMs (see {@link Precision})
 * @param centerTargets      fit an intercept: the kernel machine is fitted on Y − ȳ and predicts ȳ + f(x)
 *                           ({@link org.featurelab.rfm.RfmConfig#centerTargets}); on by default, off in model files
 *                           written before it existed
 * @param maxLeafSize        kernel machines on more training rows than this are fitted as a tree-partitioned RFM
 *                           ({@link org.featurelab.partition.PartitionedRfm}) with leaves of at most this many rows;
 *                           {@link #AUTO_LEAF_SIZE} (0): exact up to {@link #EXACT_ROW_LIMIT} rows, leaves of
 *                           {@link #DEFAULT_LEAF_SIZE} above
 * @param patience           early stopping of each tuning candidate's iterations
 *                           ({@link org.featurelab.rfm.StoppingRule#patience}): stop once this many iterations in a row
 *                           have not beaten the candidate's best; 0 runs every iteration 0..T (the older behaviour, and
 *                           what model files written before it existed record)
 */
public record LearnerConfig(ModelKind model, KernelKind kernel, int iterations, List<Double> ridges, List<Double> bandwidths,
                            MetricScaling scaling, boolean diagonal, double validationFraction, int maxTuningRows,
                            long seed, Precision precision, boolean centerTargets, int maxLeafSize, int patience) {
    /** Default ridge grid. */
    public static final List<Double> RIDGES = List.of(1e-3, 1e-1, 1.0);
    /** Default bandwidth grid (inputs are standardised). */
    public static final List<Double> BANDWIDTHS = List.of(2.0, 5.0, 10.0, 20.0);
    /**
     * Tuning-row cap of {@link #defaults} (docs/design.md, "Tuning"): 4,000 until issue 13's tenth look, which measured
     * 2,000 as 2.0× faster (2.3–2.9× on the tables it touches) with the mean test scores equal or higher on
     * ../shared/data/tabular (docs/benchmarks.md).
     */
    public static final int DEFAULT_MAX_TUNING_ROWS = 2_000;
    /** Patience of {@link #defaults} (docs/design.md, "Early stopping of the candidates"). */
    public static final int DEFAULT_PATIENCE = 1;

    /** {@code maxLeafSize} meaning "exact up to {@link #EXACT_ROW_LIMIT} rows, then leaves of {@link #DEFAULT_LEAF_SIZE}". */
    public static final int AUTO_LEAF_SIZE = 0;
    /** The most training rows the automatic rule fits exactly (an n×n kernel matrix of 3.2 GB in float64). */
    public static final int EXACT_ROW_LIMIT = 20_000;
    /** Leaf size of the automatic rule above {@link #EXACT_ROW_LIMIT}. */
    public static final int DEFAULT_LEAF_SIZE = 5_000;

    public LearnerConfig {
        if (model == null || kernel == null || scaling == null || precision == null) {
            throw new IllegalArgumentException("learner config: model, kernel, scaling and precision are required");
        }
        if (iterations < 0 || iterations > 100) {
            throw new IllegalArgumentException("iterations must be in 0..100, got " + iterations);
        }
        if (model == ModelKind.LAPLACE && iterations != 0) {
            throw new IllegalArgumentException("model laplace learns no features: iterations must be 0 (got " + iterations
                    + "); use nfa-rfm or fact-rfm to learn M");
        }
        if (model.isEnsemble() && kernel != KernelKind.LAPLACE) {
            throw new IllegalArgumentException("model " + model.id() + " fixes its members' kernels ("
                    + String.join(", ", model.members().stream().map(m -> m.name() + ": " + m.kernel().id()).toList())
                    + "): no other kernel");
        }
        if (model.isBoosted() && iterations != 0) {
            throw new IllegalArgumentException("model " + model.id() + " is boosted trees: iterations must be 0 (got "
                    + iterations + ")");
        }
        ridges = List.copyOf(ridges);
        bandwidths = List.copyOf(bandwidths);
        if (ridges.isEmpty() || bandwidths.isEmpty()) {
            throw new IllegalArgumentException("learner config: ridges and bandwidths must not be empty");
        }
        for (double r : ridges) {
            if (!(r >= 0) || !Double.isFinite(r)) {
                throw new IllegalArgumentException("ridges must be finite and >= 0, got " + r);
            }
        }
        for (double l : bandwidths) {
            if (!(l > 0) || !Double.isFinite(l)) {
                throw new IllegalArgumentException("bandwidths must be positive and finite, got " + l);
            }
        }
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validationFraction must be in (0, 1), got " + validationFraction);
        }
        if (maxTuningRows < 10) {
            throw new IllegalArgumentException("maxTuningRows must be >= 10, got " + maxTuningRows);
        }
        if (patience < 0 || patience > 100) {
            throw new IllegalArgumentException("patience must be in 0..100 (0: every iteration), got " + patience);
        }
        if (maxLeafSize != AUTO_LEAF_SIZE && maxLeafSize < 2 * org.featurelab.partition.PartitionConfig.MIN_LEAF_ROWS) {
            throw new IllegalArgumentException("maxLeafSize must be >= " + 2 * org.featurelab.partition.PartitionConfig.MIN_LEAF_ROWS
                    + " (or 0: automatic), got " + maxLeafSize);
        }
    }

    /** As the canonical constructor with the automatic leaf size. */
    public LearnerConfig(ModelKind model, KernelKind kernel, int iterations, List<Double> ridges, List<Double> bandwidths,
                         MetricScaling scaling, boolean diagonal, double validationFraction, int maxTuningRows, long seed,
                         Precision precision, boolean centerTargets) {
        this(model, kernel, iterations, ridges, bandwidths, scaling, diagonal, validationFraction, maxTuningRows, seed,
                precision, centerTargets, AUTO_LEAF_SIZE);
    }

    /** As the canonical constructor without early stopping (patience 0). */
    public LearnerConfig(ModelKind model, KernelKind kernel, int iterations, List<Double> ridges, List<Double> bandwidths,
                         MetricScaling scaling, boolean diagonal, double validationFraction, int maxTuningRows, long seed,
                         Precision precision, boolean centerTargets, int maxLeafSize) {
        this(model, kernel, iterations, ridges, bandwidths, scaling, diagonal, validationFraction, maxTuningRows, seed,
                precision, centerTargets, maxLeafSize, 0);
    }

    /**
     * The settings of one member of an ensemble kind: the member's kind and kernel, this T for a member that learns
     * features (0 for the plain kernel), every other setting (grids, split, seed, precision, intercept) shared.
     */
    public LearnerConfig member(ModelKind.Member m) {
        return new LearnerConfig(m.kind(), m.kernel(), m.kind().learnsFeatures() ? iterations : 0, ridges, bandwidths,
                scaling, diagonal, validationFraction, maxTuningRows, seed, precision, centerTargets, maxLeafSize, patience);
    }

    /** The stopping rule of each tuning candidate's iterations. */
    public StoppingRule stoppingRule() {
        return StoppingRule.patience(patience);
    }

    /** The same settings with early stopping after {@code p} iterations without a new best (0: every iteration). */
    public LearnerConfig withPatience(int p) {
        return new LearnerConfig(model, kernel, iterations, ridges, bandwidths, scaling, diagonal, validationFraction,
                maxTuningRows, seed, precision, centerTargets, maxLeafSize, p);
    }

    /** The leaf size used on {@code rows} training rows, or 0 when they are fitted exactly (one kernel matrix). */
    public int leafSizeFor(int rows) {
        int leaf = maxLeafSize == AUTO_LEAF_SIZE ? (rows > EXACT_ROW_LIMIT ? DEFAULT_LEAF_SIZE : 0) : maxLeafSize;
        return leaf > 0 && rows > leaf ? leaf : 0;
    }

    public LearnerConfig withMaxLeafSize(int rows) {
        return new LearnerConfig(model, kernel, iterations, ridges, bandwidths, scaling, diagonal, validationFraction,
                maxTuningRows, seed, precision, centerTargets, rows, patience);
    }

    /**
     * Defaults for a model kind: Laplace kernel, tuned ridge and bandwidth, trace-scaled M, seed 0, mixed precision,
     * with an intercept, candidates stopped with patience {@value #DEFAULT_PATIENCE}.
     */
    public static LearnerConfig defaults(ModelKind model) {
        return new LearnerConfig(model, KernelKind.LAPLACE, model.defaultIterations(), RIDGES, BANDWIDTHS, MetricScaling.TRACE,
                false, 0.2, DEFAULT_MAX_TUNING_ROWS, 0L, Precision.MIXED, true, AUTO_LEAF_SIZE, DEFAULT_PATIENCE);
    }

    public LearnerConfig withKernel(KernelKind k) {
        return new LearnerConfig(model, k, iterations, ridges, bandwidths, scaling, diagonal, validationFraction, maxTuningRows, seed, precision, centerTargets, maxLeafSize, patience);
    }

    public LearnerConfig withIterations(int t) {
        return new LearnerConfig(model, kernel, t, ridges, bandwidths, scaling, diagonal, validationFraction, maxTuningRows, seed, precision, centerTargets, maxLeafSize, patience);
    }

    public LearnerConfig withRidges(List<Double> r) {
        return new LearnerConfig(model, kernel, iterations, r, bandwidths, scaling, diagonal, validationFraction, maxTuningRows, seed, precision, centerTargets, maxLeafSize, patience);
    }

    public LearnerConfig withBandwidths(List<Double> l) {
        return new LearnerConfig(model, kernel, iterations, ridges, l, scaling, diagonal, validationFraction, maxTuningRows, seed, precision, centerTargets, maxLeafSize, patience);
    }

    public LearnerConfig withScaling(MetricScaling s) {
        return new LearnerConfig(model, kernel, iterations, ridges, bandwidths, s, diagonal, validationFraction, maxTuningRows, seed, precision, centerTargets, maxLeafSize, patience);
    }

    public LearnerConfig withDiagonal(boolean d) {
        return new LearnerConfig(model, kernel, iterations, ridges, bandwidths, scaling, d, validationFraction, maxTuningRows, seed, precision, centerTargets, maxLeafSize, patience);
    }

    public LearnerConfig withPrecision(Precision p) {
        return new LearnerConfig(model, kernel, iterations, ridges, bandwidths, scaling, diagonal, validationFraction, maxTuningRows,
                seed, p, centerTargets, maxLeafSize, patience);
    }

    public LearnerConfig withSeed(long s) {
        return new LearnerConfig(model, kernel, iterations, ridges, bandwidths, scaling, diagonal, validationFraction, maxTuningRows, s, precision, centerTargets, maxLeafSize, patience);
    }

    public LearnerConfig withCenterTargets(boolean c) {
        return new LearnerConfig(model, kernel, iterations, ridges, bandwidths, scaling, diagonal, validationFraction, maxTuningRows,
                seed, precision, c, maxLeafSize, patience);
    }

    public LearnerConfig withMaxTuningRows(int rows) {
        return new LearnerConfig(model, kernel, iterations, ridges, bandwidths, scaling, diagonal, validationFraction, rows, seed, precision, centerTargets, maxLeafSize, patience);
    }
}
