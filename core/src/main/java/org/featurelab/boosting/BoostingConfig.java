package org.featurelab.boosting;

/**
 * How one booster is trained. Everything not named here is XGBoost's default (tree_method hist, min_child_weight 1,
 * gamma 0, lambda 1, alpha 0, subsample 1, colsample_bytree 1, max_bin 256), so training is deterministic: with
 * subsample and colsample 1 nothing is sampled, and the seed is passed explicitly anyway.
 *
 * @param maxDepth  max_depth of each tree (1..30)
 * @param eta       learning rate (0 &lt; eta ≤ 1)
 * @param rounds    boosting rounds; with {@code patience} &gt; 0 the cap of the rounds tried on validation rows
 * @param patience  early stopping: stop after this many rounds without a new best validation round (0 = train
 *                  exactly {@code rounds})
 * @param seed      XGBoost's {@code seed}
 * @param threads   XGBoost's {@code nthread} (&ge; 1)
 */
public record BoostingConfig(int maxDepth, double eta, int rounds, int patience, long seed, int threads) {
    /** XGBoost's max_depth default. */
    public static final int DEFAULT_MAX_DEPTH = 6;
    /** XGBoost's eta default. */
    public static final double DEFAULT_ETA = 0.3;
    /** Rounds of a default fit: the n_estimators default of XGBoost's scikit-learn wrapper (xgb.train's is 10). */
    public static final int DEFAULT_ROUNDS = 100;
    /** Threads unless the caller says otherwise (the machines this runs on have 2 cores). */
    public static final int DEFAULT_THREADS = 1;

    public BoostingConfig {
        if (maxDepth < 1 || maxDepth > 30) {
            throw new IllegalArgumentException("maxDepth must be in 1..30, got " + maxDepth);
        }
        if (!(eta > 0 && eta <= 1)) {
            throw new IllegalArgumentException("eta must be in (0, 1], got " + eta);
        }
        if (rounds < 1 || rounds > 100_000) {
            throw new IllegalArgumentException("rounds must be in 1..100000, got " + rounds);
        }
        if (patience < 0) {
            throw new IllegalArgumentException("patience must be >= 0, got " + patience);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
    }

    /** XGBoost's defaults: max_depth 6, eta 0.3, 100 rounds, no early stopping. */
    public static BoostingConfig defaults(long seed) {
        return new BoostingConfig(DEFAULT_MAX_DEPTH, DEFAULT_ETA, DEFAULT_ROUNDS, 0, seed, DEFAULT_THREADS);
    }

    public BoostingConfig withTree(int depth, double learningRate) {
        return new BoostingConfig(depth, learningRate, rounds, patience, seed, threads);
    }

    public BoostingConfig withRounds(int r) {
        return new BoostingConfig(maxDepth, eta, r, patience, seed, threads);
    }

    public BoostingConfig withPatience(int p) {
        return new BoostingConfig(maxDepth, eta, rounds, p, seed, threads);
    }

    public BoostingConfig withThreads(int t) {
        return new BoostingConfig(maxDepth, eta, rounds, patience, seed, t);
    }

    /** {@code max_depth=6;eta=0.3;rounds=100}: the form of results.csv's hyperparameters. */
    public String describe() {
        return "max_depth=" + maxDepth + ";eta=" + java.math.BigDecimal.valueOf(eta).stripTrailingZeros().toPlainString()
                + ";rounds=" + rounds;
    }
}
