package org.featurelab.rfm;

/**
 * When a fit with validation data may stop before its last iteration. It is asked after every scored iteration t,
 * before M_{t+1} is computed, with the iteration b ≤ t of the best iterate so far ({@link ValidationChoice#beats}); a
 * fit without validation data runs all its iterations. Stopping early changes the result only when a later iteration
 * would have beaten every earlier one after the rule gave up.
 */
@FunctionalInterface
public interface StoppingRule {
    /** Run every iteration (the papers' protocols). */
    StoppingRule NEVER = (t, best) -> false;

    /** Whether to stop after iteration {@code t} when the best iterate so far is iteration {@code best}. */
    boolean stop(int t, int best);

    /**
     * Early stopping with patience p ≥ 1: stop once p iterations in a row have not beaten the best, i.e. when
     * t − best ≥ p. {@code p = 0} is {@link #NEVER}.
     */
    static StoppingRule patience(int p) {
        if (p < 0) {
            throw new IllegalArgumentException("patience must be >= 0 (0: every iteration), got " + p);
        }
        return p == 0 ? NEVER : (t, best) -> t - best >= p;
    }
}
